package dev.buildbridge.jdbc;

import dev.buildbridge.core.BuildBridgeException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * A database operation of this module that failed. {@link #reason()} says how; the message names
 * the table and the operation, and the cause is the driver's {@link SQLException}.
 * {@link JdbcDedupStore} throws it as is; {@link JdbcOutboxStore} wraps it in a
 * {@code KcidbException} with reason {@code OUTBOX_IO}, as the outbox contract asks.
 *
 * <pre>{@code
 * try {
 *     boolean first = dedup.firstSeen("github:" + deliveryId);
 * } catch (JdbcException e) {
 *     // the delivery cannot be checked: answer 5xx so that the provider delivers it again
 *     respond(503, e.reason() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class JdbcException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** How a database operation failed. */
  public enum Reason {
    /**
     * The database could not be reached, refused the connection (authentication, unknown
     * database, too many connections) or the connection broke.
     */
    UNAVAILABLE,
    /** The statement ran longer than the configured query timeout and was cancelled. */
    TIMEOUT,
    /** The table or its schema does not exist: run {@code createTableIfMissing()} or the DDL. */
    MISSING_TABLE,
    /** The database refused the statement for another reason (permissions, a changed table). */
    STATEMENT_FAILED
  }

  private final Reason reason;

  /**
   * Creates a failure.
   *
   * @param reason how it failed
   * @param message what failed, naming the table
   * @param cause the driver's exception, or {@code null}
   */
  public JdbcException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
  }

  /**
   * Returns how the operation failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the SQLSTATE the database or the driver gave, such as {@code 08001} (cannot connect).
   *
   * @return the state of the {@link SQLException} cause; empty when there is none
   */
  public Optional<String> sqlState() {
    return getCause() instanceof SQLException
        ? Optional.ofNullable(((SQLException) getCause()).getSQLState()) : Optional.empty();
  }
}
