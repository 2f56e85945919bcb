package dev.buildbridge.workflow.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.tuxsuite.TuxKind;
import dev.buildbridge.api.tuxsuite.TuxResult;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.api.tuxsuite.TuxWaitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TuxPlanSubmitterTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String PROJECT = "/v1/groups/demo/projects/riscv";
  private static final String PLAN_UID = "2ZISTKlXYwYx1k5K4p8HIEKu7kn";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The fields a test request always carries, null when not set, as the Python client. */
  private static final String ALWAYS = "\"kernel\":null,\"ap_romfw\":null,\"bios\":null,"
      + "\"dtb\":null,\"fip\":null,\"mcp_fw\":null,\"mcp_romfw\":null,\"scp_fw\":null,"
      + "\"scp_romfw\":null,\"rootfs\":null,\"parameters\":{},\"lava_test_plans_project\":null,"
      + "\"lab\":null,\"is_public\":true";

  /** A clock the sleeper moves. */
  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MutableClock clock = new MutableClock();
  private final List<Duration> sleeps = new ArrayList<>();

  private TuxSuiteClient client() {
    return TuxSuiteClient.newBuilder()
        .baseUrl(wm.baseUrl())
        .token("tux-test-token")
        .group("demo")
        .project("riscv")
        .clock(clock)
        .sleeper(d -> {
          sleeps.add(d);
          clock.now = clock.now.plus(d);
        })
        .transport(t -> t.sleeper(d -> { }).backoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .maxAttempts(1))
        .build();
  }

  private TuxPlanSubmitter submitter() {
    return TuxPlanSubmitter.newBuilder(client()).clock(clock).build();
  }

  /** The full plan: 4 builds, 1 sanity test, 9 tests; callbacks on the plan. */
  private static ExpandedPlan fullPlan() {
    return TuxPlanExpansion.newBuilder()
        .gitRepo(TuxPlanExpansionTest.LINUX).gitRef("master")
        .planCallback("https://ci.example.org/plan-cb")
        .planCallbackHeader("X-Plan-Secret", "def")
        .build().expand(PlanFixtures.parse("plan-full.yaml"));
  }

  private static String uids(String prefix, int count) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"uid\":\"").append(prefix).append(i)
          .append("\",\"state\":\"").append(prefix.startsWith("B") ? "queued" : "waiting")
          .append("\"}");
    }
    return sb.append(']').toString();
  }

  private static void stubPlanAndBuilds(int builds) {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withStatus(201)
        .withBody("{\"uid\":\"" + PLAN_UID + "\"}")));
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(201)
        .withBody(uids("Build", builds))));
  }

  /** The sanity tests' POST answers with 1 status, the tests' with {@code tests}. */
  private static void stubTests(int tests) {
    wm.stubFor(post(PROJECT + "/tests").inScenario("tests").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("sanity submitted")
        .willReturn(aResponse().withStatus(201).withBody(uids("Sanity", 1))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("tests").whenScenarioStateIs("sanity submitted")
        .willReturn(aResponse().withStatus(201).withBody(uids("Test", tests))));
  }

  private static List<LoggedRequest> requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .collect(Collectors.toList());
  }

  private static List<String> lines(List<LoggedRequest> requests) {
    return requests.stream().map(r -> r.getMethod().value() + " " + r.getUrl()).toList();
  }

  private static JsonNode body(LoggedRequest request) throws Exception {
    return JSON.readTree(request.getBodyAsString());
  }

  @Test
  void submitsThePlanThenItsBuildsThenSanityTestsThenTestsAsThePythonClientDoes()
      throws Exception {
    stubPlanAndBuilds(4);
    stubTests(9);
    ExpandedPlan expanded = fullPlan();

    SubmittedPlan submitted = submitter().submit(expanded);

    List<LoggedRequest> sent = requests();
    assertEquals(List.of("POST " + PROJECT + "/plans", "POST " + PROJECT + "/builds",
        "POST " + PROJECT + "/tests", "POST " + PROJECT + "/tests"), lines(sent));
    for (LoggedRequest r : sent) {
      assertEquals("tux-test-token", r.getHeader("Authorization"));
    }
    // 1. the plan, every field sent, null when not set
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/plans")).withRequestBody(equalToJson(
        "{\"name\":\"kernel validation\","
            + "\"description\":\"Build and test linux kernel with every toolchain\","
            + "\"is_public\":true,\"plan_callback\":\"https://ci.example.org/plan-cb\","
            + "\"plan_callback_headers\":{\"X-Plan-Secret\":\"def\"},\"count\":14,"
            + "\"plan_file\":null,\"notify_emails\":[]}")));
    // 2. the builds, each with the plan's uid
    JsonNode builds = body(sent.get(1));
    assertEquals(4, builds.get("builds").size());
    assertEquals("{}", builds.get("patches").toString());
    for (int i = 0; i < 4; i++) {
      JsonNode b = builds.get("builds").get(i);
      assertEquals(PLAN_UID, b.get("plan").asText());
      assertEquals(expanded.builds().get(i).request().clientToken(),
          b.get("client_token").asText());
      assertEquals(expanded.builds().get(i).request().toolchain(), b.get("toolchain").asText());
      assertEquals("master", b.get("git_ref").asText());
      assertFalse(b.has("callback"), b::toString);
    }
    // 3. the sanity test, waiting for its build
    assertEquals(JSON.readTree("[{\"device\":\"qemu-i386\"," + ALWAYS
        + ",\"waiting_for\":\"BUILD#Build0\",\"plan\":\"" + PLAN_UID + "\"}]"), body(sent.get(2)));
    // 4. the tests, waiting for the sanity test, else their build, else nothing
    JsonNode tests = body(sent.get(3));
    List<String> waits = new ArrayList<>();
    for (JsonNode t : tests) {
      assertEquals(PLAN_UID, t.get("plan").asText());
      waits.add(t.path("waiting_for").asText("none"));
    }
    assertEquals(List.of("TEST#Sanity0", "BUILD#Build1", "BUILD#Build2", "BUILD#Build3",
        "BUILD#Build3", "BUILD#Build3", "BUILD#Build3", "none", "none"), waits);
    assertEquals(JSON.readTree("{\"device\":\"qemu-x86_64\"," + ALWAYS.replace(
        "\"parameters\":{}", "\"parameters\":{\"SHARD_NUMBER\":\"3\",\"SHARD_INDEX\":\"2\"}")
        + ",\"tests\":[\"ltp-syscalls\"],\"waiting_for\":\"BUILD#Build3\",\"plan\":\""
        + PLAN_UID + "\"}"), tests.get(5));
    assertEquals("https://storage.tuxboot.com/arm64/Image", tests.get(7).get("kernel").asText());

    assertEquals(PLAN_UID, submitted.planUid());
    assertEquals(List.of("Build0", "Build1", "Build2", "Build3"),
        submitted.builds().stream().map(SubmittedPlan.Run::uid).toList());
    assertEquals("Sanity0", submitted.sanityTests().get(0).uid());
    assertEquals(9, submitted.tests().size());
    assertEquals(14, submitted.runs().size());
    assertEquals("gcc", submitted.builds().get(1).job());
    assertEquals(TuxKind.TEST, submitted.tests().get(8).kind());
    assertEquals("SubmittedPlan[" + PLAN_UID + ", 4 builds, 1 sanity tests, 9 tests]",
        submitted.toString());
  }

  @Test
  void sendsBuildsAndTestsInBatchesOfTheBatchSize() throws Exception {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withBody(
        "{\"uid\":\"" + PLAN_UID + "\"}")));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("sanity").willReturn(aResponse().withBody(uids("Sanity", 1))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs("sanity")
        .willSetStateTo("tests").willReturn(aResponse().withBody(uids("Test", 2))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs("tests")
        .willReturn(aResponse().withBody(uids("More", 1))));
    ExpandedPlan plan = TuxPlanExpansion.newBuilder().gitRepo(TuxPlanExpansionTest.LINUX)
        .gitRef("master").jobName("tinyconfig").jobName("gcc").build()
        .expand(PlanFixtures.parse("plan-full.yaml"));
    // 3 builds, 1 sanity test, 3 tests: batches of 2 + 1 builds, 1 sanity test, 2 + 1 tests
    assertEquals(3, plan.builds().size());
    wm.stubFor(post(PROJECT + "/builds").inScenario("b").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("second").willReturn(aResponse().withBody(uids("Build", 2))));
    wm.stubFor(post(PROJECT + "/builds").inScenario("b").whenScenarioStateIs("second")
        .willReturn(aResponse().withBody("[{\"uid\":\"Build2\"}]")));

    SubmittedPlan submitted = TuxPlanSubmitter.newBuilder(client()).batchSize(2).build()
        .submit(plan);

    List<LoggedRequest> sent = requests();
    assertEquals(List.of("/plans", "/builds", "/builds", "/tests", "/tests", "/tests"),
        sent.stream().map(r -> r.getUrl().substring(PROJECT.length())).toList());
    assertEquals(2, body(sent.get(1)).get("builds").size());
    assertEquals(1, body(sent.get(2)).get("builds").size());
    assertEquals(1, body(sent.get(3)).size());
    assertEquals(2, body(sent.get(4)).size());
    assertEquals(1, body(sent.get(5)).size());
    assertEquals(List.of("Build0", "Build1", "Build2"),
        submitted.builds().stream().map(SubmittedPlan.Run::uid).toList());
    assertEquals("BUILD#Build2", body(sent.get(5)).get(0).get("waiting_for").asText());
  }

  @Test
  void pairsBuildStatusesByClientTokenWhenTuxSuiteEchoesIt() throws Exception {
    ExpandedPlan plan = TuxPlanExpansion.newBuilder().gitRepo(TuxPlanExpansionTest.LINUX)
        .gitRef("master").jobName("gcc").build().expand(PlanFixtures.parse("plan-full.yaml"));
    String first = plan.builds().get(0).request().clientToken();
    String second = plan.builds().get(1).request().clientToken();
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withBody(
        "{\"uid\":\"" + PLAN_UID + "\"}")));
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withBody(
        "[{\"uid\":\"Second\",\"client_token\":\"" + second + "\"},"
            + "{\"uid\":\"First\",\"client_token\":\"" + first + "\"}]")));
    wm.stubFor(post(PROJECT + "/tests").willReturn(aResponse().withBody(uids("Test", 2))));

    SubmittedPlan submitted = submitter().submit(plan);

    assertEquals(List.of("First", "Second"),
        submitted.builds().stream().map(SubmittedPlan.Run::uid).toList());
    List<LoggedRequest> sent = requests();
    assertEquals("BUILD#First", body(sent.get(2)).get(0).get("waiting_for").asText());
    assertEquals("BUILD#Second", body(sent.get(2)).get(1).get("waiting_for").asText());
  }

  @Test
  void aRefusedTestSubmissionKeepsWhatWentThroughToCancelIt() {
    stubPlanAndBuilds(4);
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("sanity").willReturn(aResponse().withBody(uids("Sanity", 1))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs("sanity")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"unknown device qemu-i386\"}")));

    TuxPlanException e = assertThrows(TuxPlanException.class, () -> submitter().submit(
        fullPlan()));

    assertEquals(TuxPlanException.Reason.TESTS_NOT_SUBMITTED, e.reason());
    assertEquals("TESTS_NOT_SUBMITTED", e.code());
    assertInstanceOf(ApiException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("cannot submit the tests 0 to 8 of plan " + PLAN_UID
        + " (4 builds, 1 sanity tests and 0 tests went through): "), e.getMessage());
    assertTrue(e.getMessage().contains("unknown device qemu-i386"), e.getMessage());
    SubmittedPlan partial = e.submitted().orElseThrow();
    assertEquals(4, partial.builds().size());
    assertEquals(1, partial.sanityTests().size());
    assertEquals(0, partial.tests().size());

    wm.stubFor(post(PROJECT + "/plans/" + PLAN_UID + "/cancel").willReturn(aResponse()));
    partial.cancel();
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/plans/" + PLAN_UID + "/cancel"))
        .withRequestBody(equalToJson("{}")));
  }

  @Test
  void aPlanThatCannotBeCreatedSubmitsNothingElse() {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"token not allowed\"}")));

    TuxPlanException e = assertThrows(TuxPlanException.class,
        () -> submitter().submit(fullPlan()));

    assertEquals(TuxPlanException.Reason.PLAN_NOT_CREATED, e.reason());
    assertTrue(e.submitted().isEmpty());
    assertEquals(List.of("POST " + PROJECT + "/plans"), lines(requests()));
  }

  @Test
  void anAnswerWithOtherThanOneStatusPerBuildIsUnexpected() {
    stubPlanAndBuilds(3);
    TuxPlanException e = assertThrows(TuxPlanException.class,
        () -> submitter().submit(fullPlan()));
    assertEquals(TuxPlanException.Reason.UNEXPECTED_RESPONSE, e.reason());
    assertEquals("TuxSuite answered the builds 0 to 3 of plan " + PLAN_UID + " with 3 statuses"
        + " for 4 requests", e.getMessage());
    assertEquals(0, e.submitted().orElseThrow().builds().size());
  }

  @Test
  void aStatusWithoutUidIsUnexpected() {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withBody(
        "{\"uid\":\"" + PLAN_UID + "\"}")));
    wm.stubFor(post(PROJECT + "/tests").willReturn(aResponse().withBody("[{\"state\":\"x\"}]")));
    ExpandedPlan plan = TuxPlanExpansion.newBuilder().build().expand(TuxPlanParser.ofDefaults()
        .parse("p.yaml", "version: 1\njobs: [{test: {device: d, kernel: 'https://k'}}]\n"));
    TuxPlanException e = assertThrows(TuxPlanException.class, () -> submitter().submit(plan));
    assertEquals(TuxPlanException.Reason.UNEXPECTED_RESPONSE, e.reason());
    assertEquals("TuxSuite answered the tests of plan " + PLAN_UID + " with a status without a"
        + " uid", e.getMessage());
  }

  @Test
  void standaloneTestsAreSubmittedWithoutBuildsOrWaiting() throws Exception {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withBody(
        "{\"uid\":\"" + PLAN_UID + "\"}")));
    wm.stubFor(post(PROJECT + "/tests").willReturn(aResponse().withBody(uids("Test", 2))));
    ExpandedPlan plan = TuxPlanExpansion.newBuilder().jobName("standalone").build()
        .expand(PlanFixtures.parse("plan-full.yaml"));

    SubmittedPlan submitted = submitter().submit(plan);

    List<LoggedRequest> sent = requests();
    assertEquals(List.of("POST " + PROJECT + "/plans", "POST " + PROJECT + "/tests"),
        lines(sent));
    for (JsonNode t : body(sent.get(1))) {
      assertFalse(t.has("waiting_for"), t::toString);
      assertEquals(PLAN_UID, t.get("plan").asText());
    }
    assertEquals(2, submitted.tests().size());
  }

  @Test
  void awaitAllWaitsForEveryRunAndSummarizesTheResults() {
    stubPlanAndBuilds(4);
    stubTests(9);
    SubmittedPlan submitted = submitter().submit(fullPlan());
    wm.stubFor(get(urlPathMatching(PROJECT + "/builds/.*")).willReturn(aResponse().withBody(
        "{\"uid\":\"x\",\"state\":\"finished\",\"result\":\"pass\"}")));
    wm.stubFor(get(urlPathMatching(PROJECT + "/tests/.*")).willReturn(aResponse().withBody(
        "{\"uid\":\"x\",\"state\":\"finished\",\"result\":\"pass\"}")));
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/tests/Test4")).atPriority(1)
        .willReturn(aResponse().withBody(
            "{\"uid\":\"Test4\",\"state\":\"finished\",\"result\":\"fail\"}")));
    // the first build is still building at the first poll
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/builds/Build0")).atPriority(1)
        .inScenario("build0").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(aResponse().withBody("{\"uid\":\"Build0\",\"state\":\"building\"}")));
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/builds/Build0")).atPriority(1)
        .inScenario("build0").whenScenarioStateIs("done")
        .willReturn(aResponse().withBody(
            "{\"uid\":\"Build0\",\"state\":\"finished\",\"result\":\"pass\"}")));

    FinishedPlan done = submitted.awaitAll(Duration.ofHours(1), Duration.ofSeconds(30));

    assertEquals(PLAN_UID, done.planUid());
    assertEquals(4, done.builds().size());
    assertEquals(1, done.sanityTests().size());
    assertEquals(9, done.tests().size());
    assertFalse(done.passed());
    assertEquals(List.of("Test4"), done.notPassed().stream().map(r -> r.uid()).toList());
    assertEquals(13, done.counts().get(TuxResult.PASS));
    assertEquals(1, done.counts().get(TuxResult.FAIL));
    assertEquals(0, done.counts().get(TuxResult.ERROR));
    assertEquals(List.of(Duration.ofSeconds(30)), sleeps);   // one wait, for Build0
    assertEquals(15, requests().stream().filter(r -> r.getMethod().value().equals("GET"))
        .count());
  }

  @Test
  void awaitAllTimesOutOnTheFirstRunStillRunningWithinOneOverallDeadline() {
    stubPlanAndBuilds(4);
    stubTests(9);
    SubmittedPlan submitted = submitter().submit(fullPlan());
    wm.stubFor(get(urlPathMatching(PROJECT + "/builds/.*")).willReturn(aResponse().withBody(
        "{\"uid\":\"x\",\"state\":\"finished\",\"result\":\"pass\"}")));
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/builds/Build0")).atPriority(1)
        .willReturn(aResponse().withBody("{\"uid\":\"Build0\",\"state\":\"building\"}")));
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/builds/Build2")).atPriority(1)
        .willReturn(aResponse().withBody("{\"uid\":\"Build2\",\"state\":\"building\"}")));

    // Build0 is awaited 10 minutes of the 10 and does not finish: the first one reported
    TuxWaitException e = assertThrows(TuxWaitException.class,
        () -> submitted.awaitAll(Duration.ofMinutes(10), Duration.ofMinutes(4)));
    assertEquals(TuxWaitException.Reason.TIMED_OUT, e.reason());
    assertEquals("Build0", e.uid());
    assertEquals(List.of(Duration.ofMinutes(4), Duration.ofMinutes(4), Duration.ofMinutes(2)),
        sleeps);
  }

  @Test
  void awaitAllChecksItsDurations() {
    stubPlanAndBuilds(4);
    stubTests(9);
    SubmittedPlan submitted = submitter().submit(fullPlan());
    assertEquals("interval must be more than zero, was PT0S", assertThrows(
        IllegalArgumentException.class,
        () -> submitted.awaitAll(Duration.ofMinutes(1), Duration.ZERO)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> submitted.awaitAll(Duration.ofDays(366), Duration.ofMinutes(1)));
    assertThrows(NullPointerException.class, () -> submitted.awaitAll(null, Duration.ZERO));
  }

  @Test
  void builderChecksTheBatchSize() {
    TuxSuiteClient client = client();
    assertEquals("batchSize must be 1 to 500: 501", assertThrows(IllegalArgumentException.class,
        () -> TuxPlanSubmitter.newBuilder(client).batchSize(501)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TuxPlanSubmitter.newBuilder(client).batchSize(0));
    assertThrows(NullPointerException.class, () -> TuxPlanSubmitter.of(null));
    assertThrows(NullPointerException.class,
        () -> TuxPlanSubmitter.newBuilder(client).clock(null));
  }
}
