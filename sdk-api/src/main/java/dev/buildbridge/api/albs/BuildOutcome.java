package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a build node's task ended, as reported with {@code build_done}: the text values of ALBS's
 * {@code BuildDone.status}. Only sent, never read, so there is no unknown value.
 *
 * <pre>{@code
 * BuildResult result = BuildResult.newBuilder(BuildOutcome.EXCLUDED).artifact(log).build();
 * }</pre>
 */
public enum BuildOutcome {
  /** {@code done}: built; the task becomes {@link BuildTaskStatus#COMPLETED}. */
  DONE("done"),
  /** {@code failed}: the task becomes {@link BuildTaskStatus#FAILED}. */
  FAILED("failed"),
  /**
   * {@code excluded}: the package does not build on this architecture ({@code ExcludeArch} and
   * the like); the task becomes {@link BuildTaskStatus#EXCLUDED}.
   */
  EXCLUDED("excluded");

  private final String wireName;

  BuildOutcome(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the text ALBS expects.
   *
   * @return {@code done}, {@code failed} or {@code excluded}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }
}
