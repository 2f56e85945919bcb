package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.albs.AlbsTesting.assertJsonBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertRequest;
import static dev.buildbridge.api.albs.AlbsTesting.fixture;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException.Reason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BuildNodeAgentTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String PING = "/api/v1/build_node/ping";
  private static final String GET_TASK = "/api/v1/build_node/get_task";
  private static final String BUILD_DONE = "/api/v1/build_node/build_done";
  private static final String IDLE_PING = "{\"active_tasks\":[]}";
  private static final String GET_TASK_BODY =
      "{\"supported_arches\":[\"x86_64\",\"i686\",\"src\"],\"excluded_packages\":[]}";
  private static final String SHA =
      "5f0c1f6f3c0d1e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** A clock the sleeper moves. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-05-01T12:00:00Z");

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

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicReference<BuildNodeAgent> agentRef = new AtomicReference<>();
  private final List<BuildNodeTask> built = new CopyOnWriteArrayList<>();

  /** A client whose calls are tried once: the agent's own handling is what is tested. */
  private AlbsClient client() {
    return AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(AlbsTesting.JWT)
        .userAgent(AlbsTesting.USER_AGENT).transport(t -> t.maxAttempts(1)).build();
  }

  /** Records the wait, moves the clock, and stops the agent at the given wait. */
  private BuildNodeAgent.Builder agent(TaskBuilder builder, int stopAtSleep) {
    return BuildNodeAgent.newBuilder(client(), builder)
        .supportedArches("x86_64", "i686", "src")
        .pingInterval(Duration.ofSeconds(10))
        .idleBackoff(SECOND, Duration.ofSeconds(4))
        .clock(clock)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
          if (sleeps.size() >= stopAtSleep) {
            agentRef.get().stop();
          }
        });
  }

  private BuildNodeAgent runToEnd(BuildNodeAgent.Builder builder) throws InterruptedException {
    BuildNodeAgent agent = builder.build();
    agentRef.set(agent);
    agent.start();
    assertTrue(agent.awaitTermination(Duration.ofSeconds(20)), "agent did not stop");
    assertFalse(agent.isRunning());
    return agent;
  }

  private TaskBuilder uploadsOneRpm() {
    return task -> {
      built.add(task);
      clock.advance(Duration.ofMinutes(5).plusSeconds(1).plusMillis(500));
      return BuildResult.done(List.of(BuildArtifact.of("bash-5.1.8-9.el9.x86_64.rpm",
          "/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/", SHA)));
    };
  }

  private static void stubPing() {
    wm.stubFor(post(PING).willReturn(json(200, "{}")));
  }

  /** get_task answers in turn, the last one from then on. */
  private static void getTaskAnswers(ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "get_task-" + i;
      var mapping = post(GET_TASK).inScenario("get_task").whenScenarioStateIs(state)
          .willReturn(answers[i]);
      if (i + 1 < answers.length) {
        mapping = mapping.willSetStateTo("get_task-" + (i + 1));
      }
      wm.stubFor(mapping);
    }
  }

  private static ResponseDefinitionBuilder noTask() {
    return json(200, "null");
  }

  private static ResponseDefinitionBuilder aTask() {
    return json(200, fixture("build-node-task.json"));
  }

  private static List<String> paths(List<LoggedRequest> requests) {
    return requests.stream().map(LoggedRequest::getUrl).collect(Collectors.toList());
  }

  private static String doneBody(String status, String artifacts, String start, String end,
      String delta) {
    return "{\"task_id\":187202,\"status\":\"" + status + "\",\"artifacts\":" + artifacts
        + ",\"stats\":{\"build_node_task\":{\"start_ts\":\"" + start + "\",\"end_ts\":\"" + end
        + "\",\"delta\":\"" + delta + "\"}},\"is_cas_authenticated\":false}";
  }

  private static final String RPM_ARTIFACT = "[{\"name\":\"bash-5.1.8-9.el9.x86_64.rpm\","
      + "\"type\":\"rpm\","
      + "\"href\":\"/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/\","
      + "\"sha256\":\"" + SHA + "\"}]";

  // ---------------------------------------------------------------- the loop

  @Test
  void pingsFindsNoTaskThenBuildsAndReportsATaskInAStatefulScenario() throws Exception {
    stubPing();
    // the server's state: idle, then a task; once reported, idle again
    wm.stubFor(post(GET_TASK).inScenario("albs").whenScenarioStateIs(STARTED)
        .willReturn(noTask()).willSetStateTo("task queued"));
    wm.stubFor(post(GET_TASK).inScenario("albs").whenScenarioStateIs("task queued")
        .willReturn(aTask()).willSetStateTo("task assigned"));
    wm.stubFor(post(BUILD_DONE).inScenario("albs").whenScenarioStateIs("task assigned")
        .willReturn(json(200, "{\"ok\":true}")).willSetStateTo("task finished"));
    wm.stubFor(post(GET_TASK).inScenario("albs").whenScenarioStateIs("task finished")
        .willReturn(noTask()));

    BuildNodeAgent agent = runToEnd(agent(uploadsOneRpm(), 2));

    List<LoggedRequest> all = requests(wm);
    // the build took 5 minutes on the clock, so an idle ping is due again after the report
    assertEquals(List.of(PING, GET_TASK, GET_TASK, BUILD_DONE, PING, GET_TASK), paths(all),
        AlbsTesting.describe(all));
    for (LoggedRequest request : all) {
      assertRequest(request, "POST", request.getUrl());
    }
    assertJsonBody(all.get(0), IDLE_PING);
    assertJsonBody(all.get(1), GET_TASK_BODY);
    assertJsonBody(all.get(2), GET_TASK_BODY);
    assertJsonBody(all.get(3), doneBody("done", RPM_ARTIFACT, "2026-05-01 12:00:01.000000",
        "2026-05-01 12:05:02.500000", "0:05:01.500000"));
    assertJsonBody(all.get(4), IDLE_PING);
    assertJsonBody(all.get(5), GET_TASK_BODY);
    assertEquals(List.of(187202L), built.stream().map(BuildNodeTask::id)
        .collect(Collectors.toList()));
    assertEquals(List.of(SECOND, SECOND), sleeps, "the idle wait restarts after a task");
    assertEquals("task finished", wm.getAllScenarios().getScenarios().stream()
        .filter(s -> s.getName().equals("albs")).findFirst().orElseThrow().getState());
    assertEquals(Optional.empty(), agent.failure());
    assertEquals(OptionalLong.empty(), agent.currentTask());
  }

  @Test
  void idleBackoffGrowsToItsMaximumResetsOnATaskAndPingsEveryInterval() throws Exception {
    stubPing();
    getTaskAnswers(noTask(), noTask(), noTask(), noTask(), aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));

    runToEnd(agent(uploadsOneRpm(), 5).pingInterval(Duration.ofSeconds(3)));

    assertEquals(List.of(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4), SECOND), sleeps);
    // clock: 0 ping, 1, 3 ping, 7 ping, 11 ping + task (built in 5 min), then idle
    assertEquals(List.of(PING, GET_TASK, GET_TASK, PING, GET_TASK, PING, GET_TASK, PING,
        GET_TASK, BUILD_DONE, PING, GET_TASK), paths(requests(wm)));
  }

  @Test
  void aBuilderExceptionReportsTheTaskFailed() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));

    BuildNodeAgent agent = runToEnd(agent(task -> {
      throw new IOException("mock: chroot setup failed");
    }, 1));

    List<LoggedRequest> done = wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE)));
    assertEquals(1, done.size());
    assertJsonBody(done.get(0), doneBody("failed", "[]", "2026-05-01 12:00:00.000000",
        "2026-05-01 12:00:00.000000", "0:00:00"));
    assertEquals(Optional.empty(), agent.failure());
  }

  @Test
  void aBuilderReturningNullReportsTheTaskFailed() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));

    runToEnd(agent(task -> null, 1));

    List<LoggedRequest> done = wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE)));
    assertEquals(1, done.size());
    assertTrue(done.get(0).getBodyAsString().contains("\"status\":\"failed\""));
  }

  @Test
  void anExcludedResultKeepsTheBuildersOwnNodeStats() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));

    runToEnd(agent(task -> BuildResult.newBuilder(BuildOutcome.EXCLUDED)
        .stat("build_node_task", Map.of("start_ts", "a", "end_ts", "b",
            "delta", "c")).build(), 1));

    assertJsonBody(wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE))).get(0),
        doneBody("excluded", "[]", "a", "b", "c"));
  }

  @Test
  void pingsWithTheTaskIdWhileTheBuilderWorks() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));
    List<OptionalLong> seenCurrent = new CopyOnWriteArrayList<>();

    runToEnd(agent(task -> {
      seenCurrent.add(agentRef.get().currentTask());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (wm.findAll(postRequestedFor(urlEqualTo(PING))
          .withRequestBody(equalToJson("{\"active_tasks\":[187202]}"))).size() < 2) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no keep-alive ping for task 187202");
        }
        Thread.sleep(2);
      }
      return BuildResult.done(List.of());
    }, 1).pingInterval(Duration.ofMillis(5)));

    assertEquals(List.of(OptionalLong.of(187202)), seenCurrent);
    assertTrue(wm.findAll(postRequestedFor(urlEqualTo(PING))
        .withRequestBody(equalToJson("{\"active_tasks\":[187202]}"))).size() >= 2);
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE))).size());
  }

  // ---------------------------------------------------------------- failures

  @Test
  void transientFailuresWhilePollingAreWaitedOutAndNeverEndTheLoop() throws Exception {
    stubPing();
    getTaskAnswers(aResponse().withStatus(503), json(500, "{\"detail\":\"db down\"}"),
        noTask());

    BuildNodeAgent agent = runToEnd(agent(uploadsOneRpm(), 3));

    assertEquals(List.of(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    assertEquals(3, wm.findAll(postRequestedFor(urlEqualTo(GET_TASK))).size());
    assertEquals(Optional.empty(), agent.failure());
  }

  @Test
  void aFailingExcludedPackagesSupplierIsRetriedAfterTheBackoff() throws Exception {
    stubPing();
    getTaskAnswers(noTask());
    AtomicInteger calls = new AtomicInteger();

    runToEnd(agent(uploadsOneRpm(), 2).excludedPackages(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("exclusions URL unreachable");
      }
      return List.of("kernel");
    }));

    List<LoggedRequest> getTasks = wm.findAll(postRequestedFor(urlEqualTo(GET_TASK)));
    assertEquals(1, getTasks.size());
    assertJsonBody(getTasks.get(0), "{\"supported_arches\":[\"x86_64\",\"i686\",\"src\"],"
        + "\"excluded_packages\":[\"kernel\"]}");
    assertEquals(List.of(SECOND, Duration.ofSeconds(2)), sleeps);
  }

  @Test
  void anUnauthorizedPingStopsTheAgentWithTheError() throws Exception {
    wm.stubFor(post(PING).willReturn(json(401, "{\"detail\":\"Unauthorized\"}")));

    BuildNodeAgent agent = runToEnd(agent(uploadsOneRpm(), 100));

    assertEquals(Reason.UNAUTHORIZED, agent.failure().orElseThrow().reason());
    assertEquals(List.of(PING), paths(requests(wm)));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void aForbiddenGetTaskStopsTheAgentWithTheError() throws Exception {
    stubPing();
    getTaskAnswers(json(403, "{\"detail\":\"Forbidden\"}"));

    BuildNodeAgent agent = runToEnd(agent(uploadsOneRpm(), 100));

    assertEquals(Reason.FORBIDDEN, agent.failure().orElseThrow().reason());
    assertEquals("Forbidden", agent.failure().orElseThrow().detail().orElseThrow());
    assertEquals(List.of(PING, GET_TASK), paths(requests(wm)));
  }

  @Test
  void aReportIsRepeatedWhileAlbsIsDownUntilAccepted() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).inScenario("done").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("still down"));
    wm.stubFor(post(BUILD_DONE).inScenario("done").whenScenarioStateIs("still down")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(post(BUILD_DONE).inScenario("done").whenScenarioStateIs("up")
        .willReturn(json(200, "{\"ok\":true}")));

    runToEnd(agent(uploadsOneRpm(), 3));

    List<LoggedRequest> done = wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE)));
    assertEquals(3, done.size());
    for (LoggedRequest request : done) {
      assertJsonBody(request, doneBody("done", RPM_ARTIFACT, "2026-05-01 12:00:00.000000",
          "2026-05-01 12:05:01.500000", "0:05:01.500000"));
    }
    assertEquals(List.of(SECOND, Duration.ofSeconds(2), SECOND), sleeps,
        "two report waits, then the idle wait from the start");
  }

  @Test
  void aReportIsGivenUpAfterTheReportTimeout() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(aResponse().withStatus(503)));

    runToEnd(agent(uploadsOneRpm(), 4).reportTimeout(Duration.ofSeconds(5)));

    // waits 1 s and 2 s fit in 5 s, 4 s more would not
    assertEquals(3, wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE))).size());
    assertEquals(List.of(SECOND, Duration.ofSeconds(2), SECOND), sleeps.subList(0, 3));
  }

  @Test
  void aConflictOnBuildDoneCountsAsReported() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(409, "{\"ok\":false}")));

    runToEnd(agent(uploadsOneRpm(), 1));

    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(BUILD_DONE))).size());
    assertEquals(List.of(SECOND), sleeps);
  }

  @Test
  void aReportAlbsRefusesIsDroppedAndTheLoopGoesOn() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(422, "{\"detail\":[{\"loc\":[\"body\","
        + "\"artifacts\",0,\"type\"],\"msg\":\"Input should be 'rpm' or 'build_log'\"}]}")));

    BuildNodeAgent agent = runToEnd(agent(uploadsOneRpm(), 1));

    assertEquals(List.of(PING, GET_TASK, BUILD_DONE, PING, GET_TASK), paths(requests(wm)));
    assertEquals(Optional.empty(), agent.failure());
  }

  // ---------------------------------------------------------------- stopping

  @Test
  void stopWhileBuildingFinishesAndReportsTheTask() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    wm.stubFor(post(BUILD_DONE).willReturn(json(200, "{\"ok\":true}")));

    runToEnd(agent(task -> {
      agentRef.get().stop();
      return uploadsOneRpm().build(task);
    }, 100));

    assertEquals(List.of(PING, GET_TASK, BUILD_DONE), paths(requests(wm)));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void stopNowAbandonsTheTaskInProgressWithoutReport() throws Exception {
    stubPing();
    getTaskAnswers(aTask(), noTask());
    CountDownLatch building = new CountDownLatch(1);
    AtomicReference<Boolean> interrupted = new AtomicReference<>(false);
    BuildNodeAgent agent = agent(task -> {
      building.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      }
      return BuildResult.done(List.of());
    }, 100).build();
    agentRef.set(agent);
    agent.start();
    assertTrue(building.await(10, TimeUnit.SECONDS));

    agent.stopNow();

    assertTrue(agent.awaitTermination(Duration.ofSeconds(10)));
    assertTrue(interrupted.get());
    assertEquals(List.of(PING, GET_TASK), paths(requests(wm)));
  }

  @Test
  void stopEndsAnIdleWaitAtOnceAndCloseWaitsForTheEnd() throws Exception {
    stubPing();
    getTaskAnswers(noTask());
    List<String> threads = new ArrayList<>();
    BuildNodeAgent agent = BuildNodeAgent.newBuilder(client(), uploadsOneRpm())
        .supportedArches("aarch64")
        .idleBackoff(Duration.ofHours(1), Duration.ofHours(1))
        .threadFactory(r -> {
          Thread t = new Thread(r, "test-agent");
          threads.add(t.getName());
          return t;
        })
        .build()
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (wm.findAll(postRequestedFor(urlEqualTo(GET_TASK))).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no get_task");
      Thread.sleep(2);
    }
    assertTrue(agent.isRunning());

    long start = System.nanoTime();
    agent.close();

    assertFalse(agent.isRunning());
    assertTrue(agent.awaitTermination(Duration.ZERO));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    assertEquals(List.of("test-agent"), threads);
  }

  @Test
  void anAgentStoppedBeforeItStartsNeverSendsAnything() throws Exception {
    BuildNodeAgent agent = agent(uploadsOneRpm(), 1).build();

    agent.stop();
    agent.run();
    agent.start();

    assertTrue(agent.awaitTermination(Duration.ZERO));
    assertFalse(agent.isRunning());
    assertEquals(List.of(), requests(wm));
  }

  @Test
  void anAgentRunsOnlyOnceAtATime() throws Exception {
    stubPing();
    getTaskAnswers(noTask());
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BuildNodeAgent agent = BuildNodeAgent.newBuilder(client(), uploadsOneRpm())
        .supportedArches("x86_64")
        .sleeper(d -> {
          waiting.countDown();
          release.await();
          agentRef.get().stop();
        })
        .build();
    agentRef.set(agent);
    agent.start();
    assertTrue(waiting.await(10, TimeUnit.SECONDS));

    IllegalStateException e = assertThrows(IllegalStateException.class, agent::run);
    assertEquals("the agent is already running", e.getMessage());
    assertThrows(IllegalStateException.class, agent::start);

    release.countDown();
    assertTrue(agent.awaitTermination(Duration.ofSeconds(10)));
  }

  // ---------------------------------------------------------------- settings

  @Test
  void refusesSettingsThatCannotWork() {
    AlbsClient client = client();
    TaskBuilder builder = uploadsOneRpm();
    BuildNodeAgent.Builder b = BuildNodeAgent.newBuilder(client, builder);
    assertEquals("supportedArches(...) is required",
        assertThrows(IllegalStateException.class, b::build).getMessage());
    assertEquals("supportedArches is empty",
        assertThrows(IllegalArgumentException.class, () -> b.supportedArches()).getMessage());
    assertEquals("supportedArches[1] is blank", assertThrows(IllegalArgumentException.class,
        () -> b.supportedArches("x86_64", " ")).getMessage());
    assertThrows(NullPointerException.class, () -> b.supportedArches("x86_64", null));
    assertThrows(IllegalArgumentException.class, () -> b.pingInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.pingInterval(Duration.ofMinutes(6)));
    assertThrows(IllegalArgumentException.class,
        () -> b.idleBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertEquals("idleBackoff max PT1S is less than initial PT2S",
        assertThrows(IllegalArgumentException.class,
            () -> b.idleBackoff(Duration.ofSeconds(2), SECOND)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.reportTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.excludedPackages(List.of("")));
    assertThrows(NullPointerException.class, () -> BuildNodeAgent.newBuilder(null, builder));
    assertThrows(NullPointerException.class, () -> BuildNodeAgent.newBuilder(client, null));
  }

  @Test
  void toBuilderMakesAnotherAgentWithTheSameSettings() {
    BuildNodeAgent first = BuildNodeAgent.newBuilder(client(), uploadsOneRpm())
        .supportedArches("ppc64le").build();

    BuildNodeAgent second = first.toBuilder().build();

    assertEquals("BuildNodeAgent[[ppc64le], NEW]", second.toString());
  }

  @Test
  void formatsDurationsAsPythonTimedeltas() {
    assertEquals("0:00:00", BuildNodeAgent.pythonDelta(Duration.ZERO));
    assertEquals("0:05:01.500000", BuildNodeAgent.pythonDelta(Duration.ofMillis(301_500)));
    assertEquals("1 day, 2:03:04", BuildNodeAgent.pythonDelta(
        Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4)));
    assertEquals("3 days, 0:00:00.000001",
        BuildNodeAgent.pythonDelta(Duration.ofDays(3).plusNanos(1000)));
    assertEquals("0:00:00", BuildNodeAgent.pythonDelta(Duration.ofSeconds(-5)));
  }
}
