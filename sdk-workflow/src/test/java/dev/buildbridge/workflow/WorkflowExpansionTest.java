package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowExpansionTest {
  private static final Instant SUBMITTED = Instant.parse("2026-03-01T12:00:00Z");
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

  /** The example: build needs lint and is written first. */
  private static final Workflow CI = Workflow.of("CI", List.of(
      WorkflowJob.newBuilder("build").runsOn("illumos-latest").scriptPath(".solstice/build.sh")
          .needs(List.of("lint")).group("illumos").build(),
      WorkflowJob.newBuilder("lint").runsOn("ubuntu-22.04").build(),
      WorkflowJob.newBuilder("docs").build()));

  private static JobRequest.Builder template() {
    return JobRequest.newBuilder().source(JobSource.GITHUB)
        .repoUrl("https://github.com/octo/hello.git").repoOwner("octo").repoName("hello")
        .commitSha(SHA).submittedAt(SUBMITTED);
  }

  @Test
  void oneRequestPerJobInDependencyOrderSharingTheTemplatesGroup() {
    UUID group = UUID.randomUUID();
    JobRequest template = template().groupId(group).build();
    List<JobRequest> jobs = WorkflowExpansion.ofDefaults().expand(CI, template);

    assertEquals(List.of("lint", "build", "docs"),
        jobs.stream().map(JobRequest::workflowJobId).toList());
    Set<UUID> requestIds = new HashSet<>();
    for (JobRequest job : jobs) {
      assertEquals(group, job.groupId());
      assertEquals(".solstice/workflow.kdl", job.workflowPath());
      assertEquals(template.repoUrl(), job.repoUrl());
      assertEquals("octo", job.repoOwner());
      assertEquals("hello", job.repoName());
      assertEquals(SHA, job.commitSha());
      assertEquals(JobSource.GITHUB, job.source());
      assertEquals(SUBMITTED, job.submittedAt());
      assertEquals(JobRequest.SCHEMA_VERSION, job.schemaVersion());
      requestIds.add(job.requestId());
    }
    requestIds.add(template.requestId());
    assertEquals(4, requestIds.size(), "each job has a fresh request id");
    assertEquals("ubuntu-22.04", jobs.get(0).runsOn());
    assertEquals("illumos-latest", jobs.get(1).runsOn());
    assertNull(jobs.get(2).runsOn());
    assertNull(jobs.get(0).scriptPath());
    assertEquals(".solstice/build.sh", jobs.get(1).scriptPath());
  }

  @Test
  void jobsShareOneNewGroupWhenTheTemplateHasNone() {
    List<JobRequest> jobs = WorkflowExpansion.ofDefaults().expand(CI, template().build());
    UUID group = jobs.get(0).groupId();
    assertNotNull(group);
    jobs.forEach(j -> assertEquals(group, j.groupId()));
    List<JobRequest> again = WorkflowExpansion.ofDefaults().expand(CI, template().build());
    assertNotEquals(group, again.get(0).groupId());
  }

  @Test
  void runsOnComesFromTheJobThenTheRepositoryThenTheTemplateThenTheDefault() {
    Workflow w = Workflow.of("CI", List.of(
        WorkflowJob.newBuilder("own").runsOn("job-label").build(),
        WorkflowJob.newBuilder("other").build()));
    WorkflowExpansion all = WorkflowExpansion.newBuilder()
        .runsOnByRepository(Map.of("Octo/Hello", "repo-label"))
        .runsOnDefault("default-label").build();
    JobRequest withLabel = template().runsOn("template-label").build();

    List<JobRequest> jobs = all.expand(w, withLabel);
    assertEquals("job-label", jobs.get(0).runsOn());
    assertEquals("repo-label", jobs.get(1).runsOn(), "per-repository, case-insensitive");

    JobRequest otherRepo = template().repoOwner("someone").repoName("else")
        .runsOn("template-label").build();
    assertEquals("template-label", all.expand(w, otherRepo).get(1).runsOn());

    JobRequest noLabel = template().repoOwner("someone").repoName("else").build();
    assertEquals("default-label", all.expand(w, noLabel).get(1).runsOn());
    assertNull(WorkflowExpansion.ofDefaults().expand(w, noLabel).get(1).runsOn());
  }

  @Test
  void repositoryIsToldFromTheUrlWhenTheTemplateHasNoOwnerOrName() {
    WorkflowJob job = WorkflowJob.newBuilder("a").build();
    WorkflowExpansion e = WorkflowExpansion.newBuilder()
        .runsOnByRepository(Map.of("octo/hello", "repo-label")).build();
    for (String url : new String[] {"https://github.com/octo/hello.git",
        "https://github.com/octo/hello/", "git@github.com:octo/hello.git",
        "ssh://git@host:22/octo/HELLO.GIT"}) {
      JobRequest t = JobRequest.newBuilder().source(JobSource.MANUAL).repoUrl(url).commitSha(SHA)
          .build();
      assertEquals("repo-label", e.runsOn(job, t), url);
    }
    for (String url : new String[] {"hello", "/hello.git", "https://github.com/other/hello.git"}) {
      JobRequest t = JobRequest.newBuilder().source(JobSource.MANUAL).repoUrl(url).commitSha(SHA)
          .build();
      assertNull(e.runsOn(job, t), url);
    }
  }

  @Test
  void scriptPathFallsBackToTheTemplates() {
    JobRequest t = template().scriptPath(".solstice/job.sh").build();
    List<JobRequest> jobs = WorkflowExpansion.ofDefaults().expand(CI, t);
    assertEquals(".solstice/job.sh", jobs.get(0).scriptPath());
    assertEquals(".solstice/build.sh", jobs.get(1).scriptPath());
  }

  @Test
  void selectingAJobExpandsOnlyThatJobWithoutItsNeeds() {
    List<JobRequest> jobs = WorkflowExpansion.newBuilder().jobId("build").build()
        .expand(CI, template().build());
    assertEquals(1, jobs.size());
    assertEquals("build", jobs.get(0).workflowJobId());
    assertEquals("illumos-latest", jobs.get(0).runsOn());
  }

  @Test
  void selectingAnUnknownJobNamesTheKnownOnes() {
    WorkflowExpansion e = WorkflowExpansion.newBuilder().jobId("biuld").build();
    WorkflowException x = assertThrows(WorkflowException.class,
        () -> e.expand(CI, template().build()));
    assertEquals(WorkflowException.Reason.UNKNOWN_JOB, x.reason());
    assertEquals("no job \"biuld\" in .solstice/workflow.kdl; jobs: build, lint, docs",
        x.getMessage());
    WorkflowException none = assertThrows(WorkflowException.class,
        () -> e.expand(Workflow.of(null, List.of()), template().build()));
    assertEquals("no job \"biuld\" in .solstice/workflow.kdl; the workflow has no jobs",
        none.getMessage());
  }

  @Test
  void workflowWithoutJobsExpandsToNothing() {
    assertEquals(List.of(),
        WorkflowExpansion.ofDefaults().expand(Workflow.of("empty", List.of()), template().build()));
  }

  @Test
  void clockStampsSubmittedAtWhenSet() {
    Instant now = Instant.parse("2026-04-01T08:30:00.123456Z");
    WorkflowExpansion e = WorkflowExpansion.newBuilder()
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    List<JobRequest> jobs = e.expand(CI, template().build());
    jobs.forEach(j -> assertEquals(Instant.parse("2026-04-01T08:30:00.123Z"), j.submittedAt()));
    assertEquals(SUBMITTED,
        e.toBuilder().clock(null).build().expand(CI, template().build()).get(0).submittedAt());
  }

  @Test
  void workflowPathIsSetOnEveryRequest() {
    WorkflowExpansion e = WorkflowExpansion.newBuilder().workflowPath("ci/other.kdl").build();
    e.expand(CI, template().build()).forEach(j -> assertEquals("ci/other.kdl", j.workflowPath()));
    assertEquals("ci/other.kdl", e.toBuilder().build().workflowPath());
  }

  @Test
  void builderChecksItsArgumentsAndNamesTheBadOne() {
    WorkflowExpansion.Builder b = WorkflowExpansion.newBuilder();
    assertThrows(IllegalArgumentException.class, () -> b.workflowPath("../workflow.kdl"));
    assertEquals("runsOnByRepository key must be owner/name, not hello",
        assertThrows(IllegalArgumentException.class,
            () -> b.runsOnByRepository(Map.of("hello", "x"))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> b.runsOnByRepository(Map.of("octo/", "x")));
    assertEquals("label of octo/hello is empty", assertThrows(IllegalArgumentException.class,
        () -> b.runsOnByRepository(Map.of("octo/hello", ""))).getMessage());
    assertEquals("label is empty",
        assertThrows(IllegalArgumentException.class, () -> b.runsOnDefault("")).getMessage());
    assertEquals("jobId is empty",
        assertThrows(IllegalArgumentException.class, () -> b.jobId("")).getMessage());
    WorkflowExpansion gitlab = b.runsOnByRepository(Map.of("group/sub/repo", "x")).build();
    assertEquals(Map.of("group/sub/repo", "x"), gitlab.runsOnByRepository());
    assertEquals(java.util.Optional.empty(), gitlab.jobId());
    assertEquals(java.util.Optional.empty(), gitlab.runsOnDefault());
  }
}
