package dev.buildbridge.webhooks.gitea;

import dev.buildbridge.webhooks.WebhookEvent;

/**
 * A Gitea or Forgejo delivery: a push, a pull request, or an event this SDK does not type. Forgejo
 * sends the same payloads as Gitea; {@link #provider()} tells them apart.
 *
 * <pre>{@code
 * GiteaEvent event = GiteaEvents.parse(Provider.FORGEJO, eventHeader, body);
 * if (event instanceof GiteaPushEvent push && !push.deleted()) {
 *     build(push.repository().cloneUrlOrSsh(), push.after());
 * } else if (event instanceof GiteaPullRequestEvent pr && pr.updatesCode()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha());
 * }
 * }</pre>
 */
public sealed interface GiteaEvent extends WebhookEvent
    permits GiteaPushEvent, GiteaPullRequestEvent, GiteaUnknownEvent {}
