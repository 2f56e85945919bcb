package dev.buildbridge.samples.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.samples.gateway.Wire.JSON;
import static dev.buildbridge.samples.gateway.Wire.eventually;
import static dev.buildbridge.samples.gateway.Wire.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.submit.FileOutboxStore;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.samples.gateway.Wire.Reply;
import dev.buildbridge.signing.StandardWebhooks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the gateway in-process on a free port and drives it over real HTTP with signed
 * deliveries from {@code ../shared/fixtures}; GitHub's API and the callback receiver are WireMock
 * servers on loopback.
 */
class GatewayTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  static final String PUSH = "github/push/with-new-branch.payload.json";
  static final String PUSH_SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
  static final String REPO = "/repos/Codertocat/Hello-World";
  static final String CALLBACK_SECRET = StandardWebhooks.generateSecret();
  static final long MAX_BODY = 40 * 1024;
  static String appKeyPem;

  @TempDir
  Path dir;
  Gateway gateway;
  URI base;

  @BeforeAll
  static void appKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    appKeyPem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
            .encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @BeforeEach
  void start() throws IOException {
    wm.stubFor(get(urlEqualTo(REPO + "/installation"))
        .willReturn(okJson("{\"id\":42,\"app_id\":1,\"account\":{\"login\":\"Codertocat\"}}")));
    wm.stubFor(post(urlEqualTo("/app/installations/42/access_tokens"))
        .willReturn(okJson("{\"token\":\"ghs_gatewaytest\","
            + "\"expires_at\":\"2099-01-01T00:00:00Z\"}")
            .withStatus(201)));
    wm.stubFor(post(urlEqualTo(REPO + "/check-runs")).willReturn(okJson(
        "{\"id\":7001,\"name\":\"buildbridge / job\",\"status\":\"queued\"}").withStatus(201)));
    wm.stubFor(patch(urlEqualTo(REPO + "/check-runs/7001")).willReturn(okJson(
        "{\"id\":7001,\"status\":\"completed\",\"conclusion\":\"success\"}")));
    wm.stubFor(post(urlEqualTo("/hooks/results")).willReturn(aResponse().withStatus(204)));
    Path key = dir.resolve("app.pem");
    Files.writeString(key, appKeyPem);
    gateway = Gateway.start(config(key).build());
    base = gateway.baseUri();
  }

  GatewayConfig.Builder config(Path appKey) {
    return GatewayConfig.newBuilder()
        .httpAddress("127.0.0.1:0")
        .dataDir(dir.resolve("data"))
        .githubWebhookSecret(Wire.GITHUB_SECRET)
        .giteaWebhookSecret(Wire.GITEA_SECRET)
        .gitlabToken(Wire.GITLAB_TOKEN)
        .tuxsuitePublicKey(Wire.TUX_PUBLIC_KEY)
        .runnerToken(Wire.RUNNER_TOKEN)
        .githubAppId("1")
        .githubAppKeyFile(appKey)
        .githubApiUrl(URI.create(wm.baseUrl()))
        .callbackUrl(URI.create(wm.baseUrl() + "/hooks/results"))
        .callbackSecret(CALLBACK_SECRET)
        .callbackHeader("X-Team", "kernel-ci")
        .workflowMode(GatewayConfig.WorkflowMode.NONE)
        .runsOnDefault("ubuntu-22.04")
        .maxBodyBytes(MAX_BODY)
        .workers(4);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  /** Starts the gateway again, on the same data directory, with some settings changed. */
  private void restart(java.util.function.Consumer<GatewayConfig.Builder> change) {
    gateway.close();
    GatewayConfig.Builder b = gateway.config().toBuilder();
    change.accept(b);
    gateway = Gateway.start(b.build());
    base = gateway.baseUri();
  }

  private FileJobQueue queue() {
    return gateway.jobQueue().orElseThrow();
  }

  private String scrape() {
    Reply r = Wire.get(base, "/metrics");
    assertEquals(200, r.status());
    return r.body();
  }

  // ---- forge webhooks ---------------------------------------------------------------------------

  @Test
  void signedPushFromTheSharedFixturesIsQueuedDurablyBeforeThe202() {
    Reply r = Wire.github(base, "push", "delivery-1", fixture(PUSH));
    assertEquals(202, r.status(), r.body());
    JsonNode answer = r.json();
    assertEquals("github", answer.get("provider").asText());
    assertEquals("delivery-1", answer.get("delivery").asText());
    assertEquals(1, answer.get("jobs").size(), r.body());
    UUID id = UUID.fromString(answer.get("jobs").get(0).get("request_id").asText());
    assertEquals("ubuntu-22.04", answer.get("jobs").get(0).get("runs_on").asText());

    List<FileJobQueue.Entry> entries = queue().entries();
    assertEquals(1, entries.size());
    assertEquals(id, entries.get(0).requestId());
    JobRequest job = queue().job(id).orElseThrow();
    assertEquals(PUSH_SHA, job.commitSha());
    assertEquals("Codertocat", job.repoOwner());
    Path file = dir.resolve("data/jobs/pending").resolve(String.format("%016d-%s.json", 1, id));
    assertTrue(Files.isRegularFile(file), "the job is a file in pending/ when 202 is answered");
  }

  @Test
  void redeliveryWithTheSameDeliveryIdIsA200DuplicateWithoutNewJobs() {
    byte[] body = fixture(PUSH);
    assertEquals(202, Wire.github(base, "push", "delivery-2", body).status());
    Reply again = Wire.github(base, "push", "delivery-2", body);
    assertEquals(200, again.status(), again.body());
    assertTrue(again.json().get("reason").asText().contains("seen before"), again.body());
    assertEquals(0, again.json().get("jobs").size());
    assertEquals(1, queue().entries().size());
  }

  @Test
  void wrongSignatureIs401AndCountedAsAVerifyFailure() {
    byte[] body = fixture(PUSH);
    Reply r = Wire.post(base, "/webhooks/github",
        Wire.githubHeaders("push", "delivery-3", body, "not-the-secret"), body);
    assertEquals(401, r.status(), r.body());
    assertTrue(r.json().get("reason").asText().startsWith("SIGNATURE_MISMATCH"), r.body());
    assertTrue(queue().entries().isEmpty());
    String metrics = scrape();
    assertEquals(1, Wire.sample(metrics, "buildbridge_verify_failures_total{provider=\"github\"}"));
    assertEquals(1, Wire.sample(metrics,
        "buildbridge_deliveries_total{provider=\"github\",status=\"401\"}"));
  }

  @Test
  void bodyOverTheLimitIs413WithoutReachingTheHandler() {
    byte[] big = new byte[(int) MAX_BODY + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Reply r = Wire.post(base, "/webhooks/github",
        Wire.githubHeaders("push", "delivery-4", big, Wire.GITHUB_SECRET), big);
    assertEquals(413, r.status(), r.body());
    assertTrue(r.json().get("error").asText().contains(Long.toString(MAX_BODY)), r.body());
    assertEquals(-1, Wire.sample(scrape(),
        "buildbridge_deliveries_total{provider=\"github\",status=\"413\"}"),
        "the handler never saw it");
  }

  @Test
  void jobSinkFailureIs503AndTheRedeliveryIsTaken() throws IOException {
    Path pending = dir.resolve("data/jobs/pending");
    Files.delete(pending);
    Files.writeString(pending, "a file where the queue wants its directory");
    byte[] body = fixture(PUSH);

    Reply refused = Wire.github(base, "push", "delivery-5", body);
    assertEquals(503, refused.status(), refused.body());
    assertEquals("30", refused.header("Retry-After"));
    assertTrue(refused.json().get("reason").asText().contains("JOB_QUEUE_IO"), refused.body());
    assertEquals(0, refused.json().get("jobs").size());
    assertEquals(1, Wire.sample(scrape(), "buildbridge_job_sink_failures_total"));

    Files.delete(pending);
    Files.createDirectory(pending);
    Reply redelivered = Wire.github(base, "push", "delivery-5", body);
    assertEquals(202, redelivered.status(), "the delivery id was forgotten: "
        + redelivered.body());
    assertEquals(1, queue().entries().size());
  }

  @Test
  void tagDeletionIsAcknowledgedWith204AndQueuesNothing() {
    Reply r = Wire.github(base, "push", "delivery-6", fixture("github/push/payload.json"));
    assertEquals(204, r.status());
    assertTrue(queue().entries().isEmpty());
  }

  @Test
  void giteaPushFromTheSharedFixturesBecomesAJob() {
    Reply r = Wire.gitea(base, "push", "gitea-1", fixture("gitea/push.json"));
    assertEquals(202, r.status(), r.body());
    assertEquals("gitea", r.json().get("provider").asText());
    UUID id = UUID.fromString(r.json().get("jobs").get(0).get("request_id").asText());
    assertEquals("ef98532add3b2feb7a137426bba1248724367df5",
        queue().job(id).orElseThrow().commitSha());
  }

  @Test
  void gitlabDeliveryWithAWrongTokenIs401() {
    byte[] body = "{\"object_kind\":\"push\"}".getBytes(UTF_8);
    Reply r = Wire.post(base, "/webhooks/gitlab", Map.of("X-Gitlab-Event", "Push Hook",
        "X-Gitlab-Token", "wrong", "Content-Type", "application/json"), body);
    assertEquals(401, r.status(), r.body());
    assertEquals(1, Wire.sample(scrape(),
        "buildbridge_verify_failures_total{provider=\"gitlab\"}"));
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertEquals(404, Wire.get(base, "/webhooks/bitbucket").status());
    Reply r = Wire.get(base, "/webhooks/github");
    assertEquals(405, r.status());
    assertEquals("POST", r.header("Allow"));
    assertEquals(405, Wire.post(base, "/metrics", Map.of(), new byte[0]).status());
  }

  // ---- TuxSuite callbacks -----------------------------------------------------------------------

  @Test
  void tuxsuiteBuildAndTestCallbacksAreValidatedAndWaitInTheOutbox() {
    Reply build = Wire.tuxsuite(base, fixture("tuxsuite/build-callback.json"));
    assertEquals(200, build.status(), build.body());
    assertEquals("build", build.json().get("kind").asText());
    assertEquals(1, build.json().get("checkouts").asInt());
    assertEquals(1, build.json().get("builds").asInt());
    assertEquals(1, build.json().get("outbox_entries").size());

    Reply test = Wire.tuxsuite(base, fixture("tuxsuite/test-callback.json"));
    assertEquals(200, test.status(), test.body());
    assertTrue(test.json().get("tests").asInt() >= 1, test.body());

    List<OutboxEntry> pending = gateway.kcidbPending();
    assertEquals(2, pending.size());
    assertEquals(build.json().get("outbox_entries").get(0).asText(),
        pending.get(0).id().value());
    assertEquals(2, Wire.sample(scrape(), "buildbridge_kcidb_outbox_pending"));

    // the documents are on disk, valid, after the gateway stopped
    gateway.close();
    try (FileOutboxStore store = FileOutboxStore.open(dir.resolve("data/kcidb-outbox"))) {
      for (OutboxEntry entry : store.entries()) {
        assertTrue(KcidbValidator.strict().validate(store.document(entry.id())).valid());
      }
      assertEquals(2, store.entries().size());
    }
  }

  @Test
  void tuxsuiteCallbackWithABadSignatureIs401AndNothingIsQueued() {
    byte[] body = fixture("tuxsuite/build-callback.json");
    byte[] other = fixture("tuxsuite/test-callback.json");
    Map<String, String> headers = new LinkedHashMap<>(
        dev.buildbridge.signing.TuxSuiteCallbackSigner.of(Wire.TUX_KEY.getPrivate())
            .headers(other));
    Reply r = Wire.post(base, "/callbacks/tuxsuite", headers, body);
    assertEquals(401, r.status(), r.body());
    assertTrue(gateway.kcidbPending().isEmpty());
    assertEquals(1, Wire.sample(scrape(),
        "buildbridge_verify_failures_total{provider=\"tuxsuite\"}"));
  }

  @Test
  void tuxsuitePlanCallbackIsAcknowledgedWithNothingToSubmit() {
    Reply r = Wire.tuxsuite(base, fixture("tuxsuite/plan-callback.json"));
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.json().get("skipped").size(), r.body());
    assertTrue(gateway.kcidbPending().isEmpty());
  }

  // ---- workflows through GitHub's Contents API ----------------------------------------------

  private static void stubWorkflow(String kdl) {
    byte[] bytes = kdl.getBytes(UTF_8);
    wm.stubFor(get(urlPathEqualTo(REPO + "/contents/.solstice/workflow.kdl"))
        .withQueryParam("ref", equalTo(PUSH_SHA))
        .willReturn(okJson("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" + bytes.length
            + ",\"name\":\"workflow.kdl\",\"path\":\".solstice/workflow.kdl\",\"sha\":\"abc\","
            + "\"content\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}")));
  }

  @Test
  void withAppCredentialsThePushIsExpandedByTheWorkflowReadThroughContents() {
    restart(b -> b.workflowMode(GatewayConfig.WorkflowMode.AUTO));
    stubWorkflow("workflow name=\"CI\" {\n"
        + "    job id=\"test\" needs=\"build\" { step name=\"Test\" run=\"make check\" }\n"
        + "    job id=\"build\" runs_on=\"riscv64\" { step name=\"Build\" run=\"make\" }\n}\n");
    Reply r = Wire.github(base, "push", "contents-1", fixture(PUSH));
    assertEquals(202, r.status(), r.body());
    JsonNode jobs = r.json().get("jobs");
    assertEquals(2, jobs.size(), r.body());
    assertEquals("build", jobs.get(0).get("workflow_job_id").asText(), "dependency order");
    assertEquals("riscv64", jobs.get(0).get("runs_on").asText());
    assertEquals("test", jobs.get(1).get("workflow_job_id").asText());
    assertEquals("ubuntu-22.04", jobs.get(1).get("runs_on").asText());
    assertEquals(2, queue().entries().size());
    eventually("a check run per job", () -> requests(
        postRequestedFor(urlEqualTo(REPO + "/check-runs"))).size() == 2);
  }

  @Test
  void anInvalidWorkflowIs422NamingTheFileAndTheFixedRedeliveryIsTaken() {
    restart(b -> b.workflowMode(GatewayConfig.WorkflowMode.GITHUB));
    stubWorkflow("workflow name=\"CI\" {\n"
        + "    job id=\"test\" needs=\"nope\" { step name=\"Test\" run=\"make check\" }\n}\n");
    Reply r = Wire.github(base, "push", "contents-2", fixture(PUSH));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("reason").asText().startsWith(".solstice/workflow.kdl:2:"),
        r.body());
    assertTrue(queue().entries().isEmpty());

    stubWorkflow("workflow name=\"CI\" {\n"
        + "    job id=\"test\" { step name=\"Test\" run=\"make\" }\n}\n");
    Reply fixed = Wire.github(base, "push", "contents-2", fixture(PUSH));
    assertEquals(202, fixed.status(), fixed.body());
  }

  // ---- TuxSuite key fetched with a token --------------------------------------------------------

  @Test
  void theTuxSuiteKeyIsFetchedWithTheTokenOnceAndCached() {
    wm.stubFor(get(urlEqualTo("/v1/groups/linaro/projects/lkft/keys"))
        .willReturn(okJson("{\"ssh\":{\"pub\":\"" + Wire.TUX_PUBLIC_KEY + "\"}}")));
    restart(b -> b.tuxsuitePublicKey(null).tuxsuiteToken("tux-token-value")
        .tuxsuiteGroup("linaro").tuxsuiteProject("lkft").tuxsuiteUrl(URI.create(wm.baseUrl())));
    assertEquals(200, Wire.tuxsuite(base, fixture("tuxsuite/build-callback.json")).status());
    assertEquals(200, Wire.tuxsuite(base, fixture("tuxsuite/test-callback.json")).status());
    List<LoggedRequest> fetched = requests(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlEqualTo("/v1/groups/linaro/projects/lkft/keys")));
    assertEquals(1, fetched.size());
    assertEquals("tux-token-value", fetched.get(0).getHeader("Authorization"));
    assertEquals(2, gateway.kcidbPending().size());
  }

  // ---- KCIDB sending ----------------------------------------------------------------------------

  @Test
  void withAKcidbUrlTheOutboxSendsAndTheSubmissionIsTimed() {
    wm.stubFor(post(urlEqualTo("/submit")).willReturn(okJson(
        "{\"id\":\"sub123\",\"status\":\"ok\"}")));
    wm.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withBody("OK")));
    restart(b -> b.kcidbUrl(URI.create(wm.baseUrl())).kcidbToken("kcidb-token-value"));
    assertEquals(200, Wire.tuxsuite(base, fixture("tuxsuite/build-callback.json")).status());
    eventually("the submission", () -> gateway.kcidbPending().isEmpty());
    LoggedRequest sent = requests(postRequestedFor(urlEqualTo("/submit"))).get(0);
    assertTrue(KcidbValidator.strict().validate(sent.getBody()).valid());
    assertEquals("Bearer kcidb-token-value", sent.getHeader("Authorization"));
    String metrics = scrape();
    assertEquals(1, Wire.sample(metrics, "buildbridge_kcidb_submit_seconds_count"));
    assertEquals(1, Wire.sample(metrics, "buildbridge_kcidb_submits_total{outcome=\"2xx\"}"));
    assertEquals(0, Wire.sample(metrics, "buildbridge_kcidb_outbox_pending"));
    eventually("KCIDB seen healthy", () -> Wire.get(base, "/healthz").json().get("checks")
        .get("kcidb").get("ok").asBoolean());
  }

  // ---- results ----------------------------------------------------------------------------------

  private UUID queuePush(String deliveryId) {
    Reply r = Wire.github(base, "push", deliveryId, fixture(PUSH));
    assertEquals(202, r.status(), r.body());
    return UUID.fromString(r.json().get("jobs").get(0).get("request_id").asText());
  }

  private static List<LoggedRequest> requests(
      com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    return wm.findAll(pattern);
  }

  @Test
  void resultIsReportedToGitHubAndForwardedAsASignedCallback() throws IOException {
    UUID id = queuePush("delivery-10");
    eventually("the queued check run", () -> !requests(
        postRequestedFor(urlEqualTo(REPO + "/check-runs"))).isEmpty());
    JsonNode created = JSON.readTree(requests(postRequestedFor(urlEqualTo(REPO + "/check-runs")))
        .get(0).getBodyAsString());
    assertEquals(id.toString(), created.get("external_id").asText());
    assertEquals(PUSH_SHA, created.get("head_sha").asText());
    assertEquals("queued", created.get("status").asText());
    assertEquals("buildbridge / job", created.get("name").asText());
    assertEquals("Bearer ghs_gatewaytest", requests(postRequestedFor(urlEqualTo(REPO
        + "/check-runs"))).get(0).getHeader("Authorization"));

    JobRequest job = queue().job(id).orElseThrow();
    JobResult result = JobResult.of(job, 0, "all 3 tests passed", Instant.now());
    Reply posted = Wire.runner(base, "/results", result.toJson());
    assertEquals(202, posted.status(), posted.body());
    assertFalse(posted.json().get("duplicate").asBoolean());

    eventually("the completed check run", () -> !requests(
        patchRequestedFor(urlEqualTo(REPO + "/check-runs/7001"))).isEmpty());
    JsonNode completed = JSON.readTree(requests(patchRequestedFor(urlEqualTo(REPO
        + "/check-runs/7001"))).get(0).getBodyAsString());
    assertEquals("completed", completed.get("status").asText());
    assertEquals("success", completed.get("conclusion").asText());
    assertEquals("all 3 tests passed", completed.get("output").get("summary").asText());

    eventually("the forwarded callback", () -> !requests(
        postRequestedFor(urlEqualTo("/hooks/results"))).isEmpty());
    LoggedRequest callback = requests(postRequestedFor(urlEqualTo("/hooks/results"))).get(0);
    Map<String, String> headers = Map.of(
        "webhook-id", callback.getHeader("webhook-id"),
        "webhook-timestamp", callback.getHeader("webhook-timestamp"),
        "webhook-signature", callback.getHeader("webhook-signature"));
    StandardWebhooks.newBuilder().secret(CALLBACK_SECRET).build()
        .verify(headers, callback.getBody());
    assertEquals("msg_" + id, callback.getHeader("webhook-id"));
    assertEquals("kernel-ci", callback.getHeader("X-Team"));
    JsonNode envelope = JSON.readTree(callback.getBody());
    assertEquals("job.completed", envelope.get("type").asText());
    assertEquals(result, JobResult.parse(JSON.writeValueAsBytes(envelope.get("data"))));

    assertEquals(FileJobQueue.State.DONE, queue().completed(1).get(0).state());
    assertEquals(result, queue().result(id).orElseThrow());
    eventually("the job's report states", () -> {
      JsonNode recent = Wire.jobs(base, "").json().get("recent").get(0);
      return recent.get("github").asText().equals("check run 7001 success")
          && recent.get("callback").asText().startsWith("delivered: HTTP 204");
    });
  }

  @Test
  void withCommitStatusesAJobIsPendingThenFailsWithItsSummary() throws IOException {
    wm.stubFor(post(urlEqualTo(REPO + "/statuses/" + PUSH_SHA)).willReturn(okJson(
        "{\"id\":1,\"state\":\"pending\"}").withStatus(201)));
    restart(b -> b.githubReport(GatewayConfig.GitHubReport.STATUS));
    UUID id = queuePush("delivery-14");
    eventually("the pending status", () -> requests(
        postRequestedFor(urlEqualTo(REPO + "/statuses/" + PUSH_SHA))).size() == 1);
    JobResult result = JobResult.of(queue().job(id).orElseThrow(), 2, "3 tests failed",
        Instant.now());
    assertEquals(202, Wire.runner(base, "/results", result.toJson()).status());
    eventually("the final status", () -> requests(
        postRequestedFor(urlEqualTo(REPO + "/statuses/" + PUSH_SHA))).size() == 2);
    List<LoggedRequest> statuses = requests(postRequestedFor(urlEqualTo(REPO + "/statuses/"
        + PUSH_SHA)));
    JsonNode pending = JSON.readTree(statuses.get(0).getBodyAsString());
    JsonNode failed = JSON.readTree(statuses.get(1).getBodyAsString());
    assertEquals("pending", pending.get("state").asText());
    assertEquals("buildbridge/job", pending.get("context").asText());
    assertEquals("failure", failed.get("state").asText());
    assertEquals("3 tests failed", failed.get("description").asText());
    assertTrue(requests(postRequestedFor(urlEqualTo(REPO + "/check-runs"))).isEmpty());
  }

  @Test
  void aResultOfAJobWhoseCheckRunIsUnknownHereFindsItByExternalId() throws IOException {
    UUID id = queuePush("delivery-15");
    eventually("the queued check run", () -> !requests(
        postRequestedFor(urlEqualTo(REPO + "/check-runs"))).isEmpty());
    JobResult result = JobResult.of(queue().job(id).orElseThrow(), 0, "ok", Instant.now());
    // another instance (or this one after a restart) gets the result
    restart(b -> { });
    wm.stubFor(get(urlPathEqualTo(REPO + "/commits/" + PUSH_SHA + "/check-runs")).willReturn(
        okJson("{\"total_count\":1,\"check_runs\":[{\"id\":7001,\"external_id\":\"" + id
            + "\",\"status\":\"queued\"}]}")));
    assertEquals(202, Wire.runner(base, "/results", result.toJson()).status());
    eventually("the completed check run", () -> !requests(
        patchRequestedFor(urlEqualTo(REPO + "/check-runs/7001"))).isEmpty());
    assertEquals(1, requests(postRequestedFor(urlEqualTo(REPO + "/check-runs"))).size(),
        "no second check run");
  }

  @Test
  void callbackAnswered503IsTriedAgain() {
    wm.stubFor(post(urlEqualTo("/hooks/results")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
        .willSetStateTo("up"));
    wm.stubFor(post(urlEqualTo("/hooks/results")).inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
    UUID id = queuePush("delivery-11");
    JobResult result = JobResult.of(queue().job(id).orElseThrow(), 2, null, Instant.now());
    assertEquals(202, Wire.runner(base, "/results", result.toJson()).status());
    eventually("the second attempt", () -> requests(
        postRequestedFor(urlEqualTo("/hooks/results"))).size() == 2);
    List<LoggedRequest> attempts = requests(postRequestedFor(urlEqualTo("/hooks/results")));
    assertEquals(attempts.get(0).getHeader("webhook-id"), attempts.get(1).getHeader("webhook-id"));
    eventually("delivered on attempt 2", () -> Wire.jobs(base, "").json().get("recent").get(0)
        .get("callback").asText().equals("delivered: HTTP 200 (attempt 2)"));
    assertEquals(1, Wire.sample(scrape(),
        "buildbridge_reports_total{target=\"callback\",outcome=\"ok\"}"));
  }

  @Test
  void secondResultForTheSameJobIsADuplicateAndIsNotReportedAgain() {
    UUID id = queuePush("delivery-12");
    JobResult result = JobResult.of(queue().job(id).orElseThrow(), 1, "failed", Instant.now());
    assertEquals(202, Wire.runner(base, "/results", result.toJson()).status());
    Reply again = Wire.runner(base, "/results", result.toJson());
    assertEquals(200, again.status(), again.body());
    assertTrue(again.json().get("duplicate").asBoolean());
    eventually("the callback", () -> !requests(
        postRequestedFor(urlEqualTo("/hooks/results"))).isEmpty());
    eventually("the check run update", () -> !requests(
        patchRequestedFor(urlPathEqualTo(REPO + "/check-runs/7001"))).isEmpty());
    assertEquals(1, requests(postRequestedFor(urlEqualTo("/hooks/results"))).size());
    assertEquals(1, requests(patchRequestedFor(urlPathEqualTo(REPO + "/check-runs/7001"))).size());
  }

  @Test
  void resultsNeedTheRunnerToken() {
    UUID id = queuePush("delivery-13");
    byte[] body = JobResult.of(queue().job(id).orElseThrow(), 0, null, Instant.now()).toJson();
    Reply none = Wire.post(base, "/results", Map.of(), body);
    assertEquals(401, none.status());
    assertEquals("Bearer", none.header("WWW-Authenticate"));
    Reply wrong = Wire.post(base, "/results", Map.of("Authorization", "Bearer nope"), body);
    assertEquals(401, wrong.status());
    assertTrue(wrong.json().get("error").asText().contains("does not match"));
    assertEquals(FileJobQueue.State.PENDING, queue().entries().get(0).state());
    assertEquals(2, Wire.sample(scrape(), "buildbridge_runner_unauthorized_total"));
  }

  @Test
  void malformedResultIs400NamingTheField() {
    Reply r = Wire.runner(base, "/results", ("{\"schema_version\":\"jobresult.v1\","
        + "\"request_id\":\"" + UUID.randomUUID() + "\",\"success\":true,\"exit_code\":0}")
        .getBytes(UTF_8));
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().get("error").asText().startsWith("MALFORMED_JOB_MESSAGE"), r.body());
    assertTrue(r.json().get("error").asText().contains("repo_url"), r.body());
  }

  // ---- runners ----------------------------------------------------------------------------------

  @Test
  void runnerLeasesJobsOldestFirstAndGets204WhenNoneIsLeft() {
    UUID first = queuePush("delivery-20");
    UUID second = UUID.fromString(Wire.gitea(base, "push", "gitea-20", fixture("gitea/push.json"))
        .json().get("jobs").get(0).get("request_id").asText());
    Reply other = Wire.runner(base, "/jobs/next?runs_on=riscv64", new byte[0]);
    assertEquals(204, other.status(), "no job is labelled riscv64");
    Reply a = Wire.runner(base, "/jobs/next?runs_on=ubuntu-22.04", new byte[0]);
    assertEquals(200, a.status(), a.body());
    assertEquals(first, JobRequest.parse(a.body().getBytes(UTF_8)).requestId());
    Reply b = Wire.runner(base, "/jobs/next", new byte[0]);
    assertEquals(second.toString(), b.json().get("request_id").asText());
    assertEquals(204, Wire.runner(base, "/jobs/next", new byte[0]).status());
    assertEquals(2, queue().count(FileJobQueue.State.LEASED));
    assertEquals(401, Wire.post(base, "/jobs/next", Map.of(), new byte[0]).status());
  }

  @Test
  void jobsListsRecentJobsWithTheirResultsAndTheQueue() {
    UUID done = queuePush("delivery-30");
    UUID waiting = queuePush("delivery-31");
    JobResult result = JobResult.of(queue().job(done).orElseThrow(), 0, "ok", Instant.now());
    assertEquals(202, Wire.runner(base, "/results", result.toJson()).status());

    JsonNode jobs = Wire.jobs(base, "").json();
    JsonNode newest = jobs.get("recent").get(0);
    assertEquals(waiting.toString(), newest.get("request_id").asText(), "newest first");
    assertTrue(newest.get("result").isNull());
    JsonNode older = jobs.get("recent").get(1);
    assertEquals(done.toString(), older.get("request_id").asText());
    assertEquals(0, older.get("result").get("exit_code").asInt());
    assertEquals(PUSH_SHA, older.get("request").get("commit_sha").asText());
    assertEquals("delivery-30", older.get("delivery").asText());
    JsonNode q = jobs.get("queue");
    assertEquals("file", q.get("kind").asText());
    assertEquals(1, q.get("pending").asInt());
    assertEquals(1, q.get("done").asInt());
    assertEquals(waiting.toString(), q.get("jobs").get(0).get("request_id").asText());
    assertEquals(1, Wire.jobs(base, "?limit=1").json().get("recent").size());
    assertEquals(400, Wire.jobs(base, "?limit=lots").status());
    assertEquals(401, Wire.get(base, "/jobs").status(), "it names repositories: token only");
  }

  // ---- health and metrics -----------------------------------------------------------------------

  @Test
  void healthzReportsEachDependencyAndReadiness() throws IOException {
    Reply r = Wire.get(base, "/healthz");
    assertEquals(200, r.status(), r.body());
    JsonNode h = r.json();
    assertEquals("ready", h.get("status").asText());
    assertTrue(h.get("live").asBoolean());
    assertTrue(h.get("checks").get("data_dir").get("ok").asBoolean());
    assertTrue(h.get("checks").get("job_queue").get("critical").asBoolean());
    assertFalse(h.get("checks").get("kcidb_outbox").get("critical").asBoolean());
    assertNull(h.get("checks").get("kcidb"), "no KCIDB_URL, no KCIDB check");

    // a data directory that cannot be written makes the gateway not ready
    Path data = dir.resolve("data");
    Path moved = dir.resolve("data-moved");
    Files.move(data, moved);
    Files.writeString(data, "not a directory");
    try {
      Reply down = Wire.get(base, "/healthz");
      assertEquals(503, down.status(), down.body());
      assertEquals("not_ready", down.json().get("status").asText());
      assertFalse(down.json().get("checks").get("data_dir").get("ok").asBoolean());
    } finally {
      Files.delete(data);
      Files.move(moved, data);
    }
  }

  @Test
  void metricsUseThePrometheusTextFormat() {
    queuePush("delivery-40");
    Reply r = Wire.get(base, "/metrics");
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.header("Content-Type"));
    String text = r.body();
    for (String family : List.of("buildbridge_deliveries_total",
        "buildbridge_verify_failures_total",
        "buildbridge_jobs_published_total", "buildbridge_kcidb_outbox_pending",
        "buildbridge_kcidb_submit_seconds", "buildbridge_job_queue_pending",
        "buildbridge_http_requests_in_flight")) {
      assertTrue(text.contains("# HELP " + family + " "), family);
      assertTrue(text.contains("# TYPE " + family + " "), family);
    }
    assertEquals(1, Wire.sample(text,
        "buildbridge_deliveries_total{provider=\"github\",status=\"202\"}"));
    assertEquals(1, Wire.sample(text, "buildbridge_jobs_published_total"));
    assertEquals(1, Wire.sample(text, "buildbridge_job_queue_pending"));
    assertEquals(0, Wire.sample(text, "buildbridge_kcidb_submit_seconds_count"));
    for (String line : text.split("\n")) {
      assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
          || line.matches("[a-z_]+(\\{[^}]*\\})? -?[0-9.eE+-]+|[a-z_]+(\\{[^}]*\\})? (NaN|\\+Inf)"),
          "not an exposition line: " + line);
    }
  }

  @Test
  void redactedConfigurationNeverShowsASecret() {
    String shown = gateway.config().toString() + gateway.config().describe();
    for (String secret : List.of(Wire.GITHUB_SECRET, Wire.GITEA_SECRET, Wire.GITLAB_TOKEN,
        Wire.RUNNER_TOKEN, CALLBACK_SECRET, "kernel-ci")) {
      assertFalse(shown.contains(secret), secret);
    }
    assertTrue(shown.contains("GITHUB_WEBHOOK_SECRET=<redacted>"), shown);
    assertNotNull(gateway.toString());
  }
}
