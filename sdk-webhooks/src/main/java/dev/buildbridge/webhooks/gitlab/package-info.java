/**
 * GitLab webhook deliveries as typed events: {@link dev.buildbridge.webhooks.gitlab.GitLabEvents}
 * parses a body into a {@link dev.buildbridge.webhooks.gitlab.GitLabEvent}.
 */
package dev.buildbridge.webhooks.gitlab;
