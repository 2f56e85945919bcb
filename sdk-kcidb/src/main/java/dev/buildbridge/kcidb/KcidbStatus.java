package dev.buildbridge.kcidb;

import java.util.Objects;
import java.util.Optional;

/**
 * The status of a build or test in KCIDB v5, in priority order, highest first. Which layer failed
 * decides: {@link #FAIL} the code under test, {@link #ERROR} the build tool or test itself,
 * {@link #MISS} the harness. A missing status means "scheduled or still running"; KCIDB keeps the
 * first status it stores, so send one only when it is final.
 *
 * <pre>{@code
 * KcidbStatus summary = KcidbStatus.summarize(List.of(KcidbStatus.PASS, KcidbStatus.FAIL))
 *     .orElseThrow(); // FAIL: the highest priority wins
 * }</pre>
 */
public enum KcidbStatus {
  /** The build or test completed and found the code faulty. */
  FAIL,
  /** The build or test did not complete because of a failure in its own code (or tool). */
  ERROR,
  /** The build or test did not run because the harness failed. */
  MISS,
  /** The build or test completed and found the code correct. */
  PASS,
  /** The build or test completed without a verdict on the code (a measurement, say). */
  DONE,
  /** The build or test did not run because it did not apply. */
  SKIP;

  /**
   * Returns the status with this JSON name.
   *
   * @param name a name such as {@code PASS}; case matters, as in the schema
   * @return the status, or empty when {@code name} is not one
   * @throws NullPointerException when {@code name} is null
   */
  public static Optional<KcidbStatus> find(String name) {
    Objects.requireNonNull(name, "name");
    for (KcidbStatus status : values()) {
      if (status.name().equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether this status has a higher priority than another: {@code FAIL} outranks
   * everything, {@code SKIP} nothing.
   *
   * @param other the status to compare with
   * @return true when this one comes first in the schema's priority order
   * @throws NullPointerException when {@code other} is null
   */
  public boolean outranks(KcidbStatus other) {
    return ordinal() < Objects.requireNonNull(other, "other").ordinal();
  }

  /**
   * Summarizes statuses the way KCIDB does: the highest-priority status wins.
   *
   * @param statuses the statuses, such as those of all tests of a build; no nulls
   * @return the summary, or empty when there are none
   * @throws NullPointerException when {@code statuses} or an element is null
   */
  public static Optional<KcidbStatus> summarize(Iterable<KcidbStatus> statuses) {
    KcidbStatus summary = null;
    for (KcidbStatus status : Objects.requireNonNull(statuses, "statuses")) {
      Objects.requireNonNull(status, "status");
      if (summary == null || status.outranks(summary)) {
        summary = status;
      }
    }
    return Optional.ofNullable(summary);
  }
}
