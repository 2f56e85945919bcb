package dev.buildbridge.api.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.api.tuxsuite.TuxWire.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TuxSuite's documented callback samples ({@code ../shared/fixtures/tuxsuite}): their
 * {@code status} is what {@code GET .../{kind}s/{uid}} returns, so each is served as that answer
 * and read by the client.
 */
class TuxSuiteSharedFixturesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static String status(String fixture) throws IOException {
    JsonNode callback = new ObjectMapper().readTree(Files.readAllBytes(
        SharedData.require("fixtures/tuxsuite").resolve(fixture)));
    return callback.get("status").toString();
  }

  private static TuxSuiteClient client() {
    return TuxSuiteClient.newBuilder().baseUrl(wm.baseUrl()).token("t").group("demo")
        .project("riscv").build();
  }

  @Test
  void readsTheDocumentedBuildStatus() throws IOException {
    String uid = "2ZITcwA6wxeKxh9cZA5HBJ6FkSj";
    wm.stubFor(get(PROJECT + "/builds/" + uid).willReturn(okJson(status("build-callback.json"))));

    TuxBuild build = client().getBuild(uid);

    assertEquals(uid, build.uid());
    assertEquals("demo/demo", build.project());
    assertEquals(TuxState.FINISHED, build.state());
    assertEquals(TuxResult.PASS, build.result());
    assertEquals("pass", build.buildStatus());
    assertEquals("complete", build.tuxbuildStatus());
    assertEquals(List.of("tinyconfig"), build.kconfig());
    assertEquals(Map.of("LLVM", "1", "LLVM_IAS", "1"), build.makeVariables());
    assertNull(build.modules()); // "modules": false
    assertNull(build.plan());
    assertEquals("arm64", build.targetArch());
    assertEquals("clang-17", build.toolchain());
    assertEquals("Image.gz", build.kernelImageName());
    assertEquals(258, build.duration());
    assertEquals(643, build.sccacheHits());
    assertTrue(build.autoRetry());
    assertEquals(LocalDateTime.parse("2023-12-09T08:08:24.822016"), build.finishedTime());
    assertTrue(build.gitShortLog().startsWith("5e3f5b81de80 (\"Merge tag 'net-6.7-rc5'"));
    assertEquals("17.0.6", build.tuxmakeMetadata().at("/compiler/version").asText());
  }

  @Test
  void readsTheDocumentedTestStatus() throws IOException {
    String uid = "2MBYa8FhoBHkRCX2BMMPusjuClf";
    wm.stubFor(get(PROJECT + "/tests/" + uid).willReturn(okJson(status("test-callback.json"))));

    TuxTest test = client().getTest(uid);

    assertEquals(TuxState.FINISHED, test.state());
    assertEquals(TuxResult.PASS, test.result());
    assertEquals(Map.of("boot", "pass"), test.results());
    assertEquals("qemu-arm64", test.device());
    assertEquals(List.of("boot"), test.tests());
    assertEquals("10", test.parameters().get("SHARD_NUMBER"));
    assertEquals(Map.of(), test.timeouts());
    assertNull(test.waitingFor());
    assertNull(test.bios());
    assertEquals(117, test.duration());
    assertTrue(test.rootfs().endsWith(".rootfs.ext4.gz"));
  }

  @Test
  void readsTheDocumentedOebuildStatus() throws IOException {
    String uid = "2ZITcWtwDj3povtoSM0c5sk30FZ";
    wm.stubFor(get(PROJECT + "/oebuilds/" + uid)
        .willReturn(okJson(status("oebuild-callback.json"))));

    TuxOebuild oebuild = client().getOebuild(uid);

    assertEquals(TuxResult.PASS, oebuild.result());
    assertEquals("qemux86-64", oebuild.machine());
    assertEquals("oniro-linux", oebuild.distro());
    assertEquals("kirkstone", oebuild.sources().at("/repo/branch").asText());
    assertEquals(List.of("intltool-native"), oebuild.targets());
    assertEquals(Map.of("TEMPLATECONF", "../oniro/flavours/linux"), oebuild.environment());
    assertNull(oebuild.kasOverride());
    assertEquals(103, oebuild.setupDuration());
  }

  @Test
  void readsTheDocumentedPlanStatus() throws IOException {
    String uid = "2ZISTKlXYwYx1k5K4p8HIEKu7kn";
    wm.stubFor(get(PROJECT + "/plans/" + uid).willReturn(okJson(status("plan-callback.json"))));

    TuxPlan plan = client().getPlan(uid);

    assertEquals(uid, plan.uid());
    assertEquals("Plan Callback Tester", plan.name());
    assertEquals(TuxState.FINISHED, plan.state());
    assertEquals("https://tuxapi.tuxsuite.com/v1/test_callback", plan.planCallback());
    assertEquals("tuxsuite/demo", plan.project());
    assertNull(plan.builds());
  }
}
