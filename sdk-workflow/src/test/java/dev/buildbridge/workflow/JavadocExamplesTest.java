package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.webhooks.RunsOnResolver;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.workflow.git.GitFixture;
import dev.buildbridge.workflow.git.GitRepositorySource;
import dev.buildbridge.workflow.git.RemoteGitSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class examples of the public types, as written there, so they keep compiling. */
class JavadocExamplesTest {
  @TempDir Path tmp;

  @Test
  void workflowAndExpansionExamples() {
    String text = WorkflowParserTest.ISSUE_EXAMPLE;
    List<String> seen = new ArrayList<>();
    // Workflow
    Workflow workflow = WorkflowParser.ofDefaults().parse(".solstice/workflow.kdl", text);
    for (WorkflowJob job : workflow.jobsInDependencyOrder()) {
      seen.add(job.id() + " on " + job.runsOn() + " after " + job.needs());
    }
    workflow.warnings().forEach(System.err::println);
    assertEquals(List.of("lint on ubuntu-22.04 after []", "build on illumos-latest after [lint]"),
        seen);

    // WorkflowExpansion
    JobRequest template = JobRequest.newBuilder().source(JobSource.GITHUB)
        .repoUrl("https://github.com/octo/kernel.git").repoOwner("octo").repoName("kernel")
        .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e").build();
    WorkflowExpansion expansion = WorkflowExpansion.newBuilder()
        .runsOnByRepository(Map.of("octo/kernel", "riscv64"))
        .runsOnDefault("illumos-latest")
        .build();
    List<JobRequest> jobs = expansion.expand(workflow, template);
    assertEquals(2, jobs.size());

    // WorkflowJob and WorkflowStep
    WorkflowJob build = WorkflowJob.newBuilder("build")
        .runsOn("illumos-latest")
        .scriptPath(".solstice/build.sh")
        .needs(List.of("lint"))
        .step(new WorkflowStep("Build", "cargo build", null))
        .build();
    assertEquals(workflow.jobs().get(1).runsOn(), build.runsOn());
  }

  @Test
  void sourceFanOutAndExceptionExamples() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("hello.git"))) {
      String sha = repo.commit("ci", Map.of(".solstice/workflow.kdl",
          WorkflowParserTest.ISSUE_EXAMPLE));
      Path dir = repo.dir();

      // GitRepositorySource
      try (GitRepositorySource source = GitRepositorySource.open(dir)) {
        Optional<WorkflowFile> file = source.read(sha, ".solstice/workflow.kdl");
        assertTrue(file.isPresent());
      }

      // WorkflowSource and WorkflowFile
      try (GitRepositorySource source = GitRepositorySource.open(dir)) {
        Optional<WorkflowFile> file = source.read("https://github.com/octo/hello.git", sha,
            ".solstice/workflow.kdl");
        Workflow workflow =
            WorkflowParser.ofDefaults().parse(file.get().path(), file.get().bytes());
        assertEquals(2, workflow.jobs().size());

        // package dev.buildbridge.workflow, WorkflowException
        JobRequest template = JobRequest.newBuilder().source(JobSource.GITHUB)
            .repoUrl("https://github.com/octo/hello.git").commitSha(sha).build();
        WorkflowFanOut fanOut = WorkflowFanOut.newBuilder(source)
            .expansion(WorkflowExpansion.newBuilder().runsOnDefault("illumos-latest").build())
            .build();
        boolean retry = false;
        try {
          List<JobRequest> jobs = fanOut.expand(template);
          assertEquals(2, jobs.size());
        } catch (WorkflowException e) {
          if (e.isRetryable()) {
            retry = true;
          } else {
            e.problems().forEach(System.err::println);
          }
        }
        assertFalse(retry);
      }
    }
  }

  @Test
  void remoteSourceAndWebhookExamplesBuild() {
    String token = "not-a-real-token";
    String secret = "webhook-secret";
    // RemoteGitSource (built only: reading would reach github.com)
    RemoteGitSource source = RemoteGitSource.newBuilder(tmp.resolve("cache"))
        .credentials(new UsernamePasswordCredentialsProvider("x-access-token", token))
        .timeout(Duration.ofSeconds(30))
        .build();
    assertFalse(source.toString().contains(token));

    // WorkflowFanOut
    WorkflowFanOut fanOut = WorkflowFanOut.newBuilder(
            RemoteGitSource.newBuilder(tmp.resolve("cache")).build())
        .expansion(WorkflowExpansion.newBuilder().runsOnDefault("illumos-latest").build())
        .build();
    assertEquals(Optional.of("illumos-latest"), fanOut.expansion().runsOnDefault());

    // WebhookWorkflowExpander
    WebhookHandler handler = WebhookHandler.newBuilder()
        .githubSecret(secret)
        .runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04"))
        .workflowExpander(WebhookWorkflowExpander.of(WorkflowFanOut.of(
            RemoteGitSource.newBuilder(tmp.resolve("cache")).build())))
        .build();
    assertNotNull(handler);
  }
}
