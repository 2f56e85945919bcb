package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/**
 * Sign keys ({@code /api/v1/sign-keys/}); needs a token. Get it from
 * {@link AlbsClient#signKeys()}.
 *
 * <pre>{@code
 * List<String> keyIds = albs.signKeys().list().stream()
 *     .filter(SignKey::active).map(SignKey::keyid).toList();
 * }</pre>
 */
public final class SignKeysApi {
  private static final TypeReference<List<SignKey>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  SignKeysApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists the sign keys the user may use: {@code GET /api/v1/sign-keys/}.
   *
   * @return the keys
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<SignKey> list() {
    return Calls.list(transport, ApiRequest.get("/sign-keys/").build(), LIST);
  }
}
