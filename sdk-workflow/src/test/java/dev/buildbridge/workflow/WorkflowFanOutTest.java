package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.workflow.git.GitFixture;
import dev.buildbridge.workflow.git.GitRepositorySource;
import dev.buildbridge.workflow.git.RemoteGitSource;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFanOutTest {
  private static final String PATH = ".solstice/workflow.kdl";
  private static final String FIRST = """
      workflow name="CI" {
          job id="build" runs_on="ubuntu-22.04" needs="lint" { step run="make" }
          job id="lint" { step run="make lint" }
      }
      """;
  private static final String SECOND = """
      workflow name="CI" {
          job id="test" script=".solstice/test.sh" { step run="make test" }
          job id="package" runs_on="illumos-latest" needs="test"
      }
      """;

  @TempDir Path tmp;
  private GitFixture repo;

  @BeforeEach
  void init() throws Exception {
    repo = GitFixture.init(tmp.resolve("work"));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private JobRequest template(String sha) {
    return JobRequest.newBuilder().source(JobSource.GITHUB).repoUrl(repo.dir().toUri().toString())
        .repoOwner("octo").repoName("hello").commitSha(sha).runsOn("resolver-label")
        .groupId(UUID.randomUUID()).build();
  }

  private static List<String> ids(List<JobRequest> jobs) {
    return jobs.stream().map(JobRequest::workflowJobId).toList();
  }

  @Test
  void expandsEachVersionOfTheWorkflowAtItsOwnCommit() throws Exception {
    String first = repo.commit("first workflow", Map.of(PATH, FIRST));
    String second = repo.commit("second workflow", Map.of(PATH, SECOND));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowFanOut fanOut = WorkflowFanOut.of(source);

      JobRequest atFirst = template(first);
      List<JobRequest> one = fanOut.expand(atFirst);
      assertEquals(List.of("lint", "build"), ids(one));
      assertEquals("resolver-label", one.get(0).runsOn());
      assertEquals("ubuntu-22.04", one.get(1).runsOn());
      one.forEach(j -> assertEquals(atFirst.groupId(), j.groupId()));
      one.forEach(j -> assertEquals(first, j.commitSha()));
      one.forEach(j -> assertEquals(PATH, j.workflowPath()));

      JobRequest atSecond = template(second);
      List<JobRequest> two = fanOut.expand(atSecond);
      assertEquals(List.of("test", "package"), ids(two));
      assertEquals(".solstice/test.sh", two.get(0).scriptPath());
      assertEquals("illumos-latest", two.get(1).runsOn());
      two.forEach(j -> assertEquals(atSecond.groupId(), j.groupId()));
    }
  }

  @Test
  void commitWithoutAWorkflowYieldsThePlainRequest() throws Exception {
    String sha = repo.commit("no workflow", Map.of("README", "hi\n"));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      JobRequest template = template(sha);
      List<JobRequest> jobs = WorkflowFanOut.of(source).expand(template);
      assertEquals(1, jobs.size());
      assertSame(template, jobs.get(0));
      assertNull(jobs.get(0).workflowJobId());
      assertEquals(Optional.empty(), WorkflowFanOut.of(source).read(template.repoUrl(), sha));
    }
  }

  @Test
  void commitWithoutAWorkflowStillGetsThePerRepositoryOrDefaultRunsOn() throws Exception {
    String sha = repo.commit("no workflow", Map.of("README", "hi\n"));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      JobRequest unlabelled = template(sha).toBuilder().runsOn(null).build();
      WorkflowFanOut byRepo = WorkflowFanOut.newBuilder(source).expansion(WorkflowExpansion
          .newBuilder().runsOnByRepository(Map.of("Octo/Hello", "riscv64"))
          .runsOnDefault("fallback").build()).build();
      WorkflowFanOut byDefault = WorkflowFanOut.newBuilder(source).expansion(WorkflowExpansion
          .newBuilder().runsOnDefault("fallback").build()).build();
      assertEquals("riscv64", byRepo.expand(unlabelled).get(0).runsOn());
      assertEquals("fallback", byDefault.expand(unlabelled).get(0).runsOn());
      assertEquals("resolver-label", byDefault.expand(template(sha)).get(0).runsOn());
      assertEquals(unlabelled.requestId(), byDefault.expand(unlabelled).get(0).requestId());
    }
  }

  @Test
  void brokenWorkflowIsInvalidWithItsLocation() throws Exception {
    repo.commit("good", Map.of(PATH, FIRST));
    String broken = repo.commit("broken", Map.of(PATH,
        "workflow {\n    job id=\"a\" needs=\"b\"\n}\n"));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class,
          () -> WorkflowFanOut.of(source).expand(template(broken)));
      assertEquals(WorkflowException.Reason.INVALID, e.reason());
      assertEquals(PATH + ":2:16: job \"a\" needs unknown job \"b\"; known jobs: a",
          e.getMessage());
    }
  }

  @Test
  void unknownCommitIsRetryable() throws Exception {
    repo.commit("first", Map.of(PATH, FIRST));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowFanOut.of(source)
          .expand(template("1111111111111111111111111111111111111111")));
      assertEquals(WorkflowException.Reason.COMMIT_NOT_FOUND, e.reason());
      assertTrue(e.isRetryable());
    }
  }

  @Test
  void readsTheConfiguredPathAndSelectsOneJob() throws Exception {
    String sha = repo.commit("elsewhere", Map.of("ci/workflow.kdl", SECOND, PATH, FIRST));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowFanOut fanOut = WorkflowFanOut.newBuilder(source)
          .expansion(WorkflowExpansion.newBuilder().workflowPath("ci/workflow.kdl")
              .jobId("package").build())
          .parser(WorkflowParser.newBuilder().strict(true).build())
          .build();
      List<JobRequest> jobs = fanOut.expand(template(sha));
      assertEquals(List.of("package"), ids(jobs));
      assertEquals("ci/workflow.kdl", jobs.get(0).workflowPath());
      assertTrue(fanOut.toBuilder().build().parser().strict());
      assertEquals(Optional.of("package"), fanOut.expansion().jobId());
      assertSame(source, fanOut.source());
    }
  }

  @Test
  void expandsFromARemoteMirroredOverAFileUrl() throws Exception {
    String first = repo.commit("first", Map.of(PATH, FIRST));
    Path bare = repo.cloneBare(tmp.resolve("origin.git"));
    RemoteGitSource remote = RemoteGitSource.newBuilder(tmp.resolve("cache"))
        .allowedSchemes(Set.of("file")).build();
    WorkflowFanOut fanOut = WorkflowFanOut.of(remote);
    JobRequest t1 = template(first).toBuilder().repoUrl(bare.toUri().toString()).build();
    assertEquals(List.of("lint", "build"), ids(fanOut.expand(t1)));

    String second = repo.commit("second", Map.of(PATH, SECOND));
    String removed = repo.commit("removed", Collections.singletonMap(PATH, null));
    repo.pushTo(bare);
    JobRequest t2 = t1.toBuilder().commitSha(second).build();
    assertEquals(List.of("test", "package"), ids(fanOut.expand(t2)));
    JobRequest t3 = t1.toBuilder().commitSha(removed).build();
    assertEquals(List.of(t3), fanOut.expand(t3));
  }

  @Test
  void rejectsANullTemplateOrSource() {
    assertThrows(NullPointerException.class, () -> WorkflowFanOut.of(null));
    WorkflowFanOut fanOut = WorkflowFanOut.of((url, sha, path) -> Optional.empty());
    assertThrows(NullPointerException.class, () -> fanOut.expand(null));
  }
}
