package dev.buildbridge.kcidb.submit;

import dev.buildbridge.kcidb.KcidbException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link KcidbOutbox#flush()} did: the entries KCIDB accepted (and that left the
 * outbox), the entries it refused for good (now parked), how many entries are still pending, and
 * the failure that ended the flush early, if one did.
 *
 * <pre>{@code
 * FlushResult result = outbox.flush();
 * if (!result.isComplete()) {
 *     log.log(WARNING, result.remaining() + " KCIDB documents pending: "
 *         + result.failure().map(Throwable::getMessage).orElse("some are parked"));
 * }
 * }</pre>
 *
 * @param delivered the entries accepted during this flush, in sending order
 * @param parked the entries refused for good during this flush, in sending order
 * @param remaining how many entries are pending after the flush, parked ones included
 * @param failure why the flush stopped before the end: a failure that may pass later
 *     ({@code SUBMISSION_FAILED}: later entries were not tried, to keep the order and spare a
 *     struggling server), a refused token ({@code SUBMISSION_REFUSED} with a 401 or 403: every
 *     other entry would be refused alike), a storage failure ({@code OUTBOX_IO}), or a close or
 *     an interrupt; empty when every entry that is not parked was tried
 */
public record FlushResult(
    List<Delivered> delivered,
    List<EntryId> parked,
    int remaining,
    Optional<KcidbException> failure) {

  /**
   * Checks and copies the components; a null failure becomes empty.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if {@code remaining} is negative
   */
  public FlushResult {
    delivered = List.copyOf(Objects.requireNonNull(delivered, "delivered"));
    parked = List.copyOf(Objects.requireNonNull(parked, "parked"));
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining must be 0 or more, was " + remaining);
    }
    failure = failure == null ? Optional.empty() : failure;
  }

  /**
   * Returns whether the outbox is empty after this flush.
   *
   * @return true when nothing is pending, parked entries included
   */
  public boolean isComplete() {
    return remaining == 0;
  }

  /**
   * One entry KCIDB accepted.
   *
   * <pre>{@code
   * for (FlushResult.Delivered d : outbox.flush().delivered()) {
   *     log.log(DEBUG, d.entry() + " -> " + d.submissionIds());
   * }
   * }</pre>
   *
   * @param entry the outbox entry, now removed
   * @param submissionIds the submission ids KCIDB gave, one per part sent (usually one)
   */
  public record Delivered(EntryId entry, List<String> submissionIds) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if an argument or an id is null
     */
    public Delivered {
      Objects.requireNonNull(entry, "entry");
      submissionIds = List.copyOf(Objects.requireNonNull(submissionIds, "submissionIds"));
    }
  }
}
