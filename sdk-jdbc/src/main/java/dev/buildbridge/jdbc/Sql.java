package dev.buildbridge.jdbc;

import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/** Names, connections, statements and failures, shared by the stores. Not public API. */
final class Sql {
  private static final System.Logger LOG = System.getLogger(Sql.class.getName());

  /** PostgreSQL's longest identifier (NAMEDATALEN - 1 bytes). */
  static final int MAX_IDENTIFIER = 63;
  /** The longest query timeout {@link java.sql.Statement#setQueryTimeout(int)} takes. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(Integer.MAX_VALUE);
  /** Runs {@link Connection#abort(Executor)}'s clean-up on the calling thread. */
  private static final Executor DIRECT = Runnable::run;

  private Sql() {}

  /**
   * A table name checked by {@link #tableName}: only lower-case ASCII letters, digits and
   * {@code _}, so that quoting it is exact and it can never break out of a statement.
   *
   * @param schema the schema, or {@code null} for the connection's search path
   * @param table the table
   */
  record TableName(String schema, String table) {

    /** The name as SQL, quoted: {@code "bridge"."kcidb_outbox"}. */
    String sql() {
      return schema == null ? '"' + table + '"' : '"' + schema + "\".\"" + table + '"';
    }

    /** An index or constraint name derived from the table's, quoted (never schema-qualified). */
    String derived(String suffix) {
      return '"' + table + suffix + '"';
    }

    /** The name as given: {@code bridge.kcidb_outbox}. */
    @Override
    public String toString() {
      return schema == null ? table : schema + "." + table;
    }
  }

  /**
   * Checks a table name: one or two parts ({@code table} or {@code schema.table}) of lower-case
   * ASCII letters, digits and {@code _}, not starting with a digit.
   *
   * @param name the name to check
   * @param maxTable the longest table part, so that names derived from it fit PostgreSQL's limit
   * @return the checked name
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if it is refused; the message says why
   */
  static TableName tableName(String name, int maxTable) {
    Objects.requireNonNull(name, "table");
    int dot = name.indexOf('.');
    String schema = dot < 0 ? null : name.substring(0, dot);
    String table = dot < 0 ? name : name.substring(dot + 1);
    String problem = schema == null ? null : problem("schema", schema, MAX_IDENTIFIER);
    if (problem == null) {
      problem = problem("table", table, maxTable);
    }
    if (problem != null) {
      throw new IllegalArgumentException("table must be a PostgreSQL name, optionally"
          + " schema-qualified (\"kcidb_outbox\", \"bridge.kcidb_outbox\"), of lower-case ASCII"
          + " letters, digits and '_', not starting with a digit: " + problem + "; was "
          + quote(name));
    }
    return new TableName(schema, table);
  }

  private static String problem(String what, String part, int max) {
    if (part.isEmpty()) {
      return "the " + what + " part is empty";
    }
    if (part.length() > max) {
      return "the " + what + " part has " + part.length() + " characters, at most " + max
          + " are allowed";
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return c >= '0' && c <= '9' ? "the " + what + " part starts with a digit"
            : "the " + what + " part has " + describe(c) + " at index " + i;
      }
    }
    return null;
  }

  private static String describe(char c) {
    if (c >= 'A' && c <= 'Z') {
      return "the upper-case letter '" + c + "' (PostgreSQL folds unquoted names to lower case)";
    }
    if (c >= 0x21 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  /** Quotes text for a message: at most 80 characters, control characters escaped. */
  static String quote(String text) {
    int max = 80;
    StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 8).append('"');
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (text.length() > max) {
      b.append("... (").append(text.length()).append(" characters)");
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- failures

  /**
   * Whether a failure means the connection is gone or could not be made (SQLSTATE classes 08,
   * 28, 53, 57P and 3D000, or a driver exception saying so).
   */
  static boolean isConnectionFailure(SQLException e) {
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("28")
        || state.startsWith("53") || state.startsWith("57P") || state.equals("3D000"));
  }

  static JdbcException.Reason classify(SQLException e) {
    String state = e.getSQLState();
    if (e instanceof SQLTimeoutException || "57014".equals(state)) {
      return JdbcException.Reason.TIMEOUT;
    }
    if (isConnectionFailure(e)) {
      return JdbcException.Reason.UNAVAILABLE;
    }
    if ("42P01".equals(state) || "3F000".equals(state)) {
      return JdbcException.Reason.MISSING_TABLE;
    }
    return JdbcException.Reason.STATEMENT_FAILED;
  }

  /**
   * Wraps a driver failure.
   *
   * @param what the operation and the table, such as {@code dedup table x: cannot record a key}
   * @param e the failure
   * @return the exception to throw
   */
  static JdbcException failure(String what, SQLException e) {
    JdbcException.Reason reason = classify(e);
    String hint;
    switch (reason) {
      case UNAVAILABLE:
        hint = "the database is unavailable";
        break;
      case TIMEOUT:
        hint = "the query timeout passed";
        break;
      case MISSING_TABLE:
        hint = "the table does not exist (run createTableIfMissing() or the DDL)";
        break;
      default:
        hint = "the database refused the statement";
        break;
    }
    String state = e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ";
    return new JdbcException(reason, what + ": " + hint + " (" + state + e.getMessage() + ")", e);
  }

  // ---------------------------------------------------------------- connections

  /** Work done with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work on a connection of the data source, committed when it returns: in autocommit mode
   * each statement commits; on a connection a pool hands out with autocommit off, the work is
   * committed (or rolled back) before the connection goes back.
   */
  static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (c.getAutoCommit()) {
        return work.run(c);
      }
      return commit(c, work);
    }
  }

  /** Runs work in one transaction on a connection of the data source. */
  static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      if (auto) {
        c.setAutoCommit(false);
      }
      try {
        return commit(c, work);
      } finally {
        if (auto) {
          try {
            c.setAutoCommit(true);
          } catch (SQLException e) {
            LOG.log(Level.DEBUG, "cannot restore autocommit: " + e);
          }
        }
      }
    }
  }

  private static <T> T commit(Connection c, Work<T> work) throws SQLException {
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    }
  }

  /**
   * Runs {@code CREATE ... IF NOT EXISTS} statements in one transaction. Two instances creating
   * the same table at once can make PostgreSQL fail on its catalog's unique index (SQLSTATE
   * 23505 or 42P07); the statements are then tried once more, finding the table there.
   */
  static void createTable(DataSource dataSource, TableName table, String ddl, int timeout)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction(dataSource, c -> {
          try (Statement s = c.createStatement()) {
            if (timeout > 0) {
              s.setQueryTimeout(timeout);
            }
            s.execute(ddl);
          }
          return null;
        });
        return;
      } catch (SQLException e) {
        boolean race = "23505".equals(e.getSQLState()) || "42P07".equals(e.getSQLState());
        if (!race || attempt == 2) {
          throw e;
        }
        LOG.log(Level.DEBUG, () -> "another instance created " + table + " at the same time;"
            + " trying again");
      }
    }
  }

  /** Prepares a statement with a query timeout in seconds (0: none). */
  static PreparedStatement prepare(Connection c, String sql, int timeoutSeconds)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    if (timeoutSeconds > 0) {
      s.setQueryTimeout(timeoutSeconds);
    }
    return s;
  }

  /**
   * Ends a connection for good, even one a pool would otherwise take back (with whatever session
   * state it has): {@link Connection#abort}, else {@link Connection#close}.
   */
  static void abort(Connection c) {
    try {
      c.abort(DIRECT);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.DEBUG, "cannot abort a connection (" + e + "); closing it");
      try {
        c.close();
      } catch (SQLException | RuntimeException e2) {
        LOG.log(Level.DEBUG, "cannot close a connection: " + e2);
      }
    }
  }

  // ---------------------------------------------------------------- values

  /**
   * Returns a query timeout in whole seconds, rounded up.
   *
   * @throws IllegalArgumentException if negative or too long
   */
  static int timeoutSeconds(Duration timeout) {
    Objects.requireNonNull(timeout, "queryTimeout");
    if (timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("queryTimeout must be between 0 (none) and "
          + MAX_TIMEOUT + ", was " + timeout);
    }
    long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /** An instant at PostgreSQL's precision (microseconds). */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The SHA-256 of a string's UTF-16 code units: lossless for any string, lone surrogates too. */
  static String sha256Utf16(String text) {
    MessageDigest digest = digest();
    byte[] chunk = new byte[2 * 256];
    for (int from = 0; from < text.length(); from += 256) {
      int to = Math.min(text.length(), from + 256);
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        chunk[2 * (i - from)] = (byte) (c >>> 8);
        chunk[2 * (i - from) + 1] = (byte) c;
      }
      digest.update(chunk, 0, 2 * (to - from));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
