/**
 * Gitea and Forgejo webhook deliveries as typed events: {@link dev.buildbridge.webhooks.gitea.GiteaEvents}
 * parses a body into a {@link dev.buildbridge.webhooks.gitea.GiteaEvent}.
 */
package dev.buildbridge.webhooks.gitea;
