package dev.buildbridge.kcidb.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.kcidb.submit.SubmitTesting.SUBMISSION_ID;
import static dev.buildbridge.kcidb.submit.SubmitTesting.TOKEN;
import static dev.buildbridge.kcidb.submit.SubmitTesting.accepted;
import static dev.buildbridge.kcidb.submit.SubmitTesting.document;
import static dev.buildbridge.kcidb.submit.SubmitTesting.error;
import static dev.buildbridge.kcidb.submit.SubmitTesting.ids;
import static dev.buildbridge.kcidb.submit.SubmitTesting.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KcidbClientTest {
  @RegisterExtension
  static WireMockExtension wm = SubmitTesting.wireMock();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private KcidbClient client() {
    return SubmitTesting.client(wm).build();
  }

  private void accept() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(accepted(SUBMISSION_ID))));
  }

  private static void assertNoToken(String text) {
    assertFalse(text.contains(TOKEN), () -> "token leaked into: " + text);
    assertFalse(text.contains(TOKEN.substring(TOKEN.lastIndexOf('.') + 1)),
        () -> "token signature leaked into: " + text);
  }

  @Test
  void submitPostsTheDocumentWithTheBearerTokenAndReturnsTheSubmissionId() throws Exception {
    accept();
    ObjectNode doc = document("a");
    SubmitResult result = client().submit(doc);
    assertEquals(List.of(SUBMISSION_ID), result.ids());
    assertEquals(SubmitTesting.MAPPER.writeValueAsBytes(doc).length,
        result.submissions().get(0).bytes());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/submit"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(doc.toString())));
  }

  @Test
  void submitSendsJsonBytesExactlyAsGiven() {
    accept();
    byte[] pretty = SubmitTesting.fixture("document.json");
    client().submit(pretty);
    assertArrayEquals(pretty, wm.getAllServeEvents().get(0).getRequest().getBody());
  }

  @Test
  void submitSplitsADocumentOverTheCapIntoSeveralSubmissionsInOrder() {
    accept();
    ObjectNode doc = SubmitTesting.bigDocument("s", 30, 200);
    KcidbClient client = SubmitTesting.client(wm).maxDocumentBytes(2048).build();
    SubmitResult result = client.submit(doc);
    List<LoggedRequest> posts = new ArrayList<>(wm.findAll(postRequestedFor(urlPathEqualTo(
        "/submit"))));
    assertTrue(posts.size() > 2);
    assertEquals(posts.size(), result.submissions().size());
    List<String> sent = new ArrayList<>();
    for (LoggedRequest post : posts) { // the journal lists the oldest first
      assertTrue(post.getBody().length <= 2048);
      sent.addAll(ids(parse(post.getBody())));
    }
    assertEquals(ids(doc), sent);
  }

  @Test
  void submitIsRepeatedByTheTransportAfterA503BecauseKcidbMergesDuplicates() {
    wm.stubFor(post("/submit").inScenario("503").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(post("/submit").inScenario("503").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody(accepted(SUBMISSION_ID))));
    KcidbClient client = SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(3).sleeper(sleeps::add)).build();
    assertEquals(List.of(SUBMISSION_ID), client.submit(document("r")).ids());
    wm.verify(2, postRequestedFor(urlPathEqualTo("/submit")));
    assertEquals(1, sleeps.size());
  }

  @Test
  void rateLimitWithRetryAfterIsWaitedOutByTheTransport() {
    wm.stubFor(post("/submit").inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
        .willSetStateTo("ok"));
    wm.stubFor(post("/submit").inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody(accepted(SUBMISSION_ID))));
    KcidbClient client = SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(2).sleeper(sleeps::add)).build();
    client.submit(document("429"));
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  void aServerErrorFailsWithSubmissionFailedAndIsNotRepeatedByTheTransport() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(500)
        .withBody(error("Internal server error"))));
    KcidbClient client = SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(4).sleeper(sleeps::add)).build();
    KcidbException e = assertThrows(KcidbException.class, () -> client.submit(document("e")));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
    assertTrue(e.getMessage().contains(wm.baseUrl()), e.getMessage());
    assertTrue(e.getMessage().contains("POST /submit: 500"), e.getMessage());
    assertTrue(e.getMessage().contains("Internal server error"), e.getMessage());
    assertInstanceOf(ApiException.class, e.getCause());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/submit")));
  }

  @Test
  void anUnauthorizedAnswerIsRefusedWithoutEverShowingTheToken() {
    // a proxy that echoes the Authorization header back must not leak it
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(401)
        .withBody(error("Missing or invalid JWT (Bearer " + TOKEN + ")"))));
    KcidbException e = assertThrows(KcidbException.class, () -> client().submit(document("u")));
    assertEquals(Reason.SUBMISSION_REFUSED, e.reason());
    assertTrue(e.getMessage().contains("401 Unauthorized"), e.getMessage());
    assertTrue(e.getMessage().contains("Missing or invalid JWT"), e.getMessage());
    assertNoToken(e.getMessage());
    assertNoToken(e.toString());
    assertNoToken(((ApiException) e.getCause()).bodyExcerpt());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 413})
  void otherClientErrorsAreRefused(int status) {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(status)
        .withBody(error("EOF while parsing a value at line 1 column 0"))));
    KcidbException e = assertThrows(KcidbException.class, () -> client().submit(document("c")));
    assertEquals(Reason.SUBMISSION_REFUSED, e.reason());
    assertTrue(e.getMessage().contains(": " + status), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 502, 503, 504})
  void answersThatMayPassLaterFailWithSubmissionFailed(int status) {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(status)));
    KcidbException e = assertThrows(KcidbException.class, () -> client().submit(document("t")));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{\"status\":\"ok\"}",
      "{\"id\":\"0\",\"status\":\"error\",\"message\":\"Internal server error\"}",
      "{\"id\":\"" + SUBMISSION_ID + "\",\"status\":\"error\"}",
      "{\"id\":\"../../etc\",\"status\":\"ok\"}",
      "{\"id\":42,\"status\":\"ok\"}",
      "[\"" + SUBMISSION_ID + "\"]",
      "<html><body>Welcome to the captive portal</body></html>"})
  void anOkAnswerWithoutASubmissionIdIsNotTakenAsAccepted(String body) {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200).withBody(body)));
    KcidbException e = assertThrows(KcidbException.class, () -> client().submit(document("n")));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
  }

  @Test
  void anOkAnswerWithoutIdSaysSo() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200).withBody("{}")));
    KcidbException e = assertThrows(KcidbException.class, () -> client().submit(document("n")));
    assertTrue(e.getMessage().contains("answered 200 without a submission id (id missing,"
        + " status missing); not counted as accepted"), e.getMessage());
  }

  @Test
  void aTimeoutFailsWithSubmissionFailed() {
    wm.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withBody(accepted(SUBMISSION_ID)).withFixedDelay(2_000)));
    KcidbClient client = SubmitTesting.client(wm)
        .transport(t -> t.maxAttempts(1).requestTimeout(Duration.ofMillis(200))).build();
    KcidbException e = assertThrows(KcidbException.class, () -> client.submit(document("slow")));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
    assertEquals(ApiException.Reason.TRANSPORT, ((ApiException) e.getCause()).reason());
  }

  @Test
  void anUnreachableServerFailsWithSubmissionFailed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KcidbClient client = KcidbClient.newBuilder().baseUrl("http://127.0.0.1:" + port)
        .token(TOKEN).transport(t -> t.maxAttempts(1)).build();
    KcidbException e = assertThrows(KcidbException.class, () -> client.submit(document("down")));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
    assertFalse(client.healthy());
  }

  @ParameterizedTest
  @CsvSource({
      "inprogress, IN_PROGRESS, File still in progress",
      "ready, READY, File waiting for processing",
      "processed, PROCESSED, File archived",
      "failed, FAILED, File failed to pass validation",
      "rebalancing, UNKNOWN, Something new"})
  void statusReadsKcidbStates(String wire, SubmissionStatus.State state, String message) {
    wm.stubFor(get(urlPathEqualTo("/status")).withQueryParam("id", equalTo(SUBMISSION_ID))
        .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"" + SUBMISSION_ID
            + "\",\"status\":\"" + wire + "\",\"message\":\"" + message + "\"}")));
    SubmissionStatus status = client().status(SUBMISSION_ID);
    assertEquals(new SubmissionStatus(SUBMISSION_ID, state, message), status);
    assertEquals(state == SubmissionStatus.State.PROCESSED
        || state == SubmissionStatus.State.FAILED, status.state().isFinal());
    wm.verify(getRequestedFor(urlPathEqualTo("/status"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void statusOfAnUnknownSubmissionIsNotFound() {
    wm.stubFor(get(urlPathEqualTo("/status")).willReturn(aResponse().withStatus(404)
        .withBody("{\"id\":\"" + SUBMISSION_ID + "\",\"status\":\"notfound\","
            + "\"message\":\"File not found\"}")));
    SubmissionStatus status = client().status(SUBMISSION_ID);
    assertEquals(SubmissionStatus.State.NOT_FOUND, status.state());
    assertTrue(status.state().isFinal());
    assertEquals("File not found", status.message());
  }

  @Test
  void statusWithoutAStatusFieldFails() {
    wm.stubFor(get(urlPathEqualTo("/status")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\":\"" + SUBMISSION_ID + "\"}")));
    KcidbException e = assertThrows(KcidbException.class, () -> client().status(SUBMISSION_ID));
    assertEquals(Reason.SUBMISSION_FAILED, e.reason());
    assertTrue(e.getMessage().contains("without a status"), e.getMessage());
  }

  @Test
  void statusRefusesAnIdKcidbWouldRefuseWithoutSendingAnything() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client().status("abc&id=def"));
    assertTrue(e.getMessage().contains("\"abc&id=def\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> client().status(""));
    assertThrows(NullPointerException.class, () -> client().status(null));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void authTestPassesForAnAcceptedTokenAndIsRefusedFor401() {
    wm.stubFor(get("/authtest").willReturn(aResponse().withStatus(200).withBody("Authorized")));
    client().authTest();
    wm.stubFor(get("/authtest").willReturn(aResponse().withStatus(401)
        .withBody(error("ExpiredSignature"))));
    KcidbException e = assertThrows(KcidbException.class, () -> client().authTest());
    assertEquals(Reason.SUBMISSION_REFUSED, e.reason());
    assertTrue(e.getMessage().contains("ExpiredSignature"), e.getMessage());
  }

  @Test
  void healthyIsTrueOnlyForOk() {
    wm.stubFor(get("/health").willReturn(aResponse().withStatus(200).withBody("OK\n")));
    assertTrue(client().healthy());
    wm.stubFor(get("/health").willReturn(aResponse().withStatus(200).withBody("starting")));
    assertFalse(client().healthy());
    wm.stubFor(get("/health").willReturn(aResponse().withStatus(503).withBody("OK")));
    assertFalse(client().healthy());
  }

  @Test
  void aTokenSupplierIsAskedForEveryRequest() {
    accept();
    AtomicInteger asked = new AtomicInteger();
    KcidbClient client = KcidbClient.newBuilder().baseUrl(wm.baseUrl())
        .token(() -> "rotating-" + asked.incrementAndGet()).build();
    client.submit(document("1"));
    client.submit(document("2"));
    wm.verify(postRequestedFor(urlPathEqualTo("/submit"))
        .withHeader("Authorization", equalTo("Bearer rotating-2")));
    assertEquals(2, asked.get());
  }

  @Test
  void withoutATokenNoAuthorizationIsSent() {
    accept();
    KcidbClient.newBuilder().baseUrl(wm.baseUrl()).build().submit(document("open"));
    assertFalse(wm.getAllServeEvents().get(0).getRequest().containsHeader("Authorization"));
  }

  @Test
  void restUriConventionSetsBaseUrlAndToken() {
    accept();
    URI base = URI.create(wm.baseUrl());
    KcidbClient client = KcidbClient.newBuilder()
        .restUri("http://" + TOKEN + "@127.0.0.1:" + base.getPort() + "/ignored/path").build();
    assertEquals(URI.create("http://127.0.0.1:" + base.getPort()), client.baseUrl());
    client.submit(document("rest"));
    wm.verify(postRequestedFor(urlPathEqualTo("/submit"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void restUriDefaultsToHttps() {
    KcidbClient client = KcidbClient.newBuilder().restUri(TOKEN + "@db.kernelci.org").build();
    assertEquals(KcidbClient.PRODUCTION, client.baseUrl());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://db.kernelci.org",
      "https://@db.kernelci.org",
      "https://" + TOKEN + "@",
      "ftp://" + TOKEN + "@db.kernelci.org",
      "https://" + TOKEN + "@db kernelci org",
      "https://to ken" + TOKEN + "@db.kernelci.org"})
  void restUriRefusesBadValuesWithoutShowingThem(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().restUri(value));
    assertTrue(e.getMessage().startsWith("KCIDB_REST"), e.getMessage());
    assertNoToken(e.getMessage());
  }

  @Test
  void builderChecksItsArgumentsAndNamesThem() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> KcidbClient.newBuilder().token(TOKEN).build());
    assertTrue(missing.getMessage().startsWith("baseUrl is required"), missing.getMessage());
    IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().maxDocumentBytes(10));
    assertTrue(cap.getMessage().startsWith("maxDocumentBytes must be 64.."), cap.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().maxDocumentBytes(KcidbClient.MAX_DOCUMENT_BYTES_LIMIT + 1));
    IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().token("secret with space"));
    assertFalse(token.getMessage().contains("secret"), token.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().baseUrl("https://user:pw@db.kernelci.org"));
    assertThrows(IllegalArgumentException.class,
        () -> KcidbClient.newBuilder().baseUrl("ftp://db.kernelci.org"));
    assertThrows(NullPointerException.class, () -> KcidbClient.newBuilder().token((String) null));
    assertThrows(NullPointerException.class, () -> KcidbClient.newBuilder().transport(null));
  }

  @Test
  void toBuilderKeepsTheSettings() {
    KcidbClient client = SubmitTesting.client(wm).maxDocumentBytes(9999).build();
    KcidbClient copy = client.toBuilder().build();
    assertEquals(client.baseUrl(), copy.baseUrl());
    assertEquals(9999, copy.maxDocumentBytes());
    assertEquals(client.toString(), copy.toString());
  }

  @Test
  void toStringNeverShowsTheToken() {
    KcidbClient client = client();
    assertEquals("KcidbClient[baseUrl=" + wm.baseUrl() + ", token=<redacted>, maxDocumentBytes="
        + KcidbClient.DEFAULT_MAX_DOCUMENT_BYTES + "]", client.toString());
    assertNoToken(client.toBuilder().toString());
  }

  @Test
  void submissionAndResultRecordsCheckTheirComponents() {
    assertThrows(IllegalArgumentException.class, () -> new Submission("0/1", 1));
    assertThrows(IllegalArgumentException.class, () -> new Submission(SUBMISSION_ID, -1));
    assertThrows(IllegalArgumentException.class, () -> new SubmitResult(List.of()));
    assertEquals(SubmissionStatus.State.READY, SubmissionStatus.State.ofWireName("READY"));
    assertEquals(SubmissionStatus.State.UNKNOWN, SubmissionStatus.State.ofWireName(null));
    assertEquals("", new SubmissionStatus(SUBMISSION_ID, SubmissionStatus.State.READY, null)
        .message());
  }

  @Test
  void aDocumentThatCannotBeSplitIsRefusedBeforeAnythingIsSent() {
    KcidbClient client = SubmitTesting.client(wm).maxDocumentBytes(256).build();
    ObjectNode doc = document("big");
    doc.withArray("tests").addObject().put("id", "bb:huge").put("log_excerpt", "h".repeat(400));
    KcidbException e = assertThrows(KcidbException.class, () -> client.submit(doc));
    assertEquals(Reason.INVALID_DOCUMENT, e.reason());
    KcidbException notJson = assertThrows(KcidbException.class,
        () -> client.submit("{\"version\":".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Reason.INVALID_DOCUMENT, notJson.reason());
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
