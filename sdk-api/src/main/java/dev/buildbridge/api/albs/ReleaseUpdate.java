package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code PUT /api/v1/releases/{id}/} (ALBS's {@code ReleaseUpdate}): only the
 * components that are not null are sent and changed. Only a scheduled release can be changed.
 *
 * <pre>{@code
 * Release release = albs.releases().get(7);
 * Map<String, Object> plan = new HashMap<>(release.plan());
 * plan.put("packages", keptPackages);
 * albs.releases().update(7, ReleaseUpdate.ofPlan(plan));
 * }</pre>
 *
 * @param builds the builds to release, or null to keep them
 * @param buildTasks the build tasks to release, or null to keep them
 * @param plan the edited release plan, or null to keep it; nested values are unmodifiable
 */
public record ReleaseUpdate(
    List<Long> builds,
    @JsonProperty("build_tasks") List<Long> buildTasks,
    Map<String, Object> plan) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if an id is null
   * @throws IllegalArgumentException if nothing would change or an id is not positive
   */
  public ReleaseUpdate {
    builds = builds == null ? null : Checks.ids(builds, "builds");
    buildTasks = buildTasks == null ? null : Checks.ids(buildTasks, "buildTasks");
    plan = Copies.treeOrNull(plan);
    if (builds == null && buildTasks == null && plan == null) {
      throw new IllegalArgumentException("release update changes nothing");
    }
  }

  /**
   * Returns an update of the plan only.
   *
   * @param plan the edited plan
   * @return the update
   * @throws NullPointerException if the plan is null
   */
  public static ReleaseUpdate ofPlan(Map<String, ?> plan) {
    return new ReleaseUpdate(null, null, Copies.tree(Objects.requireNonNull(plan, "plan")));
  }

  /**
   * Returns an update of the builds only; ALBS prepares a new plan.
   *
   * @param builds the builds to release
   * @return the update
   * @throws NullPointerException if the list or an id is null
   * @throws IllegalArgumentException if an id is not positive
   */
  public static ReleaseUpdate ofBuilds(List<Long> builds) {
    return new ReleaseUpdate(Checks.ids(builds, "builds"), null, null);
  }
}
