package dev.buildbridge.amqp;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * RabbitMQ did not take the jobs, or a consumer could not start. {@link #reason()} says why; the
 * message names the broker (without credentials), the exchange or queue and how many jobs were
 * affected. For a webhook gateway every reason means the same thing: answer with a retryable status
 * (503) so that the forge redelivers.
 *
 * <pre>{@code
 * try {
 *     publisher.accept(decision.jobs());
 *     respond(decision.status());
 * } catch (AmqpException e) {
 *     log.log(WARNING, e.reason() + ": " + e.getMessage());
 *     respond(503);
 * }
 * }</pre>
 */
public final class AmqpException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why the broker did not take the jobs. */
  public enum Reason {
    /**
     * The broker could not be reached, or the connection kept dropping, until the deadline. A later
     * attempt may succeed.
     */
    UNAVAILABLE,
    /**
     * The broker refused the connection or a declaration: wrong credentials, no permission on the
     * virtual host, or a queue that exists with other arguments. Retrying does not help until the
     * configuration changes.
     */
    REFUSED,
    /** The broker answered a publish with a negative confirm ({@code basic.nack}). */
    NOT_CONFIRMED,
    /**
     * A job was returned ({@code basic.return}) because no queue is bound to the exchange with the
     * routing key, or the exchange does not exist.
     */
    UNROUTABLE,
    /** Some jobs were published but not confirmed before the deadline. */
    TIMEOUT,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED,
    /** The publisher or consumer was already closed. */
    CLOSED
  }

  private final Reason reason;

  /**
   * Creates a failure.
   *
   * @param reason why the broker did not take the jobs
   * @param message what failed and where; must not contain credentials
   */
  public AmqpException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates a failure that wraps its cause.
   *
   * @param reason why the broker did not take the jobs
   * @param message what failed and where; must not contain credentials
   * @param cause the underlying failure, or {@code null}
   */
  public AmqpException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
  }

  /**
   * Returns why the broker did not take the jobs.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
