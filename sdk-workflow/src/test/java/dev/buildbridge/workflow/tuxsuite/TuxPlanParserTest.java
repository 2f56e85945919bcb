package dev.buildbridge.workflow.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.kdl.KdlLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuxPlanParserTest {
  private static List<String> problems(String file, String text) {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> TuxPlanParser.ofDefaults().parse(file, text));
    assertEquals(Reason.INVALID, e.reason());
    return e.problems().stream().map(WorkflowProblem::toString).toList();
  }

  private static String onlyProblem(String text) {
    List<String> all = problems("plan.yaml", text);
    assertEquals(1, all.size(), all::toString);
    return all.get(0);
  }

  // ---------------------------------------------------------------- every job form

  @Test
  void readsEveryJobFormOfTheSpecification() {
    TuxPlanFile plan = PlanFixtures.parse("plan-full.yaml");
    assertEquals("plan-full.yaml", plan.file());
    assertEquals("kernel validation", plan.name());
    assertEquals("Build and test linux kernel with every toolchain", plan.description());
    assertEquals(4, plan.jobs().size());
    assertEquals(List.of("tinyconfig", "gcc", "standalone"), plan.jobNames());

    TuxPlanJob single = plan.jobs().get(0);           // build + sanity_test + test
    assertEquals("tinyconfig", single.name());
    assertEquals(new KdlLocation("plan-full.yaml", 6, 3), single.location());
    assertEquals(1, single.builds().size());
    assertEquals("gcc-8", single.builds().get(0).toolchain());
    assertEquals("i386", single.builds().get(0).targetArch());
    assertEquals(List.of("tinyconfig"), single.builds().get(0).kconfig());
    assertEquals("qemu-i386", single.sanityTest().device());
    assertEquals(List.of("ltp-smoke"), single.tests().get(0).tests());
    assertEquals(3, single.runs());

    TuxPlanJob builds = plan.jobs().get(1);           // builds + test
    assertEquals(List.of("gcc-9", "gcc-10"),
        builds.builds().stream().map(TuxPlanBuild::toolchain).toList());
    assertEquals(1, builds.tests().size());
    assertNull(builds.sanityTest());
    assertEquals(4, builds.runs());

    TuxPlanJob unnamed = plan.jobs().get(2);          // build + tests, one sharded
    assertNull(unnamed.name());
    assertEquals(List.of("defconfig", "CONFIG_DEBUG_INFO=y"),
        unnamed.builds().get(0).kconfig());
    assertEquals(0, unnamed.tests().get(0).sharding());
    assertEquals(3, unnamed.tests().get(1).sharding());
    assertEquals(3, unnamed.tests().get(1).runs());
    assertEquals(5, unnamed.runs());

    TuxPlanJob standalone = plan.jobs().get(3);       // tests only
    assertTrue(standalone.isStandalone());
    assertEquals("https://storage.tuxboot.com/arm64/Image",
        standalone.tests().get(0).kernel().orElseThrow());
    assertEquals(2, standalone.runs());
    assertEquals(14, plan.runs());
  }

  @Test
  void readsEveryBuildAndTestFieldWithItsType() {
    TuxPlanFile plan = PlanFixtures.parse("plan-every-field.yaml");
    TuxPlanBuild build = plan.jobs().get(0).builds().get(0);
    Set<String> allButGitRef = new LinkedHashSet<>(PlanFields.BUILD.keySet());
    allButGitRef.remove("git_ref");                    // the file gives git_sha
    assertEquals(allButGitRef, build.fields().keySet());
    assertEquals(Map.of("LLVM", "1", "LLVM_IAS", "1"), build.fields().get("make_variables"));
    assertEquals(false, build.fields().get("is_public"));
    assertEquals(true, build.fields().get("no_cache"));
    assertEquals(List.of("config", "kernel", "modules"), build.fields().get("targets"));
    assertEquals(Map.of("X-Ci-Secret", "s3cr3t"), build.fields().get("callback_headers"));

    TuxPlanTest test = plan.jobs().get(0).tests().get(0);
    assertEquals(PlanFields.TEST.keySet(), test.fields().keySet());
    assertEquals(2, test.sharding());
    assertEquals(List.of(List.of("https://example.org/a.tar.xz", "/"),
        List.of("https://example.org/b.tar.xz", "/opt")), test.fields().get("overlays"));
    assertEquals(Map.of("deploy", 10, "boot", 20, "ltp-smoke", 30),
        test.fields().get("timeouts"));
    assertEquals(Map.of("X-Ci-Secret", "t3st"), test.fields().get("callback_header"));
    assertEquals(List.of("uname -a", "cat /proc/cpuinfo"), test.field("commands").orElseThrow());
  }

  @Test
  void anchorsAliasesAndMergeKeysAreResolved() {
    TuxPlanFile plan = PlanFixtures.parse("plan-anchors.yaml");
    List<TuxPlanBuild> builds = plan.jobs().get(0).builds();
    assertEquals("gcc-13", builds.get(0).toolchain());
    assertEquals("clang-17", builds.get(1).toolchain());          // own key wins over <<
    assertEquals("arm64", builds.get(1).targetArch());            // merged
    assertEquals(List.of("defconfig", "CONFIG_KASAN=y"), builds.get(1).kconfig());
    TuxPlanBuild again = plan.jobs().get(1).builds().get(0);
    assertEquals("gcc-12", again.toolchain());
    assertEquals(List.of("defconfig"), again.kconfig());
    assertEquals(plan.jobs().get(0).tests(), plan.jobs().get(1).tests());   // *smoke
  }

  @Test
  void readsAFileFromDiskAndNamesItInLocations(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, "version: 1\njobs:\n- test: {device: qemu-arm64}\n");
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> TuxPlanParser.ofDefaults().parse(file));
    assertEquals(file + ":3:9: a test of a job without builds needs kernel, the image to boot",
        e.getMessage());
  }

  @Test
  void aFileOverTheLimitIsTooLargeAndNotRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, "version: 1\n# " + "x".repeat(200) + "\n");
    TuxPlanParser parser = TuxPlanParser.newBuilder().maxBytes(100).build();
    WorkflowException e = assertThrows(WorkflowException.class, () -> parser.parse(file));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(file + " is over the limit of 100 bytes", e.getMessage());
  }

  @Test
  void bytesAndTextParseAlike() {
    String text = PlanFixtures.text("plan-full.yaml");
    assertEquals(TuxPlanParser.ofDefaults().parse("p", text),
        TuxPlanParser.ofDefaults().parse("p", text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void builderKeepsItsLimitsAndChecksThem() {
    TuxPlanParser parser = TuxPlanParser.newBuilder().maxBytes(10).maxDepth(5).maxAliases(2)
        .build();
    TuxPlanParser copy = parser.toBuilder().build();
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> copy.parse("p", "version: 1\n"));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("maxDepth must be between 1 and 1000: 0", assertThrows(
        IllegalArgumentException.class, () -> TuxPlanParser.newBuilder().maxDepth(0))
        .getMessage());
    assertSame(TuxPlanParser.ofDefaults(), TuxPlanParser.ofDefaults());
  }

  // ---------------------------------------------------------------- broken files

  @Test
  void reportsEveryProblemOfABrokenPlanAtOnceInFileOrder() {
    List<String> all = problems("plan-broken.yaml", PlanFixtures.text("plan-broken.yaml"));
    assertEquals(List.of(
        "plan-broken.yaml:1:10: \"version\" must be 1, the only version of the plan format, not"
            + " the number 2",
        "plan-broken.yaml:4:3: a job needs build, builds, test, tests or sanity_test",
        "plan-broken.yaml:5:3: unknown key \"description\" in a job; known keys: name, build,"
            + " builds, test, tests, sanity_test",
        "plan-broken.yaml:6:10: a build needs toolchain",
        "plan-broken.yaml:6:11: unknown key \"toolchian\" in a build (did you mean"
            + " \"toolchain\"?); known keys: git_repo, git_ref, git_sha, target_arch,"
            + " toolchain, kconfig, environment, targets, make_variables, is_public,"
            + " kernel_image, build_name, image_sha, no_cache, callback, callback_headers,"
            + " notify_emails",
        "plan-broken.yaml:8:26: unknown key \"callback_headers\" in a test (did you mean"
            + " \"callback_header\"?); known keys: device, kernel, ap_romfw, bios, dtb, fip,"
            + " mcp_fw, mcp_romfw, scp_fw, scp_romfw, rootfs, parameters,"
            + " lava_test_plans_project, lab, is_public, modules, overlays, tests, test_name,"
            + " timeouts, and 11 more",
        "plan-broken.yaml:10:5: a test of a job without builds needs kernel, the image to boot",
        "plan-broken.yaml:11:59: \"kconfig\" must be a string or a list of strings, not a"
            + " mapping",
        "plan-broken.yaml:12:37: a sanity test cannot be sharded",
        "plan-broken.yaml:13:47: \"timeouts\".boot must be from 1 to 10080, not 0"), all);
  }

  @Test
  void rejectsAVersionOtherThanOne() {
    assertEquals("plan.yaml:1:10: \"version\" must be 1, the only version of the plan format,"
        + " not the string \"1\"",
        onlyProblem("version: '1'\njobs: [{test: {device: d, kernel: 'https://k'}}]\n"));
  }

  @Test
  void rejectsAPlanWithoutVersionOrJobs() {
    assertEquals(List.of("plan.yaml:1:1: a plan file needs \"version: 1\"",
        "plan.yaml:1:1: a plan file needs \"jobs\", a list of jobs"),
        problems("plan.yaml", "name: nothing\n"));
    assertEquals("plan.yaml:2:7: \"jobs\" must not be empty",
        onlyProblem("version: 1\njobs: []\n"));
  }

  @Test
  void rejectsAnEmptyFileAndOneThatIsNotAMapping() {
    assertEquals("plan.yaml:1:1: the file is empty; a plan file is a mapping with \"version: 1\""
        + " and \"jobs\"", onlyProblem(""));
    assertEquals("plan.yaml:1:1: a plan file must be a mapping, not a list",
        onlyProblem("- version: 1\n"));
  }

  @Test
  void rejectsUnknownTopLevelKeys() {
    assertEquals("plan.yaml:2:1: unknown key \"job\" in a plan file (did you mean \"jobs\"?);"
        + " known keys: version, name, description, jobs",
        onlyProblem("version: 1\njob: x\njobs: [{test: {device: d, kernel: 'https://k'}}]\n"));
  }

  @Test
  void rejectsAJobWithBothFormsOfBuildOrTest() {
    assertEquals(List.of(
        "plan.yaml:4:3: a job takes build or builds, not both",
        "plan.yaml:6:3: a job takes test or tests, not both"),
        problems("plan.yaml", """
            version: 1
            jobs:
            - build: {toolchain: gcc-13, target_arch: arm64, kconfig: defconfig}
              builds: [{toolchain: gcc-12, target_arch: arm64, kconfig: defconfig}]
              test: {device: qemu-arm64}
              tests: [{device: qemu-arm64}]
            """));
  }

  @Test
  void rejectsBakeJobsWhichItDoesNotSupport() {
    assertEquals("plan.yaml:3:3: OpenEmbedded \"bake\" jobs are not supported; jobs here hold"
        + " build, builds, test, tests and sanity_test",
        onlyProblem("version: 1\njobs:\n- bake: {sources: {}}\n"));
  }

  @Test
  void rejectsAStandaloneSanityTestWithoutKernel() {
    assertEquals("plan.yaml:3:16: a sanity test of a job without builds needs kernel, the image"
        + " to boot", onlyProblem("version: 1\njobs:\n- sanity_test: {device: qemu-arm64}\n"));
  }

  @Test
  void rejectsABuildWithoutItsRequiredKeysOrWithBothRefAndSha() {
    assertEquals(List.of(
        "plan.yaml:3:10: a build needs target_arch",
        "plan.yaml:3:10: a build needs kconfig",
        "plan.yaml:4:70: a build takes git_ref or git_sha, not both"),
        problems("plan.yaml", """
            version: 1
            jobs:
            - build: {toolchain: gcc-13}
            - build: {toolchain: gcc-13, target_arch: x, kconfig: y, git_ref: m, git_sha: abc}
            """));
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    assertEquals(List.of(
        "plan.yaml:4:16: \"is_public\" must be true or false, not the string \"sure\"",
        "plan.yaml:5:15: \"callback\" must be an http:// or https:// URL, not"
            + " \"ftp://ci.example.org\"",
        "plan.yaml:6:15: \"git_repo\" must be a git://, http:// or https:// URL (TuxSuite does"
            + " not fetch over ssh), not \"git@github.com:octo/linux.git\"",
        "plan.yaml:7:14: \"targets\" must be a string or a list of strings, not a mapping",
        "plan.yaml:8:26: each of \"kconfig\" must be a string, not a list",
        "plan.yaml:12:27: \"sharding\" must be from 1 to 1000, not 0",
        "plan.yaml:13:28: each of \"overlays\" must be [url, destination], not a list of 3",
        "plan.yaml:14:35: \"callback_header\" has a header name that is not an HTTP token:"
            + " \"Bad Name\"",
        "plan.yaml:15:32: \"parameters\".X must be a string, not null",
        "plan.yaml:16:14: \"device\" must not be empty"),
        problems("plan.yaml", """
            version: 1
            jobs:
            - build:
                is_public: sure
                callback: ftp://ci.example.org
                git_repo: git@github.com:octo/linux.git
                targets: {a: b}
                kconfig: [defconfig, [x]]
                target_arch: arm64
                toolchain: gcc-13
              tests:
              - {device: d, sharding: 0}
              - {device: d, overlays: [[a, b, c]]}
              - {device: d, callback_header: {Bad Name: v}}
              - {device: d, parameters: {X: }}
              - {device: '  '}
            """));
  }

  @Test
  void aDuplicateKeyIsReportedWithTheOtherProblems() {
    assertEquals(List.of(
        "plan.yaml:1:1: a plan file needs \"jobs\", a list of jobs",
        "plan.yaml:3:1: duplicate key \"name\" (first at 2:1)",
        "plan.yaml:4:1: unknown key \"job\" in a plan file (did you mean \"jobs\"?); known keys:"
            + " version, name, description, jobs"),
        problems("plan.yaml", "version: 1\nname: a\nname: b\njob: []\n"));
  }

  @Test
  void aYamlSyntaxErrorIsOneProblemWithItsLocation() {
    assertEquals("plan.yaml:3:11: not YAML: mapping values are not allowed here",
        onlyProblem("version: 1\njobs:\n- build: a: b\n"));
  }

  @Test
  void aNodeUsedThroughSeveralAliasesReportsItsProblemOnce() {
    assertEquals("plan.yaml:3:9: a test of a job without builds needs kernel, the image to"
        + " boot", onlyProblem("""
            version: 1
            jobs:
            - test: &t {device: d}
            - test: *t
            - test: *t
            """));
  }
}
