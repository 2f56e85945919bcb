package dev.buildbridge.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.webhooks.WebhookHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A database that does not answer (a closed loopback port): nothing here needs PostgreSQL. */
class JdbcUnavailableTest {

  private static JdbcException unavailable(Executable call) {
    JdbcException e = assertThrows(JdbcException.class, call);
    assertEquals(JdbcException.Reason.UNAVAILABLE, e.reason());
    assertEquals("08001", e.sqlState().orElseThrow());
    assertTrue(e.getMessage().contains("the database is unavailable"), e.getMessage());
    return e;
  }

  private static KcidbException outboxIo(Executable call) {
    KcidbException e = assertThrows(KcidbException.class, call);
    assertEquals(KcidbException.Reason.OUTBOX_IO, e.reason());
    JdbcException cause = assertInstanceOf(JdbcException.class, e.getCause());
    assertEquals(JdbcException.Reason.UNAVAILABLE, cause.reason());
    assertEquals(cause.getMessage(), e.getMessage());
    assertTrue(e.getMessage().startsWith("outbox table down_outbox: "), e.getMessage());
    return e;
  }

  @Test
  void aDedupStoreWhoseDatabaseIsDownThrowsAndNeverSaysFirstSeen() {
    JdbcDedupStore store = JdbcDedupStore.newBuilder()
        .dataSource(PostgresTesting.closedPort())
        .table("down_dedup")
        .build();
    JdbcException e = unavailable(() -> store.firstSeen("github:1"));
    assertTrue(e.getMessage().startsWith("dedup table down_dedup: cannot record a delivery key:"),
        e.getMessage());
    assertFalse(e.getMessage().contains("github:1"), "the key stays out of the message");
    unavailable(() -> store.forget("github:1"));
    unavailable(store::purgeExpired);
    unavailable(store::createTableIfMissing);
  }

  @Test
  void aWebhookHandlerWhoseDedupDatabaseIsDownThrowsSoTheHostAnswers5xx() {
    JdbcDedupStore dedup = JdbcDedupStore.newBuilder()
        .dataSource(PostgresTesting.closedPort())
        .build();
    WebhookHandler handler = WebhookHandler.newBuilder()
        .githubSecret(JdbcExamplesTest.SECRET)
        .dedupStore(dedup)
        .build();
    JdbcException e = unavailable(() -> handler.handle(JdbcExamplesTest.push("d-1")));
    assertTrue(e.getMessage().startsWith("dedup table buildbridge_delivery_dedup:"),
        e.getMessage());

    // the JdbcException javadoc: the host answers 5xx and the provider delivers again
    int status;
    try {
      status = handler.handle(JdbcExamplesTest.push("d-1")).status();
    } catch (JdbcException failure) {
      status = 503;
    }
    assertEquals(503, status);
  }

  @Test
  void anOutboxStoreWhoseDatabaseIsDownFailsWithOutboxIo() {
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
        .dataSource(PostgresTesting.closedPort())
        .table("down_outbox")
        .build();
    EntryId id = new EntryId("e1");
    KcidbException append = outboxIo(() -> store.append(id, Instant.EPOCH,
        "{}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(append.getMessage().contains("cannot append entry e1"), append.getMessage());
    KcidbException entries = outboxIo(store::entries);
    assertTrue(entries.getMessage().contains("cannot take the drain lock"),
        entries.getMessage());
    outboxIo(() -> store.document(id));
    outboxIo(() -> store.markDelivered(id, List.of("s")));
    outboxIo(store::countPending);
    outboxIo(store::quarantined);
    outboxIo(store::createTableIfMissing);
    assertFalse(store.holdsDrainLock());
    store.close();
    store.close();
  }
}
