package dev.buildbridge.workflow.autobuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.git.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class examples of the autobuilder types, as written there, so they keep compiling. */
class AutobuilderExamplesTest {
  @TempDir Path tmp;

  @Test
  void examplesReadAConfigurationRepositoryAndExpandAPush() throws Exception {
    String text = BranchConfigParserTest.resource("threefoldtech/zos/main.yaml");
    JobRequest push = JobRequest.newBuilder().source(JobSource.GITHUB)
        .repoUrl("https://github.com/threefoldtech/zos.git").repoOwner("threefoldtech")
        .repoName("zos").commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e").build();

    // BuildScript
    BuildScript script = BuildScript.newBuilder("autobuild/kernel.sh", "zero-os.efi")
        .baseImage("ubuntu:18.04")
        .build();                        // archives "/target", no tag
    assertEquals("/target", script.archives());

    // BranchConfig
    BranchConfig config = BranchConfigParser.ofDefaults()
        .parse("threefoldtech/zos/main.yaml", text);
    List<JobRequest> jobs = config.expand(push);   // one per build script, one group_id
    assertEquals(2, jobs.size());

    // BranchConfigParser
    try {
      BranchConfig hello = BranchConfigParser.ofDefaults().parse("octo/hello/main.yaml",
          "buildscripts: [a.sh]\n");
      throw new AssertionError("parsed " + hello);
    } catch (WorkflowException e) {
      assertTrue(e.problems().get(0).toString().startsWith("octo/hello/main.yaml:1:16: "),
          e.problems().toString());
    }

    // BranchConfigs and the package
    String configCommitSha;
    try (GitFixture repo = GitFixture.init(tmp.resolve("autobuilder-config"))) {
      configCommitSha = repo.commit("configs", BranchConfigsTest.configFiles());
      BranchConfigs configs = BranchConfigs.fromCommit(repo.dir(), configCommitSha);
      Optional<BranchConfig> forMain = configs.forPush("threefoldtech/zos", "main");
      List<JobRequest> fromPush = configs.expand("main", push);   // empty when untracked
      assertEquals(forMain.orElseThrow().buildScripts().size(), fromPush.size());
    }
  }
}
