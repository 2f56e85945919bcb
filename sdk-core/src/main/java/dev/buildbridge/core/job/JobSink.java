package dev.buildbridge.core.job;

import java.util.List;

/**
 * Where a host hands the jobs of a delivery: a durable queue on disk, a RabbitMQ exchange, a
 * database table. {@link #accept(List)} returns only once every job is durably taken, so a host can
 * answer the forge's webhook after it and lose nothing.
 *
 * <pre>{@code
 * Decision decision = handler.handle(delivery);
 * try {
 *     sink.accept(decision.jobs());           // persisted or broker-confirmed
 *     respond(decision.status());
 * } catch (BuildBridgeException e) {
 *     respond(503);                           // the forge may redeliver
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JobSink {

  /**
   * Takes jobs durably, all or (as far as the sink can tell) none.
   *
   * @param jobs the jobs, in order; an empty list is a no-op
   * @throws dev.buildbridge.core.BuildBridgeException when the jobs could not be taken (the broker
   *     did not confirm, the disk refused the write); the caller answers with a retryable status
   */
  void accept(List<JobRequest> jobs);
}
