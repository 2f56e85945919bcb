package dev.buildbridge.samples.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * The RabbitMQ ({@code 127.0.0.1:5672}, guest/guest) and PostgreSQL
 * ({@code -Dbuildbridge.postgres.url}, {@code BUILDBRIDGE_POSTGRES_URL}, else
 * {@value #DEFAULT_POSTGRES_URL}) the scaled-out tests use. A test that needs one calls
 * {@link #requireRabbitMq()} or {@link #requirePostgres()}: when nothing answers, it is skipped
 * with a message on stderr.
 */
final class LocalServices {
  static final String RABBIT_HOST = "127.0.0.1";
  static final int RABBIT_PORT = 5672;
  static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static String rabbitProblem;
  private static String postgresProblem;
  private static boolean rabbitProbed;
  private static boolean postgresProbed;

  private LocalServices() {}

  static ConnectionFactory rabbit() {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(RABBIT_HOST);
    f.setPort(RABBIT_PORT);
    f.setUsername("guest");
    f.setPassword("guest");
    f.setConnectionTimeout(2000);
    f.setAutomaticRecoveryEnabled(false);
    return f;
  }

  static synchronized void requireRabbitMq() {
    if (!rabbitProbed) {
      rabbitProbed = true;
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(RABBIT_HOST, RABBIT_PORT), 500);
        try (Connection c = rabbit().newConnection("buildbridge-gateway-test-probe")) {
          rabbitProblem = c.isOpen() ? null : "the connection closed at once";
        }
      } catch (IOException | TimeoutException e) {
        rabbitProblem = e.toString();
      }
      if (rabbitProblem != null) {
        System.err.println("[buildbridge] SKIPPED: the gateway's RabbitMQ tests, no broker at "
            + RABBIT_HOST + ":" + RABBIT_PORT + " with guest/guest (" + rabbitProblem + ")");
      }
    }
    assumeTrue(rabbitProblem == null, () -> "no RabbitMQ at " + RABBIT_HOST + ":" + RABBIT_PORT
        + ": " + rabbitProblem);
  }

  static String postgresUrl() {
    String url = System.getProperty("buildbridge.postgres.url");
    if (url == null || url.isBlank()) {
      url = System.getenv("BUILDBRIDGE_POSTGRES_URL");
    }
    return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
  }

  static synchronized void requirePostgres() {
    if (!postgresProbed) {
      postgresProbed = true;
      DriverManager.setLoginTimeout(3);
      try (java.sql.Connection c = DriverManager.getConnection(postgresUrl())) {
        postgresProblem = c.isValid(2) ? null : "the connection is not valid";
      } catch (SQLException e) {
        postgresProblem = e.getMessage();
      }
      if (postgresProblem != null) {
        System.err.println("[buildbridge] SKIPPED: the gateway's PostgreSQL tests, no database at "
            + postgresUrl() + " (" + postgresProblem + "); set -Dbuildbridge.postgres.url=JDBC-URL"
            + " or BUILDBRIDGE_POSTGRES_URL");
      }
    }
    assumeTrue(postgresProblem == null, () -> "no PostgreSQL at " + postgresUrl() + ": "
        + postgresProblem);
  }

  /** Runs one statement on the test database. */
  static void sql(String statement) throws SQLException {
    try (java.sql.Connection c = DriverManager.getConnection(postgresUrl());
        java.sql.Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
