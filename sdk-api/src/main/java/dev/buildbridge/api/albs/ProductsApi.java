package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.api.Paged;
import java.util.List;

/**
 * Products ({@code /api/v1/products/}). Reads are public. Get it from
 * {@link AlbsClient#products()}.
 *
 * <pre>{@code
 * Product alma = albs.products().list("AlmaLinux").stream()
 *     .filter(p -> p.name().equals("AlmaLinux")).findFirst().orElseThrow();
 * }</pre>
 */
public final class ProductsApi {
  private static final TypeReference<List<Product>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  ProductsApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists the products 10 per page: {@code GET /api/v1/products/?pageNumber=N}. Lazy.
   *
   * @return the products
   */
  public Paged<Product> list() {
    return list(null);
  }

  /**
   * Lists the products whose name matches a search, 10 per page:
   * {@code GET /api/v1/products/?search_string=...&pageNumber=N}. Lazy.
   *
   * @param searchString the text to look for, or null for every product
   * @return the products
   * @throws IllegalArgumentException if the search is blank
   */
  public Paged<Product> list(String searchString) {
    Checks.nullOrNonBlank(searchString, "searchString");
    return transport.paginate(
        ApiRequest.get("/products/").query("search_string", searchString).build(),
        Pages.Products.class, Pages.PRODUCTS);
  }

  /**
   * Reads one page of products: {@code GET /api/v1/products/?pageNumber=N}.
   *
   * @param pageNumber the page, from 1
   * @param searchString the text to look for, or null for every product
   * @return the page with the total number of products
   * @throws IllegalArgumentException if the page number is below 1 or the search is blank
   * @throws ApiException as {@link ApiTransport#send}
   */
  public AlbsPage<Product> page(int pageNumber, String searchString) {
    Checks.positive(pageNumber, "pageNumber");
    Checks.nullOrNonBlank(searchString, "searchString");
    Pages.Products page = transport.send(ApiRequest.get("/products/")
        .query("search_string", searchString).query(Pages.PARAMETER, pageNumber).build(),
        Pages.Products.class);
    return Pages.of(page.products(), page.total(), pageNumber);
  }

  /**
   * Lists every product in one answer: {@code GET /api/v1/products/} without {@code pageNumber},
   * which ALBS answers with a bare list.
   *
   * @return every product
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<Product> listAll() {
    return Calls.list(transport, ApiRequest.get("/products/").build(), LIST);
  }

  /**
   * Reads a product: {@code GET /api/v1/products/{id}/}.
   *
   * @param productId the product, positive
   * @return the product
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException {@code NOT_FOUND} when there is no such product, and as
   *     {@link ApiTransport#send}
   */
  public Product get(long productId) {
    Checks.positive(productId, "productId");
    return transport.send(ApiRequest.get("/products/{id}/", productId).build(), Product.class);
  }
}
