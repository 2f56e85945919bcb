package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowModelTest {

  private static WorkflowJob job(String id, String... needs) {
    return WorkflowJob.newBuilder(id).needs(List.of(needs)).build();
  }

  private static List<String> ids(List<WorkflowJob> jobs) {
    List<String> out = new ArrayList<>();
    jobs.forEach(j -> out.add(j.id()));
    return out;
  }

  @Test
  void dependencyOrderKeepsFileOrderWhereTheNeedsAllowIt() {
    Workflow w = Workflow.of("CI", List.of(job("c", "b"), job("a"), job("b"), job("d", "a")));
    assertEquals(List.of("a", "b", "c", "d"), ids(w.jobsInDependencyOrder()));
    assertEquals(List.of("c", "a", "b", "d"), w.jobIds());

    Workflow diamond = Workflow.of(null, List.of(job("deploy", "test", "build"),
        job("test", "build"), job("lint"), job("build", "lint")));
    assertEquals(List.of("lint", "build", "test", "deploy"),
        ids(diamond.jobsInDependencyOrder()));
  }

  @Test
  void dependencyOrderOfIndependentJobsIsFileOrder() {
    Workflow w = Workflow.of("CI", List.of(job("z"), job("y"), job("x")));
    assertEquals(List.of("z", "y", "x"), ids(w.jobsInDependencyOrder()));
  }

  @Test
  void constructorRejectsACycleNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Workflow.of("CI", List.of(job("a", "b"), job("b", "c"), job("c", "a"))));
    assertEquals("needs cycle: a -> b -> c -> a", e.getMessage());
  }

  @Test
  void constructorRejectsSelfNeedsUnknownNeedsAndDuplicateIds() {
    assertEquals("job a needs itself", assertThrows(IllegalArgumentException.class,
        () -> Workflow.of("CI", List.of(job("a", "a")))).getMessage());
    assertEquals("job a needs nope, which is not a job of the workflow",
        assertThrows(IllegalArgumentException.class,
            () -> Workflow.of("CI", List.of(job("a", "nope")))).getMessage());
    assertEquals("two jobs have the id a", assertThrows(IllegalArgumentException.class,
        () -> Workflow.of("CI", List.of(job("a"), job("a")))).getMessage());
  }

  @Test
  void longNeedsChainsNeitherOverflowTheStackNorTakeQuadraticTime() {
    int n = 100_000;
    List<WorkflowJob> jobs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      jobs.add(i == 0 ? job("j0") : job("j" + i, "j" + (i - 1)));
    }
    List<WorkflowJob> reversed = new ArrayList<>(jobs);
    java.util.Collections.reverse(reversed);
    Workflow w = Workflow.of("long", reversed);
    List<WorkflowJob> order = w.jobsInDependencyOrder();
    assertEquals("j0", order.get(0).id());
    assertEquals("j" + (n - 1), order.get(n - 1).id());

    jobs.set(0, job("j0", "j" + (n - 1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workflow.of("ring", jobs));
    assertEquals("needs cycle: j0 -> j99999 -> j99998 -> j99997 -> j99996 -> j99995 -> j99994"
        + " -> j99993 -> j99992 -> j99991 -> ... 99980 more ... -> j10 -> j9 -> j8 -> j7 -> j6"
        + " -> j5 -> j4 -> j3 -> j2 -> j1 -> j0", e.getMessage());
  }

  @Test
  void cyclesAreFoundOncePerStronglyConnectedSetAndAreShortest() {
    // a <-> b, b -> c -> a (one component: shortest cycle through a is a -> b -> a);
    // d -> e -> d (another component); f needs a (blocked but on no cycle)
    int[][] needs = {{1}, {0, 2}, {0}, {4}, {3}, {0}};
    List<int[]> cycles = new JobGraph(needs).cycles();
    assertEquals(2, cycles.size());
    assertArrayEquals(new int[] {0, 1}, cycles.get(0));
    assertArrayEquals(new int[] {3, 4}, cycles.get(1));
    assertEquals(List.of(), new JobGraph(new int[][] {{}, {0}, {1}}).cycles());
  }

  @Test
  void jobBuilderRoundTripsAndKeepsEnvOrder() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Z_LAST_ALPHABETICALLY", "1");
    env.put("A_FIRST", "2");
    KdlLocation at = new KdlLocation("ci.kdl", 3, 5);
    WorkflowJob job = WorkflowJob.newBuilder("build").runsOn("illumos-latest")
        .scriptPath(".solstice/build.sh").needs(List.of("lint")).group("illumos").env(env)
        .setupPath(".solstice/setup.sh").step(new WorkflowStep("Build", "cargo build", null))
        .location(at).build();
    assertEquals(List.of("Z_LAST_ALPHABETICALLY", "A_FIRST"), new ArrayList<>(job.env().keySet()));
    assertEquals(job, job.toBuilder().build());
    assertEquals("lint", job.needs().get(0));
    assertEquals(at, job.location());
    assertNotEquals(job, job.toBuilder().id("other").build());
    assertThrows(UnsupportedOperationException.class, () -> job.env().put("X", "y"));
  }

  @Test
  void jobRejectsWhatNoWorkflowFileCouldHold() {
    assertEquals("id is empty", assertThrows(IllegalArgumentException.class,
        () -> WorkflowJob.newBuilder("")).getMessage());
    assertEquals("id is null", assertThrows(IllegalArgumentException.class,
        () -> WorkflowJob.newBuilder(null)).getMessage());
    assertEquals("job a needs b twice", assertThrows(IllegalArgumentException.class,
        () -> job("a", "b", "b")).getMessage());
    assertEquals("env name 1X is not a valid variable name",
        assertThrows(IllegalArgumentException.class,
            () -> WorkflowJob.newBuilder("a").env(Map.of("1X", "v"))).getMessage());
    assertEquals("runsOn is empty", assertThrows(IllegalArgumentException.class,
        () -> WorkflowJob.newBuilder("a").runsOn("")).getMessage());
    assertEquals("run is empty",
        assertThrows(IllegalArgumentException.class, () -> new WorkflowStep("x", "", null))
            .getMessage());
  }

  @Test
  void jobLookupByIdAndAbsentJob() {
    Workflow w = Workflow.of("CI", List.of(job("a"), job("b", "a")));
    assertEquals(Optional.of("b"), w.job("b").map(WorkflowJob::id));
    assertEquals(Optional.empty(), w.job("c"));
  }

  @Test
  void workflowFileCopiesItsBytesInAndOut() {
    byte[] content = "workflow {}".getBytes(StandardCharsets.UTF_8);
    WorkflowFile file = new WorkflowFile(".solstice/workflow.kdl", "abc", content);
    content[0] = 'X';
    file.bytes()[0] = 'Y';
    assertEquals("workflow {}", file.text());
    assertEquals(11, file.size());
    assertEquals(file, new WorkflowFile(".solstice/workflow.kdl", "abc",
        "workflow {}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(file.hashCode(), new WorkflowFile(".solstice/workflow.kdl", "abc",
        "workflow {}".getBytes(StandardCharsets.UTF_8)).hashCode());
    assertEquals("WorkflowFile[path=.solstice/workflow.kdl, commit=abc, 11 bytes]",
        file.toString());
  }

  @Test
  void problemPrintsAsFileLineColumnMessage() {
    WorkflowProblem p = new WorkflowProblem(new KdlLocation("ci.kdl", 12, 7), "unknown node");
    assertEquals("ci.kdl:12:7: unknown node", p.toString());
  }

  @Test
  void invalidExceptionSummarizesItsProblems() {
    WorkflowProblem first = new WorkflowProblem(new KdlLocation("ci.kdl", 1, 1), "first");
    WorkflowProblem second = new WorkflowProblem(new KdlLocation("ci.kdl", 2, 1), "second");
    WorkflowException one = WorkflowException.invalid(List.of(first));
    WorkflowException two = WorkflowException.invalid(List.of(first, second));
    assertEquals("ci.kdl:1:1: first", one.getMessage());
    assertEquals("ci.kdl:1:1: first (and 1 more)", two.getMessage());
    assertEquals("INVALID", two.code());
    assertEquals(List.of(first, second), two.problems());
    assertEquals(Optional.of(first.location()), two.location());
    assertFalse(two.isRetryable());
    assertThrows(IllegalArgumentException.class, () -> WorkflowException.invalid(List.of()));
  }

  @Test
  void plainConstructorIsForFailuresThatAreNotAboutTheContent() {
    assertThrows(IllegalArgumentException.class,
        () -> new WorkflowException(WorkflowException.Reason.INVALID, "x", null));
    assertThrows(IllegalArgumentException.class,
        () -> new WorkflowException(WorkflowException.Reason.SYNTAX, "x", null));
    WorkflowException e = new WorkflowException(WorkflowException.Reason.SOURCE_UNREADABLE,
        "cannot fetch", null);
    assertTrue(e.isRetryable());
    assertEquals(List.of(), e.problems());
    assertEquals(Optional.empty(), e.location());
    assertFalse(new WorkflowException(WorkflowException.Reason.TOO_LARGE, "big", null)
        .isRetryable());
  }

  @Test
  void checkPathAcceptsNormalizedRelativePathsOnly() {
    assertEquals(".solstice/workflow.kdl", WorkflowSource.checkPath(".solstice/workflow.kdl"));
    assertEquals("a/..b/c.", WorkflowSource.checkPath("a/..b/c."));
    for (String bad : new String[] {null, "", "/a", "a/", "a//b", ".", "..", "a/./b", "a/../b",
        "a\\b", "a\u0000b", "x".repeat(4097)}) {
      assertThrows(IllegalArgumentException.class, () -> WorkflowSource.checkPath(bad), bad);
    }
  }
}
