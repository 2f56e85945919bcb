package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.ApiException.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResilienceTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static CircuitBreaker breaker() {
    return CircuitBreaker.of("albs", CircuitBreakerConfig.custom()
        .slidingWindowSize(4)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(1))
        .build());
  }

  @Test
  void circuitOpensAfterServerErrorsAndStopsSending() {
    wm.stubFor(get("/x").willReturn(aResponse().withStatus(503)));
    CircuitBreaker breaker = breaker();
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).circuitBreaker(breaker)
        .maxAttempts(2).sleeper(d -> { }).build();

    assertEquals(Reason.SERVER_ERROR, assertThrows(ApiException.class,
        () -> t.send(ApiRequest.get("/x").build())).reason());
    assertEquals(Reason.SERVER_ERROR, assertThrows(ApiException.class,
        () -> t.send(ApiRequest.get("/x").build())).reason());
    assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
    int sent = wm.getAllServeEvents().size();

    ApiException open = assertThrows(ApiException.class,
        () -> t.send(ApiRequest.get("/x").build()));
    assertEquals(Reason.CIRCUIT_OPEN, open.reason());
    assertEquals(0, open.status());
    assertEquals(0, open.attempts());
    assertEquals("GET /x: not sent, circuit breaker open: circuit breaker 'albs' is OPEN",
        open.getMessage());
    assertEquals(sent, wm.getAllServeEvents().size());

    CompletionException async = assertThrows(CompletionException.class,
        () -> t.sendAsync(ApiRequest.get("/x").build()).join());
    assertEquals(Reason.CIRCUIT_OPEN, ((ApiException) async.getCause()).reason());
  }

  @Test
  void clientErrorsAndRateLimitsDoNotOpenTheCircuit() {
    wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
    wm.stubFor(get("/busy").willReturn(aResponse().withStatus(429).withHeader("Retry-After",
        "120")));
    CircuitBreaker breaker = breaker();
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).circuitBreaker(breaker)
        .sleeper(d -> { }).build();
    for (int i = 0; i < 3; i++) {
      assertThrows(ApiException.class, () -> t.send(ApiRequest.get("/missing").build()));
      assertThrows(ApiException.class, () -> t.send(ApiRequest.get("/busy").build()));
    }
    assertEquals(CircuitBreaker.State.CLOSED, breaker.getState());
    assertEquals(3, breaker.getMetrics().getNumberOfSuccessfulCalls());
    assertEquals(0, breaker.getMetrics().getNumberOfFailedCalls());
  }

  @Test
  void takesARateLimiterPermitPerAttempt() {
    wm.stubFor(get("/x").willReturn(okJson("{}")));
    RateLimiter limiter = RateLimiter.of("github", RateLimiterConfig.custom()
        .limitForPeriod(2).limitRefreshPeriod(Duration.ofMinutes(10))
        .timeoutDuration(Duration.ZERO).build());
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).rateLimiter(limiter)
        .build();

    t.send(ApiRequest.get("/x").build(), JsonNode.class);
    t.sendAsync(ApiRequest.get("/x").build(), JsonNode.class).join();
    assertEquals(0, limiter.getMetrics().getAvailablePermissions());

    ApiException e = assertThrows(ApiException.class, () -> t.send(ApiRequest.get("/x").build()));
    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(0, e.status());
    assertEquals(0, e.attempts());
    assertEquals(2, wm.getAllServeEvents().size());
  }

  @Test
  void waitsForARateLimiterPermitWithTheSleeper() {
    wm.stubFor(get("/x").willReturn(okJson("{}")));
    RateLimiter limiter = RateLimiter.of("slow", RateLimiterConfig.custom()
        .limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(300))
        .timeoutDuration(Duration.ofSeconds(5)).build());
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).rateLimiter(limiter)
        .sleeper(d -> {
          sleeps.add(d);
          Thread.sleep(d.toMillis());
        }).build();

    t.send(ApiRequest.get("/x").build(), JsonNode.class);
    t.send(ApiRequest.get("/x").build(), JsonNode.class);

    assertEquals(1, sleeps.size());
    long waited = sleeps.get(0).toMillis();
    assertEquals(true, waited > 0 && waited <= 301, "waited " + waited);
  }
}
