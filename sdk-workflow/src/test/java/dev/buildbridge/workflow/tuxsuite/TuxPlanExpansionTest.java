package dev.buildbridge.workflow.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.api.tuxsuite.TuxBuildRequest;
import dev.buildbridge.api.tuxsuite.TuxTestRequest;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TuxPlanExpansionTest {
  static final String LINUX = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";

  private static TuxPlanExpansion.Builder master() {
    return TuxPlanExpansion.newBuilder().gitRepo(LINUX).gitRef("master");
  }

  private static String describe(ExpandedPlan.PlannedTest t) {
    return t.request().device() + " " + t.request().tests() + " " + t.request().parameters()
        + " build=" + t.build() + " sanity=" + t.sanityTest();
  }

  @Test
  void expandsEveryJobFormInSubmissionOrderWithWhatEachTestWaitsFor() {
    ExpandedPlan plan = master().build().expand(PlanFixtures.parse("plan-full.yaml"));

    assertEquals(List.of("gcc-8", "gcc-9", "gcc-10", "clang-nightly"),
        plan.builds().stream().map(b -> b.request().toolchain()).toList());
    assertEquals(Arrays.asList("tinyconfig", "gcc", "gcc", null),
        plan.builds().stream().map(ExpandedPlan.PlannedBuild::job).toList());
    for (ExpandedPlan.PlannedBuild b : plan.builds()) {
      assertEquals(LINUX, b.request().gitRepo());
      assertEquals("master", b.request().gitRef());
      assertNull(b.request().gitSha());
      assertNull(b.request().plan());
    }
    assertEquals(List.of("qemu-i386 [] {} build=0 sanity=-1"),
        plan.sanityTests().stream().map(TuxPlanExpansionTest::describe).toList());
    assertEquals(List.of(
        "qemu-i386 [ltp-smoke] {} build=0 sanity=0",
        "qemu-i386 [ltp-smoke] {} build=1 sanity=-1",
        "qemu-i386 [ltp-smoke] {} build=2 sanity=-1",
        "qemu-x86_64 [] {} build=3 sanity=-1",
        "qemu-x86_64 [ltp-syscalls] {SHARD_NUMBER=3, SHARD_INDEX=1} build=3 sanity=-1",
        "qemu-x86_64 [ltp-syscalls] {SHARD_NUMBER=3, SHARD_INDEX=2} build=3 sanity=-1",
        "qemu-x86_64 [ltp-syscalls] {SHARD_NUMBER=3, SHARD_INDEX=3} build=3 sanity=-1",
        "qemu-arm64 [ltp-smoke] {} build=-1 sanity=-1",
        "qemu-riscv64 [ltp-smoke] {} build=-1 sanity=-1"),
        plan.tests().stream().map(TuxPlanExpansionTest::describe).toList());
    assertEquals("https://storage.tuxboot.com/riscv64/Image", plan.tests().get(8).request()
        .kernel());
    for (ExpandedPlan.PlannedTest t : plan.tests()) {
      assertNull(t.request().waitingFor());
      assertNull(t.request().plan());
    }
    assertEquals(OptionalInt.of(0), plan.tests().get(0).waitsForSanityTest());
    assertEquals(OptionalInt.empty(), plan.tests().get(7).waitsForBuild());

    assertEquals("kernel validation", plan.plan().name());
    assertEquals("Build and test linux kernel with every toolchain", plan.plan().description());
    assertEquals(14, plan.plan().count());
    assertEquals(14, plan.size());
    assertNull(plan.plan().planCallback());
  }

  @Test
  void eachBuildOfAJobGetsItsOwnSanityTestAndTestsWaitingForIt() {
    TuxPlanFile file = TuxPlanParser.ofDefaults().parse("p.yaml", """
        version: 1
        jobs:
        - builds:
          - {toolchain: gcc-13, target_arch: arm64, kconfig: defconfig}
          - {toolchain: clang-17, target_arch: arm64, kconfig: defconfig}
          sanity_test: {device: qemu-arm64}
          tests: [{device: qemu-arm64, tests: [ltp-smoke]}]
        """);
    ExpandedPlan plan = master().build().expand(file);
    assertEquals(List.of("qemu-arm64 [] {} build=0 sanity=-1",
        "qemu-arm64 [] {} build=1 sanity=-1"),
        plan.sanityTests().stream().map(TuxPlanExpansionTest::describe).toList());
    assertEquals(List.of("qemu-arm64 [ltp-smoke] {} build=0 sanity=0",
        "qemu-arm64 [ltp-smoke] {} build=1 sanity=1"),
        plan.tests().stream().map(TuxPlanExpansionTest::describe).toList());
  }

  @Test
  void aStandaloneSanityTestIsWaitedForByTheJobsTests() {
    TuxPlanFile file = TuxPlanParser.ofDefaults().parse("p.yaml", """
        version: 1
        jobs:
        - sanity_test: {device: qemu-arm64, kernel: "https://k/Image"}
          tests: [{device: qemu-arm64, kernel: "https://k/Image", tests: [ltp-smoke]}]
        """);
    ExpandedPlan plan = TuxPlanExpansion.newBuilder().build().expand(file);
    assertEquals(List.of("qemu-arm64 [] {} build=-1 sanity=-1"),
        plan.sanityTests().stream().map(TuxPlanExpansionTest::describe).toList());
    assertEquals(List.of("qemu-arm64 [ltp-smoke] {} build=-1 sanity=0"),
        plan.tests().stream().map(TuxPlanExpansionTest::describe).toList());
  }

  @Test
  void mapsEveryFieldOntoTheRequestsAndShardsOverTheTestsOwnParameters() {
    ExpandedPlan plan = master().callback("https://ci.example.org/default")
        .callbackHeader("X-Default", "d").build()
        .expand(PlanFixtures.parse("plan-every-field.yaml"));
    TuxBuildRequest b = plan.builds().get(0).request();
    assertEquals("https://git.example.org/linux.git", b.gitRepo());       // the build's own
    assertEquals("0123456789abcdef0123456789abcdef01234567", b.gitSha());  // wins over master
    assertNull(b.gitRef());
    assertEquals("arm64", b.targetArch());
    assertEquals("clang-17", b.toolchain());
    assertEquals(List.of("defconfig", "CONFIG_KASAN=y"), b.kconfig());
    assertEquals(Map.of("KCONFIG_ALLCONFIG", "1"), b.environment());
    assertEquals(List.of("config", "kernel", "modules"), b.targets());
    assertEquals(Map.of("LLVM", "1", "LLVM_IAS", "1"), b.makeVariables());
    assertEquals(false, b.isPublic());
    assertEquals("Image.gz", b.kernelImage());
    assertEquals("kasan", b.buildName());
    assertEquals("sha256:0a1b2c", b.imageSha());
    assertEquals(true, b.noCache());
    assertEquals("https://ci.example.org/build-callback", b.callback());
    assertEquals(Map.of("X-Ci-Secret", "s3cr3t"), b.callbackHeaders());
    assertEquals(List.of("dev@example.org"), b.notifyEmails());

    assertEquals(2, plan.tests().size());
    TuxTestRequest t = plan.tests().get(1).request();
    assertEquals("fvp-aemva", t.device());
    assertEquals("https://example.org/Image", t.kernel());
    assertEquals("https://example.org/ap_romfw.bin", t.apRomfw());
    assertEquals("https://example.org/bios.bin", t.bios());
    assertEquals("https://example.org/board.dtb", t.dtb());
    assertEquals("https://example.org/fip.bin", t.fip());
    assertEquals("https://example.org/mcp_fw.bin", t.mcpFw());
    assertEquals("https://example.org/mcp_romfw.bin", t.mcpRomfw());
    assertEquals("https://example.org/scp_fw.bin", t.scpFw());
    assertEquals("https://example.org/scp_romfw.bin", t.scpRomfw());
    assertEquals("https://example.org/rootfs.ext4.zst", t.rootfs());
    assertEquals(Map.of("SKIPFILE", "skipfile-lkft.yaml", "SHARD_INDEX", "2",
        "SHARD_NUMBER", "2"), t.parameters());
    assertEquals("lkft", t.lavaTestPlansProject());
    assertEquals("https://lkft.validation.linaro.org", t.lab());
    assertEquals(false, t.isPublic());
    assertEquals("https://example.org/modules.tar.xz", t.modules());
    assertEquals(List.of(List.of("https://example.org/a.tar.xz", "/"),
        List.of("https://example.org/b.tar.xz", "/opt")), t.overlays());
    assertEquals(List.of("ltp-smoke", "kselftest-rtc"), t.tests());
    assertEquals("smoke", t.testName());
    assertEquals(Map.of("deploy", 10, "boot", 20, "ltp-smoke", 30), t.timeouts());
    assertEquals("console=ttyAMA0", t.bootArgs());
    assertEquals("https://ci.example.org/test-callback", t.callback());
    assertEquals(Map.of("X-Ci-Secret", "t3st"), t.callbackHeaders());   // callback_header
    assertEquals(List.of("uname -a", "cat /proc/cpuinfo"), t.commands());
    assertEquals("docker.io/qemu:8", t.qemuImage());
    assertEquals(true, t.shared());
    assertEquals("x86_64-large", t.host());
    assertEquals("https://example.org/tuxbuild", t.tuxbuild());
    assertEquals(List.of("qa@example.org"), t.notifyEmails());
    assertEquals("https://example.org/job.yaml", t.jobDefinition());
    assertEquals("1", plan.tests().get(0).request().parameters().get("SHARD_INDEX"));
  }

  @Test
  void theCallersCallbackGoesOnBuildsAndTestsWithoutTheirOwn() {
    ExpandedPlan plan = master().callback("https://ci.example.org/cb")
        .callbackHeader("X-Ci-Secret", "abc")
        .planCallback("https://ci.example.org/plan-cb")
        .planCallbackHeader("X-Plan-Secret", "def")
        .name("nightly").description("every night")
        .build().expand(PlanFixtures.parse("plan-full.yaml"));
    for (ExpandedPlan.PlannedBuild b : plan.builds()) {
      assertEquals("https://ci.example.org/cb", b.request().callback());
      assertEquals(Map.of("X-Ci-Secret", "abc"), b.request().callbackHeaders());
    }
    for (ExpandedPlan.PlannedTest t : plan.tests()) {
      assertEquals("https://ci.example.org/cb", t.request().callback());
      assertEquals(Map.of("X-Ci-Secret", "abc"), t.request().callbackHeaders());
    }
    assertEquals("https://ci.example.org/plan-cb", plan.plan().planCallback());
    assertEquals(Map.of("X-Plan-Secret", "def"), plan.plan().planCallbackHeaders());
    assertEquals("nightly", plan.plan().name());
    assertEquals("every night", plan.plan().description());
  }

  @Test
  void aShaFromTheCallerReplacesTheRef() {
    ExpandedPlan plan = master().gitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e").build()
        .expand(PlanFixtures.parse("plan-full.yaml"));
    assertNull(plan.builds().get(0).request().gitRef());
    assertEquals("6dcb09b5b57875f334f61aebed695e2e4193db5e",
        plan.builds().get(0).request().gitSha());
  }

  @Test
  void jobNamesSelectJobsExactly() {
    ExpandedPlan plan = master().jobName("gcc").jobName("standalone").build()
        .expand(PlanFixtures.parse("plan-full.yaml"));
    assertEquals(List.of("gcc-9", "gcc-10"),
        plan.builds().stream().map(b -> b.request().toolchain()).toList());
    assertEquals(List.of("qemu-i386", "qemu-i386", "qemu-arm64", "qemu-riscv64"),
        plan.tests().stream().map(t -> t.request().device()).toList());
    assertEquals(0, plan.sanityTests().size());
    assertEquals(6, plan.plan().count());
  }

  @Test
  void anUnknownJobNameIsAnErrorListingTheNamedJobs() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> master().jobNames(List.of("gcc", "arm64", "Tinyconfig")).build()
            .expand(PlanFixtures.parse("plan-full.yaml")));
    assertEquals(Reason.UNKNOWN_JOB, e.reason());
    assertEquals("no job named \"arm64\", \"Tinyconfig\" in plan-full.yaml; named jobs:"
        + " tinyconfig, gcc, standalone", e.getMessage());
  }

  @Test
  void aBuildWithoutRepositoryOrReferenceIsAProblemAtTheBuild() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> TuxPlanExpansion.newBuilder().build().expand(PlanFixtures.parse("plan-full.yaml")));
    assertEquals(Reason.INVALID, e.reason());
    assertEquals(List.of(
        "plan-full.yaml:7:10: a build needs git_repo: give it in the plan or to the expansion"
            + " (tux plan --git-repo)",
        "plan-full.yaml:13:5: a build needs git_repo: give it in the plan or to the expansion"
            + " (tux plan --git-repo)",
        "plan-full.yaml:14:5: a build needs git_repo: give it in the plan or to the expansion"
            + " (tux plan --git-repo)",
        "plan-full.yaml:17:10: a build needs git_repo: give it in the plan or to the expansion"
            + " (tux plan --git-repo)"),
        e.problems().stream().map(WorkflowProblem::toString).toList());
    WorkflowException noRef = assertThrows(WorkflowException.class,
        () -> TuxPlanExpansion.newBuilder().gitRepo(LINUX).build()
            .expand(PlanFixtures.parse("plan-full.yaml")));
    assertTrue(noRef.getMessage().startsWith("plan-full.yaml:7:10: a build needs git_ref or"
        + " git_sha: give one in the plan or to the expansion (tux plan --git-ref or"
        + " --git-sha) (and 3 more)"), noRef.getMessage());
  }

  @Test
  void aPlanOverTheRunLimitIsTooLargeBeforeAnyRequestIsMade() {
    TuxPlanFile file = TuxPlanParser.ofDefaults().parse("p.yaml", """
        version: 1
        jobs:
        - builds:
          - {toolchain: gcc-13, target_arch: arm64, kconfig: defconfig}
          - {toolchain: gcc-12, target_arch: arm64, kconfig: defconfig}
          tests: [{device: qemu-arm64, sharding: 1000}]
        """);
    assertEquals(2002, file.runs());
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> master().maxRuns(2000).build().expand(file));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("p.yaml expands to 2002 builds and tests, more than the limit of 2000",
        e.getMessage());
    assertEquals(2002, master().build().expand(file).size());
  }

  @Test
  void builderChecksItsArgumentsAndNamesThem() {
    assertEquals("gitRepo must be a git://, http:// or https:// URL (TuxSuite does not fetch"
        + " over ssh), not \"git@github.com:o/r.git\"", assertThrows(
        IllegalArgumentException.class,
        () -> TuxPlanExpansion.newBuilder().gitRepo("git@github.com:o/r.git")).getMessage());
    assertEquals("callback must be an http:// or https:// URL, not \"mailto:x\"", assertThrows(
        IllegalArgumentException.class,
        () -> TuxPlanExpansion.newBuilder().callback("mailto:x")).getMessage());
    assertEquals("planCallbackHeader has a header name that is not an HTTP token: \"a b\"",
        assertThrows(IllegalArgumentException.class,
            () -> TuxPlanExpansion.newBuilder().planCallbackHeader("a b", "c")).getMessage());
    assertEquals("jobName is blank", assertThrows(IllegalArgumentException.class,
        () -> TuxPlanExpansion.newBuilder().jobName(" ")).getMessage());
    assertEquals("maxRuns must be at least 1: 0", assertThrows(IllegalArgumentException.class,
        () -> TuxPlanExpansion.newBuilder().maxRuns(0)).getMessage());
    assertThrows(NullPointerException.class, () -> TuxPlanExpansion.newBuilder().jobName(null));
  }

  @Test
  void toBuilderKeepsEverySetting() {
    TuxPlanExpansion expansion = master().jobName("gcc").callback("https://cb")
        .planCallback("https://pcb").name("n").maxRuns(5).build();
    TuxPlanExpansion copy = expansion.toBuilder().build();
    assertEquals(List.of("gcc"), copy.jobNames());
    ExpandedPlan a = expansion.expand(PlanFixtures.parse("plan-full.yaml"));
    ExpandedPlan b = copy.expand(PlanFixtures.parse("plan-full.yaml"));
    assertEquals(a.plan(), b.plan());
    assertEquals(a.builds().size(), b.builds().size());
    assertEquals(a.builds().get(0).request().callback(), b.builds().get(0).request().callback());
  }

  @Test
  void expandedPlanRefusesIndexesThatNameNothing() {
    ExpandedPlan plan = master().build().expand(PlanFixtures.parse("plan-full.yaml"));
    ExpandedPlan.PlannedTest dangling = new ExpandedPlan.PlannedTest(null,
        plan.tests().get(0).request(), 9, ExpandedPlan.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExpandedPlan(plan.plan(), plan.builds(), List.of(), List.of(dangling)));
    assertEquals("tests[0].build is 9, not -1 or an index below 4", e.getMessage());
  }
}
