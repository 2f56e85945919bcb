package dev.buildbridge.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.buildbridge.core.json.JsonLimits;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The HTTP core every API client of this module is built on: a base URL, an authorization
 * strategy, JSON in and out through a hardened Jackson mapper, timeouts, a user agent, retries with
 * exponential backoff, and an optional circuit breaker and rate limiter. Calls are blocking
 * ({@link #send(ApiRequest, Class)}) or asynchronous ({@link #sendAsync(ApiRequest, Class)}, which
 * never blocks a thread while waiting to retry). Immutable and thread-safe: build one per server
 * and share it; {@link #toBuilder()} derives a variant sharing the HTTP client.
 *
 * <pre>{@code
 * ApiTransport albs = ApiTransport.newBuilder()
 *     .baseUrl(URI.create("https://build.almalinux.org/api/v1"))
 *     .auth(ApiAuth.bearer(System.getenv("ALBS_JWT")))
 *     .userAgent("my-build-node/1.0")
 *     .build();
 * Build build = albs.send(ApiRequest.get("/builds/{id}/", 42).build(), Build.class);
 * }</pre>
 *
 * <p><b>Retries.</b> An attempt is repeated when it fails with a connection error (refused, reset,
 * timeout), a 429, a 502, 503 or 504, or GitHub's 403 with a rate-limit signal, and only when the
 * request is {@linkplain ApiRequest#idempotent() idempotent}; a request that is not is repeated
 * only when the connection could not be opened, as nothing was sent. The wait grows
 * exponentially with jitter ({@code initial * 2^(n-1)}, between half and all of it, capped), unless
 * the server says how long to wait: {@code Retry-After} (seconds or an HTTP-date) or GitHub's
 * {@code x-ratelimit-remaining: 0} with {@code x-ratelimit-reset}. When the server asks for more
 * than {@link Builder#maxRetryWait(Duration)}, the call fails at once with
 * {@link ApiException.Reason#RATE_LIMITED} (or {@code SERVER_ERROR} for a 503) and
 * {@link ApiException#retryAfter()} set, rather than sleeping for an hour.
 *
 * <p><b>Circuit breaker and rate limiter.</b> Each attempt asks the rate limiter for a permit
 * (waiting up to its timeout) and the circuit breaker for permission. The breaker records
 * transport errors and 5xx responses as failures (a 5xx as an {@link ApiException} with reason
 * {@code SERVER_ERROR}), 429s as neither, and everything else as success.
 *
 * <p><b>JSON.</b> Request bodies are written with null components left out (annotate a component
 * {@code @JsonInclude(Include.ALWAYS)} to send {@code null}); responses are read ignoring unknown
 * properties, within {@link JsonLimits}. {@code byte[].class} as response type gives the raw body,
 * {@code Void.class} ignores it.
 *
 * <p><b>Secrets.</b> Authorization values are never logged nor put into messages; exceptions and
 * log lines name the method and path without query string. Logging goes to
 * {@code System.Logger} {@code dev.buildbridge.api.ApiTransport} at DEBUG.
 */
public final class ApiTransport {
  private final Builder settings;
  private final Exchanger exchanger;

  private ApiTransport(Builder settings, Exchanger exchanger) {
    this.settings = settings;
    this.exchanger = exchanger;
  }

  /**
   * Starts a builder. Only the base URL is required.
   *
   * @return a new builder with the defaults documented on each method
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder with this transport's settings; the HTTP client is shared unless the new
   * builder changes the connect timeout or sets another client.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = settings.copy();
    b.connectTimeoutSet = false;
    b.connectTimeoutChanged = false;
    if (b.httpClient == null) {
      b.inheritedClient = exchanger.httpClient();
    }
    return b;
  }

  /**
   * Returns the base URL every request path is appended to.
   *
   * @return the absolute URL, without trailing slash
   */
  public URI baseUrl() {
    return exchanger.baseUrl();
  }

  /**
   * Returns the full URL a request would be sent to.
   *
   * @param request the request
   * @return base URL, path and encoded query
   * @throws NullPointerException if the request is null
   */
  public URI resolve(ApiRequest request) {
    return exchanger.resolve(Objects.requireNonNull(request, "request"));
  }

  /**
   * Sends a request and reads the response body as {@code type}.
   *
   * @param request the request
   * @param type the body type: a record or class Jackson can bind, {@code JsonNode},
   *     {@code byte[]} for the raw body, or {@code Void} to ignore it (then null is returned)
   * @param <T> the body type
   * @return the body, never null unless {@code type} is {@code Void}
   * @throws ApiException on an error status (after retries), a transport failure, a body that
   *     cannot be read as {@code type} or is missing, an open circuit, or an interrupt
   * @throws IllegalArgumentException if the request's JSON body cannot be written
   */
  public <T> T send(ApiRequest request, Class<T> type) {
    return exchanger.require(request, exchange(request, type), type);
  }

  /**
   * Sends a request and reads the response body as a generic type, such as
   * {@code new TypeReference<List<Build>>() {}}.
   *
   * @param request the request
   * @param type the body type
   * @param <T> the body type
   * @return the body, never null
   * @throws ApiException as for {@link #send(ApiRequest, Class)}
   * @throws IllegalArgumentException if the request's JSON body cannot be written
   */
  public <T> T send(ApiRequest request, TypeReference<T> type) {
    ApiResponse<T> response = exchange(request, type);
    return exchanger.require(request, response, exchanger.javaType(type).getRawClass());
  }

  /**
   * Sends a request whose response body does not matter (a 204, say).
   *
   * @param request the request
   * @throws ApiException as for {@link #send(ApiRequest, Class)}
   * @throws IllegalArgumentException if the request's JSON body cannot be written
   */
  public void send(ApiRequest request) {
    exchange(request, Void.class);
  }

  /**
   * Sends a request and returns the whole response: status, headers and the optional body.
   *
   * @param request the request
   * @param type the body type (see {@link #send(ApiRequest, Class)})
   * @param <T> the body type
   * @return the response; its body is empty for a 204, an empty body or a JSON {@code null}
   * @throws ApiException as for {@link #send(ApiRequest, Class)}
   * @throws IllegalArgumentException if the request's JSON body cannot be written
   */
  public <T> ApiResponse<T> exchange(ApiRequest request, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return exchanger.exchange(Objects.requireNonNull(request, "request"),
        exchanger.javaType(type));
  }

  /**
   * Sends a request and returns the whole response, reading the body as a generic type.
   *
   * @param request the request
   * @param type the body type
   * @param <T> the body type
   * @return the response
   * @throws ApiException as for {@link #send(ApiRequest, Class)}
   * @throws IllegalArgumentException if the request's JSON body cannot be written
   */
  public <T> ApiResponse<T> exchange(ApiRequest request, TypeReference<T> type) {
    Objects.requireNonNull(type, "type");
    return exchanger.exchange(Objects.requireNonNull(request, "request"),
        exchanger.javaType(type));
  }

  /**
   * Sends a request without blocking. Waits between attempts are scheduled, not slept.
   *
   * @param request the request
   * @param type the body type (see {@link #send(ApiRequest, Class)})
   * @param <T> the body type
   * @return a future of the body; it completes exceptionally with an {@link ApiException} (or an
   *     {@link IllegalArgumentException} for a body that cannot be written). Cancelling it stops
   *     further attempts.
   */
  public <T> CompletableFuture<T> sendAsync(ApiRequest request, Class<T> type) {
    return cancellable(exchangeAsync(request, type), r -> exchanger.require(request, r, type));
  }

  /**
   * Sends a request without blocking, reading the body as a generic type.
   *
   * @param request the request
   * @param type the body type
   * @param <T> the body type
   * @return a future of the body, completing as for {@link #sendAsync(ApiRequest, Class)}
   */
  public <T> CompletableFuture<T> sendAsync(ApiRequest request, TypeReference<T> type) {
    Class<?> raw = exchanger.javaType(type).getRawClass();
    return cancellable(exchangeAsync(request, type), r -> exchanger.require(request, r, raw));
  }

  /**
   * Sends a request whose response body does not matter, without blocking.
   *
   * @param request the request
   * @return a future completing when the call succeeded, as for
   *     {@link #sendAsync(ApiRequest, Class)}
   */
  public CompletableFuture<Void> sendAsync(ApiRequest request) {
    return cancellable(exchangeAsync(request, Void.class), r -> null);
  }

  /**
   * Sends a request without blocking and returns the whole response.
   *
   * @param request the request
   * @param type the body type
   * @param <T> the body type
   * @return a future of the response, completing as for {@link #sendAsync(ApiRequest, Class)}
   */
  public <T> CompletableFuture<ApiResponse<T>> exchangeAsync(ApiRequest request, Class<T> type) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(type, "type");
    return exchanger.exchangeAsync(request, exchanger.javaType(type));
  }

  /**
   * Sends a request without blocking and returns the whole response, reading the body as a
   * generic type.
   *
   * @param request the request
   * @param type the body type
   * @param <T> the body type
   * @return a future of the response, completing as for {@link #sendAsync(ApiRequest, Class)}
   */
  public <T> CompletableFuture<ApiResponse<T>> exchangeAsync(ApiRequest request,
      TypeReference<T> type) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(type, "type");
    return exchanger.exchangeAsync(request, exchanger.javaType(type));
  }

  /** A dependent future whose cancellation cancels the source, which stops further attempts. */
  private static <A, B> CompletableFuture<B> cancellable(CompletableFuture<A> source,
      java.util.function.Function<? super A, ? extends B> fn) {
    CompletableFuture<B> out = source.thenApply(fn);
    out.whenComplete((value, error) -> {
      if (out.isCancelled()) {
        source.cancel(false);
      }
    });
    return out;
  }

  /**
   * Returns the items of a paginated listing, fetching each page only when the previous one is
   * used up. Nothing is sent until iteration starts; each iteration starts again from the first
   * page.
   *
   * <pre>{@code
   * Stream<Build> builds = albs.paginate(
   *     ApiRequest.get("/builds/").query("project", "bash").build(),
   *     BuildsPage.class,
   *     Pagination.pageNumber("pageNumber", 10, BuildsPage::builds, BuildsPage::totalBuilds))
   *     .stream();
   * }</pre>
   *
   * @param first the request of the first page
   * @param pageType the type of one page's body
   * @param pagination how items are found in a page and how the next page is asked for
   * @param <P> the page type
   * @param <T> the item type
   * @return the lazy items; iterating throws {@link ApiException} as {@link #send} does, and
   *     {@link ApiException.Reason#MALFORMED_RESPONSE} for a next link to another origin or a
   *     cursor that does not advance
   */
  public <P, T> Paged<T> paginate(ApiRequest first, Class<P> pageType,
      Pagination<P, T> pagination) {
    Objects.requireNonNull(pageType, "pageType");
    return paginate(first, exchanger.<P>javaType(pageType), pagination);
  }

  /**
   * Returns the items of a paginated listing whose page type is generic, such as a bare JSON array
   * ({@code new TypeReference<List<CheckRun>>() {}} with {@link Pagination#linkHeader}).
   *
   * @param first the request of the first page
   * @param pageType the type of one page's body
   * @param pagination how items are found in a page and how the next page is asked for
   * @param <P> the page type
   * @param <T> the item type
   * @return the lazy items, as for {@link #paginate(ApiRequest, Class, Pagination)}
   */
  public <P, T> Paged<T> paginate(ApiRequest first, TypeReference<P> pageType,
      Pagination<P, T> pagination) {
    Objects.requireNonNull(pageType, "pageType");
    return paginate(first, exchanger.javaType(pageType), pagination);
  }

  private <P, T> Paged<T> paginate(ApiRequest first, JavaType pageType,
      Pagination<P, T> pagination) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(pagination, "pagination");
    ApiRequest start = pagination.first(first);
    return new Paged<>(() -> new PageIterator<P, T>(exchanger, start, pageType, pagination));
  }

  /**
   * Shows the base URL and the settings that matter for diagnosis; never a token.
   *
   * @return for example {@code ApiTransport[baseUrl=https://api.github.com, auth=..., ...]}
   */
  @Override
  public String toString() {
    return "ApiTransport[baseUrl=" + exchanger.baseUrl() + ", auth=" + settings.auth
        + ", maxAttempts=" + exchanger.maxAttempts() + "]";
  }

  /**
   * Waits between attempts of a blocking call; replaceable so tests need not sleep.
   *
   * <pre>{@code
   * List<Duration> waits = new CopyOnWriteArrayList<>();
   * ApiTransport transport = ApiTransport.newBuilder().baseUrl(server).sleeper(waits::add).build();
   * }</pre>
   */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long, zero or more
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Configures an {@link ApiTransport}. Setters check their argument at once and name it when they
   * refuse it; {@link #build()} checks the combination. Builders are not thread-safe.
   */
  public static final class Builder {
    URI baseUrl;
    ApiAuth auth = ApiAuth.none();
    String userAgent = "BuildBridge-SDK-Java";
    final Map<String, String> defaultHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Duration connectTimeout = Duration.ofSeconds(10);
    boolean connectTimeoutSet;
    boolean connectTimeoutChanged;
    Duration requestTimeout = Duration.ofSeconds(60);
    HttpClient httpClient;
    HttpClient inheritedClient;
    int maxAttempts = 4;
    Duration initialBackoff = Duration.ofMillis(500);
    Duration maxBackoff = Duration.ofSeconds(30);
    boolean simpleRetrySet;
    RetryConfig retryConfig;
    Duration maxRetryWait = Duration.ofSeconds(60);
    CircuitBreaker circuitBreaker;
    RateLimiter rateLimiter;
    long maxResponseBytes = 32L << 20;
    JsonLimits jsonLimits = JsonLimits.defaults();
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    ScheduledExecutorService scheduler;
    String name;

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.auth = auth;
      b.userAgent = userAgent;
      b.defaultHeaders.putAll(defaultHeaders);
      b.connectTimeout = connectTimeout;
      b.connectTimeoutSet = connectTimeoutSet;
      b.connectTimeoutChanged = connectTimeoutChanged;
      b.requestTimeout = requestTimeout;
      b.httpClient = httpClient;
      b.inheritedClient = inheritedClient;
      b.maxAttempts = maxAttempts;
      b.initialBackoff = initialBackoff;
      b.maxBackoff = maxBackoff;
      b.simpleRetrySet = simpleRetrySet;
      b.retryConfig = retryConfig;
      b.maxRetryWait = maxRetryWait;
      b.circuitBreaker = circuitBreaker;
      b.rateLimiter = rateLimiter;
      b.maxResponseBytes = maxResponseBytes;
      b.jsonLimits = jsonLimits;
      b.clock = clock;
      b.sleeper = sleeper;
      b.scheduler = scheduler;
      b.name = name;
      return b;
    }

    /**
     * Sets the base URL. Required. Its path is kept as a prefix ({@code https://host/api/v1} and
     * {@code /builds/} give {@code https://host/api/v1/builds/}); a trailing slash is dropped.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL with a host, without user info,
     *     query or fragment
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the URL is refused
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (!baseUrl.isAbsolute() || baseUrl.isOpaque()) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL");
      }
      String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("baseUrl scheme must be http or https, was " + scheme);
      }
      if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
        throw new IllegalArgumentException("baseUrl has no host");
      }
      if (baseUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not hold credentials (user info);"
            + " use auth(ApiAuth)");
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment");
      }
      String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (!path.isEmpty()) {
        dev.buildbridge.api.internal.PathTemplate.checkEncodedPath(path);
      }
      this.baseUrl = URI.create(scheme + "://" + baseUrl.getRawAuthority() + path);
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
      try {
        return baseUrl(new URI(baseUrl));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URI: " + e.getMessage(), e);
      }
    }

    /**
     * Sets how requests are authorized. Default: {@link ApiAuth#none()}.
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
     * Sets the {@code User-Agent} header (GitHub refuses requests without one and asks for the
     * name of the application). Default: {@code BuildBridge-SDK-Java}.
     *
     * @param userAgent the value, not blank, without control characters
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent is blank");
      }
      ApiRequest.checkHeader("User-Agent", userAgent);
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Adds a header sent with every request unless the request sets the same one (GitHub's
     * {@code Accept} and {@code X-GitHub-Api-Version}). Default: none.
     *
     * @param name the header name; not {@code Authorization} nor one the JDK client sets
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name or value is refused
     */
    public Builder defaultHeader(String name, String value) {
      ApiRequest.checkHeader(name, value);
      defaultHeaders.put(name, value);
      return this;
    }

    /**
     * Sets the connect timeout of the HTTP client the transport builds. Default: 10 seconds. Not
     * allowed together with {@link #httpClient(HttpClient)}: set it on that client.
     *
     * @param timeout more than zero
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      this.connectTimeoutSet = true;
      this.connectTimeoutChanged = true;
      return this;
    }

    /**
     * Sets the timeout of each attempt, from sending the request to receiving the response
     * headers. A request may set its own. Default: 60 seconds.
     *
     * @param timeout more than zero
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * Sets the HTTP client, to share connections and threads with other code. Its redirect policy
     * should be {@code NEVER} (the default of {@code HttpClient.newBuilder()}): following a
     * redirect could send the request to another host. Default: a client the transport builds,
     * preferring HTTP/2, never following redirects, with {@link #connectTimeout(Duration)}.
     *
     * @param client the client
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /**
     * Sets how many times a request is sent at most, first attempt included. Default: 4. Not
     * allowed together with {@link #retry(RetryConfig)}.
     *
     * @param maxAttempts 1 (no retries) or more
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      this.simpleRetrySet = true;
      return this;
    }

    /**
     * Sets the exponential backoff between attempts when the server does not say how long to
     * wait: attempt {@code n} waits between half and all of {@code initial * 2^(n-1)}, at most
     * {@code max}. Default: 500 ms and 30 s. Not allowed together with {@link #retry(RetryConfig)}.
     *
     * @param initial the first wait, zero or more
     * @param max the longest wait, at least {@code initial}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if negative or {@code max < initial}
     */
    public Builder backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative()) {
        throw new IllegalArgumentException("initial backoff < 0");
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff < initial backoff");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.simpleRetrySet = true;
      return this;
    }

    /**
     * Sets the Resilience4j retry configuration: its {@code maxAttempts} and interval function are
     * used (a server's {@code Retry-After} still takes precedence). What is retried is decided by
     * the transport, as described on {@link ApiTransport}: the configuration's predicates are not
     * used. Default: {@link #maxAttempts(int)} and {@link #backoff(Duration, Duration)}.
     *
     * @param config the configuration
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder retry(RetryConfig config) {
      this.retryConfig = Objects.requireNonNull(config, "retry config");
      return this;
    }

    /**
     * Sets the longest wait a server may ask for ({@code Retry-After}, GitHub's rate-limit reset)
     * that the transport will honour before retrying. A longer request fails at once with the
     * wait in {@link ApiException#retryAfter()}. Default: 60 seconds.
     *
     * @param max zero or more
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryWait(Duration max) {
      Objects.requireNonNull(max, "maxRetryWait");
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryWait < 0");
      }
      this.maxRetryWait = max;
      return this;
    }

    /**
     * Sets a circuit breaker that every attempt asks for permission. Default: none.
     *
     * @param circuitBreaker the breaker, typically one per server and shared
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /**
     * Sets a rate limiter that every attempt takes a permit from, waiting up to the limiter's
     * timeout. Default: none.
     *
     * @param rateLimiter the limiter
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * Sets the largest response body read; a larger one fails with
     * {@link ApiException.Reason#MALFORMED_RESPONSE}. Default: 32 MiB.
     *
     * @param maxBytes 1 to {@code Integer.MAX_VALUE - 8}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxResponseBytes(long maxBytes) {
      if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxResponseBytes must be 1.." + (Integer.MAX_VALUE - 8)
            + ", was " + maxBytes);
      }
      this.maxResponseBytes = maxBytes;
      return this;
    }

    /**
     * Sets the bounds on response JSON (nesting, string and document size). Default:
     * {@link JsonLimits#defaults()}.
     *
     * @param limits the limits
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder jsonLimits(JsonLimits limits) {
      this.jsonLimits = Objects.requireNonNull(limits, "jsonLimits");
      return this;
    }

    /**
     * Sets the clock that {@code Retry-After} dates and rate-limit resets are measured against.
     * Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how blocking calls wait between attempts and for rate-limiter permits. Default:
     * {@link Thread#sleep(long)}.
     *
     * @param sleeper the sleeper
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the scheduler asynchronous calls use to wait between attempts. Default:
     * {@link CompletableFuture#delayedExecutor}, which resumes on the common pool.
     *
     * @param scheduler the scheduler; the transport never shuts it down
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the name of the Resilience4j retry instance (seen in its events). Default: the base
     * URL's host.
     *
     * @param name not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name is blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return the transport
     * @throws IllegalStateException if the base URL is missing, or settings conflict
     *     ({@code connectTimeout} with {@code httpClient}, {@code retry} with {@code maxAttempts}
     *     or {@code backoff})
     */
    public ApiTransport build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (httpClient != null && connectTimeoutSet) {
        throw new IllegalStateException("connectTimeout applies only to the HttpClient the"
            + " transport builds; set it on the HttpClient given to httpClient(...)");
      }
      if (retryConfig != null && simpleRetrySet) {
        throw new IllegalStateException("set either retry(RetryConfig) or maxAttempts/backoff,"
            + " not both");
      }
      Builder frozen = copy();
      return new ApiTransport(frozen, new Exchanger(frozen));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " <= 0");
      }
      return d;
    }
  }
}
