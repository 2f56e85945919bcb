package dev.buildbridge.api.albs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a build node's task ended and what it produced: the content of a {@code build_done} report
 * without the task id. A {@link TaskBuilder} returns one to {@link BuildNodeAgent}; a node that
 * runs its own loop passes one to {@link BuildNodeApi#buildDone(long, BuildResult)}.
 *
 * <pre>{@code
 * BuildResult result = BuildResult.newBuilder(BuildOutcome.DONE)
 *     .artifacts(uploaded)                       // RPMs and logs, already in Pulp
 *     .stat("build_binaries", Map.of("start_ts", "2026-05-01 12:00:03.112233",
 *         "end_ts", "2026-05-01 12:04:41.009988", "delta", "0:04:37.897755"))
 *     .gitCommitHash("9d2c7a4e1f0b3a5c6d7e8f9a0b1c2d3e4f5a6b7c")
 *     .build();
 * }</pre>
 *
 * @param outcome how the build ended
 * @param artifacts the uploaded packages and logs; on failure usually only logs
 * @param stats timings per stage, each a map of strings (ALBS refuses other values); sent as
 *     {@code stats}
 * @param gitCommitHash the commit built, or null
 * @param casAuthenticated whether the sources were notarized
 * @param almaCommitCasHash the notarization hash, or null
 */
public record BuildResult(
    BuildOutcome outcome,
    List<BuildArtifact> artifacts,
    Map<String, Map<String, String>> stats,
    String gitCommitHash,
    boolean casAuthenticated,
    String almaCommitCasHash) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the outcome, an artifact, a stage name, a stage or a stage
   *     value is null
   * @throws IllegalArgumentException if a text is blank
   */
  public BuildResult {
    Objects.requireNonNull(outcome, "outcome");
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    stats = copyStats(stats);
    Checks.nullOrNonBlank(gitCommitHash, "gitCommitHash");
    Checks.nullOrNonBlank(almaCommitCasHash, "almaCommitCasHash");
  }

  private static Map<String, Map<String, String>> copyStats(
      Map<String, Map<String, String>> stats) {
    if (stats == null) {
      return Map.of();
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> stage : stats.entrySet()) {
      String name = Checks.nonBlank(stage.getKey(), "stats stage name");
      Map<String, String> values = Objects.requireNonNull(stage.getValue(), "stats." + name);
      Map<String, String> copy = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : values.entrySet()) {
        String key = Objects.requireNonNull(e.getKey(), "a key of stats." + name);
        copy.put(key, Objects.requireNonNull(e.getValue(), "stats." + name + "." + key));
      }
      out.put(name, Collections.unmodifiableMap(copy));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns a successful result.
   *
   * @param artifacts the uploaded packages and logs
   * @return the result
   * @throws NullPointerException if the list or an artifact is null
   */
  public static BuildResult done(List<BuildArtifact> artifacts) {
    return newBuilder(BuildOutcome.DONE).artifacts(artifacts).build();
  }

  /**
   * Returns a failed result.
   *
   * @param logs the uploaded logs, possibly none
   * @return the result
   * @throws NullPointerException if the list or an artifact is null
   */
  public static BuildResult failed(List<BuildArtifact> logs) {
    return newBuilder(BuildOutcome.FAILED).artifacts(logs).build();
  }

  /**
   * Returns the result of a package that does not build on the task's architecture.
   *
   * @param logs the uploaded logs, possibly none
   * @return the result
   * @throws NullPointerException if the list or an artifact is null
   */
  public static BuildResult excluded(List<BuildArtifact> logs) {
    return newBuilder(BuildOutcome.EXCLUDED).artifacts(logs).build();
  }

  /**
   * Starts a result.
   *
   * @param outcome how the build ended
   * @return a builder
   * @throws NullPointerException if the outcome is null
   */
  public static Builder newBuilder(BuildOutcome outcome) {
    return new Builder(Objects.requireNonNull(outcome, "outcome"));
  }

  /**
   * Returns a builder holding this result's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(outcome);
    b.artifacts.addAll(artifacts);
    b.stats.putAll(stats);
    b.gitCommitHash = gitCommitHash;
    b.casAuthenticated = casAuthenticated;
    b.almaCommitCasHash = almaCommitCasHash;
    return b;
  }

  /** Configures a {@link BuildResult}. */
  public static final class Builder {
    private final BuildOutcome outcome;
    private final List<BuildArtifact> artifacts = new ArrayList<>();
    private final Map<String, Map<String, String>> stats = new LinkedHashMap<>();
    private String gitCommitHash;
    private boolean casAuthenticated;
    private String almaCommitCasHash;

    private Builder(BuildOutcome outcome) {
      this.outcome = outcome;
    }

    /**
     * Adds an uploaded file. Default: none.
     *
     * @param artifact the file
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder artifact(BuildArtifact artifact) {
      artifacts.add(Objects.requireNonNull(artifact, "artifact"));
      return this;
    }

    /**
     * Adds uploaded files.
     *
     * @param artifacts the files
     * @return this builder
     * @throws NullPointerException if the collection or an element is null
     */
    public Builder artifacts(Collection<BuildArtifact> artifacts) {
      Objects.requireNonNull(artifacts, "artifacts");
      for (BuildArtifact artifact : artifacts) {
        artifact(artifact);
      }
      return this;
    }

    /**
     * Sets the timings of a stage, such as {@code build_binaries} with {@code start_ts},
     * {@code end_ts} and {@code delta}. {@link BuildNodeAgent} adds {@code build_node_task}
     * itself. Default: none.
     *
     * @param stage the stage name, not blank
     * @param values the stage's values (copied)
     * @return this builder
     * @throws NullPointerException if an argument, key or value is null
     * @throws IllegalArgumentException if the stage name is blank
     */
    public Builder stat(String stage, Map<String, String> values) {
      Checks.nonBlank(stage, "stage");
      Objects.requireNonNull(values, "values");
      stats.put(stage, new LinkedHashMap<>(values));
      return this;
    }

    /**
     * Sets the commit that was built. Default: none.
     *
     * @param gitCommitHash the commit, not blank, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder gitCommitHash(String gitCommitHash) {
      this.gitCommitHash = Checks.nullOrNonBlank(gitCommitHash, "gitCommitHash");
      return this;
    }

    /**
     * Reports the sources as notarized. Default: not notarized.
     *
     * @param almaCommitCasHash the notarization hash, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder casAuthenticated(String almaCommitCasHash) {
      this.casAuthenticated = true;
      this.almaCommitCasHash = Checks.nullOrNonBlank(almaCommitCasHash, "almaCommitCasHash");
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     */
    public BuildResult build() {
      return new BuildResult(outcome, artifacts, stats, gitCommitHash, casAuthenticated,
          almaCommitCasHash);
    }
  }
}
