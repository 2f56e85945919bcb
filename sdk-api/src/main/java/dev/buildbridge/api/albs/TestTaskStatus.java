package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a test task run by the AlmaLinux Test System, an integer on the wire. Codes this
 * version does not know read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * List<TestTask> tests = albs.testTasks().latest(buildTaskId);
 * boolean passed = tests.stream().allMatch(t -> t.status() == TestTaskStatus.COMPLETED);
 * }</pre>
 */
public enum TestTaskStatus {
  /** 1: created, not yet picked up. */
  CREATED(1),
  /** 2: picked up by the test system. */
  STARTED(2),
  /** 3: every stage and test passed. */
  COMPLETED(3),
  /** 4: a stage or test failed. */
  FAILED(4),
  /** 5: cancelled (revoked). */
  CANCELLED(5),
  /** A code this version does not know; never sent. */
  UNKNOWN(-1);

  private final int code;

  TestTaskStatus(int code) {
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
  public static TestTaskStatus fromCode(int code) {
    for (TestTaskStatus s : values()) {
      if (s != UNKNOWN && s.code == code) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
