package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a TuxSuite build, test, oebuild or plan is in its life. Builds go
 * {@code queued → provisioning → building/running → finished}, tests
 * {@code waiting → provisioning → running → finished}, oebuilds
 * {@code provisioning → running → finished}. Only {@link #FINISHED} is terminal; a value this
 * version does not know reads as {@link #UNKNOWN}, which is not terminal either.
 *
 * <pre>{@code
 * TuxBuild build = tux.getBuild(uid);
 * if (build.state().isTerminal()) {
 *     report(build.result());
 * }
 * }</pre>
 */
public enum TuxState {
  /** {@code queued}: accepted, waiting for capacity (builds). */
  QUEUED("queued"),
  /** {@code waiting}: waiting for the run named in {@code waiting_for} (tests). */
  WAITING("waiting"),
  /** {@code provisioning}: a worker is being prepared. */
  PROVISIONING("provisioning"),
  /** {@code building}: the kernel is being built (builds). */
  BUILDING("building"),
  /** {@code running}: running. */
  RUNNING("running"),
  /** {@code finished}: done; the result is final. */
  FINISHED("finished"),
  /** A value this version does not know, or none; not terminal. */
  UNKNOWN("unknown");

  private final String wireName;

  TuxState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name TuxSuite uses.
   *
   * @return for example {@code provisioning}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether the run has reached its final state.
   *
   * @return true only for {@link #FINISHED}
   */
  public boolean isTerminal() {
    return this == FINISHED;
  }

  /**
   * Reads TuxSuite's name.
   *
   * @param wireName the name, such as {@code running}; may be null
   * @return the state, or {@link #UNKNOWN} for null or a name this version does not know
   */
  @JsonCreator
  public static TuxState fromWire(String wireName) {
    for (TuxState s : values()) {
      if (s != UNKNOWN && s.wireName.equals(wireName)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
