package dev.buildbridge.api.kernelci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/tests/submit}, the bridge's {@code RunnerTestsResults} schema:
 * results of tests run elsewhere (GitHub Actions, a lab), which the bridge converts to KCIDB and
 * submits. Build it with {@link #newBuilder(String, String, String, String)}.
 *
 * <pre>{@code
 * RunnerTestsResults results = RunnerTestsResults.newBuilder(
 *         "2MBYa8FhoBHkRCX2BMMPusjuClf", "maestro:681b69099ae9711e9ed49766",
 *         "qemu-riscv64", "GitHub Actions")
 *     .test(TestResult.of("ltp-smoke", "ltp", TestStatus.PASS))
 *     .build();
 * bridge.submitTests(results);
 * }</pre>
 *
 * @param testUid {@code test_uid}, the run's id (part of each KCIDB test id)
 * @param buildId {@code build_id}, the KernelCI build id
 * @param device {@code device}, such as {@code qemu-riscv64}
 * @param runtime {@code runtime}, where the tests ran, such as {@code GitHub Actions}
 * @param tests {@code tests}; may be empty
 */
public record RunnerTestsResults(
    @JsonProperty("test_uid") String testUid,
    @JsonProperty("build_id") String buildId,
    String device,
    String runtime,
    List<TestResult> tests) {

  /**
   * Checks the results.
   *
   * @throws NullPointerException if a field or a test is null
   * @throws IllegalArgumentException if a text is blank
   */
  public RunnerTestsResults {
    Checks.nonBlank(testUid, "testUid");
    Checks.nonBlank(buildId, "buildId");
    Checks.nonBlank(device, "device");
    Checks.nonBlank(runtime, "runtime");
    tests = Checks.list(tests, "tests");
  }

  /**
   * Starts the results of a run.
   *
   * @param testUid the run's id
   * @param buildId the KernelCI build id
   * @param device the device, such as {@code qemu-riscv64}
   * @param runtime where the tests ran
   * @return a builder without tests
   * @throws NullPointerException if an argument is null
   */
  public static Builder newBuilder(String testUid, String buildId, String device,
      String runtime) {
    return new Builder(testUid, buildId, device, runtime);
  }

  /**
   * Returns a builder holding these results.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(testUid, buildId, device, runtime);
    b.tests.addAll(tests);
    return b;
  }

  /** Configures a {@link RunnerTestsResults}. Not thread-safe. */
  public static final class Builder {
    private final String testUid;
    private final String buildId;
    private final String device;
    private final String runtime;
    private final List<TestResult> tests = new ArrayList<>();

    private Builder(String testUid, String buildId, String device, String runtime) {
      this.testUid = Objects.requireNonNull(testUid, "testUid");
      this.buildId = Objects.requireNonNull(buildId, "buildId");
      this.device = Objects.requireNonNull(device, "device");
      this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * Adds a result.
     *
     * @param test the result
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder test(TestResult test) {
      tests.add(Objects.requireNonNull(test, "test"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public RunnerTestsResults build() {
      return new RunnerTestsResults(testUid, buildId, device, runtime, tests);
    }
  }
}
