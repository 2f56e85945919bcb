package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A client of the KCIDB-ng REST service ({@code kcidb-restd-rs}): {@code POST /submit} with a
 * Bearer JWT, {@code GET /status?id=}, {@code GET /authtest} and {@code GET /health}. Immutable and
 * thread-safe; build one per server and share it. For submissions that must survive restarts and
 * outages, put a {@link KcidbOutbox} in front of it.
 *
 * <pre>{@code
 * KcidbClient kcidb = KcidbClient.newBuilder()
 *     .baseUrl(KcidbClient.STAGING)
 *     .token(System.getenv("KCIDB_TOKEN"))          // the JWT issued by the KernelCI team
 *     .build();
 * SubmitResult result = kcidb.submit(document);       // a KCIDB v5.3 document
 * SubmissionStatus status = kcidb.status(result.ids().get(0));
 * }</pre>
 *
 * <p><b>What a 200 means.</b> KCIDB-ng only checks that the body is JSON, stores it and answers
 * {@code {"id":"<32 letters and digits>","status":"ok"}}; the schema is checked later, by the
 * ingester, and {@link #status(String)} tells how that went. Validate documents before submitting
 * them. A 200 without such an id (a proxy's page, {@code "status":"error"}) is not taken as
 * accepted: it fails with {@code SUBMISSION_FAILED}.
 *
 * <p><b>Retries.</b> {@code POST /submit} is marked {@linkplain ApiRequest#idempotent() idempotent}
 * so the transport repeats it after a connection failure, a timeout, a 429, 502, 503 or 504:
 * KCIDB merges objects that have the same id (the first non-null value of each field wins), so a
 * document received twice is stored once. A 500 (KCIDB-ng's answer when it cannot write its
 * spool) is not repeated by the transport; {@link KcidbOutbox} retries it later.
 *
 * <p><b>Size.</b> Documents larger than {@link Builder#maxDocumentBytes(int)} are split with
 * {@link KcidbSplitter} and sent as several submissions, in order.
 *
 * <p><b>Errors.</b> Failures are {@link KcidbException}s: {@code SUBMISSION_REFUSED} when KCIDB
 * refused for good (401 and 403 for the token, other 4xx except 408 and 429, a redirect), so
 * sending again will not help; {@code SUBMISSION_FAILED} for what may pass later (5xx, 408, 429,
 * no answer, an answer without an id, an interrupt). The {@link ApiException} is the cause.
 * The token is never in a message, in {@link #toString()} nor in anything the server echoes back.
 */
public final class KcidbClient {
  /** Production: {@code https://db.kernelci.org}. */
  public static final URI PRODUCTION = URI.create("https://db.kernelci.org");
  /** Staging: {@code https://staging.db.kernelci.org}. */
  public static final URI STAGING = URI.create("https://staging.db.kernelci.org");
  /** The default size cap of one submission: 4 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 4 << 20;
  /** The largest body KCIDB-ng accepts: 512 MiB. */
  public static final int MAX_DOCUMENT_BYTES_LIMIT = 512 << 20;

  private final Builder settings;
  private final ApiTransport transport;

  private KcidbClient(Builder settings, ApiTransport transport) {
    this.settings = settings;
    this.transport = transport;
  }

  /**
   * Starts a builder. The base URL is required.
   *
   * @return a new builder with the defaults documented on each method
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder with this client's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the base URL.
   *
   * @return for example {@code https://db.kernelci.org}
   */
  public URI baseUrl() {
    return transport.baseUrl();
  }

  /**
   * Returns the size cap of one submission.
   *
   * @return the cap in bytes
   */
  public int maxDocumentBytes() {
    return settings.maxDocumentBytes;
  }

  /**
   * Submits a document: {@code POST /submit}, split into several submissions when it is larger
   * than {@link #maxDocumentBytes()}.
   *
   * @param document a KCIDB document (validate it first: KCIDB checks the schema only later)
   * @return the accepted submissions, one per part
   * @throws NullPointerException if the document is null
   * @throws KcidbException {@code INVALID_DOCUMENT} when the document cannot be split (see
   *     {@link KcidbSplitter}); {@code SUBMISSION_REFUSED} or {@code SUBMISSION_FAILED} as
   *     described on this class. When a later part fails, the earlier ones were accepted: sending
   *     the whole document again is harmless
   */
  public SubmitResult submit(ObjectNode document) {
    return send(KcidbSplitter.split(document, settings.maxDocumentBytes));
  }

  /**
   * Submits a document given as UTF-8 JSON. Within the cap, the bytes are sent exactly as given
   * (after checking that they are a JSON object with a {@code version}); a larger document is
   * split.
   *
   * @param json a KCIDB document
   * @return the accepted submissions, one per part
   * @throws NullPointerException if the bytes are null
   * @throws KcidbException {@code INVALID_DOCUMENT} when the bytes are not JSON (line and column
   *     given) or cannot be split; otherwise as {@link #submit(ObjectNode)}
   */
  public SubmitResult submit(byte[] json) {
    return send(KcidbSplitter.split(json, settings.maxDocumentBytes));
  }

  private SubmitResult send(List<byte[]> parts) {
    List<Submission> accepted = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      accepted.add(post(parts.get(i), parts.size() == 1 ? "" : " (part " + (i + 1) + " of "
          + parts.size() + ")"));
    }
    return new SubmitResult(accepted);
  }

  private Submission post(byte[] body, String part) {
    // Safe to repeat: KCIDB merges objects by id, so a duplicate changes nothing.
    ApiRequest request = ApiRequest.post("/submit")
        .body(body, "application/json")
        .idempotent(true)
        .build();
    ApiResponse<JsonNode> response;
    try {
      response = transport.exchange(request, JsonNode.class);
    } catch (ApiException e) {
      throw failure(e, "submission of " + body.length + " bytes" + part);
    }
    JsonNode answer = response.body().orElse(null);
    String id = text(answer, "id");
    String status = text(answer, "status");
    if (id == null || !Submission.isSubmissionId(id) || id.equals("0")
        || (status != null && !status.equals("ok"))) {
      String got = answer == null ? "an empty body"
          : answer.isObject() ? "id " + (id == null ? "missing" : Json.quote(id)) + ", status "
              + (status == null ? "missing" : Json.quote(status))
          : "a JSON " + answer.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new KcidbException(Reason.SUBMISSION_FAILED, "submission of " + body.length
          + " bytes" + part + " to " + baseUrl() + ": POST /submit answered " + response.status()
          + " without a submission id (" + got + "); not counted as accepted", null);
    }
    return new Submission(id, body.length);
  }

  /**
   * Asks where a submission is: {@code GET /status?id=}.
   *
   * @param submissionId an id from {@link SubmitResult#ids()}
   * @return the status; {@link SubmissionStatus.State#NOT_FOUND} for KCIDB's 404
   * @throws NullPointerException if the id is null
   * @throws IllegalArgumentException if the id is not 1 to 128 ASCII letters and digits (KCIDB
   *     refuses anything else)
   * @throws KcidbException {@code SUBMISSION_REFUSED} or {@code SUBMISSION_FAILED} as for
   *     {@link #submit(ObjectNode)}; {@code SUBMISSION_FAILED} for an answer without a status
   */
  public SubmissionStatus status(String submissionId) {
    Objects.requireNonNull(submissionId, "submissionId");
    if (!Submission.isSubmissionId(submissionId)) {
      throw new IllegalArgumentException("submissionId must be 1 to 128 ASCII letters and digits,"
          + " was " + Json.quote(submissionId));
    }
    ApiRequest request = ApiRequest.get("/status").query("id", submissionId)
        .treatAsSuccess(404)
        .build();
    ApiResponse<JsonNode> response;
    try {
      response = transport.exchange(request, JsonNode.class);
    } catch (ApiException e) {
      throw failure(e, "status of submission " + submissionId);
    }
    JsonNode answer = response.body().orElse(null);
    String status = text(answer, "status");
    if (status == null) {
      throw new KcidbException(Reason.SUBMISSION_FAILED, "status of submission " + submissionId
          + " from " + baseUrl() + ": GET /status answered " + response.status()
          + " without a status", null);
    }
    SubmissionStatus.State state = response.status() == 404
        ? SubmissionStatus.State.NOT_FOUND : SubmissionStatus.State.ofWireName(status);
    String message = text(answer, "message");
    return new SubmissionStatus(submissionId, state,
        message == null ? "" : Json.clean(message, 512));
  }

  /**
   * Checks the token: {@code GET /authtest}.
   *
   * @throws KcidbException {@code SUBMISSION_REFUSED} when KCIDB refuses the token (401),
   *     {@code SUBMISSION_FAILED} when it cannot be asked
   */
  public void authTest() {
    try {
      transport.exchange(ApiRequest.get("/authtest").build(), byte[].class);
    } catch (ApiException e) {
      throw failure(e, "token check");
    }
  }

  /**
   * Asks whether the service is up: {@code GET /health} answers {@code OK}. Never throws for a
   * failed call: any failure is a {@code false}.
   *
   * @return true when the service answered 200 {@code OK}
   */
  public boolean healthy() {
    try {
      ApiResponse<byte[]> response = transport.exchange(ApiRequest.get("/health").build(),
          byte[].class);
      byte[] body = response.body().orElse(new byte[0]);
      return response.status() == 200
          && new String(body, StandardCharsets.UTF_8).trim().equals("OK");
    } catch (ApiException e) {
      return false;
    }
  }

  private KcidbException failure(ApiException e, String what) {
    boolean refused = refuses(e);
    String verb = refused ? " refused by " : " failed at ";
    return new KcidbException(refused ? Reason.SUBMISSION_REFUSED : Reason.SUBMISSION_FAILED,
        what + verb + baseUrl() + ": " + e.getMessage(), e);
  }

  /** Whether sending again cannot help: the token, the request or the URL is wrong. */
  static boolean refuses(ApiException e) {
    switch (e.reason()) {
      case UNAUTHORIZED:
      case FORBIDDEN:
      case NOT_FOUND:
      case CONFLICT:
      case VALIDATION:
      case REDIRECT:
        return true;
      case CLIENT_ERROR:
        return e.status() != 408;
      default:
        return false;
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /**
   * Shows the base URL and the size cap; never the token.
   *
   * @return for example {@code KcidbClient[baseUrl=https://db.kernelci.org, token=<redacted>,
   *     maxDocumentBytes=4194304]}
   */
  @Override
  public String toString() {
    return "KcidbClient[baseUrl=" + baseUrl() + ", token="
        + (settings.token == null ? "none" : "<redacted>") + ", maxDocumentBytes="
        + settings.maxDocumentBytes + "]";
  }

  /**
   * Configures a {@link KcidbClient}. Setters check their argument at once and name it when they
   * refuse it. Builders are not thread-safe.
   */
  public static final class Builder {
    private URI baseUrl;
    private ApiAuth token;
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private Consumer<ApiTransport.Builder> transport = b -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.token = token;
      b.maxDocumentBytes = maxDocumentBytes;
      b.transport = transport;
      return b;
    }

    /**
     * Sets the service's base URL. Required; there is no default, so that tests never reach
     * production by accident.
     *
     * @param baseUrl {@link #PRODUCTION}, {@link #STAGING} or a self-hosted {@code kcidb-restd-rs};
     *     absolute http or https, without user info, query or fragment
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the URL is refused
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      ApiTransport.newBuilder().baseUrl(baseUrl); // checks it
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the base URL from text.
     *
     * @param baseUrl the URL, as for {@link #baseUrl(URI)}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the URL is not valid or is refused
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      ApiTransport.newBuilder().baseUrl(baseUrl); // checks it
      this.baseUrl = URI.create(baseUrl);
      return this;
    }

    /**
     * Sets the token: {@code Authorization: Bearer <token>} on every request. Default: none, for
     * a self-hosted server run without a secret.
     *
     * @param token the JWT issued by the KernelCI team (it carries the origin); printable ASCII
     *     without spaces
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with a space, control or non-ASCII character
     *     (the message does not show it)
     */
    public Builder token(String token) {
      this.token = ApiAuth.bearer(Objects.requireNonNull(token, "token"));
      return this;
    }

    /**
     * Sets a token read again for every request (one that rotates, from a vault or a file).
     *
     * @param token supplies the JWT; a null or refused value fails the request with an
     *     {@link IllegalStateException} that does not show it
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder token(Supplier<String> token) {
      this.token = ApiAuth.bearer(Objects.requireNonNull(token, "token"));
      return this;
    }

    /**
     * Sets base URL and token from the {@code KCIDB_REST} convention of the Python, Go and Maestro
     * clients: {@code https://<token>@db.kernelci.org[:port]}. The scheme defaults to
     * {@code https}; a path is ignored, as those clients do.
     *
     * <pre>{@code
     * KcidbClient kcidb = KcidbClient.newBuilder().restUri(System.getenv("KCIDB_REST")).build();
     * }</pre>
     *
     * @param kcidbRest the value
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it has no token or no host, or another scheme than http
     *     and https (the message never shows the value)
     */
    public Builder restUri(String kcidbRest) {
      Objects.requireNonNull(kcidbRest, "kcidbRest");
      String rest = kcidbRest.trim();
      String scheme = "https";
      int sep = rest.indexOf("://");
      if (sep >= 0) {
        scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
        rest = rest.substring(sep + 3);
        if (!scheme.equals("https") && !scheme.equals("http")) {
          throw new IllegalArgumentException("KCIDB_REST scheme must be http or https");
        }
      }
      int end = rest.length();
      for (int i = 0; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          end = i;
          break;
        }
      }
      String authority = rest.substring(0, end);
      int at = authority.lastIndexOf('@');
      if (at <= 0) {
        throw new IllegalArgumentException("KCIDB_REST has no token: expected"
            + " https://<token>@host[:port] (value not shown)");
      }
      String secret = authority.substring(0, at);
      String hostPort = authority.substring(at + 1);
      if (hostPort.isEmpty()) {
        throw new IllegalArgumentException("KCIDB_REST has no host: expected"
            + " https://<token>@host[:port] (value not shown)");
      }
      ApiAuth auth;
      URI url;
      try {
        auth = ApiAuth.bearer(secret);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("KCIDB_REST token is refused: " + e.getMessage());
      }
      try {
        url = new URI(scheme + "://" + hostPort);
        ApiTransport.newBuilder().baseUrl(url);
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        throw new IllegalArgumentException("KCIDB_REST host is not valid: " + Json.quote(hostPort));
      }
      this.baseUrl = url;
      this.token = auth;
      return this;
    }

    /**
     * Sets the size cap of one submission: larger documents are split. Default:
     * {@value #DEFAULT_MAX_DOCUMENT_BYTES} bytes (4 MiB; KCIDB-ng accepts up to 512 MiB, but
     * keeping submissions to a few MB keeps retries cheap and proxies happy).
     *
     * @param maxBytes {@value KcidbSplitter#MIN_MAX_BYTES} to {@value #MAX_DOCUMENT_BYTES_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDocumentBytes(int maxBytes) {
      if (maxBytes < KcidbSplitter.MIN_MAX_BYTES || maxBytes > MAX_DOCUMENT_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxDocumentBytes must be "
            + KcidbSplitter.MIN_MAX_BYTES + ".." + MAX_DOCUMENT_BYTES_LIMIT + ", was " + maxBytes);
      }
      this.maxDocumentBytes = maxBytes;
      return this;
    }

    /**
     * Adjusts the transport: HTTP client, timeouts, retries, circuit breaker, rate limiter, user
     * agent. The customizer runs after the KCIDB settings (base URL, token) and may change them.
     * Default: the {@link ApiTransport} defaults (4 attempts, 500 ms to 30 s backoff, 60 s request
     * timeout, like KCIDB's Python client).
     *
     * <pre>{@code
     * .transport(t -> t.requestTimeout(Duration.ofSeconds(30)).maxAttempts(3))
     * }</pre>
     *
     * @param customizer changes the transport builder
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder transport(Consumer<ApiTransport.Builder> customizer) {
      this.transport = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the base URL is missing, or the transport settings
     *     conflict
     * @throws IllegalArgumentException if the customizer sets a refused value
     */
    public KcidbClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required (KcidbClient.PRODUCTION, STAGING or"
            + " a self-hosted URL)");
      }
      ApiTransport.Builder tb = ApiTransport.newBuilder()
          .baseUrl(baseUrl)
          .name("kcidb");
      if (token != null) {
        tb.auth(token);
      }
      transport.accept(tb);
      return new KcidbClient(copy(), tb.build());
    }
  }
}
