package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The body of {@code PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}}: only the components
 * that are not null are sent and changed.
 *
 * <pre>{@code
 * github.updateCheckRun("octo", "repo", run.id(), CheckRunUpdate.completed(
 *     CheckConclusion.SUCCESS, Instant.now(), CheckRunOutput.of("Build passed", "3 jobs")));
 * }</pre>
 *
 * @param name a new check name; may be null
 * @param detailsUrl a new details URL; may be null
 * @param externalId a new external id; may be null
 * @param status a new status; may be null
 * @param startedAt a new start instant; may be null
 * @param conclusion the conclusion, required with {@code status = completed} or
 *     {@code completedAt}; may be null
 * @param completedAt when the work completed; may be null
 * @param output new output; may be null
 */
public record CheckRunUpdate(
    String name,
    @JsonProperty("details_url") String detailsUrl,
    @JsonProperty("external_id") String externalId,
    CheckStatus status,
    @JsonProperty("started_at") Instant startedAt,
    CheckConclusion conclusion,
    @JsonProperty("completed_at") Instant completedAt,
    CheckRunOutput output) {

  /**
   * Checks the components against GitHub's rules.
   *
   * @throws IllegalArgumentException if nothing would change, a text is blank, a status or
   *     conclusion cannot be sent, or a completed run has no conclusion
   */
  public CheckRunUpdate {
    Arguments.nullOrNonBlank(name, "name");
    Arguments.nullOrNonBlank(detailsUrl, "detailsUrl");
    Arguments.nullOrNonBlank(externalId, "externalId");
    checkStatusAndConclusion(status, conclusion, completedAt);
    if (name == null && detailsUrl == null && externalId == null && status == null
        && startedAt == null && conclusion == null && completedAt == null && output == null) {
      throw new IllegalArgumentException("check run update changes nothing");
    }
  }

  /**
   * Returns the usual final update: completed now with a conclusion and output.
   *
   * @param conclusion the conclusion, one an app may set
   * @param completedAt when the work completed
   * @param output the output shown; may be null
   * @return the update
   * @throws NullPointerException if the conclusion or instant is null
   * @throws IllegalArgumentException if the conclusion cannot be sent
   */
  public static CheckRunUpdate completed(CheckConclusion conclusion, Instant completedAt,
      CheckRunOutput output) {
    Objects.requireNonNull(conclusion, "conclusion");
    Objects.requireNonNull(completedAt, "completedAt");
    return newBuilder().status(CheckStatus.COMPLETED).conclusion(conclusion)
        .completedAt(completedAt).output(output).build();
  }

  /**
   * Starts an update.
   *
   * @return a builder with nothing set
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  static void checkStatusAndConclusion(CheckStatus status, CheckConclusion conclusion,
      Instant completedAt) {
    if (status == CheckStatus.UNKNOWN) {
      throw new IllegalArgumentException("status UNKNOWN cannot be sent");
    }
    if (conclusion != null && !conclusion.isSettable()) {
      throw new IllegalArgumentException("conclusion " + conclusion.wireName()
          + " is set by GitHub only and cannot be sent");
    }
    if ((status == CheckStatus.COMPLETED || completedAt != null) && conclusion == null) {
      throw new IllegalArgumentException("a conclusion is required with status completed or"
          + " completedAt");
    }
    if (conclusion != null && status != null && status != CheckStatus.COMPLETED) {
      throw new IllegalArgumentException("a conclusion forces status completed, but status is "
          + status.wireName());
    }
  }

  /** Configures a {@link CheckRunUpdate}; {@link #build()} checks the whole. */
  public static final class Builder {
    private String name;
    private String detailsUrl;
    private String externalId;
    private CheckStatus status;
    private Instant startedAt;
    private CheckConclusion conclusion;
    private Instant completedAt;
    private CheckRunOutput output;

    private Builder() {}

    /**
     * Sets a new check name. Default: unchanged.
     *
     * @param name the name, or null
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets a new details URL. Default: unchanged.
     *
     * @param detailsUrl the URL, or null
     * @return this builder
     */
    public Builder detailsUrl(String detailsUrl) {
      this.detailsUrl = detailsUrl;
      return this;
    }

    /**
     * Sets a new external id. Default: unchanged.
     *
     * @param externalId the id, or null
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Sets a new status. Default: unchanged.
     *
     * @param status the status, or null
     * @return this builder
     */
    public Builder status(CheckStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets a new start instant. Default: unchanged.
     *
     * @param startedAt the instant, or null
     * @return this builder
     */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /**
     * Sets the conclusion. Default: unchanged.
     *
     * @param conclusion the conclusion, or null
     * @return this builder
     */
    public Builder conclusion(CheckConclusion conclusion) {
      this.conclusion = conclusion;
      return this;
    }

    /**
     * Sets when the work completed. Default: unchanged.
     *
     * @param completedAt the instant, or null
     * @return this builder
     */
    public Builder completedAt(Instant completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    /**
     * Sets new output. Default: unchanged.
     *
     * @param output the output, or null
     * @return this builder
     */
    public Builder output(CheckRunOutput output) {
      this.output = output;
      return this;
    }

    /**
     * Builds the update.
     *
     * @return the update
     * @throws IllegalArgumentException as the record's constructor
     */
    public CheckRunUpdate build() {
      return new CheckRunUpdate(name, detailsUrl, externalId, status, startedAt, conclusion,
          completedAt, output);
    }
  }
}
