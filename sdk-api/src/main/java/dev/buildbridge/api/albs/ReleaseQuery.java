package dev.buildbridge.api.albs;

import dev.buildbridge.api.ApiRequest;
import java.util.Objects;

/**
 * The filters of {@code GET /api/v1/releases/}; null filters are not sent.
 *
 * <pre>{@code
 * List<Release> failed = albs.releases().listAll(ReleaseQuery.newBuilder()
 *     .productId(1).status(ReleaseStatus.FAILED).build());
 * }</pre>
 *
 * @param productId the product, or null
 * @param platformId the platform, or null
 * @param status the status, or null; never {@link ReleaseStatus#UNKNOWN}
 * @param packageName a package released, or null
 */
public record ReleaseQuery(Long productId, Long platformId, ReleaseStatus status,
    String packageName) {

  private static final ReleaseQuery ALL = new ReleaseQuery(null, null, null, null);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if an id is not positive, the status is {@code UNKNOWN} or
   *     the package name is blank
   */
  public ReleaseQuery {
    Checks.nullOrPositive(productId, "productId");
    Checks.nullOrPositive(platformId, "platformId");
    if (status == ReleaseStatus.UNKNOWN) {
      throw new IllegalArgumentException("status UNKNOWN cannot be sent");
    }
    Checks.nullOrNonBlank(packageName, "packageName");
  }

  /**
   * Returns the query without filters.
   *
   * @return the query
   */
  public static ReleaseQuery all() {
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
    b.productId = productId;
    b.platformId = platformId;
    b.status = status;
    b.packageName = packageName;
    return b;
  }

  void addTo(ApiRequest.Builder request) {
    request.query("product_id", productId)
        .query("platform_id", platformId)
        .query("status", status == null ? null : status.code())
        .query("package_name", packageName);
  }

  /** Configures a {@link ReleaseQuery}; every filter's default is null, not sent. */
  public static final class Builder {
    private Long productId;
    private Long platformId;
    private ReleaseStatus status;
    private String packageName;

    private Builder() {}

    /**
     * Keeps releases of a product ({@code product_id}).
     *
     * @param productId the product, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder productId(long productId) {
      this.productId = Checks.positive(productId, "productId");
      return this;
    }

    /**
     * Keeps releases to a platform ({@code platform_id}).
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
     * Keeps releases in a status ({@code status}, sent as its code).
     *
     * @param status the status, not {@link ReleaseStatus#UNKNOWN}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if {@code UNKNOWN}
     */
    public Builder status(ReleaseStatus status) {
      Objects.requireNonNull(status, "status");
      if (status == ReleaseStatus.UNKNOWN) {
        throw new IllegalArgumentException("status UNKNOWN cannot be sent");
      }
      this.status = status;
      return this;
    }

    /**
     * Keeps releases of a package ({@code package_name}).
     *
     * @param packageName the package name, not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder packageName(String packageName) {
      this.packageName = Checks.nonBlank(packageName, "packageName");
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public ReleaseQuery build() {
      return new ReleaseQuery(productId, platformId, status, packageName);
    }
  }
}
