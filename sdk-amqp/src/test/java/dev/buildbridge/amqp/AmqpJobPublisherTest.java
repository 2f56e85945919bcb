package dev.buildbridge.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.buildbridge.amqp.AmqpException.Reason;
import dev.buildbridge.core.job.JobRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmqpJobPublisherTest {
  private final List<AutoCloseable> closeables = new ArrayList<>();
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

  private AmqpTopology topology() {
    topology = LocalBroker.uniqueTopology();
    return topology;
  }

  private AmqpJobPublisher publisher(AmqpJobPublisher.Builder builder) {
    AmqpJobPublisher p = builder.build();
    closeables.add(p);
    return p;
  }

  private AmqpJobPublisher.Builder brokerPublisher() {
    LocalBroker.require();
    return AmqpJobPublisher.newBuilder().uri(LocalBroker.URI).topology(topology())
        .confirmTimeout(Duration.ofSeconds(5));
  }

  // ---- builder and arguments, no broker needed ----

  @Test
  void builderRequiresAUri() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AmqpJobPublisher.newBuilder().build());
    assertEquals("uri is required", e.getMessage());
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    AmqpJobPublisher.Builder b = AmqpJobPublisher.newBuilder();
    assertEquals("confirmTimeout must be positive, was PT0S", assertThrows(
        IllegalArgumentException.class, () -> b.confirmTimeout(Duration.ZERO)).getMessage());
    assertEquals("connectTimeout must be positive, was PT-1S", assertThrows(
        IllegalArgumentException.class, () -> b.connectTimeout(Duration.ofSeconds(-1)))
        .getMessage());
    assertEquals("reconnectBackoff", assertThrows(NullPointerException.class,
        () -> b.reconnectBackoff(null)).getMessage());
    assertEquals("heartbeat must be zero or between 1 and 65535 seconds, was PT0.5S",
        assertThrows(IllegalArgumentException.class, () -> b.heartbeat(Duration.ofMillis(500)))
            .getMessage());
    assertEquals("maxChannels must be between 1 and 2047, was 0", assertThrows(
        IllegalArgumentException.class, () -> b.maxChannels(0)).getMessage());
    assertEquals("connectionName must not be blank", assertThrows(
        IllegalArgumentException.class, () -> b.connectionName(" ")).getMessage());
    assertEquals("topology", assertThrows(NullPointerException.class, () -> b.topology(null))
        .getMessage());
    b.heartbeat(Duration.ZERO); // turns heartbeats off
  }

  @Test
  void neverShowsThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AmqpJobPublisher.newBuilder().uri("https://u:s3cret@rabbit/"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder()
        .uri("amqp://gateway:s3cret@rabbit.internal/ci"));
    assertEquals("AmqpJobPublisher[amqp://gateway@rabbit.internal:5672/ci, exchange=solstice.jobs,"
        + " routingKey=jobrequest.v1]", p.toString());
  }

  @Test
  void rejectsAMissingJobNamingItsIndex() throws Exception {
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder()
        .uri("amqp://127.0.0.1:" + LocalBroker.freePort()));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> p.accept(Arrays.asList(LocalBroker.job(), null)));
    assertEquals("jobs[1]", e.getMessage());
    assertEquals("jobs", assertThrows(NullPointerException.class, () -> p.accept(null))
        .getMessage());
  }

  @Test
  void emptyListReturnsWithoutConnectingButJobsNeedABroker() throws Exception {
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder()
        .uri("amqp://127.0.0.1:" + LocalBroker.freePort())
        .confirmTimeout(Duration.ofMillis(800)).reconnectBackoff(Duration.ofMillis(50)));
    p.accept(List.of()); // nothing listens there: an attempt to connect would throw
    long start = System.nanoTime();
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(List.of(LocalBroker.job())));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(Reason.UNAVAILABLE, e.reason());
    assertEquals("UNAVAILABLE", e.code());
    assertTrue(e.getMessage().contains("cannot publish to amqp://guest@127.0.0.1:"),
        e.getMessage());
    assertTrue(e.getMessage().contains("1 of 1 jobs unconfirmed"), e.getMessage());
    assertTrue(millis >= 700 && millis < 3000, "gave up after " + millis + " ms");
  }

  @Test
  void closedPublisherRefusesJobs() throws Exception {
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder()
        .uri("amqp://127.0.0.1:" + LocalBroker.freePort()));
    p.close();
    p.close(); // idempotent
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(List.of(LocalBroker.job())));
    assertEquals(Reason.CLOSED, e.reason());
  }

  // ---- against the broker ----

  @Test
  void publishesEachJobAsAPersistentJsonMessageCarryingItsRequestId() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher());
    JobRequest job = LocalBroker.job();
    p.accept(List.of(job));

    List<GetResponse> messages = LocalBroker.drain(topology.queue());
    assertEquals(1, messages.size());
    GetResponse m = messages.get(0);
    AMQP.BasicProperties props = m.getProps();
    assertEquals(2, props.getDeliveryMode());
    assertEquals("application/json", props.getContentType());
    assertEquals(job.requestId().toString(), props.getMessageId());
    assertEquals("jobrequest.v1", props.getType());
    assertEquals("buildbridge", props.getAppId());
    assertEquals(job.submittedAt().getEpochSecond(), props.getTimestamp().getTime() / 1000);
    Map<String, String> headers = new HashMap<>();
    props.getHeaders().forEach((k, v) -> headers.put(k, v.toString()));
    assertEquals(Map.of("source", "github", "group_id", job.groupId().toString(),
        "runs_on", "ubuntu-22.04"), headers);
    assertEquals(topology.exchange(), m.getEnvelope().getExchange());
    assertEquals(topology.routingKey(), m.getEnvelope().getRoutingKey());
    assertEquals(job, JobRequest.parse(m.getBody()));
  }

  @Test
  void declaresTheJobSideOfTheTopologyOnConnect() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher());
    p.accept(List.of(LocalBroker.job()));
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.exchangeDeclarePassive(topology.deadLetterExchange());
      assertEquals(0, ch.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount());
      assertEquals(1, ch.queueDeclarePassive(topology.queue()).getMessageCount());
    }
  }

  @Test
  void returnsOnlyOnceTheBrokerConfirmedEveryJob() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher());
    for (int round = 1; round <= 3; round++) {
      p.accept(LocalBroker.jobs(50));
      // no waiting: a confirm means the broker enqueued (and, persistent, stored) the message
      assertEquals(50L * round, LocalBroker.depth(topology.queue()));
    }
  }

  @Test
  void refusesUnroutableJobsWhenNoQueueIsBound() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher().declareTopology(false));
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.exchangeDeclare(topology.exchange(), BuiltinExchangeType.DIRECT, true);
    }
    List<JobRequest> jobs = LocalBroker.jobs(3);
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(jobs));
    assertEquals(Reason.UNROUTABLE, e.reason());
    assertTrue(e.getMessage().contains("returned 3 of 3 jobs (312 NO_ROUTE)"), e.getMessage());
    assertTrue(e.getMessage().contains("no queue is bound to exchange \"" + topology.exchange()
        + "\" with routing key \"jobrequest.v1\""), e.getMessage());
    assertTrue(e.getMessage().contains(jobs.get(0).requestId().toString()), e.getMessage());
    // the channel stays usable: once a queue is bound the same publisher succeeds
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      topology.declareJobs(ch);
    }
    p.accept(jobs);
    assertEquals(3, LocalBroker.depth(topology.queue()));
  }

  @Test
  void reportsJobsTheBrokerRejected() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher().declareTopology(false));
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.exchangeDeclare(topology.exchange(), BuiltinExchangeType.DIRECT, true);
      // a full queue that rejects further publishes: the broker nacks them
      ch.queueDeclare(topology.queue(), true, false, false,
          Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
      ch.queueBind(topology.queue(), topology.exchange(), topology.routingKey());
    }
    List<JobRequest> jobs = LocalBroker.jobs(3);
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(jobs));
    assertEquals(Reason.NOT_CONFIRMED, e.reason());
    assertTrue(e.getMessage().contains("rejected (basic.nack) 2 of 3 jobs: request ids "
        + jobs.get(1).requestId() + ", " + jobs.get(2).requestId()), e.getMessage());
    assertEquals(1, LocalBroker.depth(topology.queue()));
  }

  @Test
  void refusesJobsForAnExchangeThatDoesNotExist() {
    AmqpJobPublisher p = publisher(brokerPublisher().declareTopology(false));
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(LocalBroker.jobs(2)));
    assertEquals(Reason.UNROUTABLE, e.reason());
    assertTrue(e.getMessage().contains("has no exchange \"" + topology.exchange() + "\""),
        e.getMessage());
  }

  @Test
  void refusesWrongCredentialsAtOnce() {
    LocalBroker.require();
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder()
        .uri("amqp://guest:wrong-s3cret@127.0.0.1:" + LocalBroker.PORT + "/")
        .topology(topology()).confirmTimeout(Duration.ofSeconds(20)));
    long start = System.nanoTime();
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(List.of(LocalBroker.job())));
    assertEquals(Reason.REFUSED, e.reason());
    assertFalse(e.getMessage().contains("wrong-s3cret"), e.getMessage());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "retried until deadline");
  }

  @Test
  void refusesAJobQueueDeclaredWithOtherArguments() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher());
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.queueDeclare(topology.queue(), true, false, false, null); // no dead-letter exchange
    }
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(List.of(LocalBroker.job())));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("406 PRECONDITION_FAILED"), e.getMessage());
    assertTrue(e.getMessage().contains("x-dead-letter-exchange"), e.getMessage());
  }

  @Test
  void timesOutWhenTheBrokerStopsConfirmingAndRecoversAfterwards() throws Exception {
    LocalBroker.require();
    TcpProxy proxy = new TcpProxy(LocalBroker.PORT);
    closeables.add(proxy);
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder().uri(proxy.uri())
        .topology(topology()).confirmTimeout(Duration.ofSeconds(1)));
    p.accept(LocalBroker.jobs(2));

    proxy.pause(true);
    long start = System.nanoTime();
    AmqpException e = assertThrows(AmqpException.class, () -> p.accept(LocalBroker.jobs(3)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(e.getMessage().contains("did not confirm 3 of 3 jobs within PT1S"), e.getMessage());
    assertTrue(millis < 2500, "took " + millis + " ms");

    proxy.pause(false);
    List<JobRequest> later = LocalBroker.jobs(4);
    p.accept(later); // on a new connection
    assertEquals(2, proxy.connections());
    Set<String> queued = ConcurrentHashMap.newKeySet();
    for (GetResponse m : LocalBroker.drain(topology.queue())) {
      queued.add(m.getProps().getMessageId());
    }
    for (JobRequest job : later) {
      assertTrue(queued.contains(job.requestId().toString()));
    }
  }

  @Test
  void losesNoConfirmedJobWhenTheConnectionDropsMidStream() throws Exception {
    LocalBroker.require();
    TcpProxy proxy = new TcpProxy(LocalBroker.PORT);
    closeables.add(proxy);
    AmqpJobPublisher p = publisher(AmqpJobPublisher.newBuilder().uri(proxy.uri())
        .topology(topology()).confirmTimeout(Duration.ofSeconds(5))
        .reconnectBackoff(Duration.ofMillis(20)));
    p.accept(List.of(LocalBroker.job())); // connected and declared before the first cut

    int cutsWanted = 10;
    AtomicBoolean publishing = new AtomicBoolean();
    AtomicInteger cutsWhilePublishing = new AtomicInteger();
    Thread cutter = new Thread(() -> {
      try {
        for (int i = 0; i < cutsWanted; i++) {
          Thread.sleep(120);
          if (publishing.get()) {
            cutsWhilePublishing.incrementAndGet();
          }
          proxy.cut();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cutter");

    List<String> confirmed = new ArrayList<>();
    List<AmqpException> failed = new ArrayList<>();
    int batches = 0;
    cutter.start();
    int afterLastCut = 0;
    while (afterLastCut < 20) {
      if (!cutter.isAlive()) {
        afterLastCut++;
      }
      List<JobRequest> batch = LocalBroker.jobs(8);
      publishing.set(true);
      try {
        p.accept(batch);
        batch.forEach(j -> confirmed.add(j.requestId().toString()));
      } catch (AmqpException e) {
        failed.add(e); // a gateway would answer 503 and the forge redeliver
      } finally {
        publishing.set(false);
      }
      batches++;
    }
    cutter.join();

    Map<String, Integer> queued = new HashMap<>();
    for (GetResponse m : LocalBroker.drain(topology.queue())) {
      queued.merge(m.getProps().getMessageId(), 1, Integer::sum);
    }
    List<String> lost = new ArrayList<>();
    for (String id : confirmed) {
      if (!queued.containsKey(id)) {
        lost.add(id);
      }
    }
    long duplicates = queued.values().stream().filter(n -> n > 1).count();
    System.err.println("[buildbridge] connection drops: " + batches + " batches, "
        + confirmed.size() + " jobs confirmed, " + failed.size() + " accept() calls failed, "
        + proxy.cuts() + " cuts (" + cutsWhilePublishing + " while publishing), "
        + proxy.connections() + " connections, " + duplicates + " jobs queued twice");

    assertTrue(lost.isEmpty(), lost.size() + " confirmed jobs missing from the queue, such as "
        + lost.subList(0, Math.min(5, lost.size())));
    assertEquals(cutsWanted, proxy.cuts());
    assertTrue(cutsWhilePublishing.get() > cutsWanted / 2, "cuts rarely hit a publish");
    assertTrue(proxy.connections() > cutsWanted / 2, "publisher did not reconnect");
    // reconnecting and republishing within the deadline means no call had to fail
    assertEquals(List.of(), failed);
  }

  @Test
  void publishesFromManyThreadsAtOnce() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher().maxChannels(4));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> confirmed = new CopyOnWriteArrayList<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            List<JobRequest> batch = LocalBroker.jobs(5);
            p.accept(batch);
            batch.forEach(j -> confirmed.add(j.requestId().toString()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400, confirmed.size());
    Set<String> queued = ConcurrentHashMap.newKeySet();
    for (GetResponse m : LocalBroker.drain(topology.queue())) {
      assertTrue(queued.add(m.getProps().getMessageId()), "duplicate without a failure");
    }
    assertEquals(Set.copyOf(confirmed), queued);
  }

  @Test
  void closeLetsACallInProgressFinish() throws Exception {
    AmqpJobPublisher p = publisher(brokerPublisher());
    p.accept(List.of(LocalBroker.job()));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> publishing = pool.submit(() -> {
        for (int i = 0; i < 1000; i++) {
          p.accept(LocalBroker.jobs(5));
        }
        return null;
      });
      Thread.sleep(50);
      p.close();
      Exception e = assertThrows(Exception.class, () -> publishing.get(10, TimeUnit.SECONDS));
      AmqpException cause = (AmqpException) e.getCause();
      assertEquals(Reason.CLOSED, cause.reason());
      // every call that returned was confirmed: the queue holds a multiple of the batch size
      assertEquals(1, LocalBroker.depth(topology.queue()) % 5);
    } finally {
      pool.shutdownNow();
    }
  }
}
