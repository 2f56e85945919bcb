package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.albs.AlbsTesting.assertJsonBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertNoBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertRequest;
import static dev.buildbridge.api.albs.AlbsTesting.fixture;
import static dev.buildbridge.api.albs.AlbsTesting.fixtureResponse;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.onlyRequest;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BuildsApiTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private BuildsApi builds() {
    return AlbsTesting.client(wm, sleeps).build().builds();
  }

  @Test
  void createsABuildWithTheBodyAlbsExpects() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(json(201, fixture("build-created.json"))));

    BuildCreated created = builds().create(BuildRequest.newBuilder(1)
        .platform("AlmaLinux-8", "i686", "x86_64")
        .task(BuildTaskRef.newBuilder("https://git.almalinux.org/rpms/chan.git").gitRef("c8")
            .refType(RefType.GIT_REF).mockOptions(Map.of()).build())
        .build());

    assertEquals(11574, created.id());
    assertEquals(Instant.parse("2024-05-15T08:00:00.000123Z"), created.createdAt());
    assertEquals(Map.of(), created.mockOptions());
    LoggedRequest request = onlyRequest(wm, "POST", "/api/v1/builds/");
    assertJsonBody(request, "{\"platforms\":[{\"name\":\"AlmaLinux-8\","
        + "\"arch_list\":[\"i686\",\"x86_64\"],\"parallel_mode_enabled\":true,"
        + "\"independent_tasks\":false}],"
        + "\"tasks\":[{\"url\":\"https://git.almalinux.org/rpms/chan.git\",\"git_ref\":\"c8\","
        + "\"ref_type\":4,\"mock_options\":{}}],"
        + "\"linked_builds\":[],\"platform_flavors\":[],\"is_secure_boot\":false,"
        + "\"product_id\":1}");
  }

  @Test
  void createsAModuleBuildWithEveryOption() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(json(201, fixture("build-created.json"))));
    BuildTaskRef component = BuildTaskRef.newBuilder("https://git.almalinux.org/rpms/nodejs.git")
        .gitRef("c9s-stream-18").refType(RefType.GIT_BRANCH).module(true).enabled(true)
        .gitCommitHash("0a1b2c3d").modulePlatformVersion("9.4.0").moduleVersion("90400")
        .testConfiguration(Map.of("tests", List.of())).addedArtifacts(List.of()).build();

    builds().create(BuildRequest.newBuilder(1)
        .platform(new BuildRequest.Target("AlmaLinux-9", List.of("aarch64"), false, true))
        .task(new ModuleBuildRef("nodejs", "18", "9.4.0", null, "---\ndocument: modulemd\n",
            Map.of("nodejs", List.of("18")), List.of(component)))
        .linkedBuild(11570).platformFlavor(4).secureBoot(true)
        .mockOptions(Map.of("with", List.of("tests")))
        .build());

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/builds/"), "{\"platforms\":[{"
        + "\"name\":\"AlmaLinux-9\",\"arch_list\":[\"aarch64\"],\"parallel_mode_enabled\":false,"
        + "\"independent_tasks\":true}],\"tasks\":[{\"module_name\":\"nodejs\","
        + "\"module_stream\":\"18\",\"module_platform_version\":\"9.4.0\","
        + "\"modules_yaml\":\"---\\ndocument: modulemd\\n\",\"enabled_modules\":{\"nodejs\":"
        + "[\"18\"]},\"refs\":[{\"url\":\"https://git.almalinux.org/rpms/nodejs.git\","
        + "\"git_ref\":\"c9s-stream-18\",\"ref_type\":1,\"git_commit_hash\":\"0a1b2c3d\","
        + "\"is_module\":true,\"enabled\":true,\"test_configuration\":{\"tests\":[]},"
        + "\"added_artifacts\":[],\"module_platform_version\":\"9.4.0\","
        + "\"module_version\":\"90400\"}]}],\"linked_builds\":[11570],"
        + "\"mock_options\":{\"with\":[\"tests\"]},\"platform_flavors\":[4],"
        + "\"is_secure_boot\":true,\"product_id\":1}");
  }

  @Test
  void creationIsNotRepeatedAfterAServerError() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/builds/")).willReturn(aResponse().withStatus(502)));

    ApiException e = assertThrows(ApiException.class, () -> builds().create(
        BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64")
            .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9",
                RefType.GIT_BRANCH)).build()));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, requests(wm).size());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void validationErrorsOfFastApiAreInTheDetail() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(json(422, fixture("validation-error.json"))));

    ApiException e = assertThrows(ApiException.class, () -> builds().create(
        BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64")
            .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9",
                RefType.GIT_BRANCH)).build()));

    assertEquals(Reason.VALIDATION, e.reason());
    assertEquals(422, e.status());
    assertEquals("body.product_id: Field required; body.platforms: List should have at least 1"
        + " item after validation, not 0", e.detail().orElseThrow());
    assertEquals("/api/v1/builds/", e.path());
    assertEquals("req-7f3a", e.requestId().orElseThrow());
  }

  @Test
  void readsABuildWithItsTasksArtifactsAndNaiveTimestamps() {
    wm.stubFor(get("/api/v1/builds/11573/").willReturn(fixtureResponse("build.json")));

    Build build = builds().get(11573);

    LoggedRequest request = onlyRequest(wm, "GET", "/api/v1/builds/11573/");
    assertNoBody(request);
    assertEquals(11573, build.id());
    assertEquals(Instant.parse("2024-05-14T10:23:45.123456Z"), build.createdAt());
    assertEquals(Instant.parse("2024-05-14T10:52:01.000931Z"), build.finishedAt());
    assertEquals(new User(17, "eabdullin", "eabdullin@almalinux.org", null, null), build.owner());
    assertEquals(List.of(11570L), build.linkedBuilds());
    assertEquals(List.of(new NamedRef(1, "AlmaLinux")), build.products());
    assertEquals(List.of(new NamedRef(4, "EPEL-9")), build.platformFlavors());
    assertFalse(build.released());
    assertNull(build.releaseId());
    assertEquals(Boolean.FALSE, build.cancelTesting());
    assertEquals(List.of("tests"), build.mockOptions().get("with"));
    assertTrue(build.mockOptions().containsKey("target_arch"));
    assertNull(build.mockOptions().get("target_arch"));
    Build.SignRun sign = build.signTasks().get(0);
    assertEquals(SignTaskStatus.IN_PROGRESS, sign.status());
    assertEquals(Instant.parse("2024-05-14T11:00:02.000001Z"), sign.startedAt());
    assertEquals(Map.of(), sign.stats());

    assertEquals(3, build.tasks().size());
    BuildTask src = build.tasks().get(0);
    assertEquals(187201, src.id());
    assertEquals("src", src.arch());
    assertEquals(BuildTaskStatus.COMPLETED, src.status());
    assertTrue(src.status().isFinished());
    assertEquals(new BuildTask.TaskPlatform(2, "rpm", "AlmaLinux-9",
        List.of("i686", "x86_64", "aarch64", "ppc64le", "s390x")), src.platform());
    assertEquals("https://git.almalinux.org/rpms/bash.git", src.ref().url());
    assertEquals(RefType.GIT_TAG, src.ref().refType());
    assertEquals("9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c", src.ref().gitCommitHash());
    assertEquals(List.of(), src.rpmModules());
    assertEquals(2, src.artifacts().size());
    BuildTask.Artifact srpm = src.artifacts().get(0);
    assertEquals("bash-5.1.8-9.el9.src.rpm", srpm.name());
    assertEquals(ArtifactType.RPM, srpm.type());
    assertEquals("/pulp/api/v3/content/rpm/packages/018f7a2e-7c55-7d3c-9d2e-0b1f5c1e9a01/",
        srpm.href());
    assertEquals(ArtifactType.BUILD_LOG, src.artifacts().get(1).type());
    assertEquals(Map.of("start_ts", "2024-05-14 10:23:50.120021",
        "end_ts", "2024-05-14 10:31:12.900410", "delta", "0:07:22.780389"),
        ((Map<?, ?>) src.performanceStats().get(0).statistics().get("build_node_stats"))
            .get("build_node_task"));

    BuildTask x86 = build.tasks().get(1);
    assertEquals(BuildTaskStatus.FAILED, x86.status());
    assertEquals("Error: rpmbuild -bb failed (exit status 1)", x86.error());
    assertEquals(List.of(new BuildTask.TestRun(40001, TestTaskStatus.COMPLETED, 1, List.of())),
        x86.testTasks());

    BuildTask aarch64 = build.tasks().get(2);
    assertEquals(BuildTaskStatus.UNKNOWN, aarch64.status());
    assertNull(aarch64.startedAt());
  }

  @Test
  void aMissingBuildIsNotFoundWithFastApisDetail() {
    wm.stubFor(get("/api/v1/builds/99999/").willReturn(json(404,
        "{\"detail\":\"Build with id=99999 is not found\"}")));

    ApiException e = assertThrows(ApiException.class, () -> builds().get(99999));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertEquals("Build with id=99999 is not found", e.detail().orElseThrow());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void aWrongTrailingSlashRedirectIsNotFollowed() {
    wm.stubFor(get("/api/v1/builds/7/").willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://127.0.0.1/api/v1/builds/7")));

    ApiException e = assertThrows(ApiException.class, () -> builds().get(7));

    assertEquals(Reason.REDIRECT, e.reason());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void listsBuildsLazilyAcrossThreePages() {
    for (int page = 1; page <= 3; page++) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/builds/"))
          .withQueryParam("pageNumber", equalTo(Integer.toString(page)))
          .willReturn(fixtureResponse("builds-page" + page + ".json")));
    }

    List<Long> ids = builds().list(BuildQuery.newBuilder().project("bash").running(true).build())
        .stream().map(Build::id).collect(Collectors.toList());

    assertEquals(23, ids.size());
    assertEquals(12000L, ids.get(0));
    assertEquals(11978L, ids.get(22));
    List<LoggedRequest> all = requests(wm);
    assertEquals(3, all.size());
    for (int page = 1; page <= 3; page++) {
      LoggedRequest request = all.get(page - 1);
      assertRequest(request, "GET", "/api/v1/builds/?project=bash&is_running=true&pageNumber="
          + page);
      assertNoBody(request);
    }
  }

  @Test
  void listingFetchesOnlyThePagesUsed() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(fixtureResponse("builds-page1.json")));

    List<Build> first = builds().list().stream().limit(10).collect(Collectors.toList());

    assertEquals(10, first.size());
    assertEquals(1, requests(wm).size());
    assertEquals("/api/v1/builds/?pageNumber=1", requests(wm).get(0).getUrl());
  }

  @Test
  void listingSendsEveryFilterUnderAlbsNames() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(json(200, "{\"builds\":[],\"total_builds\":0,\"current_page\":1}")));

    List<Build> none = builds().list(BuildQuery.newBuilder().createdBy(17).project("bash")
        .ref("c9").rpm("bash", "0", "5.1.8", "9.el9", "x86_64").platformId(2)
        .buildTaskArch("x86_64").released(false).signed(true).running(false).build())
        .stream().collect(Collectors.toList());

    assertEquals(List.of(), none);
    onlyRequest(wm, "GET", "/api/v1/builds/?created_by=17&project=bash&ref=c9&rpm_name=bash"
        + "&rpm_epoch=0&rpm_version=5.1.8&rpm_release=9.el9&rpm_arch=x86_64&platform_id=2"
        + "&build_task_arch=x86_64&released=false&signed=true&is_running=false&pageNumber=1");
  }

  @Test
  void readsOnePageWithTheTotal() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/"))
        .willReturn(fixtureResponse("builds-page2.json")));

    AlbsPage<Build> page = builds().page(BuildQuery.newBuilder().platformId(2).build(), 2);

    assertEquals(10, page.items().size());
    assertEquals(23L, page.total());
    assertEquals(2, page.pageNumber());
    assertTrue(page.hasNextPage());
    onlyRequest(wm, "GET", "/api/v1/builds/?platform_id=2&pageNumber=2");
  }

  @Test
  void restartsTheFailedTasksOnce() {
    wm.stubFor(patch(urlPathEqualTo("/api/v1/builds/11573/restart-failed"))
        .willReturn(json(200, "null")));

    builds().restartFailed(11573);

    assertNoBody(onlyRequest(wm, "PATCH", "/api/v1/builds/11573/restart-failed"));
  }

  @Test
  void restartIsNotRepeatedAfterAServiceUnavailable() {
    wm.stubFor(patch(urlPathEqualTo("/api/v1/builds/11573/restart-failed"))
        .willReturn(aResponse().withStatus(503)));

    ApiException e = assertThrows(ApiException.class, () -> builds().restartFailed(11573));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void cancelsABuildAndRepeatsTheCancelAfterABadGateway() {
    wm.stubFor(patch(urlPathEqualTo("/api/v1/builds/11573/cancel")).inScenario("cancel")
        .whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
    wm.stubFor(patch(urlPathEqualTo("/api/v1/builds/11573/cancel")).inScenario("cancel")
        .whenScenarioStateIs("up").willReturn(json(200, "null")));

    builds().cancel(11573);

    List<LoggedRequest> all = requests(wm);
    assertEquals(2, all.size());
    for (LoggedRequest request : all) {
      assertRequest(request, "PATCH", "/api/v1/builds/11573/cancel");
      assertNoBody(request);
    }
    assertEquals(1, sleeps.size());
  }

  @Test
  void deletesABuild() {
    wm.stubFor(delete(urlPathEqualTo("/api/v1/builds/11573/remove"))
        .willReturn(aResponse().withStatus(204)));

    builds().delete(11573);

    assertNoBody(onlyRequest(wm, "DELETE", "/api/v1/builds/11573/remove"));
  }

  @Test
  void deletingAReleasedBuildIsAConflict() {
    wm.stubFor(delete(urlPathEqualTo("/api/v1/builds/11573/remove")).willReturn(json(409,
        "{\"detail\":\"Cannot delete build 11573: it is released\"}")));

    ApiException e = assertThrows(ApiException.class, () -> builds().delete(11573));

    assertEquals(Reason.CONFLICT, e.reason());
    assertEquals("Cannot delete build 11573: it is released", e.detail().orElseThrow());
  }

  @Test
  void aBuildWithANullTaskIsAMalformedResponse() {
    wm.stubFor(get("/api/v1/builds/5/").willReturn(json(200,
        "{\"id\":5,\"created_at\":\"2024-05-14T10:23:45\",\"tasks\":[null],\"released\":false}")));

    ApiException e = assertThrows(ApiException.class, () -> builds().get(5));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
  }

  @Test
  void aTimestampThatIsNotOneIsAMalformedResponse() {
    wm.stubFor(get("/api/v1/builds/5/").willReturn(json(200,
        "{\"id\":5,\"created_at\":\"yesterday at noon\",\"released\":false}")));

    ApiException e = assertThrows(ApiException.class, () -> builds().get(5));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertTrue(e.getMessage().contains("created_at"), e.getMessage());
  }

  @Test
  void refusesIdsAndPagesThatAreNotPositive() {
    BuildsApi builds = builds();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builds.get(0));
    assertEquals("buildId must be positive, was 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builds.delete(-3));
    assertThrows(IllegalArgumentException.class, () -> builds.page(BuildQuery.all(), 0));
    assertThrows(NullPointerException.class, () -> builds.list(null));
    assertEquals(0, requests(wm).size());
  }
}
