package dev.buildbridge.samples.cli;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.autobuilder.BranchConfigParser;
import dev.buildbridge.workflow.autobuilder.BranchConfigs;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code buildbridge autobuilder expand}: reads a 0-autobuilder configuration repository (a
 * directory, or a git repository at a commit) and expands a push into the {@code jobrequest.v1}
 * jobs its branch config asks for, one per build script.
 */
final class AutobuilderCommand implements Command {
  private static final Option CONFIG_DIR = Option.value("config-dir", "DIR",
      "the configuration repository: <owner>/<repo>/<branch>.yaml files");
  private static final Option CONFIG_COMMIT = Option.value("config-commit", "SHA",
      "read --config-dir as a git repository (work tree or bare) at this commit");
  private static final Option REPO = Option.value("repo", "OWNER/REPO", "the pushed repository");
  private static final Option BRANCH = Option.value("branch", "BRANCH",
      "the pushed branch (without refs/heads/)");
  private static final Option COMMIT = Option.value("commit", "SHA", "the pushed commit");
  private static final Option REPO_URL = Option.value("repo-url", "URL",
      "repo_url of the jobs (default https://github.com/OWNER/REPO.git)");
  private static final Option STRICT = Option.flag("strict",
      "sections for no build script and unknown keys are errors, not warnings");

  @Override
  public String name() {
    return "autobuilder expand";
  }

  @Override
  public String summary() {
    return "expand a push by 0-autobuilder branch configs: one jobrequest.v1 per build script";
  }

  @Override
  public List<Option> options() {
    return List.of(CONFIG_DIR, CONFIG_COMMIT, REPO, BRANCH, COMMIT, REPO_URL, STRICT);
  }

  @Override
  public String details() {
    return "Prints a JSON array of jobs sharing one group_id: script_path is the build script,\n"
        + "runs_on its baseimage. A branch without a config (or with a / in its name) prints\n"
        + "[]. Warnings of the branch's config go to stderr as FILE:LINE:COL: warning: ...; an\n"
        + "invalid config exits 2 with one FILE:LINE:COL: message line per problem (other\n"
        + "repositories' broken configs do not matter).";
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    String dir = required(args, CONFIG_DIR);
    String ownerRepo = required(args, REPO);
    int slash = ownerRepo.indexOf('/');
    if (slash <= 0 || slash == ownerRepo.length() - 1 || ownerRepo.indexOf('/', slash + 1) >= 0) {
      throw new UsageException(name(), "--repo must be OWNER/REPO, not " + ownerRepo);
    }
    String branch = required(args, BRANCH);
    String commit = required(args, COMMIT);
    String repoUrl = args.has(REPO_URL.name()) ? args.get(REPO_URL.name())
        : "https://github.com/" + ownerRepo + ".git";
    JobRequest push;
    try {
      push = JobRequest.newBuilder().source(JobSource.MANUAL).repoUrl(repoUrl)
          .repoOwner(ownerRepo.substring(0, slash)).repoName(ownerRepo.substring(slash + 1))
          .commitSha(commit).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(name(), e.getMessage(), e);
    }
    BranchConfigs.Loader loader = BranchConfigs.newLoader()
        .parser(BranchConfigParser.newBuilder().strict(args.has(STRICT.name())).build());
    BranchConfigs configs;
    try {
      configs = args.has(CONFIG_COMMIT.name())
          ? loader.fromCommit(Path.of(dir), args.get(CONFIG_COMMIT.name()))
          : loader.fromDirectory(Path.of(dir));
    } catch (WorkflowException e) {
      throw new UsageException(name(), e.getMessage(), e);
    }
    List<JobRequest> jobs;
    try {
      configs.forPush(ownerRepo, branch).ifPresent(config -> config.warnings().forEach(
          w -> console.err().println(w.location() + ": warning: " + w.message())));
      jobs = configs.expand(branch, push);
    } catch (WorkflowException e) {
      TuxPlanCommands.printProblems(name(), console, e);
      return Main.USAGE;
    }
    console.printJson(jobs);
    return Main.OK;
  }

  private String required(ParsedArgs args, Option option) throws UsageException {
    String value = args.get(option.name());
    if (value == null || value.isBlank()) {
      throw new UsageException(name(), "--" + option.name() + " " + option.valueName()
          + " is required");
    }
    return value;
  }
}
