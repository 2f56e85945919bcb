package dev.buildbridge.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one job: Solstice's {@code jobresult.v1} message, sent back by a runner for the
 * {@link JobRequest} with the same {@code request_id}.
 *
 * <pre>{@code
 * JobResult result = JobResult.of(job, 0, "all 42 tests passed", Instant.now());
 * boolean ok = result.success();                 // true: exit code 0
 * JobResult back = JobResult.parse(result.toJson());
 * }</pre>
 *
 * @param schemaVersion always {@value #SCHEMA_VERSION}
 * @param requestId the {@code request_id} of the job this result is for
 * @param repoUrl clone URL
 * @param repoOwner repository owner, or {@code null}
 * @param repoName repository name, or {@code null}
 * @param commitSha the commit that was built
 * @param success whether the job succeeded
 * @param exitCode the job's exit code
 * @param summary a short human-readable summary, or {@code null}
 * @param completedAt when the job finished
 */
@JsonPropertyOrder({"schema_version", "request_id", "repo_url", "repo_owner", "repo_name",
    "commit_sha", "success", "exit_code", "summary", "completed_at"})
public record JobResult(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("request_id") UUID requestId,
    @JsonProperty("repo_url") String repoUrl,
    @JsonProperty("repo_owner") String repoOwner,
    @JsonProperty("repo_name") String repoName,
    @JsonProperty("commit_sha") String commitSha,
    @JsonProperty(value = "success", required = true) boolean success,
    @JsonProperty(value = "exit_code", required = true) int exitCode,
    @JsonProperty("summary") String summary,
    @JsonProperty("completed_at") Instant completedAt) {

  /** The value of {@code schema_version}. */
  public static final String SCHEMA_VERSION = "jobresult.v1";

  /**
   * Validates the required fields; a missing {@code schema_version} reads as {@value #SCHEMA_VERSION}.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public JobResult {
    schemaVersion = JobFields.schema(schemaVersion, SCHEMA_VERSION);
    JobFields.required(requestId, "request_id");
    JobFields.requiredText(repoUrl, "repo_url");
    JobFields.requiredText(commitSha, "commit_sha");
    JobFields.required(completedAt, "completed_at");
  }

  /**
   * Makes the result of a job from its exit code: {@code success} is {@code exitCode == 0}.
   *
   * @param job the request this result answers
   * @param exitCode the job's exit code
   * @param summary a short summary, or {@code null}
   * @param completedAt when the job finished
   * @return the result, carrying the job's request id and repository fields
   */
  public static JobResult of(JobRequest job, int exitCode, String summary, Instant completedAt) {
    Objects.requireNonNull(job, "job");
    return new JobResult(SCHEMA_VERSION, job.requestId(), job.repoUrl(), job.repoOwner(),
        job.repoName(), job.commitSha(), exitCode == 0, exitCode, summary, completedAt);
  }

  /**
   * Reads a {@code jobresult.v1} JSON message. Unknown fields are ignored.
   *
   * @param json the UTF-8 JSON message, at most 1 MiB
   * @return the result
   * @throws dev.buildbridge.core.BuildBridgeException with code {@code MALFORMED_JOB_MESSAGE} when
   *     the message is not JSON, misses a required field or has a wrong one; the message names it
   */
  public static JobResult parse(byte[] json) {
    return JobMessages.read(json, JobResult.class, SCHEMA_VERSION);
  }

  /**
   * Writes this result as compact UTF-8 JSON.
   *
   * @return the JSON message
   */
  public byte[] toJson() {
    return JobMessages.write(this);
  }
}
