package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.api.Paged;
import java.util.List;
import java.util.Objects;

/**
 * Releases ({@code /api/v1/releases/...}): create a release of builds, adjust its plan, commit
 * it. Reads are public; changes need a token. Get it from {@link AlbsClient#releases()}.
 *
 * <pre>{@code
 * Release release = albs.releases().create(ReleaseRequest.of(List.of(42L), 2, 1));
 * String message = albs.releases().commit(release.id());  // executes asynchronously
 * ReleaseStatus status = albs.releases().get(release.id()).status();
 * }</pre>
 */
public final class ReleasesApi {
  private static final TypeReference<List<Release>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  ReleasesApi(ApiTransport transport) {
    this.transport = transport;
  }

  /** {@code {"message": "..."}}. */
  record Message(String message) {}

  /**
   * Creates a release with a plan ALBS prepares: {@code POST /api/v1/releases/new/}. Not
   * repeated after a failure that may have reached ALBS.
   *
   * @param request the builds, platform and product
   * @return the scheduled release
   * @throws NullPointerException if the request is null
   * @throws ApiException as {@link ApiTransport#send}
   */
  public Release create(ReleaseRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.send(ApiRequest.post("/releases/new/").json(request).build(),
        Release.class);
  }

  /**
   * Changes a scheduled release: {@code PUT /api/v1/releases/{id}/}. Repeated after a transient
   * failure (the same changes give the same release).
   *
   * @param releaseId the release, positive
   * @param update the changes
   * @return the changed release
   * @throws NullPointerException if the update is null
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public Release update(long releaseId, ReleaseUpdate update) {
    Checks.positive(releaseId, "releaseId");
    Objects.requireNonNull(update, "update");
    return transport.send(ApiRequest.put("/releases/{id}/", releaseId).json(update).build(),
        Release.class);
  }

  /**
   * Starts executing a release's plan: {@code POST /api/v1/releases/{id}/commit/}. ALBS answers
   * at once and sets the release {@link ReleaseStatus#IN_PROGRESS}; poll {@link #get(long)} for
   * the result. Not repeated after a failure that may have reached ALBS.
   *
   * @param releaseId the release, positive
   * @return ALBS's message, such as {@code Release plan execution has been started}
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public String commit(long releaseId) {
    Checks.positive(releaseId, "releaseId");
    return transport.send(ApiRequest.post("/releases/{id}/commit/", releaseId).build(),
        Message.class).message();
  }

  /**
   * Reads a release: {@code GET /api/v1/releases/{id}/}.
   *
   * @param releaseId the release, positive
   * @return the release
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException {@code NOT_FOUND} when there is no such release, and as
   *     {@link ApiTransport#send}
   */
  public Release get(long releaseId) {
    Checks.positive(releaseId, "releaseId");
    return transport.send(ApiRequest.get("/releases/{id}/", releaseId).build(), Release.class);
  }

  /**
   * Lists the releases matching a query, 10 per page:
   * {@code GET /api/v1/releases/?...&pageNumber=N}. Lazy.
   *
   * @param query the filters
   * @return the releases
   * @throws NullPointerException if the query is null
   */
  public Paged<Release> list(ReleaseQuery query) {
    Objects.requireNonNull(query, "query");
    ApiRequest.Builder request = ApiRequest.get("/releases/");
    query.addTo(request);
    return transport.paginate(request.build(), Pages.Releases.class, Pages.RELEASES);
  }

  /**
   * Reads one page of the releases matching a query.
   *
   * @param query the filters
   * @param pageNumber the page, from 1
   * @return the page with the total number of releases
   * @throws NullPointerException if the query is null
   * @throws IllegalArgumentException if the page number is below 1
   * @throws ApiException as {@link ApiTransport#send}
   */
  public AlbsPage<Release> page(ReleaseQuery query, int pageNumber) {
    Objects.requireNonNull(query, "query");
    Checks.positive(pageNumber, "pageNumber");
    ApiRequest.Builder request = ApiRequest.get("/releases/");
    query.addTo(request);
    Pages.Releases page = transport.send(request.query(Pages.PARAMETER, pageNumber).build(),
        Pages.Releases.class);
    return Pages.of(page.releases(), page.total(), pageNumber);
  }

  /**
   * Lists every release matching a query in one answer: {@code GET /api/v1/releases/?...}
   * without {@code pageNumber}, which ALBS answers with a bare list.
   *
   * @param query the filters
   * @return the releases
   * @throws NullPointerException if the query is null
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<Release> listAll(ReleaseQuery query) {
    Objects.requireNonNull(query, "query");
    ApiRequest.Builder request = ApiRequest.get("/releases/");
    query.addTo(request);
    return Calls.list(transport, request.build(), LIST);
  }
}
