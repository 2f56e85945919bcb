package dev.buildbridge.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcOutboxStoreTest {
  /** Nanoseconds, to show that the store keeps microseconds. */
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123456789Z");
  private static final Instant T0_MICROS = Instant.parse("2026-05-01T12:00:00.123456Z");
  private static final AtomicInteger TABLES = new AtomicInteger();

  private static PostgresTesting.Schema db;

  private final List<JdbcOutboxStore> opened = new ArrayList<>();
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
  void closeStores() {
    opened.forEach(JdbcOutboxStore::close);
  }

  /** A store on this test's table (created), with a data source of its own, like an instance. */
  private JdbcOutboxStore store() {
    if (table == null) {
      table = db.table("outbox_" + TABLES.incrementAndGet());
    }
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
        .dataSource(PostgresTesting.dataSource())
        .table(table)
        .build();
    opened.add(store);
    store.createTableIfMissing();
    return store;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> ids(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.id().value()).toList();
  }

  private static KcidbException failed(String message) {
    return new KcidbException(Reason.SUBMISSION_FAILED, message, null);
  }

  /** Ends the database session holding this table's drain lock, as if its gateway died. */
  private void killLockSession() {
    long pid = db.queryLong("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
        + " AND classid::bigint = " + JdbcOutboxStore.LOCK_SPACE
        + " AND objid::bigint = to_regclass('" + table + "')::oid::bigint AND granted");
    db.queryLong("SELECT CASE WHEN pg_terminate_backend(" + pid + ") THEN 1 ELSE 0 END");
  }

  @Test
  void appendedEntriesAreListedInOrderWithTheirExactBytes() {
    EntryId a = new EntryId("a");
    EntryId b = new EntryId("b-2");
    EntryId c = EntryId.random();
    JdbcOutboxStore store = store();
    OutboxEntry first = store.append(a, T0, bytes("{\"a\":1}"));
    assertEquals(a, first.id());
    assertEquals(T0_MICROS, first.created(), "kept to the microsecond");
    assertEquals(7, first.bytes());
    store.append(b, T0.plusSeconds(1), bytes("{\"b\":\"\u00e9\"}"));
    store.append(c, T0.plusSeconds(2), bytes("[3]"));
    List<OutboxEntry> entries = store.entries();
    assertEquals(List.of("a", "b-2", c.value()), ids(entries));
    assertEquals(first, entries.get(0));
    assertTrue(entries.get(0).sequence() < entries.get(1).sequence()
        && entries.get(1).sequence() < entries.get(2).sequence());
    assertEquals(10, entries.get(1).bytes());
    assertEquals(T0_MICROS.plusSeconds(1), entries.get(1).created());
    assertArrayEquals(bytes("{\"b\":\"\u00e9\"}"), store.document(b));
    assertEquals(0, entries.get(0).attempts());
    assertEquals(List.of(), store.quarantined());
    assertEquals(3, store.countPending());
  }

  @Test
  void entriesAndTheirBookkeepingOutliveTheStoreThatWroteThem() {
    EntryId id = new EntryId("kept");
    Instant tried = T0_MICROS.plusSeconds(60);
    JdbcOutboxStore writer = store();
    writer.append(id, T0, bytes("{}"));
    writer.append(new EntryId("next"), T0, bytes("{\"n\":2}"));
    OutboxEntry e = writer.entries().get(0).withFailure(T0, failed("first"), false)
        .withFailure(tried, new KcidbException(Reason.SUBMISSION_REFUSED, "401 \u0007no", null),
            true);
    writer.update(e);
    assertEquals(e, writer.entries().get(0));
    writer.close();

    JdbcOutboxStore reader = store();
    List<OutboxEntry> entries = reader.entries();
    assertEquals(List.of("kept", "next"), ids(entries));
    OutboxEntry back = entries.get(0);
    assertEquals(2, back.attempts());
    assertEquals(Optional.of(tried), back.lastAttempt());
    assertEquals(Optional.of(Reason.SUBMISSION_REFUSED), back.lastReason());
    assertEquals(Optional.of("401 \\u0007no"), back.lastError());
    assertTrue(back.parked());
    reader.update(back.unparked());
    assertFalse(reader.entries().get(0).parked());
    assertEquals(2, reader.entries().get(0).attempts());
    assertArrayEquals(bytes("{\"n\":2}"), reader.document(new EntryId("next")));
  }

  @Test
  void markDeliveredRemovesTheEntryForGoodAndIsIdempotent() {
    EntryId id = new EntryId("done");
    JdbcOutboxStore store = store();
    store.append(id, T0, bytes("{}"));
    store.update(store.entries().get(0).withFailure(T0, failed("boom"), false));
    store.markDelivered(id, List.of("abc123"));
    store.markDelivered(id, List.of("abc123"));
    assertEquals(List.of(), store.entries());
    assertThrows(IllegalArgumentException.class, () -> store.document(id));
    assertEquals(0, db.queryLong("SELECT count(*) FROM " + table));
    assertEquals(0, store.countPending());
  }

  @Test
  void appendRefusesDuplicateIdsAndEmptyDocuments() {
    JdbcOutboxStore store = store();
    store.append(new EntryId("dup"), T0, bytes("{}"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.append(new EntryId("dup"), T0, bytes("{\"other\":1}")));
    assertEquals("entry dup is already in the outbox table " + table, e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> store.append(new EntryId("empty"), T0, new byte[0]));
    assertThrows(NullPointerException.class, () -> store.append(null, T0, bytes("{}")));
    assertThrows(NullPointerException.class,
        () -> store.append(new EntryId("n"), null, bytes("{}")));
    assertThrows(NullPointerException.class, () -> store.append(new EntryId("n"), T0, null));
    assertEquals(1, store.entries().size());
    assertArrayEquals(bytes("{}"), store.document(new EntryId("dup")));
  }

  @Test
  void updateRefusesUnknownOrChangedEntries() {
    JdbcOutboxStore store = store();
    OutboxEntry e = store.append(new EntryId("u"), T0, bytes("{}"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> store.update(OutboxEntry.of(new EntryId("other"), 1, T0, 2)));
    assertEquals("no pending outbox entry other in " + table, unknown.getMessage());
    IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
        () -> store.update(OutboxEntry.of(e.id(), e.sequence() + 7, T0, 2)));
    assertTrue(changed.getMessage().contains("does not match"), changed.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> store.update(OutboxEntry.of(e.id(), e.sequence(), T0.plusSeconds(1), 2)));
    assertThrows(IllegalArgumentException.class,
        () -> store.update(OutboxEntry.of(e.id(), e.sequence(), T0, 3)));
    store.update(OutboxEntry.of(e.id(), e.sequence(), T0, 2).withFailure(T0, failed("f"), false));
    assertEquals(1, store.entries().get(0).attempts(), "nanoseconds of created do not matter");
  }

  @Test
  void aDocumentWhoseChecksumNoLongerMatchesIsQuarantinedWhenRead() {
    JdbcOutboxStore store = store();
    OutboxEntry e = store.append(new EntryId("flip"), T0, bytes("{\"status\":\"PASS\"}"));
    store.append(new EntryId("fine"), T0, bytes("{}"));
    db.execute("UPDATE " + table + " SET document = convert_to('{\"status\":\"PAFS\"}', 'UTF8')"
        + " WHERE id = 'flip'");
    assertEquals(2, store.entries().size(), "the size is right: found when read");
    KcidbException x = assertThrows(KcidbException.class, () -> store.document(e.id()));
    assertEquals(Reason.OUTBOX_IO, x.reason());
    assertTrue(x.getMessage().contains("SHA-256 differs"), x.getMessage());
    assertTrue(x.getMessage().contains("it was quarantined"), x.getMessage());
    assertEquals(List.of("fine"), ids(store.entries()));
    assertEquals(1, store.countPending());
    List<JdbcOutboxStore.Quarantined> quarantined = store.quarantined();
    assertEquals(1, quarantined.size());
    JdbcOutboxStore.Quarantined q = quarantined.get(0);
    assertEquals("flip", q.id());
    assertEquals(e.sequence(), q.sequence());
    assertEquals(T0_MICROS, q.created());
    assertEquals(17, q.bytes());
    assertEquals("the document's SHA-256 differs from the one stored with it", q.reason());
    assertEquals(2, db.queryLong("SELECT count(*) FROM " + table), "kept, never deleted");
    assertThrows(IllegalArgumentException.class,
        () -> store.append(new EntryId("flip"), T0, bytes("{}")), "the id stays taken");
  }

  @Test
  void aTruncatedDocumentIsQuarantinedWithItsReason() {
    JdbcOutboxStore store = store();
    store.append(new EntryId("cut"), T0, bytes("{\"tests\":[1,2,3]}"));
    db.execute("UPDATE " + table + " SET document = substring(document from 1 for 5)");
    KcidbException x = assertThrows(KcidbException.class,
        () -> store.document(new EntryId("cut")));
    assertTrue(x.getMessage().contains("the document has 5 bytes, 17 were stored"),
        x.getMessage());
    assertEquals(List.of(), store.entries());
    assertEquals("the document has 5 bytes, 17 were stored", store.quarantined().get(0).reason());
  }

  @Test
  void rowsThatCannotBeEntriesAreQuarantinedNotDroppedAndOddBookkeepingIsReset() {
    JdbcOutboxStore store = store();
    store.append(new EntryId("good"), T0, bytes("{}"));
    db.execute("INSERT INTO " + table + " (id, created, size, sha256, document) VALUES"
        + " ('bad id!', now(), 2, 'x', '\\x7b7d'), ('zero', now(), 0, 'x', '\\x7b7d')");
    db.execute("UPDATE " + table + " SET attempts = -4, last_reason = 'GREMLINS',"
        + " last_error = 'odd' WHERE id = 'good'");
    List<OutboxEntry> entries = store.entries();
    assertEquals(List.of("good"), ids(entries));
    assertEquals(0, entries.get(0).attempts());
    assertEquals(Optional.empty(), entries.get(0).lastReason());
    assertEquals(Optional.of("odd"), entries.get(0).lastError());
    List<JdbcOutboxStore.Quarantined> quarantined = store.quarantined();
    assertEquals(List.of("bad id!", "zero"),
        quarantined.stream().map(JdbcOutboxStore.Quarantined::id).toList());
    assertTrue(quarantined.get(0).reason().startsWith("the id is not an entry id"),
        quarantined.get(0).reason());
    assertEquals("seq " + quarantined.get(1).sequence() + " or size 0 is out of range",
        quarantined.get(1).reason());
  }

  @Test
  void aClosedStoreRefusesEveryCallButClose() {
    JdbcOutboxStore store = store();
    store.entries();
    assertTrue(store.holdsDrainLock());
    store.close();
    store.close();
    assertFalse(store.holdsDrainLock());
    EntryId x = new EntryId("x");
    assertThrows(IllegalStateException.class, store::entries);
    assertThrows(IllegalStateException.class, () -> store.append(x, T0, bytes("{}")));
    assertThrows(IllegalStateException.class, () -> store.document(x));
    assertThrows(IllegalStateException.class, () -> store.update(OutboxEntry.of(x, 1, T0, 1)));
    assertThrows(IllegalStateException.class, () -> store.markDelivered(x, List.of()));
    assertThrows(IllegalStateException.class, store::countPending);
    assertThrows(IllegalStateException.class, store::quarantined);
    assertThrows(IllegalStateException.class, store::createTableIfMissing);
    assertTrue(store.toString().endsWith("closed]"), store.toString());
  }

  @Test
  void onlyOneStoreDrainsATableAndClosingItPassesTheLockOn() {
    JdbcOutboxStore a = store();
    JdbcOutboxStore b = store();
    a.append(new EntryId("from-a"), T0, bytes("{\"a\":1}"));
    b.append(new EntryId("from-b"), T0, bytes("{\"b\":1}"));
    assertEquals(List.of("from-a", "from-b"), ids(a.entries()));
    assertTrue(a.holdsDrainLock());
    assertEquals(List.of(), b.entries(), "b does not drain while a holds the lock");
    assertFalse(b.holdsDrainLock());
    assertEquals(2, b.countPending(), "but it can count what is pending");
    assertTrue(b.toString().endsWith("not draining]"), b.toString());
    assertTrue(a.toString().endsWith(", draining]"), a.toString());

    KcidbException read = assertThrows(KcidbException.class,
        () -> b.document(new EntryId("from-a")));
    assertEquals(Reason.OUTBOX_IO, read.reason());
    assertTrue(read.getMessage().contains("this instance does not drain the table"),
        read.getMessage());
    assertThrows(KcidbException.class,
        () -> b.update(a.entries().get(0).withFailure(T0, failed("x"), false)));
    assertEquals(0, a.entries().get(0).attempts(), "b's update changed nothing");

    a.close();
    assertEquals(List.of("from-a", "from-b"), ids(b.entries()), "b took the lock over");
    assertTrue(b.holdsDrainLock());
    assertArrayEquals(bytes("{\"a\":1}"), b.document(new EntryId("from-a")));
  }

  @Test
  void theLockIsTheTablesWhateverNameTheInstanceUsesForIt() {
    JdbcOutboxStore qualified = store();
    String plainName = table.substring(table.indexOf('.') + 1);
    JdbcOutboxStore viaSearchPath = JdbcOutboxStore.newBuilder()
        .dataSource(db.dataSource())
        .table(plainName)
        .build();
    opened.add(viaSearchPath);
    viaSearchPath.append(new EntryId("one"), T0, bytes("{}"));
    assertEquals(List.of("one"), ids(qualified.entries()));
    assertEquals(List.of(), viaSearchPath.entries());
    qualified.close();
    assertEquals(List.of("one"), ids(viaSearchPath.entries()));
  }

  @Test
  void aStoreWhoseLockSessionDiesStopsDrainingAndAnotherTakesOver() throws Exception {
    JdbcOutboxStore a = store();
    JdbcOutboxStore b = store();
    a.append(new EntryId("e1"), T0, bytes("{\"e\":1}"));
    a.append(new EntryId("e2"), T0, bytes("{\"e\":2}"));
    assertEquals(2, a.entries().size());
    assertEquals(List.of(), b.entries());

    killLockSession(); // a's lock connection is now broken; a does not know yet
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<OutboxEntry> taken = b.entries();
    while (taken.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      taken = b.entries();
    }
    assertEquals(List.of("e1", "e2"), ids(taken), "b takes the lock the dead session left");
    assertTrue(b.holdsDrainLock());

    KcidbException read = assertThrows(KcidbException.class, () -> a.document(
        new EntryId("e1")));
    assertEquals(Reason.OUTBOX_IO, read.reason());
    assertInstanceOf(JdbcException.class, read.getCause());
    assertEquals(JdbcException.Reason.UNAVAILABLE, ((JdbcException) read.getCause()).reason());
    assertFalse(a.holdsDrainLock(), "a noticed it lost the lock");
    assertEquals(List.of(), a.entries(), "a cannot take it back while b holds it");
    assertThrows(KcidbException.class, () -> a.document(new EntryId("e1")));

    a.markDelivered(new EntryId("e1"), List.of("s1")); // an accepted send may still be recorded
    KcidbException gone = assertThrows(KcidbException.class, () -> b.document(
        new EntryId("e1")));
    assertTrue(gone.getMessage().contains("entry e1 is no longer pending"), gone.getMessage());
    assertEquals(List.of("e2"), ids(b.entries()));

    b.close();
    assertEquals(List.of("e2"), ids(a.entries()), "a drains again once b let go");
    assertArrayEquals(bytes("{\"e\":2}"), a.document(new EntryId("e2")));
  }

  @Test
  void anEntryDeliveredByAnotherInstanceSinceTheListingIsReportedNotUnknown() {
    JdbcOutboxStore a = store();
    JdbcOutboxStore b = store();
    a.append(new EntryId("x"), T0, bytes("{}"));
    OutboxEntry listed = a.entries().get(0);
    b.markDelivered(new EntryId("x"), List.of("sub"));
    KcidbException read = assertThrows(KcidbException.class, () -> a.document(listed.id()));
    assertEquals(Reason.OUTBOX_IO, read.reason());
    assertTrue(read.getMessage().contains("entry x is no longer pending (delivered by another"
        + " instance"), read.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.document(listed.id()),
        "once reported, it is unknown");
    a.append(new EntryId("y"), T0, bytes("{}"));
    OutboxEntry y = a.entries().get(0);
    b.markDelivered(y.id(), List.of("sub"));
    KcidbException update = assertThrows(KcidbException.class,
        () -> a.update(y.withFailure(T0, failed("late"), false)));
    assertTrue(update.getMessage().contains("no longer pending"), update.getMessage());
  }

  @Test
  void aTableDroppedAndCreatedAgainIsLockedAfresh() {
    JdbcOutboxStore a = store();
    a.append(new EntryId("old"), T0, bytes("{}"));
    assertEquals(1, a.entries().size());
    db.execute("DROP TABLE " + table);
    a.createTableIfMissing();
    a.append(new EntryId("new"), T0, bytes("{}"));
    assertEquals(List.of("new"), ids(a.entries()));
    assertTrue(a.holdsDrainLock());
    JdbcOutboxStore b = store();
    assertEquals(List.of(), b.entries(), "a holds the lock of the new table");
  }

  @Test
  void aMissingTableFailsWithOutboxIoCausedByMissingTable() {
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
        .dataSource(PostgresTesting.dataSource())
        .table(db.table("never_created"))
        .build();
    opened.add(store);
    for (KcidbException e : List.of(
        assertThrows(KcidbException.class, store::entries),
        assertThrows(KcidbException.class,
            () -> store.append(new EntryId("a"), T0, bytes("{}"))),
        assertThrows(KcidbException.class, store::countPending))) {
      assertEquals(Reason.OUTBOX_IO, e.reason());
      JdbcException cause = assertInstanceOf(JdbcException.class, e.getCause());
      assertEquals(JdbcException.Reason.MISSING_TABLE, cause.reason());
      assertTrue(e.getMessage().contains("createTableIfMissing()"), e.getMessage());
    }
    store.createTableIfMissing();
    store.createTableIfMissing();
    assertEquals(List.of(), store.entries());
  }
}
