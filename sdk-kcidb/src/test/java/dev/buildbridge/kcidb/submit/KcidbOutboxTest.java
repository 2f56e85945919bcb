package dev.buildbridge.kcidb.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.kcidb.submit.SubmitTesting.SUBMISSION_ID;
import static dev.buildbridge.kcidb.submit.SubmitTesting.TOKEN;
import static dev.buildbridge.kcidb.submit.SubmitTesting.accepted;
import static dev.buildbridge.kcidb.submit.SubmitTesting.document;
import static dev.buildbridge.kcidb.submit.SubmitTesting.error;
import static dev.buildbridge.kcidb.submit.SubmitTesting.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KcidbOutboxTest {
  @RegisterExtension
  static WireMockExtension wm = SubmitTesting.wireMock();

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  @TempDir
  Path dir;

  private final List<KcidbOutbox> opened = new ArrayList<>();

  @AfterEach
  void closeOutboxes() {
    opened.forEach(KcidbOutbox::close);
  }

  private KcidbOutbox outbox(KcidbClient client) {
    KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(client)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    opened.add(outbox);
    return outbox;
  }

  private KcidbOutbox outbox() {
    return outbox(SubmitTesting.client(wm).build());
  }

  private static void accept() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID))));
  }

  /** First answer {@code first}, then accept. */
  private static void failOnceThenAccept(ResponseDefinitionBuilder first) {
    wm.stubFor(post("/submit").inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("up"));
    wm.stubFor(post("/submit").inScenario("s").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody(accepted(SUBMISSION_ID))));
  }

  private static List<LoggedRequest> posts() {
    return wm.findAll(postRequestedFor(urlPathEqualTo("/submit")));
  }

  private static List<String> sentMarkers() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : posts()) {
      out.add(SubmitTesting.marker(parse(r.getBody())));
    }
    return out;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private static void assertNoToken(String text) {
    assertFalse(text.contains(TOKEN.substring(TOKEN.lastIndexOf('.') + 1)),
        () -> "token leaked into: " + text);
  }

  @Test
  void withAPollIntervalTheSenderSendsWhatAnotherInstanceAppendedToTheStore() throws Exception {
    accept();
    FileOutboxStore store = FileOutboxStore.open(dir);
    KcidbOutbox outbox = KcidbOutbox.newBuilder().store(store)
        .client(SubmitTesting.client(wm).build()).pollInterval(Duration.ofMillis(30)).build();
    opened.add(outbox);
    outbox.start();
    store.append(EntryId.random(), NOW,
        SubmitTesting.MAPPER.writeValueAsBytes(document("appended-elsewhere")));
    await(() -> wm.getAllServeEvents().size() == 1, "the polled entry to be sent");
    await(() -> outbox.pending().isEmpty(), "the entry to be delivered");
  }

  @Test
  void aNegativePollIntervalIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> KcidbOutbox.newBuilder().pollInterval(Duration.ofSeconds(-1)));
  }

  @Test
  void submitJournalsTheDocumentDurablyBeforeAnySend() throws Exception {
    accept();
    KcidbOutbox outbox = outbox();
    ObjectNode doc = document("journaled");
    List<EntryId> ids = outbox.submit(doc);
    assertEquals(1, ids.size());
    assertEquals(0, wm.getAllServeEvents().size());
    outbox.close();
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      OutboxEntry entry = store.entries().get(0);
      assertEquals(ids.get(0), entry.id());
      assertEquals(NOW, entry.created());
      assertArrayEquals(SubmitTesting.MAPPER.writeValueAsBytes(doc), store.document(entry.id()));
    }
  }

  @Test
  void aDocumentThatBreaksTheSchemaIsRefusedWithItsViolationsAndNothingJournaled() {
    KcidbOutbox outbox = outbox();
    ObjectNode doc = SubmitTesting.document("bad");
    ((ObjectNode) doc.get("builds").get(0)).put("start_time", "2026-01-01T00:00:00");
    dev.buildbridge.kcidb.KcidbValidationException e = assertThrows(
        dev.buildbridge.kcidb.KcidbValidationException.class, () -> outbox.submit(doc));
    assertEquals("/builds/0/start_time", e.violations().get(0).pointer());
    assertEquals(List.of(), outbox.pending());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void aServerErrorKeepsTheEntryPendingUntilKcidbAnswers200WithAnId() {
    failOnceThenAccept(aResponse().withStatus(500).withBody(error("Internal server error")));
    KcidbOutbox outbox = outbox();
    EntryId id = outbox.submit(document("e500")).get(0);

    FlushResult first = outbox.flush();
    assertEquals(List.of(), first.delivered());
    assertEquals(1, first.remaining());
    assertEquals(Reason.SUBMISSION_FAILED, first.failure().get().reason());
    OutboxEntry pending = outbox.pending().get(0);
    assertEquals(id, pending.id());
    assertEquals(1, pending.attempts());
    assertEquals(Optional.of(NOW), pending.lastAttempt());
    assertEquals(Optional.of(Reason.SUBMISSION_FAILED), pending.lastReason());
    assertTrue(pending.lastError().get().contains("500"), pending.lastError().get());
    assertFalse(pending.parked());

    FlushResult second = outbox.flush();
    assertEquals(List.of(new FlushResult.Delivered(id, List.of(SUBMISSION_ID))),
        second.delivered());
    assertTrue(second.isComplete());
    assertEquals(Optional.empty(), second.failure());
    assertEquals(List.of(), outbox.pending());
    List<LoggedRequest> posts = posts();
    assertEquals(2, posts.size());
    assertArrayEquals(posts.get(0).getBody(), posts.get(1).getBody()); // the same bytes again
  }

  @Test
  void aTimeoutKeepsTheEntryPendingAndTheSameDocumentIsSentAgain() {
    failOnceThenAccept(aResponse().withStatus(200).withBody(accepted(SUBMISSION_ID))
        .withFixedDelay(1_500));
    KcidbOutbox outbox = outbox(SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(1).requestTimeout(Duration.ofMillis(200))).build());
    outbox.submit(document("slow"));

    FlushResult first = outbox.flush();
    assertEquals(Reason.SUBMISSION_FAILED, first.failure().get().reason());
    assertEquals(1, outbox.pending().get(0).attempts());

    FlushResult second = outbox.flush();
    assertTrue(second.isComplete(), second::toString);
    assertEquals(List.of("slow", "slow"), sentMarkers());
  }

  @Test
  void anOkAnswerWithoutAnIdLeavesTheEntryPending() {
    failOnceThenAccept(aResponse().withStatus(200).withBody("{\"status\":\"ok\"}"));
    KcidbOutbox outbox = outbox();
    outbox.submit(document("noid"));
    FlushResult first = outbox.flush();
    assertEquals(1, first.remaining());
    assertTrue(outbox.pending().get(0).lastError().get().contains("without a submission id"));
    assertTrue(outbox.flush().isComplete());
  }

  @Test
  void anUnauthorizedAnswerParksTheEntryVisiblyUntilRetryParked() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(401)
        .withBody(error("Missing or invalid JWT (Bearer " + TOKEN + ")"))));
    KcidbOutbox outbox = outbox();
    EntryId first = outbox.submit(document("p1")).get(0);
    EntryId second = outbox.submit(document("p2")).get(0);

    FlushResult refused = outbox.flush();
    assertEquals(List.of(first), refused.parked());
    assertEquals(Reason.SUBMISSION_REFUSED, refused.failure().get().reason());
    assertEquals(2, refused.remaining());
    assertEquals(1, posts().size(), "a refused token ends the flush");
    OutboxEntry parked = outbox.pending().get(0);
    assertTrue(parked.parked());
    assertEquals(Optional.of(Reason.SUBMISSION_REFUSED), parked.lastReason());
    assertTrue(parked.lastError().get().contains("401 Unauthorized"), parked.lastError().get());
    assertNoToken(parked.toString());
    assertNoToken(refused.toString());
    assertEquals(0, outbox.pending().get(1).attempts());

    accept(); // the token was fixed on the server side
    FlushResult next = outbox.flush();
    assertEquals(List.of(second), next.delivered().stream().map(FlushResult.Delivered::entry)
        .toList());
    assertEquals(List.of(first), outbox.pending().stream().map(OutboxEntry::id).toList(),
        "parked entries are left alone");

    assertEquals(1, outbox.retryParked());
    assertTrue(outbox.flush().isComplete());
    assertEquals(List.of("p1", "p2", "p1"), sentMarkers());
    assertEquals(0, outbox.retryParked());
  }

  @Test
  void aRefusedDocumentIsParkedAndTheFlushGoesOn() {
    accept();
    wm.stubFor(post("/submit").withRequestBody(containing("c-bad")).willReturn(aResponse()
        .withStatus(400).withBody(error("EOF while parsing"))));
    KcidbOutbox outbox = outbox();
    outbox.submit(document("ok1"));
    EntryId bad = outbox.submit(document("bad")).get(0);
    outbox.submit(document("ok2"));
    FlushResult result = outbox.flush();
    assertEquals(2, result.delivered().size());
    assertEquals(List.of(bad), result.parked());
    assertEquals(Optional.empty(), result.failure());
    assertEquals(1, result.remaining());
    assertFalse(result.isComplete());
    assertEquals(List.of("ok1", "bad", "ok2"), sentMarkers());
    assertTrue(outbox.flush().delivered().isEmpty());
    assertEquals(3, posts().size(), "a parked entry is not sent again by flush");
  }

  @Test
  void entriesGoOutInOrderAndAFailureStopsTheFlushWhereItHappened() {
    accept();
    wm.stubFor(post("/submit").withRequestBody(containing("c-m3")).inScenario("m3")
        .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503))
        .willSetStateTo("up"));
    KcidbOutbox outbox = outbox();
    for (int i = 1; i <= 5; i++) {
      outbox.submit(document("m" + i));
    }
    FlushResult first = outbox.flush();
    assertEquals(2, first.delivered().size());
    assertEquals(3, first.remaining());
    assertEquals(List.of("m1", "m2", "m3"), sentMarkers(), "m4 and m5 wait behind m3");
    FlushResult second = outbox.flush();
    assertTrue(second.isComplete());
    assertEquals(List.of("m1", "m2", "m3", "m3", "m4", "m5"), sentMarkers());
  }

  @Test
  void aRateLimitWithRetryAfterDefersTheSender() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "120")));
    KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(SubmitTesting.client(wm).transport(t -> t.maxAttempts(3)
            .maxRetryWait(Duration.ofSeconds(1))).build())
        .backoff(Duration.ofMillis(10), Duration.ofMinutes(10))
        .build();
    opened.add(outbox);
    outbox.submit(document("busy"));
    FlushResult result = outbox.flush();
    assertEquals(Reason.SUBMISSION_FAILED, result.failure().get().reason());
    assertEquals(1, posts().size(), "the transport does not wait two minutes in a flush");
    Duration wait = outbox.backoffRemaining();
    assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0
        && wait.compareTo(Duration.ofSeconds(120)) <= 0, wait::toString);
    assertEquals(1, outbox.pending().get(0).attempts());
  }

  @Test
  void aShortRetryAfterIsWaitedOutWithinTheFlush() {
    failOnceThenAccept(aResponse().withStatus(429).withHeader("Retry-After", "3"));
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    KcidbOutbox outbox = outbox(SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(2).sleeper(sleeps::add)).build());
    outbox.submit(document("brief"));
    assertTrue(outbox.flush().isComplete());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    assertEquals(Duration.ZERO, outbox.backoffRemaining());
  }

  @Test
  void aLargeDocumentIsJournaledAsSeveralEntriesUnderTheCap() {
    accept();
    KcidbOutbox outbox = outbox(SubmitTesting.client(wm).maxDocumentBytes(2048).build());
    ObjectNode doc = SubmitTesting.bigDocument("big", 40, 150);
    List<EntryId> ids = outbox.submit(doc);
    assertTrue(ids.size() > 2);
    assertEquals(ids, outbox.pending().stream().map(OutboxEntry::id).toList());
    outbox.pending().forEach(e -> assertTrue(e.bytes() <= 2048));
    assertTrue(outbox.flush().isComplete());
    List<String> received = new ArrayList<>();
    for (LoggedRequest r : posts()) {
      assertTrue(r.getBody().length <= 2048);
      received.addAll(SubmitTesting.ids(parse(r.getBody())));
    }
    assertEquals(SubmitTesting.ids(doc), received);
  }

  @Test
  void anEntryLargerThanANewCapIsSplitWhenSent() {
    accept();
    KcidbOutbox before = outbox();
    before.submit(SubmitTesting.bigDocument("grown", 20, 150));
    before.close();
    KcidbOutbox after = outbox(SubmitTesting.client(wm).maxDocumentBytes(1024).build());
    FlushResult result = after.flush();
    assertTrue(result.isComplete());
    assertTrue(result.delivered().get(0).submissionIds().size() > 2);
    posts().forEach(r -> assertTrue(r.getBody().length <= 1024));
  }

  @Test
  void aDamagedEntryIsSetAsideAndTheFlushGoesOn() throws Exception {
    accept();
    KcidbOutbox outbox = outbox();
    outbox.submit(document("rot"));
    outbox.submit(document("sound"));
    Path first;
    try (var files = Files.list(dir)) {
      first = files.filter(p -> p.toString().endsWith(".entry")).sorted().findFirst().get();
    }
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 3] ^= 1;
    Files.write(first, bytes);
    FlushResult result = outbox.flush();
    assertEquals(1, result.delivered().size());
    assertTrue(result.isComplete());
    assertEquals(List.of("sound"), sentMarkers());
    try (var files = Files.list(dir.resolve(FileOutboxStore.QUARANTINE_DIRECTORY))) {
      assertEquals(2, files.count()); // the entry and its reason
    }
  }

  @Test
  void theBackgroundSenderDeliversPromptlyAfterASubmit() throws Exception {
    accept();
    KcidbOutbox outbox = outbox();
    outbox.start();
    outbox.start(); // harmless
    outbox.submit(document("bg"));
    await(() -> outbox.pending().isEmpty(), "delivery");
    assertEquals(List.of("bg"), sentMarkers());
  }

  @Test
  void theBackgroundSenderDrainsWhatAnEarlierRunLeft() throws Exception {
    accept();
    KcidbOutbox first = outbox();
    first.submit(document("left1"));
    first.submit(document("left2"));
    first.close();
    KcidbOutbox second = outbox();
    second.start();
    await(() -> second.pending().isEmpty(), "delivery");
    assertEquals(List.of("left1", "left2"), sentMarkers());
  }

  @Test
  void theBackgroundSenderBacksOffWhileKcidbFailsThenDelivers() throws Exception {
    wm.stubFor(post("/submit").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
    wm.stubFor(post("/submit").inScenario("flaky").whenScenarioStateIs("2")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("3"));
    wm.stubFor(post("/submit").inScenario("flaky").whenScenarioStateIs("3")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
    wm.stubFor(post("/submit").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody(accepted(SUBMISSION_ID))));
    KcidbOutbox outbox = outbox();
    outbox.start();
    long start = System.nanoTime();
    outbox.submit(document("flaky"));
    await(() -> outbox.pending().isEmpty(), "delivery");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(4, posts().size());
    // three waits of at least 10, 20 and 40 ms (half of 20 * 2^(n-1))
    assertTrue(took.compareTo(Duration.ofMillis(70)) >= 0, took::toString);
  }

  @Test
  void closeStopsTheSenderAndKeepsWhatIsPending() throws Exception {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(500)));
    KcidbOutbox outbox = outbox();
    outbox.start();
    outbox.submit(document("kept"));
    await(() -> posts().size() >= 2, "two attempts");
    outbox.close();
    outbox.close();
    assertThrows(IllegalStateException.class, () -> outbox.submit(document("late")));
    assertThrows(IllegalStateException.class, outbox::flush);
    assertThrows(IllegalStateException.class, outbox::pending);
    assertThrows(IllegalStateException.class, outbox::start);
    assertTrue(outbox.toString().endsWith(", closed]"), outbox.toString());
    int sent = posts().size();
    Thread.sleep(100);
    assertEquals(sent, posts().size(), "nothing is sent after close");
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      OutboxEntry entry = store.entries().get(0);
      assertTrue(entry.attempts() >= 2, entry::toString);
      assertEquals(Optional.of(Reason.SUBMISSION_FAILED), entry.lastReason());
    }
  }

  @Test
  void closeInterruptsASendThatOutlastsTheShutdownTimeout() throws Exception {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID)).withFixedDelay(3_000)));
    KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(SubmitTesting.client(wm).transport(t -> t.maxAttempts(1)
            .requestTimeout(Duration.ofSeconds(10))).build())
        .shutdownTimeout(Duration.ofMillis(100))
        .build();
    outbox.start();
    outbox.submit(document("inflight"));
    await(() -> posts().size() == 1, "the send");
    long start = System.nanoTime();
    outbox.close();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      OutboxEntry entry = store.entries().get(0);
      assertEquals(0, entry.attempts(), "an interrupted send is not the entry's failure");
    }
  }

  @Test
  void submitRefusesWhatIsNotAKcidbDocumentAndJournalsNothing() {
    KcidbOutbox outbox = outbox();
    KcidbException e = assertThrows(KcidbException.class,
        () -> outbox.submit("{\"version\": 5".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Reason.INVALID_DOCUMENT, e.reason());
    ObjectNode noVersion = document("nv");
    noVersion.remove("version");
    assertThrows(KcidbException.class, () -> outbox.submit(noVersion));
    assertEquals(List.of(), outbox.pending());
    assertThrows(NullPointerException.class, () -> outbox.submit((ObjectNode) null));
  }

  @Test
  void submittedBytesWithinTheCapAreTheBytesSent() {
    accept();
    KcidbOutbox outbox = outbox();
    byte[] pretty = SubmitTesting.fixture("document.json");
    outbox.submit(pretty);
    outbox.flush();
    assertArrayEquals(pretty, posts().get(0).getBody());
  }

  @Test
  void nothingTheOutboxShowsHoldsTheToken() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(500)
        .withBody(error("echo: Authorization: Bearer " + TOKEN))));
    KcidbOutbox outbox = outbox();
    outbox.submit(document("t"));
    FlushResult result = outbox.flush();
    assertNoToken(result.toString());
    assertNoToken(result.failure().get().getMessage());
    assertNoToken(outbox.pending().toString());
    assertNoToken(outbox.toString());
    assertTrue(outbox.toString().contains("token=<redacted>"), outbox.toString());
  }

  @Test
  void builderRequiresStoreAndClientAndChecksBackoff() {
    IllegalStateException noStore = assertThrows(IllegalStateException.class,
        () -> KcidbOutbox.newBuilder().client(SubmitTesting.client(wm).build()).build());
    assertTrue(noStore.getMessage().startsWith("store is required"), noStore.getMessage());
    try (FileOutboxStore store = FileOutboxStore.open(dir)) {
      IllegalStateException noClient = assertThrows(IllegalStateException.class,
          () -> KcidbOutbox.newBuilder().store(store).build());
      assertTrue(noClient.getMessage().startsWith("client is required"), noClient.getMessage());
    }
    IllegalArgumentException backoff = assertThrows(IllegalArgumentException.class,
        () -> KcidbOutbox.newBuilder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertTrue(backoff.getMessage().contains("less than initial"), backoff.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KcidbOutbox.newBuilder().backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> KcidbOutbox.newBuilder().shutdownTimeout(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> KcidbOutbox.newBuilder().store(null));
    assertThrows(NullPointerException.class, () -> KcidbOutbox.newBuilder().threadFactory(null));
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheMaximum() {
    KcidbOutbox outbox = KcidbOutbox.newBuilder()
        .store(FileOutboxStore.open(dir))
        .client(SubmitTesting.client(wm).build())
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(60))
        .build();
    opened.add(outbox);
    for (int i = 0; i < 200; i++) {
      assertBetween(500, 1000, outbox.backoff(1));
      assertBetween(2000, 4000, outbox.backoff(3));
      assertBetween(30_000, 60_000, outbox.backoff(7));
      assertBetween(30_000, 60_000, outbox.backoff(5000));
    }
  }

  private static void assertBetween(long minMillis, long maxMillis, Duration d) {
    assertTrue(d.toMillis() >= minMillis && d.toMillis() <= maxMillis, d::toString);
  }

  @Test
  void flushResultRecordsCheckTheirComponents() {
    assertThrows(IllegalArgumentException.class,
        () -> new FlushResult(List.of(), List.of(), -1, Optional.empty()));
    assertEquals(Optional.empty(), new FlushResult(List.of(), List.of(), 0, null).failure());
    assertThrows(NullPointerException.class, () -> new FlushResult.Delivered(null, List.of()));
  }
}
