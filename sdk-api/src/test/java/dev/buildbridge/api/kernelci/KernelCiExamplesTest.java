package dev.buildbridge.api.kernelci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The javadoc and README examples of the KernelCI bridge client, against a local server. */
class KernelCiExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void readmeExample() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    String linux = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    String kernelUrl = "https://files.kernelci.org/riscv/defconfig/Image";

    // --- the example (the README has https://riscv-bridge.example.org as base URL) ---
    KernelCiBridgeClient bridge = KernelCiBridgeClient.newBuilder().baseUrl(wm.baseUrl()).build();
    bridge.runBuild(BuildData.newBuilder("gcc-12", linux, "master").kconfig("defconfig").build());
    bridge.runBootTest(BootTestSuite.of("maestro:681b69099ae9711e9ed49766", kernelUrl));
    bridge.runTests(TestSuite.newBuilder("maestro:681b69099ae9711e9ed49766", kernelUrl, "ltp")
        .tests("ltp-smoke").build());
    bridge.syncResults();                       // daily: resubmit what KCIDB refused
    // ---

    assertEquals(4, wm.getAllServeEvents().size());
  }

  @Test
  void schemaExamples() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    KernelCiBridgeClient bridge = KernelCiBridgeClient.newBuilder().baseUrl(wm.baseUrl()).build();

    BuildData build = BuildData.newBuilder("gcc-12",
            "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", "master")
        .kconfig("defconfig")
        .fragments("CONFIG_KASAN=y")
        .build();
    bridge.runBuild(build);
    TestSuite suite = TestSuite.newBuilder("maestro:681b69099ae9711e9ed49766",
            "https://storage.kernelci.org/riscv/Image", "ltp")
        .modulesUrl("https://storage.kernelci.org/riscv/modules.tar.xz")
        .tests("ltp-nptl", "ltp-fsx")
        .build();
    bridge.runTests(suite);
    RunnerTestsResults results = RunnerTestsResults.newBuilder(
            "2MBYa8FhoBHkRCX2BMMPusjuClf", "maestro:681b69099ae9711e9ed49766",
            "qemu-riscv64", "GitHub Actions")
        .test(TestResult.of("ltp-smoke", "ltp", TestStatus.PASS))
        .build();
    bridge.submitTests(results);
    TestResult smoke = TestResult.of("ltp-smoke", "ltp", TestStatus.FAIL)
        .withLogs("access01 ... TFAIL");

    assertEquals(3, wm.getAllServeEvents().size());
    assertEquals("access01 ... TFAIL", smoke.logs());
  }
}
