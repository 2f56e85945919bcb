package dev.buildbridge.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.kcidb.submit.KcidbClient;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.WebhookHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The javadoc examples of the package, against the test database and a local KCIDB. */
class JdbcExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = KcidbTesting.wireMock();

  static final String SECRET = "test-secret";
  static final String PUSH = "{\"ref\":\"refs/heads/main\","
      + "\"before\":\"1111111111111111111111111111111111111111\","
      + "\"after\":\"2222222222222222222222222222222222222222\",\"deleted\":false,"
      + "\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\","
      + "\"owner\":{\"login\":\"octo\"},\"clone_url\":\"https://github.com/octo/hello.git\"}}";

  private static PostgresTesting.Schema db;

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

  /** A signed GitHub push delivery. */
  static Delivery push(String deliveryId) {
    byte[] body = PUSH.getBytes(UTF_8);
    return Delivery.newBuilder()
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", deliveryId)
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(body))
        .body(body).build();
  }

  private static PGSimpleDataSource dataSource() {
    return PostgresTesting.dataSource(); // ds.setURL("jdbc:postgresql://db.internal/...") in docs
  }

  /** {@link JdbcDedupStore}: two gateway instances share the dedup table. */
  @Test
  void dedupStoreExample() {
    List<WebhookHandler> gateways = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      PGSimpleDataSource ds = dataSource();
      JdbcDedupStore dedup = JdbcDedupStore.newBuilder()
          .dataSource(ds)
          .table(db.table("delivery_dedup"))
          .ttl(Duration.ofHours(24))
          .build();
      dedup.createTableIfMissing();
      gateways.add(WebhookHandler.newBuilder().githubSecret(SECRET).dedupStore(dedup).build());
    }

    Decision first = gateways.get(0).handle(push("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    Decision again = gateways.get(1).handle(push("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertEquals(Outcome.ACCEPTED, first.outcome());
    assertEquals(1, first.jobs().size());
    assertEquals(Outcome.DUPLICATE, again.outcome());
    assertEquals(List.of(), again.jobs());
  }

  /** {@link JdbcOutboxStore}. */
  @Test
  void outboxStoreExample() {
    KcidbTesting.accept(wm, Duration.ZERO);
    KcidbClient kcidb = KcidbTesting.client(wm.baseUrl(), "gw");
    byte[] document = KcidbTesting.document("example");

    PGSimpleDataSource ds = dataSource();
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder()
        .dataSource(ds)
        .table(db.table("kcidb_outbox"))
        .build();
    store.createTableIfMissing();
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder().store(store).client(kcidb).build()) {
      outbox.submit(document);
      outbox.flush();
    }

    assertEquals(List.of("example"), KcidbTesting.sentBy(wm, "gw"));
  }

  /** {@link JdbcOutboxStore.Quarantined}. */
  @Test
  void quarantinedExample() {
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder().dataSource(dataSource())
        .table(db.table("quarantine_example")).build();
    store.createTableIfMissing();
    store.append(EntryId.random(), Instant.now(), KcidbTesting.document("q"));
    db.execute("UPDATE " + store.table() + " SET sha256 = 'tampered'");
    store.entries().forEach(e -> {
      try {
        store.document(e.id());
      } catch (KcidbException expected) {
        // quarantined
      }
    });
    List<String> log = new ArrayList<>();

    for (JdbcOutboxStore.Quarantined q : store.quarantined()) {
      log.add(q.id() + " quarantined at " + q.quarantinedAt() + ": " + q.reason());
    }

    assertEquals(1, log.size());
    assertTrue(log.get(0).endsWith(": the document's SHA-256 differs from the one stored with"
        + " it"), log.get(0));
    store.close();
  }
}
