package dev.buildbridge.webhooks.github;

import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookEvent;
import java.util.Optional;

/**
 * A GitHub webhook delivery, parsed by {@link GitHubEvents#parse(String, byte[])}. Each event name
 * CI cares about has its own record; every other name (and any GitHub adds later) is a
 * {@link GitHubUnknownEvent}. Pushes and pull requests also implement the provider-neutral
 * {@link dev.buildbridge.webhooks.PushEvent} and {@link dev.buildbridge.webhooks.PullRequestEvent}.
 *
 * <pre>{@code
 * GitHubEvent event = GitHubEvents.parse(request.getHeader("X-GitHub-Event"), body);
 * if (event instanceof GitHubPushEvent push && !push.deleted()) {
 *     build(push.repository().cloneUrlOrSsh(), push.after());
 * } else if (event instanceof GitHubCheckRunEvent run
 *     && run.action().equals(Optional.of("rerequested"))) {
 *     rerun(run.externalId(), run.installationId());
 * } else if (event instanceof GitHubUnknownEvent other) {
 *     System.out.println("ignored " + other.eventName());
 * }
 * }</pre>
 */
public sealed interface GitHubEvent extends WebhookEvent
    permits GitHubPushEvent, GitHubPullRequestEvent, GitHubPingEvent, GitHubCreateEvent,
        GitHubDeleteEvent, GitHubCheckSuiteEvent, GitHubCheckRunEvent, GitHubReleaseEvent,
        GitHubWorkflowDispatchEvent, GitHubUnknownEvent {

  /**
   * Returns {@link Provider#GITHUB}.
   *
   * @return {@link Provider#GITHUB}
   */
  @Override
  default Provider provider() {
    return Provider.GITHUB;
  }

  /**
   * Returns the {@code repository} the delivery is about.
   *
   * @return the repository; every field is {@code null} for organization-level events, which
   *     carry no repository
   */
  RepositoryInfo repository();

  /**
   * Returns {@code installation.id}, which deliveries to a GitHub App carry: the installation to
   * request an access token for.
   *
   * @return the installation id, or empty for a repository or organization webhook
   */
  Optional<Long> installationId();

  /**
   * Returns {@code sender.login}, the account that triggered the event.
   *
   * @return the login, or empty when the payload has none
   */
  Optional<String> senderLogin();
}
