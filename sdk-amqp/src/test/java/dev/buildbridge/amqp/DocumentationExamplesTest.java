package dev.buildbridge.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The usage examples of the public types' javadoc, kept compiling and working. The examples use
 * Solstice's default names; here every name carries a random suffix, because the broker is shared.
 */
class DocumentationExamplesTest {
  private AmqpTopology topology;

  @AfterEach
  void deleteTopology() throws Exception {
    if (topology != null) {
      LocalBroker.delete(topology);
    }
  }

  @Test
  void publisherAndConsumerExamples() throws Exception {
    LocalBroker.require();
    topology = LocalBroker.uniqueTopology();
    String password = "guest";
    List<JobRequest> jobs = LocalBroker.jobs(2); // decision.jobs() in the example
    int status;

    // AmqpJobPublisher
    try (AmqpJobPublisher publisher = AmqpJobPublisher.newBuilder()
        .uri("amqp://guest:" + password + "@127.0.0.1:5672/%2F")
        .topology(topology)
        .build()) {
      try {
        publisher.accept(jobs);
        status = 202;
      } catch (AmqpException e) {
        // AmqpException: log e.reason() and e.getMessage()
        status = 503;
      }
    }
    assertEquals(202, status);
    assertEquals(2, LocalBroker.depth(topology.queue()));

    // JobResultHandler and AmqpJobResultConsumer
    Map<UUID, Boolean> checks = new ConcurrentHashMap<>();
    JobResultHandler handler = result -> checks.put(result.requestId(), result.success());
    AmqpJobResultConsumer consumer = AmqpJobResultConsumer.newBuilder()
        .uri("amqp://guest:" + password + "@127.0.0.1:5672")
        .topology(topology)
        .handler(handler)
        .build()
        .start();
    try (Connection c = LocalBroker.connect(); Channel ch = c.createChannel()) {
      ch.basicPublish(topology.resultsExchange(), topology.resultsRoutingKey(), null,
          JobResult.of(jobs.get(0), 0, "ok", Instant.now()).toJson());
    }
    assertTrue(LocalBroker.await(() -> checks.size() == 1, Duration.ofSeconds(5)));
    assertEquals(Map.of(jobs.get(0).requestId(), true), checks);
    consumer.close();
  }

  @Test
  void topologyExample() throws Exception {
    LocalBroker.require();
    String suffix = LocalBroker.uniqueTopology().exchange();
    topology = AmqpTopology.solstice().toBuilder()
        .resultsQueue("gateway-7.results" + suffix)
        .resultsDeadLetterQueue("gateway-7.results.dlq" + suffix)
        // not in the example: the shared test broker must not get Solstice's names
        .exchange(suffix + ".x").queue(suffix + ".q").deadLetterExchange(suffix + ".dlx")
        .deadLetterQueue(suffix + ".dlq").resultsExchange(suffix + ".rx")
        .resultsDeadLetterExchange(suffix + ".rdlx")
        .build();
    ConnectionFactory factory = LocalBroker.factory();
    try (Connection connection = factory.newConnection();
        Channel channel = connection.createChannel()) {
      topology.declare(channel);
      topology.declare(channel);
      assertEquals(0, channel.queueDeclarePassive(topology.resultsQueue()).getMessageCount());
    }
  }
}
