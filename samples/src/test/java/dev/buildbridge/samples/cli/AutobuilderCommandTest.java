package dev.buildbridge.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutobuilderCommandTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final Map<String, String> CONFIGS = Map.of(
      "threefoldtech/zos/main.yaml", """
          buildscripts: [autobuild/zos.sh, autobuild/kernel.sh]
          autobuild/zos.sh: {artifact: zos.tar.gz, baseimage: "ubuntu:18.04", tags: x}
          autobuild/kernel.sh: {artifact: zero-os.efi}
          """,
      "threefoldtech/0-core/master.yaml", """
          buildscripts: [autobuild/core.sh]
          autobuild/core.sh: {archives: /target}
          """,
      "README.md", "configs\n");

  @TempDir Path dir;

  @BeforeEach
  void writeConfigs() throws IOException {
    for (Map.Entry<String, String> e : CONFIGS.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
  }

  private Cli.Result expand(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("autobuilder", "expand",
        "--config-dir", dir.toString(), "--commit", SHA));
    args.addAll(List.of(more));
    return Cli.exec(args.toArray(new String[0]));
  }

  @Test
  void aPushToATrackedBranchPrintsOneJobPerBuildScriptAndItsWarnings() {
    Cli.Result r = expand("--repo", "threefoldtech/zos", "--branch", "main");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(List.of("threefoldtech/zos/main.yaml:2:69: warning: unknown key \"tags\" in the"
        + " section of \"autobuild/zos.sh\" (did you mean \"tag\"?); known keys: artifact,"
        + " archives, baseimage, tag"), r.errLines());
    JsonNode jobs = r.json();
    assertEquals(2, jobs.size());
    assertEquals("autobuild/zos.sh", jobs.get(0).get("script_path").asText());
    assertEquals("ubuntu:18.04", jobs.get(0).get("runs_on").asText());
    assertEquals("autobuild/kernel.sh", jobs.get(1).get("script_path").asText());
    assertEquals("ubuntu:16.04", jobs.get(1).get("runs_on").asText());
    assertEquals(jobs.get(0).get("group_id"), jobs.get(1).get("group_id"));
    assertEquals("https://github.com/threefoldtech/zos.git", jobs.get(0).get("repo_url").asText());
    assertEquals("threefoldtech", jobs.get(0).get("repo_owner").asText());
    assertEquals(SHA, jobs.get(1).get("commit_sha").asText());
    assertEquals("manual", jobs.get(1).get("source").asText());
  }

  @Test
  void aPushToAnUntrackedBranchPrintsNoJobs() {
    Cli.Result r = expand("--repo", "threefoldtech/zos", "--branch", "feature/x");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("[]", r.outLine());
    assertEquals("", r.err());
    assertEquals("[]", expand("--repo", "octo/hello", "--branch", "main").outLine());
  }

  @Test
  void aPushToABrokenConfigExitsTwoWithItsProblems() {
    Cli.Result r = expand("--repo", "threefoldtech/0-core", "--branch", "master");
    assertEquals(Main.USAGE, r.exit());
    assertEquals("", r.out());
    assertEquals(List.of("threefoldtech/0-core/master.yaml:2:20: the section of"
        + " \"autobuild/core.sh\" needs artifact, the file the build makes"), r.errLines());
  }

  @Test
  void strictMakesWarningsErrors() {
    Cli.Result r = expand("--repo", "threefoldtech/zos", "--branch", "main", "--strict");
    assertEquals(Main.USAGE, r.exit());
    assertTrue(r.err().startsWith("threefoldtech/zos/main.yaml:2:69: unknown key \"tags\""),
        r.err());
  }

  @Test
  void readsAGitRepositoryAtACommitNotItsWorkTree() throws GitAPIException, IOException {
    PersonIdent me = new PersonIdent("Test", "test@example.org");
    String commit;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit = git.commit().setMessage("configs").setAuthor(me).setCommitter(me).call().name();
    }
    Files.writeString(dir.resolve("threefoldtech/zos/main.yaml"), "broken: [\n");
    Cli.Result r = expand("--repo", "threefoldtech/zos", "--branch", "main",
        "--config-commit", commit, "--repo-url", "https://git.example.org/zos.git");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(2, r.json().size());
    assertEquals("https://git.example.org/zos.git", r.json().get(0).get("repo_url").asText());
    expand("--repo", "threefoldtech/zos", "--branch", "main", "--config-commit", "0".repeat(40))
        .assertUsageError("buildbridge: autobuilder expand: commit 0000000000000000000000000000"
            + "000000000000 is not in ");
  }

  @Test
  void usageErrorsAreOneLine() {
    Cli.exec("autobuilder", "expand", "--repo", "o/r", "--branch", "b", "--commit", SHA)
        .assertUsageError("buildbridge: autobuilder expand: --config-dir DIR is required");
    expand("--repo", "zos", "--branch", "main")
        .assertUsageError("buildbridge: autobuilder expand: --repo must be OWNER/REPO, not zos");
    expand("--repo", "o/r").assertUsageError(
        "buildbridge: autobuilder expand: --branch BRANCH is required");
    Cli.exec("autobuilder", "expand", "--config-dir", dir.resolve("none").toString(), "--repo",
        "o/r", "--branch", "b", "--commit", SHA)
        .assertUsageError("buildbridge: autobuilder expand: " + dir.resolve("none")
            + " is not a directory");
  }
}
