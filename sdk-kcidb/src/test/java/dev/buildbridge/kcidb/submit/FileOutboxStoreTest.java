package dev.buildbridge.kcidb.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxStoreTest {
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123456789Z");

  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path entryFile(OutboxEntry e) {
    return dir.resolve(FileOutboxStore.baseName(e.sequence(), e.id()) + FileOutboxStore.ENTRY);
  }

  private List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void appendedEntriesSurviveAReopenInOrderWithTheirExactBytes() {
    EntryId a = new EntryId("a");
    EntryId b = new EntryId("b-2");
    EntryId c = EntryId.random();
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(OutboxEntry.of(a, 1, T0, 7), store.append(a, T0, bytes("{\"a\":1}")));
      store.append(b, T0.plusSeconds(1), bytes("{\"b\":\"é\"}"));
      store.append(c, T0.plusSeconds(2), bytes("[3]"));
    }
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      List<OutboxEntry> entries = store.entries();
      assertEquals(List.of(a, b, c), entries.stream().map(OutboxEntry::id).toList());
      assertEquals(List.of(1L, 2L, 3L), entries.stream().map(OutboxEntry::sequence).toList());
      assertEquals(T0.plusSeconds(1), entries.get(1).created());
      assertEquals(10, entries.get(1).bytes());
      assertArrayEquals(bytes("{\"b\":\"é\"}"), store.document(b));
      assertEquals(0, entries.get(0).attempts());
      assertEquals(List.of(), store.quarantined());
    }
  }

  @Test
  void writesAHeaderLineThenTheDocument() throws IOException {
    EntryId id = new EntryId("fmt");
    byte[] doc = bytes("{\"version\":{\"major\":5}}");
    OutboxEntry e;
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      e = store.append(id, T0, doc);
    }
    assertEquals(List.of("0000000000000001-fmt.entry", FileOutboxStore.LOCK_FILE), names(dir));
    String text = Files.readString(entryFile(e), StandardCharsets.UTF_8);
    assertEquals("KCIDB-OUTBOX 1 fmt 2026-05-01T12:00:00.123456789Z 23 "
        + FileOutboxStore.sha256(doc, 0, doc.length) + "\n{\"version\":{\"major\":5}}", text);
  }

  @Test
  void sequenceNumbersContinueAfterAReopen() {
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      store.append(new EntryId("one"), T0, bytes("1"));
      store.append(new EntryId("two"), T0, bytes("2"));
      store.markDelivered(new EntryId("one"), List.of("s1"));
    }
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(3, store.append(new EntryId("three"), T0, bytes("3")).sequence());
      assertEquals(List.of("two", "three"),
          store.entries().stream().map(e -> e.id().value()).toList());
    }
  }

  @Test
  void markDeliveredRemovesTheEntryForGoodAndIsIdempotent() throws IOException {
    EntryId id = new EntryId("done");
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      store.append(id, T0, bytes("{}"));
      store.update(store.entries().get(0).withFailure(T0, failed("boom"), false));
      store.markDelivered(id, List.of("abc123"));
      store.markDelivered(id, List.of("abc123"));
      assertEquals(List.of(), store.entries());
      assertThrows(IllegalArgumentException.class, () -> store.document(id));
    }
    assertEquals(List.of(FileOutboxStore.LOCK_FILE), names(dir));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(), store.entries());
    }
  }

  private static KcidbException failed(String message) {
    return new KcidbException(Reason.SUBMISSION_FAILED, message, null);
  }

  @Test
  void bookkeepingSurvivesAReopen() {
    EntryId id = new EntryId("kept");
    Instant tried = T0.plusSeconds(60);
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      store.append(id, T0, bytes("{}"));
      OutboxEntry e = store.entries().get(0).withFailure(T0, failed("first"), false)
          .withFailure(tried, new KcidbException(Reason.SUBMISSION_REFUSED, "401 \u0007no", null),
              true);
      store.update(e);
      assertEquals(e, store.entries().get(0));
    }
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      OutboxEntry e = store.entries().get(0);
      assertEquals(2, e.attempts());
      assertEquals(Optional.of(tried), e.lastAttempt());
      assertEquals(Optional.of(Reason.SUBMISSION_REFUSED), e.lastReason());
      assertEquals(Optional.of("401 \\u0007no"), e.lastError());
      assertTrue(e.parked());
      store.update(e.unparked());
      assertFalse(store.entries().get(0).parked());
      assertEquals(2, store.entries().get(0).attempts());
    }
  }

  @Test
  void unfinishedWritesLeftByACrashAreDeletedOnOpen() throws IOException {
    Files.write(dir.resolve("0000000000000001-torn.entry.tmp"), bytes("KCIDB-OUTBOX 1 torn 20"));
    Files.write(dir.resolve("0000000000000001-torn.state.tmp"), bytes("{\"attem"));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(), store.entries());
      assertEquals(List.of(), store.quarantined());
      assertEquals(1, store.append(new EntryId("next"), T0, bytes("{}")).sequence());
    }
    assertFalse(Files.exists(dir.resolve("0000000000000001-torn.entry.tmp")));
    assertFalse(Files.exists(dir.resolve("0000000000000001-torn.state.tmp")));
  }

  @Test
  void aTruncatedEntryIsQuarantinedWithItsReasonOnOpen() throws IOException {
    OutboxEntry e;
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      e = store.append(new EntryId("cut"), T0, bytes("{\"tests\":[1,2,3]}"));
      store.append(new EntryId("fine"), T0, bytes("{}"));
    }
    byte[] all = Files.readAllBytes(entryFile(e));
    Files.write(entryFile(e), java.util.Arrays.copyOf(all, all.length - 3));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of("fine"), store.entries().stream().map(x -> x.id().value()).toList());
      List<Path> quarantined = store.quarantined();
      assertEquals(1, quarantined.size());
      assertEquals("0000000000000001-cut.entry", quarantined.get(0).getFileName().toString());
      String reason = Files.readString(quarantined.get(0).resolveSibling(
          "0000000000000001-cut.entry.reason"));
      assertTrue(reason.contains("its header announces"), reason);
      assertEquals(3, store.append(new EntryId("later"), T0, bytes("{}")).sequence());
    }
  }

  @Test
  void aDocumentWhoseChecksumNoLongerMatchesIsQuarantinedWhenRead() throws IOException {
    OutboxEntry e;
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      e = store.append(new EntryId("flip"), T0, bytes("{\"status\":\"PASS\"}"));
    }
    byte[] all = Files.readAllBytes(entryFile(e));
    all[all.length - 4] = 'F'; // PASS -> PAFS, same length
    Files.write(entryFile(e), all);
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(1, store.entries().size()); // the size is right: found when read
      KcidbException x = assertThrows(KcidbException.class, () -> store.document(e.id()));
      assertEquals(Reason.OUTBOX_IO, x.reason());
      assertTrue(x.getMessage().contains("SHA-256 differs"), x.getMessage());
      assertTrue(x.getMessage().contains("moved to " + dir.resolve("quarantine")), x.getMessage());
      assertEquals(List.of(), store.entries());
      assertEquals(1, store.quarantined().size());
    }
  }

  @Test
  void entriesWithABadHeaderOrNameAreQuarantinedNotDropped() throws IOException {
    Files.write(dir.resolve("0000000000000001-a.entry"), bytes("NOT-AN-OUTBOX 1 a x 2 y\n{}"));
    Files.write(dir.resolve("0000000000000002-b.entry"), bytes("KCIDB-OUTBOX 1 zz "
        + T0 + " 2 " + "0".repeat(64) + "\n{}"));
    Files.write(dir.resolve("0000000000000003-c.entry"), bytes("KCIDB-OUTBOX 9 c "
        + T0 + " 2 " + "0".repeat(64) + "\n{}"));
    Files.write(dir.resolve("0000000000000004-d.entry"), new byte[0]);
    Files.write(dir.resolve("0000000000000005-e.entry"), bytes("KCIDB-OUTBOX 1 e yesterday 2 "
        + "0".repeat(64) + "\n{}"));
    Files.write(dir.resolve("0000000000000006-f.entry"), bytes("KCIDB-OUTBOX 1 f " + T0
        + " -2 " + "0".repeat(64) + "\n{}"));
    Files.write(dir.resolve("0000000000000007-g.entry"), bytes("KCIDB-OUTBOX 1 g " + T0
        + " 2 XYZ\n{}"));
    Files.write(dir.resolve("0000000000000008-h.entry"), bytes("x".repeat(600)));
    Files.write(dir.resolve("stray.entry"), bytes("KCIDB-OUTBOX"));
    Files.write(dir.resolve("0000000000000009-bad id!.entry"), bytes("{}"));
    Files.write(dir.resolve("README.txt"), bytes("left alone"));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(), store.entries());
      assertEquals(10, store.quarantined().size());
      StringBuilder all = new StringBuilder();
      for (Path q : store.quarantined()) {
        all.append(Files.readString(q.resolveSibling(q.getFileName() + ".reason")));
      }
      String reasons = all.toString();
      for (String expected : List.of("the header is not", "names entry \"zz\"",
          "format \"9\" is not known", "the file is empty", "\"yesterday\" is not an instant",
          "\"-2\" is not a positive number", "not 64 lower-case hex", "longer than 512 bytes",
          "the file name is not")) {
        assertTrue(reasons.contains(expected), () -> expected + " missing from " + reasons);
      }
      assertEquals(10, store.append(new EntryId("z"), T0, bytes("{}")).sequence());
    }
    assertTrue(Files.exists(dir.resolve("README.txt")));
  }

  @Test
  void aDamagedStateFileOnlyResetsTheCounters() throws IOException {
    OutboxEntry e;
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      e = store.append(new EntryId("s"), T0, bytes("{}"));
      store.update(e.withFailure(T0, failed("x"), true));
    }
    Path state = dir.resolve(FileOutboxStore.baseName(1, e.id()) + FileOutboxStore.STATE);
    Files.write(state, bytes("{\"attempts\":"));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(e), store.entries());
      assertArrayEquals(bytes("{}"), store.document(e.id()));
    }
  }

  @Test
  void aStateFileWithoutItsEntryIsRemoved() throws IOException {
    Path orphan = dir.resolve("0000000000000004-gone.state");
    Files.write(orphan, bytes("{\"attempts\":3}"));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(), store.entries());
    }
    assertFalse(Files.exists(orphan));
  }

  @Test
  void aDuplicateEntryIdOnDiskIsQuarantined() throws IOException {
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      store.append(new EntryId("twin"), T0, bytes("{}"));
    }
    Files.copy(dir.resolve("0000000000000001-twin.entry"),
        dir.resolve("0000000000000002-twin.entry"));
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(1L), store.entries().stream().map(OutboxEntry::sequence).toList());
      assertEquals(1, store.quarantined().size());
    }
  }

  @Test
  void anEntryDeletedByHandIsReportedNotSilentlyIgnored() throws IOException {
    OutboxEntry e;
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      e = store.append(new EntryId("gone"), T0, bytes("{}"));
      Files.delete(entryFile(e));
      KcidbException x = assertThrows(KcidbException.class, () -> store.document(e.id()));
      assertEquals(Reason.OUTBOX_IO, x.reason());
      assertTrue(x.getMessage().contains("disappeared"), x.getMessage());
      assertEquals(List.of(), store.entries());
    }
  }

  @Test
  void theSameDirectoryCannotBeOpenedTwice() {
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      KcidbException e = assertThrows(KcidbException.class, () -> FileOutboxStore.open(dir));
      assertEquals(Reason.OUTBOX_IO, e.reason());
      assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
      store.append(new EntryId("still-usable"), T0, bytes("{}"));
    }
    try (FileOutboxStore again = FileOutboxStore.open(dir)) {
      assertEquals(1, again.entries().size());
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedFailsWithOutboxIo() throws IOException {
    Path file = dir.resolve("a-file");
    Files.write(file, bytes("x"));
    KcidbException e = assertThrows(KcidbException.class,
        () -> FileOutboxStore.open(file.resolve("sub")));
    assertEquals(Reason.OUTBOX_IO, e.reason());
    assertTrue(e.getMessage().contains("cannot create the outbox directory"), e.getMessage());
  }

  @Test
  void appendRefusesDuplicateIdsAndEmptyDocuments() {
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      store.append(new EntryId("dup"), T0, bytes("{}"));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.append(new EntryId("dup"), T0, bytes("{}")));
      assertTrue(e.getMessage().contains("entry dup is already"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> store.append(new EntryId("empty"), T0, new byte[0]));
      assertThrows(NullPointerException.class, () -> store.append(null, T0, bytes("{}")));
      assertEquals(1, store.entries().size());
    }
  }

  @Test
  void updateRefusesUnknownOrChangedEntries() {
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      OutboxEntry e = store.append(new EntryId("u"), T0, bytes("{}"));
      assertThrows(IllegalArgumentException.class,
          () -> store.update(OutboxEntry.of(new EntryId("other"), 1, T0, 2)));
      IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
          () -> store.update(OutboxEntry.of(e.id(), 7, T0, 2)));
      assertTrue(changed.getMessage().contains("does not match"), changed.getMessage());
    }
  }

  @Test
  void aClosedStoreRefusesEveryCallButClose() {
    FileOutboxStore store = FileOutboxStore.open(dir);
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, store::entries);
    assertThrows(IllegalStateException.class,
        () -> store.append(new EntryId("x"), T0, bytes("{}")));
    assertThrows(IllegalStateException.class, () -> store.document(new EntryId("x")));
    assertThrows(IllegalStateException.class,
        () -> store.markDelivered(new EntryId("x"), List.of()));
    assertTrue(store.toString().endsWith("closed]"), store.toString());
  }

  @Test
  void entryIdsAreCheckedBecauseTheyBecomeFileNames() {
    assertThrows(IllegalArgumentException.class, () -> new EntryId("../x"));
    assertThrows(IllegalArgumentException.class, () -> new EntryId(""));
    assertThrows(IllegalArgumentException.class, () -> new EntryId("x".repeat(65)));
    assertEquals(36, EntryId.random().value().length());
    assertEquals("abc", new EntryId("abc").toString());
  }

  @Test
  void entryRecordsCheckTheirComponents() {
    EntryId id = new EntryId("r");
    assertThrows(IllegalArgumentException.class, () -> OutboxEntry.of(id, -1, T0, 1));
    assertThrows(IllegalArgumentException.class, () -> OutboxEntry.of(id, 1, T0, -1));
    assertThrows(NullPointerException.class, () -> OutboxEntry.of(id, 1, null, 1));
    OutboxEntry e = new OutboxEntry(id, 1, T0, 1, 0, null, null, null, false);
    assertEquals(Optional.empty(), e.lastError());
    String longError = "e".repeat(5000);
    OutboxEntry failed = e.withFailure(T0, failed(longError), false);
    assertEquals(OutboxEntry.MAX_ERROR + 3, failed.lastError().get().length());
  }
}
