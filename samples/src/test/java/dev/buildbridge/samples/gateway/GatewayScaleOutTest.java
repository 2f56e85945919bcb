package dev.buildbridge.samples.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.samples.gateway.Wire.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.buildbridge.amqp.AmqpTopology;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.samples.gateway.Wire.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway scaled out, against the real RabbitMQ and PostgreSQL on localhost (skipped with a
 * message when they do not answer): jobs published with confirms and results consumed, no job lost
 * when the broker connection drops, and two instances sharing delivery dedup and the KCIDB outbox.
 */
class GatewayScaleOutTest {
  @RegisterExtension
  static WireMockExtension kcidb = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir
  Path dir;

  private static String random() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  private GatewayConfig.Builder config(String name) {
    return GatewayConfig.newBuilder()
        .httpAddress("127.0.0.1:0")
        .dataDir(dir.resolve(name))
        .githubWebhookSecret(Wire.GITHUB_SECRET)
        .tuxsuitePublicKey(Wire.TUX_PUBLIC_KEY)
        .runnerToken(Wire.RUNNER_TOKEN)
        .workflowMode(GatewayConfig.WorkflowMode.NONE);
  }

  // ---- RabbitMQ ---------------------------------------------------------------------------------

  private static void deleteTopology(AmqpTopology t) throws IOException, TimeoutException {
    try (Connection c = LocalServices.rabbit().newConnection("buildbridge-gateway-test-cleanup")) {
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

  private static List<GetResponse> drain(String queue) throws IOException, TimeoutException {
    List<GetResponse> all = new ArrayList<>();
    try (Connection c = LocalServices.rabbit().newConnection("buildbridge-gateway-test-drain");
        Channel ch = c.createChannel()) {
      for (GetResponse r = ch.basicGet(queue, true); r != null; r = ch.basicGet(queue, true)) {
        all.add(r);
      }
    }
    return all;
  }

  @Test
  void jobsArePublishedToTheBrokerAndResultsAreConsumedFromIt() throws Exception {
    LocalServices.requireRabbitMq();
    String prefix = "bb-gw-test-" + random();
    AmqpTopology topology = ScaleOut.topology(prefix);
    try (Gateway gateway = Gateway.start(config("amqp")
        .amqpUrl(URI.create("amqp://guest:guest@127.0.0.1:" + LocalServices.RABBIT_PORT + "/"))
        .amqpPrefix(prefix)
        .build())) {
      URI base = gateway.baseUri();
      Reply r = Wire.github(base, "push", "amqp-1", fixture(GatewayTest.PUSH));
      assertEquals(202, r.status(), r.body());
      String id = r.json().get("jobs").get(0).get("request_id").asText();

      List<GetResponse> messages = drain(topology.queue());
      assertEquals(1, messages.size());
      AMQP.BasicProperties props = messages.get(0).getProps();
      assertEquals(id, props.getMessageId());
      assertEquals(2, props.getDeliveryMode(), "persistent");
      JobRequest job = JobRequest.parse(messages.get(0).getBody());
      assertEquals(GatewayTest.PUSH_SHA, job.commitSha());

      JobResult result = JobResult.of(job, 0, "passed on a broker runner", Instant.now());
      try (Connection c = LocalServices.rabbit().newConnection("buildbridge-gateway-test-runner");
          Channel ch = c.createChannel()) {
        ch.basicPublish(topology.resultsExchange(), topology.resultsRoutingKey(),
            new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json")
                .build(), result.toJson());
      }
      Wire.eventually("the consumed result", () -> {
        JsonNode recent = Wire.jobs(base, "").json().get("recent").get(0);
        return !recent.get("result").isNull()
            && recent.get("result").get("summary").asText().equals("passed on a broker runner");
      });
      String metrics = Wire.get(base, "/metrics").body();
      assertEquals(1, Wire.sample(metrics,
          "buildbridge_job_results_total{source=\"amqp\",outcome=\"success\"}"));

      JsonNode health = Wire.get(base, "/healthz").json();
      assertTrue(health.get("checks").get("amqp").get("ok").asBoolean(), health.toString());
      assertEquals(prefix + ".jobs.v1",
          Wire.jobs(base, "").json().get("queue").get("queue").asText());
      assertEquals(409, Wire.runner(base, "/jobs/next", new byte[0]).status());
    } finally {
      deleteTopology(topology);
    }
  }

  @Test
  void noJobIsLostWhenTheBrokerConnectionDropsMidStream() throws Exception {
    LocalServices.requireRabbitMq();
    String prefix = "bb-gw-test-" + random();
    AmqpTopology topology = ScaleOut.topology(prefix);
    Set<String> answered = ConcurrentHashMap.newKeySet();
    int deliveries = 40;
    try (TcpProxy proxy = new TcpProxy(LocalServices.RABBIT_HOST, LocalServices.RABBIT_PORT);
        Gateway gateway = Gateway.start(config("amqp-drops")
            .amqpUrl(URI.create("amqp://guest:guest@127.0.0.1:" + proxy.port() + "/"))
            .amqpPrefix(prefix)
            .build())) {
      URI base = gateway.baseUri();
      byte[] body = fixture(GatewayTest.PUSH);
      ExecutorService forges = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
          String deliveryId = "drop-" + i;
          sent.add(forges.submit(() -> {
            // a forge redelivers what was not answered 2xx
            for (int attempt = 1; attempt <= 10; attempt++) {
              Reply r = Wire.github(base, "push", deliveryId, body);
              if (r.status() == 202) {
                answered.add(r.json().get("jobs").get(0).get("request_id").asText());
                return attempt;
              }
              if (r.status() != 503) {
                fail("unexpected answer " + r.status() + ": " + r.body());
              }
            }
            fail("delivery " + deliveryId + " was never taken");
            return -1;
          }));
        }
        // cut the broker connections while deliveries are being published and confirmed
        for (int threshold : List.of(10, 25)) {
          Wire.eventually(threshold + " deliveries taken", () -> answered.size() >= threshold);
          proxy.cutAll();
        }
        for (Future<Integer> f : sent) {
          f.get();
        }
      } finally {
        forges.shutdownNow();
      }
      assertEquals(deliveries, answered.size());
      assertTrue(proxy.accepted() >= 4, "the publisher reconnected after each cut: "
          + proxy.accepted() + " connections");
    }
    try {
      Set<String> queued = new HashSet<>();
      for (GetResponse m : drain(topology.queue())) {
        queued.add(m.getProps().getMessageId());
      }
      Set<String> lost = new HashSet<>(answered);
      lost.removeAll(queued);
      assertTrue(lost.isEmpty(), "jobs answered 202 but not in the queue: " + lost);
    } finally {
      deleteTopology(topology);
    }
  }

  // ---- PostgreSQL -------------------------------------------------------------------------------

  private static byte[] buildCallback(String uid) {
    return new String(fixture("tuxsuite/build-callback.json"), UTF_8)
        .replace("2ZITcwA6wxeKxh9cZA5HBJ6FkSj", uid).getBytes(UTF_8);
  }

  @Test
  void twoGatewaysOnOneDatabaseShareDedupAndSendEachOutboxEntryOnce() throws Exception {
    LocalServices.requirePostgres();
    String schema = "bb_gw_test_" + random();
    kcidb.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + random() + "\",\"status\":\"ok\"}")));
    GatewayConfig.Builder shared = config("unused")
        .jdbcUrl(LocalServices.postgresUrl())
        .jdbcSchema(schema)
        .kcidbUrl(URI.create(kcidb.baseUrl()));
    try (Gateway a = Gateway.start(shared.dataDir(dir.resolve("a")).build());
        Gateway b = Gateway.start(shared.dataDir(dir.resolve("b")).build())) {
      byte[] push = fixture(GatewayTest.PUSH);
      assertEquals(202, Wire.github(a.baseUri(), "push", "shared-1", push).status());
      Reply duplicate = Wire.github(b.baseUri(), "push", "shared-1", push);
      assertEquals(200, duplicate.status(), "instance b knows a's delivery: " + duplicate.body());

      int documents = 8;
      for (int i = 0; i < documents; i++) {
        Gateway to = i % 2 == 0 ? a : b;
        Reply r = Wire.tuxsuite(to.baseUri(), buildCallback("GwTest" + i + random()));
        assertEquals(200, r.status(), r.body());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (kcidb.findAll(postRequestedFor(urlPathEqualTo("/submit"))).size() < documents
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(300); // a second send of any entry would show up now
      List<LoggedRequest> sent = kcidb.findAll(postRequestedFor(urlPathEqualTo("/submit")));
      Set<String> distinct = new HashSet<>();
      sent.forEach(s -> distinct.add(s.getBodyAsString()));
      assertEquals(documents, sent.size(), "each outbox entry is sent once");
      assertEquals(documents, distinct.size());
      assertEquals(0, Wire.sample(Wire.get(a.baseUri(), "/metrics").body(),
          "buildbridge_kcidb_outbox_pending"));
      JsonNode health = Wire.get(b.baseUri(), "/healthz").json();
      assertTrue(health.get("checks").get("database").get("ok").asBoolean(), health.toString());
    } finally {
      LocalServices.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void unreachableDatabaseFailsTheStartNamingIt() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GatewayException e = org.junit.jupiter.api.Assertions.assertThrows(GatewayException.class,
        () -> Gateway.start(config("nodb").jdbcUrl("jdbc:postgresql://127.0.0.1:" + port
            + "/test?user=postgres&password=hunter2").build()));
    assertEquals(GatewayException.Reason.START_FAILED, e.reason());
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
  }
}
