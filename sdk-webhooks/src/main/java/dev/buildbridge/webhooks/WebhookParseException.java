package dev.buildbridge.webhooks;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * A delivery that was signed correctly (or unsigned by choice) but cannot be read: not JSON, not
 * UTF-8, too deep or too large, a duplicate key, a missing event header, a content type the handler
 * does not take. {@link #reason()} says which; the message says where (line and column, or the
 * header name) and never quotes the body.
 *
 * <pre>{@code
 * try {
 *     GitHubEvent event = GitHubEvents.parse("push", body);
 * } catch (WebhookParseException e) {
 *     respond(400, e.reason() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class WebhookParseException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery could not be read. */
  public enum Reason {
    /** The body is not well-formed JSON (including truncated documents and trailing content). */
    MALFORMED_JSON,
    /** The body is not valid UTF-8. */
    INVALID_UTF8,
    /** An object holds the same key twice. */
    DUPLICATE_KEY,
    /** Nesting, a string, a name or a number exceeds the configured limits. */
    LIMIT_EXCEEDED,
    /** The body is larger than the configured maximum. */
    BODY_TOO_LARGE,
    /** A required header (such as the event name) is absent or blank. */
    MISSING_HEADER,
    /** The content type is neither JSON nor a form with a {@code payload} field. */
    UNSUPPORTED_CONTENT_TYPE,
    /** A form body is not valid {@code application/x-www-form-urlencoded} or has no payload. */
    MALFORMED_FORM,
    /** The JSON is well-formed but not the shape the event needs (say, an array). */
    UNEXPECTED_SHAPE
  }

  private final Reason reason;

  /**
   * Creates a failure.
   *
   * @param reason why the delivery cannot be read
   * @param message what was wrong and where; must not quote the body
   */
  public WebhookParseException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates a failure that wraps its cause.
   *
   * @param reason why the delivery cannot be read
   * @param message what was wrong and where; must not quote the body
   * @param cause the underlying failure, or {@code null}
   */
  public WebhookParseException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
  }

  /**
   * Returns why the delivery cannot be read.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
