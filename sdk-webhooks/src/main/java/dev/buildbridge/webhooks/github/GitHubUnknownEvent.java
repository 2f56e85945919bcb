package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * Any event without a typed record ({@code issues}, {@code workflow_run}, {@code star}, …, and
 * events GitHub adds later). Keeps the common fields and the whole JSON tree, so nothing is lost.
 *
 * <pre>{@code
 * if (event instanceof GitHubUnknownEvent other && other.eventName().equals("workflow_run")) {
 *     JsonNode run = other.payload().path("workflow_run");
 *     System.out.println(run.path("conclusion").asText());
 * }
 * }</pre>
 *
 * @param eventName the {@code X-GitHub-Event} value
 * @param action {@code action} when the payload has a string one, else empty
 * @param repository the top-level {@code repository}; all fields null when absent
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 * @param payload the delivery's JSON; the event holds its own copy
 */
public record GitHubUnknownEvent(
    String eventName,
    Optional<String> action,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin,
    JsonNode payload) implements GitHubEvent {

  /**
   * Creates the event with a deep copy of {@code payload}, so later changes to the caller's tree
   * do not reach it.
   *
   * @throws NullPointerException when any argument is null
   */
  public GitHubUnknownEvent {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  static GitHubUnknownEvent from(String eventName, JsonNode payload) {
    return new GitHubUnknownEvent(
        eventName,
        GitHubFields.action(payload),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload),
        payload);
  }

  /**
   * Returns a deep copy of the delivery's JSON: changing it does not change this event.
   *
   * @return a fresh copy of the payload tree
   */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /**
   * Describes the event without its payload, which can be large.
   *
   * @return such as {@code GitHubUnknownEvent[eventName=issues, action=opened,
   *     repository=octo/repo, installationId=null, senderLogin=octocat, payload=<9 fields>]}
   */
  @Override
  public String toString() {
    return "GitHubUnknownEvent[eventName=" + eventName
        + ", action=" + action.orElse(null)
        + ", repository=" + repository.fullNameOrParts()
        + ", installationId=" + installationId.orElse(null)
        + ", senderLogin=" + senderLogin.orElse(null)
        + ", payload=<" + payload.size() + " fields>]";
  }
}
