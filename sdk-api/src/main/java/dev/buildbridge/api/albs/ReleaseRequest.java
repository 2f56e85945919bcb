package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /api/v1/releases/new/} (ALBS's {@code ReleaseCreate}): which builds to
 * release to which platform of which product. ALBS answers with the release and its plan.
 *
 * <pre>{@code
 * Release release = albs.releases().create(ReleaseRequest.of(List.of(42L, 43L), 2, 1));
 * }</pre>
 *
 * @param builds the builds to release, at least one
 * @param buildTasks only these tasks of the builds, or null for all of them
 * @param platformId the platform released to, positive
 * @param productId the product released to, positive
 */
public record ReleaseRequest(
    List<Long> builds,
    @JsonProperty("build_tasks") List<Long> buildTasks,
    @JsonProperty("platform_id") long platformId,
    @JsonProperty("product_id") long productId) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the builds or an id is null
   * @throws IllegalArgumentException if there is no build or an id is not positive
   */
  public ReleaseRequest {
    builds = Checks.ids(builds, "builds");
    if (builds.isEmpty()) {
      throw new IllegalArgumentException("builds is empty: a release needs at least one build");
    }
    buildTasks = buildTasks == null ? null : Checks.ids(buildTasks, "buildTasks");
    Checks.positive(platformId, "platformId");
    Checks.positive(productId, "productId");
  }

  /**
   * Returns a request releasing whole builds.
   *
   * @param builds the builds, at least one
   * @param platformId the platform, positive
   * @param productId the product, positive
   * @return the request
   * @throws NullPointerException if the builds or an id is null
   * @throws IllegalArgumentException if there is no build or an id is not positive
   */
  public static ReleaseRequest of(List<Long> builds, long platformId, long productId) {
    return new ReleaseRequest(builds, null, platformId, productId);
  }
}
