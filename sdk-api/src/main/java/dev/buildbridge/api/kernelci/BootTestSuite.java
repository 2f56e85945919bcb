package dev.buildbridge.api.kernelci;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/boot-test/run}, the bridge's {@code BootTestSuite} schema: boot
 * a KernelCI build on TuxSuite's {@code qemu-riscv64}; the result goes to KCIDB as test
 * {@code boot}.
 *
 * <pre>{@code
 * bridge.runBootTest(BootTestSuite.of("maestro:681b69099ae9711e9ed49766",
 *     "https://storage.kernelci.org/riscv/Image"));
 * }</pre>
 *
 * @param runner {@code runner}: always {@code tuxsuite}
 * @param buildId {@code build_id}, the KernelCI build id
 * @param kernelImageUrl {@code kernel_image_url}
 * @param modulesUrl {@code modules_url}, a compressed modules archive, or null (then not sent)
 */
public record BootTestSuite(
    String runner,
    @JsonProperty("build_id") String buildId,
    @JsonProperty("kernel_image_url") String kernelImageUrl,
    @JsonProperty("modules_url") String modulesUrl) {

  /**
   * Checks the request.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the runner is not {@code tuxsuite}, the build id is
   *     blank, or a URL is not an absolute http or https URL
   */
  public BootTestSuite {
    Checks.runner(runner);
    Checks.nonBlank(buildId, "buildId");
    Checks.httpUrl(kernelImageUrl, "kernelImageUrl");
    if (modulesUrl != null) {
      Checks.httpUrl(modulesUrl, "modulesUrl");
    }
  }

  /**
   * Returns a boot test without modules.
   *
   * @param buildId the KernelCI build id
   * @param kernelImageUrl the kernel image URL
   * @return the request
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the record's constructor
   */
  public static BootTestSuite of(String buildId, String kernelImageUrl) {
    return new BootTestSuite(Checks.RUNNER, buildId, kernelImageUrl, null);
  }

  /**
   * Returns a copy that also loads modules.
   *
   * @param modulesUrl the URL of a compressed archive, or null for none
   * @return the new request
   * @throws IllegalArgumentException if not an absolute http or https URL
   */
  public BootTestSuite withModulesUrl(String modulesUrl) {
    return new BootTestSuite(runner, buildId, kernelImageUrl, modulesUrl);
  }
}
