package dev.buildbridge.webhooks;

import dev.buildbridge.core.job.JobRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The handler's answer to one delivery: the HTTP status to return, why, the typed event when one
 * was parsed, and the job requests to enqueue. Enqueue the jobs before answering, so a delivery is
 * acknowledged only once its jobs are safe.
 *
 * <pre>{@code
 * Decision decision = handler.handle(delivery);
 * sink.acceptAll(decision.jobs());           // empty unless outcome() == ACCEPTED
 * exchange.sendResponseHeaders(decision.status(), -1);
 * }</pre>
 *
 * @param outcome what was decided; gives the status
 * @param provider who sent it, or {@code null} when that could not be told
 * @param eventName the event header value (or TuxSuite kind), or {@code null}
 * @param action the payload's {@code action}, or {@code null}
 * @param deliveryId the delivery id header value, or {@code null}
 * @param reason a short explanation, for logs and the response body; never holds secrets
 * @param event the parsed event, or {@code null} when none was parsed
 * @param jobs the jobs to enqueue; empty unless {@code outcome} is {@link Outcome#ACCEPTED}
 */
public record Decision(
    Outcome outcome,
    Provider provider,
    String eventName,
    String action,
    String deliveryId,
    String reason,
    WebhookEvent event,
    List<JobRequest> jobs) {

  /**
   * Checks the outcome and reason and copies the job list.
   *
   * @throws NullPointerException when {@code outcome}, {@code reason} or {@code jobs} is null
   */
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    jobs = List.copyOf(jobs);
  }

  /**
   * Returns the HTTP status to answer.
   *
   * @return the status of the outcome
   */
  public int status() {
    return outcome.status();
  }

  /**
   * Returns the parsed event.
   *
   * @return the event, or empty when the delivery was refused before parsing
   */
  public Optional<WebhookEvent> parsedEvent() {
    return Optional.ofNullable(event);
  }
}
