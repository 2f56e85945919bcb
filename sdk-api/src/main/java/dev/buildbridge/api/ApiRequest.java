package dev.buildbridge.api;

import dev.buildbridge.api.internal.PathTemplate;
import dev.buildbridge.api.internal.UriEncoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One HTTP call, described independently of the server it goes to: method, path relative to the
 * transport's base URL, query, body, extra headers and how it may be retried. Immutable and
 * thread-safe; a client builds one per call and hands it to {@link ApiTransport}.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.patch("/repos/{owner}/{repo}/check-runs/{id}", owner, repo, id)
 *     .json(update)
 *     .idempotent(true)              // same body, same result: safe to retry
 *     .build();
 * CheckRun run = transport.send(request, CheckRun.class);
 * }</pre>
 *
 * <p>Paths are templates: {@code {name}} is replaced by one percent-encoded path segment (a slash
 * in the value is encoded, it never adds a segment), {@code {+name}} by a slash-separated path whose
 * segments are each encoded (a file path in a repository). Arguments are never concatenated raw;
 * empty arguments and the dot segments {@code .} and {@code ..} are refused. A trailing slash in
 * the template is kept exactly.
 *
 * <p>Retries: GET, HEAD, PUT, DELETE and OPTIONS are idempotent by default, POST and PATCH are not.
 * Mark a call {@link Builder#idempotent(boolean) idempotent} when the API makes repeating it safe
 * (ALBS {@code build_done} answers 409 when the result is already recorded: combine with
 * {@link Builder#treatAsSuccess(int) treatAsSuccess(409)}).
 */
public final class ApiRequest {
  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  /** Headers the JDK client sets itself and refuses. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  enum BodyKind { NONE, JSON, BYTES }

  private final String method;
  private final String path;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final BodyKind bodyKind;
  private final Object jsonBody;
  private final byte[] bytesBody;
  private final String contentType;
  private final boolean idempotent;
  private final Boolean idempotentSet;
  private final Set<Integer> successStatuses;
  private final Duration timeout;
  private final boolean sensitive;
  private final ApiAuth auth;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = List.copyOf(b.query);
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(b.headers);
    this.headers = Collections.unmodifiableMap(h);
    this.bodyKind = b.bodyKind;
    this.jsonBody = b.jsonBody;
    this.bytesBody = b.bytesBody;
    this.contentType = b.contentType;
    this.idempotentSet = b.idempotent;
    this.idempotent = b.idempotent != null ? b.idempotent : IDEMPOTENT_METHODS.contains(b.method);
    this.successStatuses = Collections.unmodifiableSet(new TreeSet<>(b.successStatuses));
    this.timeout = b.timeout;
    this.sensitive = b.sensitive;
    this.auth = b.auth;
  }

  /**
   * Starts a GET request.
   *
   * @param pathTemplate the path relative to the base URL, such as {@code /builds/{id}/}
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if the template or an argument is null
   * @throws IllegalArgumentException if the template is malformed or an argument is refused
   */
  public static Builder get(String pathTemplate, Object... pathArgs) {
    return newBuilder("GET", pathTemplate, pathArgs);
  }

  /**
   * Starts a POST request (not idempotent unless marked so).
   *
   * @param pathTemplate the path relative to the base URL
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if the template or an argument is null
   * @throws IllegalArgumentException if the template is malformed or an argument is refused
   */
  public static Builder post(String pathTemplate, Object... pathArgs) {
    return newBuilder("POST", pathTemplate, pathArgs);
  }

  /**
   * Starts a PUT request.
   *
   * @param pathTemplate the path relative to the base URL
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if the template or an argument is null
   * @throws IllegalArgumentException if the template is malformed or an argument is refused
   */
  public static Builder put(String pathTemplate, Object... pathArgs) {
    return newBuilder("PUT", pathTemplate, pathArgs);
  }

  /**
   * Starts a PATCH request (not idempotent unless marked so).
   *
   * @param pathTemplate the path relative to the base URL
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if the template or an argument is null
   * @throws IllegalArgumentException if the template is malformed or an argument is refused
   */
  public static Builder patch(String pathTemplate, Object... pathArgs) {
    return newBuilder("PATCH", pathTemplate, pathArgs);
  }

  /**
   * Starts a DELETE request.
   *
   * @param pathTemplate the path relative to the base URL
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if the template or an argument is null
   * @throws IllegalArgumentException if the template is malformed or an argument is refused
   */
  public static Builder delete(String pathTemplate, Object... pathArgs) {
    return newBuilder("DELETE", pathTemplate, pathArgs);
  }

  /**
   * Starts a request with any method.
   *
   * @param method the method, an HTTP token such as {@code HEAD}; upper-cased
   * @param pathTemplate the path relative to the base URL
   * @param pathArgs one argument per placeholder, in order
   * @return a builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the method is not a token, the template is malformed or an
   *     argument is refused
   */
  public static Builder newBuilder(String method, String pathTemplate, Object... pathArgs) {
    Objects.requireNonNull(method, "method");
    if (method.isEmpty() || !isToken(method)) {
      throw new IllegalArgumentException("method is not an HTTP token: \"" + method + "\"");
    }
    return new Builder(method.toUpperCase(Locale.ROOT),
        PathTemplate.expand(pathTemplate, pathArgs));
  }

  /**
   * Returns a builder holding this request's settings, for a variant.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(method, path);
    b.query.addAll(query);
    b.headers.putAll(headers);
    b.bodyKind = bodyKind;
    b.jsonBody = jsonBody;
    b.bytesBody = bytesBody;
    b.contentType = contentType;
    b.idempotent = idempotentSet;
    b.successStatuses.addAll(successStatuses);
    b.timeout = timeout;
    b.sensitive = sensitive;
    b.auth = auth;
    return b;
  }

  /**
   * Returns the method.
   *
   * @return for example {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the encoded path, relative to the transport's base URL.
   *
   * @return for example {@code /repos/octo/repo/contents/docs/read%20me.md}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query parameters, decoded, in the order they were added.
   *
   * @return name to values; unmodifiable
   */
  public Map<String, List<String>> query() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : query) {
      out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the extra headers of this request (the transport adds its defaults, the user agent
   * and authorization).
   *
   * @return header name to value, case-insensitive; unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns whether the request has a body.
   *
   * @return true after {@link Builder#json(Object)} or {@link Builder#body(byte[], String)}
   */
  public boolean hasBody() {
    return bodyKind != BodyKind.NONE;
  }

  /**
   * Returns whether the request may be sent again after a failure that may have reached the
   * server (a 5xx, a 429, a reset connection).
   *
   * @return the explicit setting, else true for GET, HEAD, PUT, DELETE and OPTIONS
   */
  public boolean idempotent() {
    return idempotent;
  }

  /**
   * Returns whether an error status counts as success for this request.
   *
   * @param status the HTTP status
   * @return true for 2xx and for statuses given to {@link Builder#treatAsSuccess(int)}
   */
  public boolean treatsAsSuccess(int status) {
    return (status >= 200 && status < 300) || successStatuses.contains(status);
  }

  /**
   * Returns this request's timeout, overriding the transport's.
   *
   * @return the timeout, or empty for the transport's
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns whether the response holds a secret (such as an installation token): no excerpt of its
   * body or parser message is ever kept on an exception.
   *
   * @return true if marked {@link Builder#sensitive()}
   */
  public boolean sensitive() {
    return sensitive;
  }

  /**
   * Returns this request's own authorization, overriding the transport's.
   *
   * @return the strategy, or empty for the transport's
   */
  public Optional<ApiAuth> auth() {
    return Optional.ofNullable(auth);
  }

  BodyKind bodyKind() {
    return bodyKind;
  }

  Object jsonBody() {
    return jsonBody;
  }

  byte[] bytesBody() {
    return bytesBody;
  }

  String contentType() {
    return contentType;
  }

  /** Returns the encoded query string, without '?', or empty. */
  String encodedQuery() {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(UriEncoding.encode(e.getKey(), "query parameter name")).append('=')
          .append(UriEncoding.encode(e.getValue(), "query parameter " + e.getKey()));
    }
    return out.toString();
  }

  /** Returns a copy with one query parameter set to a single value (for pagination). */
  ApiRequest withQueryParameter(String name, String value) {
    Builder b = toBuilder();
    b.query.removeIf(e -> e.getKey().equals(name));
    b.query.add(Map.entry(name, value));
    return b.build();
  }

  /** Returns a copy with another encoded path and decoded query (for a {@code Link} next URL). */
  ApiRequest withPathAndQuery(String encodedPath, List<Map.Entry<String, String>> newQuery) {
    PathTemplate.checkEncodedPath(encodedPath);
    Builder b = toBuilder();
    b.path = encodedPath;
    b.query.clear();
    b.query.addAll(newQuery);
    return b.build();
  }

  /**
   * Shows the method and path; never the query (it may hold secrets), headers or body.
   *
   * @return for example {@code ApiRequest[GET /builds/42/]}
   */
  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + path + "]";
  }

  static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "header name");
    Objects.requireNonNull(value, "value of header " + name);
    if (name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("header name is not an HTTP token: \"" + name + "\"");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization")) {
      throw new IllegalArgumentException("set the Authorization header with auth(ApiAuth), so it is"
          + " never logged or copied into messages");
    }
    if (RESTRICTED_HEADERS.contains(lower)) {
      throw new IllegalArgumentException("header " + name + " is set by the HTTP client itself");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new IllegalArgumentException("value of header " + name
            + " has a control character at index " + i);
      }
    }
  }

  /**
   * Configures an {@link ApiRequest}. Setters check their arguments at once. Builders are not
   * thread-safe.
   */
  public static final class Builder {
    private final String method;
    private String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private BodyKind bodyKind = BodyKind.NONE;
    private Object jsonBody;
    private byte[] bytesBody;
    private String contentType;
    private Boolean idempotent;
    private final Set<Integer> successStatuses = new TreeSet<>();
    private Duration timeout;
    private boolean sensitive;
    private ApiAuth auth;

    private Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /**
     * Adds a query parameter. Call again with the same name for a repeated parameter. A null value
     * leaves the parameter out, so optional filters read naturally:
     * {@code .query("platform_id", filter.platformId())}.
     *
     * @param name the parameter name, not empty
     * @param value the value ({@code toString()} is sent, percent-encoded), or null to omit
     * @return this builder
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is empty
     */
    public Builder query(String name, Object value) {
      Objects.requireNonNull(name, "query parameter name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("query parameter name is empty");
      }
      if (value != null) {
        String text = value.toString();
        UriEncoding.encode(text, "query parameter " + name); // fail now on unpaired surrogates
        query.add(Map.entry(name, text));
      }
      return this;
    }

    /**
     * Sets a request header, replacing an earlier value (and the transport's default of the same
     * name, such as {@code Accept}).
     *
     * @param name the header name, an HTTP token; not {@code Authorization} (use
     *     {@link #auth(ApiAuth)}) nor one the JDK client sets ({@code Host}, {@code Content-Length},
     *     {@code Connection}, {@code Expect}, {@code Upgrade})
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name or value is refused
     */
    public Builder header(String name, String value) {
      checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Sets the {@code Accept} header of this request.
     *
     * @param mediaType such as {@code application/vnd.github.raw+json}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it has control characters
     */
    public Builder accept(String mediaType) {
      return header("Accept", mediaType);
    }

    /**
     * Sets a JSON body: the object is written by the transport's mapper when the request is sent
     * (null record components are left out), with {@code Content-Type: application/json}.
     *
     * @param body a record, map, list or {@code JsonNode}
     * @return this builder
     * @throws NullPointerException if the body is null (send {@code Map.of()} for {@code {}})
     */
    public Builder json(Object body) {
      this.jsonBody = Objects.requireNonNull(body, "body");
      this.bytesBody = null;
      this.contentType = "application/json";
      this.bodyKind = BodyKind.JSON;
      return this;
    }

    /**
     * Sets a raw body.
     *
     * @param body the bytes, copied
     * @param contentType the media type, such as {@code application/x-www-form-urlencoded}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the content type has control characters
     */
    public Builder body(byte[] body, String contentType) {
      Objects.requireNonNull(body, "body");
      checkHeader("Content-Type", contentType);
      this.bytesBody = body.clone();
      this.jsonBody = null;
      this.contentType = contentType;
      this.bodyKind = BodyKind.BYTES;
      return this;
    }

    /**
     * Says whether the request may be repeated after a failure that may have reached the server.
     * Default: true for GET, HEAD, PUT, DELETE and OPTIONS, false for POST and PATCH. Requests
     * that are not idempotent are still repeated when the connection could not be opened (nothing
     * was sent).
     *
     * @param idempotent whether repeating the request is safe
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Treats an error status as success: the response is returned (and its body read) instead of
     * an {@link ApiException}. For ALBS {@code build_done}, where 409 means "already recorded".
     *
     * @param status an HTTP status from 300 to 599
     * @return this builder
     * @throws IllegalArgumentException if the status is out of range
     */
    public Builder treatAsSuccess(int status) {
      if (status < 300 || status > 599) {
        throw new IllegalArgumentException("treatAsSuccess status " + status
            + " is not 300..599");
      }
      successStatuses.add(status);
      return this;
    }

    /**
     * Sets the timeout of this request, from sending to the response headers. Default: the
     * transport's request timeout.
     *
     * @param timeout more than zero
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout <= 0");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Marks the response as holding a secret, such as an installation token: exceptions keep no
     * excerpt of its body and no parser message. Default: not sensitive.
     *
     * @return this builder
     */
    public Builder sensitive() {
      this.sensitive = true;
      return this;
    }

    /**
     * Sets this request's authorization, overriding the transport's (a GitHub App JWT for
     * {@code /app/...} calls on a client that otherwise uses an installation token). Default: the
     * transport's.
     *
     * @param auth the strategy
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder auth(ApiAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
