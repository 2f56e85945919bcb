package dev.buildbridge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryDedupStoreTest {
  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void secondSightingOfAnIdIsADuplicate() {
    InMemoryDedupStore store = InMemoryDedupStore.ofDefaults();
    assertTrue(store.firstSeen("github:1"));
    assertFalse(store.firstSeen("github:1"));
    assertTrue(store.firstSeen("github:2"));
  }

  @Test
  void forgottenIdIsSeenAsNewAgainAndUnknownIdsAreIgnored() {
    InMemoryDedupStore store = InMemoryDedupStore.ofDefaults();
    assertTrue(store.firstSeen("github:1"));
    store.forget("github:1");
    store.forget("github:never");
    assertTrue(store.firstSeen("github:1"));
    assertEquals(1, store.size());
  }

  @Test
  void idIsForgottenAfterItsTtl() {
    MutableClock clock = new MutableClock();
    InMemoryDedupStore store = InMemoryDedupStore.of(10, Duration.ofMinutes(5), clock);
    assertTrue(store.firstSeen("k"));
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertFalse(store.firstSeen("k"));
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertTrue(store.firstSeen("k"));
  }

  @Test
  void oldestIdIsDroppedWhenFull() {
    InMemoryDedupStore store = InMemoryDedupStore.of(2, Duration.ofHours(1));
    store.firstSeen("a");
    store.firstSeen("b");
    store.firstSeen("c");
    assertEquals(2, store.size());
    assertTrue(store.firstSeen("a"));
    assertFalse(store.firstSeen("c"));
  }

  @Test
  void rejectsNonPositiveBounds() {
    assertThrows(IllegalArgumentException.class, () -> InMemoryDedupStore.of(0, Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> InMemoryDedupStore.of(1, Duration.ZERO));
  }
}
