package dev.buildbridge.samples.gateway;

import dev.buildbridge.amqp.AmqpException;
import dev.buildbridge.amqp.AmqpJobPublisher;
import dev.buildbridge.amqp.AmqpJobResultConsumer;
import dev.buildbridge.amqp.AmqpTopology;
import dev.buildbridge.amqp.JobResultHandler;
import dev.buildbridge.jdbc.JdbcDedupStore;
import dev.buildbridge.jdbc.JdbcOutboxStore;
import dev.buildbridge.samples.gateway.GatewayException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The scaled-out wiring: jobs published to RabbitMQ with publisher confirms and results consumed
 * from it (sdk-amqp), delivery dedup and the KCIDB outbox in PostgreSQL tables that every
 * instance shares (sdk-jdbc).
 */
final class ScaleOut {
  private ScaleOut() {}

  /** Solstice's names for {@code solstice}, the same pattern under another prefix. */
  static AmqpTopology topology(String prefix) {
    if (prefix.equals(GatewayConfig.DEFAULT_AMQP_PREFIX)) {
      return AmqpTopology.solstice();
    }
    return AmqpTopology.newBuilder()
        .exchange(prefix + ".jobs").queue(prefix + ".jobs.v1")
        .deadLetterExchange(prefix + ".dlx").deadLetterQueue(prefix + ".jobs.v1.dlq")
        .resultsExchange(prefix + ".results").resultsQueue(prefix + ".results.v1")
        .resultsDeadLetterExchange(prefix + ".results.dlx")
        .resultsDeadLetterQueue(prefix + ".results.v1.dlq")
        .build();
  }

  /** The job sink: connects on the first delivery, confirms before the forge gets its answer. */
  static AmqpJobPublisher publisher(GatewayConfig config, AmqpTopology topology) {
    try {
      return AmqpJobPublisher.newBuilder()
          .uri(config.amqpUrl().toString())
          .topology(topology)
          .connectionName("buildbridge-gateway-jobs")
          .build();
    } catch (IllegalArgumentException e) {
      throw new GatewayException(Reason.INVALID_CONFIG, "BB_AMQP_URL: " + e.getMessage(), e);
    }
  }

  /** The results consumer, started: the broker must answer now. */
  static AmqpJobResultConsumer consumer(GatewayConfig config, AmqpTopology topology,
      JobResultHandler handler) {
    try {
      return AmqpJobResultConsumer.newBuilder()
          .uri(config.amqpUrl().toString())
          .topology(topology)
          .handler(handler)
          .connectionName("buildbridge-gateway-results")
          .build()
          .start();
    } catch (AmqpException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot consume results from "
          + GatewayConfig.redactUri(config.amqpUrl()) + ": " + e.getMessage(), e);
    }
  }

  /** The shared tables and how to tell the database answers. */
  record Database(PGSimpleDataSource dataSource, JdbcDedupStore dedup, JdbcOutboxStore outbox) {

    Health.Status probe() {
      try (Connection c = dataSource.getConnection()) {
        boolean valid = c.isValid(2);
        return new Health.Status(valid, GatewayConfig.redactJdbc(dataSource.getURL())
            + (valid ? " answers" : " does not answer"));
      } catch (SQLException e) {
        return new Health.Status(false, GatewayConfig.redactJdbc(dataSource.getURL())
            + " does not answer: " + e.getMessage());
      }
    }
  }

  /** Connects, creates the schema and tables when missing, and builds both stores. */
  static Database database(GatewayConfig config) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(config.jdbcUrl());
    } catch (IllegalArgumentException e) {
      throw new GatewayException(Reason.INVALID_CONFIG, "BB_JDBC_URL: " + e.getMessage(), e);
    }
    if (config.jdbcUser() != null) {
      ds.setUser(config.jdbcUser());
    }
    if (config.jdbcPassword() != null) {
      ds.setPassword(config.jdbcPassword());
    }
    ds.setConnectTimeout(5);
    ds.setSocketTimeout(60);
    ds.setApplicationName("buildbridge-gateway");
    String schema = config.jdbcSchema();
    String prefix = schema == null ? "" : schema + ".";
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + schema); // a checked identifier
      }
    } catch (SQLException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot use the database "
          + GatewayConfig.redactJdbc(config.jdbcUrl()) + ": " + e.getMessage(), e);
    }
    JdbcDedupStore dedup = JdbcDedupStore.newBuilder().dataSource(ds)
        .table(prefix + JdbcDedupStore.DEFAULT_TABLE).build();
    JdbcOutboxStore outbox = JdbcOutboxStore.newBuilder().dataSource(ds)
        .table(prefix + JdbcOutboxStore.DEFAULT_TABLE).build();
    try {
      dedup.createTableIfMissing();
      outbox.createTableIfMissing();
    } catch (RuntimeException e) {
      outbox.close();
      throw new GatewayException(Reason.START_FAILED, "cannot create the gateway's tables in "
          + GatewayConfig.redactJdbc(config.jdbcUrl()) + ": " + e.getMessage(), e);
    }
    return new Database(ds, dedup, outbox);
  }
}
