package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A task ALBS hands to a build node ({@code POST /build_node/get_task}): build one source for one
 * architecture of a platform, with the repositories to build against.
 *
 * <pre>{@code
 * Optional<BuildNodeTask> task = albs.buildNode().getTask(List.of("x86_64", "i686"), List.of());
 * task.ifPresent(t -> System.out.println(t.ref().url() + " @ " + t.ref().gitRef()
 *     + " for " + t.platform().name() + "/" + t.arch()));
 * }</pre>
 *
 * @param id the build task id, reported back with {@code build_done} and in pings
 * @param arch the architecture to build, such as {@code x86_64}, or {@code src} for the source
 *     RPM
 * @param buildId the build the task belongs to
 * @param ref what to build
 * @param platform the platform and its build configuration
 * @param createdBy who created the build
 * @param repositories the repositories to build against
 * @param builtSrpmUrl the URL of the source RPM built by the {@code src} task, or null
 * @param srpmHash that source RPM's hash, or null
 * @param almaCommitCasHash the notarization hash of the sources, or null
 * @param casAuthenticated whether the sources were notarized
 * @param secureBoot whether it is a Secure Boot build, or null
 * @param linkedBuilds builds whose packages the build may use
 */
public record BuildNodeTask(
    long id,
    String arch,
    @JsonProperty("build_id") long buildId,
    Ref ref,
    TaskPlatform platform,
    @JsonProperty("created_by") Author createdBy,
    List<TaskRepository> repositories,
    @JsonProperty("built_srpm_url") String builtSrpmUrl,
    @JsonProperty("srpm_hash") String srpmHash,
    @JsonProperty("alma_commit_cas_hash") String almaCommitCasHash,
    @JsonProperty("is_cas_authenticated") boolean casAuthenticated,
    @JsonProperty("is_secure_boot") Boolean secureBoot,
    @JsonProperty("linked_builds") List<Long> linkedBuilds) {

  /** Copies the lists; null reads as empty. */
  public BuildNodeTask {
    repositories = Copies.list(repositories);
    linkedBuilds = Copies.list(linkedBuilds);
  }

  /**
   * What a build node builds.
   *
   * <pre>{@code
   * if (task.ref().refType() == RefType.SRPM_URL) { download(task.ref().url()); }
   * }</pre>
   *
   * @param url the git repository or source RPM URL
   * @param gitRef the ref to check out, or null for a source RPM
   * @param refType what the ref is ({@link RefType#UNKNOWN} for a value this version does not
   *     know)
   * @param gitCommitHash the commit to build, or null
   */
  public record Ref(
      String url,
      @JsonProperty("git_ref") String gitRef,
      @JsonProperty("ref_type") RefType refType,
      @JsonProperty("git_commit_hash") String gitCommitHash) {}

  /**
   * The platform of a build node task.
   *
   * <pre>{@code
   * Object mockConfig = task.platform().data().get("mock");
   * }</pre>
   *
   * @param name the platform name, such as {@code AlmaLinux-9}
   * @param type the package type, {@code rpm} or {@code deb}
   * @param data the build configuration (mock, yum and definitions settings) as ALBS sends it;
   *     empty when none; nested values are unmodifiable
   */
  public record TaskPlatform(String name, String type, Map<String, Object> data) {

    /** Copies the configuration; null reads as empty. */
    public TaskPlatform {
      data = Copies.tree(data);
    }
  }

  /**
   * Who created the build.
   *
   * <pre>{@code
   * String packager = task.createdBy().name() + " <" + task.createdBy().email() + ">";
   * }</pre>
   *
   * @param name the user name
   * @param email the e-mail address
   */
  public record Author(String name, String email) {}

  /**
   * A repository to build against.
   *
   * <pre>{@code
   * task.repositories().stream().filter(BuildNodeTask.TaskRepository::mockEnabled)
   *     .forEach(r -> mockConfig.addRepo(r.name(), r.url(), r.priority()));
   * }</pre>
   *
   * @param name the repository name
   * @param url its URL
   * @param priority its priority
   * @param mockEnabled whether mock should use it
   */
  public record TaskRepository(
      String name,
      String url,
      int priority,
      @JsonProperty("mock_enabled") boolean mockEnabled) {}
}
