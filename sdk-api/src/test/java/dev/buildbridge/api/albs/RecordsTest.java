package dev.buildbridge.api.albs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks and copies of the request and result records. */
class RecordsTest {
  private static final String SHA =
      "5f0c1f6f3c0d1e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
  private static final BuildTaskRef BASH =
      BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9", RefType.GIT_BRANCH);

  @Test
  void aBuildRequestNeedsAPlatformASourceAndAProduct() {
    assertEquals("platforms is empty: a build needs at least one",
        assertThrows(IllegalArgumentException.class,
            () -> BuildRequest.newBuilder(1).task(BASH).build()).getMessage());
    assertEquals("tasks is empty: a build needs at least one source",
        assertThrows(IllegalArgumentException.class,
            () -> BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64").build())
            .getMessage());
    assertEquals("productId must be positive, was 0",
        assertThrows(IllegalArgumentException.class, () -> BuildRequest.newBuilder(0))
            .getMessage());
    assertEquals("archList of platform AlmaLinux-9 is empty",
        assertThrows(IllegalArgumentException.class,
            () -> BuildRequest.newBuilder(1).platform("AlmaLinux-9")).getMessage());
    assertEquals("archList[1] is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64", "")).getMessage());
    assertEquals("name is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildRequest.newBuilder(1).platform(" ", "x86_64")).getMessage());
    assertEquals("linkedBuild must be positive, was -1",
        assertThrows(IllegalArgumentException.class,
            () -> BuildRequest.newBuilder(1).linkedBuild(-1)).getMessage());
    assertThrows(NullPointerException.class, () -> BuildRequest.newBuilder(1).task(null));
  }

  @Test
  void aBuildRequestRefusesAnUnknownRefTypeReadFromAlbs() {
    BuildTaskRef unknown = new BuildTaskRef("https://git.almalinux.org/rpms/bash.git", "c9",
        RefType.UNKNOWN, null, null, null, null, null, null, null, null);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64").task(BASH)
            .task(unknown).build());

    assertEquals("tasks[1] has refType UNKNOWN, which cannot be sent", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BuildTaskRef.newBuilder("https://x.example/r.git").refType(RefType.UNKNOWN));
  }

  @Test
  void buildTaskRefsNeedAUrl() {
    assertEquals("url is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildTaskRef.of(" ", "c9", RefType.GIT_BRANCH)).getMessage());
    assertEquals("gitRef is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildTaskRef.of("https://x.example/r.git", "", RefType.GIT_BRANCH)).getMessage());
    assertThrows(NullPointerException.class, () -> BuildTaskRef.newBuilder(null));
  }

  @Test
  void moduleBuildsNeedComponents() {
    assertEquals("refs is empty: a module build needs components",
        assertThrows(IllegalArgumentException.class, () -> new ModuleBuildRef("nodejs", "18",
            "9.4.0", null, "---\n", Map.of(), List.of())).getMessage());
    assertEquals("modulesYaml is blank", assertThrows(IllegalArgumentException.class,
        () -> new ModuleBuildRef("nodejs", "18", "9.4.0", null, " ", Map.of(), List.of(BASH)))
        .getMessage());
  }

  @Test
  void toBuilderRoundTripsRequests() {
    BuildRequest request = BuildRequest.newBuilder(3).platform("AlmaLinux-9", "x86_64")
        .task(BASH.toBuilder().gitCommitHash("abc").mockOptions(Map.of("a", 1)).build())
        .linkedBuild(9).platformFlavor(4).secureBoot(true).mockOptions(Map.of("b", 2)).build();
    assertEquals(request, request.toBuilder().build());
    BuildQuery query = BuildQuery.newBuilder().createdBy(2).project("bash").ref("c9")
        .rpm("bash", null, "5.1.8", null, "x86_64").platformId(2).buildTaskArch("src")
        .released(true).signed(false).running(true).build();
    assertEquals(query, query.toBuilder().build());
    ReleaseQuery releases = ReleaseQuery.newBuilder().productId(1).platformId(2)
        .status(ReleaseStatus.FAILED).packageName("bash").build();
    assertEquals(releases, releases.toBuilder().build());
    BuildResult result = BuildResult.newBuilder(BuildOutcome.DONE)
        .artifact(BuildArtifact.of("a.rpm", "/pulp/a/", SHA)).stat("s", Map.of("k", "v"))
        .gitCommitHash("abc").casAuthenticated("cas").build();
    assertEquals(result, result.toBuilder().build());
    assertTrue(result.casAuthenticated());
  }

  @Test
  void recordsCopyWhatTheyAreGivenDeeply() {
    List<Object> tests = new ArrayList<>(List.of("smoke"));
    Map<String, Object> options = new HashMap<>();
    options.put("with", tests);
    options.put("without", null);

    BuildTaskRef ref = BuildTaskRef.newBuilder("https://x.example/r.git").mockOptions(options)
        .build();
    tests.add("late");
    options.put("added", true);

    assertEquals(List.of("smoke"), ref.mockOptions().get("with"));
    assertFalse(ref.mockOptions().containsKey("added"));
    assertTrue(ref.mockOptions().containsKey("without"));
    assertNull(ref.mockOptions().get("without"));
    assertThrows(UnsupportedOperationException.class,
        () -> ((List<?>) ref.mockOptions().get("with")).clear());
    assertThrows(UnsupportedOperationException.class, () -> ref.mockOptions().clear());
  }

  @Test
  void artifactsCheckTheirDigestAndInferTheirType() {
    BuildArtifact rpm = BuildArtifact.of("bash-5.1.8-9.el9.X86_64.RPM", "/pulp/api/v3/a/",
        SHA.toUpperCase());
    assertEquals(ArtifactType.RPM, rpm.type());
    assertEquals(SHA, rpm.sha256());
    assertEquals(ArtifactType.BUILD_LOG,
        BuildArtifact.of("albs.187202.1714989000.log", "/pulp/api/v3/b/", SHA).type());
    assertEquals("sha256 must be 64 hex digits (SHA-256), has 40 characters",
        assertThrows(IllegalArgumentException.class, () -> BuildArtifact.of("a.rpm", "/p/",
            "9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c")).getMessage());
    assertEquals("sha256 has a character that is not a hex digit at index 63",
        assertThrows(IllegalArgumentException.class, () -> BuildArtifact.of("a.rpm", "/p/",
            SHA.substring(0, 63) + "g")).getMessage());
    assertEquals("type UNKNOWN cannot be sent (artifact a.rpm)",
        assertThrows(IllegalArgumentException.class, () -> new BuildArtifact("a.rpm",
            ArtifactType.UNKNOWN, "/p/", SHA, null)).getMessage());
    assertEquals("href is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildArtifact.of("a.rpm", "", SHA)).getMessage());
    assertThrows(NullPointerException.class, () -> BuildArtifact.of("a.rpm", "/p/", null));
  }

  @Test
  void resultStatsMustBeMapsOfStrings() {
    Map<String, String> stage = new HashMap<>();
    stage.put("delta", null);

    NullPointerException e = assertThrows(NullPointerException.class,
        () -> BuildResult.newBuilder(BuildOutcome.DONE).stat("build_binaries", stage).build());

    assertEquals("stats.build_binaries.delta", e.getMessage());
    assertEquals("stage is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildResult.newBuilder(BuildOutcome.DONE).stat(" ", Map.of())).getMessage());
    BuildResult result = BuildResult.done(List.of());
    assertThrows(UnsupportedOperationException.class, () -> result.stats().put("x", Map.of()));
    assertThrows(NullPointerException.class, () -> BuildResult.newBuilder(null));
  }

  @Test
  void releaseRequestsAndUpdatesMustSaySomething() {
    assertEquals("builds is empty: a release needs at least one build",
        assertThrows(IllegalArgumentException.class, () -> ReleaseRequest.of(List.of(), 2, 1))
            .getMessage());
    assertEquals("builds[1] must be positive, was 0", assertThrows(
        IllegalArgumentException.class, () -> ReleaseRequest.of(List.of(5L, 0L), 2, 1))
        .getMessage());
    assertThrows(NullPointerException.class, () -> ReleaseUpdate.ofPlan(null));
    assertEquals("release update changes nothing", assertThrows(IllegalArgumentException.class,
        () -> new ReleaseUpdate(null, null, null)).getMessage());
    assertEquals("status UNKNOWN cannot be sent", assertThrows(IllegalArgumentException.class,
        () -> ReleaseQuery.newBuilder().status(ReleaseStatus.UNKNOWN)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> BuildQuery.newBuilder().project(" "));
  }

  @Test
  void signCompletionsNeedAnErrorWhenFailedAndRealDigests() {
    assertEquals("a failed sign task needs an errorMessage", assertThrows(
        IllegalArgumentException.class,
        () -> new SignTaskCompletion(1, false, null, null, null, null)).getMessage());
    assertEquals("errorMessage is blank", assertThrows(IllegalArgumentException.class,
        () -> SignTaskCompletion.failed(1, " ")).getMessage());
    assertEquals("sha256 must be 64 hex digits (SHA-256), has 3 characters",
        assertThrows(IllegalArgumentException.class,
            () -> new SignTaskCompletion.SignedPackage(1, "a.rpm", null, "rpm", "/p/", "FPR",
                "abc", null)).getMessage());
    assertEquals("buildId must be positive, was 0", assertThrows(IllegalArgumentException.class,
        () -> SignTaskCompletion.succeeded(0, List.of())).getMessage());
  }

  @Test
  void pagesKnowWhetherAnotherMayFollow() {
    List<Integer> ten = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertTrue(new AlbsPage<>(ten, 23L, 2).hasNextPage());
    assertFalse(new AlbsPage<>(ten, 20L, 2).hasNextPage());
    assertTrue(new AlbsPage<>(ten, null, 1).hasNextPage());
    assertFalse(new AlbsPage<>(List.of(1), null, 1).hasNextPage());
    assertThrows(IllegalArgumentException.class, () -> new AlbsPage<>(ten, 10L, 0));
  }

  @Test
  void readsAlbsTimestampsWithAndWithoutOffset() {
    assertEquals(Instant.parse("2024-05-14T10:23:45.123456Z"),
        AlbsJson.parse("2024-05-14T10:23:45.123456"));
    assertEquals(Instant.parse("2024-05-14T08:23:45Z"),
        AlbsJson.parse("2024-05-14T10:23:45+02:00"));
    assertEquals(Instant.parse("2024-05-14T10:23:45Z"), AlbsJson.parse("2024-05-14T10:23:45Z"));
    assertEquals(Instant.parse("2024-05-14T10:23:00Z"), AlbsJson.parse("2024-05-14 10:23"));
    assertNull(AlbsJson.parse("2024-05-14"));
    assertNull(AlbsJson.parse("2024-13-14T10:23:45"));
    assertNull(AlbsJson.parse("not a timestamp at all"));
    assertNull(AlbsJson.parse("2024-05-14T10:23:45" + "0".repeat(60)));
  }
}
