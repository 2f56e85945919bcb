package dev.buildbridge.api.kernelci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One result in {@link RunnerTestsResults}, the bridge's {@code TestResult} schema.
 *
 * <pre>{@code
 * TestResult smoke = TestResult.of("ltp-smoke", "ltp", TestStatus.FAIL)
 *     .withLogs("access01 ... TFAIL");
 * }</pre>
 *
 * @param testName {@code test_name}, such as {@code ltp-smoke}
 * @param testCollection {@code test_collection}, such as {@code ltp}
 * @param result {@code result}
 * @param logs {@code logs}, or null (then not sent)
 */
public record TestResult(
    @JsonProperty("test_name") String testName,
    @JsonProperty("test_collection") String testCollection,
    TestStatus result,
    String logs) {

  /**
   * Checks the result.
   *
   * @throws NullPointerException if the name, collection or result is null
   * @throws IllegalArgumentException if the name or collection is blank
   */
  public TestResult {
    Checks.nonBlank(testName, "testName");
    Checks.nonBlank(testCollection, "testCollection");
    Objects.requireNonNull(result, "result");
  }

  /**
   * Returns a result without logs.
   *
   * @param testName the test
   * @param testCollection the collection
   * @param result the outcome
   * @return the result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name or collection is blank
   */
  public static TestResult of(String testName, String testCollection, TestStatus result) {
    return new TestResult(testName, testCollection, result, null);
  }

  /**
   * Returns a copy with logs.
   *
   * @param logs the log text, or null for none
   * @return the new result
   */
  public TestResult withLogs(String logs) {
    return new TestResult(testName, testCollection, result, logs);
  }
}
