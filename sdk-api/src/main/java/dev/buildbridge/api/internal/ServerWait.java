package dev.buildbridge.api.internal;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How long a server asks a client to wait: {@code Retry-After} (delay seconds or an HTTP-date,
 * RFC 9110 section 10.2.3), or GitHub's primary rate limit, {@code x-ratelimit-remaining: 0} with
 * {@code x-ratelimit-reset} in epoch seconds.
 */
public final class ServerWait {
  private static final int MAX_HEADER = 64;

  private ServerWait() {}

  /**
   * Returns the wait a {@code Retry-After} header asks for.
   *
   * @param headers the response headers
   * @param clock the clock an HTTP-date is measured against
   * @return the wait, zero when the date is past; empty when the header is absent or unreadable
   */
  public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().strip();
    if (text.isEmpty() || text.length() > MAX_HEADER) {
      return Optional.empty();
    }
    if (allDigits(text)) {
      // more than 10 digits is beyond any sensible wait: treat as "very long", not as a parse error
      long seconds = text.length() > 10 ? Long.MAX_VALUE / 1_000_000_000L : Long.parseLong(text);
      return Optional.of(Duration.ofSeconds(seconds));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the wait until GitHub's rate limit window resets, when the response says the limit is
   * used up ({@code x-ratelimit-remaining: 0}).
   *
   * @param headers the response headers
   * @param clock the current time
   * @return the wait until {@code x-ratelimit-reset} plus one second, zero when that is past; empty
   *     when the limit is not used up or the headers are absent or unreadable
   */
  public static Optional<Duration> rateLimitReset(HttpHeaders headers, Clock clock) {
    Optional<String> remaining = headers.firstValue("x-ratelimit-remaining");
    if (remaining.isEmpty() || !remaining.get().strip().equals("0")) {
      return Optional.empty();
    }
    Optional<String> reset = headers.firstValue("x-ratelimit-reset");
    if (reset.isEmpty()) {
      return Optional.empty();
    }
    String text = reset.get().strip();
    if (text.isEmpty() || text.length() > 12 || !allDigits(text)) {
      return Optional.empty();
    }
    Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(text)))
        .plusSeconds(1);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
