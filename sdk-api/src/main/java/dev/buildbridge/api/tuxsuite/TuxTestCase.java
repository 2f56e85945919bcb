package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a test's detailed results ({@code GET .../tests/{uid}/results}): a LAVA test case
 * such as {@code ltp-smoke/access01}, or a LAVA action such as {@code lava/http-download}.
 *
 * <pre>{@code
 * TuxTestCase access = tux.getTestResults(uid).testCase("0_ltp-smoke", "access01").orElseThrow();
 * boolean ok = access.passed();             // result "pass"
 * }</pre>
 *
 * @param result {@code result}: {@code pass}, {@code fail}, {@code skip}, {@code unknown}, ...;
 *     null for an entry that groups others (LAVA's {@code file-download})
 * @param starttc {@code starttc}, the log line the case started at, or null
 * @param endtc {@code endtc}, the log line the case ended at, or null
 * @param duration {@code duration} in seconds as LAVA writes it (such as {@code "0.44"}), or null
 * @param level {@code level}, LAVA's action level (such as {@code 1.4.1}), or null
 * @param namespace {@code namespace}, or null
 * @param extra {@code extra}, LAVA's details (sizes, checksums, labels), copied in and out, or
 *     null
 */
public record TuxTestCase(
    String result,
    Long starttc,
    Long endtc,
    String duration,
    String level,
    String namespace,
    JsonNode extra) {

  /** Copies the tree. */
  public TuxTestCase {
    extra = Copies.tree(extra);
  }

  /**
   * Tells whether the case passed.
   *
   * @return true when {@link #result()} is {@code pass}
   */
  public boolean passed() {
    return "pass".equals(result);
  }

  /**
   * Returns LAVA's details.
   *
   * @return a deep copy, or null when absent
   */
  @Override
  public JsonNode extra() {
    return Copies.tree(extra);
  }
}
