package dev.buildbridge.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One unit of CI work: Solstice's {@code jobrequest.v1} message, wire-compatible with Solstice CI and
 * its forks. JSON field names are snake_case; {@code submitted_at} is RFC 3339 in UTC.
 *
 * <pre>{@code
 * JobRequest job = JobRequest.newBuilder()
 *     .source(JobSource.GITHUB)
 *     .repoUrl("https://github.com/octo/hello.git").repoOwner("octo").repoName("hello")
 *     .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e")
 *     .runsOn("ubuntu-22.04")
 *     .build();                       // request_id and submitted_at filled in
 * byte[] wire = job.toJson();
 * JobRequest back = JobRequest.parse(wire);
 * }</pre>
 *
 * @param schemaVersion always {@value #SCHEMA_VERSION}
 * @param requestId idempotency key of this job (a random UUID v4 when built)
 * @param groupId shared by every job of one delivery; {@code null} in messages from older senders
 * @param source where the request came from
 * @param repoUrl clone URL
 * @param repoOwner repository owner; {@code null} in messages from older senders
 * @param repoName repository name; {@code null} in messages from older senders
 * @param commitSha commit to build
 * @param workflowPath workflow file in the repository, or {@code null}
 * @param workflowJobId job of that workflow to run, or {@code null} for all / legacy
 * @param runsOn scheduling hint (runner label), or {@code null}
 * @param scriptPath script to run instead of a workflow's steps, or {@code null}
 * @param submittedAt when the request was made
 */
@JsonPropertyOrder({"schema_version", "request_id", "group_id", "source", "repo_url", "repo_owner",
    "repo_name", "commit_sha", "workflow_path", "workflow_job_id", "runs_on", "script_path",
    "submitted_at"})
public record JobRequest(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("request_id") UUID requestId,
    @JsonProperty("group_id") UUID groupId,
    @JsonProperty("source") JobSource source,
    @JsonProperty("repo_url") String repoUrl,
    @JsonProperty("repo_owner") String repoOwner,
    @JsonProperty("repo_name") String repoName,
    @JsonProperty("commit_sha") String commitSha,
    @JsonProperty("workflow_path") String workflowPath,
    @JsonProperty("workflow_job_id") String workflowJobId,
    @JsonProperty("runs_on") String runsOn,
    @JsonProperty("script_path") String scriptPath,
    @JsonProperty("submitted_at") Instant submittedAt) {

  /** The value of {@code schema_version}. */
  public static final String SCHEMA_VERSION = "jobrequest.v1";

  /**
   * Validates the required fields; a missing {@code schema_version} reads as {@value #SCHEMA_VERSION}.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public JobRequest {
    schemaVersion = JobFields.schema(schemaVersion, SCHEMA_VERSION);
    JobFields.required(requestId, "request_id");
    JobFields.required(source, "source");
    JobFields.requiredText(repoUrl, "repo_url");
    JobFields.requiredText(commitSha, "commit_sha");
    JobFields.required(submittedAt, "submitted_at");
  }

  /**
   * Reads a {@code jobrequest.v1} JSON message. Unknown fields are ignored.
   *
   * @param json the UTF-8 JSON message, at most 1 MiB
   * @return the request
   * @throws dev.buildbridge.core.BuildBridgeException with code {@code MALFORMED_JOB_MESSAGE} when
   *     the message is not JSON, misses a required field or has a wrong one; the message names it
   */
  public static JobRequest parse(byte[] json) {
    return JobMessages.read(json, JobRequest.class, SCHEMA_VERSION);
  }

  /**
   * Writes this request as compact UTF-8 JSON, absent optional fields as {@code null}.
   *
   * @return the JSON message
   */
  public byte[] toJson() {
    return JobMessages.write(this);
  }

  /**
   * Starts a builder. {@code request_id} defaults to a random UUID and {@code submitted_at} to now.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values, to derive a variant (another job of the same
   * delivery, say: set a new {@code requestId}).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.requestId = requestId;
    b.groupId = groupId;
    b.source = source;
    b.repoUrl = repoUrl;
    b.repoOwner = repoOwner;
    b.repoName = repoName;
    b.commitSha = commitSha;
    b.workflowPath = workflowPath;
    b.workflowJobId = workflowJobId;
    b.runsOn = runsOn;
    b.scriptPath = scriptPath;
    b.submittedAt = submittedAt;
    return b;
  }

  /** Builds a {@link JobRequest}; not thread-safe. */
  public static final class Builder {
    private UUID requestId;
    private UUID groupId;
    private JobSource source;
    private String repoUrl;
    private String repoOwner;
    private String repoName;
    private String commitSha;
    private String workflowPath;
    private String workflowJobId;
    private String runsOn;
    private String scriptPath;
    private Instant submittedAt;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the idempotency key. Default: a new random UUID v4 at {@link #build()}.
     *
     * @param requestId the id
     * @return this builder
     */
    public Builder requestId(UUID requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    /**
     * Sets the id shared by every job of one delivery. Default: none.
     *
     * @param groupId the group id, or {@code null}
     * @return this builder
     */
    public Builder groupId(UUID groupId) {
      this.groupId = groupId;
      return this;
    }

    /**
     * Sets where the request came from. Required.
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(JobSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the clone URL. Required.
     *
     * @param repoUrl the URL
     * @return this builder
     */
    public Builder repoUrl(String repoUrl) {
      this.repoUrl = repoUrl;
      return this;
    }

    /**
     * Sets the repository owner. Default: none.
     *
     * @param repoOwner the owner, or {@code null}
     * @return this builder
     */
    public Builder repoOwner(String repoOwner) {
      this.repoOwner = repoOwner;
      return this;
    }

    /**
     * Sets the repository name. Default: none.
     *
     * @param repoName the name, or {@code null}
     * @return this builder
     */
    public Builder repoName(String repoName) {
      this.repoName = repoName;
      return this;
    }

    /**
     * Sets the commit to build. Required.
     *
     * @param commitSha the commit id
     * @return this builder
     */
    public Builder commitSha(String commitSha) {
      this.commitSha = commitSha;
      return this;
    }

    /**
     * Sets the workflow file. Default: none.
     *
     * @param workflowPath the path in the repository, or {@code null}
     * @return this builder
     */
    public Builder workflowPath(String workflowPath) {
      this.workflowPath = workflowPath;
      return this;
    }

    /**
     * Sets the workflow job to run. Default: none.
     *
     * @param workflowJobId the job id, or {@code null}
     * @return this builder
     */
    public Builder workflowJobId(String workflowJobId) {
      this.workflowJobId = workflowJobId;
      return this;
    }

    /**
     * Sets the runner label. Default: none.
     *
     * @param runsOn the label, or {@code null}
     * @return this builder
     */
    public Builder runsOn(String runsOn) {
      this.runsOn = runsOn;
      return this;
    }

    /**
     * Sets the script to run. Default: none.
     *
     * @param scriptPath the path in the repository, or {@code null}
     * @return this builder
     */
    public Builder scriptPath(String scriptPath) {
      this.scriptPath = scriptPath;
      return this;
    }

    /**
     * Sets the submission time. Default: the builder clock's now, to the millisecond.
     *
     * @param submittedAt the time
     * @return this builder
     */
    public Builder submittedAt(Instant submittedAt) {
      this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
      return this;
    }

    /**
     * Sets the clock that gives the default {@code submitted_at}. Default: the UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException naming a required field that was not set
     */
    public JobRequest build() {
      return new JobRequest(SCHEMA_VERSION,
          requestId != null ? requestId : UUID.randomUUID(),
          groupId, source, repoUrl, repoOwner, repoName, commitSha, workflowPath, workflowJobId,
          runsOn, scriptPath,
          submittedAt != null ? submittedAt : clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
  }
}
