package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One task of a build: one source built for one architecture on one platform.
 *
 * <pre>{@code
 * for (BuildTask task : albs.builds().get(42).tasks()) {
 *   System.out.println(task.arch() + " " + task.status() + " " + task.artifacts().size());
 * }
 * }</pre>
 *
 * @param id the task id
 * @param ts when a build node last reported on it (ALBS's lease), or null
 * @param startedAt when the build started, or null
 * @param finishedAt when it finished, or null
 * @param status the status ({@link BuildTaskStatus#UNKNOWN} for a code this version does not
 *     know)
 * @param index the task's position in the build
 * @param arch the architecture, such as {@code x86_64} or {@code src}
 * @param platform the platform
 * @param ref what is built
 * @param rpmModules the modules built, empty for plain packages
 * @param artifacts the packages and logs produced
 * @param casAuthenticated whether the sources were notarized, or null
 * @param almaCommitCasHash the notarization hash, or null
 * @param mockOptions the mock options, empty when none; nested values are unmodifiable
 * @param secureBoot whether it is a Secure Boot build, or null
 * @param testTasks the test runs of the task
 * @param error the build error, or null
 * @param performanceStats the timings; empty when none
 */
public record BuildTask(
    long id,
    @JsonDeserialize(using = AlbsJson.InstantReader.class) Instant ts,
    @JsonProperty("started_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant startedAt,
    @JsonProperty("finished_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant finishedAt,
    BuildTaskStatus status,
    int index,
    String arch,
    TaskPlatform platform,
    BuildTaskRef ref,
    @JsonProperty("rpm_modules") List<RpmModule> rpmModules,
    List<Artifact> artifacts,
    @JsonProperty("is_cas_authenticated") Boolean casAuthenticated,
    @JsonProperty("alma_commit_cas_hash") String almaCommitCasHash,
    @JsonProperty("mock_options") Map<String, Object> mockOptions,
    @JsonProperty("is_secure_boot") Boolean secureBoot,
    @JsonProperty("test_tasks") List<TestRun> testTasks,
    String error,
    @JsonProperty("performance_stats") List<PerformanceStats> performanceStats) {

  /** Copies the collections; null reads as empty. */
  public BuildTask {
    rpmModules = Copies.list(rpmModules);
    artifacts = Copies.list(artifacts);
    mockOptions = Copies.tree(mockOptions);
    testTasks = Copies.list(testTasks);
    performanceStats = Copies.list(performanceStats);
  }

  /**
   * The platform of a build task.
   *
   * <pre>{@code
   * String platform = task.platform().name();   // AlmaLinux-9
   * }</pre>
   *
   * @param id the platform id
   * @param type the package type, such as {@code rpm}
   * @param name the platform name
   * @param archList the platform's architectures
   */
  public record TaskPlatform(
      long id,
      String type,
      String name,
      @JsonProperty("arch_list") List<String> archList) {

    /** Copies the architectures; null reads as empty. */
    public TaskPlatform {
      archList = Copies.list(archList);
    }
  }

  /**
   * A package or log a build task produced, stored in Pulp.
   *
   * <pre>{@code
   * List<String> rpms = task.artifacts().stream()
   *     .filter(a -> a.type() == ArtifactType.RPM).map(BuildTask.Artifact::name).toList();
   * }</pre>
   *
   * @param id the artifact id
   * @param name the file name
   * @param type the kind ({@link ArtifactType#UNKNOWN} for one this version does not know)
   * @param href the Pulp href
   * @param casHash the notarization hash, or null
   * @param meta extra metadata, empty when none; nested values are unmodifiable
   */
  public record Artifact(
      long id,
      String name,
      ArtifactType type,
      String href,
      @JsonProperty("cas_hash") String casHash,
      Map<String, Object> meta) {

    /** Copies the metadata; null reads as empty. */
    public Artifact {
      meta = Copies.tree(meta);
    }
  }

  /**
   * A module a build task built.
   *
   * <pre>{@code
   * task.rpmModules().forEach(m -> System.out.println(m.name() + ":" + m.stream()));
   * }</pre>
   *
   * @param id the module id
   * @param name the module name
   * @param version the version
   * @param stream the stream
   * @param context the context
   * @param arch the architecture
   */
  public record RpmModule(long id, String name, String version, String stream, String context,
      String arch) {}

  /**
   * A test run of a build task, as embedded in it; {@link TestTasksApi} has the details.
   *
   * <pre>{@code
   * int latestRevision = task.testTasks().stream().mapToInt(BuildTask.TestRun::revision).max()
   *     .orElse(0);
   * }</pre>
   *
   * @param id the test task id
   * @param status the status ({@link TestTaskStatus#UNKNOWN} for a code this version does not
   *     know)
   * @param revision the revision
   * @param performanceStats the timings; empty when none
   */
  public record TestRun(
      long id,
      TestTaskStatus status,
      int revision,
      @JsonProperty("performance_stats") List<PerformanceStats> performanceStats) {

    /** Copies the timings; null reads as empty. */
    public TestRun {
      performanceStats = Copies.list(performanceStats);
    }
  }
}
