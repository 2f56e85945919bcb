package dev.buildbridge.api.albs;

import dev.buildbridge.api.ApiRequest;

/**
 * The filters of {@code GET /api/v1/builds/}; null filters are not sent. {@link #all()} lists
 * every build, newest first.
 *
 * <pre>{@code
 * Paged<Build> mine = albs.builds().list(BuildQuery.newBuilder()
 *     .createdBy(17).project("bash").running(true).build());
 * }</pre>
 *
 * @param createdBy the id of the user who created the builds, or null
 * @param project the source project (repository) name, such as {@code bash}, or null
 * @param ref the git ref, or null
 * @param rpmName a package name built, or null
 * @param rpmEpoch a package epoch built, or null
 * @param rpmVersion a package version built, or null
 * @param rpmRelease a package release built, or null
 * @param rpmArch a package architecture built, or null
 * @param platformId the platform, or null
 * @param buildTaskArch a task architecture, or null
 * @param released whether released, or null
 * @param signed whether signed, or null
 * @param running whether some task is still running, or null
 */
public record BuildQuery(
    Long createdBy,
    String project,
    String ref,
    String rpmName,
    String rpmEpoch,
    String rpmVersion,
    String rpmRelease,
    String rpmArch,
    Long platformId,
    String buildTaskArch,
    Boolean released,
    Boolean signed,
    Boolean running) {

  private static final BuildQuery ALL = newBuilder().build();

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if an id is not positive or a text is blank
   */
  public BuildQuery {
    Checks.nullOrPositive(createdBy, "createdBy");
    Checks.nullOrNonBlank(project, "project");
    Checks.nullOrNonBlank(ref, "ref");
    Checks.nullOrNonBlank(rpmName, "rpmName");
    Checks.nullOrNonBlank(rpmEpoch, "rpmEpoch");
    Checks.nullOrNonBlank(rpmVersion, "rpmVersion");
    Checks.nullOrNonBlank(rpmRelease, "rpmRelease");
    Checks.nullOrNonBlank(rpmArch, "rpmArch");
    Checks.nullOrPositive(platformId, "platformId");
    Checks.nullOrNonBlank(buildTaskArch, "buildTaskArch");
  }

  /**
   * Returns the query without filters.
   *
   * @return the query
   */
  public static BuildQuery all() {
    return ALL;
  }

  /**
   * Starts a query.
   *
   * @return a builder without filters
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this query's filters.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.createdBy = createdBy;
    b.project = project;
    b.ref = ref;
    b.rpmName = rpmName;
    b.rpmEpoch = rpmEpoch;
    b.rpmVersion = rpmVersion;
    b.rpmRelease = rpmRelease;
    b.rpmArch = rpmArch;
    b.platformId = platformId;
    b.buildTaskArch = buildTaskArch;
    b.released = released;
    b.signed = signed;
    b.running = running;
    return b;
  }

  void addTo(ApiRequest.Builder request) {
    request.query("created_by", createdBy)
        .query("project", project)
        .query("ref", ref)
        .query("rpm_name", rpmName)
        .query("rpm_epoch", rpmEpoch)
        .query("rpm_version", rpmVersion)
        .query("rpm_release", rpmRelease)
        .query("rpm_arch", rpmArch)
        .query("platform_id", platformId)
        .query("build_task_arch", buildTaskArch)
        .query("released", released)
        .query("signed", signed)
        .query("is_running", running);
  }

  /** Configures a {@link BuildQuery}; every filter's default is null, not sent. */
  public static final class Builder {
    private Long createdBy;
    private String project;
    private String ref;
    private String rpmName;
    private String rpmEpoch;
    private String rpmVersion;
    private String rpmRelease;
    private String rpmArch;
    private Long platformId;
    private String buildTaskArch;
    private Boolean released;
    private Boolean signed;
    private Boolean running;

    private Builder() {}

    /**
     * Keeps builds created by a user ({@code created_by}).
     *
     * @param userId the user, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder createdBy(long userId) {
      this.createdBy = Checks.positive(userId, "createdBy");
      return this;
    }

    /**
     * Keeps builds of a source project ({@code project}).
     *
     * @param project the project name, not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder project(String project) {
      this.project = Checks.nonBlank(project, "project");
      return this;
    }

    /**
     * Keeps builds of a git ref ({@code ref}).
     *
     * @param ref the ref, not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder ref(String ref) {
      this.ref = Checks.nonBlank(ref, "ref");
      return this;
    }

    /**
     * Keeps builds that produced a package ({@code rpm_name}, {@code rpm_epoch},
     * {@code rpm_version}, {@code rpm_release}, {@code rpm_arch}); null parts are not filtered.
     *
     * @param name the package name, or null
     * @param epoch the epoch, or null
     * @param version the version, or null
     * @param release the release, or null
     * @param arch the architecture, or null
     * @return this builder
     * @throws IllegalArgumentException if a part is blank
     */
    public Builder rpm(String name, String epoch, String version, String release, String arch) {
      this.rpmName = Checks.nullOrNonBlank(name, "rpmName");
      this.rpmEpoch = Checks.nullOrNonBlank(epoch, "rpmEpoch");
      this.rpmVersion = Checks.nullOrNonBlank(version, "rpmVersion");
      this.rpmRelease = Checks.nullOrNonBlank(release, "rpmRelease");
      this.rpmArch = Checks.nullOrNonBlank(arch, "rpmArch");
      return this;
    }

    /**
     * Keeps builds for a platform ({@code platform_id}).
     *
     * @param platformId the platform, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder platformId(long platformId) {
      this.platformId = Checks.positive(platformId, "platformId");
      return this;
    }

    /**
     * Keeps builds with a task for an architecture ({@code build_task_arch}).
     *
     * @param arch the architecture, not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder buildTaskArch(String arch) {
      this.buildTaskArch = Checks.nonBlank(arch, "buildTaskArch");
      return this;
    }

    /**
     * Keeps released or unreleased builds ({@code released}).
     *
     * @param released which to keep
     * @return this builder
     */
    public Builder released(boolean released) {
      this.released = released;
      return this;
    }

    /**
     * Keeps signed or unsigned builds ({@code signed}).
     *
     * @param signed which to keep
     * @return this builder
     */
    public Builder signed(boolean signed) {
      this.signed = signed;
      return this;
    }

    /**
     * Keeps running or finished builds ({@code is_running}).
     *
     * @param running which to keep
     * @return this builder
     */
    public Builder running(boolean running) {
      this.running = running;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public BuildQuery build() {
      return new BuildQuery(createdBy, project, ref, rpmName, rpmEpoch, rpmVersion, rpmRelease,
          rpmArch, platformId, buildTaskArch, released, signed, running);
    }
  }
}
