package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a commit status. Values GitHub adds later read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * github.createStatus("octo", "repo", sha, CommitStatusRequest.newBuilder(CommitState.PENDING)
 *     .context("buildbridge/build").description("queued").build());
 * }</pre>
 */
public enum CommitState {
  /** {@code error}. */
  ERROR("error"),
  /** {@code failure}. */
  FAILURE("failure"),
  /** {@code pending}. */
  PENDING("pending"),
  /** {@code success}. */
  SUCCESS("success"),
  /** A value this version does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  CommitState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name GitHub uses.
   *
   * @return for example {@code pending}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads GitHub's name.
   *
   * @param wireName the name, such as {@code success}
   * @return the state, or {@link #UNKNOWN} for a name this version does not know
   */
  @JsonCreator
  public static CommitState fromWire(String wireName) {
    for (CommitState s : values()) {
      if (s != UNKNOWN && s.wireName.equals(wireName)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
