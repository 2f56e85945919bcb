package dev.buildbridge.api.kernelci;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/builds/run}, the bridge's {@code BuildData} schema: a RISC-V
 * kernel build the bridge submits to TuxSuite ({@code target_arch} is always {@code riscv}). Build
 * it with {@link #newBuilder(String, String, String)}.
 *
 * <pre>{@code
 * BuildData build = BuildData.newBuilder("gcc-12",
 *         "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", "master")
 *     .kconfig("defconfig")
 *     .fragments("CONFIG_KASAN=y")
 *     .build();
 * bridge.runBuild(build);
 * }</pre>
 *
 * @param runner {@code runner}: always {@code tuxsuite}, the schema's only value and default
 * @param toolchain {@code toolchain}, such as {@code gcc-12}
 * @param tree {@code tree}, the git URL ({@code git://}, {@code http://} or {@code https://})
 * @param branch {@code branch}
 * @param kconfig {@code kconfig}, a defconfig name, or null (then not sent); this or
 *     {@code fragments} is required
 * @param fragments {@code fragments}, config lines such as {@code CONFIG_KASAN=y} (default
 *     empty)
 */
public record BuildData(
    String runner,
    String toolchain,
    String tree,
    String branch,
    String kconfig,
    List<String> fragments) {

  /**
   * Checks the build as the bridge's schema does, and a little more (blank values, the URL).
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the runner is not {@code tuxsuite}, a value is blank,
   *     the tree is not a {@code git://} or http(s) URL, or neither {@code kconfig} nor
   *     {@code fragments} is given
   */
  public BuildData {
    Checks.runner(runner);
    Checks.nonBlank(toolchain, "toolchain");
    Checks.nonBlank(tree, "tree");
    if (!(tree.startsWith("git://") || tree.startsWith("http://")
        || tree.startsWith("https://"))) {
      throw new IllegalArgumentException("tree must start with git://, http:// or https://");
    }
    Checks.nonBlank(branch, "branch");
    if (kconfig != null) {
      Checks.nonBlank(kconfig, "kconfig");
    }
    fragments = Checks.list(fragments == null ? List.of() : fragments, "fragments");
    if (kconfig == null && fragments.isEmpty()) {
      throw new IllegalArgumentException("set kconfig or fragments (or both)");
    }
  }

  /**
   * Starts a build.
   *
   * @param toolchain such as {@code gcc-12} or {@code clang-17}
   * @param tree the git URL
   * @param branch the branch
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder newBuilder(String toolchain, String tree, String branch) {
    return new Builder(toolchain, tree, branch);
  }

  /**
   * Returns a builder holding this build's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(toolchain, tree, branch);
    b.kconfig = kconfig;
    b.fragments.addAll(fragments);
    return b;
  }

  /** Configures a {@link BuildData}; {@link #build()} checks the whole. Not thread-safe. */
  public static final class Builder {
    private final String toolchain;
    private final String tree;
    private final String branch;
    private String kconfig;
    private final List<String> fragments = new ArrayList<>();

    private Builder(String toolchain, String tree, String branch) {
      this.toolchain = Objects.requireNonNull(toolchain, "toolchain");
      this.tree = Objects.requireNonNull(tree, "tree");
      this.branch = Objects.requireNonNull(branch, "branch");
    }

    /**
     * Sets the base configuration. Default: none.
     *
     * @param kconfig a defconfig name such as {@code defconfig}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder kconfig(String kconfig) {
      this.kconfig = kconfig == null ? null : Checks.nonBlank(kconfig, "kconfig");
      return this;
    }

    /**
     * Adds configuration fragments. Default: none.
     *
     * @param fragments lines such as {@code CONFIG_KASAN=y}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a fragment is blank
     */
    public Builder fragments(String... fragments) {
      this.fragments.addAll(Checks.list(List.of(fragments), "fragments"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public BuildData build() {
      return new BuildData(Checks.RUNNER, toolchain, tree, branch, kconfig, fragments);
    }
  }
}
