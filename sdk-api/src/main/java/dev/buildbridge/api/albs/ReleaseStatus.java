package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a release, an integer on the wire. Codes this version does not know read as
 * {@link #UNKNOWN}.
 *
 * <pre>{@code
 * Paged<Release> scheduled = albs.releases().list(ReleaseQuery.newBuilder()
 *     .productId(1).status(ReleaseStatus.SCHEDULED).build());
 * }</pre>
 */
public enum ReleaseStatus {
  /** 1: planned, can still be changed or deleted. */
  SCHEDULED(1),
  /** 2: committed, the plan is being executed. */
  IN_PROGRESS(2),
  /** 3: released. */
  COMPLETED(3),
  /** 4: the execution failed. */
  FAILED(4),
  /** 5: reverted. */
  REVERTED(5),
  /** A code this version does not know; never sent. */
  UNKNOWN(-1);

  private final int code;

  ReleaseStatus(int code) {
    this.code = code;
  }

  /**
   * Returns the code ALBS uses.
   *
   * @return 1 to 5, or -1 for {@link #UNKNOWN}
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
  public static ReleaseStatus fromCode(int code) {
    for (ReleaseStatus s : values()) {
      if (s != UNKNOWN && s.code == code) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
