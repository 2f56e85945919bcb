package dev.buildbridge.amqp;

import dev.buildbridge.core.job.JobResult;

/**
 * Receives the {@code jobresult.v1} messages an {@link AmqpJobResultConsumer} takes from the
 * results queue. A message is acknowledged when {@link #handle(JobResult)} returns and dead-lettered
 * when it throws, so an implementation that cannot take a result now should retry inside, or
 * store it and return.
 *
 * <pre>{@code
 * JobResultHandler handler = result -> {
 *     checks.complete(result.requestId(), result.success(), result.summary());
 * };
 * }</pre>
 *
 * <p>Delivery is at least once: after a lost connection the broker may deliver a result again that
 * was handled but not yet acknowledged, so implementations deduplicate by
 * {@link JobResult#requestId()} or are idempotent.
 */
@FunctionalInterface
public interface JobResultHandler {

  /**
   * Handles one result. Calls come from one thread at a time, in the order of the queue.
   *
   * @param result the parsed result
   * @throws Exception when the result cannot be handled; the message is then rejected without
   *     requeueing and goes to the results dead-letter queue
   */
  void handle(JobResult result) throws Exception;
}
