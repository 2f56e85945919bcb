package dev.buildbridge.samples.gateway;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * A gateway operation that failed: a configuration that cannot work, a start that did not
 * complete, or the embedded job queue refusing a write. {@link #reason()} says which; the message
 * says what and where (the variable or flag, the file) and never holds a secret.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.start(GatewayConfig.newBuilder()
 *         .environment(System.getenv())
 *         .build())) {
 *     gateway.awaitClose();
 * } catch (GatewayException e) {
 *     System.err.println(e.reason() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class GatewayException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a gateway operation failed. */
  public enum Reason {
    /**
     * The configuration is incomplete or contradicts itself (a missing secret without
     * {@code --allow-unsigned}, a TuxSuite token without its group), or an environment variable
     * holds a value that does not parse.
     */
    INVALID_CONFIG,
    /** A dependency could not be opened at start: the data directory, a port, a broker. */
    START_FAILED,
    /** The embedded job queue could not store or read a job (disk full, permissions, damage). */
    JOB_QUEUE_IO
  }

  private final Reason reason;

  /**
   * Creates a failure without a cause.
   *
   * @param reason why
   * @param message what was wrong and where; no secrets
   */
  public GatewayException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates a failure.
   *
   * @param reason why
   * @param message what was wrong and where; no secrets
   * @param cause the underlying failure, or {@code null}
   */
  public GatewayException(Reason reason, String message, Throwable cause) {
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
