package dev.buildbridge.workflow.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.workflow.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The class examples of the plan types, as written there, so they keep compiling. */
class TuxPlanExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path dir;

  @Test
  void parseExpandSubmitAndAwaitAsTheExamplesDo() throws Exception {
    Files.writeString(dir.resolve("plan.yaml"), PlanFixtures.text("plan-full.yaml"));
    String project = "/v1/groups/demo/projects/riscv";
    wm.stubFor(post(project + "/plans").willReturn(aResponse().withBody("{\"uid\":\"P1\"}")));
    wm.stubFor(post(project + "/builds").willReturn(aResponse().withBody(
        "[{\"uid\":\"B1\"}]")));
    wm.stubFor(post(project + "/tests").willReturn(aResponse().withBody(
        "[{\"uid\":\"T1\"}]")));
    wm.stubFor(get(urlPathMatching(project + "/(builds|tests)/.*")).willReturn(aResponse()
        .withBody("{\"uid\":\"x\",\"state\":\"finished\",\"result\":\"pass\"}")));
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Path planPath = dir.resolve("plan.yaml");
      // TuxPlanFile
      TuxPlanFile plan = TuxPlanParser.ofDefaults().parse(planPath);
      System.out.println(plan.name() + ": " + plan.jobs().size() + " jobs, " + plan.runs()
          + " builds and tests");
      // TuxPlanJob
      for (TuxPlanJob job : plan.jobs()) {
        System.out.println((job.name() == null ? "(unnamed)" : job.name()) + ": "
            + job.builds().size() + " builds, " + job.tests().size() + " tests"
            + (job.sanityTest() != null ? ", a sanity test" : ""));
      }
      // TuxPlanBuild
      TuxPlanJob job = plan.jobs().get(2);
      for (TuxPlanBuild build : job.builds()) {
        System.out.println(build.location() + ": " + build.targetArch() + " "
            + build.toolchain() + " " + build.kconfig());
      }
      // TuxPlanTest
      TuxPlanTest ltp = job.tests().get(1);
      System.out.println(ltp.device() + " " + ltp.tests() + " x" + ltp.runs());
      // TuxPlanExpansion (with a job the plan has)
      TuxPlanExpansion expansion = TuxPlanExpansion.newBuilder()
          .gitRepo("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
          .gitRef("master")
          .jobName("tinyconfig")
          .callback("https://ci.example.org/tuxsuite/callback")
          .planCallback("https://ci.example.org/tuxsuite/plan-callback")
          .build();
      ExpandedPlan expanded = expansion.expand(plan);
      // ExpandedPlan
      for (ExpandedPlan.PlannedTest test : expanded.tests()) {
        String after = test.waitsForSanityTest().isPresent() ? "its sanity test"
            : test.waitsForBuild().isPresent() ? "build " + test.build() : "nothing";
        System.out.println(test.request() + " after " + after);
      }
      // TuxPlanSubmitter, SubmittedPlan, FinishedPlan
      TuxSuiteClient tux = TuxSuiteClient.newBuilder().token("example-token")
          .baseUrl(wm.baseUrl()).group("demo").project("riscv").build();
      SubmittedPlan submitted = TuxPlanSubmitter.of(tux).submit(expanded);
      System.out.println("plan " + submitted.planUid() + ": " + submitted.runs().size()
          + " runs");
      FinishedPlan done = submitted.awaitAll(Duration.ofHours(3), Duration.ofSeconds(30));
      System.out.println(done.passed() ? "all passed" : done.notPassed().size()
          + " did not pass");
    } finally {
      System.setOut(stdout);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("kernel validation: 4 jobs, 14 builds and tests\n"
        + "tinyconfig: 1 builds, 1 tests, a sanity test\n"
        + "gcc: 2 builds, 1 tests\n"
        + "(unnamed): 1 builds, 2 tests\n"
        + "standalone: 0 builds, 2 tests\n"
        + dir.resolve("plan.yaml") + ":17:10: x86_64 clang-nightly [defconfig,"
        + " CONFIG_DEBUG_INFO=y]\n"
        + "qemu-x86_64 [ltp-syscalls] x3\n"
        + "TuxTestRequest[qemu-i386 [boot, ltp-smoke]] after its sanity test\n"
        + "plan P1: 3 runs\n"
        + "all passed\n"), out);
  }

  @Test
  void theParserExampleReportsProblemsWithTheirLocations() {
    String text = "version: 1\njobs:\n- build: {toolchian: gcc-13}\n";
    try {
      TuxPlanFile plan = TuxPlanParser.ofDefaults().parse("plan.yaml", text);
      throw new AssertionError("parsed " + plan);
    } catch (WorkflowException e) {
      assertTrue(e.problems().get(0).toString().startsWith("plan.yaml:3:10: "),
          e.problems().toString());
    }
  }

  @Test
  void theExceptionExampleCancelsWhatWentThrough() {
    String project = "/v1/groups/demo/projects/riscv";
    wm.stubFor(post(project + "/plans").willReturn(aResponse().withBody("{\"uid\":\"P1\"}")));
    wm.stubFor(post(project + "/builds").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"no\"}")));
    wm.stubFor(post(project + "/plans/P1/cancel").willReturn(aResponse()));
    TuxSuiteClient tux = TuxSuiteClient.newBuilder().token("example-token")
        .baseUrl(wm.baseUrl()).group("demo").project("riscv").build();
    TuxPlanSubmitter submitter = TuxPlanSubmitter.of(tux);
    ExpandedPlan expanded = TuxPlanExpansion.newBuilder().gitRepo("https://git.example.org/l")
        .gitRef("master").jobName("gcc").build()
        .expand(PlanFixtures.parse("plan-full.yaml"));
    TuxPlanException thrown = assertThrows(TuxPlanException.class, () -> {
      try {
        SubmittedPlan submitted = submitter.submit(expanded);
        throw new AssertionError("submitted " + submitted);
      } catch (TuxPlanException e) {
        e.submitted().ifPresent(SubmittedPlan::cancel);   // do not leave half a plan running
        throw e;
      }
    });
    assertEquals(TuxPlanException.Reason.BUILDS_NOT_SUBMITTED, thrown.reason());
    assertEquals(1, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .postRequestedFor(urlPathMatching(project + "/plans/P1/cancel"))).size());
  }
}
