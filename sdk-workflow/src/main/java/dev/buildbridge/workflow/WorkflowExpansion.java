package dev.buildbridge.workflow;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.workflow.internal.RepositoryUrls;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns a {@link Workflow} into {@code jobrequest.v1} messages: one per job, in dependency order,
 * each derived from a template request (repository, commit, source) with its own
 * {@code request_id} and a {@code group_id} shared by all. Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkflowExpansion expansion = WorkflowExpansion.newBuilder()
 *     .runsOnByRepository(Map.of("octo/kernel", "riscv64"))
 *     .runsOnDefault("illumos-latest")
 *     .build();
 * List<JobRequest> jobs = expansion.expand(workflow, template);
 * }</pre>
 *
 * <p>Each job request is the template with:
 * <ul>
 *   <li>{@code request_id}: a new random UUID;
 *   <li>{@code group_id}: the template's, or one new random UUID shared by every job;
 *   <li>{@code workflow_path}: {@link #workflowPath()};
 *   <li>{@code workflow_job_id}: the job's id;
 *   <li>{@code runs_on}: see {@link #runsOn(WorkflowJob, JobRequest)};
 *   <li>{@code script_path}: the job's {@code script}, else the template's;
 *   <li>{@code submitted_at}: the template's, or the {@link Builder#clock(Clock) clock}'s now when
 *       one is set.
 * </ul>
 */
public final class WorkflowExpansion {
  /** Where Solstice keeps a repository's workflow: {@value}. */
  public static final String DEFAULT_WORKFLOW_PATH = ".solstice/workflow.kdl";

  private static final WorkflowExpansion DEFAULTS = new Builder().build();
  private static final int MAX_IDS_LISTED = 20;

  private final String workflowPath;
  private final String runsOnDefault;
  private final Map<String, String> runsOnByRepository;
  private final String jobId;
  private final Clock clock;

  private WorkflowExpansion(Builder b) {
    this.workflowPath = b.workflowPath;
    this.runsOnDefault = b.runsOnDefault;
    TreeMap<String, String> byRepo = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byRepo.putAll(b.runsOnByRepository);
    this.runsOnByRepository = Collections.unmodifiableMap(byRepo);
    this.jobId = b.jobId;
    this.clock = b.clock;
  }

  /**
   * Returns the expansion with every default: path {@value #DEFAULT_WORKFLOW_PATH}, no
   * {@code runs_on} fallback of its own, every job, the template's {@code submitted_at}.
   *
   * @return the default expansion
   */
  public static WorkflowExpansion ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults of {@link #ofDefaults()}.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this expansion's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.workflowPath = workflowPath;
    b.runsOnDefault = runsOnDefault;
    b.runsOnByRepository.putAll(runsOnByRepository);
    b.jobId = jobId;
    b.clock = clock;
    return b;
  }

  /**
   * Returns the workflow path the job requests name, and that {@link WorkflowFanOut} reads.
   *
   * @return the repository-relative path
   */
  public String workflowPath() {
    return workflowPath;
  }

  /**
   * Returns the one job to expand, when one is selected.
   *
   * @return the job id, or empty for every job
   */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /**
   * Returns the label for jobs that get none otherwise.
   *
   * @return the label, or empty
   */
  public Optional<String> runsOnDefault() {
    return Optional.ofNullable(runsOnDefault);
  }

  /**
   * Returns the labels by repository, {@code owner/name} to label, looked up case-insensitively.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> runsOnByRepository() {
    return runsOnByRepository;
  }

  /**
   * Expands a workflow: one job request per job (or only the {@link Builder#jobId(String)
   * selected} one, without the jobs it needs), in {@link Workflow#jobsInDependencyOrder()
   * dependency order}.
   *
   * @param workflow the workflow
   * @param template the request to derive each job's from: repository, commit and source
   * @return the job requests; empty when the workflow has no job
   * @throws WorkflowException {@link WorkflowException.Reason#UNKNOWN_JOB} when the selected job
   *     is not in the workflow; the message lists the workflow's jobs
   */
  public List<JobRequest> expand(Workflow workflow, JobRequest template) {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(template, "template");
    List<WorkflowJob> jobs;
    if (jobId == null) {
      jobs = workflow.jobsInDependencyOrder();
    } else {
      jobs = List.of(workflow.job(jobId).orElseThrow(() -> unknownJob(workflow)));
    }
    UUID group = template.groupId() != null ? template.groupId() : UUID.randomUUID();
    Instant submitted = clock == null ? template.submittedAt()
        : clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<JobRequest> out = new ArrayList<>(jobs.size());
    for (WorkflowJob job : jobs) {
      out.add(template.toBuilder()
          .requestId(UUID.randomUUID())
          .groupId(group)
          .workflowPath(workflowPath)
          .workflowJobId(job.id())
          .runsOn(runsOn(job, template))
          .scriptPath(job.scriptPath() != null ? job.scriptPath() : template.scriptPath())
          .submittedAt(submitted)
          .build());
    }
    return List.copyOf(out);
  }

  /**
   * Returns the {@code runs_on} label of a job, the first of:
   * <ol>
   *   <li>the job's own {@code runs_on} (or {@code runs-on});
   *   <li>the {@link Builder#runsOnByRepository(Map) label of the repository}, named
   *       {@code owner/name} from the template's {@code repo_owner} and {@code repo_name}, or,
   *       when either is missing, from the last two path segments of its {@code repo_url}
   *       without {@code .git} ({@code https://host/octo/hello.git} and
   *       {@code git@host:octo/hello.git} are both {@code octo/hello});
   *   <li>the template's {@code runs_on}, which a webhook handler's {@code RunsOnResolver} set;
   *   <li>the {@link Builder#runsOnDefault(String) default label};
   *   <li>none ({@code null}): the orchestrator chooses.
   * </ol>
   *
   * @param job the job
   * @param template the request it is expanded from
   * @return the label, or {@code null}
   */
  public String runsOn(WorkflowJob job, JobRequest template) {
    Objects.requireNonNull(job, "job");
    return job.runsOn() != null ? job.runsOn() : fallbackRunsOn(template);
  }

  /**
   * Returns the request for a commit that has no workflow file (Solstice's legacy single job,
   * which runs {@code .solstice/job.sh}): the template with its {@code runs_on} chosen as for a
   * job without one (per-repository label, the template's own, the default), all else unchanged.
   *
   * @param template the request
   * @return the request to enqueue
   */
  public JobRequest withoutWorkflow(JobRequest template) {
    String label = fallbackRunsOn(Objects.requireNonNull(template, "template"));
    return Objects.equals(label, template.runsOn()) ? template
        : template.toBuilder().runsOn(label).build();
  }

  private String fallbackRunsOn(JobRequest template) {
    if (!runsOnByRepository.isEmpty()) {
      String repository = repositoryName(template);
      String label = repository == null ? null : runsOnByRepository.get(repository);
      if (label != null) {
        return label;
      }
    }
    return template.runsOn() != null ? template.runsOn() : runsOnDefault;
  }

  /** Returns owner/name of the template's repository, or null when it cannot be told. */
  static String repositoryName(JobRequest template) {
    if (template.repoOwner() != null && !template.repoOwner().isEmpty()
        && template.repoName() != null && !template.repoName().isEmpty()) {
      return template.repoOwner() + '/' + template.repoName();
    }
    String[] ownerAndName = RepositoryUrls.ownerAndName(template.repoUrl());
    return ownerAndName == null ? null : ownerAndName[0] + '/' + ownerAndName[1];
  }


  private WorkflowException unknownJob(Workflow workflow) {
    List<String> ids = workflow.jobIds();
    StringBuilder sb = new StringBuilder("no job ").append(WorkflowReader.quote(jobId))
        .append(" in ").append(workflowPath).append("; ");
    if (ids.isEmpty()) {
      sb.append("the workflow has no jobs");
    } else {
      sb.append("jobs: ");
      int listed = Math.min(ids.size(), MAX_IDS_LISTED);
      for (int i = 0; i < listed; i++) {
        sb.append(i == 0 ? "" : ", ").append(WorkflowReader.cut(ids.get(i)));
      }
      if (ids.size() > listed) {
        sb.append(", and ").append(ids.size() - listed).append(" more");
      }
    }
    return new WorkflowException(WorkflowException.Reason.UNKNOWN_JOB, sb.toString(), null);
  }

  /** Builds a {@link WorkflowExpansion}; not thread-safe. */
  public static final class Builder {
    private String workflowPath = DEFAULT_WORKFLOW_PATH;
    private String runsOnDefault;
    private final Map<String, String> runsOnByRepository = new TreeMap<>();
    private String jobId;
    private Clock clock;

    private Builder() {}

    /**
     * Sets the workflow file the job requests name (and that {@link WorkflowFanOut} reads).
     * Default: {@value #DEFAULT_WORKFLOW_PATH}.
     *
     * @param workflowPath a repository-relative path
     * @return this builder
     * @throws IllegalArgumentException when it is not a relative path
     *     ({@link WorkflowSource#checkPath(String)})
     */
    public Builder workflowPath(String workflowPath) {
      this.workflowPath = WorkflowSource.checkPath(workflowPath);
      return this;
    }

    /**
     * Sets the label for jobs that get none from the job, the repository map or the template.
     * Default: none.
     *
     * @param label the label, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when {@code label} is empty
     */
    public Builder runsOnDefault(String label) {
      this.runsOnDefault = label == null ? null : Names.checkArgument(label, "label");
      return this;
    }

    /**
     * Replaces the labels by repository, for jobs without a {@code runs_on} of their own.
     * Default: none.
     *
     * @param labels {@code owner/name} (matched case-insensitively) to label; copied
     * @return this builder
     * @throws IllegalArgumentException when a key is not {@code owner/name} (non-empty parts; the
     *     owner may hold further {@code /}, as GitLab groups do), or a label is null or empty;
     *     the message names it
     * @throws NullPointerException when {@code labels} is null
     */
    public Builder runsOnByRepository(Map<String, String> labels) {
      Objects.requireNonNull(labels, "labels");
      Map<String, String> copy = new TreeMap<>();
      for (Map.Entry<String, String> e : labels.entrySet()) {
        String repo = e.getKey();
        if (repo == null || repo.indexOf('/') <= 0 || repo.endsWith("/") || repo.contains("//")) {
          throw new IllegalArgumentException(
              "runsOnByRepository key must be owner/name, not " + repo);
        }
        copy.put(repo, Names.checkArgument(e.getValue(), "label of " + repo));
      }
      runsOnByRepository.clear();
      runsOnByRepository.putAll(copy);
      return this;
    }

    /**
     * Selects the one job to expand; the jobs it {@code needs} are not added (they are expected
     * to have run, or to be selected by their own requests). Default: every job.
     *
     * @param jobId the job id, or {@code null} for every job
     * @return this builder
     * @throws IllegalArgumentException when {@code jobId} is empty
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId == null ? null : Names.checkArgument(jobId, "jobId");
      return this;
    }

    /**
     * Sets the clock that stamps {@code submitted_at} on every job. Default: none, each job keeps
     * the template's {@code submitted_at} (they belong to the same delivery).
     *
     * @param clock the clock, or {@code null} to keep the template's time
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the expansion.
     *
     * @return the expansion
     */
    public WorkflowExpansion build() {
      return new WorkflowExpansion(this);
    }
  }
}
