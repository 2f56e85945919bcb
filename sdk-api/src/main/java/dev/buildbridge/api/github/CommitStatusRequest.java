package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The body of {@code POST /repos/{owner}/{repo}/statuses/{sha}}. GitHub refuses a description of
 * more than 140 characters with a 422 (it does not truncate): {@link Builder#description(String)}
 * refuses it at once, {@link Builder#descriptionTruncated(String)} cuts it with an ellipsis.
 *
 * <pre>{@code
 * CommitStatusRequest status = CommitStatusRequest.newBuilder(CommitState.FAILURE)
 *     .context("buildbridge/build")
 *     .descriptionTruncated("Build failed: " + firstErrorLine)
 *     .targetUrl("https://ci.example.org/jobs/" + id)
 *     .build();
 * }</pre>
 *
 * @param state the state; not {@link CommitState#UNKNOWN}
 * @param targetUrl the integrator's page; may be null
 * @param description a short description, at most 140 characters; may be null
 * @param context the label telling this status from others (GitHub's default is
 *     {@code default}); may be null
 */
public record CommitStatusRequest(
    CommitState state,
    @JsonProperty("target_url") String targetUrl,
    String description,
    String context) {
  /** GitHub's limit on the description, in characters. */
  public static final int MAX_DESCRIPTION = 140;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the state is null
   * @throws IllegalArgumentException if the state is UNKNOWN, the description too long, or a
   *     text blank
   */
  public CommitStatusRequest {
    Objects.requireNonNull(state, "state");
    if (state == CommitState.UNKNOWN) {
      throw new IllegalArgumentException("state UNKNOWN cannot be sent");
    }
    Arguments.nullOrNonBlank(targetUrl, "targetUrl");
    Arguments.maxChars(description, MAX_DESCRIPTION, "description");
    Arguments.nullOrNonBlank(context, "context");
  }

  /**
   * Starts a request.
   *
   * @param state the state
   * @return a builder
   */
  public static Builder newBuilder(CommitState state) {
    return new Builder(state);
  }

  /** Configures a {@link CommitStatusRequest}. */
  public static final class Builder {
    private final CommitState state;
    private String targetUrl;
    private String description;
    private String context;

    private Builder(CommitState state) {
      this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * Sets the integrator's page. Default: none.
     *
     * @param targetUrl the URL, or null
     * @return this builder
     */
    public Builder targetUrl(String targetUrl) {
      this.targetUrl = targetUrl;
      return this;
    }

    /**
     * Sets the description. Default: none.
     *
     * @param description at most 140 characters, or null
     * @return this builder
     * @throws IllegalArgumentException if longer than 140 characters
     */
    public Builder description(String description) {
      this.description = Arguments.maxChars(description, MAX_DESCRIPTION, "description");
      return this;
    }

    /**
     * Sets the description, cutting it to 139 characters and an ellipsis when longer than 140
     * (never inside a surrogate pair).
     *
     * @param description the description, or null
     * @return this builder
     */
    public Builder descriptionTruncated(String description) {
      if (description != null
          && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
        int end = description.offsetByCodePoints(0, MAX_DESCRIPTION - 1);
        description = description.substring(0, end) + "\u2026";
      }
      this.description = description;
      return this;
    }

    /**
     * Sets the context label. Default: none ({@code default} on GitHub).
     *
     * @param context the label, or null
     * @return this builder
     */
    public Builder context(String context) {
      this.context = context;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public CommitStatusRequest build() {
      return new CommitStatusRequest(state, targetUrl, description, context);
    }
  }
}
