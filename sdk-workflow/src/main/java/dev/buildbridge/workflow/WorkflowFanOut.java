package dev.buildbridge.workflow;

import dev.buildbridge.core.job.JobRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fans one job request out into one per workflow job, as Solstice CI does on a push: reads the
 * workflow file at the request's commit from a {@link WorkflowSource}, parses it and expands it.
 * A commit without a workflow file yields the request alone, only its {@code runs_on} resolved
 * (Solstice's legacy single job, which runs {@code .solstice/job.sh}). Immutable and thread-safe
 * when its source is.
 *
 * <pre>{@code
 * WorkflowFanOut fanOut = WorkflowFanOut.newBuilder(
 *         RemoteGitSource.newBuilder(Path.of("/var/cache/buildbridge/git")).build())
 *     .expansion(WorkflowExpansion.newBuilder().runsOnDefault("illumos-latest").build())
 *     .build();
 * List<JobRequest> jobs = fanOut.expand(template);   // template: repo_url, commit_sha, source
 * }</pre>
 */
public final class WorkflowFanOut {
  private final WorkflowSource source;
  private final WorkflowParser parser;
  private final WorkflowExpansion expansion;

  private WorkflowFanOut(Builder b) {
    this.source = b.source;
    this.parser = b.parser;
    this.expansion = b.expansion;
  }

  /**
   * Returns a fan-out with the default parser and expansion.
   *
   * @param source where workflow files are read
   * @return the fan-out
   * @throws NullPointerException when {@code source} is null
   */
  public static WorkflowFanOut of(WorkflowSource source) {
    return newBuilder(source).build();
  }

  /**
   * Starts a builder. Defaults: {@link WorkflowParser#ofDefaults()} (lenient) and
   * {@link WorkflowExpansion#ofDefaults()} (path {@code .solstice/workflow.kdl}, every job).
   *
   * @param source where workflow files are read
   * @return a new builder
   * @throws NullPointerException when {@code source} is null
   */
  public static Builder newBuilder(WorkflowSource source) {
    return new Builder(source);
  }

  /**
   * Returns a builder holding this fan-out's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(source).parser(parser).expansion(expansion);
  }

  /**
   * Returns the source workflow files are read from.
   *
   * @return the source
   */
  public WorkflowSource source() {
    return source;
  }

  /**
   * Returns the parser.
   *
   * @return the parser
   */
  public WorkflowParser parser() {
    return parser;
  }

  /**
   * Returns the expansion; its {@link WorkflowExpansion#workflowPath() workflow path} is the file
   * read.
   *
   * @return the expansion
   */
  public WorkflowExpansion expansion() {
    return expansion;
  }

  /**
   * Reads and parses the workflow of a commit.
   *
   * @param repoUrl the clone URL
   * @param commitSha the full commit id
   * @return the workflow, or empty when the commit has no workflow file
   * @throws WorkflowException when the file cannot be read, is not KDL or is not a valid workflow
   */
  public Optional<Workflow> read(String repoUrl, String commitSha) {
    Optional<WorkflowFile> file = source.read(repoUrl, commitSha, expansion.workflowPath());
    return file.map(f -> parser.parse(f.path(), f.bytes()));
  }

  /**
   * Expands a job request by the workflow at its commit: one request per job in dependency order,
   * sharing one group id (see {@link WorkflowExpansion}); when the commit has no workflow file, the
   * request itself with its {@code runs_on} chosen by {@link WorkflowExpansion#withoutWorkflow}.
   *
   * @param template the request: {@code repo_url} and {@code commit_sha} say what to read
   * @return the job requests; empty when the workflow has no job
   * @throws WorkflowException when the file cannot be read, is not KDL or is not a valid workflow,
   *     or the selected job is not in it; {@link WorkflowException#isRetryable()} tells whether
   *     trying again later may help
   */
  public List<JobRequest> expand(JobRequest template) {
    Objects.requireNonNull(template, "template");
    Optional<Workflow> workflow = read(template.repoUrl(), template.commitSha());
    return workflow.isEmpty() ? List.of(expansion.withoutWorkflow(template))
        : expansion.expand(workflow.get(), template);
  }

  /** Builds a {@link WorkflowFanOut}; not thread-safe. */
  public static final class Builder {
    private final WorkflowSource source;
    private WorkflowParser parser = WorkflowParser.ofDefaults();
    private WorkflowExpansion expansion = WorkflowExpansion.ofDefaults();

    private Builder(WorkflowSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Sets the parser. Default: {@link WorkflowParser#ofDefaults()}.
     *
     * @param parser the parser
     * @return this builder
     * @throws NullPointerException when {@code parser} is null
     */
    public Builder parser(WorkflowParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Sets the expansion, which also names the workflow file. Default:
     * {@link WorkflowExpansion#ofDefaults()}.
     *
     * @param expansion the expansion
     * @return this builder
     * @throws NullPointerException when {@code expansion} is null
     */
    public Builder expansion(WorkflowExpansion expansion) {
      this.expansion = Objects.requireNonNull(expansion, "expansion");
      return this;
    }

    /**
     * Builds the fan-out.
     *
     * @return the fan-out
     */
    public WorkflowFanOut build() {
      return new WorkflowFanOut(this);
    }
  }
}
