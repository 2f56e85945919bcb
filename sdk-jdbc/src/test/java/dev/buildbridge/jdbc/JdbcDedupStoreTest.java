package dev.buildbridge.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcDedupStoreTest {
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration TTL = Duration.ofHours(24);
  private static final AtomicInteger TABLES = new AtomicInteger();

  private static PostgresTesting.Schema db;

  private final TestClock clock = new TestClock(T0);

  @BeforeAll
  static void createSchema() {
    db = PostgresTesting.Schema.create();
  }

  @AfterAll
  static void dropSchema() {
    if (db != null) {
      db.close();
    }
  }

  /** A new table of this class's schema, created. */
  private JdbcDedupStore.Builder builder() {
    return JdbcDedupStore.newBuilder()
        .dataSource(PostgresTesting.dataSource())
        .table(db.table("dedup_" + TABLES.incrementAndGet()))
        .ttl(TTL)
        .clock(clock);
  }

  private JdbcDedupStore store() {
    JdbcDedupStore store = builder().build();
    store.createTableIfMissing();
    return store;
  }

  private static long rows(JdbcDedupStore store) {
    return db.queryLong("SELECT count(*) FROM " + store.table());
  }

  @Test
  void aKeyIsFirstSeenOnceThenADuplicate() {
    JdbcDedupStore store = store();
    assertTrue(store.firstSeen("github:72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertFalse(store.firstSeen("github:72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertFalse(store.firstSeen("github:72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertTrue(store.firstSeen("gitlab:72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertEquals(2, rows(store));
  }

  @Test
  void aKeyRecordedByOneInstanceIsADuplicateForAnotherAndAfterARestart() {
    JdbcDedupStore first = store();
    assertTrue(first.firstSeen("gitea:1"));
    JdbcDedupStore second = first.toBuilder().dataSource(PostgresTesting.dataSource()).build();
    assertFalse(second.firstSeen("gitea:1"));
    assertTrue(second.firstSeen("gitea:2"));
    assertFalse(first.firstSeen("gitea:2"));
  }

  @Test
  void forgetLetsARedeliveryThroughAndIgnoresUnknownKeys() {
    JdbcDedupStore store = store();
    assertTrue(store.firstSeen("github:a"));
    store.forget("github:a");
    store.forget("github:never-seen");
    assertTrue(store.firstSeen("github:a"));
    assertFalse(store.firstSeen("github:a"));
  }

  @Test
  void aKeyIsKeptForExactlyTheTtlThenCountsAsAbsent() {
    JdbcDedupStore store = store();
    assertTrue(store.firstSeen("k"));
    clock.set(T0.plus(TTL).minusNanos(1_000));
    assertFalse(store.firstSeen("k"), "one microsecond before the TTL ends");
    clock.set(T0.plus(TTL));
    assertTrue(store.firstSeen("k"), "expired keys count as absent");
    assertFalse(store.firstSeen("k"), "and the renewed key is live again");
    clock.set(T0.plus(TTL).plus(TTL).minusNanos(1_000));
    assertFalse(store.firstSeen("k"));
    assertEquals(1, rows(store));
  }

  @Test
  void aDuplicateDoesNotRenewItsKey() {
    JdbcDedupStore store = store();
    assertTrue(store.firstSeen("k"));
    clock.set(T0.plus(TTL.dividedBy(2)));
    assertFalse(store.firstSeen("k"));
    clock.set(T0.plus(TTL));
    assertTrue(store.firstSeen("k"), "the TTL runs from the first sighting");
  }

  @Test
  void purgeExpiredDeletesOnlyExpiredKeys() {
    JdbcDedupStore store = store();
    store.firstSeen("old-1");
    store.firstSeen("old-2");
    clock.set(T0.plusSeconds(3600));
    store.firstSeen("new");
    clock.set(T0.plus(TTL));
    assertEquals(2, store.purgeExpired());
    assertEquals(0, store.purgeExpired());
    assertEquals(1, rows(store));
    assertFalse(store.firstSeen("new"));
  }

  @Test
  void firstSeenPurgesExpiredKeysEveryNthCall() {
    JdbcDedupStore store = builder().purgeEvery(3).build();
    store.createTableIfMissing();
    store.firstSeen("a");
    store.firstSeen("b");
    clock.set(T0.plus(TTL).plusSeconds(1));
    assertEquals(2, rows(store));
    store.firstSeen("c"); // the third call purges a and b
    assertEquals(1, rows(store));
    store.firstSeen("d");
    store.firstSeen("e");
    assertEquals(3, rows(store));
  }

  @Test
  void noPeriodicPurgeWhenPurgeEveryIsZero() {
    JdbcDedupStore store = builder().purgeEvery(0).build();
    store.createTableIfMissing();
    store.firstSeen("a");
    clock.set(T0.plus(TTL).plusSeconds(1));
    for (int i = 0; i < 5; i++) {
      store.firstSeen("x" + i);
    }
    assertEquals(6, rows(store));
  }

  @Test
  void twoInstancesRacingOnOneKeyFromManyThreadsLetExactlyOneThrough() throws Exception {
    JdbcDedupStore a = store();
    JdbcDedupStore b = a.toBuilder().dataSource(PostgresTesting.dataSource()).build();
    assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), race(a, b, "fresh-", 10, 16));
  }

  @Test
  void racingOnAnExpiredKeyAlsoLetsExactlyOneThrough() throws Exception {
    JdbcDedupStore a = store();
    JdbcDedupStore b = a.toBuilder().dataSource(PostgresTesting.dataSource()).build();
    for (int i = 0; i < 6; i++) {
      assertTrue(a.firstSeen("expired-" + i));
    }
    clock.set(T0.plus(TTL).plusSeconds(1));
    assertEquals(List.of(1, 1, 1, 1, 1, 1), race(a, b, "expired-", 6, 16));
  }

  /**
   * For each of {@code keys} keys, {@code threads} threads (half on each store) call firstSeen at
   * once; returns how many got true, key by key.
   */
  private static List<Integer> race(JdbcDedupStore a, JdbcDedupStore b, String prefix, int keys,
      int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Integer> winners = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        String key = prefix + k;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          JdbcDedupStore store = t % 2 == 0 ? a : b;
          calls.add(pool.submit(() -> {
            ready.countDown();
            go.await();
            return store.firstSeen(key);
          }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        int n = 0;
        for (Future<Boolean> call : calls) {
          n += call.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        winners.add(n);
      }
      return winners;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void longAndOddKeysAreStoredHashedAndStillDeduplicated() {
    JdbcDedupStore store = store();
    String longKey = "github:" + "x".repeat(10_000);
    String nul = "github:a\u0000b";
    String loneSurrogate = "github:\ud800";
    String unicode = "gitea:d\u00e9livr\u00e9e-\uD83D\uDE80"; // a proper pair is hashed too
    for (String key : List.of(longKey, nul, loneSurrogate, unicode)) {
      assertTrue(store.firstSeen(key), key.length() + " chars");
      assertFalse(store.firstSeen(key));
    }
    String pretender = JdbcDedupStore.HASHED + Sql.sha256Utf16(longKey);
    assertTrue(store.firstSeen(pretender), "a key that looks like a stored hash is hashed too");
    assertFalse(store.firstSeen(pretender));
    assertTrue(store.firstSeen("github:a"), "NUL is not dropped: a\\0b differs from a");
    assertEquals(0, db.queryLong("SELECT count(*) FROM " + store.table()
        + " WHERE key LIKE 'sha256:%' AND length(key) <> 71"));
    assertEquals(5, db.queryLong("SELECT count(*) FROM " + store.table()
        + " WHERE key LIKE 'sha256:%'"));
    store.forget(longKey);
    assertTrue(store.firstSeen(longKey));
  }

  @Test
  void createTableIfMissingIsIdempotentEvenFromSeveralInstancesAtOnce() throws Exception {
    JdbcDedupStore.Builder builder = builder();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        JdbcDedupStore store = builder.dataSource(PostgresTesting.dataSource()).build();
        calls.add(pool.submit(() -> {
          go.await();
          store.createTableIfMissing();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    JdbcDedupStore store = builder.build();
    store.createTableIfMissing();
    assertTrue(store.firstSeen("after"));
    String[] parts = store.table().split("\\.");
    assertEquals(1, db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = '"
        + parts[0] + "' AND indexname = '" + parts[1] + "_seen_at_idx'"));
  }

  @Test
  void anUnqualifiedTableIsLookedUpInTheSearchPath() {
    JdbcDedupStore store = JdbcDedupStore.newBuilder().dataSource(db.dataSource())
        .table("plain_dedup").clock(clock).build();
    store.createTableIfMissing();
    assertTrue(store.firstSeen("k"));
    assertEquals(1, db.queryLong("SELECT count(*) FROM " + db.table("plain_dedup")));
  }

  @Test
  void aMissingTableIsReportedAsMissingTableNeverAsFirstSeen() {
    JdbcDedupStore store = builder().build();
    JdbcException e = assertThrows(JdbcException.class, () -> store.firstSeen("k"));
    assertEquals(JdbcException.Reason.MISSING_TABLE, e.reason());
    assertEquals("MISSING_TABLE", e.code());
    assertEquals("42P01", e.sqlState().orElseThrow());
    assertTrue(e.getMessage().startsWith("dedup table " + store.table()
        + ": cannot record a delivery key: the table does not exist (run"
        + " createTableIfMissing()"), e.getMessage());
    assertEquals(JdbcException.Reason.MISSING_TABLE,
        assertThrows(JdbcException.class, () -> store.forget("k")).reason());
    assertEquals(JdbcException.Reason.MISSING_TABLE,
        assertThrows(JdbcException.class, store::purgeExpired).reason());
  }

  @Test
  void aMissingSchemaIsReportedByCreateTableIfMissing() {
    JdbcDedupStore store = builder().table("no_such_schema_here.dedup").build();
    JdbcException e = assertThrows(JdbcException.class, store::createTableIfMissing);
    assertEquals(JdbcException.Reason.MISSING_TABLE, e.reason());
    assertEquals("3F000", e.sqlState().orElseThrow());
    assertTrue(e.getMessage().contains("cannot create the table"), e.getMessage());
  }

  @Test
  void aStatementBlockedLongerThanTheQueryTimeoutFailsWithTimeout() throws Exception {
    JdbcDedupStore store = builder().queryTimeout(Duration.ofSeconds(1)).build();
    store.createTableIfMissing();
    try (Connection other = PostgresTesting.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s = other.prepareStatement("INSERT INTO " + store.table()
          + " (key, seen_at) VALUES ('held', now())")) {
        s.executeUpdate(); // not committed: firstSeen("held") must wait for this transaction
      }
      long start = System.nanoTime();
      JdbcException e = assertThrows(JdbcException.class, () -> store.firstSeen("held"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(JdbcException.Reason.TIMEOUT, e.reason());
      assertTrue(e.getMessage().contains("the query timeout passed"), e.getMessage());
      assertTrue(took.compareTo(Duration.ofMillis(900)) > 0
          && took.compareTo(Duration.ofSeconds(10)) < 0, took::toString);
      other.rollback();
    }
    assertTrue(store.firstSeen("held"), "the other transaction rolled back");
  }

  @Test
  void accessorsAndToStringShowTheSettings() {
    JdbcDedupStore store = builder().ttl(Duration.ofMinutes(5)).build();
    assertEquals(Duration.ofMinutes(5), store.ttl());
    assertTrue(store.table().startsWith(db.name + ".dedup_"), store.table());
    assertEquals("JdbcDedupStore[table=" + store.table() + ", ttl=PT5M]", store.toString());
    JdbcDedupStore copy = store.toBuilder().build();
    assertEquals(store.toString(), copy.toString());
  }
}
