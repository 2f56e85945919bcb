package dev.buildbridge.signing;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of sdk-signing: a signature that is missing, malformed or does not match, a
 * timestamp outside the tolerance, or key material that cannot be used. {@link #reason()} says which;
 * the message says what was wrong and where (the header name, the expected format), and never holds a
 * secret, a key or a signature value.
 *
 * <pre>{@code
 * try {
 *     WebhookHmac.github(secret).verify(request.header("X-Hub-Signature-256"), body);
 * } catch (SignatureVerificationException e) {
 *     return e.reason() == Reason.MISSING_HEADER ? 400 : 401;
 * }
 * }</pre>
 */
public final class SignatureVerificationException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a signature or key was refused. */
  public enum Reason {
    /** The signature header is absent. */
    MISSING_HEADER,
    /** The signature header is present but empty or blank. */
    EMPTY_HEADER,
    /** The header does not start with the expected prefix (such as {@code sha256=}). */
    WRONG_PREFIX,
    /** The hex digest has an odd number of digits. */
    ODD_LENGTH,
    /** The hex digest holds a character that is not a hex digit. */
    NON_HEX,
    /** The digest decodes to the wrong number of bytes for the algorithm. */
    WRONG_LENGTH,
    /** The signature is not valid base64, DER or entry syntax. */
    MALFORMED_SIGNATURE,
    /** The signature is well-formed but does not match the body under the key or secret. */
    SIGNATURE_MISMATCH,
    /** A timestamp header is absent, not an integer, or the signed id/timestamp holds a dot. */
    MALFORMED_TIMESTAMP,
    /** The signed timestamp is too far from now: a replay or a badly skewed clock. */
    TIMESTAMP_OUT_OF_TOLERANCE,
    /** The key or secret cannot be read: bad base64, truncated blob, point off the curve. */
    MALFORMED_KEY,
    /** The key is well-formed but of a type or curve this operation does not support. */
    UNSUPPORTED_KEY,
    /** No key could be obtained from the key provider. */
    KEY_UNAVAILABLE
  }

  private final Reason reason;
  private final String header;

  /**
   * Creates a failure.
   *
   * @param reason why it failed
   * @param header the HTTP header involved, or {@code null} when none is
   * @param message what was wrong and where; must not contain secrets or signature values
   */
  public SignatureVerificationException(Reason reason, String header, String message) {
    this(reason, header, message, null);
  }

  /**
   * Creates a failure that wraps a cause.
   *
   * @param reason why it failed
   * @param header the HTTP header involved, or {@code null} when none is
   * @param message what was wrong and where; must not contain secrets or signature values
   * @param cause the underlying failure, or {@code null}
   */
  public SignatureVerificationException(Reason reason, String header, String message,
      Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
    this.header = header;
  }

  /**
   * Returns why verification failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP header the failure is about, such as {@code X-Hub-Signature-256}.
   *
   * @return the header name, or empty when the failure is not about a header (a bad key, say)
   */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }
}
