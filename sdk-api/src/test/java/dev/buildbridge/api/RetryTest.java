package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.ApiException.Reason;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private ApiTransport.Builder transport() {
    return ApiTransport.newBuilder()
        .baseUrl(wm.baseUrl())
        .sleeper(sleeps::add)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
  }

  /** Answers the given responses in order, then the last one for ever. */
  private static void sequence(String method, String path, ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "step-" + i;
      ScenarioMappingBuilder mapping = (method.equals("GET") ? get(path)
          : method.equals("POST") ? post(path) : patch(path))
          .inScenario(path).whenScenarioStateIs(state).willReturn(answers[i]);
      if (i + 1 < answers.length) {
        mapping = mapping.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(mapping);
    }
  }

  private static ResponseDefinitionBuilder status(int status) {
    return aResponse().withStatus(status);
  }

  @Test
  void honoursRetryAfterSecondsOn429() {
    sequence("GET", "/repos/o/r", status(429).withHeader("Retry-After", "7"), okJson("{}"));

    transport().build().send(ApiRequest.get("/repos/o/r").build(), JsonNode.class);

    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    wm.verify(2, getRequestedFor(urlPathEqualTo("/repos/o/r")));
  }

  @Test
  void honoursRetryAfterHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(NOW.plusSeconds(12).atZone(ZoneOffset.UTC));
    sequence("GET", "/x", status(503).withHeader("Retry-After", date), okJson("{}"));

    transport().build().send(ApiRequest.get("/x").build(), JsonNode.class);

    assertEquals(List.of(Duration.ofSeconds(12)), sleeps);
  }

  @Test
  void waitsForGitHubRateLimitResetOn403() {
    sequence("GET", "/repos/o/r/contents/a", status(403)
        .withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 20))
        .withBody("{\"message\":\"API rate limit exceeded\"}"), okJson("{}"));

    transport().build().send(ApiRequest.get("/repos/o/r/contents/a").build(), JsonNode.class);

    assertEquals(List.of(Duration.ofSeconds(21)), sleeps);
  }

  @Test
  void treatsGitHubSecondaryRateLimitAsRateLimited() {
    wm.stubFor(get("/search").willReturn(status(403).withHeader("Retry-After", "3")
        .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}")));

    ApiException e = assertThrows(ApiException.class,
        () -> transport().maxAttempts(2).build().send(ApiRequest.get("/search").build()));

    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(403, e.status());
    assertEquals(2, e.attempts());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
  }

  @Test
  void plain403IsNotRetried() {
    wm.stubFor(get("/x").willReturn(status(403).withBody("{\"message\":\"Resource not accessible"
        + " by integration\"}")));
    ApiException e = assertThrows(ApiException.class,
        () -> transport().build().send(ApiRequest.get("/x").build()));
    assertEquals(Reason.FORBIDDEN, e.reason());
    assertEquals(1, e.attempts());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void failsAtOnceWhenTheServerAsksForTooLongAWait() {
    wm.stubFor(get("/x").willReturn(status(429).withHeader("Retry-After", "3600")));

    ApiException e = assertThrows(ApiException.class,
        () -> transport().build().send(ApiRequest.get("/x").build()));

    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(java.util.Optional.of(Duration.ofHours(1)), e.retryAfter());
    assertEquals(1, e.attempts());
    assertTrue(e.getMessage().endsWith("; server asks to wait 3600 s, more than maxRetryWait"
        + " 60 s"), e.getMessage());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void backsOffExponentiallyOn503ThenSucceeds() {
    sequence("GET", "/x", status(503), status(503), okJson("{\"ok\":true}"));

    JsonNode body = transport().build().send(ApiRequest.get("/x").build(), JsonNode.class);

    assertTrue(body.get("ok").asBoolean());
    assertEquals(2, sleeps.size());
    long first = sleeps.get(0).toMillis();
    long second = sleeps.get(1).toMillis();
    assertTrue(first >= 50 && first <= 100, "first wait " + first);
    assertTrue(second >= 100 && second <= 200, "second wait " + second);
  }

  @Test
  void backoffIsCappedAtTheMaximum() {
    wm.stubFor(get("/x").willReturn(status(502)));
    assertThrows(ApiException.class, () -> transport().maxAttempts(6)
        .backoff(Duration.ofMillis(100), Duration.ofMillis(300)).build()
        .send(ApiRequest.get("/x").build()));
    assertEquals(5, sleeps.size());
    for (Duration d : sleeps) {
      assertTrue(d.toMillis() <= 300, "wait " + d);
    }
    assertTrue(sleeps.get(4).toMillis() >= 150, "wait " + sleeps.get(4));
  }

  @Test
  void exhaustedRetriesReportTheLastStatus() {
    sequence("GET", "/x", status(503), status(502), status(504)
        .withBody("{\"message\":\"upstream timed out\"}"));

    ApiException e = assertThrows(ApiException.class,
        () -> transport().maxAttempts(3).build().send(ApiRequest.get("/x").build()));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(504, e.status());
    assertEquals(3, e.attempts());
    assertEquals("GET /x: 504 Gateway Timeout after 3 attempts: upstream timed out",
        e.getMessage());
  }

  @Test
  void doesNotRetryPostOn503() {
    wm.stubFor(post("/repos/o/r/check-runs").willReturn(status(503)));

    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.post("/repos/o/r/check-runs").json(Map.of("name", "ci")).build()));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, e.attempts());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/repos/o/r/check-runs")));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void retriesPostMarkedIdempotent() {
    sequence("POST", "/build_node/build_done", status(502),
        aResponse().withStatus(409).withBody("{\"ok\":false}"));

    ApiResponse<JsonNode> response = transport().build().exchange(
        ApiRequest.post("/build_node/build_done").json(Map.of("task_id", 1)).idempotent(true)
            .treatAsSuccess(409).build(), JsonNode.class);

    assertEquals(409, response.status());
    assertEquals(2, response.attempts());
  }

  @Test
  void getSurvivesAConnectionReset() {
    sequence("GET", "/x", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson("{\"ok\":true}"));

    ApiResponse<JsonNode> response =
        transport().build().exchange(ApiRequest.get("/x").build(), JsonNode.class);

    assertEquals(200, response.status());
    assertEquals(2, response.attempts());
    assertEquals(1, sleeps.size());
  }

  @Test
  void postIsNotRetriedAfterAConnectionReset() {
    wm.stubFor(post("/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.post("/x").json(Map.of()).build()));

    assertEquals(Reason.TRANSPORT, e.reason());
    assertEquals(0, e.status());
    assertEquals(1, e.attempts());
    assertTrue(e.getCause() instanceof java.io.IOException);
  }

  @Test
  void postIsRetriedWhenTheConnectionIsRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ApiTransport t = ApiTransport.newBuilder().baseUrl("http://127.0.0.1:" + port)
        .sleeper(sleeps::add).maxAttempts(3).build();

    ApiException e = assertThrows(ApiException.class,
        () -> t.send(ApiRequest.post("/x").json(Map.of()).build()));

    assertEquals(Reason.TRANSPORT, e.reason());
    assertEquals(3, e.attempts());
    assertEquals(2, sleeps.size());
    assertTrue(e.getMessage().startsWith("POST /x: transport error after 3 attempts: "),
        e.getMessage());
  }

  @Test
  void interruptDuringBackoffAbortsAndKeepsTheFlag() {
    wm.stubFor(get("/x").willReturn(status(503)));
    ApiTransport t = transport().sleeper(d -> {
      throw new InterruptedException();
    }).build();

    try {
      ApiException e = assertThrows(ApiException.class, () -> t.send(ApiRequest.get("/x").build()));
      assertEquals(Reason.INTERRUPTED, e.reason());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void usesTheIntervalOfAGivenRetryConfig() {
    sequence("GET", "/x", status(503), status(503), okJson("{}"));

    transport().backoff(Duration.ZERO, Duration.ZERO).build(); // the simple settings work alone
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).sleeper(sleeps::add)
        .retry(RetryConfig.custom().maxAttempts(3)
            .intervalFunction(IntervalFunction.of(Duration.ofMillis(250))).build())
        .build();
    t.send(ApiRequest.get("/x").build(), JsonNode.class);

    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), sleeps);
  }

  @Test
  void maxAttemptsOfOneMeansNoRetry() {
    wm.stubFor(get("/x").willReturn(status(503)));
    ApiException e = assertThrows(ApiException.class,
        () -> transport().maxAttempts(1).build().send(ApiRequest.get("/x").build()));
    assertEquals(1, e.attempts());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/x")));
  }

  /** Records the delays asked for and runs the task at once. */
  private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysMillis.add(unit.toMillis(delay));
      return super.schedule(command, 0, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void asyncRetriesScheduleTheWaitInsteadOfSleeping() {
    sequence("GET", "/x", status(429).withHeader("Retry-After", "9"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("{\"ok\":true}"));
    RecordingScheduler scheduler = new RecordingScheduler();
    try {
      ApiTransport t = transport().scheduler(scheduler).sleeper(d -> {
        throw new AssertionError("async call slept");
      }).build();

      ApiResponse<JsonNode> response =
          t.exchangeAsync(ApiRequest.get("/x").build(), JsonNode.class).join();

      assertEquals(3, response.attempts());
      assertEquals(2, scheduler.delaysMillis.size());
      assertEquals(9000L, scheduler.delaysMillis.get(0));
      long backoff = scheduler.delaysMillis.get(1);
      assertTrue(backoff >= 100 && backoff <= 200, "second wait " + backoff);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void asyncPostIsNotRetriedOn503() {
    wm.stubFor(post("/x").willReturn(status(503)));
    CompletableFuture<JsonNode> future = transport().build()
        .sendAsync(ApiRequest.post("/x").json(Map.of()).build(), JsonNode.class);
    CompletionException e = assertThrows(CompletionException.class, future::join);
    ApiException api = (ApiException) e.getCause();
    assertEquals(Reason.SERVER_ERROR, api.reason());
    assertEquals(1, api.attempts());
  }

  @Test
  void cancellingAnAsyncCallStopsFurtherAttempts() throws Exception {
    wm.stubFor(get("/x").willReturn(status(503)));
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).scheduler(scheduler)
          .retry(RetryConfig.custom().maxAttempts(10)
              .intervalFunction(IntervalFunction.of(Duration.ofMillis(300))).build())
          .build();
      CompletableFuture<JsonNode> future =
          t.sendAsync(ApiRequest.get("/x").build(), JsonNode.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (wm.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      future.cancel(false); // the first attempt was answered; the second is 300 ms away
      Thread.sleep(500);
      assertEquals(1, wm.getAllServeEvents().size());
      assertTrue(future.isCancelled());
    } finally {
      scheduler.shutdownNow();
    }
  }
}
