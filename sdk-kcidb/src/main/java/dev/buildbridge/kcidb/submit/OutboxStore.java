package dev.buildbridge.kcidb.submit;

import dev.buildbridge.kcidb.KcidbException;
import java.time.Instant;
import java.util.List;

/**
 * Where a {@link KcidbOutbox} keeps its pending documents. The embedded implementation is
 * {@link FileOutboxStore} (one file per entry in a directory); a database table shared by several
 * instances implements this interface to take its place.
 *
 * <pre>{@code
 * OutboxStore store = FileOutboxStore.open(Path.of("/var/lib/bridge/kcidb-outbox"));
 * KcidbOutbox outbox = KcidbOutbox.newBuilder().store(store).client(kcidb).build();
 * }</pre>
 *
 * <p>The contract that makes the outbox lose nothing:
 * <ul>
 *   <li>{@link #append} returns only once the entry survives a crash of the process and of the
 *       machine (written and synced); an append that did not return may be there or not, but
 *       never half there;
 *   <li>{@link #entries()} lists what was appended and not yet delivered, in the order of
 *       appending, whatever happened in between (restarts included);
 *   <li>{@link #markDelivered} is the only way an entry leaves the pending list, except an entry
 *       that can no longer be read back intact: the store takes it out of the pending list, keeps
 *       it for inspection and says so (a log line, an exception from {@link #document}), never
 *       dropping it silently;
 *   <li>only one outbox drains a store at a time (a lock, or an equivalent claim).
 * </ul>
 * Implementations must be thread-safe. Failures of the storage itself are {@link KcidbException}s
 * with reason {@code OUTBOX_IO}.
 */
public interface OutboxStore extends AutoCloseable {

  /**
   * Appends a document, durably, at the end of the queue.
   *
   * @param id the entry's id, not yet in the store
   * @param created when the document was submitted
   * @param document the document, not empty; the store keeps these exact bytes
   * @return the stored entry, with its sequence number
   * @throws IllegalArgumentException if the id is already in the store or the document is empty
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if the entry could not be stored durably; it is then
   *     not in the store
   */
  OutboxEntry append(EntryId id, Instant created, byte[] document);

  /**
   * Lists the pending entries (parked ones included), oldest first.
   *
   * @return a snapshot, unmodifiable
   * @throws IllegalStateException if the store is closed
   */
  List<OutboxEntry> entries();

  /**
   * Reads a pending entry's document.
   *
   * @param id the entry
   * @return the exact bytes appended
   * @throws IllegalArgumentException if no pending entry has this id
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if it cannot be read, or is no longer intact (then
   *     it is also taken out of the pending list and kept aside, as the message says)
   */
  byte[] document(EntryId id);

  /**
   * Stores the bookkeeping of a pending entry: attempts, last attempt and error, parked. The
   * other components must be those of the stored entry.
   *
   * @param entry the entry's new state
   * @throws IllegalArgumentException if no pending entry has this id
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if it could not be stored
   */
  void update(OutboxEntry entry);

  /**
   * Removes an entry KCIDB accepted. Call it only after KCIDB answered 200 with a submission id.
   * An id that is not pending is ignored, so that a repeated call is harmless.
   *
   * @param id the entry
   * @param submissionIds the ids KCIDB gave, for the store's records
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if it could not be removed; it then stays pending and
   *     is sent again later, which KCIDB merges
   */
  void markDelivered(EntryId id, List<String> submissionIds);

  /**
   * Releases the store (its lock, its files). Idempotent.
   *
   * @throws KcidbException {@code OUTBOX_IO} if releasing failed
   */
  @Override
  void close();
}
