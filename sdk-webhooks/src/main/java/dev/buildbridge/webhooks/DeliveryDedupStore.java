package dev.buildbridge.webhooks;

/**
 * Remembers delivery ids so that a redelivered or replayed delivery produces no second set of jobs.
 * The default is {@link InMemoryDedupStore}; a store shared by several instances (a database table,
 * say) implements this interface.
 *
 * <pre>{@code
 * DeliveryDedupStore store = InMemoryDedupStore.of(10_000, Duration.ofHours(24));
 * WebhookHandler handler = WebhookHandler.newBuilder().dedupStore(store)...build();
 * }</pre>
 */
public interface DeliveryDedupStore {

  /**
   * Records a delivery id, atomically.
   *
   * @param key the provider and delivery id, such as {@code github:72d3162e-cc78-11e3-81ab-4c9367dc0958}
   * @return true when the id was not seen before (the caller goes on), false for a duplicate
   */
  boolean firstSeen(String key);

  /**
   * Forgets a delivery id recorded by {@link #firstSeen(String)}, so that a redelivery is taken
   * again. The handler calls it when it could not produce the delivery's jobs (the workflow could
   * not be read, say); a host calls it when its queue refused the jobs.
   *
   * @param key the key given to {@link #firstSeen(String)}; unknown keys are ignored
   */
  void forget(String key);
}
