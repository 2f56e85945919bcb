package dev.buildbridge.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitHubAppJwtTest {
  private static final Instant IAT = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant EXP = Instant.parse("2025-06-01T12:10:00Z");
  private static final GitHubAppJwt JWT = new GitHubAppJwt("aaa.bbb.ccc", IAT, EXP);

  @Test
  void authorizationHeaderIsBearerToken() {
    assertEquals("Bearer aaa.bbb.ccc", JWT.authorizationHeader());
  }

  @Test
  void toStringRedactsToken() {
    assertEquals("GitHubAppJwt[token=<redacted>, issuedAt=2025-06-01T12:00:00Z, "
        + "expiresAt=2025-06-01T12:10:00Z]", JWT.toString());
  }

  @Test
  void isExpiredOnceNowPlusMarginReachesExp() {
    assertFalse(JWT.isExpired(EXP.minusSeconds(31), Duration.ofSeconds(30)));
    assertTrue(JWT.isExpired(EXP.minusSeconds(30), Duration.ofSeconds(30)));
    assertFalse(JWT.isExpired(EXP.minusNanos(1), Duration.ZERO));
    assertTrue(JWT.isExpired(EXP, Duration.ZERO));
    assertTrue(JWT.isExpired(EXP.plusSeconds(1), Duration.ZERO));
  }

  @Test
  void isExpiredRejectsNegativeMarginAndNulls() {
    assertEquals("margin < 0", assertThrows(IllegalArgumentException.class,
        () -> JWT.isExpired(IAT, Duration.ofSeconds(-1))).getMessage());
    assertEquals("now", assertThrows(NullPointerException.class,
        () -> JWT.isExpired(null, Duration.ZERO)).getMessage());
    assertEquals("margin", assertThrows(NullPointerException.class,
        () -> JWT.isExpired(IAT, null)).getMessage());
  }

  @Test
  void rejectsInconsistentComponents() {
    assertEquals("token is blank", assertThrows(IllegalArgumentException.class,
        () -> new GitHubAppJwt(" ", IAT, EXP)).getMessage());
    assertEquals("expiresAt is not after issuedAt", assertThrows(IllegalArgumentException.class,
        () -> new GitHubAppJwt("t", EXP, IAT)).getMessage());
    assertEquals("token", assertThrows(NullPointerException.class,
        () -> new GitHubAppJwt(null, IAT, EXP)).getMessage());
  }
}
