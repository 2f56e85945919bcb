package dev.buildbridge.api.kernelci;

/**
 * A test outcome the bridge accepts in {@code /api/v1/tests/submit}: KCIDB v5's test status.
 * Sent as the upper-case name.
 *
 * <pre>{@code
 * TestResult result = TestResult.of("ltp-smoke", "ltp", TestStatus.PASS);
 * }</pre>
 */
public enum TestStatus {
  /** {@code FAIL}: the test failed. */
  FAIL,
  /** {@code ERROR}: the test could not run to a verdict. */
  ERROR,
  /** {@code MISS}: the test was expected but produced no result. */
  MISS,
  /** {@code PASS}: the test passed. */
  PASS,
  /** {@code DONE}: the test ran and has no verdict (a benchmark, say). */
  DONE,
  /** {@code SKIP}: the test was skipped. */
  SKIP
}
