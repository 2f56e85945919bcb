package dev.buildbridge.jdbc;

import dev.buildbridge.webhooks.DeliveryDedupStore;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A {@link DeliveryDedupStore} in a PostgreSQL table that several gateway instances share: a
 * delivery id recorded by one instance is a duplicate for all of them, atomically, and survives
 * restarts.
 *
 * <pre>{@code
 * PGSimpleDataSource ds = new PGSimpleDataSource();   // or a pooling DataSource
 * ds.setURL("jdbc:postgresql://db.internal/bridge?user=bridge");
 * JdbcDedupStore dedup = JdbcDedupStore.newBuilder()
 *     .dataSource(ds)
 *     .table("bridge.delivery_dedup")                 // default: buildbridge_delivery_dedup
 *     .ttl(Duration.ofHours(24))
 *     .build();
 * dedup.createTableIfMissing();                       // or run dedup.ddl() in your migrations
 * WebhookHandler handler = WebhookHandler.newBuilder().dedupStore(dedup)...build();
 * }</pre>
 *
 * <p><b>Table.</b> {@link #ddl()} gives the statements {@link #createTableIfMissing()} runs:
 * <pre>
 * CREATE TABLE IF NOT EXISTS "buildbridge_delivery_dedup" (
 *   key     text PRIMARY KEY,
 *   seen_at timestamptz NOT NULL
 * );
 * CREATE INDEX IF NOT EXISTS "buildbridge_delivery_dedup_seen_at_idx"
 *   ON "buildbridge_delivery_dedup" (seen_at);
 * </pre>
 *
 * <p><b>How a key is recorded.</b> {@link #firstSeen(String)} is one statement,
 * {@code INSERT ... ON CONFLICT (key) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE seen_at <=
 * cutoff}: it inserts a new key, renews one older than the TTL (which counts as absent, as in
 * {@link dev.buildbridge.webhooks.InMemoryDedupStore}), and leaves a live one alone. PostgreSQL
 * locks the row for the conflict, so of any number of instances racing on one key exactly one
 * sees a row count of 1 and gets {@code true}. A duplicate does not renew its key. Times come
 * from the {@link Builder#clock(Clock) clock} of the calling instance, at microsecond precision;
 * clocks of instances should agree to well within the TTL.
 *
 * <p><b>Keys.</b> A key of at most 256 characters without NUL or surrogate characters, and not
 * starting with {@code sha256:}, is stored as is; any other key is stored as {@code sha256:}
 * and the hex SHA-256 of its UTF-16 code units. Hostile delivery ids can thus neither exceed
 * PostgreSQL's index row size nor hold a character {@code text} refuses.
 *
 * <p><b>Expiry.</b> Expired rows are deleted by {@link #purgeExpired()}, and, at most 1,000 at
 * a time, after every {@link Builder#purgeEvery(int) n-th} call to {@link #firstSeen(String)}
 * (a failing purge is logged, not thrown: the key was recorded).
 *
 * <p><b>Failures</b> are {@link JdbcException}s, never a silent {@code true}: a webhook handler
 * whose store fails throws, and its host answers 5xx so that the provider delivers again.
 * Connections come from the {@link DataSource} for each call and go back at once; a connection
 * handed out with autocommit off is committed. Statements are cancelled after the
 * {@link Builder#queryTimeout(Duration) query timeout}; set the driver's connect and socket
 * timeouts on the data source too. Thread-safe; holds no resource, so there is nothing to close.
 */
public final class JdbcDedupStore implements DeliveryDedupStore {
  private static final System.Logger LOG = System.getLogger(JdbcDedupStore.class.getName());

  /** The table used when none is set. */
  public static final String DEFAULT_TABLE = "buildbridge_delivery_dedup";
  /** The longest table part of a name, so that the index name derived from it fits. */
  static final int MAX_TABLE = Sql.MAX_IDENTIFIER - "_seen_at_idx".length();
  /** The longest key stored as is. */
  static final int MAX_PLAIN_KEY = 256;
  static final String HASHED = "sha256:";
  /** The most rows one opportunistic purge deletes. */
  static final int PURGE_BATCH = 1000;

  private final Builder settings;
  private final DataSource dataSource;
  private final Sql.TableName table;
  private final Duration ttl;
  private final Clock clock;
  private final int purgeEvery;
  private final int timeout;
  private final AtomicLong calls = new AtomicLong();
  private final String insert;
  private final String delete;
  private final String purge;
  private final String purgeBatch;

  private JdbcDedupStore(Builder b) {
    this.settings = b.copy();
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.purgeEvery = b.purgeEvery;
    this.timeout = Sql.timeoutSeconds(b.queryTimeout);
    String t = table.sql();
    this.insert = "INSERT INTO " + t + " AS d (key, seen_at) VALUES (?, ?)"
        + " ON CONFLICT (key) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE d.seen_at <= ?";
    this.delete = "DELETE FROM " + t + " WHERE key = ?";
    this.purge = "DELETE FROM " + t + " WHERE seen_at <= ?";
    this.purgeBatch = "DELETE FROM " + t + " WHERE key IN (SELECT key FROM " + t
        + " WHERE seen_at <= ? ORDER BY seen_at LIMIT " + PURGE_BATCH
        + " FOR UPDATE SKIP LOCKED) AND seen_at <= ?";
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
   * Returns a builder with this store's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the table, as configured.
   *
   * @return such as {@code bridge.delivery_dedup}
   */
  public String table() {
    return table.toString();
  }

  /**
   * Returns how long a key is kept.
   *
   * @return the TTL
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Records a delivery id, atomically across every instance that shares the table.
   *
   * @param key the provider and delivery id, such as {@code github:72d3162e-...}; any string
   * @return true when the key was not recorded, or only longer ago than the TTL
   * @throws NullPointerException if the key is null
   * @throws JdbcException if the database could not record it (never a silent {@code true})
   */
  @Override
  public boolean firstSeen(String key) {
    String stored = storedKey(Objects.requireNonNull(key, "key"));
    Instant now = Sql.micros(clock.instant());
    Instant cutoff = now.minus(ttl);
    boolean first;
    try {
      first = Sql.run(dataSource, c -> {
        try (PreparedStatement s = Sql.prepare(c, insert, timeout)) {
          s.setString(1, stored);
          s.setObject(2, Sql.timestamp(now));
          s.setObject(3, Sql.timestamp(cutoff));
          return s.executeUpdate() == 1;
        }
      });
    } catch (SQLException e) {
      throw Sql.failure("dedup table " + table + ": cannot record a delivery key", e);
    }
    if (purgeEvery > 0 && calls.incrementAndGet() % purgeEvery == 0) {
      try {
        purge(cutoff, true);
      } catch (JdbcException e) {
        LOG.log(Level.WARNING, "the periodic purge of expired delivery keys failed; it is tried"
            + " again later: " + e.getMessage());
      }
    }
    return first;
  }

  /**
   * Forgets a delivery id, so that a redelivery is taken again.
   *
   * @param key the key given to {@link #firstSeen(String)}; unknown keys are ignored
   * @throws NullPointerException if the key is null
   * @throws JdbcException if the database could not delete it
   */
  @Override
  public void forget(String key) {
    String stored = storedKey(Objects.requireNonNull(key, "key"));
    try {
      Sql.run(dataSource, c -> {
        try (PreparedStatement s = Sql.prepare(c, delete, timeout)) {
          s.setString(1, stored);
          return s.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw Sql.failure("dedup table " + table + ": cannot forget a delivery key", e);
    }
  }

  /**
   * Deletes every key older than the TTL, now. {@link #firstSeen(String)} also purges, a batch
   * at a time, every {@link Builder#purgeEvery(int) n-th} call.
   *
   * @return how many keys were deleted
   * @throws JdbcException if the database could not delete them
   */
  public long purgeExpired() {
    return purge(Sql.micros(clock.instant()).minus(ttl), false);
  }

  private long purge(Instant cutoff, boolean batch) {
    try {
      return Sql.run(dataSource, c -> {
        try (PreparedStatement s = Sql.prepare(c, batch ? purgeBatch : purge, timeout)) {
          s.setObject(1, Sql.timestamp(cutoff));
          if (batch) {
            s.setObject(2, Sql.timestamp(cutoff));
          }
          return s.executeLargeUpdate();
        }
      });
    } catch (SQLException e) {
      throw Sql.failure("dedup table " + table + ": cannot purge expired delivery keys", e);
    }
  }

  /**
   * Returns the statements that create the table and its index, for migrations run by hand.
   *
   * @return SQL statements, each ending with {@code ;}
   */
  public String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (\n"
        + "  key     text PRIMARY KEY,\n"
        + "  seen_at timestamptz NOT NULL\n"
        + ");\n"
        + "CREATE INDEX IF NOT EXISTS " + table.derived("_seen_at_idx") + "\n"
        + "  ON " + table.sql() + " (seen_at);\n";
  }

  /**
   * Creates the table and its index unless they exist ({@link #ddl()}), in one transaction. The
   * schema must exist. Safe to call from several instances at once.
   *
   * @throws JdbcException if they could not be created
   */
  public void createTableIfMissing() {
    try {
      Sql.createTable(dataSource, table, ddl(), timeout);
    } catch (SQLException e) {
      throw Sql.failure("dedup table " + table + ": cannot create the table", e);
    }
  }

  /** The key as stored: itself, or its hash when it is long, odd or looks like a hash. */
  static String storedKey(String key) {
    if (key.length() > MAX_PLAIN_KEY || key.startsWith(HASHED)) {
      return HASHED + Sql.sha256Utf16(key);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == 0 || Character.isSurrogate(c)) {
        return HASHED + Sql.sha256Utf16(key);
      }
    }
    return key;
  }

  /**
   * Shows the table and the TTL.
   *
   * @return for example {@code JdbcDedupStore[table=buildbridge_delivery_dedup, ttl=PT24H]}
   */
  @Override
  public String toString() {
    return "JdbcDedupStore[table=" + table + ", ttl=" + ttl + "]";
  }

  /**
   * Configures a {@link JdbcDedupStore}. Setters check their argument at once and name it when
   * they refuse it. Builders are not thread-safe.
   */
  public static final class Builder {
    private DataSource dataSource;
    private Sql.TableName table = Sql.tableName(DEFAULT_TABLE, MAX_TABLE);
    private Duration ttl = Duration.ofHours(24);
    private Clock clock = Clock.systemUTC();
    private int purgeEvery = 1000;
    private Duration queryTimeout = Duration.ofSeconds(10);

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.dataSource = dataSource;
      b.table = table;
      b.ttl = ttl;
      b.clock = clock;
      b.purgeEvery = purgeEvery;
      b.queryTimeout = queryTimeout;
      return b;
    }

    /**
     * Sets where connections come from. Required. Each call borrows one and gives it back; a
     * pooling data source suits a busy gateway.
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
     * Sets the table. Default: {@value JdbcDedupStore#DEFAULT_TABLE}, in the connection's
     * search path.
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
     * Sets how long a key is kept; an older key counts as absent. Default: 24 hours.
     *
     * @param ttl at least 1 millisecond
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if shorter than 1 millisecond
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the clock keys are dated by. Default: {@link Clock#systemUTC()}.
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
     * Sets how often {@link JdbcDedupStore#firstSeen(String)} purges expired keys (at most 1,000
     * per purge). Default: every 1,000 calls of this instance.
     *
     * @param calls a positive number of calls, or 0 to purge only through
     *     {@link JdbcDedupStore#purgeExpired()}
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder purgeEvery(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("purgeEvery must be 0 (never) or more, was " + calls);
      }
      this.purgeEvery = calls;
      return this;
    }

    /**
     * Sets how long a statement may run before it is cancelled with {@link JdbcException}
     * {@code TIMEOUT}; rounded up to whole seconds. Default: 10 seconds.
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
     * Builds the store. Nothing is checked in the database: see
     * {@link JdbcDedupStore#createTableIfMissing()}.
     *
     * @return the store
     * @throws IllegalStateException if the data source is missing
     */
    public JdbcDedupStore build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required (a PGSimpleDataSource or a"
            + " pooling DataSource of the PostgreSQL database)");
      }
      return new JdbcDedupStore(this);
    }
  }
}
