package dev.buildbridge.api.github;

import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * Authorizes requests as a GitHub App installation: {@code Authorization: Bearer <installation
 * token>}, fetching the token with the App's JWT and reusing it until shortly before it expires (5
 * minutes by default; tokens live one hour). Thread-safe: concurrent callers share one refresh,
 * blocking and asynchronous callers alike. Get one from {@link GitHubClient#installationAuth(long)}.
 *
 * <pre>{@code
 * GitHubAppAuth auth = app.installationAuth(installation.id());
 * InstallationToken token = auth.token();          // cached; fetched when needed
 * ApiTransport other = ApiTransport.newBuilder()
 *     .baseUrl("https://api.github.com").auth(auth).build();
 * }</pre>
 */
public final class GitHubAppAuth implements ApiAuth {
  private static final Duration SKEWED_REUSE = Duration.ofMinutes(1);
  private final long installationId;
  private final LongFunction<CompletableFuture<InstallationToken>> fetch;
  private final Clock clock;
  private final Duration margin;
  private final AtomicReference<Cached> cached = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<InstallationToken>> refreshing =
      new AtomicReference<>();

  /** A token and the instant from which a new one is fetched. */
  private static final class Cached {
    final InstallationToken token;
    final Instant refreshAt;

    Cached(InstallationToken token, Instant refreshAt) {
      this.token = token;
      this.refreshAt = refreshAt;
    }
  }

  GitHubAppAuth(long installationId, LongFunction<CompletableFuture<InstallationToken>> fetch,
      Clock clock, Duration margin) {
    this.installationId = installationId;
    this.fetch = fetch;
    this.clock = clock;
    this.margin = margin;
  }

  /**
   * Returns the installation this strategy authorizes as.
   *
   * @return the installation id
   */
  public long installationId() {
    return installationId;
  }

  /**
   * Returns a valid token, fetching one when there is none or it expires within the margin.
   * Blocks while a token is fetched (by this or another thread).
   *
   * @return the token
   * @throws ApiException when the token cannot be fetched ({@code UNAUTHORIZED} for a bad App key or
   *     JWT, {@code NOT_FOUND} for an installation that does not exist), or with reason
   *     {@code INTERRUPTED} when the thread is interrupted while waiting (its flag is set again)
   */
  public InstallationToken token() {
    CompletableFuture<InstallationToken> future = tokenAsync();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.newBuilder(ApiException.Reason.INTERRUPTED, "POST",
              "/app/installations/" + installationId + "/access_tokens")
          .attempts(0).cause(e).build();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /**
   * Returns a valid token without blocking; concurrent callers share one fetch.
   *
   * @return a future of the token, failing with an {@link ApiException}
   */
  public CompletableFuture<InstallationToken> tokenAsync() {
    Cached now = cached.get();
    if (now != null && clock.instant().isBefore(now.refreshAt)) {
      return CompletableFuture.completedFuture(now.token);
    }
    CompletableFuture<InstallationToken> mine = new CompletableFuture<>();
    CompletableFuture<InstallationToken> running = refreshing.compareAndExchange(null, mine);
    if (running != null) {
      return running.copy();
    }
    // this caller refreshes; another may have finished just before it took the slot
    Cached again = cached.get();
    if (again != null && clock.instant().isBefore(again.refreshAt)) {
      refreshing.set(null);
      mine.complete(again.token);
      return mine;
    }
    CompletableFuture<InstallationToken> fetched;
    try {
      fetched = fetch.apply(installationId);
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    fetched.whenComplete((token, error) -> {
      if (token != null) {
        cached.set(new Cached(token, refreshAt(token)));
      }
      refreshing.set(null);
      if (error != null) {
        mine.completeExceptionally(unwrap(error));
      } else {
        mine.complete(token);
      }
    });
    return mine.copy();
  }

  /**
   * Forgets the cached token, so the next request fetches a new one (after a 401, say, when the
   * installation's token was revoked).
   */
  public void invalidate() {
    cached.set(null);
  }

  /**
   * Returns {@code Bearer <installation token>}.
   *
   * @param request the request about to be sent
   * @return the header value
   * @throws ApiException when the token cannot be fetched
   */
  @Override
  public Optional<String> authorization(ApiRequest request) {
    return Optional.of("Bearer " + token().token());
  }

  /**
   * Returns {@code Bearer <installation token>} without blocking.
   *
   * @param request the request about to be sent
   * @return a future of the header value
   */
  @Override
  public CompletableFuture<Optional<String>> authorizationAsync(ApiRequest request) {
    return tokenAsync().thenApply(token -> Optional.of("Bearer " + token.token()));
  }

  /**
   * Uses the token until {@code expiresAt - margin}. A token that arrives already inside the
   * margin is used until halfway to its expiry, and one that arrives already expired by the local
   * clock (a clock running ahead of GitHub's) for a minute: fetching on every request would not
   * help, and GitHub answers 401 if it really has expired.
   */
  private Instant refreshAt(InstallationToken token) {
    Instant now = clock.instant();
    Instant byMargin = token.expiresAt().minus(margin);
    if (byMargin.isAfter(now)) {
      return byMargin;
    }
    Duration left = Duration.between(now, token.expiresAt());
    return left.isNegative() || left.isZero() ? now.plus(SKEWED_REUSE)
        : now.plus(left.dividedBy(2));
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RuntimeException rethrow(Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException("fetching the installation token failed", cause);
  }

  /**
   * Shows the installation; the token is redacted.
   *
   * @return for example {@code GitHubAppAuth[installationId=42, token=<redacted>]}
   */
  @Override
  public String toString() {
    return "GitHubAppAuth[installationId=" + installationId + ", token=<redacted>]";
  }
}
