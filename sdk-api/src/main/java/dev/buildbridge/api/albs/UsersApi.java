package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/**
 * Users ({@code /api/v1/users/...}). Get it from {@link AlbsClient#users()}.
 *
 * <pre>{@code
 * long myId = albs.users().list().stream()
 *     .filter(u -> u.username().equals("builder")).findFirst().orElseThrow().id();
 * }</pre>
 */
public final class UsersApi {
  private static final TypeReference<List<User>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  UsersApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists every user: {@code GET /api/v1/users/all_users} (no trailing slash). Public.
   *
   * @return the users
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<User> list() {
    return Calls.list(transport, ApiRequest.get("/users/all_users").build(), LIST);
  }
}
