package dev.buildbridge.api.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks the request records make, as the TuxSuite Python client makes them. */
class TuxRequestsTest {
  private static final String LINUX =
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";

  private static TuxBuildRequest.Builder build() {
    return TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master").targetArch("riscv")
        .toolchain("gcc-13").kconfig("defconfig");
  }

  private static TuxBuildRequest withRepo(String repo, String ref, String sha) {
    return new TuxBuildRequest("token", repo, ref, sha, "riscv", "gcc-13", List.of("defconfig"),
        null, null, null, true, null, null, null, null, false, null, null, null, null, null);
  }

  @Test
  void aBuildNeedsAGitUrlTuxSuiteCanFetch() {
    IllegalArgumentException ssh = assertThrows(IllegalArgumentException.class,
        () -> build().gitRepo("ssh://git@example.org/linux.git").build());
    assertEquals("gitRepo must start with git://, http:// or https:// (TuxSuite does not fetch"
        + " over ssh)", ssh.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> build().gitRepo("git@github.com:torvalds/linux.git").build());
    assertEquals("git://git.kernel.org/linux.git",
        build().gitRepo("git://git.kernel.org/linux.git").build().gitRepo());
  }

  @Test
  void aBuildNeedsExactlyOneOfRefAndSha() {
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> withRepo(LINUX, "master", "96fca68c"));
    assertEquals("set exactly one of gitRef and gitSha", both.getMessage());
    assertThrows(IllegalArgumentException.class, () -> withRepo(LINUX, null, null));
    // the builder keeps the last one set
    TuxBuildRequest bySha = build().gitSha("96fca68c").build();
    assertEquals("96fca68c", bySha.gitSha());
    assertEquals(null, bySha.gitRef());
  }

  @Test
  void aBuildNeedsArchToolchainAndKconfig() {
    NullPointerException noArch = assertThrows(NullPointerException.class,
        () -> TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master").toolchain("gcc-13")
            .kconfig("defconfig").build());
    assertEquals("targetArch", noArch.getMessage());
    NullPointerException noToolchain = assertThrows(NullPointerException.class,
        () -> TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master").targetArch("riscv")
            .kconfig("defconfig").build());
    assertEquals("toolchain", noToolchain.getMessage());
    IllegalArgumentException noKconfig = assertThrows(IllegalArgumentException.class,
        () -> TuxBuildRequest.newBuilder().gitRepo(LINUX).gitRef("master").targetArch("riscv")
            .toolchain("gcc-13").build());
    assertEquals("kconfig is empty", noKconfig.getMessage());
    IllegalArgumentException blankEntry = assertThrows(IllegalArgumentException.class,
        () -> build().kconfig("defconfig", " "));
    assertEquals("kconfig[1] is blank", blankEntry.getMessage());
    assertThrows(IllegalArgumentException.class, () -> build().toolchain(""));
  }

  @Test
  void callbacksMustBeHttpUrlsAndHeadersMustBeSafe() {
    IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
        () -> build().callback("ftp://ci.example.org/hook?token=secret"));
    assertEquals("callback must be an absolute http or https URL", ftp.getMessage());
    assertFalse(ftp.getMessage().contains("secret"));
    assertThrows(IllegalArgumentException.class, () -> build().callback("/relative/hook"));
    assertThrows(IllegalArgumentException.class, () -> build().callback("http://bad host/"));
    IllegalArgumentException crlf = assertThrows(IllegalArgumentException.class,
        () -> build().callbackHeader("X-Secret", "a\r\nInjected: yes"));
    assertEquals("callbackHeaders[X-Secret] has a control character at index 1",
        crlf.getMessage());
    assertThrows(IllegalArgumentException.class, () -> build().callbackHeader("X Secret", "a"));
    assertThrows(IllegalArgumentException.class,
        () -> TuxPlanRequest.newBuilder().planCallback("mailto:ci@example.org"));
    assertThrows(IllegalArgumentException.class,
        () -> TuxTestRequest.newBuilder("qemu-riscv64").callback("file:///tmp/hook"));
  }

  @Test
  void patchSeriesAreBareFileNamesOrUrls() {
    assertThrows(IllegalArgumentException.class,
        () -> build().patchSeries("../etc/passwd", new byte[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> build().patchSeries("..", new byte[] {1}));
    assertThrows(NullPointerException.class, () -> build().patchSeries("fix.mbox", null));
    assertThrows(IllegalArgumentException.class,
        () -> build().patchSeriesUrl("lore.kernel.org/all/123"));
    TuxBuildRequest patched = build().patchSeries("fix.mbox", new byte[] {1, 2, 3}).build();
    assertTrue(patched.kernelPatchFile().matches("[0-9a-f]{64}/fix\\.mbox"),
        patched.kernelPatchFile());
    assertEquals("AQID", patched.kernelPatch());
    assertEquals(patched, patched.toBuilder().build());
    IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
        () -> new TuxBuildRequest("t", LINUX, "master", null, "riscv", "gcc-13",
            List.of("defconfig"), null, null, null, true, null, null, null, null, false, null,
            null, null, null, "AQID"));
    assertEquals("kernelPatch needs kernelPatchFile, its name", orphan.getMessage());
  }

  @Test
  void buildRequestsRoundTripAndCopyTheirInputs() {
    List<String> kconfig = new ArrayList<>(List.of("defconfig"));
    TuxBuildRequest request = build().kconfig(kconfig).makeVariable("LLVM", "1")
        .callbackHeader("X-A", "1").plan("2ZISTKlXYwYx1k5K4p8HIEKu7kn").build();
    kconfig.add("CONFIG_KASAN=y");

    assertEquals(List.of("defconfig"), request.kconfig());
    assertEquals(request, request.toBuilder().build());
    assertThrows(UnsupportedOperationException.class, () -> request.kconfig().add("x"));
    assertNotEquals(build().build().clientToken(), build().build().clientToken());
    assertEquals("TuxBuildRequest[riscv gcc-13 defconfig @ master]", request.toString());
    assertThrows(IllegalArgumentException.class, () -> build().plan("BUILD#123"));
  }

  @Test
  void testsWaitOnlyForRunReferences() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> TuxTestRequest.newBuilder("qemu-riscv64").waitingFor("PLAN#2ZIS"));
    assertEquals("reference must be BUILD#<uid>, OEBUILD#<uid> or TEST#<uid>, was \"PLAN#2ZIS\"",
        bad.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TuxTestRequest.newBuilder("qemu-riscv64").waitingFor("BUILD#"));
    assertThrows(IllegalArgumentException.class,
        () -> TuxTestRequest.newBuilder("qemu-riscv64").waitingFor(TuxKind.TEST, "a b"));
    assertEquals(TuxKind.OEBUILD, TuxKind.ofReference("OEBUILD#2ZITcWtwDj3povtoSM0c5sk30FZ"));
    assertEquals("BUILD#2ZIT", TuxKind.BUILD.reference("2ZIT"));
    assertEquals("oebuilds", TuxKind.OEBUILD.collection());
  }

  @Test
  void testRequestsCheckDeviceOverlaysAndTimeouts() {
    assertThrows(IllegalArgumentException.class, () -> TuxTestRequest.newBuilder(""));
    assertThrows(NullPointerException.class, () -> TuxTestRequest.newBuilder(null));
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> TuxTestRequest.newBuilder("qemu-riscv64").timeout("boot", 0));
    assertEquals("timeout boot must be positive, was 0", timeout.getMessage());
    TuxTestRequest base = TuxTestRequest.newBuilder("qemu-riscv64")
        .overlay("https://example.org/overlay.tar.xz").tests("ltp-smoke").build();
    assertEquals(List.of(List.of("https://example.org/overlay.tar.xz", "/")), base.overlays());
    IllegalArgumentException triple = assertThrows(IllegalArgumentException.class,
        () -> new TuxTestRequest("qemu-riscv64", null, null, null, null, null, null, null, null,
            null, null, null, null, null, true, null, List.of(List.of("a", "b", "c")), null,
            null, null, null, null, null, null, null, null, false, null, null, null, null, null,
            null));
    assertEquals("overlays[0] must be [url, destination], has 3 elements", triple.getMessage());
    assertEquals(base, base.toBuilder().build());
    assertEquals("TuxTestRequest[qemu-riscv64 [boot, ltp-smoke]]", base.toString());
    TuxTestRequest job = TuxTestRequest.newBuilder("fvp-aemva")
        .jobDefinition("job.yaml", "actions: []\n".getBytes(StandardCharsets.UTF_8))
        .build();
    assertTrue(job.jobDefinition().endsWith("/job.yaml"));
    assertEquals(Map.of(job.jobDefinition(), "YWN0aW9uczogW10K"), job.attachments());
  }

  @Test
  void oebuildSourcesAreCopiedDeeplyAndBounded() {
    Map<String, Object> repo = new HashMap<>();
    repo.put("url", "https://git.yoctoproject.org/poky");
    repo.put("branch", "scarthgap");
    TuxOebuildRequest request = TuxOebuildRequest.newBuilder()
        .sources(Map.of("git_trees", List.of(repo))).build();
    repo.put("branch", "master");

    assertEquals("scarthgap", ((Map<?, ?>) ((List<?>) request.sources().get("git_trees"))
        .get(0)).get("branch"));
    assertEquals(request, request.toBuilder().build());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> TuxOebuildRequest.newBuilder().sources(Map.of()));
    assertEquals("sources is empty", empty.getMessage());
    NullPointerException none = assertThrows(NullPointerException.class,
        () -> TuxOebuildRequest.newBuilder().build());
    assertEquals("sources", none.getMessage());
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
        () -> TuxOebuildRequest.newBuilder().sources(Map.of("repo", new StringBuilder("x"))));
    assertEquals("sources.repo holds a java.lang.StringBuilder; only maps, lists, strings,"
        + " numbers and booleans are sent", odd.getMessage());
    Map<String, Object> cycle = new HashMap<>();
    cycle.put("self", cycle);
    IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
        () -> TuxOebuildRequest.newBuilder().sources(cycle));
    assertTrue(deep.getMessage().endsWith("is nested deeper than 32 levels"), deep.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TuxOebuildRequest.newBuilder().kasOverride("a/b.yaml", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> TuxOebuildRequest.newBuilder().targets());
  }

  @Test
  void oebuildManifestsReplaceTheirEarlierUpload() {
    TuxOebuildRequest request = TuxOebuildRequest.newBuilder()
        .sources(Map.of("repo", Map.of("url", "https://example.org/manifest.git")))
        .manifestFile("default.xml", new byte[] {1})
        .manifestFile("default.xml", new byte[] {2})
        .kasOverride("override.yaml", new byte[] {3})
        .build();

    assertEquals(2, request.manifests().size());
    assertEquals("Ag==", request.manifests().get(request.manifestFile()));
    assertEquals("Aw==", request.manifests().get(request.kasOverride()));
  }

  @Test
  void planRequestsCheckTheirFields() {
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> TuxPlanRequest.newBuilder().count(-1));
    assertEquals("count must not be negative, was -1", count.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TuxPlanRequest.newBuilder().name(" "));
    TuxPlanRequest plan = TuxPlanRequest.newBuilder().name("nightly")
        .planCallback("https://ci.example.org/hook?secret=1").planCallbackHeader("X-A", "b")
        .notifyEmail("kernel@example.org").build();
    assertEquals(plan, plan.toBuilder().build());
    assertEquals("TuxPlanRequest[nightly]", plan.toString());
  }

  @Test
  void enumsReadUnknownValuesAsUnknown() {
    assertEquals(TuxState.UNKNOWN, TuxState.fromWire("archiving"));
    assertEquals(TuxState.UNKNOWN, TuxState.fromWire(null));
    assertEquals(TuxState.UNKNOWN, TuxState.fromWire("unknown"));
    assertEquals(TuxState.BUILDING, TuxState.fromWire("building"));
    assertTrue(TuxState.FINISHED.isTerminal());
    assertFalse(TuxState.UNKNOWN.isTerminal());
    assertEquals(TuxResult.UNKNOWN, TuxResult.fromWire("flaky"));
    assertEquals(TuxResult.UNKNOWN, TuxResult.fromWire(null));
    assertEquals(TuxResult.CANCELED, TuxResult.fromWire("canceled"));
    assertEquals("canceled", TuxResult.CANCELED.wireName());
  }

  @Test
  void keysNeverShowSecrets() {
    TuxKeys keys = new TuxKeys(new TuxKeys.Ssh("ecdsa-sha2-nistp256 AAAA"),
        List.of(new TuxKeys.Token("glpat-realtoken", "u", "gitlab.com")),
        List.of(new TuxKeys.Variable("TEST", "variable", "hunter2")));
    String text = keys + " " + keys.pat() + " " + keys.variables();
    assertFalse(text.contains("glpat-realtoken"), text);
    assertFalse(text.contains("hunter2"), text);
    assertEquals("TuxKeys[ssh=present, pat=1, variables=1]", keys.toString());
    assertEquals(java.util.Optional.empty(), new TuxKeys(new TuxKeys.Ssh(" "), null, null)
        .sshPublicKey());
  }
}
