package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The detailed results of a test run, {@code GET .../tests/{uid}/results}: suite name to test
 * name to {@link TuxTestCase}. LAVA's own steps are in suite {@code lava} (its {@code job} entry
 * says whether the job as a whole passed); each test definition is a suite such as
 * {@code 0_ltp-smoke}.
 *
 * <pre>{@code
 * TuxTestResults results = tux.getTestResults(uid);
 * results.suites().forEach((suite, cases) -> cases.forEach((test, c) ->
 *     System.out.println(suite + "/" + test + ": " + c.result())));
 * }</pre>
 *
 * @param suites suite name to test name to case, in the server's order
 */
public record TuxTestResults(Map<String, Map<String, TuxTestCase>> suites) {

  /** Copies the maps; null becomes empty. */
  public TuxTestResults {
    Map<String, Map<String, TuxTestCase>> copy = new LinkedHashMap<>();
    if (suites != null) {
      suites.forEach((suite, cases) -> copy.put(suite, Copies.map(cases)));
    }
    suites = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads the response body, a JSON object of suites.
   *
   * @param suites the suites as bound by Jackson
   * @return the results
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static TuxTestResults of(Map<String, Map<String, TuxTestCase>> suites) {
    return new TuxTestResults(suites);
  }

  /**
   * Returns one case.
   *
   * @param suite the suite name, such as {@code lava} or {@code 0_ltp-smoke}
   * @param test the test name, such as {@code access01}
   * @return the case, or empty when the suite or test is absent
   * @throws NullPointerException if an argument is null
   */
  public Optional<TuxTestCase> testCase(String suite, String test) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(test, "test");
    Map<String, TuxTestCase> cases = suites.get(suite);
    return Optional.ofNullable(cases == null ? null : cases.get(test));
  }
}
