package dev.buildbridge.samples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TuxPlanCommandsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String LINUX = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/"
      + "linux.git";
  private static final String PROJECT = "/v1/groups/demo/projects/riscv";
  private static final String PLAN = """
      version: 1
      name: riscv
      jobs:
      - name: defconfig
        builds:
        - {toolchain: gcc-13, target_arch: riscv, kconfig: defconfig}
        - {toolchain: clang-17, target_arch: riscv, kconfig: defconfig}
        sanity_test: {device: qemu-riscv64}
        tests:
        - {device: qemu-riscv64, tests: [ltp-syscalls], sharding: 2}
      - name: boot
        test: {device: qemu-riscv64, kernel: "https://storage.tuxboot.com/riscv64/Image"}
      """;

  @TempDir Path dir;

  private Path plan() throws IOException {
    return Files.writeString(dir.resolve("plan.yaml"), PLAN);
  }

  /** The token variable samples/pom.xml sets for the tests (surefire environmentVariables). */
  private static String tokenVariable() {
    return "BB_TEST_TOKEN";
  }

  private static List<LoggedRequest> requests() {
    List<LoggedRequest> all = new ArrayList<>(wm.findAll(anyRequestedFor(anyUrl())));
    all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return all;
  }

  private static String uids(String prefix, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"uid\":\"").append(prefix).append(i).append("\"}");
    }
    return sb.append(']').toString();
  }

  private void stubSubmission() {
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withStatus(201)
        .withBody("{\"uid\":\"Plan1\"}")));
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(201)
        .withBody(uids("Build", 2))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("sanity").willReturn(aResponse().withBody(uids("Sanity", 2))));
    wm.stubFor(post(PROJECT + "/tests").inScenario("t").whenScenarioStateIs("sanity")
        .willReturn(aResponse().withBody(uids("Test", 5))));
  }

  // ---------------------------------------------------------------- expand

  @Test
  void expandPrintsThePlanBodyAndEveryRequestInSubmissionOrder() throws IOException {
    Cli.Result r = Cli.exec("tux", "plan", "expand", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-ref", "master",
        "--plan-callback", "https://ci.example.org/plan");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode out = r.json();
    assertEquals("riscv", out.get("plan").get("name").asText());
    assertEquals(9, out.get("plan").get("count").asInt());   // 2 builds, 2 sanity, 4 shards, 1
    assertEquals("https://ci.example.org/plan", out.get("plan").get("plan_callback").asText());
    assertEquals(2, out.get("builds").size());
    JsonNode build = out.get("builds").get(1);
    assertEquals("defconfig", build.get("job").asText());
    assertEquals("clang-17", build.get("request").get("toolchain").asText());
    assertEquals(LINUX, build.get("request").get("git_repo").asText());
    assertEquals("master", build.get("request").get("git_ref").asText());
    assertEquals("builds[1]", out.get("sanity_tests").get(1).get("waits_for").asText());
    List<String> waits = new ArrayList<>();
    List<String> shards = new ArrayList<>();
    for (JsonNode t : out.get("tests")) {
      waits.add(t.get("waits_for").isNull() ? "none" : t.get("waits_for").asText());
      shards.add(t.get("request").get("parameters").path("SHARD_INDEX").asText("-"));
    }
    assertEquals(List.of("sanity_tests[0]", "sanity_tests[0]", "sanity_tests[1]",
        "sanity_tests[1]", "none"), waits);
    assertEquals(List.of("1", "2", "1", "2", "-"), shards);
  }

  @Test
  void expandSelectsJobsByName() throws IOException {
    Cli.Result r = Cli.exec("tux", "plan", "expand", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-sha", "6dcb09b5b57875f334f61aebed695e2e4193db5e",
        "--job-name", "boot");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(0, r.json().get("builds").size());
    assertEquals(1, r.json().get("tests").size());
    Cli.Result unknown = Cli.exec("tux", "plan", "expand", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-ref", "master", "--job-name", "nope");
    assertEquals("buildbridge: tux plan expand: no job named \"nope\" in " + plan()
        + "; named jobs: defconfig, boot", unknown.assertUsageError("buildbridge: tux plan "));
  }

  @Test
  void anInvalidPlanExitsTwoWithOneLineColumnLinePerProblem() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        version: 2
        jobs:
        - build: {toolchian: gcc-13, target_arch: riscv, kconfig: defconfig}
        """);
    Cli.Result r = Cli.exec("tux", "plan", "expand", "--file", bad.toString(),
        "--git-repo", LINUX, "--git-ref", "master");
    assertEquals(Main.USAGE, r.exit());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(3, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith(bad + ":1:10: \"version\" must be 1"), lines.get(0));
    assertTrue(lines.get(1).startsWith(bad + ":3:10: a build needs toolchain"), lines.get(1));
    assertTrue(lines.get(2).startsWith(bad + ":3:11: unknown key \"toolchian\""), lines.get(2));
  }

  @Test
  void expandNeedsTheFileTheRepositoryAndOneReference() throws IOException {
    String file = plan().toString();
    Cli.exec("tux", "plan", "expand", "--git-repo", LINUX, "--git-ref", "m")
        .assertUsageError("buildbridge: tux plan expand: --file FILE is required");
    Cli.exec("tux", "plan", "expand", "--file", file, "--git-ref", "m")
        .assertUsageError("buildbridge: tux plan expand: --git-repo URL is required");
    Cli.exec("tux", "plan", "expand", "--file", file, "--git-repo", LINUX)
        .assertUsageError("buildbridge: tux plan expand: give --git-ref REF or --git-sha SHA");
    Cli.exec("tux", "plan", "expand", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--git-sha", "abc")
        .assertUsageError("buildbridge: tux plan expand: give --git-ref REF or --git-sha SHA");
    Cli.exec("tux", "plan", "expand", "--file", file, "--git-repo", "git@github.com:o/r.git",
        "--git-ref", "m").assertUsageError("buildbridge: tux plan expand: gitRepo must be a");
    Cli.exec("tux", "plan", "expand", "--file", dir.resolve("none.yaml").toString(),
        "--git-repo", LINUX, "--git-ref", "m")
        .assertUsageError("buildbridge: tux plan expand: cannot read ");
  }

  // ---------------------------------------------------------------- submit

  @Test
  void submitPostsThePlanBuildsSanityTestsAndTestsInOrderAndPrintsTheUids() throws Exception {
    String variable = tokenVariable();
    stubSubmission();
    Cli.Result r = Cli.exec("tux", "plan", "submit", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-ref", "master", "--url", wm.baseUrl(),
        "--token-env", variable, "--group", "demo", "--project", "riscv");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    List<LoggedRequest> sent = requests();
    assertEquals(List.of("POST " + PROJECT + "/plans", "POST " + PROJECT + "/builds",
        "POST " + PROJECT + "/tests", "POST " + PROJECT + "/tests"),
        sent.stream().map(q -> q.getMethod().value() + " " + q.getUrl()).toList());
    for (LoggedRequest q : sent) {
      assertEquals(System.getenv(variable), q.getHeader("Authorization"));
    }
    JsonNode sanity = Cli.MAPPER.readTree(sent.get(2).getBodyAsString());
    assertEquals("BUILD#Build0", sanity.get(0).get("waiting_for").asText());
    assertEquals("BUILD#Build1", sanity.get(1).get("waiting_for").asText());
    JsonNode tests = Cli.MAPPER.readTree(sent.get(3).getBodyAsString());
    assertEquals("TEST#Sanity1", tests.get(3).get("waiting_for").asText());
    assertFalse(tests.get(4).has("waiting_for"), tests.get(4)::toString);
    for (JsonNode t : tests) {
      assertEquals("Plan1", t.get("plan").asText());
    }
    JsonNode out = r.json();
    assertEquals("Plan1", out.get("plan").asText());
    assertEquals("Build1", out.get("builds").get(1).get("uid").asText());
    assertEquals("defconfig", out.get("builds").get(1).get("job").asText());
    assertEquals("Sanity0", out.get("sanity_tests").get(0).get("uid").asText());
    assertEquals(5, out.get("tests").size());
    assertEquals("boot", out.get("tests").get(4).get("job").asText());
  }

  @Test
  void submitWithWaitPrintsEachRunsResultAndExitsOneWhenOneFailed() throws Exception {
    String variable = tokenVariable();
    stubSubmission();
    wm.stubFor(get(urlPathMatching(PROJECT + "/(builds|tests)/.*")).willReturn(aResponse()
        .withBody("{\"uid\":\"x\",\"state\":\"finished\",\"result\":\"pass\"}")));
    wm.stubFor(get(PROJECT + "/tests/Test2").atPriority(1).willReturn(aResponse().withBody(
        "{\"uid\":\"Test2\",\"state\":\"finished\",\"result\":\"fail\","
            + "\"download_url\":\"https://storage.example.org/tests/Test2/\"}")));
    Cli.Result r = Cli.exec("tux", "plan", "submit", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-ref", "master", "--url", wm.baseUrl(),
        "--token-env", variable, "--group", "demo", "--project", "riscv",
        "--wait-minutes", "60");
    assertEquals(Main.REJECTED, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode finished = r.json().get("finished");
    assertFalse(finished.get("passed").asBoolean());
    assertEquals(8, finished.get("counts").get("pass").asInt());
    assertEquals(1, finished.get("counts").get("fail").asInt());
    assertEquals("Test2", finished.get("not_passed").get(0).get("uid").asText());
    assertEquals("TEST", finished.get("not_passed").get(0).get("kind").asText());
  }

  @Test
  void aRefusedSubmissionPrintsWhatWentThroughAndExitsOne() throws Exception {
    String variable = tokenVariable();
    wm.stubFor(post(PROJECT + "/plans").willReturn(aResponse().withBody("{\"uid\":\"Plan1\"}")));
    wm.stubFor(post(PROJECT + "/builds").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"unknown toolchain clang-17\"}")));
    Cli.Result r = Cli.exec("tux", "plan", "submit", "--file", plan().toString(),
        "--git-repo", LINUX, "--git-ref", "master", "--url", wm.baseUrl(),
        "--token-env", variable, "--group", "demo", "--project", "riscv");
    assertEquals(Main.REJECTED, r.exit());
    assertEquals("Plan1", r.json().get("plan").asText());
    assertEquals(0, r.json().get("builds").size());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("buildbridge: tux plan submit: cannot submit the builds 0 to"
        + " 1 of plan Plan1"), r.err());
    assertTrue(r.err().contains("unknown toolchain clang-17"), r.err());
  }

  @Test
  void submitTakesTheTokenOnlyFromTheEnvironment() throws IOException {
    String file = plan().toString();
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--group", "g", "--project", "p")
        .assertUsageError("buildbridge: tux plan submit: --token-env VAR is required");
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--group", "g", "--project", "p", "--token", "secret")
        .assertUsageError("buildbridge: tux plan submit: unknown option --token ");
    String unset = "BUILDBRIDGE_TEST_UNSET_" + System.nanoTime();
    assumeTrue(System.getenv(unset) == null);
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--group", "g", "--project", "p", "--token-env", unset)
        .assertUsageError("buildbridge: tux plan submit: environment variable " + unset
            + " is not set or empty");
    assertEquals(0, requests().size());
  }

  @Test
  void submitNeedsGroupProjectAndAUsableUrlAndWait() throws IOException {
    String variable = tokenVariable();
    String file = plan().toString();
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--token-env", variable, "--project", "p")
        .assertUsageError("buildbridge: tux plan submit: --group G is required");
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--token-env", variable, "--group", "g")
        .assertUsageError("buildbridge: tux plan submit: --project P is required");
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--token-env", variable, "--group", "g", "--project", "p", "--url", "not a url")
        .assertUsageError("buildbridge: tux plan submit: baseUrl");
    Cli.exec("tux", "plan", "submit", "--file", file, "--git-repo", LINUX, "--git-ref", "m",
        "--token-env", variable, "--group", "g", "--project", "p", "--wait-minutes", "-1")
        .assertUsageError("buildbridge: tux plan submit: --wait-minutes must be 0 to 10080");
    assertEquals(0, requests().size());
  }

  @Test
  void tuxGroupHelpListsThePlanCommands() {
    Cli.Result r = Cli.exec("tux", "--help");
    assertEquals(Main.OK, r.exit());
    assertTrue(r.out().contains("  tux plan expand "), r.out());
    assertTrue(r.out().contains("  tux plan submit "), r.out());
  }
}
