package dev.buildbridge.api.kernelci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/tests/run}, the bridge's {@code TestSuite} schema: tests the
 * bridge runs on TuxSuite's {@code qemu-riscv64} against a KernelCI build. Build it with
 * {@link #newBuilder(String, String, String)}.
 *
 * <pre>{@code
 * TestSuite suite = TestSuite.newBuilder("maestro:681b69099ae9711e9ed49766",
 *         "https://storage.kernelci.org/riscv/Image", "ltp")
 *     .modulesUrl("https://storage.kernelci.org/riscv/modules.tar.xz")
 *     .tests("ltp-nptl", "ltp-fsx")
 *     .build();
 * bridge.runTests(suite);
 * }</pre>
 *
 * @param runner {@code runner}: always {@code tuxsuite}
 * @param buildId {@code build_id}, the KernelCI build id, such as
 *     {@code maestro:681b69099ae9711e9ed49766}
 * @param kernelImageUrl {@code kernel_image_url}
 * @param modulesUrl {@code modules_url}, a compressed modules archive, or null (then not sent)
 * @param tests {@code tests}, such as {@code ltp-nptl}; may be empty (boot only)
 * @param collection {@code collection}, the KCIDB path prefix, such as {@code ltp}
 */
public record TestSuite(
    String runner,
    @JsonProperty("build_id") String buildId,
    @JsonProperty("kernel_image_url") String kernelImageUrl,
    @JsonProperty("modules_url") String modulesUrl,
    List<String> tests,
    String collection) {

  /**
   * Checks the suite.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the runner is not {@code tuxsuite}, a value is blank, or
   *     a URL is not an absolute http or https URL
   */
  public TestSuite {
    Checks.runner(runner);
    Checks.nonBlank(buildId, "buildId");
    Checks.httpUrl(kernelImageUrl, "kernelImageUrl");
    if (modulesUrl != null) {
      Checks.httpUrl(modulesUrl, "modulesUrl");
    }
    tests = Checks.list(tests, "tests");
    Checks.nonBlank(collection, "collection");
  }

  /**
   * Starts a suite.
   *
   * @param buildId the KernelCI build id
   * @param kernelImageUrl the kernel image URL
   * @param collection the collection, such as {@code ltp}
   * @return a builder with no tests and no modules
   * @throws NullPointerException if an argument is null
   */
  public static Builder newBuilder(String buildId, String kernelImageUrl, String collection) {
    return new Builder(buildId, kernelImageUrl, collection);
  }

  /**
   * Returns a builder holding this suite's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(buildId, kernelImageUrl, collection);
    b.modulesUrl = modulesUrl;
    b.tests.addAll(tests);
    return b;
  }

  /** Configures a {@link TestSuite}; {@link #build()} checks the whole. Not thread-safe. */
  public static final class Builder {
    private final String buildId;
    private final String kernelImageUrl;
    private final String collection;
    private String modulesUrl;
    private final List<String> tests = new ArrayList<>();

    private Builder(String buildId, String kernelImageUrl, String collection) {
      this.buildId = Objects.requireNonNull(buildId, "buildId");
      this.kernelImageUrl = Objects.requireNonNull(kernelImageUrl, "kernelImageUrl");
      this.collection = Objects.requireNonNull(collection, "collection");
    }

    /**
     * Sets the modules archive. Default: none.
     *
     * @param modulesUrl the URL of a compressed archive, or null
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder modulesUrl(String modulesUrl) {
      this.modulesUrl = modulesUrl == null ? null : Checks.httpUrl(modulesUrl, "modulesUrl");
      return this;
    }

    /**
     * Adds tests. Default: none.
     *
     * @param tests such as {@code ltp-nptl}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder tests(String... tests) {
      this.tests.addAll(Checks.list(List.of(tests), "tests"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public TestSuite build() {
      return new TestSuite(Checks.RUNNER, buildId, kernelImageUrl, modulesUrl, tests,
          collection);
    }
  }
}
