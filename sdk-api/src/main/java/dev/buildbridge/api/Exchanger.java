package dev.buildbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.internal.ErrorDetails;
import dev.buildbridge.api.internal.LimitedBody;
import dev.buildbridge.api.internal.ServerWait;
import dev.buildbridge.core.json.HardenedJson;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The engine behind {@link ApiTransport}: attempts, retries, breaker, limiter, decoding. */
final class Exchanger {
  private static final System.Logger LOG = System.getLogger(ApiTransport.class.getName());

  private final URI baseUrl;
  private final String basePath;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final ApiAuth auth;
  private final String userAgent;
  private final Map<String, String> defaultHeaders;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final Retry retry;
  private final int maxAttempts;
  private final Duration maxRetryWait;
  private final CircuitBreaker circuitBreaker;
  private final RateLimiter rateLimiter;
  private final Clock clock;
  private final ApiTransport.Sleeper sleeper;
  private final ScheduledExecutorService scheduler;

  Exchanger(ApiTransport.Builder b) {
    this.baseUrl = b.baseUrl;
    this.basePath = b.baseUrl.getRawPath() == null ? "" : b.baseUrl.getRawPath();
    if (b.httpClient != null) {
      this.http = b.httpClient;
    } else if (b.inheritedClient != null && !b.connectTimeoutChanged) {
      this.http = b.inheritedClient;
    } else {
      this.http = HttpClient.newBuilder()
          .connectTimeout(b.connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
    }
    ObjectMapper m = HardenedJson.newMapper(b.jsonLimits);
    m.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    this.mapper = m;
    this.auth = b.auth;
    this.userAgent = b.userAgent;
    this.defaultHeaders = Map.copyOf(b.defaultHeaders);
    this.requestTimeout = b.requestTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxRetryWait = b.maxRetryWait;
    this.circuitBreaker = b.circuitBreaker;
    this.rateLimiter = b.rateLimiter;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.scheduler = b.scheduler;
    IntervalBiFunction<Attempt> backoff;
    if (b.retryConfig != null) {
      this.maxAttempts = b.retryConfig.getMaxAttempts();
      backoff = b.retryConfig.getIntervalBiFunction();
    } else {
      this.maxAttempts = b.maxAttempts;
      backoff = exponentialWithJitter(b.initialBackoff, b.maxBackoff);
    }
    IntervalBiFunction<Attempt> interval = (n, either) -> {
      if (either.isRight() && either.get().serverWait != null) {
        return either.get().serverWait.toMillis();
      }
      return backoff.apply(n, either);
    };
    RetryConfig config = RetryConfig.<Attempt>custom()
        .maxAttempts(maxAttempts)
        .retryOnResult(attempt -> attempt.retryable)
        .retryOnException(t -> t instanceof AttemptFailure && ((AttemptFailure) t).retryable)
        .intervalBiFunction(interval)
        .failAfterMaxAttempts(false)
        .build();
    this.retry = Retry.of(b.name != null ? b.name : b.baseUrl.getHost(), config);
  }

  private static IntervalBiFunction<Attempt> exponentialWithJitter(Duration initial,
      Duration max) {
    long initialMs = initial.toMillis();
    long maxMs = max.toMillis();
    return (n, either) -> {
      double base = initialMs * Math.pow(2, Math.max(0, n - 1));
      long capped = (long) Math.min(base, (double) maxMs);
      long half = capped / 2;
      return half + (capped - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped - half + 1));
    };
  }

  URI baseUrl() {
    return baseUrl;
  }

  HttpClient httpClient() {
    return http;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  <T> JavaType javaType(Class<T> type) {
    return mapper.getTypeFactory().constructType(type);
  }

  <T> JavaType javaType(TypeReference<T> type) {
    return mapper.getTypeFactory().constructType(type);
  }

  URI resolve(ApiRequest request) {
    String query = request.encodedQuery();
    return URI.create(baseUrl + request.path() + (query.isEmpty() ? "" : "?" + query));
  }

  /** The path as sent, for messages: base path and request path, never the query. */
  String fullPath(ApiRequest request) {
    return basePath + request.path();
  }

  // ---------------------------------------------------------------- blocking

  <T> ApiResponse<T> exchange(ApiRequest request, JavaType type) {
    byte[] body = serialize(request);
    Retry.AsyncContext<Attempt> context = retry.asyncContext();
    int n = 0;
    while (true) {
      n++;
      Attempt attempt;
      try {
        attempt = attempt(request, body, n);
      } catch (AttemptFailure failure) {
        long wait = context.onError(failure);
        if (wait < 0) {
          throw transportFailure(request, failure, n);
        }
        logRetry(request, n, failure.describe(), wait);
        sleep(request, wait, n);
        continue;
      }
      long wait = context.onResult(attempt);
      if (wait < 0) {
        context.onComplete();
        return decode(request, attempt, n, type);
      }
      logRetry(request, n, Integer.toString(attempt.response.statusCode()), wait);
      sleep(request, wait, n);
    }
  }

  private Attempt attempt(ApiRequest request, byte[] body, int n) throws AttemptFailure {
    if (rateLimiter != null) {
      long nanos = rateLimiter.reservePermission();
      if (nanos < 0) {
        throw rateLimiterRefused(request, n - 1);
      }
      if (nanos > 0) {
        sleep(request, TimeUnit.NANOSECONDS.toMillis(nanos) + 1, n - 1);
      }
    }
    ApiAuth strategy = request.auth().orElse(auth);
    Optional<String> authorization = strategy.authorization(request);
    HttpRequest httpRequest = toHttpRequest(request, body, authorization);
    acquireCircuit(request, n);
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    LimitedBody handler = new LimitedBody(maxResponseBytes);
    try {
      response = http.send(httpRequest, handler);
    } catch (IOException e) {
      e = handler.overflow() != null ? handler.overflow() : e;
      recordFailure(request, e, System.nanoTime() - start);
      throw new AttemptFailure(e, retryable(request, e));
    } catch (InterruptedException e) {
      if (circuitBreaker != null) {
        circuitBreaker.releasePermission();
      }
      Thread.currentThread().interrupt();
      throw interrupted(request, n, e);
    }
    Attempt attempt = classify(request, response, secretOf(authorization));
    recordResult(request, attempt, n, System.nanoTime() - start);
    log(request, response.statusCode(), n);
    return attempt;
  }

  private void sleep(ApiRequest request, long millis, int attempts) {
    try {
      sleeper.sleep(Duration.ofMillis(millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(request, attempts, e);
    }
  }

  // ---------------------------------------------------------------- asynchronous

  <T> CompletableFuture<ApiResponse<T>> exchangeAsync(ApiRequest request, JavaType type) {
    byte[] body;
    try {
      body = serialize(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<ApiResponse<T>> result = new CompletableFuture<>();
    attemptAsync(request, body, type, retry.asyncContext(), 1, result);
    return result;
  }

  private <T> void attemptAsync(ApiRequest request, byte[] body, JavaType type,
      Retry.AsyncContext<Attempt> context, int n, CompletableFuture<ApiResponse<T>> result) {
    if (result.isDone()) {
      return; // cancelled by the caller: no further attempt
    }
    startAttempt(request, body, n).whenComplete((attempt, error) -> {
      try {
        if (error != null) {
          Throwable cause = unwrap(error);
          if (!(cause instanceof AttemptFailure)) {
            result.completeExceptionally(cause);
            return;
          }
          AttemptFailure failure = (AttemptFailure) cause;
          long wait = context.onError(failure);
          if (wait < 0) {
            result.completeExceptionally(transportFailure(request, failure, n));
            return;
          }
          logRetry(request, n, failure.describe(), wait);
          schedule(wait, () -> attemptAsync(request, body, type, context, n + 1, result));
          return;
        }
        long wait = context.onResult(attempt);
        if (wait < 0) {
          context.onComplete();
          result.complete(decode(request, attempt, n, type));
          return;
        }
        logRetry(request, n, Integer.toString(attempt.response.statusCode()), wait);
        schedule(wait, () -> attemptAsync(request, body, type, context, n + 1, result));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    });
  }

  private CompletableFuture<Attempt> startAttempt(ApiRequest request, byte[] body, int n) {
    CompletableFuture<Void> permit = CompletableFuture.completedFuture(null);
    if (rateLimiter != null) {
      long nanos = rateLimiter.reservePermission();
      if (nanos < 0) {
        return CompletableFuture.failedFuture(rateLimiterRefused(request, n - 1));
      }
      if (nanos > 0) {
        CompletableFuture<Void> later = new CompletableFuture<>();
        schedule(TimeUnit.NANOSECONDS.toMillis(nanos) + 1, () -> later.complete(null));
        permit = later;
      }
    }
    ApiAuth strategy = request.auth().orElse(auth);
    return permit
        .thenCompose(v -> strategy.authorizationAsync(request))
        .thenCompose(authorization -> {
          HttpRequest httpRequest = toHttpRequest(request, body, authorization);
          acquireCircuit(request, n);
          long start = System.nanoTime();
          LimitedBody handler = new LimitedBody(maxResponseBytes);
          return http.sendAsync(httpRequest, handler)
              .handle((response, error) -> {
                long elapsed = System.nanoTime() - start;
                if (error != null) {
                  Throwable cause = handler.overflow() != null ? handler.overflow() : unwrap(error);
                  if (cause instanceof IOException) {
                    IOException io = (IOException) cause;
                    recordFailure(request, io, elapsed);
                    throw new CompletionException(new AttemptFailure(io, retryable(request, io)));
                  }
                  if (circuitBreaker != null) {
                    circuitBreaker.releasePermission();
                  }
                  throw new CompletionException(cause);
                }
                Attempt attempt = classify(request, response, secretOf(authorization));
                recordResult(request, attempt, n, elapsed);
                log(request, response.statusCode(), n);
                return attempt;
              });
        });
  }

  private void schedule(long millis, Runnable task) {
    if (scheduler != null) {
      scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
    } else {
      CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(task);
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  // ---------------------------------------------------------------- one attempt

  private byte[] serialize(ApiRequest request) {
    switch (request.bodyKind()) {
      case JSON:
        try {
          return mapper.writeValueAsBytes(request.jsonBody());
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("body of " + request.method() + " "
              + fullPath(request) + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
      case BYTES:
        return request.bytesBody();
      default:
        return null;
    }
  }

  private HttpRequest toHttpRequest(ApiRequest request, byte[] body,
      Optional<String> authorization) {
    // setHeader throughout: a later source replaces an earlier one, never adds a second value
    HttpRequest.Builder b = HttpRequest.newBuilder(resolve(request))
        .timeout(request.timeout().orElse(requestTimeout))
        .setHeader("User-Agent", userAgent);
    defaultHeaders.forEach(b::setHeader);
    request.headers().forEach(b::setHeader);
    if (body != null) {
      b.setHeader("Content-Type", request.contentType());
    }
    if (authorization != null && authorization.isPresent()) {
      String value = authorization.get();
      checkAuthorizationValue(value, request);
      b.setHeader("Authorization", value);
    }
    b.method(request.method(), body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    return b.build();
  }

  private void checkAuthorizationValue(String value, ApiRequest request) {
    boolean ok = !value.isBlank();
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c >= 0x20 && c < 0x7F;
    }
    if (!ok) {
      throw new IllegalStateException("the ApiAuth of " + request.method() + " "
          + fullPath(request) + " returned a blank Authorization value or one with a control or"
          + " non-ASCII character (value not shown)");
    }
  }

  private void acquireCircuit(ApiRequest request, int n) {
    if (circuitBreaker != null && !circuitBreaker.tryAcquirePermission()) {
      throw ApiException.newBuilder(Reason.CIRCUIT_OPEN, request.method(), fullPath(request))
          .attempts(n - 1)
          .problem("circuit breaker '" + circuitBreaker.getName() + "' is "
              + circuitBreaker.getState())
          .build();
    }
  }

  private void recordFailure(ApiRequest request, IOException e, long nanos) {
    if (circuitBreaker == null) {
      return;
    }
    if (isTooLarge(e)) {
      circuitBreaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    } else {
      circuitBreaker.onError(nanos, TimeUnit.NANOSECONDS, e);
    }
  }

  private void recordResult(ApiRequest request, Attempt attempt, int n, long nanos) {
    if (circuitBreaker == null) {
      return;
    }
    int status = attempt.response.statusCode();
    if (status >= 500 && !request.treatsAsSuccess(status)) {
      circuitBreaker.onError(nanos, TimeUnit.NANOSECONDS, statusFailure(request, attempt, n));
    } else if (attempt.rateLimited) {
      circuitBreaker.releasePermission();
    } else {
      circuitBreaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private static String secretOf(Optional<String> authorization) {
    return authorization == null ? null : authorization.orElse(null);
  }

  private Attempt classify(ApiRequest request, HttpResponse<byte[]> response, String secret) {
    int status = response.statusCode();
    if (request.treatsAsSuccess(status)) {
      return new Attempt(response, false, null, false, false, secret);
    }
    Duration wait = ServerWait.retryAfter(response.headers(), clock).orElse(null);
    boolean rateLimited = status == 429;
    if (status == 403 || status == 429) {
      Optional<Duration> reset = ServerWait.rateLimitReset(response.headers(), clock);
      if (reset.isPresent()) {
        rateLimited = true;
        if (wait == null) {
          wait = reset.get();
        }
      }
      if (wait != null) {
        rateLimited = true; // GitHub's secondary rate limit: 403 with Retry-After
      }
    }
    boolean retryableStatus = rateLimited || status == 502 || status == 503 || status == 504;
    boolean tooLong = retryableStatus && wait != null && wait.compareTo(maxRetryWait) > 0;
    boolean retryable = retryableStatus && request.idempotent() && !tooLong;
    return new Attempt(response, retryable, retryableStatus ? wait : null, tooLong, rateLimited,
        secret);
  }

  /** The JDK client wraps the body subscriber's exception in a new IOException. */
  private static boolean isTooLarge(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitedBody.TooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static boolean retryable(ApiRequest request, IOException e) {
    if (isTooLarge(e)) {
      return false;
    }
    if (request.idempotent()) {
      return true;
    }
    // nothing was sent when the connection could not be opened
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
  }

  // ---------------------------------------------------------------- results and errors

  private <T> ApiResponse<T> decode(ApiRequest request, Attempt attempt, int attempts,
      JavaType type) {
    HttpResponse<byte[]> response = attempt.response;
    int status = response.statusCode();
    if (!request.treatsAsSuccess(status)) {
      throw statusFailure(request, attempt, attempts);
    }
    byte[] bytes = response.body();
    Class<?> raw = type.getRawClass();
    boolean noContent = status == 204 || status == 205 || request.method().equals("HEAD");
    T body = null;
    if (raw == Void.class || noContent) {
      body = null;
    } else if (raw == byte[].class) {
      @SuppressWarnings("unchecked")
      T bytesBody = (T) (bytes == null ? new byte[0] : bytes);
      body = bytesBody;
    } else if (bytes != null && bytes.length > 0) {
      try {
        body = mapper.readValue(bytes, type);
      } catch (IOException e) {
        throw malformed(request, attempt, attempts, type, e);
      }
    }
    return new ApiResponse<>(status, response.headers(), body, attempts);
  }

  <T> T require(ApiRequest request, ApiResponse<T> response, Class<?> type) {
    if (type == Void.class) {
      return null;
    }
    return response.body().orElseThrow(() ->
        ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(), fullPath(request))
            .status(response.status())
            .attempts(response.attempts())
            .problem("expected a " + type.getSimpleName() + " in the response body, got none")
            .build());
  }

  private ApiException malformed(ApiRequest request, Attempt attempt, int attempts,
      JavaType type, IOException e) {
    String where = e instanceof JsonMappingException
        ? jsonPath((JsonMappingException) e) : "";
    String what = "response body is not valid JSON for " + type.getRawClass().getSimpleName()
        + (where.isEmpty() ? "" : " at " + where);
    ApiException.Builder b = ApiException.newBuilder(Reason.MALFORMED_RESPONSE,
            request.method(), fullPath(request))
        .redacting(attempt.secret)
        .status(attempt.response.statusCode())
        .attempts(attempts)
        .requestId(requestId(attempt.response));
    if (request.sensitive()) {
      // the parser's message may quote a value of the body, which holds a secret
      return b.problem(what).build();
    }
    String original = e instanceof JsonProcessingException
        ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
    return b.problem(what + ": " + original).body(attempt.response.body()).cause(e).build();
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 1 ? "" : out.toString();
  }

  private ApiException statusFailure(ApiRequest request, Attempt attempt, int attempts) {
    HttpResponse<byte[]> response = attempt.response;
    int status = response.statusCode();
    Reason reason = attempt.rateLimited ? Reason.RATE_LIMITED
        : status >= 600 ? Reason.SERVER_ERROR : Reason.ofStatus(status);
    byte[] body = response.body();
    ApiException.Builder b = ApiException.newBuilder(reason, request.method(), fullPath(request))
        .redacting(attempt.secret)
        .status(status)
        .attempts(attempts)
        .detail(ErrorDetails.detail(mapper, body))
        .retryAfter(attempt.serverWait)
        .requestId(requestId(response));
    if (!request.sensitive()) {
      b.body(body);
    }
    if (attempt.waitTooLong) {
      b.note("server asks to wait " + attempt.serverWait.getSeconds() + " s, more than"
          + " maxRetryWait " + maxRetryWait.getSeconds() + " s");
    } else if (reason == Reason.REDIRECT) {
      response.headers().firstValue("location").map(Exchanger::withoutQuery)
          .ifPresent(location -> b.note("redirect to " + location + " not followed"));
    }
    return b.build();
  }

  private ApiException transportFailure(ApiRequest request, AttemptFailure failure,
      int attempts) {
    IOException io = failure.io;
    Reason reason = isTooLarge(io) ? Reason.MALFORMED_RESPONSE : Reason.TRANSPORT;
    return ApiException.newBuilder(reason, request.method(), fullPath(request))
        .attempts(attempts)
        .problem(failure.describe())
        .cause(io)
        .build();
  }

  private ApiException rateLimiterRefused(ApiRequest request, int attempts) {
    return ApiException.newBuilder(Reason.RATE_LIMITED, request.method(), fullPath(request))
        .attempts(attempts)
        .problem("rate limiter '" + rateLimiter.getName() + "' gave no permit within "
            + rateLimiter.getRateLimiterConfig().getTimeoutDuration())
        .build();
  }

  private ApiException interrupted(ApiRequest request, int attempts, InterruptedException e) {
    return ApiException.newBuilder(Reason.INTERRUPTED, request.method(), fullPath(request))
        .attempts(attempts)
        .cause(e)
        .build();
  }

  private static String requestId(HttpResponse<?> response) {
    return response.headers().firstValue("x-github-request-id")
        .or(() -> response.headers().firstValue("x-request-id"))
        .orElse(null);
  }

  private static String withoutQuery(String location) {
    try {
      URI uri = URI.create(location.strip());
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      return uri.getHost() == null ? path
          : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
              + path;
    } catch (IllegalArgumentException e) {
      return "(unreadable location)";
    }
  }

  // ---------------------------------------------------------------- logging

  private void log(ApiRequest request, int status, int n) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, request.method() + " " + fullPath(request) + " -> " + status
          + " (attempt " + n + ")");
    }
  }

  private void logRetry(ApiRequest request, int n, String what, long waitMillis) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, request.method() + " " + fullPath(request) + ": attempt " + n + " of "
          + maxAttempts + " failed (" + what + "), retrying in " + waitMillis + " ms");
    }
  }

  // ---------------------------------------------------------------- attempt results

  /** One attempt that got a response, classified for the retry. */
  static final class Attempt {
    final HttpResponse<byte[]> response;
    final boolean retryable;
    final Duration serverWait;
    final boolean waitTooLong;
    final boolean rateLimited;
    /** The Authorization value sent, to scrub from anything the server echoes back. */
    final String secret;

    Attempt(HttpResponse<byte[]> response, boolean retryable, Duration serverWait,
        boolean waitTooLong, boolean rateLimited, String secret) {
      this.response = response;
      this.retryable = retryable;
      this.serverWait = serverWait;
      this.waitTooLong = waitTooLong;
      this.rateLimited = rateLimited;
      this.secret = secret;
    }
  }

  /** One attempt that got no response. */
  static final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient IOException io;
    final boolean retryable;

    AttemptFailure(IOException io, boolean retryable) {
      super(io.getClass().getSimpleName(), io, false, false);
      this.io = io;
      this.retryable = retryable;
    }

    String describe() {
      String message = io.getMessage();
      String type = io.getClass().getSimpleName();
      return message == null || message.isBlank() ? type : message + " (" + type + ")";
    }
  }
}
