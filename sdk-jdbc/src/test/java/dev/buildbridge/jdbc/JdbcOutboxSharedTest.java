package dev.buildbridge.jdbc;

import static dev.buildbridge.jdbc.KcidbTesting.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.kcidb.submit.FlushResult;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test: two gateway instances, each with its own {@link KcidbOutbox},
 * {@link JdbcOutboxStore} and connections, share one outbox table and one KCIDB, and every
 * document reaches KCIDB once.
 */
class JdbcOutboxSharedTest {
  @RegisterExtension
  static WireMockExtension wm = KcidbTesting.wireMock();

  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final AtomicInteger TABLES = new AtomicInteger();

  private static PostgresTesting.Schema db;

  private final List<KcidbOutbox> opened = new ArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private String table;

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

  @AfterEach
  void closeAll() {
    pool.shutdownNow();
    opened.forEach(KcidbOutbox::close);
  }

  /** A gateway instance: its own data source, store and outbox, posting to /{name}/submit. */
  private final class Gateway {
    final JdbcOutboxStore store;
    final KcidbOutbox outbox;

    Gateway(String name, Duration shutdownTimeout) {
      store = JdbcOutboxStore.newBuilder()
          .dataSource(PostgresTesting.dataSource())
          .table(table)
          .build();
      store.createTableIfMissing();
      outbox = KcidbOutbox.newBuilder()
          .store(store)
          .client(KcidbTesting.client(wm.baseUrl(), name))
          .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
          .shutdownTimeout(shutdownTimeout)
          .build();
      opened.add(outbox);
    }
  }

  private void newTable() {
    table = db.table("shared_" + TABLES.incrementAndGet());
  }

  /** Flushes until nothing is pending in the table (any instance's view), or fails. */
  private static int flushUntilEmpty(Gateway g, AtomicBoolean submitting) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int delivered = 0;
    while (submitting.get() || g.store.countPending() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(g.store.countPending() + " entries still pending");
      }
      FlushResult result = g.outbox.flush();
      delivered += result.delivered().size();
      if (result.delivered().isEmpty()) {
        Thread.sleep(5);
      }
    }
    return delivered;
  }

  /** The markers of the documents pending in the table now, read with SQL. */
  private Set<String> pendingMarkers() throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = PostgresTesting.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT document FROM " + table
            + " WHERE quarantined_at IS NULL")) {
      while (rs.next()) {
        out.add(KcidbTesting.marker(rs.getBytes(1)));
      }
    }
    return out;
  }

  private static Set<String> markers(String prefix, int n) {
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      all.add(prefix + i);
    }
    return all;
  }

  private static void awaitPosts(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (KcidbTesting.posts(wm).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("KCIDB never received " + count + " submissions");
      }
      Thread.sleep(2);
    }
  }

  @Test
  void twoGatewayInstancesOnOneTableSendEachEntryExactlyOnce() throws Exception {
    KcidbTesting.accept(wm, Duration.ZERO);
    newTable();
    Gateway a = new Gateway("gw-a", Duration.ofSeconds(5));
    Gateway b = new Gateway("gw-b", Duration.ofSeconds(5));
    a.outbox.start(); // the background senders race with the explicit flushes below
    b.outbox.start();
    int n = 200;
    AtomicBoolean submitting = new AtomicBoolean(true);
    AtomicInteger submitted = new AtomicInteger();
    List<Future<?>> submitters = new ArrayList<>();
    for (Gateway g : List.of(a, b)) {
      int parity = g == a ? 0 : 1;
      submitters.add(pool.submit(() -> {
        for (int i = parity; i < n; i += 2) {
          g.outbox.submit(document("d" + i));
          submitted.incrementAndGet();
        }
        return null;
      }));
    }
    List<Future<Integer>> flushers = new ArrayList<>();
    for (Gateway g : List.of(a, b)) {
      flushers.add(pool.submit((Callable<Integer>) () -> flushUntilEmpty(g, submitting)));
    }
    for (Future<?> f : submitters) {
      f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    submitting.set(false);
    int flushedByA = flushers.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    int flushedByB = flushers.get(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertEquals(n, submitted.get());
    assertEquals(0, a.store.countPending());
    assertEquals(List.of(), a.store.quarantined());
    Map<String, Integer> received = KcidbTesting.received(wm);
    assertEquals(markers("d", n), received.keySet(), "every document reached KCIDB");
    received.forEach((m, count) -> assertEquals(1, count, m + " was sent " + count + " times"));
    assertEquals(n, KcidbTesting.posts(wm).size());
    List<String> byA = KcidbTesting.sentBy(wm, "gw-a");
    List<String> byB = KcidbTesting.sentBy(wm, "gw-b");
    assertEquals(n, byA.size() + byB.size());
    assertTrue(byA.isEmpty() || byB.isEmpty(), "the lock never moved: one instance drained");
    System.out.println("JdbcOutboxSharedTest: " + n + " documents submitted through two"
        + " instances, each received once; sent by a: " + byA.size() + ", by b: " + byB.size()
        + " (explicit flushes delivered " + flushedByA + " and " + flushedByB
        + ", the background senders the rest)");
  }

  @Test
  void whenTheDrainingInstanceShutsDownTheOtherTakesOverAndOnlyTheSendInFlightGoesTwice()
      throws Exception {
    KcidbTesting.accept(wm, Duration.ofMillis(20)); // slow, so the shutdown lands mid-send
    newTable();
    Gateway a = new Gateway("gw-a", Duration.ZERO); // close() interrupts a send in flight
    Gateway b = new Gateway("gw-b", Duration.ofSeconds(5));
    int n = 60;
    for (int i = 0; i < n; i++) {
      (i % 2 == 0 ? a : b).outbox.submit(document("s" + i));
    }
    assertEquals(n, a.outbox.pending().size(), "a drains: it took the lock first");
    assertEquals(List.of(), b.outbox.pending());
    a.outbox.start();
    AtomicBoolean aDraining = new AtomicBoolean(true);
    Future<Integer> bMeanwhile = pool.submit(() -> {
      int delivered = 0;
      while (aDraining.get()) {
        delivered += b.outbox.flush().delivered().size();
        Thread.sleep(5);
      }
      return delivered;
    });
    awaitPosts(15);
    aDraining.set(false);
    assertEquals(0, bMeanwhile.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(List.of(), KcidbTesting.sentBy(wm, "gw-b"), "b sent nothing while a drained");

    a.outbox.close(); // stops a's sender (interrupting its send) and gives the lock up
    Set<String> pendingAtShutdown = pendingMarkers();
    List<String> byA = KcidbTesting.sentBy(wm, "gw-a");
    int deliveredByB = flushUntilEmpty(b, new AtomicBoolean(false));

    assertEquals(0, b.store.countPending());
    Map<String, Integer> received = KcidbTesting.received(wm);
    assertEquals(markers("s", n), received.keySet(), "every document reached KCIDB");
    Set<String> acknowledged = markers("s", n);
    acknowledged.removeAll(pendingAtShutdown);
    for (String m : acknowledged) {
      assertEquals(1, received.get(m), m + " was acknowledged by a; nobody may send it again");
    }
    TreeSet<String> twice = new TreeSet<>();
    received.forEach((m, count) -> {
      if (count > 1) {
        twice.add(m);
      }
    });
    assertTrue(twice.size() <= 1, "only a's send in flight may go twice: " + twice);
    assertTrue(pendingAtShutdown.containsAll(twice));
    if (!twice.isEmpty()) {
      assertEquals(byA.get(byA.size() - 1), twice.first(), "the last document a sent");
    }
    List<String> byB = KcidbTesting.sentBy(wm, "gw-b");
    assertEquals(pendingAtShutdown.size(), deliveredByB);
    assertEquals(pendingAtShutdown, new TreeSet<>(byB), "b sent exactly what a left pending");
    assertEquals(n + twice.size(), KcidbTesting.posts(wm).size());
    System.out.println("JdbcOutboxSharedTest: a drained " + byA.size() + " of " + n
        + " documents before it shut down, b took over and sent " + byB.size()
        + "; sent twice (a's send in flight): " + twice);
  }
}
