package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link OutboxCrashTest} kills. Modes:
 * <ul>
 *   <li>{@code flush DIR PORT N}: submits N documents (markers doc0..docN-1) to an outbox in DIR,
 *       prints {@code SUBMITTED N}, then flushes to http://127.0.0.1:PORT;
 *   <li>{@code submit DIR PREFIX PADDING}: submits documents PREFIX0, PREFIX1, ... with PADDING
 *       bytes each, forever, printing {@code ACK <marker>} after each submit returned;
 *   <li>{@code lock DIR}: opens the store, prints {@code LOCKED} and waits for stdin to close.
 * </ul>
 */
public final class OutboxCrashChild {
  private OutboxCrashChild() {}

  /**
   * Runs one mode.
   *
   * @param args the mode and its arguments
   * @throws IOException if stdin fails in lock mode
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "flush":
        flush(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "submit":
        submit(dir, args[2], Integer.parseInt(args[3]));
        break;
      case "lock":
        try (FileOutboxStore store = FileOutboxStore.open(dir)) {
          System.out.println("LOCKED " + store.entries().size());
          System.out.flush();
          while (System.in.read() >= 0) {
            // hold the lock until the parent closes our stdin or kills us
          }
        }
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static KcidbOutbox outbox(Path dir, int port) {
    return KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(KcidbClient.newBuilder()
            .baseUrl("http://127.0.0.1:" + port)
            .token(SubmitTesting.TOKEN)
            .transport(t -> t.maxAttempts(1).requestTimeout(Duration.ofSeconds(30)))
            .build())
        .build();
  }

  private static void flush(Path dir, int port, int n) {
    KcidbOutbox outbox = outbox(dir, port);
    for (int i = 0; i < n; i++) {
      outbox.submit(SubmitTesting.document("doc" + i));
    }
    System.out.println("SUBMITTED " + n);
    System.out.flush();
    FlushResult result = outbox.flush();
    System.out.println("FLUSHED " + result.delivered().size()); // the parent kills us before
    System.out.flush();
  }

  private static void submit(Path dir, String prefix, int padding) {
    KcidbOutbox outbox = outbox(dir, 9); // never sends
    String pad = "p".repeat(padding);
    for (int i = 0; ; i++) {
      ObjectNode doc = SubmitTesting.document(prefix + i);
      ((ObjectNode) doc.get("tests").get(0)).putObject("misc").put("padding", pad);
      outbox.submit(doc);
      System.out.println("ACK " + prefix + i);
      System.out.flush();
    }
  }
}
