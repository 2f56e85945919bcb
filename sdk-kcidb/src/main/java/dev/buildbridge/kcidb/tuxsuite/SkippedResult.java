package dev.buildbridge.kcidb.tuxsuite;

import java.util.Objects;

/**
 * Something a TuxSuite callback reported that the mapping left out of the KCIDB document, and
 * why: a canceled build under {@link ResultPolicy#SKIP_AND_REPORT}, a plan callback (no results
 * of its own), an OpenEmbedded build.
 *
 * <pre>{@code
 * for (SkippedResult skipped : mapper.map(body).skipped()) {
 *     System.err.println(skipped); // "build 2ZIT...: result \"canceled\" has no KCIDB status; ..."
 * }
 * }</pre>
 *
 * @param source what TuxSuite reported, such as {@code build 2ZITcwA6wxeKxh9cZA5HBJ6FkSj} or
 *     {@code test 2MBYa8FhoBHkRCX2BMMPusjuClf result ltp-smoke}
 * @param kcidbId the id the KCIDB object would have had, or {@code null} when there is none
 * @param reason why it was left out
 */
public record SkippedResult(String source, String kcidbId, String reason) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException when {@code source} or {@code reason} is null
   */
  public SkippedResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns {@code source: reason}.
   *
   * @return the item on one line
   */
  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
