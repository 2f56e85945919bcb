package dev.buildbridge.api;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful response (a 2xx, or a status the request {@linkplain
 * ApiRequest.Builder#treatAsSuccess(int) treats as success}) with its body read as the requested
 * type. Immutable.
 *
 * <pre>{@code
 * ApiResponse<Task> response = transport.exchange(
 *     ApiRequest.post("/build_node/get_task").json(request).build(), Task.class);
 * Optional<Task> task = response.body();          // empty: ALBS answered JSON null, nothing to do
 * String location = response.header("Location").orElse(null);
 * }</pre>
 *
 * @param <T> the body type
 */
public final class ApiResponse<T> {
  private final int status;
  private final HttpHeaders headers;
  private final T body;
  private final int attempts;

  ApiResponse(int status, HttpHeaders headers, T body, int attempts) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
    this.attempts = attempts;
  }

  /**
   * Returns the HTTP status.
   *
   * @return for example 200, 201, 204, or 409 when the request treats it as success
   */
  public int status() {
    return status;
  }

  /**
   * Returns the response headers.
   *
   * @return the headers, looked up case-insensitively
   */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, case-insensitive
   * @return the value, or empty
   * @throws NullPointerException if the name is null
   */
  public Optional<String> header(String name) {
    return headers.firstValue(Objects.requireNonNull(name, "name"));
  }

  /**
   * Returns the body.
   *
   * @return the body; empty for a 204, an empty body, a JSON {@code null}, a HEAD request, or when
   *     the requested type was {@code Void}
   */
  public Optional<T> body() {
    return Optional.ofNullable(body);
  }

  /**
   * Returns how many times the request was sent before this response.
   *
   * @return 1 when it was not retried
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Shows the status and whether there is a body; never header values or the body.
   *
   * @return for example {@code ApiResponse[status=201, body=present]}
   */
  @Override
  public String toString() {
    return "ApiResponse[status=" + status + ", body=" + (body == null ? "none" : "present") + "]";
  }
}
