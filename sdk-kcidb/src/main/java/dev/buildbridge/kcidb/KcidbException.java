package dev.buildbridge.kcidb;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * A KCIDB operation that failed: a document that cannot be built or mapped, or a submission that
 * could not be recorded. {@link #reason()} says which; the message says what and where (a JSON
 * pointer, a field, a file).
 *
 * <pre>{@code
 * try {
 *     outbox.submit(document);
 * } catch (KcidbException e) {
 *     log(e.reason() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class KcidbException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a KCIDB operation failed. */
  public enum Reason {
    /** A document or object breaks the KCIDB v5.3 schema. */
    INVALID_DOCUMENT,
    /** A TuxSuite callback cannot be mapped to KCIDB (missing fields, unknown kind). */
    UNMAPPABLE_CALLBACK,
    /** The outbox could not store or read an entry (disk full, permissions, corruption). */
    OUTBOX_IO,
    /** KCIDB refused a submission for good (authentication, a 4xx other than 429). */
    SUBMISSION_REFUSED,
    /** KCIDB could not be reached or answered with a transient failure; the entry stays pending. */
    SUBMISSION_FAILED
  }

  private final Reason reason;

  /**
   * Creates a failure.
   *
   * @param reason why
   * @param message what was wrong and where; no tokens
   * @param cause the underlying failure, or {@code null}
   */
  public KcidbException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
  }

  /**
   * Returns why the operation failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
