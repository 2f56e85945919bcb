package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The body of {@code POST /repos/{owner}/{repo}/check-runs}. Build it with
 * {@link #newBuilder(String, String)}; null components are not sent.
 *
 * <pre>{@code
 * CheckRunRequest request = CheckRunRequest.newBuilder("buildbridge / build", job.commitSha())
 *     .externalId(job.requestId().toString())   // find the run again from a webhook
 *     .status(CheckStatus.IN_PROGRESS)
 *     .startedAt(Instant.now())
 *     .detailsUrl("https://ci.example.org/jobs/" + job.requestId())
 *     .build();
 * }</pre>
 *
 * @param name the check name, not blank
 * @param headSha the commit the check is for
 * @param externalId the integrator's reference, such as the job request id; may be null
 * @param status the status; may be null (GitHub's default is {@code queued})
 * @param startedAt when the work started; may be null
 * @param detailsUrl the integrator's page for the run; may be null
 * @param output the title, summary and text shown; may be null
 * @param conclusion the conclusion, required with {@code status = completed} or
 *     {@code completedAt}; may be null
 * @param completedAt when the work completed; may be null
 */
public record CheckRunRequest(
    String name,
    @JsonProperty("head_sha") String headSha,
    @JsonProperty("external_id") String externalId,
    CheckStatus status,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("details_url") String detailsUrl,
    CheckRunOutput output,
    CheckConclusion conclusion,
    @JsonProperty("completed_at") Instant completedAt) {

  /**
   * Checks the components against GitHub's rules.
   *
   * @throws NullPointerException if the name or head SHA is null
   * @throws IllegalArgumentException if a required text is blank, a status or conclusion cannot
   *     be sent, or a completed run has no conclusion
   */
  public CheckRunRequest {
    Arguments.nonBlank(name, "name");
    Arguments.nonBlank(headSha, "headSha");
    Arguments.nullOrNonBlank(externalId, "externalId");
    Arguments.nullOrNonBlank(detailsUrl, "detailsUrl");
    CheckRunUpdate.checkStatusAndConclusion(status, conclusion, completedAt);
  }

  /**
   * Starts a request.
   *
   * @param name the check name, not blank
   * @param headSha the commit SHA, not blank
   * @return a builder
   */
  public static Builder newBuilder(String name, String headSha) {
    return new Builder(name, headSha);
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(name, headSha).externalId(externalId).status(status).startedAt(startedAt)
        .detailsUrl(detailsUrl).output(output).conclusion(conclusion).completedAt(completedAt);
  }

  /** Configures a {@link CheckRunRequest}; {@link #build()} checks the whole. */
  public static final class Builder {
    private final String name;
    private final String headSha;
    private String externalId;
    private CheckStatus status;
    private Instant startedAt;
    private String detailsUrl;
    private CheckRunOutput output;
    private CheckConclusion conclusion;
    private Instant completedAt;

    private Builder(String name, String headSha) {
      this.name = Objects.requireNonNull(name, "name");
      this.headSha = Objects.requireNonNull(headSha, "headSha");
    }

    /**
     * Sets the integrator's reference (such as the job request id). Default: none.
     *
     * @param externalId the reference, or null
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Sets the status. Default: none ({@code queued} on GitHub).
     *
     * @param status the status, or null
     * @return this builder
     */
    public Builder status(CheckStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets when the work started. Default: none.
     *
     * @param startedAt the instant, or null
     * @return this builder
     */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /**
     * Sets the integrator's page for the run. Default: none.
     *
     * @param detailsUrl the URL, or null
     * @return this builder
     */
    public Builder detailsUrl(String detailsUrl) {
      this.detailsUrl = detailsUrl;
      return this;
    }

    /**
     * Sets the output. Default: none.
     *
     * @param output the output, or null
     * @return this builder
     */
    public Builder output(CheckRunOutput output) {
      this.output = output;
      return this;
    }

    /**
     * Sets the conclusion, for a run created already completed. Default: none.
     *
     * @param conclusion the conclusion, or null
     * @return this builder
     */
    public Builder conclusion(CheckConclusion conclusion) {
      this.conclusion = conclusion;
      return this;
    }

    /**
     * Sets when the work completed. Default: none.
     *
     * @param completedAt the instant, or null
     * @return this builder
     */
    public Builder completedAt(Instant completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public CheckRunRequest build() {
      return new CheckRunRequest(name, headSha, externalId, status, startedAt, detailsUrl, output,
          conclusion, completedAt);
    }
  }
}
