package dev.buildbridge.kcidb.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.buildbridge.kcidb.submit.SubmitTesting.SUBMISSION_ID;
import static dev.buildbridge.kcidb.submit.SubmitTesting.TOKEN;
import static dev.buildbridge.kcidb.submit.SubmitTesting.accepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The javadoc examples of the submit package, against a local server. */
class SubmitExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = SubmitTesting.wireMock();

  private static final Logger log = System.getLogger(SubmitExamplesTest.class.getName());

  @TempDir
  Path dir;

  private final ObjectNode document = SubmitTesting.fixtureTree("document.json");
  private final String jwt = TOKEN;

  @BeforeEach
  void kcidb() {
    wm.stubFor(post("/submit").willReturn(aResponse().withBody(accepted(SUBMISSION_ID))));
    wm.stubFor(get(urlPathEqualTo("/status")).willReturn(aResponse().withBody("{\"id\":\""
        + SUBMISSION_ID + "\",\"status\":\"processed\",\"message\":\"File archived\"}")));
  }

  /** {@link KcidbClient}. */
  @Test
  void clientExample() {
    KcidbClient kcidb = KcidbClient.newBuilder()
        .baseUrl(URI.create(wm.baseUrl()))                // KcidbClient.STAGING in the docs
        .token(jwt)
        .build();
    SubmitResult result = kcidb.submit(document);
    SubmissionStatus status = kcidb.status(result.ids().get(0));

    assertEquals(SubmissionStatus.State.PROCESSED, status.state());
  }

  /** {@link KcidbClient.Builder#restUri(String)}. */
  @Test
  void restUriExample() {
    String kcidbRest = "http://" + jwt + "@" + URI.create(wm.baseUrl()).getAuthority();
    KcidbClient kcidb = KcidbClient.newBuilder().restUri(kcidbRest).build();
    assertEquals(List.of(SUBMISSION_ID), kcidb.submit(document).ids());
  }

  /** {@link KcidbOutbox}, {@link FileOutboxStore} and the package. */
  @Test
  void outboxExample() throws Exception {
    KcidbClient kcidb = KcidbClient.newBuilder()
        .baseUrl(wm.baseUrl())                            // KcidbClient.PRODUCTION in the docs
        .token(jwt)
        .build();
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
            .store(FileOutboxStore.open(dir.resolve("kcidb-outbox")))
            .client(kcidb)
            .build()) {
      outbox.start();
      outbox.submit(document);

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!outbox.pending().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(List.of(), outbox.pending());
    }
  }

  /** {@link OutboxStore}. */
  @Test
  void storeExample() {
    KcidbClient kcidb = SubmitTesting.client(wm).build();
    OutboxStore store = FileOutboxStore.open(dir.resolve("kcidb-outbox"));
    KcidbOutbox outbox = KcidbOutbox.newBuilder().store(store).client(kcidb).build();
    outbox.close();
    assertTrue(outbox.toString().contains("closed"));
  }

  /** {@link KcidbSplitter}. */
  @Test
  void splitterExample() {
    KcidbClient client = SubmitTesting.client(wm).build();
    List<byte[]> parts = KcidbSplitter.split(document, 4 << 20); // 4 MiB per POST /submit
    for (byte[] part : parts) {
      client.submit(part);
    }
    assertEquals(1, wm.getAllServeEvents().size());
  }

  /** {@link SubmitResult}, {@link Submission} and {@link SubmissionStatus}. */
  @Test
  void resultAndStatusExamples() throws InterruptedException {
    KcidbClient client = SubmitTesting.client(wm).build();
    SubmitResult result = client.submit(document);
    String first = result.ids().get(0);
    for (Submission s : client.submit(document).submissions()) {
      log.log(Level.INFO, "KCIDB submission " + s.id() + " (" + s.bytes() + " bytes)");
    }
    SubmissionStatus status = client.status(result.ids().get(0));
    while (!status.state().isFinal()) {
      Thread.sleep(5_000);
      status = client.status(status.id());
    }
    assertEquals(SUBMISSION_ID, first);
  }

  /** {@link FlushResult}, {@link OutboxEntry} and {@link EntryId}. */
  @Test
  void flushAndPendingExamples() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(503)));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(SubmitTesting.client(wm).build())
        .build()) {
      List<EntryId> ids = outbox.submit(document);
      boolean stillPending = outbox.pending().stream().anyMatch(e -> e.id().equals(ids.get(0)));

      FlushResult result = outbox.flush();
      if (!result.isComplete()) {
        log.log(Level.WARNING, result.remaining() + " KCIDB documents pending: "
            + result.failure().map(Throwable::getMessage).orElse("some are parked"));
      }
      for (FlushResult.Delivered d : result.delivered()) {
        log.log(Level.DEBUG, d.entry() + " -> " + d.submissionIds());
      }
      for (OutboxEntry e : outbox.pending()) {
        out.printf("%s %d bytes, %d attempts%s: %s%n", e.id(), e.bytes(), e.attempts(),
            e.parked() ? " (parked)" : "", e.lastError().orElse("-"));
      }

      assertTrue(stillPending);
      assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith(ids.get(0) + " "));
    }
  }
}
