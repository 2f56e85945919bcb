package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The conclusion of a completed check run. Values GitHub adds later read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * CheckConclusion conclusion = result.passed() ? CheckConclusion.SUCCESS : CheckConclusion.FAILURE;
 * github.updateCheckRun("octo", "repo", runId,
 *     CheckRunUpdate.completed(conclusion, Instant.now(), output));
 * }</pre>
 */
public enum CheckConclusion {
  /** {@code action_required}: a {@code details_url} is required. */
  ACTION_REQUIRED("action_required"),
  /** {@code cancelled}. */
  CANCELLED("cancelled"),
  /** {@code failure}. */
  FAILURE("failure"),
  /** {@code neutral}. */
  NEUTRAL("neutral"),
  /** {@code success}. */
  SUCCESS("success"),
  /** {@code skipped}. */
  SKIPPED("skipped"),
  /** {@code timed_out}. */
  TIMED_OUT("timed_out"),
  /** {@code stale}: set by GitHub only, never sent. */
  STALE("stale"),
  /** {@code startup_failure}: GitHub Actions only, never sent. */
  STARTUP_FAILURE("startup_failure"),
  /** A value this version does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  CheckConclusion(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name GitHub uses.
   *
   * @return for example {@code timed_out}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Returns whether an app may send this conclusion.
   *
   * @return false for {@link #STALE}, {@link #STARTUP_FAILURE} and {@link #UNKNOWN}
   */
  public boolean isSettable() {
    return this != STALE && this != STARTUP_FAILURE && this != UNKNOWN;
  }

  /**
   * Reads GitHub's name.
   *
   * @param wireName the name, such as {@code success}
   * @return the conclusion, or {@link #UNKNOWN} for a name this version does not know
   */
  @JsonCreator
  public static CheckConclusion fromWire(String wireName) {
    for (CheckConclusion c : values()) {
      if (c != UNKNOWN && c.wireName.equals(wireName)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
