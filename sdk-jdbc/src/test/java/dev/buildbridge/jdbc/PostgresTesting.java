package dev.buildbridge.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the tests use: {@code -Dbuildbridge.postgres.url=...}, else the environment
 * variable {@code BUILDBRIDGE_POSTGRES_URL}, else {@value #DEFAULT_URL}. When nothing answers
 * there, {@link Schema#create()} skips the calling test class with a message on stderr, so that a
 * fresh clone without PostgreSQL still builds.
 */
final class PostgresTesting {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static String unavailable;
  private static boolean probed;

  private PostgresTesting() {}

  static String url() {
    String url = System.getProperty("buildbridge.postgres.url");
    if (url == null || url.isBlank()) {
      url = System.getenv("BUILDBRIDGE_POSTGRES_URL");
    }
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /** A data source of the test database (a new physical connection per call). */
  static PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url());
    ds.setConnectTimeout(5);
    ds.setSocketTimeout(60);
    ds.setApplicationName("buildbridge-sdk-jdbc-test");
    return ds;
  }

  /** Skips the caller, with a printed reason, when the test database does not answer. */
  static synchronized void require() {
    if (!probed) {
      probed = true;
      try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      } catch (SQLException e) {
        unavailable = e.getMessage();
        System.err.println("[buildbridge] SKIPPED: the PostgreSQL tests of sdk-jdbc, no database"
            + " at " + url() + " (" + unavailable + "); set -Dbuildbridge.postgres.url=JDBC-URL"
            + " or BUILDBRIDGE_POSTGRES_URL");
      }
    }
    assumeTrue(unavailable == null, () -> "no PostgreSQL at " + url() + " (" + unavailable
        + "); set -Dbuildbridge.postgres.url or BUILDBRIDGE_POSTGRES_URL");
  }

  /** A data source of a port on loopback where nothing listens. */
  static PGSimpleDataSource closedPort() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName("test");
    ds.setUser("postgres");
    ds.setConnectTimeout(2);
    return ds;
  }

  /** A schema of its own for one test class, with a random name; {@link #close()} drops it. */
  static final class Schema implements AutoCloseable {
    final String name;

    private Schema(String name) {
      this.name = name;
    }

    /** Creates a fresh schema, or skips the calling test class when there is no database. */
    static Schema create() {
      require();
      byte[] random = new byte[6];
      new SecureRandom().nextBytes(random);
      Schema schema = new Schema("bb_test_" + HexFormat.of().formatHex(random));
      schema.execute("CREATE SCHEMA " + schema.name);
      return schema;
    }

    /** A qualified table name in this schema. */
    String table(String table) {
      return name + "." + table;
    }

    /** A data source whose search path is this schema. */
    PGSimpleDataSource dataSource() {
      PGSimpleDataSource ds = PostgresTesting.dataSource();
      ds.setCurrentSchema(name);
      return ds;
    }

    void execute(String sql) {
      try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    long queryLong(String sql) {
      try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        if (!rs.next()) {
          throw new IllegalStateException("no row from " + sql);
        }
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
