package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/builds/} (ALBS's {@code BuildCreate}): what to build, for which
 * platforms and architectures, in which product.
 *
 * <pre>{@code
 * BuildRequest request = BuildRequest.newBuilder(1)             // product AlmaLinux
 *     .platform("AlmaLinux-9", "x86_64", "aarch64", "ppc64le", "s390x")
 *     .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git",
 *         "imports/c9/bash-5.1.8-9.el9", RefType.GIT_TAG))
 *     .build();
 * BuildCreated created = albs.builds().create(request);
 * }</pre>
 *
 * @param platforms the platforms and architectures, at least one
 * @param tasks the sources, at least one
 * @param linkedBuilds builds whose packages this build may use; empty for none
 * @param mockOptions extra mock options for every task, or null to send none; nested values are
 *     unmodifiable
 * @param platformFlavors the ids of platform flavors to use; empty for none
 * @param secureBoot whether to build for Secure Boot
 * @param productId the product the build belongs to, positive
 */
public record BuildRequest(
    List<Target> platforms,
    List<BuildSource> tasks,
    @JsonProperty("linked_builds") List<Long> linkedBuilds,
    @JsonProperty("mock_options") Map<String, Object> mockOptions,
    @JsonProperty("platform_flavors") List<Long> platformFlavors,
    @JsonProperty("is_secure_boot") boolean secureBoot,
    @JsonProperty("product_id") long productId) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if there is no platform or task, or an id is not positive
   */
  public BuildRequest {
    Objects.requireNonNull(platforms, "platforms");
    Objects.requireNonNull(tasks, "tasks");
    platforms = List.copyOf(platforms);
    tasks = List.copyOf(tasks);
    if (platforms.isEmpty()) {
      throw new IllegalArgumentException("platforms is empty: a build needs at least one");
    }
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks is empty: a build needs at least one source");
    }
    for (int i = 0; i < tasks.size(); i++) {
      checkSource(tasks.get(i), "tasks[" + i + "]");
    }
    linkedBuilds = Checks.ids(linkedBuilds == null ? List.of() : linkedBuilds, "linkedBuilds");
    mockOptions = Copies.treeOrNull(mockOptions);
    platformFlavors =
        Checks.ids(platformFlavors == null ? List.of() : platformFlavors, "platformFlavors");
    Checks.positive(productId, "productId");
  }

  private static void checkSource(BuildSource source, String name) {
    List<BuildTaskRef> refs = source instanceof ModuleBuildRef
        ? ((ModuleBuildRef) source).refs() : List.of((BuildTaskRef) source);
    for (BuildTaskRef ref : refs) {
      if (ref.refType() == RefType.UNKNOWN) {
        throw new IllegalArgumentException(name + " has refType UNKNOWN, which cannot be sent");
      }
    }
  }

  /**
   * Starts a request.
   *
   * @param productId the product the build belongs to, positive (1 is AlmaLinux on
   *     build.almalinux.org)
   * @return a builder
   * @throws IllegalArgumentException if the id is not positive
   */
  public static Builder newBuilder(long productId) {
    return new Builder(Checks.positive(productId, "productId"));
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(productId);
    b.platforms.addAll(platforms);
    b.tasks.addAll(tasks);
    b.linkedBuilds.addAll(linkedBuilds);
    b.mockOptions = mockOptions;
    b.platformFlavors.addAll(platformFlavors);
    b.secureBoot = secureBoot;
    return b;
  }

  /**
   * A platform of a build request and the architectures to build for (ALBS's
   * {@code BuildCreatePlatforms}).
   *
   * <pre>{@code
   * BuildRequest.Target target = new BuildRequest.Target("AlmaLinux-9",
   *     List.of("x86_64", "aarch64"), true, false);
   * }</pre>
   *
   * @param name the platform name, such as {@code AlmaLinux-9}, not blank
   * @param archList the architectures ({@code x86_64}, {@code x86_64_v2}, {@code i686},
   *     {@code aarch64}, {@code ppc64le}, {@code s390x}, {@code riscv64} at the time of writing;
   *     ALBS refuses others with a 422), at least one
   * @param parallelModeEnabled whether the architectures are built in parallel
   * @param independentTasks whether a failed task leaves the other tasks going
   */
  public record Target(
      String name,
      @JsonProperty("arch_list") List<String> archList,
      @JsonProperty("parallel_mode_enabled") boolean parallelModeEnabled,
      @JsonProperty("independent_tasks") boolean independentTasks) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if the name, the list or an architecture is null
     * @throws IllegalArgumentException if a text is blank or there is no architecture
     */
    public Target {
      Checks.nonBlank(name, "name");
      archList = Checks.texts(archList, "archList");
      if (archList.isEmpty()) {
        throw new IllegalArgumentException("archList of platform " + name + " is empty");
      }
    }
  }

  /** Configures a {@link BuildRequest}; {@link #build()} checks the whole. */
  public static final class Builder {
    private final long productId;
    private final List<Target> platforms = new ArrayList<>();
    private final List<BuildSource> tasks = new ArrayList<>();
    private final List<Long> linkedBuilds = new ArrayList<>();
    private Map<String, Object> mockOptions;
    private final List<Long> platformFlavors = new ArrayList<>();
    private boolean secureBoot;

    private Builder(long productId) {
      this.productId = productId;
    }

    /**
     * Adds a platform, its architectures built in parallel, a failed task stopping the others.
     *
     * @param name the platform name, such as {@code AlmaLinux-9}
     * @param arches the architectures, at least one
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a text is blank or there is no architecture
     */
    public Builder platform(String name, String... arches) {
      Objects.requireNonNull(arches, "arches");
      return platform(new Target(name, Arrays.asList(arches), true, false));
    }

    /**
     * Adds a platform.
     *
     * @param target the platform and its settings
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder platform(Target target) {
      platforms.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /**
     * Adds a source.
     *
     * @param source a {@link BuildTaskRef} or {@link ModuleBuildRef}
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder task(BuildSource source) {
      tasks.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /**
     * Adds sources.
     *
     * @param sources the sources, in order
     * @return this builder
     * @throws NullPointerException if the collection or an element is null
     */
    public Builder tasks(Collection<? extends BuildSource> sources) {
      Objects.requireNonNull(sources, "sources");
      for (BuildSource source : sources) {
        task(source);
      }
      return this;
    }

    /**
     * Lets the build use the packages of another build. Default: none.
     *
     * @param buildId the other build, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder linkedBuild(long buildId) {
      linkedBuilds.add(Checks.positive(buildId, "linkedBuild"));
      return this;
    }

    /**
     * Sets mock options for every task, such as {@code {"with": ["tests"]}}. Default: none sent.
     *
     * @param mockOptions the options (copied), or null
     * @return this builder
     */
    public Builder mockOptions(Map<String, ?> mockOptions) {
      this.mockOptions = Copies.treeOrNull(mockOptions);
      return this;
    }

    /**
     * Adds a platform flavor (extra repositories or settings). Default: none.
     *
     * @param flavorId the flavor, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder platformFlavor(long flavorId) {
      platformFlavors.add(Checks.positive(flavorId, "platformFlavor"));
      return this;
    }

    /**
     * Builds for Secure Boot (signed with the Secure Boot keys). Default: false.
     *
     * @param secureBoot whether to
     * @return this builder
     */
    public Builder secureBoot(boolean secureBoot) {
      this.secureBoot = secureBoot;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if there is no platform or source
     */
    public BuildRequest build() {
      return new BuildRequest(platforms, tasks, linkedBuilds, mockOptions, platformFlavors,
          secureBoot, productId);
    }
  }
}
