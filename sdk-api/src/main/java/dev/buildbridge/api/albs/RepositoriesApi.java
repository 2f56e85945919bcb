package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;
import java.util.Optional;

/**
 * Repositories ({@code /api/v1/repositories/}); needs a token. Get it from
 * {@link AlbsClient#repositories()}.
 *
 * <pre>{@code
 * Optional<Repository> repo = albs.repositories().get(12);
 * }</pre>
 */
public final class RepositoriesApi {
  private static final TypeReference<List<Repository>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  RepositoriesApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists the repositories: {@code GET /api/v1/repositories/}.
   *
   * @return every repository
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<Repository> list() {
    return Calls.list(transport, ApiRequest.get("/repositories/").build(), LIST);
  }

  /**
   * Reads a repository: {@code GET /api/v1/repositories/{id}/}, which ALBS answers with JSON
   * {@code null} when there is none.
   *
   * @param repositoryId the repository, positive
   * @return the repository, or empty
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public Optional<Repository> get(long repositoryId) {
    Checks.positive(repositoryId, "repositoryId");
    return transport.exchange(ApiRequest.get("/repositories/{id}/", repositoryId).build(),
        Repository.class).body();
  }
}
