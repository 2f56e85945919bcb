package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A build: one or more sources built for the architectures of one or more platforms, with its
 * tasks, signing and release state.
 *
 * <pre>{@code
 * Build build = albs.builds().get(42);
 * boolean finished = build.tasks().stream().allMatch(t -> t.status().isFinished());
 * boolean failed = build.tasks().stream().anyMatch(t -> t.status() == BuildTaskStatus.FAILED);
 * }</pre>
 *
 * @param id the build id
 * @param createdAt when it was created
 * @param finishedAt when its last task finished, or null
 * @param tasks its tasks
 * @param owner who created it (id, user name and e-mail only)
 * @param signTasks its sign tasks
 * @param linkedBuilds the builds whose packages this build may use
 * @param mockOptions the mock options, empty when none; nested values are unmodifiable
 * @param platformFlavors the platform flavors used
 * @param releaseId the release it went out with, or null
 * @param released whether it was released
 * @param cancelTesting whether its tests were cancelled, or null
 * @param products the products it belongs to
 */
public record Build(
    long id,
    @JsonProperty("created_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant createdAt,
    @JsonProperty("finished_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant finishedAt,
    List<BuildTask> tasks,
    User owner,
    @JsonProperty("sign_tasks") List<SignRun> signTasks,
    @JsonProperty("linked_builds") List<Long> linkedBuilds,
    @JsonProperty("mock_options") Map<String, Object> mockOptions,
    @JsonProperty("platform_flavors") List<NamedRef> platformFlavors,
    @JsonProperty("release_id") Long releaseId,
    boolean released,
    @JsonProperty("cancel_testing") Boolean cancelTesting,
    List<NamedRef> products) {

  /** Copies the collections; null reads as empty. */
  public Build {
    tasks = Copies.list(tasks);
    signTasks = Copies.list(signTasks);
    linkedBuilds = Copies.list(linkedBuilds);
    mockOptions = Copies.tree(mockOptions);
    platformFlavors = Copies.list(platformFlavors);
    products = Copies.list(products);
  }

  /**
   * A sign task of a build, as embedded in it; {@link SignTasksApi} has the details.
   *
   * <pre>{@code
   * boolean signed = build.signTasks().stream()
   *     .anyMatch(s -> s.status() == SignTaskStatus.COMPLETED);
   * }</pre>
   *
   * @param id the sign task id
   * @param startedAt when signing started, or null
   * @param finishedAt when it finished, or null
   * @param status the status ({@link SignTaskStatus#UNKNOWN} for a code this version does not
   *     know)
   * @param stats the sign node's timings, empty when none; nested values are unmodifiable
   */
  public record SignRun(
      long id,
      @JsonProperty("started_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
          Instant startedAt,
      @JsonProperty("finished_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
          Instant finishedAt,
      SignTaskStatus status,
      Map<String, Object> stats) {

    /** Copies the timings; null reads as empty. */
    public SignRun {
      stats = Copies.tree(stats);
    }
  }
}
