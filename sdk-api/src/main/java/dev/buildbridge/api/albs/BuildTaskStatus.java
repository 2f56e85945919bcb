package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of one build task (one architecture of one source of a build), an integer on the
 * wire. Codes this version does not know read as {@link #UNKNOWN} instead of failing.
 *
 * <pre>{@code
 * Build build = albs.builds().get(42);
 * boolean running = build.tasks().stream().anyMatch(t -> !t.status().isFinished());
 * }</pre>
 */
public enum BuildTaskStatus {
  /** 0: waiting for a build node. */
  IDLE(0),
  /** 1: handed to a build node. */
  STARTED(1),
  /** 2: built. */
  COMPLETED(2),
  /** 3: the build failed. */
  FAILED(3),
  /** 4: the package excludes this architecture ({@code ExcludeArch}). */
  EXCLUDED(4),
  /** 5: cancelled by a user. */
  CANCELLED(5),
  /** A code this version does not know; never sent. */
  UNKNOWN(-1);

  private final int code;

  BuildTaskStatus(int code) {
    this.code = code;
  }

  /**
   * Returns the code ALBS uses.
   *
   * @return 0 to 5, or -1 for {@link #UNKNOWN}
   */
  @JsonValue
  public int code() {
    return code;
  }

  /**
   * Returns whether the task has ended, as ALBS decides it: every status but {@link #IDLE} and
   * {@link #STARTED} (so also {@link #UNKNOWN}, a status added later).
   *
   * @return true when no build node will work on the task any more
   */
  public boolean isFinished() {
    return this != IDLE && this != STARTED;
  }

  /**
   * Reads ALBS's code.
   *
   * @param code the code
   * @return the status, or {@link #UNKNOWN} for a code this version does not know
   */
  @JsonCreator
  public static BuildTaskStatus fromCode(int code) {
    for (BuildTaskStatus s : values()) {
      if (s != UNKNOWN && s.code == code) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
