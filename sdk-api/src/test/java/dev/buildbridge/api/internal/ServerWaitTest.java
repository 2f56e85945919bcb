package dev.buildbridge.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerWaitTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  private static HttpHeaders headers(String... nameValues) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return HttpHeaders.of(map, (a, b) -> true);
  }

  @Test
  void readsDelaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)),
        ServerWait.retryAfter(headers("Retry-After", " 120 "), CLOCK));
    assertEquals(Optional.of(Duration.ZERO), ServerWait.retryAfter(headers("Retry-After", "0"),
        CLOCK));
  }

  @Test
  void readsHttpDateAgainstTheClock() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), ServerWait.retryAfter(
        headers("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT"), CLOCK));
    assertEquals(Optional.of(Duration.ZERO), ServerWait.retryAfter(
        headers("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT"), CLOCK));
  }

  @Test
  void ignoresUnreadableValues() {
    assertEquals(Optional.empty(), ServerWait.retryAfter(headers("Retry-After", "-5"), CLOCK));
    assertEquals(Optional.empty(), ServerWait.retryAfter(headers("Retry-After", "soon"), CLOCK));
    assertEquals(Optional.empty(), ServerWait.retryAfter(headers("Retry-After", ""), CLOCK));
    assertEquals(Optional.empty(), ServerWait.retryAfter(headers(), CLOCK));
  }

  @Test
  void treatsAHugeNumberAsAVeryLongWait() {
    Duration wait = ServerWait.retryAfter(headers("Retry-After", "99999999999999999999"), CLOCK)
        .orElseThrow();
    assertEquals(true, wait.compareTo(Duration.ofDays(365)) > 0);
  }

  @Test
  void readsGitHubRateLimitResetOnlyWhenExhausted() {
    long reset = CLOCK.instant().getEpochSecond() + 100;
    assertEquals(Optional.of(Duration.ofSeconds(101)), ServerWait.rateLimitReset(
        headers("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(reset)), CLOCK));
    assertEquals(Optional.empty(), ServerWait.rateLimitReset(
        headers("x-ratelimit-remaining", "12", "x-ratelimit-reset", Long.toString(reset)), CLOCK));
    assertEquals(Optional.empty(), ServerWait.rateLimitReset(
        headers("x-ratelimit-remaining", "0", "x-ratelimit-reset", "tomorrow"), CLOCK));
  }
}
