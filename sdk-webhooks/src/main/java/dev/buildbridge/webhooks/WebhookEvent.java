package dev.buildbridge.webhooks;

import java.util.Optional;

/**
 * A parsed delivery of any provider. Each provider's events form a sealed interface in its own
 * package ({@code GitHubEvent}, {@code GiteaEvent}, {@code GitLabEvent}, {@code TuxSuiteCallback});
 * events that start CI also implement {@link PushEvent} or {@link PullRequestEvent}, so job mapping
 * works the same for every forge.
 *
 * <pre>{@code
 * WebhookEvent event = decision.event().orElseThrow();
 * if (event instanceof PushEvent push && !push.deleted()) {
 *     System.out.println(push.repository().fullName() + " " + push.after());
 * }
 * }</pre>
 */
public interface WebhookEvent {

  /**
   * Returns who sent the delivery.
   *
   * @return the provider
   */
  Provider provider();

  /**
   * Returns the event name as the provider's header gives it, such as {@code push} or
   * {@code Merge Request Hook}; for TuxSuite, the callback {@code kind}.
   *
   * @return the event name
   */
  String eventName();

  /**
   * Returns the {@code action} field, for events that have one.
   *
   * @return the action, such as {@code opened}
   */
  Optional<String> action();
}
