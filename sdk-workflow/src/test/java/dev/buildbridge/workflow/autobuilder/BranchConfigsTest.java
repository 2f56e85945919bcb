package dev.buildbridge.workflow.autobuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.git.GitFixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real configuration repository, committed with JGit, read at its commits. */
class BranchConfigsTest {
  private static final String PUSHED = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final List<String> CONFIGS = List.of("threefoldtech/zos/development.yaml",
      "threefoldtech/zos/main.yaml");
  private static final String BROKEN = "threefoldtech/0-core/master.yaml";

  @TempDir Path tmp;
  private GitFixture repo;
  private String first;

  /** Every file under src/test/resources/autobuilder/config, by relative path. */
  static Map<String, String> configFiles() throws IOException, URISyntaxException {
    Path root = Path.of(BranchConfigsTest.class.getResource("/autobuilder/config").toURI());
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return files;
  }

  @BeforeEach
  void commitTheConfigurationRepository() throws Exception {
    repo = GitFixture.init(tmp.resolve("config"));
    Map<String, String> files = configFiles();
    assertTrue(files.containsKey(".github/workflows/ci.yaml"), files::toString);
    first = repo.commit("configs", files);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private static JobRequest push(String owner, String name) {
    return JobRequest.newBuilder().source(JobSource.GITHUB)
        .repoUrl("https://github.com/" + owner + "/" + name + ".git")
        .repoOwner(owner).repoName(name).commitSha(PUSHED)
        .workflowPath(".solstice/workflow.kdl").runsOn("ignored")
        .submittedAt(Instant.parse("2026-03-01T12:00:00Z")).build();
  }

  private static List<String> paths(BranchConfigs configs) {
    return configs.configs().stream().map(BranchConfig::path).toList();
  }

  @Test
  void readsTheConfigsOfACommitAndIgnoresEveryOtherFile() {
    BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), first);
    assertEquals(CONFIGS, paths(configs));
    assertEquals(List.of(BROKEN), List.copyOf(configs.rejected().keySet()));
    assertEquals(List.of("threefoldtech/0-core", "threefoldtech/zos"), configs.repositories());
    assertEquals("BranchConfigs[2 configs, 1 rejected]", configs.toString());
  }

  @Test
  void aPushToATrackedBranchBecomesOneJobPerBuildScriptSharingAGroup() {
    BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), first);
    JobRequest push = push("threefoldtech", "zos");

    List<JobRequest> jobs = configs.expand("main", push);

    assertEquals(2, jobs.size());
    assertEquals(List.of("autobuild/zos.sh", "autobuild/kernel.sh"),
        jobs.stream().map(JobRequest::scriptPath).toList());
    assertEquals(List.of("ubuntu:18.04", "ubuntu:16.04"),
        jobs.stream().map(JobRequest::runsOn).toList());
    assertEquals(jobs.get(0).groupId(), jobs.get(1).groupId());
    assertNotEquals(null, jobs.get(0).groupId());
    assertNotEquals(jobs.get(0).requestId(), jobs.get(1).requestId());
    for (JobRequest job : jobs) {
      assertEquals(PUSHED, job.commitSha());
      assertEquals("https://github.com/threefoldtech/zos.git", job.repoUrl());
      assertEquals(JobSource.GITHUB, job.source());
      assertNull(job.workflowPath());
      assertNull(job.workflowJobId());
      assertEquals(push.submittedAt(), job.submittedAt());
      assertEquals("jobrequest.v1", job.schemaVersion());
    }
    BranchConfig config = configs.forPush("threefoldtech/zos", "main").orElseThrow();
    assertEquals("zos.tar.gz", config.buildScript(jobs.get(0).scriptPath()).orElseThrow()
        .artifact());
  }

  @Test
  void theTemplatesGroupIdIsKept() {
    UUID group = UUID.randomUUID();
    JobRequest push = push("threefoldtech", "zos").toBuilder().groupId(group).build();
    List<JobRequest> jobs = BranchConfigs.fromCommit(repo.dir(), first).expand("development",
        push);
    assertEquals(1, jobs.size());
    assertEquals(group, jobs.get(0).groupId());
    assertEquals("ubuntu:20.04", jobs.get(0).runsOn());
  }

  @Test
  void pushesToUntrackedBranchesAndRepositoriesBecomeNoJobs() {
    BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), first);
    assertEquals(List.of(), configs.expand("feature", push("threefoldtech", "zos")));
    assertEquals(List.of(), configs.expand("main", push("threefoldtech", "other")));
    assertEquals(List.of(), configs.expand("main", push("octo", "zos")));
    assertEquals(List.of(), configs.expand("nested/deep", push("threefoldtech", "zos")));
    assertEquals(List.of(), configs.expand("Main", push("threefoldtech", "zos")));
    assertTrue(configs.forPush("threefoldtech/zos", "feature/x").isEmpty());
    assertTrue(configs.forPush(".github/workflows", "ci").isEmpty());
  }

  @Test
  void aPushToABrokenConfigsBranchFailsWithItsProblemsAndOthersStillWork() {
    BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), first);
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> configs.expand("master", push("threefoldtech", "0-core")));
    assertEquals(Reason.INVALID, e.reason());
    assertSame(configs.rejected().get(BROKEN), e);
    assertEquals(List.of(
        BROKEN + ":2:5: build script \"autobuild/core.sh\" has no section (autobuild/core.sh:"
            + " with at least artifact)",
        BROKEN + ":5:3: the section of \"autobuild/flist.sh\" needs artifact, the file the"
            + " build makes"),
        e.problems().stream().map(WorkflowProblem::toString).toList());
    assertEquals(List.of(), configs.expand("other", push("threefoldtech", "0-core")));
    assertEquals(2, configs.expand("main", push("threefoldtech", "zos")).size());
  }

  @Test
  void eachCommitIsReadWithItsOwnConfigsNotTheWorkTree() throws Exception {
    Map<String, String> changes = new HashMap<>();
    changes.put("threefoldtech/zos/development.yaml", null);
    changes.put("threefoldtech/zos/main.yaml",
        "buildscripts: [build.sh]\nbuild.sh: {artifact: a}\n");
    changes.put(BROKEN, "buildscripts: [core.sh]\ncore.sh: {artifact: core.tar.gz}\n");
    String second = repo.commit("fix and trim", changes);
    Files.writeString(repo.dir().resolve("threefoldtech/zos/main.yaml"), "garbage: [\n");

    BranchConfigs before = BranchConfigs.fromCommit(repo.dir(), first);
    BranchConfigs after = BranchConfigs.fromCommit(repo.dir(), second.toUpperCase());

    assertEquals(CONFIGS, paths(before));
    assertEquals(List.of(BROKEN, "threefoldtech/zos/main.yaml"), paths(after));
    assertTrue(after.rejected().isEmpty());
    assertEquals(List.of("build.sh"), after.expand("main", push("threefoldtech", "zos"))
        .stream().map(JobRequest::scriptPath).toList());
    assertEquals(List.of(), after.expand("development", push("threefoldtech", "zos")));
  }

  @Test
  void readsABareRepository() throws Exception {
    Path bare = repo.cloneBare(tmp.resolve("config.git"));
    assertEquals(CONFIGS, paths(BranchConfigs.fromCommit(bare, first)));
  }

  @Test
  void aDirectoryReadsAsItsCommitDoes() throws Exception {
    BranchConfigs fromDir = BranchConfigs.fromDirectory(repo.dir());
    BranchConfigs fromGit = BranchConfigs.fromCommit(repo.dir(), first);
    assertEquals(fromGit.configs(), fromDir.configs());
    assertEquals(fromGit.rejected().keySet(), fromDir.rejected().keySet());
    assertEquals(fromGit.rejected().get(BROKEN).problems(),
        fromDir.rejected().get(BROKEN).problems());
  }

  @Test
  void aDirectoryDoesNotFollowSymbolicLinks() throws Exception {
    Path dir = tmp.resolve("plain");
    Files.createDirectories(dir.resolve("o/r"));
    Files.writeString(dir.resolve("o/r/main.yaml"), "buildscripts: [a.sh]\na.sh: {artifact: a}\n");
    Files.createSymbolicLink(dir.resolve("o/r/linked.yaml"), dir.resolve("o/r/main.yaml"));
    Files.createSymbolicLink(dir.resolve("o/s"), dir.resolve("o/r"));
    assertEquals(List.of("o/r/main.yaml"), paths(BranchConfigs.fromDirectory(dir)));
  }

  @Test
  void aFileOverTheParsersLimitIsRejectedAndTheOthersRead() {
    BranchConfigs configs = BranchConfigs.newLoader()
        .parser(BranchConfigParser.newBuilder().maxBytes(200).build())
        .fromCommit(repo.dir(), first);
    assertEquals(List.of("threefoldtech/zos/development.yaml"), paths(configs));
    WorkflowException tooLarge = configs.rejected().get("threefoldtech/zos/main.yaml");
    assertEquals(Reason.TOO_LARGE, tooLarge.reason());
    assertTrue(tooLarge.getMessage().startsWith("threefoldtech/zos/main.yaml is "),
        tooLarge.getMessage());
  }

  @Test
  void moreConfigFilesThanTheLimitIsTooLarge() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> BranchConfigs.newLoader().maxFiles(2).fromCommit(repo.dir(), first));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(repo.dir() + " holds more than 2 branch configs", e.getMessage());
    assertEquals(Reason.TOO_LARGE, assertThrows(WorkflowException.class,
        () -> BranchConfigs.newLoader().maxFiles(2).fromDirectory(repo.dir())).reason());
  }

  @Test
  void aStrictParserRejectsConfigsWithUnknownKeys() {
    BranchConfigs configs = BranchConfigs.newLoader()
        .parser(BranchConfigParser.newBuilder().strict(true).build())
        .fromCommit(repo.dir(), first);
    assertEquals(3, configs.rejected().get(BROKEN).problems().size());
  }

  @Test
  void aCommitThatIsNotThereIsReportedAsSuch() {
    WorkflowException missing = assertThrows(WorkflowException.class,
        () -> BranchConfigs.fromCommit(repo.dir(), "0".repeat(40)));
    assertEquals(Reason.COMMIT_NOT_FOUND, missing.reason());
    assertTrue(missing.isRetryable());
    WorkflowException notHex = assertThrows(WorkflowException.class,
        () -> BranchConfigs.fromCommit(repo.dir(), "main"));
    assertEquals(Reason.COMMIT_NOT_FOUND, notHex.reason());
    assertEquals("\"main\" is not a full commit id (40 hex digits), so nothing can be read from "
        + repo.dir(), notHex.getMessage());
  }

  @Test
  void aDirectoryThatIsNotARepositoryIsUnreadable() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(Reason.SOURCE_UNREADABLE, assertThrows(WorkflowException.class,
        () -> BranchConfigs.fromCommit(empty, first)).reason());
    assertEquals(Reason.SOURCE_UNREADABLE, assertThrows(WorkflowException.class,
        () -> BranchConfigs.fromDirectory(tmp.resolve("absent"))).reason());
  }

  @Test
  void theRepositoryComesFromTheUrlWhenOwnerAndNameAreMissing() {
    JobRequest push = JobRequest.newBuilder().source(JobSource.MANUAL)
        .repoUrl("git@github.com:threefoldtech/zos.git").commitSha(PUSHED).build();
    assertEquals(2, BranchConfigs.fromCommit(repo.dir(), first).expand("main", push).size());
    JobRequest bare = push.toBuilder().repoUrl("zos").build();
    assertThrows(IllegalArgumentException.class,
        () -> BranchConfigs.fromCommit(repo.dir(), first).expand("main", bare));
  }

  @Test
  void forPushChecksItsArguments() {
    BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), first);
    assertEquals("ownerRepo must be owner/repo, not \"zos\"", assertThrows(
        IllegalArgumentException.class, () -> configs.forPush("zos", "main")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> configs.forPush("a/b/c", "main"));
    assertThrows(NullPointerException.class, () -> configs.forPush("a/b", null));
  }

  @Test
  void ofTakesConfigsMadeByHandAndRefusesTwoForOneBranch() {
    BranchConfig config = new BranchConfig("o", "r", "main",
        List.of(BuildScript.newBuilder("a.sh", "a").build()), List.of());
    BranchConfigs configs = BranchConfigs.of(List.of(config));
    assertEquals(config, configs.forPush("o/r", "main").orElseThrow());
    List<BranchConfig> twice = new ArrayList<>(List.of(config, config));
    assertEquals("two configs for o/r/main.yaml", assertThrows(IllegalArgumentException.class,
        () -> BranchConfigs.of(twice)).getMessage());
  }
}
