package dev.buildbridge.amqp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The RabbitMQ broker the tests use: 127.0.0.1:5672, guest/guest, virtual host "/". Tests that need
 * it call {@link #require()}, which skips them with a printed reason when nothing answers there.
 * Every test declares its own names (random suffix) and deletes them afterwards.
 */
final class LocalBroker {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5672;
  static final String URI = "amqp://guest:guest@" + HOST + ":" + PORT + "/";

  private static Boolean available;

  private LocalBroker() {}

  static synchronized void require() {
    if (available == null) {
      available = probe();
      if (!available) {
        System.err.println("[buildbridge] SKIPPED: no RabbitMQ broker answers at " + HOST + ":"
            + PORT + " (guest/guest); the sdk-amqp broker tests need one (e.g. docker run -p"
            + " 5672:5672 rabbitmq:4)");
      }
    }
    assumeTrue(available, "no RabbitMQ broker answers at " + HOST + ":" + PORT
        + " with guest/guest");
  }

  private static boolean probe() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 500);
    } catch (IOException e) {
      return false;
    }
    try (Connection c = factory().newConnection("buildbridge-test-probe")) {
      return c.isOpen();
    } catch (IOException | TimeoutException e) {
      System.err.println("[buildbridge] a broker listens at " + HOST + ":" + PORT
          + " but guest/guest cannot connect: " + e);
      return false;
    }
  }

  static ConnectionFactory factory() {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(HOST);
    f.setPort(PORT);
    f.setUsername("guest");
    f.setPassword("guest");
    f.setConnectionTimeout(2000);
    f.setAutomaticRecoveryEnabled(false);
    return f;
  }

  static Connection connect() throws IOException, TimeoutException {
    return factory().newConnection("buildbridge-test-admin");
  }

  /** A topology whose every name carries a random suffix, so runs never share anything. */
  static AmqpTopology uniqueTopology() {
    String s = "bb-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    return AmqpTopology.newBuilder()
        .exchange(s + ".jobs").queue(s + ".jobs.v1")
        .deadLetterExchange(s + ".dlx").deadLetterQueue(s + ".jobs.v1.dlq")
        .resultsExchange(s + ".results").resultsQueue(s + ".results.v1")
        .resultsDeadLetterExchange(s + ".results.dlx").resultsDeadLetterQueue(s + ".results.v1.dlq")
        .build();
  }

  /** Deletes every exchange and queue of the topology that exists. */
  static void delete(AmqpTopology t) throws IOException, TimeoutException {
    try (Connection c = connect()) {
      for (String q : List.of(t.queue(), t.deadLetterQueue(), t.resultsQueue(),
          t.resultsDeadLetterQueue())) {
        Channel ch = c.createChannel();
        ch.queueDelete(q);
        ch.close();
      }
      for (String x : List.of(t.exchange(), t.deadLetterExchange(), t.resultsExchange(),
          t.resultsDeadLetterExchange())) {
        Channel ch = c.createChannel();
        ch.exchangeDelete(x);
        ch.close();
      }
    }
  }

  /** Number of ready messages in a queue. */
  static long depth(String queue) throws IOException, TimeoutException {
    try (Connection c = connect(); Channel ch = c.createChannel()) {
      return ch.queueDeclarePassive(queue).getMessageCount();
    }
  }

  /** Takes (and acknowledges) every message in the queue. */
  static List<GetResponse> drain(String queue) throws IOException, TimeoutException {
    List<GetResponse> all = new ArrayList<>();
    try (Connection c = connect(); Channel ch = c.createChannel()) {
      for (GetResponse r = ch.basicGet(queue, true); r != null; r = ch.basicGet(queue, true)) {
        all.add(r);
      }
    }
    return all;
  }

  /** Waits for up to {@code timeout} for the condition; returns whether it held. */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** A loopback port nothing listens on (bound, then released). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static JobRequest job() {
    return JobRequest.newBuilder()
        .groupId(UUID.randomUUID())
        .source(JobSource.GITHUB)
        .repoUrl("https://github.com/octo/hello.git").repoOwner("octo").repoName("hello")
        .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e")
        .workflowPath(".solstice/workflow.kdl").workflowJobId("build")
        .runsOn("ubuntu-22.04")
        .build();
  }

  static List<JobRequest> jobs(int n) {
    JobRequest first = job();
    List<JobRequest> jobs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      jobs.add(first.toBuilder().requestId(UUID.randomUUID()).workflowJobId("job-" + i).build());
    }
    return jobs;
  }
}
