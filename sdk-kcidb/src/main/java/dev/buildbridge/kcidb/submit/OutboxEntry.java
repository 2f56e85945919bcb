package dev.buildbridge.kcidb.submit;

import dev.buildbridge.kcidb.KcidbException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One pending document of an outbox, without the document itself: where it is in the queue, how
 * often sending it failed and why, and whether it is parked. Immutable; the outbox records a
 * failed attempt by storing a new value with {@link OutboxStore#update(OutboxEntry)}.
 *
 * <pre>{@code
 * for (OutboxEntry e : outbox.pending()) {
 *     System.out.printf("%s %d bytes, %d attempts%s: %s%n", e.id(), e.bytes(), e.attempts(),
 *         e.parked() ? " (parked)" : "", e.lastError().orElse("-"));
 * }
 * }</pre>
 *
 * @param id the entry id
 * @param sequence the position in the queue, increasing in the order entries were appended
 * @param created when the document was journaled
 * @param bytes the document's size
 * @param attempts how many sends failed; 0 for an entry never tried or tried only while the
 *     process was interrupted
 * @param lastAttempt when the last failed send started; empty when none failed
 * @param lastReason why the last send failed ({@code SUBMISSION_FAILED}: may pass later;
 *     {@code SUBMISSION_REFUSED} or {@code INVALID_DOCUMENT}: refused for good); empty when none
 *     failed
 * @param lastError the message of the last failure (never a token); empty when none failed
 * @param parked whether the entry was refused for good and is left alone until
 *     {@link KcidbOutbox#retryParked()}
 */
public record OutboxEntry(
    EntryId id,
    long sequence,
    Instant created,
    long bytes,
    int attempts,
    Optional<Instant> lastAttempt,
    Optional<KcidbException.Reason> lastReason,
    Optional<String> lastError,
    boolean parked) {

  /** The longest error message kept. */
  static final int MAX_ERROR = 1000;

  /**
   * Checks the components; null optionals become empty, a long error is cut to 1000 characters.
   *
   * @throws NullPointerException if {@code id} or {@code created} is null
   * @throws IllegalArgumentException if {@code sequence}, {@code bytes} or {@code attempts} is
   *     negative
   */
  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be 0 or more, was " + sequence);
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be 0 or more, was " + bytes);
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be 0 or more, was " + attempts);
    }
    lastAttempt = lastAttempt == null ? Optional.empty() : lastAttempt;
    lastReason = lastReason == null ? Optional.empty() : lastReason;
    lastError = lastError == null ? Optional.empty()
        : lastError.map(m -> Json.clean(m, MAX_ERROR));
  }

  /**
   * Returns a new entry that was never tried.
   *
   * @param id the entry id
   * @param sequence the position in the queue
   * @param created when the document was journaled
   * @param bytes the document's size
   * @return the entry
   * @throws NullPointerException if {@code id} or {@code created} is null
   * @throws IllegalArgumentException if {@code sequence} or {@code bytes} is negative
   */
  public static OutboxEntry of(EntryId id, long sequence, Instant created, long bytes) {
    return new OutboxEntry(id, sequence, created, bytes, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), false);
  }

  /**
   * Returns this entry after one more failed send.
   *
   * @param at when the send started
   * @param failure why it failed
   * @param park whether to park the entry (refused for good)
   * @return the new entry
   * @throws NullPointerException if an argument is null
   */
  public OutboxEntry withFailure(Instant at, KcidbException failure, boolean park) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(failure, "failure");
    return new OutboxEntry(id, sequence, created, bytes, attempts + 1, Optional.of(at),
        Optional.of(failure.reason()), Optional.ofNullable(failure.getMessage()), park);
  }

  /**
   * Returns this entry no longer parked; its attempts and last error are kept.
   *
   * @return the new entry
   */
  public OutboxEntry unparked() {
    return new OutboxEntry(id, sequence, created, bytes, attempts, lastAttempt, lastReason,
        lastError, false);
  }
}
