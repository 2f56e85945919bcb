package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.signing.WebhookHmac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final String WORKFLOW = """
      workflow name="CI" {
          job id="build" runs_on="illumos-latest" script=".solstice/build.sh" needs="lint" {
              step name="Build" run="cargo build"
          }
          job id="lint" { step name="fmt" run="cargo fmt --check" }
      }
      """;

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void fileExpandsIntoOneJobPerJobInDependencyOrderSharingAGroup(@TempDir Path dir)
      throws IOException {
    Path file = write(dir, "workflow.kdl", WORKFLOW);
    Cli.Result r = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://github.com/octo/hello.git", "--commit", SHA,
        "--runs-on-map", "octo/hello=ubuntu-22.04", "--runs-on-default", "fallback");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode jobs = r.json();
    assertEquals(2, jobs.size());
    assertEquals("lint", jobs.get(0).get("workflow_job_id").asText());
    assertEquals("ubuntu-22.04", jobs.get(0).get("runs_on").asText());
    assertEquals("build", jobs.get(1).get("workflow_job_id").asText());
    assertEquals("illumos-latest", jobs.get(1).get("runs_on").asText());
    assertEquals(".solstice/build.sh", jobs.get(1).get("script_path").asText());
    assertEquals(jobs.get(0).get("group_id"), jobs.get(1).get("group_id"));
    assertEquals(".solstice/workflow.kdl", jobs.get(0).get("workflow_path").asText());
    assertEquals(SHA, jobs.get(1).get("commit_sha").asText());
    assertEquals("manual", jobs.get(1).get("source").asText());
  }

  @Test
  void jobOptionSelectsOneJobAndAnUnknownOneIsAnError(@TempDir Path dir) throws IOException {
    Path file = write(dir, "workflow.kdl", WORKFLOW);
    Cli.Result one = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA, "--job", "build");
    assertEquals(1, one.json().size());
    assertEquals("build", one.json().get(0).get("workflow_job_id").asText());
    Cli.Result none = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA, "--job", "deploy");
    assertEquals(Main.USAGE, none.exit());
    assertTrue(none.err().contains("deploy"), none.err());
    assertEquals("", none.out());
  }

  @Test
  void invalidWorkflowExitsTwoWithOneLineColumnLinePerProblem(@TempDir Path dir)
      throws IOException {
    Path file = write(dir, "bad.kdl", """
        workflow name="CI" {
            job runs_on="x" { step name="a" run="b" }
            job id="build" needs="nope" { step name="a" run="b" }
        }
        """);
    Cli.Result r = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA);
    assertEquals(Main.USAGE, r.exit());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(2, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith(file + ":2:5: "), lines.get(0));
    assertTrue(lines.get(1).startsWith(file + ":3:"), lines.get(1));
    assertTrue(lines.get(1).contains("nope"), lines.get(1));
  }

  @Test
  void kdlSyntaxErrorExitsTwoWithItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = write(dir, "broken.kdl", "workflow name=\"CI\" {\n    job id=\"a\n");
    Cli.Result r = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA);
    assertEquals(Main.USAGE, r.exit());
    assertEquals(List.of(file + ":3:1: unterminated string started at 2:12"), r.errLines());
  }

  @Test
  void unknownNodesAreWarningsOnStderrAndErrorsWithStrict(@TempDir Path dir) throws IOException {
    Path file = write(dir, "w.kdl", "workflow {\n    job id=\"a\" { stepz run=\"x\" }\n}\n");
    Cli.Result lenient = Cli.exec("workflow", "expand", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA);
    assertEquals(Main.OK, lenient.exit(), lenient.err());
    assertTrue(lenient.err().startsWith(file + ":2:18: warning: "), lenient.err());
    assertEquals(1, lenient.json().size());
    Cli.Result strict = Cli.exec("workflow", "expand", "--strict", "--file", file.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", SHA);
    assertEquals(Main.USAGE, strict.exit());
    assertTrue(strict.err().startsWith(file + ":2:18: "), strict.err());
  }

  @Test
  void gitDirExpandsEachCommitByItsOwnWorkflowAndACommitWithoutOneGivesOnePlainJob(
      @TempDir Path dir) throws IOException, GitAPIException {
    Path repo = dir.resolve("repo");
    String bare;
    String first;
    String second;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo, "README", "hello\n");
      git.add().addFilepattern(".").call();
      bare = commit(git, "no workflow yet");
      Files.createDirectories(repo.resolve(".solstice"));
      write(repo, ".solstice/workflow.kdl",
          "workflow { job id=\"one\" { step name=\"s\" run=\"true\" } }\n");
      git.add().addFilepattern(".").call();
      first = commit(git, "workflow v1");
      write(repo, ".solstice/workflow.kdl", WORKFLOW);
      git.add().addFilepattern(".").call();
      second = commit(git, "workflow v2");
    }
    assertEquals(List.of("one"), jobIds(expandAt(repo, first)));
    assertEquals(List.of("lint", "build"), jobIds(expandAt(repo, second)));
    JsonNode plain = expandAt(repo, bare);
    assertEquals(1, plain.size());
    assertTrue(plain.get(0).get("workflow_job_id").isNull());
  }

  @Test
  void gitDirWithAnUnknownCommitExitsTwo(@TempDir Path dir) throws GitAPIException {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      git.commit().setMessage("empty").setAllowEmpty(true).call();
    }
    Cli.Result r = Cli.exec("workflow", "expand", "--git-dir", dir.toString(),
        "--repo-url", "https://x/o/r.git", "--commit", "1111111111111111111111111111111111111111");
    assertEquals(Main.USAGE, r.exit());
    assertTrue(r.err().startsWith("buildbridge: workflow: "), r.err());
  }

  @Test
  void fileAndGitDirAreExclusiveAndRepoUrlIsRequired(@TempDir Path dir) throws IOException {
    Path file = write(dir, "w.kdl", WORKFLOW);
    Cli.exec("workflow", "expand", "--repo-url", "u", "--commit", SHA)
        .assertUsageError("buildbridge: workflow expand: give --file FILE or --git-dir DIR");
    Cli.exec("workflow", "expand", "--file", file.toString(), "--git-dir", dir.toString(),
        "--repo-url", "u", "--commit", SHA)
        .assertUsageError("buildbridge: workflow expand: give --file FILE or --git-dir DIR");
    Cli.exec("workflow", "expand", "--file", file.toString(), "--commit", SHA)
        .assertUsageError("buildbridge: workflow expand: --repo-url URL is required");
  }

  @Test
  void webhookWithWorkflowTurnsAPushIntoOneJobPerWorkflowJob(@TempDir Path dir)
      throws IOException {
    Path file = write(dir, "workflow.kdl", WORKFLOW);
    String push = "{\"ref\":\"refs/heads/main\",\"after\":\"" + SHA + "\","
        + "\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\","
        + "\"owner\":{\"login\":\"octo\"},\"clone_url\":\"https://github.com/octo/hello.git\"}}";
    String signature = WebhookHmac.github("s").sign(push.getBytes(UTF_8));
    Cli.Result r = Cli.run(push, "webhook", "--secret", "s", "-H", "X-GitHub-Event: push",
        "-H", "X-Hub-Signature-256: " + signature, "--workflow", file.toString(),
        "--runs-on-default", "ubuntu-22.04");
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode jobs = r.json().get("jobs");
    assertEquals(2, jobs.size());
    assertEquals("lint", jobs.get(0).get("workflow_job_id").asText());
    assertEquals("ubuntu-22.04", jobs.get(0).get("runs_on").asText());
    assertEquals("illumos-latest", jobs.get(1).get("runs_on").asText());
    assertEquals("github", jobs.get(1).get("source").asText());
  }

  @Test
  void webhookWithAnInvalidWorkflowExitsTwoBeforeReadingTheDelivery(@TempDir Path dir)
      throws IOException {
    Path file = write(dir, "w.kdl", "workflow {\n    job id=\"a\" needs=\"a\"\n}\n");
    Cli.Result r = Cli.run("{}", "webhook", "--allow-unsigned", "-H", "X-GitHub-Event: push",
        "--workflow", file.toString());
    assertEquals(Main.USAGE, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(file + ":2:"), r.err());
  }

  private static String commit(Git git, String message) throws GitAPIException {
    RevCommit c = git.commit().setMessage(message).setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com").call();
    return c.name();
  }

  private static JsonNode expandAt(Path repo, String sha) {
    Cli.Result r = Cli.exec("workflow", "expand", "--git-dir", repo.toString(),
        "--repo-url", "https://github.com/octo/hello.git", "--commit", sha);
    assertEquals(Main.OK, r.exit(), r.err());
    return r.json();
  }

  private static List<String> jobIds(JsonNode jobs) {
    return java.util.stream.StreamSupport.stream(jobs.spliterator(), false)
        .map(j -> j.get("workflow_job_id").asText()).toList();
  }
}
