package dev.buildbridge.jdbc;

import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.kcidb.submit.OutboxStore;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An {@link OutboxStore} in a PostgreSQL table that several gateway instances share: each
 * appends what it journals, and one of them at a time, the one holding the table's drain lock,
 * sends the pending entries. An instance that dies passes the lock on without a word.
 *
 * <pre>{@code
 * PGSimpleDataSource ds = new PGSimpleDataSource();   // or a pooling DataSource
 * ds.setURL("jdbc:postgresql://db.internal/bridge?user=bridge");
 * JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
 *     .dataSource(ds)
 *     .table("bridge.kcidb_outbox")                   // default: buildbridge_kcidb_outbox
 *     .build();
 * store.createTableIfMissing();                       // or run store.ddl() in your migrations
 * try (KcidbOutbox outbox = KcidbOutbox.newBuilder().store(store).client(kcidb).build()) {
 *     outbox.submit(document);                        // committed when this returns
 *     outbox.flush();                                 // sends only on the instance that drains
 * }
 * }</pre>
 *
 * <p><b>Table.</b> {@link #ddl()} gives the statement {@link #createTableIfMissing()} runs:
 * <pre>
 * CREATE TABLE IF NOT EXISTS "buildbridge_kcidb_outbox" (
 *   id                text PRIMARY KEY,
 *   seq               bigserial NOT NULL UNIQUE,
 *   created           timestamptz NOT NULL,
 *   size              bigint NOT NULL,
 *   sha256            text NOT NULL,
 *   document          bytea NOT NULL,
 *   attempts          integer NOT NULL DEFAULT 0,
 *   last_attempt      timestamptz,
 *   last_reason       text,
 *   last_error        text,
 *   parked            boolean NOT NULL DEFAULT false,
 *   quarantined_at    timestamptz,
 *   quarantine_reason text
 * );
 * </pre>
 * An entry is pending while {@code quarantined_at} is null; the queue is ordered by {@code seq}.
 * Times are kept to the microsecond, PostgreSQL's precision: {@link #append} returns the
 * creation time so rounded, as {@link #entries()} gives it back.
 *
 * <p><b>Appending.</b> {@link #append} inserts the entry with its size and SHA-256 in one
 * transaction committed with {@code synchronous_commit} on, so it is on the database's disk when
 * the call returns. Any instance appends, draining or not, on a connection borrowed from the
 * {@link DataSource} for the call. If the connection breaks during the commit, the store looks
 * the entry up on a new connection before it reports a failure.
 *
 * <p><b>Who drains: the drain lock.</b> The outbox contract allows one drainer at a time. Here
 * that is the instance holding a PostgreSQL <em>session advisory lock</em> whose key is made of
 * the constant {@code 0x42424B4F} (high 32 bits) and the table's OID (low 32 bits), so every
 * instance naming the same table, however it spells the name, contends for the same lock. The
 * lock is held by a dedicated connection the store keeps open (one per instance; a pool must have
 * room for it). Then:
 * <ul>
 *   <li>{@link #entries()} lists the pending entries only on the instance holding the lock; on
 *       any other it tries {@code pg_try_advisory_lock} once (one round trip on the kept
 *       connection) and, failing that, returns an empty list, so its outbox sends nothing. Before
 *       each listing the holder checks on its lock connection that its session still holds the
 *       lock (in {@code pg_locks}) and that the table is still the one it locked;
 *   <li>{@link #document}, {@link #update} and {@link #markDelivered} of the holder run on the
 *       lock connection: a statement that succeeds there proves the lock was still held. If the
 *       lock connection fails, the instance drops it and stops draining at once ({@link
 *       #document} and {@link #update} fail with {@code OUTBOX_IO}, {@link #entries()} is empty)
 *       until it takes the lock again, after whichever instance holds it now lets go;
 *   <li>when a gateway dies, its connections close, PostgreSQL ends its session and releases
 *       the lock, and the next {@link #entries()} call of another instance takes it. A session
 *       the server does not see die (a silent network partition) keeps the lock until the
 *       server's TCP keepalive ends it: draining stalls, but never runs twice. Configure
 *       {@code tcp_keepalives_idle} on the server accordingly, and no
 *       {@code idle_session_timeout} shorter than the time between flushes;
 *   <li>{@link #markDelivered} deletes the row ({@code DELETE ... WHERE id = ?}), which is
 *       idempotent, and works on any instance, draining or not: an entry KCIDB accepted should
 *       go even if the lock moved meanwhile.
 * </ul>
 * So no entry is sent by two instances, except the one in flight when its sender lost the lock
 * (a died gateway, a broken lock connection): the next drainer sends it again, which KCIDB
 * merges, exactly as after a restart with {@code FileOutboxStore}.
 *
 * <p><b>Driving the sender.</b> Build every instance's outbox with
 * {@code KcidbOutbox.Builder.pollInterval} (a few seconds): its background sender then looks at
 * the table even when that instance submitted nothing, so it sends what the others appended and
 * takes over when the drainer dies; on the instances that do not drain a look costs one round
 * trip. {@link KcidbOutbox#pending()} and {@link KcidbOutbox#retryParked()} see the
 * entries only on the draining instance; {@link #countPending()} counts them on any.
 *
 * <p><b>Damage.</b> A row whose document no longer has its stored size or SHA-256, or whose id or
 * numbers cannot be an {@link OutboxEntry}, is quarantined: {@code quarantined_at} and
 * {@code quarantine_reason} are set, it leaves the pending list, a WARNING goes to
 * {@code System.Logger} {@code dev.buildbridge.jdbc.JdbcOutboxStore}, and {@link #document}
 * throws {@code OUTBOX_IO} saying so. It is never deleted: see {@link #quarantined()}.
 *
 * <p><b>Failures</b> of the database are {@code KcidbException}s with reason {@code OUTBOX_IO}
 * whose cause is a {@link JdbcException} (how it failed) wrapping the driver's exception.
 * Statements are cancelled after the {@link Builder#queryTimeout(Duration) query timeout}; set
 * the driver's {@code socketTimeout} too (longer than the query timeout), so that a connection cut
 * off without a word fails instead of hanging. Session advisory locks need real sessions: do not
 * put a transaction-pooling proxy (PgBouncer in {@code transaction} mode) between this store and
 * PostgreSQL. Thread-safe.
 */
public final class JdbcOutboxStore implements OutboxStore {
  private static final System.Logger LOG = System.getLogger(JdbcOutboxStore.class.getName());

  /** The table used when none is set. */
  public static final String DEFAULT_TABLE = "buildbridge_kcidb_outbox";
  /** The high 32 bits of the drain lock's key ({@code "BBKO"}); the low 32 are the table OID. */
  public static final long LOCK_SPACE = 0x42424B4FL;
  /** The longest table part of a name, as for the dedup table (PostgreSQL derives names). */
  static final int MAX_TABLE = 51;

  private static final String TRY_LOCK = "SELECT x.oid, pg_catalog.pg_try_advisory_lock("
      + "(CAST(? AS bigint) << 32) | x.oid) FROM (SELECT pg_catalog.to_regclass(?)::oid::bigint"
      + " AS oid) x";
  private static final String CHECK_LOCK = "SELECT pg_catalog.to_regclass(?)::oid::bigint,"
      + " EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory'"
      + " AND pid = pg_catalog.pg_backend_pid() AND classid::bigint = ? AND objid::bigint = ?"
      + " AND objsubid = 1 AND granted)";
  private static final String UNLOCK = "SELECT pg_catalog.pg_advisory_unlock(?)";

  private final Builder settings;
  private final DataSource dataSource;
  private final Sql.TableName table;
  private final Clock clock;
  private final int timeout;
  private final String insert;
  private final String find;
  private final String list;
  private final String read;
  private final String quarantine;
  private final String bookkeeping;
  private final String stored;
  private final String delete;
  private final String count;
  private final String quarantinedList;

  // guarded by this
  private Connection lockConnection;
  private boolean holding;
  private long lockedOid = -1;
  /** The ids the last listing gave, to tell an entry that went away from an unknown one. */
  private Set<EntryId> listed = Set.of();
  private volatile boolean closed;

  private JdbcOutboxStore(Builder b) {
    this.settings = b.copy();
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.clock = b.clock;
    this.timeout = Sql.timeoutSeconds(b.queryTimeout);
    String t = table.sql();
    this.insert = "INSERT INTO " + t + " (id, created, size, sha256, document)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq";
    this.find = "SELECT seq, size, sha256 FROM " + t + " WHERE id = ?";
    this.list = "SELECT id, seq, created, size, attempts, last_attempt, last_reason, last_error,"
        + " parked FROM " + t + " WHERE quarantined_at IS NULL ORDER BY seq";
    this.read = "SELECT document, size, sha256 FROM " + t
        + " WHERE id = ? AND quarantined_at IS NULL";
    this.quarantine = "UPDATE " + t + " SET quarantined_at = ?, quarantine_reason = ?"
        + " WHERE id = ? AND quarantined_at IS NULL";
    this.bookkeeping = "UPDATE " + t + " SET attempts = ?, last_attempt = ?, last_reason = ?,"
        + " last_error = ?, parked = ? WHERE id = ? AND quarantined_at IS NULL AND seq = ?"
        + " AND created = ? AND size = ?";
    this.stored = "SELECT seq FROM " + t + " WHERE id = ? AND quarantined_at IS NULL";
    this.delete = "DELETE FROM " + t + " WHERE id = ? AND quarantined_at IS NULL";
    this.count = "SELECT count(*) FROM " + t + " WHERE quarantined_at IS NULL";
    this.quarantinedList = "SELECT id, seq, created, size, quarantined_at, quarantine_reason"
        + " FROM " + t + " WHERE quarantined_at IS NOT NULL ORDER BY seq";
  }

  /**
   * Starts a builder. The data source is required.
   *
   * @return a new builder with the defaults documented on each method
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder with this store's settings, to open another store on the same table.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the table, as configured.
   *
   * @return such as {@code bridge.kcidb_outbox}
   */
  public String table() {
    return table.toString();
  }

  // ---------------------------------------------------------------- OutboxStore

  /**
   * Appends a document: one committed, synchronously durable insert. Works on every instance,
   * draining or not.
   *
   * @param id the entry's id, not yet in the table (pending or quarantined)
   * @param created when the document was submitted; kept to the microsecond
   * @param document the document, not empty
   * @return the stored entry, with its sequence number and its creation time as stored
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the id is already in the table or the document is empty
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if the entry could not be stored; the message says
   *     when a broken connection leaves unknown whether the commit happened
   */
  @Override
  public OutboxEntry append(EntryId id, Instant created, byte[] document) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(document, "document");
    ensureOpen();
    if (document.length == 0) {
      throw new IllegalArgumentException("document is empty");
    }
    Instant at = Sql.micros(created);
    String sha = Sql.sha256(document);
    boolean[] inserted = {false};
    Long sequence;
    try {
      sequence = Sql.transaction(dataSource, c -> {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL synchronous_commit TO on");
        }
        try (PreparedStatement s = Sql.prepare(c, insert, timeout)) {
          s.setString(1, id.value());
          s.setObject(2, Sql.timestamp(at));
          s.setLong(3, document.length);
          s.setString(4, sha);
          s.setBytes(5, document);
          try (ResultSet rs = s.executeQuery()) {
            Long seq = rs.next() ? rs.getLong(1) : null;
            inserted[0] = true; // only the commit is left
            return seq;
          }
        }
      });
    } catch (SQLException e) {
      if (!inserted[0] || !Sql.isConnectionFailure(e)) {
        throw io("cannot append entry " + id + " (not stored)", e);
      }
      Optional<Long> found = lookUp(id, document.length, sha, e);
      if (found.isPresent()) {
        return OutboxEntry.of(id, found.get(), at, document.length);
      }
      throw io("cannot append entry " + id + " (the connection failed during the commit; the"
          + " entry was not found afterwards, unless the database is still committing it)", e);
    }
    if (sequence == null) {
      throw new IllegalArgumentException("entry " + id + " is already in the outbox table "
          + table);
    }
    return OutboxEntry.of(id, sequence, at, document.length);
  }

  /** After a broken commit: the entry's sequence if it is stored, with these bytes. */
  private Optional<Long> lookUp(EntryId id, long size, String sha, SQLException failure) {
    try {
      return Sql.run(dataSource, c -> {
        try (PreparedStatement s = Sql.prepare(c, find, timeout)) {
          s.setString(1, id.value());
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next() && rs.getLong(2) == size && sha.equals(rs.getString(3))) {
              return Optional.of(rs.getLong(1));
            }
            return Optional.<Long>empty();
          }
        }
      });
    } catch (SQLException e) {
      failure.addSuppressed(e);
      throw io("cannot append entry " + id + " (the connection failed during the commit and"
          + " the database cannot be asked whether it happened: the entry may be stored)",
          failure);
    }
  }

  /**
   * Lists the pending entries, oldest first, if this instance drains the table: it holds the
   * drain lock, or takes it now. An instance that does not gets an empty list.
   *
   * @return a snapshot, unmodifiable; empty on an instance that does not drain
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if the database cannot be asked
   */
  @Override
  public synchronized List<OutboxEntry> entries() {
    ensureOpen();
    if (!drains(true)) {
      return List.of();
    }
    List<OutboxEntry> out = new ArrayList<>();
    List<String[]> damaged = new ArrayList<>();
    try (PreparedStatement s = Sql.prepare(lockConnection, list, timeout);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        OutboxEntry entry = entry(rs, damaged);
        if (entry != null) {
          out.add(entry);
        }
      }
    } catch (SQLException e) {
      lostAfter(e);
      throw io("cannot list the pending entries", e);
    }
    for (String[] d : damaged) {
      quarantine(d[0], d[1]);
    }
    Set<EntryId> ids = new HashSet<>();
    out.forEach(e -> ids.add(e.id()));
    listed = ids;
    return List.copyOf(out);
  }

  /** Reads a listed row; null (and a note in {@code damaged}) when it cannot be an entry. */
  private OutboxEntry entry(ResultSet rs, List<String[]> damaged) throws SQLException {
    String rawId = rs.getString(1);
    long sequence = rs.getLong(2);
    Instant created = Sql.instant(rs, 3);
    long size = rs.getLong(4);
    EntryId id;
    try {
      id = new EntryId(rawId);
    } catch (IllegalArgumentException e) {
      damaged.add(new String[] {rawId, "the id is not an entry id (" + e.getMessage() + ")"});
      return null;
    }
    if (sequence < 0 || size <= 0) {
      damaged.add(new String[] {rawId, "seq " + sequence + " or size " + size
          + " is out of range"});
      return null;
    }
    if (created == null) {
      damaged.add(new String[] {rawId, "created is null"});
      return null;
    }
    int attempts = rs.getInt(5);
    Instant lastAttempt = Sql.instant(rs, 6);
    String reasonName = rs.getString(7);
    String lastError = rs.getString(8);
    boolean parked = rs.getBoolean(9);
    Optional<KcidbException.Reason> lastReason = Optional.empty();
    if (reasonName != null) {
      try {
        lastReason = Optional.of(KcidbException.Reason.valueOf(reasonName));
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "outbox table " + table + ": entry " + id + " has an unknown"
            + " last_reason " + Sql.quote(reasonName) + "; it is shown without one");
      }
    }
    if (attempts < 0) {
      LOG.log(Level.WARNING, "outbox table " + table + ": entry " + id + " has " + attempts
          + " attempts; it is shown with 0");
      attempts = 0;
    }
    return new OutboxEntry(id, sequence, created, size, attempts,
        Optional.ofNullable(lastAttempt), lastReason, Optional.ofNullable(lastError), parked);
  }

  /**
   * Reads a pending entry's document and checks its size and SHA-256. Only the draining instance
   * reads documents.
   *
   * @param id the entry
   * @return the exact bytes appended
   * @throws NullPointerException if the id is null
   * @throws IllegalArgumentException if no pending entry has this id (and this instance did not
   *     list it)
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if this instance does not drain the table (another
   *     holds the lock, or the lock connection failed), if the entry went away since this
   *     instance listed it, if the database cannot be read, or if the document is damaged: it
   *     is then quarantined, as the message says
   */
  @Override
  public synchronized byte[] document(EntryId id) {
    Objects.requireNonNull(id, "id");
    ensureOpen();
    if (!drains(false)) {
      throw notDraining("read entry " + id);
    }
    byte[] document;
    long size;
    String sha;
    try (PreparedStatement s = Sql.prepare(lockConnection, read, timeout)) {
      s.setString(1, id.value());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw missing(id);
        }
        document = rs.getBytes(1); // null only in a table not made by ddl()
        size = rs.getLong(2);
        sha = rs.getString(3);
      }
    } catch (SQLException e) {
      lostAfter(e);
      throw io("cannot read entry " + id, e);
    }
    String problem = null;
    if (document == null) {
      problem = "the document is null";
    } else if (document.length != size) {
      problem = "the document has " + document.length + " bytes, " + size + " were stored";
    } else if (!Sql.sha256(document).equals(sha)) {
      problem = "the document's SHA-256 differs from the one stored with it";
    }
    if (problem != null) {
      quarantine(id.value(), problem);
      throw new KcidbException(KcidbException.Reason.OUTBOX_IO, "outbox table " + table
          + ": entry " + id + " is damaged (" + problem + "); it was quarantined"
          + " (quarantined_at is set; see quarantined())", null);
    }
    return document;
  }

  /**
   * Stores a pending entry's bookkeeping. Only the draining instance updates entries.
   *
   * @param entry the entry's new state; its sequence, creation time and size must be the stored
   *     ones
   * @throws NullPointerException if the entry is null
   * @throws IllegalArgumentException if no pending entry has this id (and this instance did not
   *     list it), or the entry does not match the stored one
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if this instance does not drain the table, if the
   *     entry went away since this instance listed it, or if it could not be stored
   */
  @Override
  public synchronized void update(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry");
    ensureOpen();
    if (!drains(false)) {
      throw notDraining("update entry " + entry.id());
    }
    try {
      int updated;
      try (PreparedStatement s = Sql.prepare(lockConnection, bookkeeping, timeout)) {
        s.setInt(1, entry.attempts());
        if (entry.lastAttempt().isPresent()) {
          s.setObject(2, Sql.timestamp(entry.lastAttempt().get()));
        } else {
          s.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        s.setString(3, entry.lastReason().map(Enum::name).orElse(null));
        s.setString(4, entry.lastError().orElse(null));
        s.setBoolean(5, entry.parked());
        s.setString(6, entry.id().value());
        s.setLong(7, entry.sequence());
        s.setObject(8, Sql.timestamp(entry.created()));
        s.setLong(9, entry.bytes());
        updated = s.executeUpdate();
      }
      if (updated == 1) {
        return;
      }
      try (PreparedStatement s = Sql.prepare(lockConnection, stored, timeout)) {
        s.setString(1, entry.id().value());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw missing(entry.id());
          }
        }
      }
    } catch (SQLException e) {
      lostAfter(e);
      throw io("cannot update entry " + entry.id(), e);
    }
    throw new IllegalArgumentException("entry " + entry.id() + " does not match the stored one"
        + " (sequence, created and bytes cannot change)");
  }

  /**
   * Deletes an entry KCIDB accepted; deleting one that is no longer pending does nothing. Works
   * on every instance: the draining one uses its lock connection, another (one that lost the lock
   * while KCIDB was answering) borrows a connection.
   *
   * @param id the entry
   * @param submissionIds the ids KCIDB gave, logged at DEBUG
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if it could not be deleted; it then stays pending
   *     and is sent again later, which KCIDB merges
   */
  @Override
  public synchronized void markDelivered(EntryId id, List<String> submissionIds) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submissionIds, "submissionIds");
    ensureOpen();
    int deleted = -1;
    if (holding) {
      try {
        deleted = delete(lockConnection, id);
      } catch (SQLException e) {
        lostAfter(e);
        LOG.log(Level.DEBUG, () -> "outbox table " + table + ": deleting entry " + id + " on the"
            + " lock connection failed (" + e.getMessage() + "); trying a new connection");
      }
    }
    if (deleted < 0) {
      try {
        deleted = Sql.run(dataSource, c -> delete(c, id));
      } catch (SQLException e) {
        throw io("cannot remove delivered entry " + id + " (KCIDB submission "
            + String.join(",", submissionIds) + "); it will be sent again", e);
      }
    }
    removeListed(id);
    int n = deleted;
    LOG.log(Level.DEBUG, () -> "outbox table " + table + ": entry " + id + " delivered as KCIDB"
        + " submission " + String.join(",", submissionIds) + (n == 0 ? " (already gone)" : ""));
  }

  private int delete(Connection c, EntryId id) throws SQLException {
    try (PreparedStatement s = Sql.prepare(c, delete, timeout)) {
      s.setString(1, id.value());
      return s.executeUpdate();
    }
  }

  /**
   * Gives the drain lock up (another instance takes it at its next listing) and closes the lock
   * connection. Pending entries stay in the table. Idempotent; a lock that cannot be unlocked is
   * released by ending its session, so this does not throw.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (lockConnection == null) {
      return;
    }
    if (holding) {
      release(Level.INFO, "the store is closed");
    }
    if (lockConnection != null) {
      try {
        lockConnection.close();
      } catch (SQLException e) {
        LOG.log(Level.DEBUG, "cannot close the lock connection: " + e);
        Sql.abort(lockConnection);
      }
      lockConnection = null;
    }
  }

  // ---------------------------------------------------------------- beyond the contract

  /**
   * Returns whether this instance held the drain lock at its last call that needed it; it may
   * have been lost since, which the next call notices.
   *
   * @return true while this instance drains the table
   */
  public synchronized boolean holdsDrainLock() {
    return holding;
  }

  /**
   * Counts the pending entries of every instance (parked ones included), whoever drains.
   *
   * @return the number of rows not quarantined
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if the database cannot be asked
   */
  public long countPending() {
    ensureOpen();
    try {
      return Sql.run(dataSource, c -> {
        try (PreparedStatement s = Sql.prepare(c, count, timeout);
            ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      });
    } catch (SQLException e) {
      throw io("cannot count the pending entries", e);
    }
  }

  /**
   * Lists the quarantined rows, oldest first. Inspect them, then delete them or set
   * {@code quarantined_at} back to null (once repaired) with SQL.
   *
   * @return the quarantined rows
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if the database cannot be asked
   */
  public List<Quarantined> quarantined() {
    ensureOpen();
    try {
      return Sql.run(dataSource, c -> {
        List<Quarantined> out = new ArrayList<>();
        try (PreparedStatement s = Sql.prepare(c, quarantinedList, timeout);
            ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Quarantined(rs.getString(1), rs.getLong(2), Sql.instant(rs, 3),
                rs.getLong(4), Sql.instant(rs, 5), rs.getString(6)));
          }
        }
        return List.copyOf(out);
      });
    } catch (SQLException e) {
      throw io("cannot list the quarantined entries", e);
    }
  }

  /**
   * Returns the statement that creates the table, for migrations run by hand.
   *
   * @return an SQL statement ending with {@code ;}
   */
  public String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (\n"
        + "  id                text PRIMARY KEY,\n"
        + "  seq               bigserial NOT NULL UNIQUE,\n"
        + "  created           timestamptz NOT NULL,\n"
        + "  size              bigint NOT NULL,\n"
        + "  sha256            text NOT NULL,\n"
        + "  document          bytea NOT NULL,\n"
        + "  attempts          integer NOT NULL DEFAULT 0,\n"
        + "  last_attempt      timestamptz,\n"
        + "  last_reason       text,\n"
        + "  last_error        text,\n"
        + "  parked            boolean NOT NULL DEFAULT false,\n"
        + "  quarantined_at    timestamptz,\n"
        + "  quarantine_reason text\n"
        + ");\n";
  }

  /**
   * Creates the table unless it exists ({@link #ddl()}). The schema must exist. Safe to call
   * from several instances at once.
   *
   * @throws IllegalStateException if the store is closed
   * @throws KcidbException {@code OUTBOX_IO} if it could not be created
   */
  public void createTableIfMissing() {
    ensureOpen();
    try {
      Sql.createTable(dataSource, table, ddl(), timeout);
    } catch (SQLException e) {
      throw io("cannot create the table", e);
    }
  }

  /**
   * Shows the table and whether this instance drains it.
   *
   * @return for example {@code JdbcOutboxStore[table=kcidb_outbox, draining]}
   */
  @Override
  public synchronized String toString() {
    return "JdbcOutboxStore[table=" + table + ", "
        + (closed ? "closed" : holding ? "draining" : "not draining") + "]";
  }

  // ---------------------------------------------------------------- the drain lock

  /**
   * With the monitor held: whether this instance drains, taking the lock if it can. With
   * {@code verify}, a holder first checks that its session still holds the lock on this table.
   */
  private boolean drains(boolean verify) {
    if (holding && (!verify || stillHolding())) {
      return true;
    }
    return acquire();
  }

  private boolean stillHolding() {
    try (PreparedStatement s = Sql.prepare(lockConnection, CHECK_LOCK, timeout)) {
      s.setString(1, table.sql());
      s.setLong(2, LOCK_SPACE);
      s.setLong(3, lockedOid);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long oid = rs.getLong(1);
        boolean exists = !rs.wasNull();
        boolean held = rs.getBoolean(2);
        if (held && exists && oid == lockedOid) {
          return true;
        }
        release(Level.WARNING, !held ? "its lock session no longer holds the drain lock"
            : "the table was dropped or created again");
        return false;
      }
    } catch (SQLException e) {
      lostAfter(e);
      if (holding) { // not a connection failure: give the lock up all the same
        release(Level.WARNING, "checking the drain lock failed: " + e.getMessage());
      }
      return false;
    }
  }

  private boolean acquire() {
    boolean fresh = false;
    while (true) {
      try {
        if (lockConnection == null) {
          fresh = true;
          lockConnection = dataSource.getConnection();
          lockConnection.setAutoCommit(true);
        }
        try (PreparedStatement s = Sql.prepare(lockConnection, TRY_LOCK, timeout)) {
          s.setLong(1, LOCK_SPACE);
          s.setString(2, table.sql());
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            long oid = rs.getLong(1);
            if (rs.wasNull()) {
              JdbcException missing = new JdbcException(JdbcException.Reason.MISSING_TABLE,
                  "outbox table " + table + ": the table does not exist (run"
                      + " createTableIfMissing() or the DDL)", null);
              throw new KcidbException(KcidbException.Reason.OUTBOX_IO, missing.getMessage(),
                  missing);
            }
            if (rs.getBoolean(2)) {
              holding = true;
              lockedOid = oid;
              LOG.log(Level.INFO, () -> "outbox table " + table + ": this instance took the"
                  + " drain lock and drains the table now");
            }
            return holding;
          }
        }
      } catch (SQLException e) {
        discard();
        if (fresh) {
          throw io("cannot take the drain lock", e);
        }
        fresh = true; // the kept connection had failed: once more on a new one
      }
    }
  }

  /** With the monitor held: gives the lock up on a working lock connection, or ends it. */
  private void release(Level level, String why) {
    if (holding && lockConnection != null) {
      LOG.log(level, "outbox table " + table + ": this instance stops draining: " + why);
      try (PreparedStatement s = Sql.prepare(lockConnection, UNLOCK, timeout)) {
        s.setLong(1, (LOCK_SPACE << 32) | lockedOid);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
        }
      } catch (SQLException e) {
        LOG.log(Level.DEBUG, "cannot unlock (" + e + "); ending the lock session instead");
        discard();
      }
    }
    holding = false;
    lockedOid = -1;
  }

  /** With the monitor held: after a failed statement on the lock connection. */
  private void lostAfter(SQLException e) {
    if (lockConnection != null && Sql.isConnectionFailure(e)) {
      if (holding) {
        LOG.log(Level.WARNING, "outbox table " + table + ": the drain lock's connection failed ("
            + e.getMessage() + "); this instance stops draining until it takes the lock again");
      }
      discard();
      holding = false;
      lockedOid = -1;
    }
  }

  /** With the monitor held: ends the lock connection; its session's locks go with it. */
  private void discard() {
    if (lockConnection != null) {
      Sql.abort(lockConnection);
      lockConnection = null;
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The failure for an entry not in the table: OUTBOX_IO if it was listed, else IAE. */
  private RuntimeException missing(EntryId id) {
    if (listed.contains(id)) {
      removeListed(id);
      return new KcidbException(KcidbException.Reason.OUTBOX_IO, "outbox table " + table
          + ": entry " + id + " is no longer pending (delivered by another instance, or deleted"
          + " or quarantined by hand)", null);
    }
    return new IllegalArgumentException("no pending outbox entry " + id + " in " + table);
  }

  private void removeListed(EntryId id) {
    if (listed.contains(id)) {
      Set<EntryId> rest = new HashSet<>(listed);
      rest.remove(id);
      listed = rest;
    }
  }

  private KcidbException notDraining(String what) {
    return new KcidbException(KcidbException.Reason.OUTBOX_IO, "outbox table " + table
        + ": cannot " + what + ": this instance does not drain the table (another instance"
        + " holds its drain lock)", null);
  }

  /** With the monitor held: takes a row out of the pending list, keeping it. */
  private void quarantine(String id, String reason) {
    try (PreparedStatement s = Sql.prepare(lockConnection, quarantine, timeout)) {
      s.setObject(1, Sql.timestamp(clock.instant()));
      s.setString(2, reason);
      s.setString(3, id);
      s.executeUpdate();
    } catch (SQLException e) {
      lostAfter(e);
      LOG.log(Level.ERROR, "outbox table " + table + ": entry " + Sql.quote(id) + " is damaged ("
          + reason + ") and could not be quarantined: " + e.getMessage());
      throw io("entry " + Sql.quote(id) + " is damaged (" + reason + ") and could not be"
          + " quarantined; it stays pending", e);
    }
    try {
      removeListed(new EntryId(id));
    } catch (IllegalArgumentException e) {
      // never listed
    }
    LOG.log(Level.WARNING, "outbox table " + table + ": entry " + Sql.quote(id) + " is damaged ("
        + reason + "); it was quarantined (quarantined_at is set) and is no longer pending");
  }

  private KcidbException io(String what, SQLException e) {
    JdbcException failure = Sql.failure("outbox table " + table + ": " + what, e);
    return new KcidbException(KcidbException.Reason.OUTBOX_IO, failure.getMessage(), failure);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the outbox store on table " + table + " is closed");
    }
  }

  /**
   * A row taken out of the pending list because it could not be read back intact.
   *
   * <pre>{@code
   * for (JdbcOutboxStore.Quarantined q : store.quarantined()) {
   *     log.warning(q.id() + " quarantined at " + q.quarantinedAt() + ": " + q.reason());
   * }
   * }</pre>
   *
   * @param id the row's id, as stored (it may be the reason the row was quarantined)
   * @param sequence the row's position in the queue
   * @param created when it was appended
   * @param bytes the size stored with the document
   * @param quarantinedAt when it was quarantined
   * @param reason what was wrong with it
   */
  public record Quarantined(String id, long sequence, Instant created, long bytes,
      Instant quarantinedAt, String reason) {}

  /**
   * Configures a {@link JdbcOutboxStore}. Setters check their argument at once and name it when
   * they refuse it. Builders are not thread-safe.
   */
  public static final class Builder {
    private DataSource dataSource;
    private Sql.TableName table = Sql.tableName(DEFAULT_TABLE, MAX_TABLE);
    private Clock clock = Clock.systemUTC();
    private Duration queryTimeout = Duration.ofSeconds(30);

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.dataSource = dataSource;
      b.table = table;
      b.clock = clock;
      b.queryTimeout = queryTimeout;
      return b;
    }

    /**
     * Sets where connections come from. Required. The store keeps one connection for the drain
     * lock and borrows others for appends; a pool must allow for that.
     *
     * @param dataSource the data source of the PostgreSQL database
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the table. Default: {@value JdbcOutboxStore#DEFAULT_TABLE}, in the connection's
     * search path. Every instance sharing the queue must name the same table.
     *
     * @param table {@code name} or {@code schema.name}, each part lower-case ASCII letters,
     *     digits and {@code _}, not starting with a digit; the name at most 51 characters, the
     *     schema at most 63
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the name is refused (the message says why)
     */
    public Builder table(String table) {
      this.table = Sql.tableName(table, MAX_TABLE);
      return this;
    }

    /**
     * Sets the clock quarantine times are read from. Default: {@link Clock#systemUTC()}.
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
     * Sets how long a statement may run before it is cancelled (an {@code OUTBOX_IO} failure
     * whose cause has reason {@code TIMEOUT}); rounded up to whole seconds. Default: 30 seconds.
     *
     * @param timeout zero for none, or a positive duration
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if negative or longer than {@link Integer#MAX_VALUE}
     *     seconds
     */
    public Builder queryTimeout(Duration timeout) {
      Sql.timeoutSeconds(timeout);
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * Builds the store. It connects at its first call; nothing is checked before.
     *
     * @return the store; close it (or the outbox it is given to) to give the drain lock up
     * @throws IllegalStateException if the data source is missing
     */
    public JdbcOutboxStore build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required (a PGSimpleDataSource or a"
            + " pooling DataSource of the PostgreSQL database)");
      }
      return new JdbcOutboxStore(this);
    }
  }
}
