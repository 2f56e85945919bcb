package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.buildbridge.api.Pagination;
import java.util.List;

/** The wrappers ALBS answers listings with when {@code pageNumber} is given. */
final class Pages {
  static final String PARAMETER = "pageNumber";

  private Pages() {}

  /** {@code {"builds": [...], "total_builds": n, "current_page": p}}. */
  record Builds(
      List<Build> builds,
      @JsonProperty("total_builds") Long total,
      @JsonProperty("current_page") Integer currentPage) {
    Builds {
      builds = Copies.list(builds);
    }
  }

  /** {@code {"products": [...], "total_products": n, "current_page": p}}. */
  record Products(
      List<Product> products,
      @JsonProperty("total_products") Long total,
      @JsonProperty("current_page") Integer currentPage) {
    Products {
      products = Copies.list(products);
    }
  }

  /** {@code {"releases": [...], "total_releases": n, "current_page": p}}. */
  record Releases(
      List<Release> releases,
      @JsonProperty("total_releases") Long total,
      @JsonProperty("current_page") Integer currentPage) {
    Releases {
      releases = Copies.list(releases);
    }
  }

  static final Pagination<Builds, Build> BUILDS = Pagination.pageNumber(PARAMETER,
      AlbsPage.PAGE_SIZE, Builds::builds, Builds::total);
  static final Pagination<Products, Product> PRODUCTS = Pagination.pageNumber(PARAMETER,
      AlbsPage.PAGE_SIZE, Products::products, Products::total);
  static final Pagination<Releases, Release> RELEASES = Pagination.pageNumber(PARAMETER,
      AlbsPage.PAGE_SIZE, Releases::releases, Releases::total);

  static <T> AlbsPage<T> of(List<T> items, Long total, int pageNumber) {
    return new AlbsPage<>(items == null ? List.of() : items, total, pageNumber);
  }
}
