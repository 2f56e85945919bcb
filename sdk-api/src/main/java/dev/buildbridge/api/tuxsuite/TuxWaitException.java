package dev.buildbridge.api.tuxsuite;

import dev.buildbridge.core.BuildBridgeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TuxSuiteClient#waitForFinished} gave up before the run finished: the time ran out, or the
 * waiting thread was interrupted. The run goes on at TuxSuite; {@link #lastSeen()} is its last
 * status. A failed poll is an {@link dev.buildbridge.api.ApiException} instead.
 *
 * <pre>{@code
 * try {
 *     TuxRun run = tux.waitForFinished(TuxKind.BUILD, uid, Duration.ofHours(1),
 *         Duration.ofSeconds(30));
 * } catch (TuxWaitException e) {
 *     // e.g. "BUILD 2ZITcwA6wxeKxh9cZA5HBJ6FkSj not finished after PT1H: last state building"
 *     requeue(uid, e.lastSeen().map(TuxRun::state).orElse(TuxState.UNKNOWN));
 * }
 * }</pre>
 */
public final class TuxWaitException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why the wait ended. */
  public enum Reason {
    /** The run did not finish within the timeout. */
    TIMED_OUT,
    /** The waiting thread was interrupted; its interrupt flag is set again. */
    INTERRUPTED
  }

  private final Reason reason;
  private final TuxKind kind;
  private final String uid;
  private final Duration waited;
  private final transient TuxRun lastSeen;

  TuxWaitException(Reason reason, TuxKind kind, String uid, Duration waited, TuxRun lastSeen,
      Throwable cause) {
    super(reason.name(), message(reason, kind, uid, waited, lastSeen), cause);
    this.reason = reason;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.uid = Objects.requireNonNull(uid, "uid");
    this.waited = Objects.requireNonNull(waited, "waited");
    this.lastSeen = lastSeen;
  }

  private static String message(Reason reason, TuxKind kind, String uid, Duration waited,
      TuxRun lastSeen) {
    String last = lastSeen == null ? "no status received"
        : "last state " + lastSeen.state().wireName();
    return kind + " " + Checks.excerpt(uid) + (reason == Reason.TIMED_OUT
        ? " not finished after " + waited : " wait interrupted after " + waited) + ": " + last;
  }

  /**
   * Returns why the wait ended.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the kind of run waited for.
   *
   * @return the kind
   */
  public TuxKind kind() {
    return kind;
  }

  /**
   * Returns the uid of the run waited for.
   *
   * @return the uid
   */
  public String uid() {
    return uid;
  }

  /**
   * Returns how long the wait lasted, by the client's clock.
   *
   * @return the time from the first poll to giving up
   */
  public Duration waited() {
    return waited;
  }

  /**
   * Returns the last status received. Not kept when the exception is serialized.
   *
   * @return the status, or empty when none was received (or after deserialization)
   */
  public Optional<TuxRun> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }
}
