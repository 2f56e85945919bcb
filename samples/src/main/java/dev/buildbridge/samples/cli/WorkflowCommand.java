package dev.buildbridge.samples.cli;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.workflow.Workflow;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowExpansion;
import dev.buildbridge.workflow.WorkflowFanOut;
import dev.buildbridge.workflow.WorkflowParser;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.git.GitRepositorySource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code buildbridge workflow expand}: expands a Solstice {@code .solstice/workflow.kdl}, from a
 * file or from a git repository at a commit, into the {@code jobrequest.v1} jobs it stands for.
 */
final class WorkflowCommand implements Command {
  private static final Option FILE = Option.value("file", "FILE", "the workflow file to expand");
  private static final Option GIT_DIR = Option.value("git-dir", "DIR",
      "read the workflow from this git repository (work tree or bare) at --commit");
  private static final Option PATH = Option.value("path", "PATH",
      "the workflow's path in the repository (default .solstice/workflow.kdl)");
  static final Option REPO_URL = Option.value("repo-url", "URL", "repo_url of the jobs");
  static final Option COMMIT = Option.value("commit", "SHA", "commit_sha of the jobs (and the"
      + " commit read with --git-dir)");
  static final Option JOB = Option.value("job", "ID", "expand only this job");
  static final Option STRICT = Option.flag("strict",
      "unknown nodes and properties are errors, not warnings");

  @Override
  public String name() {
    return "workflow expand";
  }

  @Override
  public String summary() {
    return "expand a .solstice/workflow.kdl into one jobrequest.v1 per job";
  }

  @Override
  public List<Option> options() {
    return List.of(FILE, GIT_DIR, PATH, REPO_URL, COMMIT, WebhookCommand.RUNS_ON_DEFAULT,
        WebhookCommand.RUNS_ON_MAP, JOB, STRICT);
  }

  @Override
  public String details() {
    return "Give --file F, or --git-dir D to read the file at --commit (a commit without the file\n"
        + "yields one plain job, as Solstice runs .solstice/job.sh then). Prints a JSON array of\n"
        + "jobs in dependency order sharing one group_id. runs_on is the job's, else\n"
        + "--runs-on-map's label for the repository, else --runs-on-default. Warnings go to\n"
        + "stderr as FILE:LINE:COL: warning: ...; an invalid workflow exits 2 with one\n"
        + "FILE:LINE:COL: message line per problem.";
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    boolean fromFile = args.has(FILE.name());
    if (fromFile == args.has(GIT_DIR.name())) {
      throw new UsageException(name(), "give --file FILE or --git-dir DIR (one of them)");
    }
    if (fromFile && args.has(PATH.name())) {
      throw new UsageException(name(), "--path goes with --git-dir");
    }
    String repoUrl = required(args, REPO_URL);
    String commit = required(args, COMMIT);
    WorkflowExpansion.Builder expansion = WorkflowExpansion.newBuilder()
        .runsOnDefault(args.get(WebhookCommand.RUNS_ON_DEFAULT.name()))
        .runsOnByRepository(WebhookCommand.runsOnMap(name(), args))
        .jobId(args.get(JOB.name()));
    if (args.has(PATH.name())) {
      expansion.workflowPath(args.get(PATH.name()));
    }
    WorkflowParser parser = WorkflowParser.newBuilder().strict(args.has(STRICT.name())).build();
    JobRequest template;
    try {
      template = JobRequest.newBuilder().source(JobSource.MANUAL).repoUrl(repoUrl)
          .commitSha(commit).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(name(), e.getMessage(), e);
    }
    List<JobRequest> jobs;
    try {
      if (fromFile) {
        String file = args.get(FILE.name());
        Workflow workflow = parser.parse(file, console.readFile(name(), file));
        printWarnings(console, workflow);
        jobs = expansion.build().expand(workflow, template);
      } else {
        jobs = fromGit(args, console, parser, expansion.build(), template);
      }
    } catch (WorkflowException e) {
      printProblems(console, e);
      return Main.USAGE;
    }
    console.printJson(jobs);
    return Main.OK;
  }

  private List<JobRequest> fromGit(ParsedArgs args, Console console, WorkflowParser parser,
      WorkflowExpansion expansion, JobRequest template) {
    try (GitRepositorySource source = GitRepositorySource.open(Path.of(args.get(GIT_DIR.name())))) {
      Optional<Workflow> workflow = WorkflowFanOut.newBuilder(source).parser(parser)
          .expansion(expansion).build().read(template.repoUrl(), template.commitSha());
      if (workflow.isEmpty()) {
        return List.of(expansion.withoutWorkflow(template));   // Solstice's one plain job
      }
      printWarnings(console, workflow.get());
      return expansion.expand(workflow.get(), template);
    }
  }

  private String required(ParsedArgs args, Option option) throws UsageException {
    String value = args.get(option.name());
    if (value == null || value.isBlank()) {
      throw new UsageException(name(), "--" + option.name() + " " + option.valueName()
          + " is required");
    }
    return value;
  }

  static void printWarnings(Console console, Workflow workflow) {
    for (WorkflowProblem warning : workflow.warnings()) {
      console.err().println(warning.location() + ": warning: " + warning.message());
    }
  }

  /** Prints every problem of an unusable workflow, one {@code file:line:col: message} a line. */
  static void printProblems(Console console, WorkflowException e) {
    if (e.problems().isEmpty()) {
      console.err().println("buildbridge: workflow: " + e.getMessage());
      return;
    }
    for (WorkflowProblem problem : e.problems()) {
      console.err().println(problem);
    }
  }
}
