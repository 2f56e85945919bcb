/**
 * GitHub webhook deliveries as typed, immutable events:
 * {@link dev.buildbridge.webhooks.github.GitHubEvents} parses a body by its {@code X-GitHub-Event}
 * name into a {@link dev.buildbridge.webhooks.github.GitHubEvent}. Pushes and pull requests also
 * implement the provider-neutral {@link dev.buildbridge.webhooks.PushEvent} and
 * {@link dev.buildbridge.webhooks.PullRequestEvent}; any other event, including those GitHub adds
 * later, arrives as a {@link dev.buildbridge.webhooks.github.GitHubUnknownEvent} that keeps the
 * JSON tree.
 */
package dev.buildbridge.webhooks.github;
