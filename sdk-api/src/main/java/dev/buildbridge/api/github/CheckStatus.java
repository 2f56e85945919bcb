package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a check run. Values GitHub adds later read as {@link #UNKNOWN} instead of failing.
 *
 * <pre>{@code
 * CheckRunRequest request = CheckRunRequest.newBuilder("ci / build", sha)
 *     .status(CheckStatus.IN_PROGRESS)
 *     .build();
 * }</pre>
 */
public enum CheckStatus {
  /** {@code queued}. */
  QUEUED("queued"),
  /** {@code in_progress}. */
  IN_PROGRESS("in_progress"),
  /** {@code completed}: a conclusion is required. */
  COMPLETED("completed"),
  /** {@code waiting}: GitHub Actions only. */
  WAITING("waiting"),
  /** {@code requested}: GitHub Actions only. */
  REQUESTED("requested"),
  /** {@code pending}: GitHub Actions only. */
  PENDING("pending"),
  /** A value this version does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  CheckStatus(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name GitHub uses.
   *
   * @return for example {@code in_progress}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads GitHub's name.
   *
   * @param wireName the name, such as {@code in_progress}
   * @return the status, or {@link #UNKNOWN} for a name this version does not know
   */
  @JsonCreator
  public static CheckStatus fromWire(String wireName) {
    for (CheckStatus s : values()) {
      if (s != UNKNOWN && s.wireName.equals(wireName)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
