package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a sign task (ALBS's {@code SignStatus}), an integer on the wire. Codes this version
 * does not know read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * boolean signed = albs.signTasks().listForBuild(42).stream()
 *     .anyMatch(t -> t.status() == SignTaskStatus.COMPLETED);
 * }</pre>
 */
public enum SignTaskStatus {
  /** 1: waiting for a sign node. */
  IDLE(1),
  /** 2: handed to a sign node. */
  IN_PROGRESS(2),
  /** 3: signed. */
  COMPLETED(3),
  /** 4: signing failed. */
  FAILED(4),
  /** A code this version does not know; never sent. */
  UNKNOWN(-1);

  private final int code;

  SignTaskStatus(int code) {
    this.code = code;
  }

  /**
   * Returns the code ALBS uses.
   *
   * @return 1 to 4, or -1 for {@link #UNKNOWN}
   */
  @JsonValue
  public int code() {
    return code;
  }

  /**
   * Reads ALBS's code.
   *
   * @param code the code
   * @return the status, or {@link #UNKNOWN} for a code this version does not know
   */
  @JsonCreator
  public static SignTaskStatus fromCode(int code) {
    for (SignTaskStatus s : values()) {
      if (s != UNKNOWN && s.code == code) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
