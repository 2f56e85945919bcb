package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A durable outbox in front of a {@link KcidbClient}: {@link #submit(ObjectNode)} journals the
 * document to an {@link OutboxStore} (on disk, synced) before anything goes on the network, and a
 * sender drains the journal in order, with backoff while KCIDB is unreachable. An entry leaves the
 * journal only after KCIDB answered 200 with a submission id. A process killed at any moment
 * loses no submitted document, and sends nothing twice except the document that was in flight
 * when it died, which KCIDB merges (objects with the same id are stored once).
 *
 * <pre>{@code
 * KcidbClient kcidb = KcidbClient.newBuilder()
 *     .baseUrl(KcidbClient.PRODUCTION)
 *     .token(System.getenv("KCIDB_TOKEN"))
 *     .build();
 * try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
 *         .store(FileOutboxStore.open(Path.of("/var/lib/bridge/kcidb-outbox")))
 *         .client(kcidb)
 *         .build()) {
 *     outbox.start();                  // background sender; or call flush() yourself
 *     outbox.submit(document);         // on disk when this returns
 * }
 * }</pre>
 *
 * <p><b>Sending.</b> {@link #flush()} (and the sender started by {@link #start()}) tries the
 * pending entries oldest first:
 * <ul>
 *   <li>accepted (200 with an id): the entry is removed;
 *   <li>a failure that may pass (5xx, 408, 429, timeout, no answer, a 200 without an id): the
 *       entry stays pending with its attempt counted and its error kept, and the flush stops
 *       there, so that entries go out in order and a struggling server is not pressed; the sender
 *       tries again after a jittered exponential backoff ({@link Builder#backoff}), longer if the
 *       server asked for it with {@code Retry-After};
 *   <li>a refusal (4xx other than 408 and 429): the entry is <em>parked</em>: it stays pending and
 *       visible in {@link #pending()} with its error, and is left alone until
 *       {@link #retryParked()}. Nothing is ever dropped. A refused token (401, 403) also ends the
 *       flush, as every other entry would be refused alike.
 * </ul>
 * Unlike the bridge's {@code /sync} endpoints, a failed answer is never taken for a success.
 *
 * <p><b>Sizes.</b> A document larger than the client's {@link KcidbClient#maxDocumentBytes()} is
 * split with {@link KcidbSplitter} before it is journaled, one entry per part.
 *
 * <p>Thread-safe: any thread may submit while the sender or another thread flushes; flushes run
 * one at a time. The outbox owns its store: {@link #close()} closes it. Logging goes to
 * {@code System.Logger} {@code dev.buildbridge.kcidb.submit.KcidbOutbox} (WARNING for failed and
 * parked sends).
 */
public final class KcidbOutbox implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KcidbOutbox.class.getName());

  private final OutboxStore store;
  private final KcidbClient client;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration shutdownTimeout;
  private final Clock clock;
  private final ThreadFactory threadFactory;
  private final KcidbValidator validator;
  private final long pollNanos;

  /** One flush at a time; also guards parked-flag changes. */
  private final ReentrantLock flushLock = new ReentrantLock();
  /** Guards the sender's schedule below. */
  private final ReentrantLock schedule = new ReentrantLock();
  private final Condition wake = schedule.newCondition();
  private boolean work;
  private boolean backingOff;
  private long notBeforeNanos;
  private int failures;
  private Thread sender;
  private volatile boolean closed;

  private KcidbOutbox(Builder b) {
    this.store = b.store;
    this.client = b.client;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.shutdownTimeout = b.shutdownTimeout;
    this.clock = b.clock;
    this.threadFactory = b.threadFactory;
    this.validator = b.validator;
    this.pollNanos = b.pollInterval.toNanos();
  }

  /**
   * Starts a builder. The store and the client are required.
   *
   * @return a new builder with the defaults documented on each method
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Journals a document for sending. It is split first when it is larger than the client's
   * size cap; each part becomes one entry. When this returns, every part is durably stored; the
   * sender, if started, is woken (unless it is backing off after failures).
   *
   * @param document a KCIDB document; checked with the {@link Builder#validator validator} first,
   *     because KCIDB checks the schema only after it accepted a submission and would drop it
   * @return the ids of the new entries, one per part, in sending order
   * @throws NullPointerException if the document is null
   * @throws IllegalStateException if the outbox is closed
   * @throws dev.buildbridge.kcidb.KcidbValidationException when the document breaks the schema,
   *     with every violation, nothing journaled
   * @throws KcidbException {@code INVALID_DOCUMENT} when it cannot be split (see
   *     {@link KcidbSplitter}), nothing journaled; {@code OUTBOX_IO} when it could not be stored
   *     (parts before the failing one may be journaled: submitting again is harmless)
   */
  public List<EntryId> submit(ObjectNode document) {
    Objects.requireNonNull(document, "document");
    ensureOpen();
    if (validator != null) {
      validator.requireValid(document);
    }
    return journal(KcidbSplitter.split(document, client.maxDocumentBytes()));
  }

  /**
   * Journals a document given as UTF-8 JSON; within the size cap, these exact bytes are what will
   * be sent.
   *
   * @param json a KCIDB document
   * @return the ids of the new entries, one per part, in sending order
   * @throws NullPointerException if the bytes are null
   * @throws IllegalStateException if the outbox is closed
   * @throws dev.buildbridge.kcidb.KcidbValidationException when the document breaks the schema,
   *     nothing journaled
   * @throws KcidbException {@code INVALID_DOCUMENT} when the bytes are not a JSON object with a
   *     {@code version} (line and column given) or cannot be split; {@code OUTBOX_IO} as for
   *     {@link #submit(ObjectNode)}
   */
  public List<EntryId> submit(byte[] json) {
    Objects.requireNonNull(json, "json");
    ensureOpen();
    if (validator != null) {
      validator.requireValid(json);
    }
    return journal(KcidbSplitter.split(json, client.maxDocumentBytes()));
  }

  private List<EntryId> journal(List<byte[]> parts) {
    Instant now = clock.instant();
    List<EntryId> ids = new ArrayList<>(parts.size());
    for (byte[] part : parts) {
      EntryId id = EntryId.random();
      store.append(id, now, part);
      ids.add(id);
    }
    signal(false);
    return List.copyOf(ids);
  }

  /**
   * Sends the pending entries now, oldest first, as described on this class; parked entries are
   * skipped. Backoff does not apply: this tries at once. Waits while another flush runs.
   *
   * @return what was delivered, parked, and why the flush stopped early if it did
   * @throws IllegalStateException if the outbox is closed
   */
  public FlushResult flush() {
    ensureOpen();
    flushLock.lock();
    try {
      FlushResult result = drain();
      scheduleAfter(result);
      return result;
    } finally {
      flushLock.unlock();
    }
  }

  private FlushResult drain() {
    List<FlushResult.Delivered> delivered = new ArrayList<>();
    List<EntryId> parked = new ArrayList<>();
    KcidbException failure = null;
    for (OutboxEntry entry : store.entries()) {
      if (closed || Thread.currentThread().isInterrupted()) {
        failure = new KcidbException(Reason.SUBMISSION_FAILED, "flush stopped: the outbox is "
            + (closed ? "closing" : "interrupted") + "; the entries left stay pending", null);
        break;
      }
      if (entry.parked()) {
        continue;
      }
      byte[] document;
      try {
        document = store.document(entry.id());
      } catch (KcidbException e) {
        if (!isPending(entry.id())) {
          continue; // damaged and set aside by the store, which said so
        }
        failure = e;
        break;
      }
      Instant at = clock.instant();
      SubmitResult sent;
      try {
        sent = client.submit(document);
      } catch (RuntimeException e) {
        KcidbException k = e instanceof KcidbException ? (KcidbException) e
            : new KcidbException(Reason.SUBMISSION_FAILED, "submission of outbox entry "
                + entry.id() + " failed: " + e, e);
        if (Thread.currentThread().isInterrupted()) {
          failure = k; // not the entry's fault: no attempt counted
          break;
        }
        boolean refused = k.reason() != Reason.SUBMISSION_FAILED;
        try {
          store.update(entry.withFailure(at, k, refused));
        } catch (KcidbException io) {
          failure = io;
          break;
        }
        if (refused) {
          parked.add(entry.id());
          LOG.log(Level.WARNING, "outbox entry " + entry.id() + " parked (retryParked() sends it"
              + " again): " + k.getMessage());
          if (refusesToken(k)) {
            failure = k;
            break;
          }
          continue;
        }
        failure = k;
        break;
      }
      try {
        store.markDelivered(entry.id(), sent.ids());
      } catch (KcidbException e) {
        failure = e; // stays pending; sent again later, which KCIDB merges
        break;
      }
      delivered.add(new FlushResult.Delivered(entry.id(), sent.ids()));
    }
    return new FlushResult(delivered, parked, store.entries().size(),
        Optional.ofNullable(failure));
  }

  private boolean isPending(EntryId id) {
    for (OutboxEntry e : store.entries()) {
      if (e.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean refusesToken(KcidbException e) {
    if (e.getCause() instanceof ApiException) {
      int status = ((ApiException) e.getCause()).status();
      return status == 401 || status == 403;
    }
    return false;
  }

  /**
   * Un-parks every parked entry (after the token or the document problem was fixed) and wakes the
   * sender without backoff. Their attempts and last errors are kept.
   *
   * @return how many entries were un-parked
   * @throws IllegalStateException if the outbox is closed
   * @throws KcidbException {@code OUTBOX_IO} if the store could not record it
   */
  public int retryParked() {
    ensureOpen();
    int count = 0;
    flushLock.lock();
    try {
      for (OutboxEntry e : store.entries()) {
        if (e.parked()) {
          store.update(e.unparked());
          count++;
        }
      }
    } finally {
      flushLock.unlock();
    }
    if (count > 0) {
      signal(true);
    }
    return count;
  }

  /**
   * Lists the pending entries, oldest first: id, size, attempts, last error, parked.
   *
   * @return a snapshot
   * @throws IllegalStateException if the outbox is closed
   */
  public List<OutboxEntry> pending() {
    ensureOpen();
    return store.entries();
  }

  /**
   * Starts the background sender: one thread (from {@link Builder#threadFactory}) that flushes
   * whenever entries are pending, right after a submit when things go well, after the backoff when
   * they do not. Calling it again does nothing.
   *
   * @throws IllegalStateException if the outbox is closed
   */
  public void start() {
    schedule.lock();
    try {
      ensureOpen();
      if (sender != null) {
        return;
      }
      work = true;
      sender = threadFactory.newThread(this::runSender);
      sender.start();
    } finally {
      schedule.unlock();
    }
  }

  private void runSender() {
    while (true) {
      schedule.lock();
      try {
        while (!closed && !due()) {
          if (work) {
            wake.awaitNanos(notBeforeNanos - System.nanoTime());
          } else if (pollNanos > 0) {
            if (wake.awaitNanos(pollNanos) <= 0) {
              work = true;   // look at the store: another instance may have appended
            }
          } else {
            wake.await();
          }
        }
        if (closed) {
          return;
        }
        work = false;
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
        continue;
      } finally {
        schedule.unlock();
      }
      FlushResult result;
      flushLock.lock();
      try {
        if (closed) {
          return;
        }
        result = drain();
        scheduleAfter(result);
      } catch (RuntimeException e) {
        if (closed) {
          return; // the store was closed under a send that outlasted the shutdown timeout
        }
        LOG.log(Level.ERROR, "the KCIDB outbox sender failed; it tries again after its backoff",
            e);
        result = new FlushResult(List.of(), List.of(), 0, Optional.of(new KcidbException(
            Reason.SUBMISSION_FAILED, "sender failed: " + e, e)));
        scheduleAfter(result);
      } finally {
        flushLock.unlock();
      }
      if (result.failure().isPresent() && !closed) {
        LOG.log(Level.WARNING, "KCIDB outbox: " + result.remaining() + " entries pending; "
            + result.failure().get().getMessage());
      }
    }
  }

  /** With the schedule lock held: whether the sender should flush now. */
  private boolean due() {
    return work && (!backingOff || notBeforeNanos - System.nanoTime() <= 0);
  }

  private void scheduleAfter(FlushResult result) {
    if (closed || Thread.currentThread().isInterrupted()) {
      return;
    }
    schedule.lock();
    try {
      if (result.failure().isPresent()) {
        failures++;
        Duration wait = backoff(failures);
        Duration asked = retryAfter(result.failure().get());
        if (asked != null) {
          asked = asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
          wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        backingOff = true;
        notBeforeNanos = System.nanoTime() + wait.toNanos();
        work = true;
      } else {
        failures = 0;
        backingOff = false;
      }
    } finally {
      schedule.unlock();
    }
  }

  /** How long the sender still waits before its next flush; zero when it is not backing off. */
  Duration backoffRemaining() {
    schedule.lock();
    try {
      long left = backingOff ? notBeforeNanos - System.nanoTime() : 0;
      return Duration.ofNanos(Math.max(0, left));
    } finally {
      schedule.unlock();
    }
  }

  /** The wait after {@code n} failures in a row: between half and all of initial * 2^(n-1). */
  Duration backoff(int n) {
    long initial = initialBackoff.toMillis();
    long max = maxBackoff.toMillis();
    double base = initial * Math.pow(2, Math.max(0, n - 1));
    long capped = (long) Math.min(base, (double) max);
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  private static Duration retryAfter(KcidbException e) {
    if (e.getCause() instanceof ApiException) {
      return ((ApiException) e.getCause()).retryAfter().orElse(null);
    }
    return null;
  }

  private void signal(boolean resetBackoff) {
    schedule.lock();
    try {
      work = true;
      if (resetBackoff) {
        backingOff = false;
        failures = 0;
      }
      wake.signalAll();
    } finally {
      schedule.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the KCIDB outbox is closed");
    }
  }

  /**
   * Stops the sender and closes the store. A send in flight is given
   * {@link Builder#shutdownTimeout(Duration)} to finish, then interrupted (its entry stays pending
   * and goes out after the next start). Pending entries stay in the store. Idempotent.
   *
   * @throws KcidbException {@code OUTBOX_IO} if the store could not be closed
   */
  @Override
  public void close() {
    Thread running;
    schedule.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      running = sender;
      wake.signalAll();
    } finally {
      schedule.unlock();
    }
    boolean interrupted = false;
    long timeout = Math.max(1, shutdownTimeout.toMillis());
    try {
      if (running != null && running != Thread.currentThread()) {
        running.join(timeout);
        if (running.isAlive()) {
          running.interrupt();
          running.join(timeout);
        }
      }
      if (flushLock.tryLock(timeout, TimeUnit.MILLISECONDS)) {
        flushLock.unlock();
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    try {
      store.close();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Shows the client and the store; never the token.
   *
   * @return for example {@code KcidbOutbox[client=KcidbClient[...], store=FileOutboxStore[...]]}
   */
  @Override
  public String toString() {
    return "KcidbOutbox[client=" + client + ", store=" + store + (closed ? ", closed" : "") + "]";
  }

  /**
   * Configures a {@link KcidbOutbox}. Setters check their argument at once and name it when they
   * refuse it. Builders are not thread-safe.
   */
  public static final class Builder {
    private OutboxStore store;
    private KcidbClient client;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private ThreadFactory threadFactory = r -> {
      Thread t = new Thread(r, "kcidb-outbox-sender");
      t.setDaemon(true);
      return t;
    };

    private KcidbValidator validator = KcidbValidator.officialSchema();
    private Duration pollInterval = Duration.ZERO;

    /**
     * Makes the background sender look at the store at least this often even when this outbox
     * submitted nothing. Default: zero, never (the sender wakes on {@link KcidbOutbox#submit} and
     * after backoff). Set it when several instances share one store (sdk-jdbc's
     * {@code JdbcOutboxStore}): the sender then sends what the others appended and takes over
     * when the draining instance dies.
     *
     * @param interval the interval; zero for never
     * @return this builder
     * @throws IllegalArgumentException if the interval is negative
     */
    public Builder pollInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("pollInterval must not be negative: " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    private Builder() {}

    /**
     * Sets the check every submitted document passes before it is journaled. Default:
     * {@link KcidbValidator#officialSchema()}; {@code null} journals documents unchecked (for
     * documents validated upstream).
     *
     * @param validator the validator, or {@code null}
     * @return this builder
     */
    public Builder validator(KcidbValidator validator) {
      this.validator = validator;
      return this;
    }

    /**
     * Sets where pending documents are kept. Required. The outbox closes it when it is closed.
     *
     * @param store the store, such as {@link FileOutboxStore#open(java.nio.file.Path)}
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder store(OutboxStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the client documents are sent with; its size cap decides how documents are split.
     * Required.
     *
     * @param client the client
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder client(KcidbClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the sender's backoff after failed flushes: after {@code n} failures in a row it waits
     * between half and all of {@code initial * 2^(n-1)}, at most {@code max}; a server's
     * {@code Retry-After} lengthens the wait up to {@code max}. Default: 1 second and 5 minutes.
     * (The transport's own retries within one send are set on the client.)
     *
     * @param initial the first wait, at least 1 ms
     * @param max the longest wait, at least {@code initial}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code initial} is under 1 ms or {@code max} is less
     *     than {@code initial}
     */
    public Builder backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.toMillis() < 1) {
        throw new IllegalArgumentException("initial backoff must be at least 1 ms, was " + initial);
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff " + max + " is less than initial backoff "
            + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets how long {@link KcidbOutbox#close()} lets a send in flight finish before interrupting
     * it. Default: 10 seconds.
     *
     * @param timeout zero or more
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if negative
     */
    public Builder shutdownTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must be 0 or more, was " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Sets the clock entries' creation and attempt times are read from (backoff waits use
     * {@link System#nanoTime()}). Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the sender thread is made. Default: a daemon thread named
     * {@code kcidb-outbox-sender} (pending entries are on disk; a JVM that exits without closing
     * the outbox loses nothing).
     *
     * @param threadFactory the factory
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Builds the outbox. Nothing is sent until {@link KcidbOutbox#start()} or
     * {@link KcidbOutbox#flush()}.
     *
     * @return the outbox
     * @throws IllegalStateException if the store or the client is missing
     */
    public KcidbOutbox build() {
      if (store == null) {
        throw new IllegalStateException("store is required (FileOutboxStore.open(directory))");
      }
      if (client == null) {
        throw new IllegalStateException("client is required (KcidbClient.newBuilder()...build())");
      }
      return new KcidbOutbox(this);
    }
  }
}
