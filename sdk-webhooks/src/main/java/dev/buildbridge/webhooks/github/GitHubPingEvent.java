package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code ping} event, sent once when a webhook is created. Answer it with a 2xx status.
 *
 * <pre>{@code
 * if (event instanceof GitHubPingEvent ping) {
 *     System.out.println("hook " + ping.hookId() + " subscribes to " + ping.events());
 * }
 * }</pre>
 *
 * @param zen a random line of GitHub zen, or {@code null}
 * @param hookId the webhook's id ({@code hook_id}, else {@code hook.id}), or 0 when absent
 * @param hookType {@code hook.type}, such as {@code Repository}, {@code Organization} or
 *     {@code App}, or {@code null}
 * @param events the event names the hook subscribes to ({@code *} for all)
 * @param appId {@code hook.app_id} for a GitHub App's webhook, or {@code null}
 * @param repository the repository of a repository hook; all fields null for other hooks
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubPingEvent(
    String zen,
    long hookId,
    String hookType,
    List<String> events,
    Long appId,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event, copying {@code events}.
   *
   * @throws NullPointerException when {@code events} (or one of them), {@code repository},
   *     {@code installationId} or {@code senderLogin} is null
   */
  public GitHubPingEvent {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubPingEvent from(JsonNode payload) {
    JsonNode hook = JsonFields.at(payload, "hook");
    return new GitHubPingEvent(
        JsonFields.text(payload, "zen"),
        JsonFields.number(payload, JsonFields.number(hook, 0, "id"), "hook_id"),
        JsonFields.text(hook, "type"),
        GitHubFields.texts(JsonFields.at(hook, "events")),
        JsonFields.wholeNumber(JsonFields.at(hook, "app_id")),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code ping}.
   *
   * @return {@code ping}
   */
  @Override
  public String eventName() {
    return "ping";
  }

  /**
   * Returns empty: ping payloads have no {@code action}.
   *
   * @return empty
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }
}
