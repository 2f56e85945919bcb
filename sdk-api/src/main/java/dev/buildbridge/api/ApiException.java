package dev.buildbridge.api;

import dev.buildbridge.api.internal.Texts;
import dev.buildbridge.core.BuildBridgeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of the API clients: an error status from the server, a transport failure,
 * a response that cannot be read, or a call refused before it was sent (circuit open, client-side
 * rate limit, interrupt). {@link #reason()} says which; the message reads like
 * {@code GET /repos/o/r/contents/x: 404 Not Found: Not Found (https://docs.github.com/...)}.
 *
 * <pre>{@code
 * try {
 *     CheckRun run = github.createCheckRun("octo", "repo", request);
 * } catch (ApiException e) {
 *     if (e.reason() == ApiException.Reason.RATE_LIMITED) {
 *         requeue(job, e.retryAfter().orElse(Duration.ofMinutes(1)));
 *     } else {
 *         log.log(WARNING, e.getMessage() + " request id " + e.requestId().orElse("-"));
 *     }
 * }
 * }</pre>
 *
 * <p>Messages, {@link #path()} and {@link #toString()} never hold a token: the path has no query
 * string and no user info, and no header value is ever copied. {@link #bodyExcerpt()} is empty for
 * requests marked {@link ApiRequest.Builder#sensitive() sensitive}, such as installation token
 * requests.
 */
public final class ApiException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** 401: the credentials are missing, wrong or expired. */
    UNAUTHORIZED,
    /** 403 (not a rate limit): authenticated but not allowed, or, for ALBS, a user not verified. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 409 (unless the request treats it as success). */
    CONFLICT,
    /** 422: the server refused the request body or parameters. */
    VALIDATION,
    /**
     * 429, or GitHub's 403 with a rate-limit signal, after the retries allowed (or at once when the
     * server asks for a wait longer than the transport's maximum); also a client-side rate limiter
     * refusing a permit (status 0).
     */
    RATE_LIMITED,
    /** Any other 4xx. */
    CLIENT_ERROR,
    /** A 3xx: redirects are not followed (ALBS answers 307 when a trailing slash is wrong). */
    REDIRECT,
    /** A 5xx, after the retries allowed. */
    SERVER_ERROR,
    /** No response: connection refused or reset, timeout, TLS failure (status 0). */
    TRANSPORT,
    /** A response that cannot be read as the expected type, or is larger than allowed. */
    MALFORMED_RESPONSE,
    /** The circuit breaker is open: the request was not sent (status 0). */
    CIRCUIT_OPEN,
    /** The calling thread was interrupted; its interrupt flag is set again (status 0). */
    INTERRUPTED;

    /**
     * Returns the reason for an HTTP error status.
     *
     * @param status the status code, 300 to 599
     * @return the reason; {@link #CLIENT_ERROR} for a 4xx without its own reason
     * @throws IllegalArgumentException if the status is not 300 to 599
     */
    public static Reason ofStatus(int status) {
      if (status < 300 || status > 599) {
        throw new IllegalArgumentException("status " + status + " is not an error status");
      }
      switch (status) {
        case 401:
          return UNAUTHORIZED;
        case 403:
          return FORBIDDEN;
        case 404:
          return NOT_FOUND;
        case 409:
          return CONFLICT;
        case 422:
          return VALIDATION;
        case 429:
          return RATE_LIMITED;
        default:
          return status < 400 ? REDIRECT : status < 500 ? CLIENT_ERROR : SERVER_ERROR;
      }
    }
  }

  private final Reason reason;
  private final int status;
  private final String method;
  private final String path;
  private final String bodyExcerpt;
  private final String detail;
  private final Duration retryAfter;
  private final String requestId;
  private final int attempts;

  private ApiException(Builder b, String message) {
    super(b.reason.name(), message, b.cause);
    this.reason = b.reason;
    this.status = b.status;
    this.method = b.method;
    this.path = b.path;
    this.bodyExcerpt = b.bodyExcerpt;
    this.detail = b.detail;
    this.retryAfter = b.retryAfter;
    this.requestId = b.requestId;
    this.attempts = b.attempts;
  }

  /**
   * Starts an exception, for client code that finds a problem the transport cannot see (a response
   * of the wrong shape, say).
   *
   * <pre>{@code
   * throw ApiException.newBuilder(Reason.MALFORMED_RESPONSE, "GET", "/repos/o/r/contents/dir")
   *     .status(200).problem("expected a file, got a directory").build();
   * }</pre>
   *
   * @param reason what went wrong
   * @param method the HTTP method
   * @param path the request path, without query string
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder newBuilder(Reason reason, String method, String path) {
    return new Builder(reason, method, path);
  }

  /**
   * Returns what went wrong.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP status of the last response.
   *
   * @return the status, or 0 when no response was received ({@link Reason#TRANSPORT},
   *     {@link Reason#CIRCUIT_OPEN}, {@link Reason#INTERRUPTED}, a client-side rate limit)
   */
  public int status() {
    return status;
  }

  /**
   * Returns the HTTP method of the request.
   *
   * @return for example {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path of the request as sent (base URL path included), without query string.
   *
   * @return for example {@code /api/v1/builds/42/}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the start of the response body: at most 512 characters of it, control characters
   * escaped.
   *
   * @return the excerpt; empty when there was no body, no response, or the request was sensitive
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * Returns the server's explanation, read from the body: FastAPI's {@code detail} (a string, or
   * the validation errors as {@code loc: msg; ...}), GitHub's {@code message} with its
   * {@code errors} and {@code documentation_url}, TuxSuite's {@code error}; or the client's
   * description of the problem for reasons without a response.
   *
   * @return the detail, at most 512 characters, or empty
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * Returns how long the server asked to wait ({@code Retry-After}, or GitHub's rate-limit reset).
   *
   * @return the wait, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Returns the server's request id ({@code x-github-request-id} or {@code x-request-id}), for
   * support requests.
   *
   * @return the id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns how many times the request was sent.
   *
   * @return 1 when it was not retried; 0 when it was never sent
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns whether the failure is one a later attempt may not repeat: a rate limit, a 5xx, a
   * transport failure or an open circuit.
   *
   * @return true for {@link Reason#RATE_LIMITED}, {@link Reason#SERVER_ERROR},
   *     {@link Reason#TRANSPORT} and {@link Reason#CIRCUIT_OPEN}
   */
  public boolean isTransient() {
    return reason == Reason.RATE_LIMITED || reason == Reason.SERVER_ERROR
        || reason == Reason.TRANSPORT || reason == Reason.CIRCUIT_OPEN;
  }

  /**
   * Configures an {@link ApiException}. The message is composed from the parts:
   * {@code METHOD PATH: STATUS Phrase[ after N attempts]: detail-or-problem[; note]}.
   */
  public static final class Builder {
    private final Reason reason;
    private final String method;
    private final String path;
    private int status;
    private String bodyExcerpt = "";
    private String detail;
    private String problem;
    private String note;
    private Duration retryAfter;
    private String requestId;
    private int attempts = 1;
    private Throwable cause;
    private final java.util.List<String> secrets = new java.util.ArrayList<>(2);

    private Builder(Reason reason, String method, String path) {
      this.reason = Objects.requireNonNull(reason, "reason");
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Sets the HTTP status. Default: 0, no response.
     *
     * @param status 0, or a three-digit status (100 to 999; servers do send codes above 599)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder status(int status) {
      if (status != 0 && (status < 100 || status > 999)) {
        throw new IllegalArgumentException("status " + status + " is not 0 or 100..999");
      }
      this.status = status;
      return this;
    }

    /**
     * Sets the body excerpt from the raw body (at most 512 characters kept, controls escaped).
     * Default: none.
     *
     * @param body the response body, may be null
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.bodyExcerpt = Texts.excerpt(body, Texts.MAX_EXCERPT);
      return this;
    }

    /**
     * Sets the server's explanation (see {@link ApiException#detail()}). Default: none.
     *
     * @param detail the explanation, may be null; cut to 512 characters, controls escaped
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail == null ? null : Texts.escapeControls(detail, 512);
      return this;
    }

    /**
     * Sets the client's description of the problem, used in the message (and as the detail when
     * the server gave none), such as {@code "expected a file, got a directory"}. Default: none.
     *
     * @param problem the description, may be null; must not contain secrets
     * @return this builder
     */
    public Builder problem(String problem) {
      this.problem = problem == null ? null : Texts.escapeControls(problem, 512);
      return this;
    }

    /**
     * Sets a note appended to the message after a semicolon. Default: none.
     *
     * @param note the note, may be null; must not contain secrets
     * @return this builder
     */
    public Builder note(String note) {
      this.note = note;
      return this;
    }

    /**
     * Sets the wait the server asked for. Default: none.
     *
     * @param retryAfter the wait, may be null
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Sets the server's request id. Default: none.
     *
     * @param requestId the id, may be null
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId == null ? null : Texts.escapeControls(requestId, 128);
      return this;
    }

    /**
     * Sets how many times the request was sent. Default: 1.
     *
     * @param attempts zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder attempts(int attempts) {
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts < 0");
      }
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the underlying failure. Default: none.
     *
     * @param cause the cause, may be null
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Removes a secret from everything the server sent back (body excerpt, detail, problem) before
     * it is kept: a server or proxy that echoes the request must not leak the token into logs.
     * Both the whole value and its last word (the token of {@code Bearer <token>}) are replaced by
     * {@code <redacted>}. Default: nothing is removed.
     *
     * @param authorization the {@code Authorization} value sent, or null for none
     * @return this builder
     */
    public Builder redacting(String authorization) {
      if (authorization != null && !authorization.isBlank()) {
        secrets.add(authorization);
        int space = authorization.lastIndexOf(' ');
        if (space >= 0 && space + 1 < authorization.length()) {
          secrets.add(authorization.substring(space + 1));
        }
      }
      return this;
    }

    private String scrub(String text) {
      if (text == null) {
        return null;
      }
      for (String secret : secrets) {
        text = text.replace(secret, "<redacted>");
      }
      return text;
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    public ApiException build() {
      bodyExcerpt = scrub(bodyExcerpt);
      detail = scrub(detail);
      problem = scrub(problem);
      StringBuilder m = new StringBuilder(128);
      m.append(method).append(' ').append(path).append(": ");
      if (status > 0) {
        m.append(status);
        String phrase = StatusPhrases.of(status);
        if (!phrase.isEmpty()) {
          m.append(' ').append(phrase);
        }
      } else {
        m.append(describe(reason));
      }
      if (attempts > 1) {
        m.append(" after ").append(attempts).append(" attempts");
      }
      String text = problem != null ? problem : detail;
      if (problem != null && detail != null) {
        text = problem + " (server: " + detail + ")";
      }
      if (text != null) {
        m.append(": ").append(text);
      }
      if (note != null) {
        m.append("; ").append(note);
      }
      if (detail == null && problem != null) {
        detail = problem;
      }
      return new ApiException(this, m.toString());
    }

    private static String describe(Reason reason) {
      switch (reason) {
        case TRANSPORT:
          return "transport error";
        case CIRCUIT_OPEN:
          return "not sent, circuit breaker open";
        case INTERRUPTED:
          return "interrupted";
        case RATE_LIMITED:
          return "not sent, client-side rate limit";
        default:
          return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      }
    }
  }
}
