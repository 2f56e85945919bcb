package dev.buildbridge.api.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.api.tuxsuite.TuxWire.PROJECT;
import static dev.buildbridge.api.tuxsuite.TuxWire.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The javadoc and README examples of the TuxSuite client, against a local server. */
class TuxSuiteExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String LINUX =
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";

  @Test
  void readmeExample() throws Exception {
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(201)
        .withBody("[" + fixture("build-running.json") + "]")));
    wm.stubFor(get(PROJECT + "/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj")
        .willReturn(okJson(fixture("build-finished.json"))));
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = ec.generateKeyPair();
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson("{\"ssh\":{\"pub\":\""
        + OpenSshPublicKey.from(key.getPublic()).toOpenSshLine() + "\"}}")));
    String hookUrl = "https://ci.example.org/tuxsuite/callback";
    byte[] body = "{\"kind\": \"build\", \"status\": {}}".getBytes(StandardCharsets.UTF_8);
    String signature = TuxSuiteCallbackSigner.of(key.getPrivate()).sign(body);

    // --- the example (the README omits baseUrl: https://tuxapi.tuxsuite.com) ---
    TuxSuiteClient tux = TuxSuiteClient.newBuilder().baseUrl(wm.baseUrl())
        .token("tux-token").group("demo").project("riscv").build();
    TuxBuild build = tux.submitBuild(TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master")
        .targetArch("riscv").toolchain("gcc-13").kconfig("defconfig").callback(hookUrl).build());
    TuxRun done = tux.waitForFinished(TuxKind.BUILD, build.uid(), Duration.ofHours(1),
        Duration.ofSeconds(30));
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(tux.callbackKeyProvider()).build();   // verify callbacks at hookUrl
    // ---

    assertEquals(TuxResult.FAIL, done.result());
    assertTrue(verifier.verify(signature, body).payload().length > 0);
  }

  @Test
  void requestExamplesBuild() {
    TuxBuildRequest build = TuxBuildRequest.newBuilder()
        .gitRepo(LINUX)
        .gitRef("master")
        .targetArch("riscv")
        .toolchain("gcc-13")
        .kconfig("defconfig", "CONFIG_KASAN=y")
        .callback("https://ci.example.org/tuxsuite/callback")
        .build();
    String artifacts = "https://storage.tuxsuite.com/public/demo/riscv/builds/2ZIT/";
    TuxTestRequest test = TuxTestRequest.newBuilder("qemu-riscv64")
        .kernel(artifacts + "Image.gz")
        .modules(artifacts + "modules.tar.xz")
        .tests("ltp-smoke")
        .timeout("ltp-smoke", 10)
        .callback("https://ci.example.org/tuxsuite/callback")
        .build();
    TuxOebuildRequest oebuild = TuxOebuildRequest.newBuilder()
        .sources(Map.of("repo", Map.of(
            "url", "https://gitlab.eclipse.org/eclipse/oniro-core/oniro",
            "branch", "kirkstone",
            "manifest", "default.xml")))
        .machine("qemux86-64")
        .distro("oniro-linux")
        .envsetup("oe-core/oe-init-build-env")
        .targets("intltool-native")
        .environment("TEMPLATECONF", "../oniro/flavours/linux")
        .build();
    TuxPlanRequest plan = TuxPlanRequest.newBuilder()
        .name("riscv nightly")
        .description("defconfig builds and LTP smoke tests")
        .planCallback("https://ci.example.org/tuxsuite/plan-callback")
        .planCallbackHeader("X-Ci-Secret", "s3cr3t")
        .build();
    TuxTestRequest boot = TuxTestRequest.newBuilder("qemu-riscv64")
        .waitingFor(TuxKind.BUILD, "2ZITcwA6wxeKxh9cZA5HBJ6FkSj")
        .build();

    assertEquals(2, build.kconfig().size());
    assertEquals(Map.of("ltp-smoke", 10), test.timeouts());
    assertEquals("qemux86-64", oebuild.machine());
    assertEquals(Map.of("X-Ci-Secret", "s3cr3t"), plan.planCallbackHeaders());
    assertEquals("BUILD#2ZITcwA6wxeKxh9cZA5HBJ6FkSj", boot.waitingFor());
  }

  @Test
  void waitExceptionExample() {
    wm.stubFor(get(PROJECT + "/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj")
        .willReturn(okJson(fixture("build-running.json"))));
    TuxSuiteClient tux = TuxSuiteClient.newBuilder().baseUrl(wm.baseUrl()).group("demo")
        .project("riscv").sleeper(d -> { }).build();
    TuxState state = null;

    try {
      tux.waitForFinished(TuxKind.BUILD, "2ZITcwA6wxeKxh9cZA5HBJ6FkSj", Duration.ZERO,
          Duration.ofSeconds(30));
    } catch (TuxWaitException e) {
      state = e.lastSeen().map(TuxRun::state).orElse(TuxState.UNKNOWN);
    }

    assertEquals(TuxState.BUILDING, state);
  }

  @Test
  void statusExamples() {
    String uid = "2ZITe3XjN2cQvH0fWqJ8Rr7mKdL";
    String planUid = "2ZISTKlXYwYx1k5K4p8HIEKu7kn";
    wm.stubFor(get(PROJECT + "/tests/" + uid).willReturn(okJson(fixture("test-finished.json"))));
    wm.stubFor(get(PROJECT + "/tests/" + uid + "/results")
        .willReturn(okJson(fixture("test-results.json"))));
    wm.stubFor(get(PROJECT + "/plans/" + planUid).willReturn(okJson(fixture("plan.json"))));
    wm.stubFor(post(PROJECT + "/plans").willReturn(okJson(fixture("plan-created.json"))));
    wm.stubFor(post(PROJECT + "/builds").willReturn(okJson(
        "[" + fixture("build-running.json") + "]")));
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson(
        "{\"ssh\":{\"pub\":\"ecdsa-sha2-nistp256 AAAA\"}}")));
    TuxSuiteClient tux = TuxSuiteClient.newBuilder().baseUrl(wm.baseUrl()).group("demo")
        .project("riscv").build();
    TuxBuildRequest request = TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master")
        .targetArch("riscv").toolchain("gcc-13").kconfig("defconfig").build();
    java.util.List<String> lines = new java.util.ArrayList<>();

    TuxRun run = tux.get(TuxKind.TEST, uid);
    if (run.isFinished() && run.result() != TuxResult.PASS) {
      lines.add(run.kind() + " " + run.uid() + ": " + run.result() + ", logs in "
          + run.downloadUrl());
    }
    TuxTestResults results = tux.getTestResults(uid);
    results.suites().forEach((suite, cases) -> cases.forEach((test, c) ->
        lines.add(suite + "/" + test + ": " + c.result())));
    TuxPlan plan = tux.createPlan(TuxPlanRequest.newBuilder().name("riscv nightly").build());
    TuxBuild build = tux.submitBuild(request.toBuilder().plan(plan.uid()).build());
    boolean more = tux.getPlan(plan.uid()).builds().hasNext();
    String line = tux.getKeys().sshPublicKey().orElseThrow();

    assertEquals("TEST " + uid + ": FAIL, logs in https://storage.tuxsuite.com/public/demo/riscv/"
        + "tests/" + uid + "/", lines.get(0));
    assertTrue(lines.contains("0_ltp-smoke/chdir01: skip"), lines.toString());
    assertEquals(TuxState.BUILDING, build.state());
    assertTrue(more);
    assertEquals("ecdsa-sha2-nistp256 AAAA", line);
  }
}
