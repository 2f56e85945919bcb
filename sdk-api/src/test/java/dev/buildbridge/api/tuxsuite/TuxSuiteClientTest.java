package dev.buildbridge.api.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.tuxsuite.TuxWire.PROJECT;
import static dev.buildbridge.api.tuxsuite.TuxWire.TOKEN;
import static dev.buildbridge.api.tuxsuite.TuxWire.USER_AGENT;
import static dev.buildbridge.api.tuxsuite.TuxWire.assertRequests;
import static dev.buildbridge.api.tuxsuite.TuxWire.fixture;
import static dev.buildbridge.api.tuxsuite.TuxWire.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TuxSuiteClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String BUILD_UID = "2ZITcwA6wxeKxh9cZA5HBJ6FkSj";
  private static final String TEST_UID = "2ZITe3XjN2cQvH0fWqJ8Rr7mKdL";
  private static final String OEBUILD_UID = "2ZITcWtwDj3povtoSM0c5sk30FZ";
  private static final String PLAN_UID = "2ZISTKlXYwYx1k5K4p8HIEKu7kn";
  private static final String LINUX =
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
  private static final String CURSOR_2 = "eyJ1aWQiOiAiMlpJVGRRMGtOdlBwM2FFdTJ5UDFhV1d2MGdTIn0=";
  private static final String CURSOR_3 = "eyJ1aWQiOiAiMlpJU1RLbFhZd1l4MWs1SzRwOEhJRUt1N2tuIn0=";

  /** A clock the sleeper moves. */
  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2024-04-19T08:00:00Z");

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

  private final List<Duration> retrySleeps = new CopyOnWriteArrayList<>();
  private final List<Duration> pollSleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock();

  private TuxSuiteClient.Builder builder() {
    return TuxSuiteClient.newBuilder()
        .baseUrl(wm.baseUrl())
        .token(TOKEN)
        .group("demo")
        .project("riscv")
        .userAgent(USER_AGENT)
        .clock(clock)
        .sleeper(d -> {
          pollSleeps.add(d);
          clock.now = clock.now.plus(d);
        })
        .transport(t -> t.sleeper(retrySleeps::add).backoff(Duration.ofMillis(1),
            Duration.ofMillis(5)));
  }

  private TuxSuiteClient client() {
    return builder().build();
  }

  private static TuxBuildRequest.Builder riscvDefconfig() {
    return TuxBuildRequest.newBuilder()
        .clientToken("82ce12c7-c41a-4ebf-9771-198b8e9e3aa2")
        .gitRepo(LINUX)
        .gitRef("master")
        .targetArch("riscv")
        .toolchain("gcc-13")
        .kconfig("defconfig", "CONFIG_KASAN=y");
  }

  /** One element of a fixture holding a JSON array. */
  private static String element(String fixture, int index) {
    try {
      return new ObjectMapper().readTree(fixture(fixture)).get(index).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.US_ASCII)));
  }

  // ---------------------------------------------------------------- builds

  @Test
  void submitsBuildsWithTheirPatchSeriesAndReadsOneStatusPerBuild() throws Exception {
    stub(wm, post(PROJECT + "/builds"), 201, "builds-submitted.json");
    byte[] mbox = "From 1 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] riscv: fix\n"
        .getBytes(StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(mbox);
    String patchName = sha256Hex(base64) + "/fix.mbox";
    TuxBuildRequest first = riscvDefconfig()
        .targets("kernel", "modules")
        .makeVariable("LLVM", "1")
        .environment("KBUILD_BUILD_USER", "ci")
        .patchSeries("fix.mbox", mbox)
        .callback("https://ci.example.org/tuxsuite/callback")
        .callbackHeader("X-Ci-Secret", "s3cr3t")
        .notifyEmail("kernel@example.org")
        .buildName("riscv-defconfig")
        .build();
    TuxBuildRequest second = TuxBuildRequest.newBuilder()
        .clientToken("0b0a8a0e-8a0c-4a55-9d6b-5b7b7f2d0c11")
        .gitRepo(LINUX).gitRef("master").targetArch("riscv").toolchain("clang-17")
        .kconfig("tinyconfig").isPublic(false).noCache(true).imageSha("sha256:2de6")
        .kernelImage("Image").build();

    List<TuxBuild> builds = client().submitBuilds(List.of(first, second));

    assertEquals(List.of(BUILD_UID, "2ZITdQ0kNvPp3aEu2yP1aWWv0gS"),
        builds.stream().map(TuxBuild::uid).collect(Collectors.toList()));
    TuxBuild queued = builds.get(0);
    assertEquals(TuxState.QUEUED, queued.state());
    assertEquals(TuxResult.UNKNOWN, queued.result());
    assertEquals("82ce12c7-c41a-4ebf-9771-198b8e9e3aa2", queued.clientToken());
    assertEquals(List.of("defconfig", "CONFIG_KASAN=y"), queued.kconfig());
    assertEquals(Map.of("LLVM", "1"), queued.makeVariables());
    assertNull(queued.modules());
    assertNull(queued.finishedTime());
    assertFalse(queued.isFinished());
    assertEquals(List.of("tinyconfig"), builds.get(1).kconfig()); // a single string reads as one
    LoggedRequest request = assertRequests(wm, "POST " + PROJECT + "/builds").get(0);
    assertEquals("application/json", request.getHeader("Content-Type"));
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/builds")).withRequestBody(equalToJson(
        "{\"builds\":["
            + "{\"client_token\":\"82ce12c7-c41a-4ebf-9771-198b8e9e3aa2\",\"git_repo\":\"" + LINUX
            + "\",\"git_ref\":\"master\",\"target_arch\":\"riscv\",\"toolchain\":\"gcc-13\","
            + "\"kconfig\":[\"defconfig\",\"CONFIG_KASAN=y\"],"
            + "\"environment\":{\"KBUILD_BUILD_USER\":\"ci\"},\"targets\":[\"kernel\",\"modules\"],"
            + "\"make_variables\":{\"LLVM\":\"1\"},\"is_public\":true,"
            + "\"build_name\":\"riscv-defconfig\",\"kernel_patch_file\":\"" + patchName + "\","
            + "\"callback\":\"https://ci.example.org/tuxsuite/callback\","
            + "\"callback_headers\":{\"X-Ci-Secret\":\"s3cr3t\"},"
            + "\"notify_emails\":[\"kernel@example.org\"]},"
            + "{\"client_token\":\"0b0a8a0e-8a0c-4a55-9d6b-5b7b7f2d0c11\",\"git_repo\":\"" + LINUX
            + "\",\"git_ref\":\"master\",\"target_arch\":\"riscv\",\"toolchain\":\"clang-17\","
            + "\"kconfig\":[\"tinyconfig\"],\"environment\":{},\"targets\":[],"
            + "\"make_variables\":{},\"is_public\":false,\"kernel_image\":\"Image\","
            + "\"image_sha\":\"sha256:2de6\",\"no_cache\":true}],"
            + "\"patches\":{\"" + patchName + "\":\"" + base64 + "\"}}")));
  }

  @Test
  void submitsOneBuildBySha() {
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(201)
        .withBody("[" + fixture("build-running.json") + "]")));

    TuxBuild build = client().submitBuild(TuxBuildRequest.newBuilder()
        .clientToken("c0ffee00-0000-4000-8000-000000000001")
        .gitRepo(LINUX)
        .gitSha("96fca68c4fbf77a8185eb10f7557e23352732ea2")
        .targetArch("riscv").toolchain("gcc-13").kconfig(List.of("defconfig"))
        .patchSeriesUrl("https://lore.kernel.org/all/20240419.mbox")
        .plan(PLAN_UID)
        .build());

    assertEquals(TuxState.BUILDING, build.state());
    assertEquals(LocalDateTime.parse("2024-04-19T08:03:50.889831"), build.runningTime());
    assertRequests(wm, "POST " + PROJECT + "/builds");
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/builds")).withRequestBody(equalToJson(
        "{\"builds\":[{\"client_token\":\"c0ffee00-0000-4000-8000-000000000001\","
            + "\"git_repo\":\"" + LINUX + "\","
            + "\"git_sha\":\"96fca68c4fbf77a8185eb10f7557e23352732ea2\","
            + "\"target_arch\":\"riscv\",\"toolchain\":\"gcc-13\",\"kconfig\":[\"defconfig\"],"
            + "\"environment\":{},\"targets\":[],\"make_variables\":{},\"is_public\":true,"
            + "\"plan\":\"" + PLAN_UID + "\","
            + "\"kernel_patch_file\":\"https://lore.kernel.org/all/20240419.mbox\"}],"
            + "\"patches\":{\"https://lore.kernel.org/all/20240419.mbox\":\"\"}}")));
  }

  @Test
  void aSubmissionAnsweredWithoutExactlyOneStatusIsMalformed() {
    wm.stubFor(post(PROJECT + "/builds").willReturn(okJson("[]")));

    ApiException e = assertThrows(ApiException.class,
        () -> client().submitBuild(riscvDefconfig().build()));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("POST " + PROJECT + "/builds: 200 OK: expected one build status, got 0",
        e.getMessage());
  }

  @Test
  void getsAFinishedBuild() {
    stub(wm, get(PROJECT + "/builds/" + BUILD_UID), 200, "build-finished.json");

    TuxBuild build = client().getBuild(BUILD_UID);

    assertRequests(wm, "GET " + PROJECT + "/builds/" + BUILD_UID);
    assertTrue(build.isFinished());
    assertEquals(TuxKind.BUILD, build.kind());
    assertEquals(TuxResult.FAIL, build.result());
    assertEquals("fail", build.buildStatus());
    assertEquals("complete", build.tuxbuildStatus());
    assertEquals(2, build.errorsCount());
    assertEquals("modules.tar.xz", build.modules());
    assertEquals("Image.gz", build.kernelImageName());
    assertEquals("6.9.0-rc4", build.kernelVersion());
    assertEquals(412, build.duration());
    assertEquals(List.of("TEST#2ZITe3XjN2cQvH0fWqJ8Rr7mKdL"), build.waitedBy());
    assertEquals(LocalDateTime.parse("2024-04-19T08:10:48.120001"), build.finishedTime());
    assertTrue(build.gitShortLog().contains("'riscv-for-linus-6.9-rc5'"));
    assertEquals("FAIL", build.tuxmakeMetadata().at("/results/targets/kernel/status").asText());
    build.tuxmakeMetadata().withObject("/results").put("status", "PASS");
    assertEquals("FAIL", build.tuxmakeMetadata().at("/results/status").asText()); // a copy
  }

  @Test
  void listsBuildsFollowingTheStartCursorOverThreePages() {
    stub(wm, get(urlPathEqualTo(PROJECT + "/builds")).withQueryParam("start", absent()), 200,
        "builds-page1.json");
    stub(wm, get(urlPathEqualTo(PROJECT + "/builds")).withQueryParam("start", equalTo(CURSOR_2)),
        200, "builds-page2.json");
    stub(wm, get(urlPathEqualTo(PROJECT + "/builds")).withQueryParam("start", equalTo(CURSOR_3)),
        200, "builds-page3.json");

    List<TuxBuild> builds = client().listBuilds().stream().collect(Collectors.toList());

    assertEquals(List.of(BUILD_UID, "2ZITdQ0kNvPp3aEu2yP1aWWv0gS", "2ZISTKlXYwYx1k5K4p8HIEKu7kn",
        "2ZIRuvQ0aW6hB1n3M2c5ZcFyk1J"), builds.stream().map(TuxBuild::uid)
        .collect(Collectors.toList()));
    assertRequests(wm,
        "GET " + PROJECT + "/builds",
        "GET " + PROJECT + "/builds?start=" + CURSOR_2.replace("=", "%3D"),
        "GET " + PROJECT + "/builds?start=" + CURSOR_3.replace("=", "%3D"));
    assertEquals(TuxResult.CANCELED, builds.get(2).result());
    // values this version does not know: state "archiving", result "flaky"
    assertEquals(TuxState.UNKNOWN, builds.get(3).state());
    assertEquals(TuxResult.UNKNOWN, builds.get(3).result());
    assertFalse(builds.get(3).isFinished());
  }

  @Test
  void listingIsLazy() {
    stub(wm, get(urlPathEqualTo(PROJECT + "/builds")).withQueryParam("start", absent()), 200,
        "builds-page1.json");
    TuxSuiteClient tux = client();

    var builds = tux.listBuilds();
    assertEquals(0, wm.getAllServeEvents().size());
    assertEquals(2, builds.stream().limit(2).count());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void getDispatchesOnTheKind() {
    stub(wm, get(PROJECT + "/builds/" + BUILD_UID), 200, "build-finished.json");
    stub(wm, get(PROJECT + "/tests/" + TEST_UID), 200, "test-finished.json");
    stub(wm, get(PROJECT + "/oebuilds/" + OEBUILD_UID), 200, "oebuild-submitted.json");
    TuxSuiteClient tux = client();

    assertInstanceOf(TuxBuild.class, tux.get(TuxKind.BUILD, BUILD_UID));
    assertInstanceOf(TuxTest.class, tux.get(TuxKind.TEST, TEST_UID));
    assertInstanceOf(TuxOebuild.class, tux.get(TuxKind.OEBUILD, OEBUILD_UID));
    assertRequests(wm, "GET " + PROJECT + "/builds/" + BUILD_UID,
        "GET " + PROJECT + "/tests/" + TEST_UID, "GET " + PROJECT + "/oebuilds/" + OEBUILD_UID);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void submitsOneTestSendingUnsetFirmwareAsExplicitNulls() {
    stub(wm, post(PROJECT + "/tests"), 201, "test-submitted.json");
    String artifacts = "https://storage.tuxsuite.com/public/demo/riscv/builds/" + BUILD_UID + "/";

    TuxTest test = client().submitTest(TuxTestRequest.newBuilder("qemu-riscv64")
        .kernel(artifacts + "Image.gz")
        .modules(artifacts + "modules.tar.xz")
        .tests("ltp-smoke")
        .timeout("ltp-smoke", 10)
        .parameter("SKIPFILE", "skipfile-lkft.yaml")
        .callback("https://ci.example.org/tuxsuite/callback")
        .build());

    assertEquals(TEST_UID, test.uid());
    assertEquals(TuxState.WAITING, test.state());
    assertEquals(List.of("boot", "ltp-smoke"), test.tests());
    assertEquals(Map.of("ltp-smoke", 10L), test.timeouts());
    assertEquals(Map.of(), test.results());
    LoggedRequest request = assertRequests(wm, "POST " + PROJECT + "/tests").get(0);
    assertEquals("application/json", request.getHeader("Content-Type"));
    String body = request.getBodyAsString();
    assertTrue(body.contains("\"bios\":null") && body.contains("\"rootfs\":null")
        && body.contains("\"lab\":null"), body);
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/tests")).withRequestBody(equalToJson(
        "{\"device\":\"qemu-riscv64\",\"kernel\":\"" + artifacts + "Image.gz\","
            + "\"ap_romfw\":null,\"bios\":null,\"dtb\":null,\"fip\":null,\"mcp_fw\":null,"
            + "\"mcp_romfw\":null,\"scp_fw\":null,\"scp_romfw\":null,\"rootfs\":null,"
            + "\"parameters\":{\"SKIPFILE\":\"skipfile-lkft.yaml\"},"
            + "\"lava_test_plans_project\":null,\"lab\":null,\"is_public\":true,"
            + "\"modules\":\"" + artifacts + "modules.tar.xz\",\"tests\":[\"ltp-smoke\"],"
            + "\"timeouts\":{\"ltp-smoke\":10},"
            + "\"callback\":\"https://ci.example.org/tuxsuite/callback\"}")));
  }

  @Test
  void aBareTestSendsOnlyTheAlwaysPresentFields() {
    stub(wm, post(PROJECT + "/tests"), 201, "test-submitted.json");

    client().submitTest(TuxTestRequest.newBuilder("qemu-riscv64").build());

    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/tests")).withRequestBody(equalToJson(
        "{\"device\":\"qemu-riscv64\",\"kernel\":null,\"ap_romfw\":null,\"bios\":null,"
            + "\"dtb\":null,\"fip\":null,\"mcp_fw\":null,\"mcp_romfw\":null,\"scp_fw\":null,"
            + "\"scp_romfw\":null,\"rootfs\":null,\"parameters\":{},"
            + "\"lava_test_plans_project\":null,\"lab\":null,\"is_public\":true}")));
  }

  @Test
  void getsATestAndItsDetailedResults() {
    stub(wm, get(PROJECT + "/tests/" + TEST_UID), 200, "test-finished.json");
    stub(wm, get(PROJECT + "/tests/" + TEST_UID + "/results"), 200, "test-results.json");
    TuxSuiteClient tux = client();

    TuxTest test = tux.getTest(TEST_UID);
    TuxTestResults results = tux.getTestResults(TEST_UID);

    assertRequests(wm, "GET " + PROJECT + "/tests/" + TEST_UID,
        "GET " + PROJECT + "/tests/" + TEST_UID + "/results");
    assertEquals(TuxResult.FAIL, test.result());
    assertEquals(Map.of("boot", "pass", "ltp-smoke", "fail"), test.results());
    assertEquals("BUILD#" + BUILD_UID, test.waitingFor());
    assertEquals(1, test.retries());
    assertEquals(Map.of("SHARD_INDEX", "4", "SHARD_NUMBER", "10"), test.parameters());
    assertEquals(List.of("lava", "0_ltp-smoke"), List.copyOf(results.suites().keySet()));
    TuxTestCase access = results.testCase("0_ltp-smoke", "access01").orElseThrow();
    assertTrue(access.passed());
    assertEquals(958, access.starttc());
    assertEquals("skip", results.testCase("0_ltp-smoke", "chdir01").orElseThrow().result());
    assertFalse(results.testCase("0_ltp-smoke", "fork01").orElseThrow().passed());
    TuxTestCase download = results.testCase("lava", "http-download").orElseThrow();
    assertEquals("0.39", download.duration());
    assertEquals("1.4.1", download.level());
    assertEquals(9892352, download.extra().get("size").asLong());
    assertTrue(results.testCase("lava", "job").orElseThrow().passed());
    assertNull(results.testCase("lava", "file-download").orElseThrow().result()); // a group
    assertTrue(results.testCase("kselftest", "rtc").isEmpty());
  }

  @Test
  void listsTests() {
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/tests")).willReturn(okJson(
        "{\"results\":[" + fixture("test-finished.json") + "],\"next\":null}")));

    List<TuxTest> tests = client().listTests().stream().collect(Collectors.toList());

    assertEquals(1, tests.size());
    assertEquals(TEST_UID, tests.get(0).uid());
    assertRequests(wm, "GET " + PROJECT + "/tests");
  }

  // ---------------------------------------------------------------- oebuilds

  @Test
  void submitsAnOebuildWithEveryDefinitionFieldAsThePythonClientDoes() throws Exception {
    stub(wm, post(PROJECT + "/oebuilds"), 201, "oebuild-submitted.json");
    byte[] manifest = "<manifest><project name=\"oe-core\"/></manifest>"
        .getBytes(StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(manifest);
    String name = sha256Hex(base64) + "/pinned.xml";

    TuxOebuild oebuild = client().submitOebuild(TuxOebuildRequest.newBuilder()
        .sources(Map.of("repo", Map.of(
            "url", "https://gitlab.eclipse.org/eclipse/oniro-core/oniro",
            "branch", "kirkstone",
            "manifest", "default.xml")))
        .machine("qemux86-64")
        .distro("oniro-linux")
        .envsetup("oe-core/oe-init-build-env")
        .targets("intltool-native")
        .environment("TEMPLATECONF", "../oniro/flavours/linux")
        .localConf("INHERIT += 'buildstats'")
        .pinnedManifest("pinned.xml", manifest)
        .build());

    assertEquals(OEBUILD_UID, oebuild.uid());
    assertEquals(TuxKind.OEBUILD, oebuild.kind());
    assertEquals(TuxState.PROVISIONING, oebuild.state());
    assertEquals("kirkstone", oebuild.sources().at("/repo/branch").asText());
    assertEquals(List.of("INHERIT += 'buildstats'"), oebuild.localConf());
    assertRequests(wm, "POST " + PROJECT + "/oebuilds");
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/oebuilds"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"targets\":[\"intltool-native\"],"
            + "\"envsetup\":\"oe-core/oe-init-build-env\",\"distro\":\"oniro-linux\","
            + "\"machine\":\"qemux86-64\",\"sources\":{\"repo\":{"
            + "\"url\":\"https://gitlab.eclipse.org/eclipse/oniro-core/oniro\","
            + "\"branch\":\"kirkstone\",\"manifest\":\"default.xml\"}},"
            + "\"artifacts\":[],\"environment\":{\"TEMPLATECONF\":\"../oniro/flavours/linux\"},"
            + "\"local_conf\":[\"INHERIT += 'buildstats'\"],\"bblayers_conf\":[],"
            + "\"container\":\"ubuntu-20.04\",\"manifest_file\":null,\"name\":\"\","
            + "\"no_cache\":false,\"extraconfigs\":[],\"pinned_manifest\":\"" + name + "\","
            + "\"kas_override\":null,\"is_public\":true,\"callback\":null,"
            + "\"callback_headers\":null,\"notify_emails\":[],"
            + "\"manifests\":{\"" + name + "\":\"" + base64 + "\"}}")));
  }

  @Test
  void getsAndListsOebuilds() {
    stub(wm, get(PROJECT + "/oebuilds/" + OEBUILD_UID), 200, "oebuild-submitted.json");
    wm.stubFor(get(urlPathEqualTo(PROJECT + "/oebuilds")).willReturn(okJson(
        "{\"results\":[" + fixture("oebuild-submitted.json") + "],\"next\":\"\"}")));
    TuxSuiteClient tux = client();

    assertEquals("qemux86-64", tux.getOebuild(OEBUILD_UID).machine());
    assertEquals(List.of(OEBUILD_UID), tux.listOebuilds().stream().map(TuxOebuild::uid)
        .collect(Collectors.toList()));
    assertRequests(wm, "GET " + PROJECT + "/oebuilds/" + OEBUILD_UID,
        "GET " + PROJECT + "/oebuilds");
  }

  // ---------------------------------------------------------------- plans

  @Test
  void submitsAPlanAsThePythonClientDoes() {
    stub(wm, post(PROJECT + "/plans"), 201, "plan-created.json");
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(201)
        .withBody("[" + fixture("build-running.json") + "]")));
    wm.stubFor(post(PROJECT + "/tests").inScenario("plan").whenScenarioStateIs(STARTED)
        .willSetStateTo("sanity submitted").willReturn(aResponse().withStatus(201)
            .withBody("[" + element("tests-submitted.json", 0) + "]")));
    wm.stubFor(post(PROJECT + "/tests").inScenario("plan").whenScenarioStateIs("sanity submitted")
        .willReturn(aResponse().withStatus(201).withBody(fixture("tests-submitted.json"))));
    TuxSuiteClient tux = client();

    // 1. the plan
    TuxPlan plan = tux.createPlan(TuxPlanRequest.newBuilder()
        .name("riscv nightly")
        .description("defconfig builds and LTP smoke tests")
        .planCallback("https://ci.example.org/tuxsuite/plan-callback")
        .planCallbackHeader("X-Ci-Secret", "s3cr3t")
        .count(3)
        .build());
    // 2. its builds
    TuxBuild build = tux.submitBuilds(List.of(riscvDefconfig().plan(plan.uid()).build())).get(0);
    // 3. a sanity test waiting for the build
    TuxTest sanity = tux.submitTests(List.of(TuxTestRequest.newBuilder("qemu-riscv64")
        .plan(plan.uid()).waitingFor(TuxKind.BUILD, build.uid()).build())).get(0);
    // 4. the tests, waiting for the sanity test
    List<TuxTest> tests = tux.submitTests(List.of(TuxTestRequest.newBuilder("qemu-riscv64")
        .plan(plan.uid()).tests("ltp-smoke").waitingFor(TuxKind.TEST, sanity.uid()).build()));

    assertEquals(PLAN_UID, plan.uid());
    assertEquals("TEST#" + sanity.uid(), tests.get(1).waitingFor());
    assertRequests(wm, "POST " + PROJECT + "/plans", "POST " + PROJECT + "/builds",
        "POST " + PROJECT + "/tests", "POST " + PROJECT + "/tests");
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/plans")).withRequestBody(equalToJson(
        "{\"name\":\"riscv nightly\",\"description\":\"defconfig builds and LTP smoke tests\","
            + "\"is_public\":true,"
            + "\"plan_callback\":\"https://ci.example.org/tuxsuite/plan-callback\","
            + "\"plan_callback_headers\":{\"X-Ci-Secret\":\"s3cr3t\"},\"count\":3,"
            + "\"plan_file\":null,\"notify_emails\":[]}")));
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/builds")).withRequestBody(
        equalToJson("{\"builds\":[{\"plan\":\"" + PLAN_UID + "\"}]}", false, true)));
    String always = "\"kernel\":null,\"ap_romfw\":null,\"bios\":null,\"dtb\":null,\"fip\":null,"
        + "\"mcp_fw\":null,\"mcp_romfw\":null,\"scp_fw\":null,\"scp_romfw\":null,"
        + "\"rootfs\":null,\"parameters\":{},\"lava_test_plans_project\":null,\"lab\":null,"
        + "\"is_public\":true";
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/tests")).withRequestBody(equalToJson(
        "[{\"device\":\"qemu-riscv64\"," + always + ",\"waiting_for\":\"BUILD#" + BUILD_UID
            + "\",\"plan\":\"" + PLAN_UID + "\"}]")));
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/tests")).withRequestBody(equalToJson(
        "[{\"device\":\"qemu-riscv64\"," + always + ",\"tests\":[\"ltp-smoke\"],"
            + "\"waiting_for\":\"TEST#2ZITf1sGx3Q0m6hV3pWd9kYq2Lc\",\"plan\":\"" + PLAN_UID
            + "\"}]")));
  }

  @Test
  void aPlanCreatedWithoutAUidIsMalformed() {
    wm.stubFor(post(PROJECT + "/plans").willReturn(okJson("{\"status\":\"ok\"}")));

    ApiException e = assertThrows(ApiException.class,
        () -> client().createPlan(TuxPlanRequest.newBuilder().build()));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertTrue(e.getMessage().endsWith("the created plan has no uid"), e.getMessage());
    wm.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/plans")).withRequestBody(equalToJson(
        "{\"name\":null,\"description\":null,\"is_public\":true,\"plan_callback\":null,"
            + "\"plan_callback_headers\":null,\"count\":null,\"plan_file\":null,"
            + "\"notify_emails\":[]}")));
  }

  @Test
  void getsAPlanAndFollowsEachPartsOwnCursor() {
    String plan = PROJECT + "/plans/" + PLAN_UID;
    String cursor = "eyJidWlsZHMiOiAiMlpJVGN3QTZ3eGVLeGg5Y1pBNUhCSjZGa1NqIn0=";
    stub(wm, get(urlPathEqualTo(plan)).withQueryParam("start_builds", absent()), 200,
        "plan.json");
    stub(wm, get(urlPathEqualTo(plan)).withQueryParam("start_builds", equalTo(cursor)), 200,
        "plan-builds-page2.json");
    TuxSuiteClient tux = client();

    TuxPlan first = tux.getPlan(PLAN_UID);
    List<TuxBuild> builds = tux.planBuilds(PLAN_UID).stream().collect(Collectors.toList());
    List<TuxTest> tests = tux.planTests(PLAN_UID).stream().collect(Collectors.toList());
    List<TuxOebuild> oebuilds = tux.planOebuilds(PLAN_UID).stream().collect(Collectors.toList());

    assertEquals("riscv nightly", first.name());
    assertEquals(TuxState.RUNNING, first.state());
    assertEquals("https://ci.example.org/tuxsuite/plan-callback", first.planCallback());
    assertEquals(LocalDateTime.parse("2024-04-19T07:48:26.003703"), first.provisioningTime());
    assertTrue(first.builds().hasNext());
    assertFalse(first.tests().hasNext());
    assertEquals(List.of(BUILD_UID, "2ZITdQ0kNvPp3aEu2yP1aWWv0gS"),
        builds.stream().map(TuxBuild::uid).collect(Collectors.toList()));
    assertEquals(TuxResult.FAIL, builds.get(1).result());
    assertEquals(List.of("2ZITf1sGx3Q0m6hV3pWd9kYq2Lc"),
        tests.stream().map(TuxTest::uid).collect(Collectors.toList()));
    assertEquals(List.of(), oebuilds);
    assertRequests(wm, "GET " + plan, "GET " + plan,
        "GET " + plan + "?start_builds=" + cursor.replace("=", "%3D"), "GET " + plan,
        "GET " + plan);
  }

  @Test
  void listsPlans() {
    stub(wm, get(urlPathEqualTo(PROJECT + "/plans")), 200, "plans-page1.json");

    List<TuxPlan> plans = client().listPlans().stream().collect(Collectors.toList());

    assertEquals(1, plans.size());
    assertEquals(TuxState.FINISHED, plans.get(0).state());
    assertNull(plans.get(0).builds());
    assertRequests(wm, "GET " + PROJECT + "/plans");
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void cancelsEachKindWithAnEmptyObject() {
    wm.stubFor(post(urlPathEqualTo(PROJECT + "/builds/" + BUILD_UID + "/cancel"))
        .willReturn(okJson("{}")));
    wm.stubFor(post(urlPathEqualTo(PROJECT + "/tests/" + TEST_UID + "/cancel"))
        .willReturn(aResponse().withStatus(200)));
    wm.stubFor(post(urlPathEqualTo(PROJECT + "/oebuilds/" + OEBUILD_UID + "/cancel"))
        .willReturn(okJson("{\"status\":\"canceled\"}")));
    wm.stubFor(post(urlPathEqualTo(PROJECT + "/plans/" + PLAN_UID + "/cancel"))
        .willReturn(okJson("{}")));
    TuxSuiteClient tux = client();

    tux.cancelBuild(BUILD_UID);
    tux.cancelTest(TEST_UID);
    tux.cancelOebuild(OEBUILD_UID);
    tux.cancelPlan(PLAN_UID);

    List<LoggedRequest> requests = assertRequests(wm,
        "POST " + PROJECT + "/builds/" + BUILD_UID + "/cancel",
        "POST " + PROJECT + "/tests/" + TEST_UID + "/cancel",
        "POST " + PROJECT + "/oebuilds/" + OEBUILD_UID + "/cancel",
        "POST " + PROJECT + "/plans/" + PLAN_UID + "/cancel");
    for (LoggedRequest r : requests) {
      assertEquals("{}", r.getBodyAsString(), r.getUrl());
      assertEquals("application/json", r.getHeader("Content-Type"));
    }
  }

  // ---------------------------------------------------------------- retries and errors

  @Test
  void retriesAGetOn503() {
    wm.stubFor(get(PROJECT + "/builds/" + BUILD_UID).inScenario("flaky")
        .whenScenarioStateIs(STARTED).willSetStateTo("up")
        .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"Service Unavailable\"}")));
    wm.stubFor(get(PROJECT + "/builds/" + BUILD_UID).inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(okJson(fixture("build-finished.json"))));

    TuxBuild build = client().getBuild(BUILD_UID);

    assertEquals(TuxResult.FAIL, build.result());
    assertEquals(1, retrySleeps.size());
    assertRequests(wm, "GET " + PROJECT + "/builds/" + BUILD_UID,
        "GET " + PROJECT + "/builds/" + BUILD_UID);
  }

  @Test
  void retriesACancellationOn503() {
    wm.stubFor(post(PROJECT + "/tests/" + TEST_UID + "/cancel").inScenario("flaky")
        .whenScenarioStateIs(STARTED).willSetStateTo("up")
        .willReturn(aResponse().withStatus(503)));
    wm.stubFor(post(PROJECT + "/tests/" + TEST_UID + "/cancel").inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(okJson("{}")));

    client().cancel(TuxKind.TEST, TEST_UID);

    assertRequests(wm, "POST " + PROJECT + "/tests/" + TEST_UID + "/cancel",
        "POST " + PROJECT + "/tests/" + TEST_UID + "/cancel");
  }

  @Test
  void doesNotRetrySubmissionsOn503() {
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(503)));
    wm.stubFor(post(PROJECT + "/tests").willReturn(aResponse().withStatus(503)));
    wm.stubFor(post(PROJECT + "/oebuilds").willReturn(aResponse().withStatus(503)));
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withStatus(503)));
    TuxSuiteClient tux = client();

    List<ApiException> failures = List.of(
        assertThrows(ApiException.class, () -> tux.submitBuild(riscvDefconfig().build())),
        assertThrows(ApiException.class,
            () -> tux.submitTest(TuxTestRequest.newBuilder("qemu-riscv64").build())),
        assertThrows(ApiException.class, () -> tux.submitOebuild(TuxOebuildRequest.newBuilder()
            .sources(Map.of("kas", Map.of("url", "https://example.org/kas.git"))).build())),
        assertThrows(ApiException.class,
            () -> tux.createPlan(TuxPlanRequest.newBuilder().build())));

    for (ApiException e : failures) {
      assertEquals(Reason.SERVER_ERROR, e.reason());
      assertEquals(1, e.attempts());
    }
    assertEquals(List.of(), retrySleeps);
    assertRequests(wm, "POST " + PROJECT + "/builds", "POST " + PROJECT + "/tests",
        "POST " + PROJECT + "/oebuilds", "POST " + PROJECT + "/plans");
  }

  @Test
  void tuxSuiteErrorBodiesBecomeTheDetail() {
    stub(wm, post(PROJECT + "/builds"), 400, "error-bad-request.json");
    wm.stubFor(post(PROJECT + "/tests").willReturn(aResponse().withStatus(403)
        .withBody("{\"status_message\":\"project riscv is over its monthly quota\"}")));
    wm.stubFor(get(PROJECT + "/builds/2ZIAAAAAAAAAAAAAAAAAAAAAAAA").willReturn(aResponse()
        .withStatus(404).withBody("{\"error\":\"Build not found\"}")));
    TuxSuiteClient tux = client();

    ApiException bad = assertThrows(ApiException.class,
        () -> tux.submitBuild(riscvDefconfig().build()));
    ApiException quota = assertThrows(ApiException.class,
        () -> tux.submitTest(TuxTestRequest.newBuilder("qemu-riscv64").build()));
    ApiException missing = assertThrows(ApiException.class,
        () -> tux.getBuild("2ZIAAAAAAAAAAAAAAAAAAAAAAAA"));

    assertEquals(Reason.CLIENT_ERROR, bad.reason());
    assertEquals(400, bad.status());
    assertEquals("git_repo: 'ssh://git@example.org/linux.git' is not a supported url",
        bad.detail().orElseThrow());
    assertEquals("POST " + PROJECT + "/builds: 400 Bad Request: git_repo:"
        + " 'ssh://git@example.org/linux.git' is not a supported url", bad.getMessage());
    assertEquals(Reason.FORBIDDEN, quota.reason());
    assertEquals("project riscv is over its monthly quota", quota.detail().orElseThrow());
    assertEquals(Reason.NOT_FOUND, missing.reason());
    assertEquals("Build not found", missing.detail().orElseThrow());
  }

  @Test
  void aResponseOfTheWrongShapeIsMalformed() {
    wm.stubFor(get(PROJECT + "/builds/" + BUILD_UID).willReturn(okJson(
        "{\"uid\":\"" + BUILD_UID + "\",\"modules\":true}")));
    wm.stubFor(get(PROJECT + "/tests/" + TEST_UID).willReturn(okJson(
        "{\"uid\":\"" + TEST_UID + "\",\"results\":[\"boot\"]}")));
    TuxSuiteClient tux = client();

    ApiException modules = assertThrows(ApiException.class, () -> tux.getBuild(BUILD_UID));
    ApiException results = assertThrows(ApiException.class, () -> tux.getTest(TEST_UID));

    assertEquals(Reason.MALFORMED_RESPONSE, modules.reason());
    assertTrue(modules.getMessage().contains("at $.modules"), modules.getMessage());
    assertEquals(Reason.MALFORMED_RESPONSE, results.reason());
    assertTrue(results.getMessage().contains("at $.results"), results.getMessage());
  }

  @Test
  void absentStateAndResultReadAsUnknown() {
    wm.stubFor(get(PROJECT + "/tests/" + TEST_UID).willReturn(okJson(
        "{\"uid\":\"" + TEST_UID + "\",\"state\":null}")));

    TuxTest test = client().getTest(TEST_UID);

    assertEquals(TuxState.UNKNOWN, test.state());
    assertEquals(TuxResult.UNKNOWN, test.result());
    assertEquals(List.of(), test.tests());
    assertEquals(Map.of(), test.parameters());
  }

  @Test
  void refusesBadUidsBeforeSendingAnything() {
    TuxSuiteClient tux = client();

    assertThrows(IllegalArgumentException.class, () -> tux.getBuild(""));
    assertThrows(IllegalArgumentException.class, () -> tux.getTest("2ZIT#x"));
    assertThrows(IllegalArgumentException.class, () -> tux.getOebuild("a b"));
    assertThrows(IllegalArgumentException.class, () -> tux.cancelPlan(".."));
    assertThrows(NullPointerException.class, () -> tux.getTestResults(null));
    assertThrows(NullPointerException.class, () -> tux.get(null, BUILD_UID));
    assertThrows(IllegalArgumentException.class, () -> tux.submitBuilds(List.of()));
    assertThrows(IllegalArgumentException.class, () -> tux.submitTests(
        java.util.Collections.nCopies(TuxSuiteClient.MAX_BATCH + 1,
            TuxTestRequest.newBuilder("qemu-riscv64").build())));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void encodesGroupAndProjectAsPathSegments() {
    wm.stubFor(get(urlPathEqualTo("/v1/groups/my%20group/projects/a%2Fb/builds"))
        .willReturn(okJson("{\"results\":[],\"next\":null}")));

    TuxSuiteClient tux = builder().group("my group").project("a/b").build();

    assertEquals(0, tux.listBuilds().stream().count());
    assertEquals("/v1/groups/my%20group/projects/a%2Fb/builds",
        wm.getAllServeEvents().get(0).getRequest().getUrl());
  }

  // ---------------------------------------------------------------- waiting

  @Test
  void waitsUntilTheBuildIsFinished() {
    String path = PROJECT + "/builds/" + BUILD_UID;
    wm.stubFor(get(path).inScenario("build").whenScenarioStateIs(STARTED)
        .willSetStateTo("building").willReturn(okJson(element("builds-submitted.json", 0))));
    wm.stubFor(get(path).inScenario("build").whenScenarioStateIs("building")
        .willSetStateTo("finished").willReturn(okJson(fixture("build-running.json"))));
    wm.stubFor(get(path).inScenario("build").whenScenarioStateIs("finished")
        .willReturn(okJson(fixture("build-finished.json"))));

    TuxRun run = client().waitForFinished(TuxKind.BUILD, BUILD_UID, Duration.ofHours(1),
        Duration.ofSeconds(30));

    TuxBuild build = assertInstanceOf(TuxBuild.class, run);
    assertEquals(TuxState.FINISHED, build.state());
    assertEquals(TuxResult.FAIL, build.result());
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), pollSleeps);
    assertRequests(wm, "GET " + path, "GET " + path, "GET " + path);
  }

  @Test
  void givesUpAtTheDeadlineWithTheLastStatus() {
    String path = PROJECT + "/tests/" + TEST_UID;
    wm.stubFor(get(path).willReturn(okJson(fixture("test-submitted.json")
        .replace("\"state\": \"waiting\"", "\"state\": \"running\""))));

    TuxWaitException e = assertThrows(TuxWaitException.class, () -> client()
        .waitForFinished(TuxKind.TEST, TEST_UID, Duration.ofSeconds(60), Duration.ofSeconds(25)));

    assertEquals(TuxWaitException.Reason.TIMED_OUT, e.reason());
    assertEquals("TIMED_OUT", e.code());
    assertEquals(TuxKind.TEST, e.kind());
    assertEquals(TEST_UID, e.uid());
    assertEquals(Duration.ofSeconds(60), e.waited());
    assertEquals(TuxState.RUNNING, e.lastSeen().orElseThrow().state());
    assertEquals("TEST " + TEST_UID + " not finished after PT1M: last state running",
        e.getMessage());
    // polls at 0, 25, 50 and 60 s: the last sleep is cut to the deadline
    assertEquals(List.of(Duration.ofSeconds(25), Duration.ofSeconds(25), Duration.ofSeconds(10)),
        pollSleeps);
    assertEquals(4, wm.getAllServeEvents().size());
  }

  @Test
  void aZeroTimeoutPollsOnce() {
    wm.stubFor(get(PROJECT + "/oebuilds/" + OEBUILD_UID)
        .willReturn(okJson(fixture("oebuild-submitted.json"))));

    TuxWaitException e = assertThrows(TuxWaitException.class, () -> client()
        .waitForFinished(TuxKind.OEBUILD, OEBUILD_UID, Duration.ZERO, Duration.ofSeconds(5)));

    assertEquals(TuxState.PROVISIONING, e.lastSeen().orElseThrow().state());
    assertEquals(List.of(), pollSleeps);
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void anInterruptEndsTheWaitAndKeepsTheFlag() {
    wm.stubFor(get(PROJECT + "/builds/" + BUILD_UID)
        .willReturn(okJson(fixture("build-running.json"))));
    TuxSuiteClient tux = builder().sleeper(d -> {
      throw new InterruptedException("shutting down");
    }).build();

    try {
      TuxWaitException e = assertThrows(TuxWaitException.class, () -> tux.waitForFinished(
          TuxKind.BUILD, BUILD_UID, Duration.ofMinutes(5), Duration.ofSeconds(10)));
      assertEquals(TuxWaitException.Reason.INTERRUPTED, e.reason());
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertEquals(TuxState.BUILDING, e.lastSeen().orElseThrow().state());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aFailingPollEndsTheWaitWithItsApiException() {
    wm.stubFor(get(PROJECT + "/builds/" + BUILD_UID).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid token\"}")));

    ApiException e = assertThrows(ApiException.class, () -> client().waitForFinished(
        TuxKind.BUILD, BUILD_UID, Duration.ofMinutes(5), Duration.ofSeconds(10)));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertEquals(List.of(), pollSleeps);
  }

  @Test
  void waitArgumentsAreChecked() {
    TuxSuiteClient tux = client();

    assertThrows(IllegalArgumentException.class, () -> tux.waitForFinished(TuxKind.BUILD,
        BUILD_UID, Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> tux.waitForFinished(TuxKind.BUILD,
        BUILD_UID, Duration.ofDays(366), Duration.ofSeconds(1)));
    IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
        () -> tux.waitForFinished(TuxKind.BUILD, BUILD_UID, Duration.ofMinutes(1),
            Duration.ZERO));
    assertTrue(interval.getMessage().startsWith("interval"), interval.getMessage());
    assertThrows(NullPointerException.class, () -> tux.waitForFinished(null, BUILD_UID,
        Duration.ofMinutes(1), Duration.ofSeconds(1)));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  // ---------------------------------------------------------------- configuration

  @Test
  void theTokenIsSentRawAndNeverShown() {
    stub(wm, get(PROJECT + "/builds/" + BUILD_UID), 200, "build-finished.json");
    TuxSuiteClient tux = client();

    tux.getBuild(BUILD_UID);

    wm.verify(getRequestedFor(urlPathEqualTo(PROJECT + "/builds/" + BUILD_UID))
        .withHeader("Authorization", equalTo(TOKEN)));
    assertEquals("TuxSuiteClient[" + wm.baseUrl() + ", demo/riscv]", tux.toString());
    assertFalse(tux.transport().toString().contains(TOKEN));
  }

  @Test
  void builderChecksItsArguments() {
    IllegalStateException noGroup = assertThrows(IllegalStateException.class,
        () -> TuxSuiteClient.newBuilder().project("riscv").build());
    assertEquals("group is required", noGroup.getMessage());
    IllegalStateException noProject = assertThrows(IllegalStateException.class,
        () -> TuxSuiteClient.newBuilder().group("demo").build());
    assertEquals("project is required", noProject.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TuxSuiteClient.newBuilder().group(" "));
    assertThrows(IllegalArgumentException.class, () -> TuxSuiteClient.newBuilder().project(".."));
    IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
        () -> TuxSuiteClient.newBuilder().token("abc def"));
    assertFalse(token.getMessage().contains("abc def"), token.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TuxSuiteClient.newBuilder()
        .baseUrl("ftp://tuxapi.tuxsuite.com").group("g").project("p").build());
    assertThrows(NullPointerException.class, () -> TuxSuiteClient.newBuilder().sleeper(null));
    TuxSuiteClient defaults = TuxSuiteClient.newBuilder().group("g").project("p").build();
    assertEquals(TuxSuiteClient.DEFAULT_BASE_URL, defaults.transport().baseUrl());
    TuxSuiteClient other = client().toBuilder().project("arm64").build();
    assertEquals("arm64", other.project());
    assertEquals("demo", other.group());
  }
}
