package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/**
 * Platforms ({@code /api/v1/platforms/}). Get it from {@link AlbsClient#platforms()}.
 *
 * <pre>{@code
 * List<String> names = albs.platforms().list().stream().map(Platform::name).toList();
 * }</pre>
 */
public final class PlatformsApi {
  private static final TypeReference<List<Platform>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  PlatformsApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists the platforms: {@code GET /api/v1/platforms/}. Public.
   *
   * @return every platform
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<Platform> list() {
    return Calls.list(transport, ApiRequest.get("/platforms/").build(), LIST);
  }
}
