package dev.buildbridge.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Settings, names and keys: nothing here needs a database. */
class JdbcBuildersTest {

  private static IllegalArgumentException refusedTable(String name) {
    IllegalArgumentException dedup = assertThrows(IllegalArgumentException.class,
        () -> JdbcDedupStore.newBuilder().table(name), name);
    IllegalArgumentException outbox = assertThrows(IllegalArgumentException.class,
        () -> JdbcOutboxStore.newBuilder().table(name), name);
    assertEquals(dedup.getMessage(), outbox.getMessage());
    assertTrue(dedup.getMessage().startsWith("table must be a PostgreSQL name"),
        dedup.getMessage());
    return dedup;
  }

  @Test
  void tableNamesThatCouldBreakOutOfAStatementAreRefusedWithTheReason() {
    assertTrue(refusedTable("outbox; DROP TABLE students;--").getMessage()
        .contains("the table part has ';' at index 6"));
    assertTrue(refusedTable("Robert'); DROP TABLE x").getMessage()
        .contains("the upper-case letter 'R'"));
    assertTrue(refusedTable("\"quoted\"").getMessage().contains("'\"' at index 0"));
    assertTrue(refusedTable("a b").getMessage().contains("U+0020 at index 1"));
    assertTrue(refusedTable("a-b").getMessage().contains("'-' at index 1"));
    assertTrue(refusedTable("a.b.c").getMessage().contains("the table part has '.' at index 1"));
    assertTrue(refusedTable("1abc").getMessage().contains("the table part starts with a digit"));
    assertTrue(refusedTable("9s.t").getMessage().contains("the schema part starts with a digit"));
    assertTrue(refusedTable("").getMessage().contains("the table part is empty"));
    assertTrue(refusedTable(".x").getMessage().contains("the schema part is empty"));
    assertTrue(refusedTable("x.").getMessage().contains("the table part is empty"));
    assertTrue(refusedTable("t\u00ebst").getMessage().contains("U+00EB at index 1"));
    assertTrue(refusedTable("tab\u0000le").getMessage().contains("U+0000 at index 3"));
    assertTrue(refusedTable("x".repeat(52)).getMessage()
        .contains("the table part has 52 characters, at most 51 are allowed"));
    assertTrue(refusedTable("s".repeat(64) + ".t").getMessage()
        .contains("the schema part has 64 characters, at most 63 are allowed"));
  }

  @Test
  void aRefusedNameIsQuotedBoundedAndEscapedInTheMessage() {
    String hostile = "x\n\u001b[31m\"" + "y".repeat(500);
    String message = refusedTable(hostile).getMessage();
    assertTrue(message.endsWith("; was \"x\\u000a\\u001b[31m\\u0022" + "y".repeat(72)
        + "\"... (508 characters)"), message);
    assertFalse(message.contains("\n"));
    assertThrows(NullPointerException.class, () -> JdbcDedupStore.newBuilder().table(null));
    assertThrows(NullPointerException.class, () -> JdbcOutboxStore.newBuilder().table(null));
  }

  @Test
  void plainAndSchemaQualifiedNamesAreAccepted() {
    for (String name : List.of("a", "_", "kcidb_outbox", "bridge.kcidb_outbox", "x1_2",
        "x".repeat(51), "s".repeat(63) + "." + "t".repeat(51), "select", "public.user")) {
      assertEquals(name, JdbcDedupStore.newBuilder().table(name)
          .dataSource(new PGSimpleDataSource()).build().table());
      assertEquals(name, JdbcOutboxStore.newBuilder().table(name)
          .dataSource(new PGSimpleDataSource()).build().table());
    }
  }

  @Test
  void theDdlQuotesTheNamesItWasGiven() {
    JdbcDedupStore dedup = JdbcDedupStore.newBuilder().dataSource(new PGSimpleDataSource())
        .table("bridge.user").build();
    assertEquals("CREATE TABLE IF NOT EXISTS \"bridge\".\"user\" (\n"
        + "  key     text PRIMARY KEY,\n"
        + "  seen_at timestamptz NOT NULL\n"
        + ");\n"
        + "CREATE INDEX IF NOT EXISTS \"user_seen_at_idx\"\n"
        + "  ON \"bridge\".\"user\" (seen_at);\n", dedup.ddl());
    JdbcOutboxStore outbox = JdbcOutboxStore.newBuilder().dataSource(new PGSimpleDataSource())
        .build();
    assertTrue(outbox.ddl().startsWith("CREATE TABLE IF NOT EXISTS \"buildbridge_kcidb_outbox\""
        + " (\n  id                text PRIMARY KEY,\n"), outbox.ddl());
    assertEquals(JdbcOutboxStore.DEFAULT_TABLE, outbox.table());
    assertEquals(JdbcDedupStore.DEFAULT_TABLE,
        JdbcDedupStore.newBuilder().dataSource(new PGSimpleDataSource()).build().table());
  }

  @Test
  void dedupBuilderChecksEachSettingAndNamesIt() {
    JdbcDedupStore.Builder b = JdbcDedupStore.newBuilder();
    IllegalStateException noSource = assertThrows(IllegalStateException.class, b::build);
    assertTrue(noSource.getMessage().startsWith("dataSource is required"), noSource.getMessage());
    assertEquals("dataSource",
        assertThrows(NullPointerException.class, () -> b.dataSource(null)).getMessage());
    assertEquals("ttl", assertThrows(NullPointerException.class, () -> b.ttl(null)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ZERO))
        .getMessage().startsWith("ttl must be at least 1 ms"));
    assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ofNanos(999_999)));
    assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ofHours(-1)));
    assertEquals("clock",
        assertThrows(NullPointerException.class, () -> b.clock(null)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.purgeEvery(-1))
        .getMessage().startsWith("purgeEvery must be 0"));
    assertEquals("queryTimeout",
        assertThrows(NullPointerException.class, () -> b.queryTimeout(null)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> b.queryTimeout(Duration.ofMillis(-1))).getMessage()
        .startsWith("queryTimeout must be between 0 (none)"));
    assertThrows(IllegalArgumentException.class,
        () -> b.queryTimeout(Duration.ofSeconds(Integer.MAX_VALUE).plusSeconds(1)));
    b.queryTimeout(Duration.ZERO).purgeEvery(0).ttl(Duration.ofMillis(1));
    JdbcDedupStore store = b.dataSource(new PGSimpleDataSource()).build();
    assertEquals(Duration.ofMillis(1), store.ttl());
    assertEquals(Duration.ofHours(24),
        JdbcDedupStore.newBuilder().dataSource(new PGSimpleDataSource()).build().ttl());
  }

  @Test
  void outboxBuilderChecksEachSettingAndNamesIt() {
    JdbcOutboxStore.Builder b = JdbcOutboxStore.newBuilder();
    IllegalStateException noSource = assertThrows(IllegalStateException.class, b::build);
    assertTrue(noSource.getMessage().startsWith("dataSource is required"), noSource.getMessage());
    assertEquals("dataSource",
        assertThrows(NullPointerException.class, () -> b.dataSource(null)).getMessage());
    assertEquals("clock",
        assertThrows(NullPointerException.class, () -> b.clock(null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.queryTimeout(Duration.ofSeconds(-1)));
    JdbcOutboxStore store = b.dataSource(new PGSimpleDataSource()).table("q.t").build();
    assertEquals("JdbcOutboxStore[table=q.t, not draining]", store.toString());
    assertEquals("q.t", store.toBuilder().build().table());
    store.close();
    assertEquals("JdbcOutboxStore[table=q.t, closed]", store.toString());
  }

  @Test
  void queryTimeoutsAreRoundedUpToWholeSeconds() {
    assertEquals(0, Sql.timeoutSeconds(Duration.ZERO));
    assertEquals(1, Sql.timeoutSeconds(Duration.ofNanos(1)));
    assertEquals(1, Sql.timeoutSeconds(Duration.ofSeconds(1)));
    assertEquals(2, Sql.timeoutSeconds(Duration.ofMillis(1001)));
  }

  @Test
  void ordinaryKeysAreStoredAsIsAndOthersAsAHashOfEveryCodeUnit() {
    assertEquals("github:72d3162e-cc78", JdbcDedupStore.storedKey("github:72d3162e-cc78"));
    assertEquals("", JdbcDedupStore.storedKey(""));
    String max = "k".repeat(JdbcDedupStore.MAX_PLAIN_KEY);
    assertEquals(max, JdbcDedupStore.storedKey(max));
    String hashed = JdbcDedupStore.storedKey(max + "k");
    assertTrue(hashed.startsWith("sha256:") && hashed.length() == 71, hashed);
    assertNotEquals(JdbcDedupStore.storedKey("a\ud800"), JdbcDedupStore.storedKey("a\ud801"),
        "lone surrogates are not folded into one replacement character");
    assertNotEquals(JdbcDedupStore.storedKey("a\u0000"), JdbcDedupStore.storedKey("a\u0000\u0000"));
    assertNotEquals(hashed, JdbcDedupStore.storedKey(hashed), "a pretender is hashed again");
    assertEquals(JdbcDedupStore.storedKey("x".repeat(600)),
        JdbcDedupStore.storedKey("x".repeat(600)));
  }

  @Test
  void jdbcExceptionsKeepTheirReasonCauseAndSqlState() {
    SQLException cause = new SQLException("Connection refused", "08001");
    JdbcException e = Sql.failure("dedup table t: cannot record a delivery key", cause);
    assertEquals(JdbcException.Reason.UNAVAILABLE, e.reason());
    assertEquals("UNAVAILABLE", e.code());
    assertEquals(Optional.of("08001"), e.sqlState());
    assertEquals("dedup table t: cannot record a delivery key: the database is unavailable"
        + " (SQLSTATE 08001: Connection refused)", e.getMessage());
    assertEquals(cause, e.getCause());
    assertEquals(Optional.empty(),
        new JdbcException(JdbcException.Reason.STATEMENT_FAILED, "x", null).sqlState());
    assertEquals(JdbcException.Reason.TIMEOUT,
        Sql.classify(new SQLException("canceled", "57014")));
    assertEquals(JdbcException.Reason.UNAVAILABLE,
        Sql.classify(new SQLException("terminating connection", "57P01")));
    assertEquals(JdbcException.Reason.UNAVAILABLE,
        Sql.classify(new SQLException("password authentication failed", "28P01")));
    assertEquals(JdbcException.Reason.MISSING_TABLE,
        Sql.classify(new SQLException("relation does not exist", "42P01")));
    assertEquals(JdbcException.Reason.STATEMENT_FAILED,
        Sql.classify(new SQLException("permission denied", "42501")));
    assertEquals(JdbcException.Reason.STATEMENT_FAILED, Sql.classify(new SQLException("?")));
    assertThrows(NullPointerException.class, () -> new JdbcException(null, "x", null));
  }
}
