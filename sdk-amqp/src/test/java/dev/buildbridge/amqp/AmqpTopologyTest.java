package dev.buildbridge.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmqpTopologyTest {
  private AmqpTopology declared;

  @AfterEach
  void deleteDeclared() throws Exception {
    if (declared != null) {
      LocalBroker.delete(declared);
    }
  }

  @Test
  void solsticeTopologyUsesSolsticeNamesForJobsAndSolsticeStyleNamesForResults() {
    AmqpTopology t = AmqpTopology.solstice();
    assertEquals("solstice.jobs", t.exchange());
    assertEquals("jobrequest.v1", t.routingKey());
    assertEquals("solstice.jobs.v1", t.queue());
    assertEquals("solstice.dlx", t.deadLetterExchange());
    assertEquals("solstice.jobs.v1.dlq", t.deadLetterQueue());
    assertEquals("solstice.results", t.resultsExchange());
    assertEquals("jobresult.v1", t.resultsRoutingKey());
    assertEquals("solstice.results.v1", t.resultsQueue());
    assertEquals("solstice.results.dlx", t.resultsDeadLetterExchange());
    assertEquals("solstice.results.v1.dlq", t.resultsDeadLetterQueue());
    assertEquals(t, AmqpTopology.newBuilder().build());
  }

  @Test
  void builderChangesOnlyWhatIsSet() {
    AmqpTopology t = AmqpTopology.solstice().toBuilder().resultsQueue("gw-7.results")
        .resultsDeadLetterQueue("gw-7.results.dlq").build();
    assertEquals("gw-7.results", t.resultsQueue());
    assertEquals("gw-7.results.dlq", t.resultsDeadLetterQueue());
    assertEquals("solstice.jobs.v1", t.queue());
    assertEquals(t, t.toBuilder().build());
  }

  @Test
  void rejectsBlankNameNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().deadLetterQueue("  "));
    assertEquals("deadLetterQueue must not be blank", e.getMessage());
  }

  @Test
  void rejectsMissingNameNamingTheField() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> AmqpTopology.newBuilder().resultsExchange(null));
    assertEquals("resultsExchange", e.getMessage());
  }

  @Test
  void rejectsNamesTheBrokerReserves() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().exchange("amq.direct"));
    assertTrue(e.getMessage().startsWith("exchange \"amq.direct\" starts with \"amq.\""),
        e.getMessage());
  }

  @Test
  void rejectsNamesLongerThan255Utf8Bytes() {
    String fits = "é".repeat(127); // 254 bytes
    assertEquals(fits, AmqpTopology.newBuilder().queue(fits).build().queue());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().queue("é".repeat(128)));
    assertEquals("queue is longer than 255 UTF-8 bytes", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().routingKey("k".repeat(256)));
  }

  @Test
  void acceptsAnEmptyRoutingKey() {
    assertEquals("", AmqpTopology.newBuilder().routingKey("").build().routingKey());
  }

  @Test
  void rejectsOneDeadLetterExchangeForJobsAndResults() {
    // a fanout exchange would copy every dead letter into both dead-letter queues
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().resultsDeadLetterExchange("solstice.dlx").build());
    assertEquals("deadLetterExchange and resultsDeadLetterExchange must name different exchanges,"
        + " both are \"solstice.dlx\"", e.getMessage());
  }

  @Test
  void rejectsADeadLetterExchangeThatIsAlsoTheJobExchange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().deadLetterExchange("solstice.jobs").build());
    assertTrue(e.getMessage().startsWith("deadLetterExchange and exchange must name different"),
        e.getMessage());
  }

  @Test
  void rejectsTheSameQueueForJobsAndResults() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpTopology.newBuilder().resultsQueue("solstice.jobs.v1").build());
    assertEquals("queue and resultsQueue must name different queues, both are"
        + " \"solstice.jobs.v1\"", e.getMessage());
  }

  @Test
  void allowsOneExchangeForJobsAndResults() {
    AmqpTopology t = AmqpTopology.newBuilder().resultsExchange("solstice.jobs").build();
    assertEquals(t.exchange(), t.resultsExchange());
  }

  @Test
  void declaredJobQueueDeadLettersRejectedJobsToTheDeadLetterQueue() throws Exception {
    LocalBroker.require();
    AmqpTopology t = declare();
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.basicPublish(t.exchange(), t.routingKey(), true, null, "job".getBytes(UTF_8));
      GetResponse job = awaitMessage(ch, t.queue());
      ch.basicNack(job.getEnvelope().getDeliveryTag(), false, false);
      GetResponse dead = awaitMessage(ch, t.deadLetterQueue());
      assertEquals("job", new String(dead.getBody(), UTF_8));
      assertNull(ch.basicGet(t.resultsDeadLetterQueue(), true), "dead letter copied to results");
    }
  }

  @Test
  void declaredResultsQueueDeadLettersToItsOwnQueueOnly() throws Exception {
    LocalBroker.require();
    AmqpTopology t = declare();
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.basicPublish(t.resultsExchange(), t.resultsRoutingKey(), true, null,
          "result".getBytes(UTF_8));
      GetResponse result = awaitMessage(ch, t.resultsQueue());
      ch.basicNack(result.getEnvelope().getDeliveryTag(), false, false);
      assertEquals("result", new String(awaitMessage(ch, t.resultsDeadLetterQueue()).getBody(),
          UTF_8));
      assertNull(ch.basicGet(t.deadLetterQueue(), true), "dead letter copied to jobs");
    }
  }

  @Test
  void declaringAgainChangesNothingButAQueueWithoutTheDeadLetterArgumentConflicts()
      throws Exception {
    LocalBroker.require();
    AmqpTopology t = declare();
    try (Connection c = LocalBroker.connect()) {
      Channel ch = c.createChannel();
      t.declare(ch); // idempotent
      AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(t.queue());
      assertEquals(0, ok.getMessageCount());
      // the queue carries x-dead-letter-exchange: declaring it without is refused
      IOException e = assertThrows(IOException.class,
          () -> ch.queueDeclare(t.queue(), true, false, false, null));
      assertNotNull(e.getCause());
      assertTrue(e.getCause().getMessage().contains("x-dead-letter-exchange"),
          e.getCause().getMessage());
    }
  }

  private AmqpTopology declare() throws IOException, TimeoutException {
    declared = LocalBroker.uniqueTopology();
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      declared.declare(ch);
    }
    return declared;
  }

  private static GetResponse awaitMessage(Channel ch, String queue) throws Exception {
    GetResponse[] got = new GetResponse[1];
    assertTrue(LocalBroker.await(() -> {
      try {
        got[0] = ch.basicGet(queue, false);
        return got[0] != null;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, Duration.ofSeconds(5)), "no message arrived in " + queue);
    return got[0];
  }
}
