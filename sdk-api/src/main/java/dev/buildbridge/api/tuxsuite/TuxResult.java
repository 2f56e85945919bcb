package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The outcome of a TuxSuite build, test or oebuild. It is final only once the state is
 * {@link TuxState#FINISHED}; before that TuxSuite reports {@code unknown}.
 *
 * <pre>{@code
 * TuxRun run = tux.waitForFinished(TuxKind.TEST, uid, Duration.ofHours(2), Duration.ofSeconds(30));
 * boolean green = run.result() == TuxResult.PASS;
 * }</pre>
 */
public enum TuxResult {
  /** {@code pass}. */
  PASS("pass"),
  /** {@code fail}: the build or a test failed. */
  FAIL("fail"),
  /** {@code error}: an infrastructure or setup error, not a verdict on the kernel. */
  ERROR("error"),
  /** {@code canceled}. */
  CANCELED("canceled"),
  /**
   * {@code unknown}: not finished yet, or finished without a verdict; also any value this version
   * does not know, and none.
   */
  UNKNOWN("unknown");

  private final String wireName;

  TuxResult(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name TuxSuite uses.
   *
   * @return for example {@code pass}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads TuxSuite's name.
   *
   * @param wireName the name, such as {@code fail}; may be null
   * @return the result, or {@link #UNKNOWN} for null or a name this version does not know
   */
  @JsonCreator
  public static TuxResult fromWire(String wireName) {
    for (TuxResult r : values()) {
      if (r.wireName.equals(wireName)) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
