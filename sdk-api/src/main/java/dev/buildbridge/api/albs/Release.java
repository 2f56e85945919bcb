package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A release: builds moved from the build repositories to a product's repositories, following a
 * plan ALBS prepares and a user may edit before committing it.
 *
 * <pre>{@code
 * Release release = albs.releases().create(ReleaseRequest.of(List.of(42L), alma9.id(), 1));
 * albs.releases().commit(release.id());
 * }</pre>
 *
 * @param id the release id
 * @param status the status ({@link ReleaseStatus#UNKNOWN} for a code this version does not know)
 * @param buildIds the builds released
 * @param buildTaskIds the build tasks released, empty when the whole builds are
 * @param plan the release plan (packages and target repositories), empty when none; nested
 *     values are unmodifiable
 * @param owner who created it
 * @param platform the platform released to
 * @param product the product released to (id, name, title, description and community flag)
 * @param performanceStats the timings; empty when none
 * @param createdAt when it was created, or null
 */
public record Release(
    long id,
    ReleaseStatus status,
    @JsonProperty("build_ids") List<Long> buildIds,
    @JsonProperty("build_task_ids") List<Long> buildTaskIds,
    Map<String, Object> plan,
    User owner,
    Platform platform,
    Product product,
    @JsonProperty("performance_stats") List<PerformanceStats> performanceStats,
    @JsonProperty("created_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant createdAt) {

  /** Copies the collections; null reads as empty. */
  public Release {
    buildIds = Copies.list(buildIds);
    buildTaskIds = Copies.list(buildTaskIds);
    plan = Copies.tree(plan);
    performanceStats = Copies.list(performanceStats);
  }
}
