package dev.buildbridge.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded in-memory {@link DeliveryDedupStore}: at most {@code maxEntries} ids, each kept for
 * {@code ttl}; the oldest are dropped first. Thread-safe. Ids are forgotten on restart: use a shared
 * store when that matters or when several instances take deliveries.
 *
 * <pre>{@code
 * DeliveryDedupStore store = InMemoryDedupStore.of(10_000, Duration.ofHours(24));
 * }</pre>
 */
public final class InMemoryDedupStore implements DeliveryDedupStore {
  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  /** Insertion order = age order, so expiry and eviction look at the head only. */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  private InMemoryDedupStore(int maxEntries, Duration ttl, Clock clock) {
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Returns the default store: 10,000 ids for 24 hours.
   *
   * @return a new store
   */
  public static InMemoryDedupStore ofDefaults() {
    return of(10_000, Duration.ofHours(24));
  }

  /**
   * Returns a store with the given bounds on the system clock.
   *
   * @param maxEntries most ids kept, at least 1
   * @param ttl how long an id is kept, positive
   * @return a new store
   * @throws IllegalArgumentException when a bound is not positive
   */
  public static InMemoryDedupStore of(int maxEntries, Duration ttl) {
    return of(maxEntries, ttl, Clock.systemUTC());
  }

  /**
   * Returns a store with the given bounds and clock.
   *
   * @param maxEntries most ids kept, at least 1
   * @param ttl how long an id is kept, positive
   * @param clock the clock that ages entries
   * @return a new store
   * @throws IllegalArgumentException when a bound is not positive
   */
  public static InMemoryDedupStore of(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    return new InMemoryDedupStore(maxEntries, ttl, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public synchronized boolean firstSeen(String key) {
    Objects.requireNonNull(key, "key");
    Instant now = clock.instant();
    Instant cutoff = now.minus(ttl);
    Iterator<Map.Entry<String, Instant>> oldestFirst = seen.entrySet().iterator();
    while (oldestFirst.hasNext() && !oldestFirst.next().getValue().isAfter(cutoff)) {
      oldestFirst.remove();
    }
    if (seen.containsKey(key)) {
      return false;
    }
    if (seen.size() >= maxEntries) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    seen.put(key, now);
    return true;
  }

  @Override
  public synchronized void forget(String key) {
    seen.remove(Objects.requireNonNull(key, "key"));
  }

  /**
   * Returns how many ids are held now (expired ones may still count until the next call).
   *
   * @return the number of ids
   */
  public synchronized int size() {
    return seen.size();
  }

  /**
   * Describes the bounds.
   *
   * @return such as {@code InMemoryDedupStore[maxEntries=10000, ttl=PT24H]}
   */
  @Override
  public String toString() {
    return "InMemoryDedupStore[maxEntries=" + maxEntries + ", ttl=" + ttl + "]";
  }
}
