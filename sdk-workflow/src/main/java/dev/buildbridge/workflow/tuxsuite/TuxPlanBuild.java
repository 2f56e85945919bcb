package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One build of a plan file: its fields as written, by their TuxSuite names, checked for type, and
 * where it is. {@link TuxPlanExpansion} turns it into a {@code TuxBuildRequest}, adding the git
 * repository and reference the caller gives unless the build names its own.
 *
 * <pre>{@code
 * for (TuxPlanBuild build : job.builds()) {
 *     System.out.println(build.location() + ": " + build.targetArch() + " " + build.toolchain()
 *         + " " + build.kconfig());           // plan.yaml:5:5: arm64 gcc-13 [defconfig]
 * }
 * }</pre>
 *
 * <p>Keys and the Java types of their values: {@code git_repo} (a {@code git://},
 * {@code http://} or {@code https://} URL), {@code git_ref}, {@code git_sha},
 * {@code target_arch}, {@code toolchain}, {@code kernel_image}, {@code build_name},
 * {@code image_sha} ({@code String}); {@code kconfig}, {@code targets},
 * {@code notify_emails} ({@code List<String>}; a single string in YAML is a list of one);
 * {@code environment}, {@code make_variables} ({@code Map<String, String>});
 * {@code is_public}, {@code no_cache} ({@code Boolean}); {@code callback} (an http or https URL);
 * {@code callback_headers} ({@code Map<String, String>} of header names to values).
 * {@code target_arch}, {@code toolchain} and a non-empty {@code kconfig} are required.
 *
 * @param location where the build's mapping starts
 * @param fields the fields; copied, unmodifiable
 */
public record TuxPlanBuild(KdlLocation location, Map<String, Object> fields) {

  /**
   * Checks and copies the fields.
   *
   * @throws NullPointerException when an argument, a key or a value is null
   * @throws IllegalArgumentException when a key is not a build field, a value has the wrong
   *     type, {@code target_arch}, {@code toolchain} or {@code kconfig} is missing or empty, or
   *     both {@code git_ref} and {@code git_sha} are given
   */
  public TuxPlanBuild {
    Objects.requireNonNull(location, "location");
    fields = PlanFields.copy(fields, PlanFields.BUILD, "build");
    for (String required : List.of("target_arch", "toolchain", "kconfig")) {
      if (!fields.containsKey(required)) {
        throw new IllegalArgumentException("a build needs " + required);
      }
    }
    if (PlanFields.texts(fields, "kconfig").isEmpty()) {
      throw new IllegalArgumentException("a build's kconfig must not be empty");
    }
    if (fields.containsKey("git_ref") && fields.containsKey("git_sha")) {
      throw new IllegalArgumentException("a build takes git_ref or git_sha, not both");
    }
  }

  /**
   * Returns {@code target_arch}.
   *
   * @return such as {@code arm64}
   */
  public String targetArch() {
    return PlanFields.text(fields, "target_arch");
  }

  /**
   * Returns {@code toolchain}.
   *
   * @return such as {@code gcc-13}
   */
  public String toolchain() {
    return PlanFields.text(fields, "toolchain");
  }

  /**
   * Returns {@code kconfig}.
   *
   * @return the entries, at least one
   */
  public List<String> kconfig() {
    return PlanFields.texts(fields, "kconfig");
  }

  /**
   * Returns a field.
   *
   * @param key its TuxSuite name, such as {@code make_variables}
   * @return the value (of the type the class lists), or empty when the build does not set it
   */
  public Optional<Object> field(String key) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(key, "key")));
  }
}
