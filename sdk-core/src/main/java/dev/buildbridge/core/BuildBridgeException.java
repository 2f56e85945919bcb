package dev.buildbridge.core;

import java.util.Objects;

/**
 * Root of every exception the BuildBridge SDK throws on purpose. It is unchecked because SDK code
 * runs inside lambdas, Resilience4j decorators, {@code CompletableFuture}s and streams.
 *
 * <p>Each module throws its own subtype with an enum of reasons ({@code SignatureVerificationException}
 * in sdk-signing, for example); {@link #code()} gives that reason as a stable, machine-readable string
 * so host code can log or count failures without knowing every subtype. Messages say what was wrong
 * and where, and never contain secrets, tokens or signatures.
 *
 * <pre>{@code
 * try {
 *     JobRequest job = JobRequest.parse(messageBytes);
 * } catch (BuildBridgeException e) {
 *     log.log(WARNING, "dropping message: " + e.code() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class BuildBridgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an exception with a reason code and a message.
   *
   * @param code stable upper-case reason code, such as {@code MALFORMED_JSON}
   * @param message what was wrong and where
   */
  public BuildBridgeException(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates an exception with a reason code, a message and the cause it wraps.
   *
   * @param code stable upper-case reason code, such as {@code MALFORMED_JSON}
   * @param message what was wrong and where
   * @param cause the underlying failure, kept for diagnosis; may be {@code null}
   */
  public BuildBridgeException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the reason code: a stable, upper-case identifier of what failed, such as
   * {@code SIGNATURE_MISMATCH}. Subtypes return the name of their reason enum constant.
   *
   * @return the reason code, never {@code null}
   */
  public String code() {
    return code;
  }
}
