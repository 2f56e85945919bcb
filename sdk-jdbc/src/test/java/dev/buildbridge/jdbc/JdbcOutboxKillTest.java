package dev.buildbridge.jdbc;

import static dev.buildbridge.jdbc.KcidbTesting.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.kcidb.submit.FlushResult;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a draining gateway (a child JVM, {@link OutboxDrainerChild}) in the middle of a send: its
 * connections die with it, PostgreSQL releases its drain lock, and the gateway in this process
 * takes over. Every document reaches KCIDB; the only one sent twice is the one in flight at the
 * kill.
 */
class JdbcOutboxKillTest {
  @RegisterExtension
  static WireMockExtension wm = KcidbTesting.wireMock();

  private static final Duration PATIENCE = Duration.ofSeconds(15);
  /** The application name of the child's database sessions. */
  static final String CHILD_APPLICATION = "buildbridge-sdk-jdbc-killed-child";

  private static PostgresTesting.Schema db;

  @TempDir
  Path temp;

  private Process child;
  private KcidbOutbox survivor;

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
  void cleanUp() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    if (survivor != null) {
      survivor.close();
    }
  }

  /** Starts the child gateway and returns its stdout lines as they come. */
  private List<String> startChild(String table, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath,
        OutboxDrainerChild.class.getName(), PostgresTesting.url(), table, wm.baseUrl(),
        "gw-child");
    child = new ProcessBuilder(command).redirectError(log.toFile()).start();
    List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the child was killed
      } finally {
        synchronized (lines) {
          lines.add("EOF");
          lines.notifyAll();
        }
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static void awaitLine(List<String> lines, String prefix, Path log) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    synchronized (lines) {
      while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || lines.contains("EOF")) {
          throw new AssertionError("the child never printed " + prefix + "; stdout " + lines
              + ", stderr:\n" + Files.readString(log));
        }
        lines.wait(left);
      }
    }
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

  private static Set<String> pendingMarkers(String table) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = PostgresTesting.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT document FROM " + table)) {
      while (rs.next()) {
        out.add(KcidbTesting.marker(rs.getBytes(1)));
      }
    }
    return out;
  }

  @Test
  void aDrainingGatewayKilledMidSendIsReplacedAndOnlyItsSendInFlightGoesTwice()
      throws Exception {
    KcidbTesting.accept(wm, Duration.ofMillis(50)); // slow, so the kill lands mid-send
    String table = db.table("killed");
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
        .dataSource(PostgresTesting.dataSource())
        .table(table)
        .build();
    store.createTableIfMissing();
    survivor = KcidbOutbox.newBuilder()
        .store(store)
        .client(KcidbTesting.client(wm.baseUrl(), "gw-survivor"))
        .build();
    int n = 40;
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      survivor.submit(document("k" + i)); // this gateway journals, the child will drain
      all.add("k" + i);
    }

    Path log = temp.resolve("child.log");
    List<String> lines = startChild(table, log);
    awaitLine(lines, "LOCKED", log);
    assertEquals(List.of("LOCKED " + n), List.copyOf(lines));
    FlushResult meanwhile = survivor.flush();
    assertEquals(List.of(), meanwhile.delivered(), "the survivor does not drain while the child"
        + " holds the lock");
    assertFalse(store.holdsDrainLock());

    awaitPosts(10);
    child.destroyForcibly();
    assertTrue(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    awaitLine(lines, "EOF", log);
    assertFalse(lines.contains("DRAINED"), "killed too late: " + lines);
    // a statement the child sent just before it died may still be running: wait for its sessions
    long gone = System.nanoTime() + PATIENCE.toNanos();
    while (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
        + CHILD_APPLICATION + "'") > 0) {
      assertTrue(System.nanoTime() < gone, "the child's sessions outlived it");
      Thread.sleep(5);
    }
    List<String> byChild = KcidbTesting.sentBy(wm, "gw-child");
    assertTrue(byChild.size() >= 10 && byChild.size() < n, byChild::toString);
    Set<String> pendingAtKill = pendingMarkers(table);
    Set<String> acknowledged = new TreeSet<>(all);
    acknowledged.removeAll(pendingAtKill);
    assertFalse(acknowledged.isEmpty());

    // the child's session ends with it; the survivor takes the lock at its next flush
    wm.resetMappings();
    KcidbTesting.accept(wm, Duration.ZERO);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int delivered = 0;
    while (store.countPending() > 0) {
      assertTrue(System.nanoTime() < deadline, "the survivor never took over");
      delivered += survivor.flush().delivered().size();
      Thread.sleep(5);
    }
    assertTrue(store.holdsDrainLock());
    assertEquals(pendingAtKill.size(), delivered);

    Map<String, Integer> received = KcidbTesting.received(wm);
    assertEquals(all, received.keySet(), "every document reached KCIDB");
    for (String m : acknowledged) {
      assertEquals(1, received.get(m), m + " was acknowledged, it must not be sent again");
    }
    TreeSet<String> twice = new TreeSet<>();
    received.forEach((m, count) -> {
      if (count > 1) {
        twice.add(m);
      }
    });
    assertTrue(twice.size() <= 1, "only the send in flight may go twice: " + twice);
    if (!twice.isEmpty()) {
      assertEquals(byChild.get(byChild.size() - 1), twice.first(),
          "the document sent twice is the child's last, in flight at the kill");
    }
    List<String> bySurvivor = KcidbTesting.sentBy(wm, "gw-survivor");
    assertEquals(pendingAtKill, new TreeSet<>(bySurvivor));
    assertEquals(n + twice.size(), KcidbTesting.posts(wm).size());
    System.out.println("JdbcOutboxKillTest: the child drained " + byChild.size() + " of " + n
        + " before it was killed; the survivor sent " + bySurvivor.size()
        + "; sent twice (in flight at the kill): " + twice);
  }
}
