package dev.buildbridge.kcidb.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.buildbridge.kcidb.submit.SubmitTesting.SUBMISSION_ID;
import static dev.buildbridge.kcidb.submit.SubmitTesting.accepted;
import static dev.buildbridge.kcidb.submit.SubmitTesting.marker;
import static dev.buildbridge.kcidb.submit.SubmitTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.kcidb.KcidbException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (see {@link OutboxCrashChild}) while it flushes or journals, then restarts in
 * this process on the same directory and checks that nothing was lost and that the only document
 * sent twice is the one in flight at the kill.
 */
class OutboxCrashTest {
  @RegisterExtension
  static WireMockExtension wm = SubmitTesting.wireMock();

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path temp;

  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A child JVM on this test's class path, its stdout read line by line. */
  private final class Child {
    final Process process;
    final List<String> lines = new ArrayList<>();
    final Path log;

    Child(String... args) throws IOException {
      String classPath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath,
          OutboxCrashChild.class.getName()));
      command.addAll(List.of(args));
      log = Files.createTempFile(temp, "child", ".log");
      process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      children.add(process);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(line);
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          // the child was killed
        } finally {
          synchronized (lines) {
            lines.add("EOF");
            lines.notifyAll();
          }
        }
      }, "child-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits until {@code count} lines match. */
    void await(Predicate<String> match, int count, String what) throws Exception {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      synchronized (lines) {
        while (lines.stream().filter(match).count() < count) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0 || lines.contains("EOF")) {
            throw new AssertionError("child never printed " + what + "; stdout " + lines
                + ", stderr:\n" + Files.readString(log));
          }
          lines.wait(left);
        }
      }
    }

    /** Kills the child and waits until it is gone and its output is read. */
    List<String> kill() throws Exception {
      process.destroyForcibly();
      assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      await(line -> line.equals("EOF"), 1, "EOF");
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }
  }

  /** Large enough that writing and syncing an entry takes a while. */
  private static final int PADDING = 512 * 1024;

  /** Polls the directory until a journal write is under way (a .tmp file), for up to 5 s. */
  private static void awaitUnfinishedWrite(Path dir) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files.anyMatch(p -> p.toString().endsWith(".tmp"))) {
          return;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // a rename raced the listing
      }
    }
  }

  private static List<LoggedRequest> posts() {
    return wm.findAll(postRequestedFor(urlPathEqualTo("/submit")));
  }

  private static void awaitPosts(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (posts().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("KCIDB never received " + count + " submissions");
      }
      Thread.sleep(2);
    }
  }

  private static KcidbClient client() {
    return SubmitTesting.client(wm).build();
  }

  /** The markers of the documents pending in a directory, read back through a store. */
  private static List<String> pendingMarkers(Path dir) {
    List<String> out = new ArrayList<>();
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertEquals(List.of(), store.quarantined());
      for (OutboxEntry e : store.entries()) {
        JsonNode doc = parse(store.document(e.id()));
        out.add(marker(doc));
      }
    }
    return out;
  }

  @Test
  void aChildKilledInTheMiddleOfAFlushLosesNothingAndResendsOnlyWhatWasInFlight()
      throws Exception {
    // slow answers, so that the kill lands while a submission is in flight
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID)).withFixedDelay(200)));
    Path dir = temp.resolve("outbox");
    int n = 8;
    Child child = new Child("flush", dir.toString(),
        Integer.toString(URI.create(wm.baseUrl()).getPort()), Integer.toString(n));
    child.await(line -> line.equals("SUBMITTED " + n), 1, "SUBMITTED");
    awaitPosts(3);
    List<String> output = child.kill();
    assertFalse(output.stream().anyMatch(l -> l.startsWith("FLUSHED")), "killed too late");
    int receivedBeforeKill = posts().size();
    assertTrue(receivedBeforeKill >= 3 && receivedBeforeKill < n, "" + receivedBeforeKill);

    Set<String> all = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      all.add("doc" + i);
    }
    Set<String> pendingAtKill = new TreeSet<>(pendingMarkers(dir));
    Set<String> acknowledged = new TreeSet<>(all);
    acknowledged.removeAll(pendingAtKill);
    assertFalse(acknowledged.isEmpty(), "the child delivered some before the kill");
    assertFalse(pendingAtKill.isEmpty(), "the child was killed before the end");
    assertTrue(all.containsAll(pendingAtKill));

    // restart on the same directory, with a prompt KCIDB
    wm.resetMappings();
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID))));
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder().store(FileOutboxStore.open(dir))
        .client(client()).build()) {
      FlushResult result = outbox.flush();
      assertTrue(result.isComplete(), result::toString);
      assertEquals(pendingAtKill.size(), result.delivered().size());
      assertEquals(List.of(), outbox.pending());
    }

    Map<String, Integer> received = new TreeMap<>();
    for (LoggedRequest r : posts()) {
      received.merge(marker(parse(r.getBody())), 1, Integer::sum);
    }
    assertEquals(all, received.keySet(), "every document reached KCIDB");
    for (String m : acknowledged) {
      assertEquals(1, received.get(m), m + " was acknowledged, it must not be sent again");
    }
    Set<String> twice = new TreeSet<>();
    received.forEach((m, count) -> {
      if (count > 1) {
        twice.add(m);
      }
    });
    System.out.println("OutboxCrashTest: killed during a flush after " + receivedBeforeKill
        + " of " + n + " submissions were received; " + acknowledged.size()
        + " acknowledged before the kill, sent twice: " + twice);
    assertTrue(twice.size() <= 1, "only the submission in flight may go twice: " + twice);
    assertTrue(pendingAtKill.containsAll(twice));
    assertEquals(n + twice.size(), posts().size());
  }

  @Test
  void childrenKilledWhileJournalingLeaveNoDamagedEntryAndLoseNoAcknowledgedOne()
      throws Exception {
    Path dir = temp.resolve("journal");
    Set<String> acknowledged = new HashSet<>();
    int unfinishedWrites = 0;
    for (int round = 0; round < 3; round++) {
      Child child = new Child("submit", dir.toString(), "r" + round + "-",
          Integer.toString(PADDING));
      child.await(line -> line.startsWith("ACK "), 5 + 7 * round, "ACKs");
      awaitUnfinishedWrite(dir); // kill in the middle of a journal write, if we catch one
      for (String line : child.kill()) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
        }
      }
      try (Stream<Path> files = Files.list(dir)) {
        unfinishedWrites += (int) files.filter(p -> p.toString().endsWith(".tmp")).count();
      }
    }
    System.out.println("OutboxCrashTest: " + acknowledged.size() + " acknowledged submits, "
        + unfinishedWrites + " unfinished write(s) left by 3 kills");
    assertTrue(unfinishedWrites > 0, "no kill landed in the middle of a write: nothing shown");

    List<String> journaled = pendingMarkers(dir); // every entry intact, none quarantined
    assertEquals(journaled.size(), new HashSet<>(journaled).size(), "no entry twice");
    assertTrue(journaled.containsAll(acknowledged), "an acknowledged submit was lost");
    // at most the one submit per kill that was complete but not yet acknowledged
    assertTrue(journaled.size() <= acknowledged.size() + 3, journaled.size() + " entries");

    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID))));
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder().store(FileOutboxStore.open(dir))
        .client(client()).build()) {
      assertTrue(outbox.flush().isComplete());
    }
    List<String> received = new ArrayList<>();
    for (LoggedRequest r : posts()) {
      JsonNode doc = parse(r.getBody()); // every document sent is whole JSON
      assertEquals(PADDING, doc.path("tests").path(0).path("misc").path("padding").asText().length());
      received.add(marker(doc));
    }
    assertEquals(journaled, received, "sent once each, in the order submitted");
  }

  @Test
  void anotherProcessHoldingTheDirectoryKeepsThisOneOut() throws Exception {
    Path dir = temp.resolve("locked");
    Child child = new Child("lock", dir.toString());
    child.await(line -> line.startsWith("LOCKED"), 1, "LOCKED");
    KcidbException e = assertThrows(KcidbException.class, () -> FileOutboxStore.open(dir));
    assertEquals(KcidbException.Reason.OUTBOX_IO, e.reason());
    assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    child.kill(); // the operating system releases the lock of a dead process
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      assertNotNull(store.entries());
    }
  }
}
