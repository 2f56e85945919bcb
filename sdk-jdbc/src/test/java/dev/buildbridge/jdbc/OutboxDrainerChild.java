package dev.buildbridge.jdbc;

import dev.buildbridge.kcidb.submit.KcidbOutbox;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The gateway {@link JdbcOutboxKillTest} kills: {@code JDBC-URL TABLE KCIDB-BASE-URL GATEWAY}
 * takes the drain lock of TABLE, prints {@code LOCKED <pending>}, then flushes to
 * KCIDB-BASE-URL/GATEWAY/submit until nothing is pending and prints {@code DRAINED}.
 */
public final class OutboxDrainerChild {
  private OutboxDrainerChild() {}

  /**
   * Runs the gateway.
   *
   * @param args the JDBC URL, the table, KCIDB's base URL and the gateway's name
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[0]);
    ds.setApplicationName(JdbcOutboxKillTest.CHILD_APPLICATION);
    JdbcOutboxStore store = JdbcOutboxStore.newBuilder().dataSource(ds).table(args[1]).build();
    int pending = store.entries().size();
    if (!store.holdsDrainLock()) {
      System.out.println("NOT-LOCKED");
      return;
    }
    System.out.println("LOCKED " + pending);
    System.out.flush();
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(store)
        .client(KcidbTesting.client(args[2], args[3]))
        .shutdownTimeout(Duration.ZERO)
        .build()) {
      while (store.countPending() > 0) {
        outbox.flush();
      }
    }
    System.out.println("DRAINED"); // the parent kills us before
    System.out.flush();
  }
}
