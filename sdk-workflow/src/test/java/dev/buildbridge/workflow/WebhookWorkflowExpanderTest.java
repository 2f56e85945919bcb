package dev.buildbridge.workflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.RunsOnResolver;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.webhooks.WorkflowExpansionException;
import dev.buildbridge.workflow.git.GitFixture;
import dev.buildbridge.workflow.git.GitRepositorySource;
import dev.buildbridge.workflow.git.RemoteGitSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookWorkflowExpanderTest {
  private static final String SECRET = "test-secret";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String PATH = ".solstice/workflow.kdl";
  private static final String ZERO = "0000000000000000000000000000000000000000";

  @TempDir Path tmp;
  private GitFixture repo;
  private Path bare;

  @BeforeEach
  void init() throws Exception {
    repo = GitFixture.init(tmp.resolve("work"));
    bare = tmp.resolve("origin.git");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  /** Publishes main to the bare origin and returns a push payload for {@code sha}. */
  private String push(String sha) throws Exception {
    if (java.nio.file.Files.exists(bare)) {
      repo.pushTo(bare);
    } else {
      repo.cloneBare(bare);
    }
    return "{\"ref\":\"refs/heads/main\",\"before\":\"" + ZERO + "\",\"after\":\"" + sha
        + "\",\"deleted\":false,\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\","
        + "\"owner\":{\"login\":\"octo\"},\"clone_url\":\"" + bare.toUri() + "\"}}";
  }

  private static Delivery signed(String body) {
    byte[] bytes = body.getBytes(UTF_8);
    return Delivery.newBuilder()
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(bytes))
        .body(bytes).build();
  }

  private WebhookHandler handler() {
    RemoteGitSource source = RemoteGitSource.newBuilder(tmp.resolve("cache"))
        .allowedSchemes(Set.of("file")).build();
    return WebhookHandler.newBuilder()
        .githubSecret(SECRET)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04"))
        .workflowExpander(WebhookWorkflowExpander.of(WorkflowFanOut.of(source)))
        .build();
  }

  @Test
  void signedPushBecomesOneJobPerWorkflowJobInDependencyOrder() throws Exception {
    String sha = repo.commit("ci", Map.of(PATH, """
        workflow name="CI" {
            job id="build" runs_on="illumos-latest" script=".solstice/build.sh" needs="lint" {
                step name="Build" run="cargo build"
            }
            job id="docs" { step run="make docs"; }
            job id="lint" { step name="fmt" run="cargo fmt --check"; }
        }
        """));
    Decision d = handler().handle(signed(push(sha)));

    assertEquals(Outcome.ACCEPTED, d.outcome(), d.reason());
    assertEquals(202, d.status());
    List<JobRequest> jobs = d.jobs();
    assertEquals(List.of("docs", "lint", "build"),
        jobs.stream().map(JobRequest::workflowJobId).toList());
    UUID group = jobs.get(0).groupId();
    assertNotNull(group);
    for (JobRequest job : jobs) {
      assertEquals(group, job.groupId());
      assertEquals(sha, job.commitSha());
      assertEquals(bare.toUri().toString(), job.repoUrl());
      assertEquals(JobSource.GITHUB, job.source());
      assertEquals(PATH, job.workflowPath());
      assertEquals(NOW, job.submittedAt());
    }
    assertEquals("ubuntu-22.04", jobs.get(0).runsOn(), "the resolver's label for a job without");
    assertEquals("ubuntu-22.04", jobs.get(1).runsOn());
    assertEquals("illumos-latest", jobs.get(2).runsOn());
    assertEquals(".solstice/build.sh", jobs.get(2).scriptPath());
    assertEquals(3, jobs.stream().map(JobRequest::requestId).distinct().count());
  }

  @Test
  void brokenWorkflowIsAnswered422WithItsLocation() throws Exception {
    String sha = repo.commit("broken", Map.of(PATH,
        "workflow {\n    job id=\"a\" needs=\"a\"\n}\n"));
    WebhookHandler handler = handler();
    Delivery delivery = signed(push(sha));
    Decision d = handler.handle(delivery);
    assertEquals(Outcome.INVALID_WORKFLOW, d.outcome());
    assertEquals(422, d.status());
    assertEquals(PATH + ":2:16: job \"a\" needs itself", d.reason());
    assertEquals(List.of(), d.jobs());
    assertEquals(422, handler.handle(delivery).status(), "the delivery id was forgotten");
  }

  @Test
  void syntaxErrorIsAnswered422() throws Exception {
    String sha = repo.commit("broken", Map.of(PATH, "workflow {\n"));
    Decision d = handler().handle(signed(push(sha)));
    assertEquals(422, d.status());
    assertTrue(d.reason().startsWith(PATH + ":"), d.reason());
  }

  @Test
  void commitWithoutAWorkflowFileYieldsOnePlainJob() throws Exception {
    String sha = repo.commit("legacy", Map.of(".solstice/job.sh", "make\n"));
    Decision d = handler().handle(signed(push(sha)));
    assertEquals(Outcome.ACCEPTED, d.outcome());
    assertEquals(1, d.jobs().size());
    JobRequest job = d.jobs().get(0);
    assertNull(job.workflowJobId());
    assertNull(job.workflowPath());
    assertEquals("ubuntu-22.04", job.runsOn());
    assertEquals(sha, job.commitSha());
  }

  @Test
  void workflowWithoutJobsIsAcknowledgedWith204() throws Exception {
    String sha = repo.commit("empty", Map.of(PATH, "workflow name=\"nothing yet\"\n"));
    Decision d = handler().handle(signed(push(sha)));
    assertEquals(Outcome.IGNORED, d.outcome());
    assertEquals(204, d.status());
    assertEquals(List.of(), d.jobs());
  }

  @Test
  void commitTheRemoteDoesNotHaveIsAnswered503() throws Exception {
    String pushed = repo.commit("pushed", Map.of(PATH, "workflow {}\n"));
    String body = push(pushed);
    String unpushed = repo.commit("not pushed", Map.of(PATH, "workflow {}\n"));
    Decision d = handler().handle(signed(body.replace(pushed, unpushed)));
    assertEquals(Outcome.WORKFLOW_UNAVAILABLE, d.outcome());
    assertEquals(503, d.status());
    assertTrue(d.reason().startsWith("commit " + unpushed + " is not on any branch or tag of "),
        d.reason());
  }

  @Test
  void mapsEveryFailureToTheHandlersTwoReasons() throws Exception {
    String sha = repo.commit("big", Map.of(PATH, "workflow {}\n"));
    try (GitRepositorySource source =
        GitRepositorySource.newBuilder(repo.dir()).maxFileBytes(4).build()) {
      WebhookWorkflowExpander expander = WebhookWorkflowExpander.of(WorkflowFanOut.of(source));
      JobRequest template = JobRequest.newBuilder().source(JobSource.GITHUB)
          .repoUrl("https://github.com/octo/hello.git").commitSha(sha).build();
      WorkflowExpansionException tooLarge = assertThrows(WorkflowExpansionException.class,
          () -> expander.expand(template, null));
      assertEquals(WorkflowExpansionException.Reason.INVALID_WORKFLOW, tooLarge.reason());
      assertEquals(WorkflowException.Reason.TOO_LARGE,
          ((WorkflowException) tooLarge.getCause()).reason());

      WorkflowExpansionException unknown = assertThrows(WorkflowExpansionException.class,
          () -> expander.expand(template.toBuilder().commitSha("f".repeat(40)).build(), null));
      assertEquals(WorkflowExpansionException.Reason.WORKFLOW_UNAVAILABLE, unknown.reason());
      assertEquals(unknown.getCause().getMessage(), unknown.getMessage());
      assertSame(source, expander.fanOut().source());
    }
  }
}
