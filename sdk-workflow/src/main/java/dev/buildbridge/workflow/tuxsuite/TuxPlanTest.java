package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One test (or sanity test) of a plan file: its fields as written, by their TuxSuite names,
 * checked for type; its {@code sharding}; and where it is. {@link TuxPlanExpansion} turns it into
 * one {@code TuxTestRequest}, or one per shard, for each build of its job.
 *
 * <pre>{@code
 * TuxPlanTest ltp = job.tests().get(0);
 * System.out.println(ltp.device() + " " + ltp.tests() + " x" + ltp.runs());
 * // qemu-arm64 [ltp-syscalls] x4
 * }</pre>
 *
 * <p>Keys and the Java types of their values: {@code device}, {@code kernel}, {@code ap_romfw},
 * {@code bios}, {@code dtb}, {@code fip}, {@code mcp_fw}, {@code mcp_romfw}, {@code scp_fw},
 * {@code scp_romfw}, {@code rootfs}, {@code modules}, {@code lava_test_plans_project},
 * {@code lab}, {@code test_name}, {@code boot_args}, {@code qemu_image}, {@code host},
 * {@code tuxbuild} ({@code String}); {@code callback}, {@code job_definition} (http or https
 * URLs); {@code tests}, {@code commands}, {@code notify_emails} ({@code List<String>});
 * {@code parameters} ({@code Map<String, String>}); {@code callback_header} (the plan file's
 * name for the API's {@code callback_headers}: {@code Map<String, String>} of header names to
 * values); {@code timeouts} ({@code Map<String, Integer>}, minutes); {@code overlays}
 * ({@code List<List<String>>} of {@code [url, destination]}); {@code is_public}, {@code shared}
 * ({@code Boolean}). {@code device} is required.
 *
 * @param location where the test's mapping starts
 * @param fields the fields but {@code sharding}; copied, unmodifiable
 * @param sharding 0 for a test that is not sharded, else the number of shards, 1 to 1000: the
 *     test runs that many times with the parameters {@code SHARD_NUMBER} (the count) and
 *     {@code SHARD_INDEX} (1 to the count)
 */
public record TuxPlanTest(KdlLocation location, Map<String, Object> fields, int sharding) {

  /**
   * Checks and copies the fields.
   *
   * @throws NullPointerException when an argument, a key or a value is null
   * @throws IllegalArgumentException when a key is not a test field, a value has the wrong type,
   *     {@code device} is missing, or {@code sharding} is out of range
   */
  public TuxPlanTest {
    Objects.requireNonNull(location, "location");
    fields = PlanFields.copy(fields, PlanFields.TEST, "test");
    if (!fields.containsKey("device")) {
      throw new IllegalArgumentException("a test needs device");
    }
    if (sharding < 0 || sharding > PlanFields.MAX_SHARDS) {
      throw new IllegalArgumentException("sharding must be 0 (none) to " + PlanFields.MAX_SHARDS
          + ": " + sharding);
    }
  }

  /**
   * Returns {@code device}.
   *
   * @return such as {@code qemu-arm64}
   */
  public String device() {
    return PlanFields.text(fields, "device");
  }

  /**
   * Returns {@code kernel}, the image to boot: required for a test of a job without builds.
   *
   * @return the URL, or empty when the test boots its build's kernel
   */
  public Optional<String> kernel() {
    return Optional.ofNullable(PlanFields.text(fields, "kernel"));
  }

  /**
   * Returns {@code tests}, what runs after booting.
   *
   * @return the names; empty for a boot test
   */
  public List<String> tests() {
    return PlanFields.texts(fields, "tests");
  }

  /**
   * Returns how many test requests this test becomes for one build: its shards, or one.
   *
   * @return {@code max(1, sharding)}
   */
  public int runs() {
    return Math.max(1, sharding);
  }

  /**
   * Returns a field.
   *
   * @param key its TuxSuite name (the plan file's), such as {@code timeouts}
   * @return the value (of the type the class lists), or empty when the test does not set it
   */
  public Optional<Object> field(String key) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(key, "key")));
  }
}
