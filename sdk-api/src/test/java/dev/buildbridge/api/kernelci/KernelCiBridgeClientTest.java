package dev.buildbridge.api.kernelci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KernelCiBridgeClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String LINUX =
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
  private static final String BUILD_ID = "maestro:681b69099ae9711e9ed49766";
  private static final String KERNEL = "https://files.kernelci.org/riscv/defconfig/Image";
  private static final String MODULES = "https://files.kernelci.org/riscv/defconfig/modules.tar.xz";
  private static final String USER_AGENT = "buildbridge-test/1.0";

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  static String fixture(String name) {
    try (InputStream in = KernelCiBridgeClientTest.class.getResourceAsStream("/kernelci/"
        + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource kernelci/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private KernelCiBridgeClient.Builder builder() {
    return KernelCiBridgeClient.newBuilder()
        .baseUrl(wm.baseUrl())
        .userAgent(USER_AGENT)
        .transport(t -> t.sleeper(sleeps::add).backoff(Duration.ofMillis(1),
            Duration.ofMillis(5)));
  }

  private KernelCiBridgeClient client() {
    return builder().build();
  }

  private static void noContent(String path) {
    wm.stubFor(post(path).willReturn(aResponse().withStatus(204)));
  }

  /**
   * Asserts the server received exactly these requests ({@code METHOD exact-url}), with the user
   * agent and no authorization; returns them oldest first.
   */
  private static List<LoggedRequest> assertRequests(String... expected) {
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl())).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .collect(Collectors.toList());
    assertEquals(List.of(expected), all.stream()
        .map(r -> r.getMethod().value() + " " + r.getUrl()).collect(Collectors.toList()));
    for (LoggedRequest r : all) {
      assertEquals(USER_AGENT, r.getHeader("User-Agent"));
      assertFalse(r.containsHeader("Authorization"), r.getUrl());
    }
    return all;
  }

  @Test
  void runsABuild() {
    noContent("/api/v1/builds/run");

    client().runBuild(BuildData.newBuilder("gcc-12", LINUX, "master")
        .kconfig("defconfig")
        .fragments("CONFIG_KASAN=y", "CONFIG_KCOV=y")
        .build());

    LoggedRequest request = assertRequests("POST /api/v1/builds/run").get(0);
    assertEquals("application/json", request.getHeader("Content-Type"));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/builds/run"))
        .withRequestBody(equalToJson(fixture("build-data.json"))));
  }

  @Test
  void aBuildWithFragmentsOnlyLeavesKconfigOut() {
    noContent("/api/v1/builds/run");

    client().runBuild(BuildData.newBuilder("clang-17", "git://git.kernel.org/linux.git", "next")
        .fragments("CONFIG_RISCV_ISA_V=y").build());

    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/builds/run")).withRequestBody(equalToJson(
        "{\"runner\":\"tuxsuite\",\"toolchain\":\"clang-17\","
            + "\"tree\":\"git://git.kernel.org/linux.git\",\"branch\":\"next\","
            + "\"fragments\":[\"CONFIG_RISCV_ISA_V=y\"]}")));
  }

  @Test
  void runsTests() {
    noContent("/api/v1/tests/run");
    KernelCiBridgeClient bridge = client();

    bridge.runTests(TestSuite.newBuilder(BUILD_ID, KERNEL, "ltp").modulesUrl(MODULES)
        .tests("ltp-nptl", "ltp-fsx").build());
    bridge.runTests(TestSuite.newBuilder(BUILD_ID, KERNEL, "kselftest").build());

    assertRequests("POST /api/v1/tests/run", "POST /api/v1/tests/run");
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/tests/run")).withRequestBody(equalToJson(
        "{\"runner\":\"tuxsuite\",\"build_id\":\"" + BUILD_ID + "\","
            + "\"kernel_image_url\":\"" + KERNEL + "\",\"modules_url\":\"" + MODULES + "\","
            + "\"tests\":[\"ltp-nptl\",\"ltp-fsx\"],\"collection\":\"ltp\"}")));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/tests/run")).withRequestBody(equalToJson(
        "{\"runner\":\"tuxsuite\",\"build_id\":\"" + BUILD_ID + "\","
            + "\"kernel_image_url\":\"" + KERNEL + "\",\"tests\":[],"
            + "\"collection\":\"kselftest\"}")));
  }

  @Test
  void runsABootTest() {
    noContent("/api/v1/boot-test/run");

    client().runBootTest(BootTestSuite.of(BUILD_ID, KERNEL).withModulesUrl(MODULES));

    assertRequests("POST /api/v1/boot-test/run");
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/boot-test/run"))
        .withRequestBody(equalToJson("{\"runner\":\"tuxsuite\",\"build_id\":\"" + BUILD_ID
            + "\",\"kernel_image_url\":\"" + KERNEL + "\",\"modules_url\":\"" + MODULES
            + "\"}")));
  }

  @Test
  void submitsResultsRunElsewhere() {
    noContent("/api/v1/tests/submit");

    client().submitTests(RunnerTestsResults.newBuilder("2MBYa8FhoBHkRCX2BMMPusjuClf", BUILD_ID,
            "qemu-riscv64", "GitHub Actions")
        .test(TestResult.of("ltp-smoke", "ltp", TestStatus.PASS))
        .test(TestResult.of("ltp-fsx", "ltp", TestStatus.FAIL)
            .withLogs("fsx01 ... TFAIL: read mismatch at offset 4096"))
        .test(TestResult.of("kselftest-rtc", "kselftest", TestStatus.SKIP))
        .build());

    LoggedRequest request = assertRequests("POST /api/v1/tests/submit").get(0);
    assertEquals("application/json", request.getHeader("Content-Type"));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/tests/submit"))
        .withRequestBody(equalToJson(fixture("runner-tests-results.json"))));
  }

  @Test
  void syncsResultsAndBuildsWithoutABody() {
    noContent("/api/v1/sync/results");
    wm.stubFor(post("/api/v1/sync/builds").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("null")));
    KernelCiBridgeClient bridge = client();

    bridge.syncResults();
    bridge.syncBuilds();

    for (LoggedRequest r : assertRequests("POST /api/v1/sync/results",
        "POST /api/v1/sync/builds")) {
      assertEquals(0, r.getBody().length, r.getUrl());
      assertNull(r.getHeader("Content-Type"), r.getUrl());
    }
  }

  @Test
  void retriesSyncOn503() {
    wm.stubFor(post("/api/v1/sync/results").inScenario("sync").whenScenarioStateIs(STARTED)
        .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
    wm.stubFor(post("/api/v1/sync/results").inScenario("sync").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(204)));

    client().syncResults();

    assertEquals(1, sleeps.size());
    assertRequests("POST /api/v1/sync/results", "POST /api/v1/sync/results");
  }

  @Test
  void doesNotRetryRunsOrSubmissionsOn503() {
    for (String path : List.of("/api/v1/builds/run", "/api/v1/tests/run",
        "/api/v1/boot-test/run", "/api/v1/tests/submit")) {
      wm.stubFor(post(path).willReturn(aResponse().withStatus(503)
          .withBody("{\"detail\":\"KCIDB is down\"}")));
    }
    KernelCiBridgeClient bridge = client();

    List<ApiException> failures = List.of(
        assertThrows(ApiException.class, () -> bridge.runBuild(
            BuildData.newBuilder("gcc-12", LINUX, "master").kconfig("defconfig").build())),
        assertThrows(ApiException.class, () -> bridge.runTests(
            TestSuite.newBuilder(BUILD_ID, KERNEL, "ltp").tests("ltp-smoke").build())),
        assertThrows(ApiException.class, () -> bridge.runBootTest(
            BootTestSuite.of(BUILD_ID, KERNEL))),
        assertThrows(ApiException.class, () -> bridge.submitTests(RunnerTestsResults
            .newBuilder("2MBY", BUILD_ID, "qemu-riscv64", "lab").build())));

    for (ApiException e : failures) {
      assertEquals(Reason.SERVER_ERROR, e.reason());
      assertEquals(1, e.attempts());
      assertEquals("KCIDB is down", e.detail().orElseThrow());
    }
    assertEquals(List.of(), sleeps);
    assertRequests("POST /api/v1/builds/run", "POST /api/v1/tests/run",
        "POST /api/v1/boot-test/run", "POST /api/v1/tests/submit");
  }

  @Test
  void validationErrorsCarryFastApisDetail() {
    wm.stubFor(post("/api/v1/tests/submit").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody(fixture("validation-error.json"))));

    ApiException e = assertThrows(ApiException.class, () -> client().submitTests(
        RunnerTestsResults.newBuilder("2MBYa8FhoBHkRCX2BMMPusjuClf", BUILD_ID, "qemu-riscv64",
            "GitHub Actions").build()));

    assertEquals(Reason.VALIDATION, e.reason());
    assertEquals("body.device: Field required; body.runtime: Field required",
        e.detail().orElseThrow());
    assertEquals("POST /api/v1/tests/submit: 422 Unprocessable Content: body.device: Field"
        + " required; body.runtime: Field required", e.getMessage());
  }

  @Test
  void aBaseUrlPrefixAndAProxyTokenAreUsed() {
    noContent("/kci/api/v1/sync/builds");

    KernelCiBridgeClient bridge = builder().baseUrl(wm.baseUrl() + "/kci/")
        .auth(ApiAuth.bearer("proxy-token")).build();
    bridge.syncBuilds();

    LoggedRequest request = wm.getAllServeEvents().get(0).getRequest();
    assertEquals("/kci/api/v1/sync/builds", request.getUrl());
    assertEquals("Bearer proxy-token", request.getHeader("Authorization"));
    assertEquals("KernelCiBridgeClient[" + wm.baseUrl() + "/kci]", bridge.toString());
  }

  @Test
  void theBuilderNeedsABaseUrl() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KernelCiBridgeClient.newBuilder().build());
    assertEquals("baseUrl is required", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KernelCiBridgeClient.newBuilder().baseUrl("ftp://bridge.example.org").build());
    assertThrows(NullPointerException.class,
        () -> KernelCiBridgeClient.newBuilder().auth(null));
    assertThrows(IllegalArgumentException.class,
        () -> KernelCiBridgeClient.newBuilder().userAgent(" "));
    KernelCiBridgeClient copy = client().toBuilder().build();
    assertEquals(wm.baseUrl(), copy.transport().baseUrl().toString());
  }

  @Test
  void requestsFollowTheBridgeSchemas() {
    IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
        () -> BuildData.newBuilder("gcc-12", LINUX, "master").build());
    assertEquals("set kconfig or fragments (or both)", neither.getMessage());
    IllegalArgumentException runner = assertThrows(IllegalArgumentException.class,
        () -> new BuildData("lava", "gcc-12", LINUX, "master", "defconfig", null));
    assertEquals("runner must be \"tuxsuite\", the only runner the bridge accepts",
        runner.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BuildData.newBuilder("gcc-12", "git@github.com:torvalds/linux.git", "master")
            .kconfig("defconfig").build());
    assertThrows(IllegalArgumentException.class,
        () -> BuildData.newBuilder(" ", LINUX, "master").kconfig("defconfig").build());
    assertEquals(List.of(), new BuildData("tuxsuite", "gcc-12", LINUX, "master", "defconfig",
        null).fragments());
    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> TestSuite.newBuilder(BUILD_ID, "files.kernelci.org/Image", "ltp").build());
    assertEquals("kernelImageUrl must be an absolute http or https URL", url.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BootTestSuite.of(BUILD_ID, KERNEL).withModulesUrl("s3://bucket/modules.tar.xz"));
    assertThrows(IllegalArgumentException.class, () -> BootTestSuite.of(" ", KERNEL));
    NullPointerException noResult = assertThrows(NullPointerException.class,
        () -> TestResult.of("ltp-smoke", "ltp", null));
    assertEquals("result", noResult.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TestResult.of("ltp-smoke", "", TestStatus.PASS));
    assertThrows(NullPointerException.class, () -> RunnerTestsResults.newBuilder("u", BUILD_ID,
        "qemu-riscv64", "lab").test(null));
    TestSuite suite = TestSuite.newBuilder(BUILD_ID, KERNEL, "ltp").tests("ltp-smoke").build();
    assertEquals(suite, suite.toBuilder().build());
    BuildData build = BuildData.newBuilder("gcc-12", LINUX, "master").kconfig("defconfig")
        .build();
    assertEquals(build, build.toBuilder().build());
    RunnerTestsResults results = RunnerTestsResults.newBuilder("u", BUILD_ID, "qemu-riscv64",
        "lab").test(TestResult.of("boot", "boot", TestStatus.PASS)).build();
    assertEquals(results, results.toBuilder().build());
    assertTrue(results.tests().get(0).logs() == null);
  }
}
