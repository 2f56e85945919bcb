package dev.buildbridge.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.buildbridge.amqp.AmqpException.Reason;
import dev.buildbridge.core.job.JobResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmqpJobResultConsumerTest {
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<JobResult> handled = new CopyOnWriteArrayList<>();
  private AmqpTopology topology;

  @AfterEach
  void cleanUp() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    if (topology != null) {
      LocalBroker.delete(topology);
    }
  }

  private AmqpJobResultConsumer.Builder consumer(String uri) {
    LocalBroker.require();
    topology = LocalBroker.uniqueTopology();
    return AmqpJobResultConsumer.newBuilder().uri(uri).topology(topology)
        .recoveryInterval(Duration.ofMillis(100)).handler(handled::add);
  }

  private AmqpJobResultConsumer started(AmqpJobResultConsumer.Builder builder) {
    AmqpJobResultConsumer c = builder.build();
    closeables.add(c);
    return c.start();
  }

  private static JobResult result(int exitCode) {
    return JobResult.of(LocalBroker.job(), exitCode, "exit " + exitCode,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private void publish(byte[] body) throws Exception {
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.confirmSelect();
      ch.basicPublish(topology.resultsExchange(), topology.resultsRoutingKey(), true,
          new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json")
              .type(JobResult.SCHEMA_VERSION).messageId("m-" + body.length).build(), body);
      ch.waitForConfirmsOrDie(5000);
    }
  }

  // ---- builder, no broker needed ----

  @Test
  void builderRequiresAUriAndAHandler() {
    assertEquals("uri is required", assertThrows(IllegalStateException.class,
        () -> AmqpJobResultConsumer.newBuilder().handler(r -> { }).build()).getMessage());
    assertEquals("handler is required", assertThrows(IllegalStateException.class,
        () -> AmqpJobResultConsumer.newBuilder().uri("amqp://h").build()).getMessage());
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    AmqpJobResultConsumer.Builder b = AmqpJobResultConsumer.newBuilder();
    assertEquals("prefetch must be between 1 and 65535, was 0", assertThrows(
        IllegalArgumentException.class, () -> b.prefetch(0)).getMessage());
    assertEquals("prefetch must be between 1 and 65535, was 65536", assertThrows(
        IllegalArgumentException.class, () -> b.prefetch(65536)).getMessage());
    assertEquals("recoveryInterval must be positive, was PT0S", assertThrows(
        IllegalArgumentException.class, () -> b.recoveryInterval(Duration.ZERO)).getMessage());
    assertEquals("closeTimeout must be positive, was PT-1S", assertThrows(
        IllegalArgumentException.class, () -> b.closeTimeout(Duration.ofSeconds(-1)))
        .getMessage());
    assertEquals("handler", assertThrows(NullPointerException.class, () -> b.handler(null))
        .getMessage());
  }

  @Test
  void startFailsWithUnavailableWhenNothingListens() throws Exception {
    int port = LocalBroker.freePort();
    AmqpJobResultConsumer c = AmqpJobResultConsumer.newBuilder()
        .uri("amqp://u:s3cret@127.0.0.1:" + port).handler(handled::add).build();
    closeables.add(c);
    AmqpException e = assertThrows(AmqpException.class, c::start);
    assertEquals(Reason.UNAVAILABLE, e.reason());
    assertTrue(e.getMessage().startsWith("cannot connect to amqp://u@127.0.0.1:"),
        e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    assertFalse(c.isConnected());
    assertEquals("AmqpJobResultConsumer[amqp://u@127.0.0.1:" + port
        + "/, queue=solstice.results.v1]", c.toString());
  }

  @Test
  void closedConsumerCannotStart() {
    AmqpJobResultConsumer c = AmqpJobResultConsumer.newBuilder().uri("amqp://h")
        .handler(handled::add).build();
    c.close();
    c.close();
    assertEquals(Reason.CLOSED, assertThrows(AmqpException.class, c::start).reason());
  }

  // ---- against the broker ----

  @Test
  void handsEachResultToTheHandlerAndAcknowledgesIt() throws Exception {
    AmqpJobResultConsumer c = started(consumer(LocalBroker.URI));
    assertTrue(c.isConnected());
    JobResult ok = result(0);
    JobResult failed = result(2);
    publish(ok.toJson());
    publish(failed.toJson());
    assertTrue(LocalBroker.await(() -> handled.size() == 2, Duration.ofSeconds(5)));
    assertEquals(List.of(ok, failed), handled);
    c.close();
    assertFalse(c.isConnected());
    // acknowledged: nothing came back to the queue when the consumer closed
    assertEquals(0, LocalBroker.depth(topology.resultsQueue()));
    assertEquals(0, LocalBroker.depth(topology.resultsDeadLetterQueue()));
  }

  @Test
  void deadLettersAMalformedMessageWithoutCallingTheHandler() throws Exception {
    started(consumer(LocalBroker.URI));
    publish("{\"schema_version\":\"jobresult.v1\",\"success\":tru".getBytes(UTF_8));
    publish("{\"request_id\":\"not-a-uuid\"}".getBytes(UTF_8));
    JobResult good = result(0);
    publish(good.toJson());
    assertTrue(LocalBroker.await(() -> depthOrZero(topology.resultsDeadLetterQueue()) == 2,
        Duration.ofSeconds(5)), "malformed messages not dead-lettered");
    assertTrue(LocalBroker.await(() -> handled.size() == 1, Duration.ofSeconds(5)));
    assertEquals(List.of(good), handled);
    List<GetResponse> dead = LocalBroker.drain(topology.resultsDeadLetterQueue());
    assertTrue(new String(dead.get(0).getBody(), UTF_8).endsWith("tru"));
  }

  @Test
  void deadLettersAResultWhoseHandlerThrows() throws Exception {
    JobResult poison = result(1);
    started(consumer(LocalBroker.URI).handler(r -> {
      if (r.equals(poison)) {
        throw new IllegalStateException("cannot update the check run");
      }
      handled.add(r);
    }));
    JobResult fine = result(0);
    publish(poison.toJson());
    publish(fine.toJson());
    assertTrue(LocalBroker.await(() -> depthOrZero(topology.resultsDeadLetterQueue()) == 1,
        Duration.ofSeconds(5)), "failed result not dead-lettered");
    assertTrue(LocalBroker.await(() -> handled.size() == 1, Duration.ofSeconds(5)));
    assertEquals(List.of(fine), handled);
    assertEquals(poison,
        JobResult.parse(LocalBroker.drain(topology.resultsDeadLetterQueue()).get(0).getBody()));
  }

  @Test
  void resumesConsumingAfterTheConnectionDrops() throws Exception {
    TcpProxy proxy = new TcpProxy(LocalBroker.PORT);
    closeables.add(proxy);
    AmqpJobResultConsumer c = started(consumer(proxy.uri())
        .recoveryInterval(Duration.ofMillis(300)));
    JobResult before = result(0);
    publish(before.toJson());
    assertTrue(LocalBroker.await(() -> handled.size() == 1, Duration.ofSeconds(5)));

    proxy.cut();
    assertTrue(LocalBroker.await(() -> !c.isConnected(), Duration.ofSeconds(5)),
        "cut not noticed");
    JobResult during = result(3);
    publish(during.toJson()); // queued while the consumer is away
    assertTrue(LocalBroker.await(() -> handled.size() == 2, Duration.ofSeconds(10)),
        "no result after the cut");
    assertTrue(c.isConnected());
    JobResult after = result(0);
    publish(after.toJson());
    assertTrue(LocalBroker.await(() -> handled.size() == 3, Duration.ofSeconds(5)));
    assertEquals(List.of(before, during, after), handled);
    assertEquals(2, proxy.connections());
  }

  @Test
  void closeWaitsForTheRunningHandlerAndLeavesTheRestQueued() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AmqpJobResultConsumer c = started(consumer(LocalBroker.URI).prefetch(1).handler(r -> {
      inHandler.countDown();
      assertTrue(release.await(10, TimeUnit.SECONDS));
      handled.add(r);
    }));
    JobResult first = result(0);
    publish(first.toJson());
    publish(result(1).toJson());
    publish(result(2).toJson());
    assertTrue(inHandler.await(5, TimeUnit.SECONDS));

    Thread closer = new Thread(c::close, "closer");
    closer.start();
    closer.join(300);
    assertTrue(closer.isAlive(), "close did not wait for the handler");
    release.countDown();
    closer.join(5000);
    assertFalse(closer.isAlive(), "close did not finish");

    assertEquals(List.of(first), handled);
    assertEquals(2, LocalBroker.depth(topology.resultsQueue()));
    assertEquals(0, LocalBroker.depth(topology.resultsDeadLetterQueue()));
  }

  @Test
  void startingTwiceIsAnError() {
    AmqpJobResultConsumer c = started(consumer(LocalBroker.URI));
    assertEquals("consumer already started",
        assertThrows(IllegalStateException.class, c::start).getMessage());
  }

  private static long depthOrZero(String queue) {
    try {
      return LocalBroker.depth(queue);
    } catch (Exception e) {
      return 0;
    }
  }
}
