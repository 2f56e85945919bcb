package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.albs.AlbsTesting.assertJsonBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertRequest;
import static dev.buildbridge.api.albs.AlbsTesting.fixtureResponse;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.onlyRequest;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build node and sign node protocols, call by call. */
class NodeProtocolsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String SHA_RPM =
      "5f0c1f6f3c0d1e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
  private static final String SHA_LOG =
      "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8";

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private AlbsClient albs() {
    return AlbsTesting.client(wm, sleeps).build();
  }

  private static void sequence(String path, ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "step-" + i;
      var mapping = post(path).inScenario(path).whenScenarioStateIs(state).willReturn(answers[i]);
      if (i + 1 < answers.length) {
        mapping = mapping.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(mapping);
    }
  }

  private static BuildResult doneResult() {
    return BuildResult.newBuilder(BuildOutcome.DONE)
        .artifact(BuildArtifact.of("bash-5.1.8-9.el9.x86_64.rpm",
            "/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/", SHA_RPM))
        .artifact(new BuildArtifact("mock.x86_64.log", ArtifactType.BUILD_LOG,
            "/pulp/api/v3/artifacts/7a1d2e3f-0000-4111-8222-933344445555/", SHA_LOG.toUpperCase(),
            "cas-4711"))
        .stat("build_binaries", Map.of("start_ts", "2026-05-01 12:00:03.112233"))
        .gitCommitHash("9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c")
        .build();
  }

  private static final String DONE_BODY = "{\"task_id\":187202,\"status\":\"done\","
      + "\"artifacts\":[{\"name\":\"bash-5.1.8-9.el9.x86_64.rpm\",\"type\":\"rpm\","
      + "\"href\":\"/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/\","
      + "\"sha256\":\"" + SHA_RPM + "\"},{\"name\":\"mock.x86_64.log\",\"type\":\"build_log\","
      + "\"href\":\"/pulp/api/v3/artifacts/7a1d2e3f-0000-4111-8222-933344445555/\","
      + "\"sha256\":\"" + SHA_LOG + "\",\"cas_hash\":\"cas-4711\"}],"
      + "\"stats\":{\"build_binaries\":{\"start_ts\":\"2026-05-01 12:00:03.112233\"}},"
      + "\"is_cas_authenticated\":false,"
      + "\"git_commit_hash\":\"9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c\"}";

  // ---------------------------------------------------------------- ping

  @Test
  void pingsWithTheActiveTasks() {
    wm.stubFor(post("/api/v1/build_node/ping").willReturn(json(200, "{}")));

    albs().buildNode().ping(List.of(187202L, 187203L));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/build_node/ping"),
        "{\"active_tasks\":[187202,187203]}");
  }

  @Test
  void anIdlePingSendsAnEmptyListAndIsRepeatedAfterAServiceUnavailable() {
    sequence("/api/v1/build_node/ping", aResponse().withStatus(503), json(200, "{}"));

    albs().buildNode().ping(List.of());

    List<LoggedRequest> all = requests(wm);
    assertEquals(2, all.size());
    for (LoggedRequest request : all) {
      assertRequest(request, "POST", "/api/v1/build_node/ping");
      assertJsonBody(request, "{\"active_tasks\":[]}");
    }
  }

  // ---------------------------------------------------------------- get_task

  @Test
  void getsATaskForTheArchitectures() {
    wm.stubFor(post("/api/v1/build_node/get_task")
        .willReturn(fixtureResponse("build-node-task.json")));

    BuildNodeTask task = albs().buildNode()
        .getTask(List.of("x86_64", "i686", "src"), List.of("kernel", "grub2")).orElseThrow();

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/build_node/get_task"),
        "{\"supported_arches\":[\"x86_64\",\"i686\",\"src\"],"
            + "\"excluded_packages\":[\"kernel\",\"grub2\"]}");
    assertEquals(187202, task.id());
    assertEquals("x86_64", task.arch());
    assertEquals(11573, task.buildId());
    assertEquals(new BuildNodeTask.Ref("https://git.almalinux.org/rpms/bash.git",
        "imports/c9/bash-5.1.8-9.el9", RefType.GIT_TAG,
        "9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c"), task.ref());
    assertEquals("AlmaLinux-9", task.platform().name());
    assertEquals("rpm", task.platform().type());
    assertEquals(".el9", ((Map<?, ?>) task.platform().data().get("definitions")).get("dist"));
    assertEquals(172800, task.platform().data().get("timeout"));
    assertEquals(new BuildNodeTask.Author("eabdullin", "eabdullin@almalinux.org"),
        task.createdBy());
    assertEquals(3, task.repositories().size());
    assertEquals(new BuildNodeTask.TaskRepository("bash-11573-br",
        "http://pulp.almalinux.org/pulp/content/builds/AlmaLinux-9-x86_64-11573-br/", 10, true),
        task.repositories().get(2));
    assertTrue(task.builtSrpmUrl().endsWith("/bash-5.1.8-9.el9.src.rpm"));
    assertEquals("8d3f0e1c2b4a59687a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f",
        task.srpmHash());
    assertFalse(task.casAuthenticated());
    assertEquals(Boolean.FALSE, task.secureBoot());
    assertEquals(List.of(11570L), task.linkedBuilds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "", "{}", "{\"id\": null}"})
  void noTaskWhenAlbsHasNothingToDo(String body) {
    wm.stubFor(post("/api/v1/build_node/get_task").willReturn(json(200, body)));

    Optional<BuildNodeTask> task = albs().buildNode().getTask(List.of("aarch64"), List.of());

    assertEquals(Optional.empty(), task);
    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/build_node/get_task"),
        "{\"supported_arches\":[\"aarch64\"],\"excluded_packages\":[]}");
  }

  @Test
  void getTaskIsNotRepeatedAfterAServerError() {
    wm.stubFor(post("/api/v1/build_node/get_task").willReturn(aResponse().withStatus(502)));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().getTask(List.of("x86_64"), List.of()));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void getTaskIsNotRepeatedAfterAConnectionReset() {
    wm.stubFor(post("/api/v1/build_node/get_task")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().getTask(List.of("x86_64"), List.of()));

    assertEquals(Reason.TRANSPORT, e.reason());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void aTaskThatIsNotAnObjectIsAMalformedResponse() {
    wm.stubFor(post("/api/v1/build_node/get_task").willReturn(json(200, "[]")));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().getTask(List.of("x86_64"), List.of()));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("expected a task object or null, got a JSON array", e.detail().orElseThrow());
  }

  @Test
  void aTaskWithAFieldOfTheWrongTypeIsAMalformedResponse() {
    wm.stubFor(post("/api/v1/build_node/get_task").willReturn(json(200,
        "{\"id\": 5, \"arch\": \"x86_64\", \"build_id\": \"eleven\"}")));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().getTask(List.of("x86_64"), List.of()));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("/api/v1/build_node/get_task", e.path());
    assertTrue(e.detail().orElseThrow().startsWith(
        "response body is not valid JSON for BuildNodeTask"), e.detail().orElseThrow());
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    wm.stubFor(post("/api/v1/build_node/get_task")
        .willReturn(json(401, "{\"detail\":\"Unauthorized\"}")));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().getTask(List.of("x86_64"), List.of()));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertEquals("Unauthorized", e.detail().orElseThrow());
    assertFalse(e.getMessage().contains(AlbsTesting.JWT));
  }

  // ---------------------------------------------------------------- build_done

  @Test
  void reportsATaskDoneWithArtifactsAndSha256() {
    wm.stubFor(post("/api/v1/build_node/build_done").willReturn(json(200, "{\"ok\":true}")));

    BuildDoneOutcome outcome = albs().buildNode().buildDone(187202, doneResult());

    assertEquals(BuildDoneOutcome.ACCEPTED, outcome);
    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/build_node/build_done"), DONE_BODY);
  }

  @Test
  void reportsAnExcludedTaskWithEmptyStats() {
    wm.stubFor(post("/api/v1/build_node/build_done").willReturn(json(200, "{\"ok\":true}")));

    albs().buildNode().buildDone(187203, BuildResult.excluded(List.of()));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/build_node/build_done"),
        "{\"task_id\":187203,\"status\":\"excluded\",\"artifacts\":[],\"stats\":{},"
            + "\"is_cas_authenticated\":false}");
  }

  @Test
  void aConflictMeansTheTaskWasAlreadyFinished() {
    wm.stubFor(post("/api/v1/build_node/build_done").willReturn(json(409, "{\"ok\":false}")));

    BuildDoneOutcome outcome = albs().buildNode().buildDone(187202, doneResult());

    assertEquals(BuildDoneOutcome.ALREADY_FINISHED, outcome);
    assertEquals(1, requests(wm).size());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void buildDoneIsRepeatedAfterAServiceUnavailable() {
    sequence("/api/v1/build_node/build_done", aResponse().withStatus(503),
        json(200, "{\"ok\":true}"));

    BuildDoneOutcome outcome = albs().buildNode().buildDone(187202, doneResult());

    assertEquals(BuildDoneOutcome.ACCEPTED, outcome);
    List<LoggedRequest> all = requests(wm);
    assertEquals(2, all.size());
    for (LoggedRequest request : all) {
      assertRequest(request, "POST", "/api/v1/build_node/build_done");
      assertJsonBody(request, DONE_BODY);
    }
    assertEquals(1, sleeps.size());
  }

  @Test
  void buildDoneIsRepeatedAfterAConnectionResetAndA409IsSuccess() {
    sequence("/api/v1/build_node/build_done",
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(409, "{\"ok\":false}"));

    BuildDoneOutcome outcome = albs().buildNode().buildDone(187202, doneResult());

    assertEquals(BuildDoneOutcome.ALREADY_FINISHED, outcome);
    assertEquals(2, requests(wm).size());
    assertJsonBody(requests(wm).get(1), DONE_BODY);
  }

  @Test
  void aRefusedReportSurfacesTheValidationErrors() {
    wm.stubFor(post("/api/v1/build_node/build_done").willReturn(json(422,
        "{\"detail\":[{\"type\":\"string_type\",\"loc\":[\"body\",\"stats\",\"build_binaries\","
            + "\"delta\"],\"msg\":\"Input should be a valid string\",\"input\":301}]}")));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().buildNode().buildDone(187202, doneResult()));

    assertEquals(Reason.VALIDATION, e.reason());
    assertEquals("body.stats.build_binaries.delta: Input should be a valid string",
        e.detail().orElseThrow());
    assertEquals(1, requests(wm).size());
  }

  // ---------------------------------------------------------------- sign node

  @Test
  void getsASignTaskForTheKeys() {
    wm.stubFor(post("/api/v1/sign-tasks/get_sign_task/")
        .willReturn(fixtureResponse("sign-node-task.json")));

    SignNodeTask task = albs().signNode().getSignTask(List.of("D36CB86CB86B3716"))
        .orElseThrow();

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/sign-tasks/get_sign_task/"),
        "{\"key_ids\":[\"D36CB86CB86B3716\"]}");
    assertEquals(3302, task.id());
    assertEquals(11573, task.buildId());
    assertEquals("D36CB86CB86B3716", task.keyid());
    assertFalse(task.signFiles());
    assertEquals(2, task.packages().size());
    SignNodeTask.SignPackage rpm = task.packages().get(1);
    assertEquals(5530011, rpm.id());
    assertEquals("bash-5.1.8-9.el9.x86_64.rpm", rpm.name());
    assertEquals("x86_64", rpm.arch());
    assertEquals("rpm", rpm.type());
    assertTrue(rpm.downloadUrl().endsWith("/Packages/b/bash-5.1.8-9.el9.x86_64.rpm"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}",
      "{\"id\":null,\"build_id\":null,\"keyid\":null,\"packages\":null}"})
  void noSignTaskWhenAlbsAnswersAnEmptyObject(String body) {
    wm.stubFor(post("/api/v1/sign-tasks/get_sign_task/").willReturn(json(200, body)));

    assertEquals(Optional.empty(),
        albs().signNode().getSignTask(List.of("D36CB86CB86B3716", "51D6647EC21AD6EA")));
    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/sign-tasks/get_sign_task/"),
        "{\"key_ids\":[\"D36CB86CB86B3716\",\"51D6647EC21AD6EA\"]}");
  }

  @Test
  void getSignTaskIsNotRepeatedAfterAServerError() {
    wm.stubFor(post("/api/v1/sign-tasks/get_sign_task/").willReturn(aResponse().withStatus(504)));

    assertThrows(ApiException.class,
        () -> albs().signNode().getSignTask(List.of("D36CB86CB86B3716")));

    assertEquals(1, requests(wm).size());
  }

  @Test
  void completesASignTaskWithTheSignedPackages() {
    wm.stubFor(post("/api/v1/sign-tasks/3302/complete/")
        .willReturn(json(200, "{\"success\":true}")));

    albs().signNode().complete(3302, SignTaskCompletion.succeeded(11573, List.of(
        new SignTaskCompletion.SignedPackage(5530011, "bash-5.1.8-9.el9.x86_64.rpm", "x86_64",
            "rpm", "/pulp/api/v3/artifacts/9b1f0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d/",
            "BC5EDDCADF502C077F1582882AE81E8ACED7258B", SHA_RPM, null)))
        .withStats(Map.of("sign_packages_time", 30, "upload_packages_time", 5)));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/sign-tasks/3302/complete/"),
        "{\"build_id\":11573,\"success\":true,\"packages\":[{\"id\":5530011,"
            + "\"name\":\"bash-5.1.8-9.el9.x86_64.rpm\",\"arch\":\"x86_64\",\"type\":\"rpm\","
            + "\"href\":\"/pulp/api/v3/artifacts/9b1f0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d/\","
            + "\"fingerprint\":\"BC5EDDCADF502C077F1582882AE81E8ACED7258B\","
            + "\"sha256\":\"" + SHA_RPM + "\"}],"
            + "\"stats\":{\"sign_packages_time\":30,\"upload_packages_time\":5}}");
  }

  @Test
  void completesAFailedSignTaskWithTheError() {
    wm.stubFor(post("/api/v1/sign-tasks/3302/complete/")
        .willReturn(json(200, "{\"success\":true}")));

    albs().signNode().complete(3302, SignTaskCompletion.failed(11573,
        "gpg: signing failed: No secret key").withLogHref("/pulp/api/v3/artifacts/aa/"));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/sign-tasks/3302/complete/"),
        "{\"build_id\":11573,\"success\":false,"
            + "\"error_message\":\"gpg: signing failed: No secret key\","
            + "\"log_href\":\"/pulp/api/v3/artifacts/aa/\"}");
  }

  @Test
  void completionIsNotRepeatedAfterAServerError() {
    wm.stubFor(post("/api/v1/sign-tasks/3302/complete/").willReturn(aResponse().withStatus(502)));

    assertThrows(ApiException.class, () -> albs().signNode().complete(3302,
        SignTaskCompletion.failed(11573, "gpg: signing failed")));

    assertEquals(1, requests(wm).size());
  }

  // ---------------------------------------------------------------- arguments

  @Test
  void refusesBadArgumentsBeforeSendingAnything() {
    BuildNodeApi node = albs().buildNode();
    SignNodeApi sign = albs().signNode();

    assertEquals("supportedArches is empty", assertThrows(IllegalArgumentException.class,
        () -> node.getTask(List.of(), List.of())).getMessage());
    assertEquals("excludedPackages[0] is blank", assertThrows(IllegalArgumentException.class,
        () -> node.getTask(List.of("x86_64"), List.of(""))).getMessage());
    assertThrows(NullPointerException.class, () -> node.getTask(List.of("x86_64"), null));
    assertEquals("activeTasks[1] must be positive, was 0",
        assertThrows(IllegalArgumentException.class, () -> node.ping(List.of(7L, 0L)))
            .getMessage());
    assertEquals("taskId must be positive, was 0", assertThrows(IllegalArgumentException.class,
        () -> node.buildDone(0, BuildResult.failed(List.of()))).getMessage());
    assertThrows(NullPointerException.class, () -> node.buildDone(1, null));
    assertEquals("keyIds is empty", assertThrows(IllegalArgumentException.class,
        () -> sign.getSignTask(List.of())).getMessage());
    assertEquals("signTaskId must be positive, was -2", assertThrows(
        IllegalArgumentException.class,
        () -> sign.complete(-2, SignTaskCompletion.failed(1, "x"))).getMessage());
    assertEquals(List.of(), requests(wm));
  }
}
