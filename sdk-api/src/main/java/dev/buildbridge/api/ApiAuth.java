package dev.buildbridge.api;

import dev.buildbridge.api.internal.StaticAuth;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How a transport authorizes its requests: the value of the {@code Authorization} header, computed
 * per request. The factories cover the servers of this module; GitHub App installation tokens come
 * from {@code dev.buildbridge.api.github.GitHubAppAuth}.
 *
 * <pre>{@code
 * ApiAuth albs = ApiAuth.bearer(System.getenv("ALBS_JWT"));            // Authorization: Bearer <jwt>
 * ApiAuth tux = ApiAuth.rawAuthorization(System.getenv("TUXSUITE_TOKEN")); // Authorization: <token>
 * ApiAuth rotating = ApiAuth.bearer(() -> vault.read("kcidb-token"));  // asked on every request
 * }</pre>
 *
 * <p>The values returned are never logged, never copied into exception messages, and the
 * factories' {@code toString()} shows {@code <redacted>}; anything the server echoes back is
 * scrubbed of them. A value with control or non-ASCII characters is refused with an
 * {@link IllegalStateException} that does not show it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApiAuth {

  /**
   * Returns the {@code Authorization} header value for a request. May block, for example to fetch
   * a token; override {@link #authorizationAsync(ApiRequest)} too when it does.
   *
   * @param request the request about to be sent
   * @return the header value, or empty to send none
   * @throws ApiException when obtaining a token from a server failed
   */
  Optional<String> authorization(ApiRequest request);

  /**
   * Returns the header value without blocking the calling thread, for
   * {@link ApiTransport#sendAsync(ApiRequest, Class)}. The default calls
   * {@link #authorization(ApiRequest)} directly, which suits strategies that never block.
   *
   * @param request the request about to be sent
   * @return a future of the header value
   */
  default CompletableFuture<Optional<String>> authorizationAsync(ApiRequest request) {
    try {
      return CompletableFuture.completedFuture(authorization(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Returns a strategy that sends no {@code Authorization} header (the KernelCI bridge, public ALBS
   * reads).
   *
   * @return the strategy
   */
  static ApiAuth none() {
    return StaticAuth.NONE;
  }

  /**
   * Returns {@code Authorization: Bearer <token>} with a fixed token (an ALBS JWT, a GitHub
   * personal access token).
   *
   * @param token the token: printable ASCII without spaces
   * @return the strategy
   * @throws NullPointerException if the token is null
   * @throws IllegalArgumentException if the token is blank or has a space, control or non-ASCII
   *     character (the message does not show it)
   */
  static ApiAuth bearer(String token) {
    return StaticAuth.fixed("Bearer ", Objects.requireNonNull(token, "token"), "bearer");
  }

  /**
   * Returns {@code Authorization: Bearer <token>}, asking the supplier on every request (a token
   * that rotates, from a vault or a file).
   *
   * @param token supplies the token (printable ASCII without spaces); a null or refused value
   *     fails the request with an {@link IllegalStateException} that does not show it
   * @return the strategy
   * @throws NullPointerException if the supplier is null
   */
  static ApiAuth bearer(Supplier<String> token) {
    return StaticAuth.supplied("Bearer ", Objects.requireNonNull(token, "token"));
  }

  /**
   * Returns {@code Authorization: <token>}, the raw token with no scheme, as TuxSuite expects.
   *
   * @param token the token: printable ASCII without spaces
   * @return the strategy
   * @throws NullPointerException if the token is null
   * @throws IllegalArgumentException if the token is blank or has a space, control or non-ASCII
   *     character (the message does not show it)
   */
  static ApiAuth rawAuthorization(String token) {
    return StaticAuth.fixed("", Objects.requireNonNull(token, "token"), "rawAuthorization");
  }

  /**
   * Returns {@code Authorization: <token>} with no scheme, asking the supplier on every request (a
   * TuxSuite token that rotates).
   *
   * @param token supplies the token (printable ASCII without spaces); a null or refused value
   *     fails the request with an {@link IllegalStateException} that does not show it
   * @return the strategy
   * @throws NullPointerException if the supplier is null
   */
  static ApiAuth rawAuthorization(Supplier<String> token) {
    return StaticAuth.supplied("", Objects.requireNonNull(token, "token"));
  }
}
