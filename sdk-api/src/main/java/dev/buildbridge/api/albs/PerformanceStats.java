package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Timings ALBS keeps for a build task, test task or release: {@code statistics} maps stage names
 * to their measurements, as the nodes reported them.
 *
 * <pre>{@code
 * for (PerformanceStats stats : task.performanceStats()) {
 *   Object buildNode = stats.statistics().get("build_node_stats");
 * }
 * }</pre>
 *
 * @param id the record id
 * @param buildTaskId the build task measured, or null
 * @param testTaskId the test task measured, or null
 * @param releaseId the release measured, or null
 * @param statistics the measurements; empty when none; nested values are unmodifiable
 */
public record PerformanceStats(
    long id,
    @JsonProperty("build_task_id") Long buildTaskId,
    @JsonProperty("test_task_id") Long testTaskId,
    @JsonProperty("release_id") Long releaseId,
    Map<String, Object> statistics) {

  /** Copies the statistics; null reads as empty. */
  public PerformanceStats {
    statistics = Copies.tree(statistics);
  }
}
