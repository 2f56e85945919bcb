package dev.buildbridge.api.albs;

import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.api.Paged;
import java.util.Objects;

/**
 * Builds: create, read, list, restart, cancel and delete ({@code /api/v1/builds/...}). Reads are
 * public; changes need a token. Get it from {@link AlbsClient#builds()}.
 *
 * <pre>{@code
 * BuildCreated created = albs.builds().create(request);
 * Build build = albs.builds().get(created.id());
 * albs.builds().list(BuildQuery.newBuilder().project("bash").build()).stream()
 *     .limit(20)
 *     .forEach(b -> System.out.println(b.id() + " " + b.createdAt()));
 * }</pre>
 */
public final class BuildsApi {
  private final ApiTransport transport;

  BuildsApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Creates a build: {@code POST /api/v1/builds/}. Not repeated after a failure that may have
   * reached ALBS (a retry could create a second build).
   *
   * @param request what to build
   * @return the new build's id
   * @throws NullPointerException if the request is null
   * @throws ApiException {@code VALIDATION} when ALBS refuses the request (its
   *     {@link ApiException#detail()} names the field), {@code CLIENT_ERROR} (400) for a build
   *     without enabled tasks, and as {@link ApiTransport#send}
   */
  public BuildCreated create(BuildRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.send(ApiRequest.post("/builds/").json(request).build(), BuildCreated.class);
  }

  /**
   * Reads a build: {@code GET /api/v1/builds/{id}/}.
   *
   * @param buildId the build, positive
   * @return the build with its tasks
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException {@code NOT_FOUND} when there is no such build, and as
   *     {@link ApiTransport#send}
   */
  public Build get(long buildId) {
    Checks.positive(buildId, "buildId");
    return transport.send(ApiRequest.get("/builds/{id}/", buildId).build(), Build.class);
  }

  /**
   * Lists every build, newest first, 10 per page: {@code GET /api/v1/builds/?pageNumber=N}.
   * Lazy: nothing is sent until iteration. ALBS requires {@code pageNumber} on this listing, so
   * unlike products and releases there is no single-answer form.
   *
   * @return the builds
   */
  public Paged<Build> list() {
    return list(BuildQuery.all());
  }

  /**
   * Lists the builds matching a query, newest first, 10 per page:
   * {@code GET /api/v1/builds/?...&pageNumber=N}. Lazy: nothing is sent until iteration; each
   * page is fetched when the previous one is used up.
   *
   * @param query the filters
   * @return the builds
   * @throws NullPointerException if the query is null
   */
  public Paged<Build> list(BuildQuery query) {
    Objects.requireNonNull(query, "query");
    ApiRequest.Builder request = ApiRequest.get("/builds/");
    query.addTo(request);
    return transport.paginate(request.build(), Pages.Builds.class, Pages.BUILDS);
  }

  /**
   * Reads one page of the builds matching a query: {@code GET /api/v1/builds/?...&pageNumber=N}.
   *
   * @param query the filters
   * @param pageNumber the page, from 1
   * @return the page with the total number of builds
   * @throws NullPointerException if the query is null
   * @throws IllegalArgumentException if the page number is below 1
   * @throws ApiException as {@link ApiTransport#send}
   */
  public AlbsPage<Build> page(BuildQuery query, int pageNumber) {
    Objects.requireNonNull(query, "query");
    Checks.positive(pageNumber, "pageNumber");
    ApiRequest.Builder request = ApiRequest.get("/builds/");
    query.addTo(request);
    Pages.Builds page = transport.send(request.query(Pages.PARAMETER, pageNumber).build(),
        Pages.Builds.class);
    return Pages.of(page.builds(), page.total(), pageNumber);
  }

  /**
   * Restarts the failed tasks of a build: {@code PATCH /api/v1/builds/{id}/restart-failed}. Not
   * repeated after a failure that may have reached ALBS.
   *
   * @param buildId the build, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void restartFailed(long buildId) {
    Checks.positive(buildId, "buildId");
    transport.send(ApiRequest.patch("/builds/{id}/restart-failed", buildId).build());
  }

  /**
   * Cancels the unfinished tasks of a build: {@code PATCH /api/v1/builds/{id}/cancel}. Marked
   * safe to repeat: cancelling twice leaves the same build.
   *
   * @param buildId the build, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void cancel(long buildId) {
    Checks.positive(buildId, "buildId");
    transport.send(ApiRequest.patch("/builds/{id}/cancel", buildId).idempotent(true).build());
  }

  /**
   * Deletes a build that was not released: {@code DELETE /api/v1/builds/{id}/remove}. Repeated
   * after a transient failure like every DELETE; a repetition whose first attempt did delete the
   * build fails with {@code NOT_FOUND}.
   *
   * @param buildId the build, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException {@code NOT_FOUND} when there is no such build, {@code CONFLICT} when it
   *     cannot be deleted (released, say), and as {@link ApiTransport#send}
   */
  public void delete(long buildId) {
    Checks.positive(buildId, "buildId");
    transport.send(ApiRequest.delete("/builds/{id}/remove", buildId).build());
  }
}
