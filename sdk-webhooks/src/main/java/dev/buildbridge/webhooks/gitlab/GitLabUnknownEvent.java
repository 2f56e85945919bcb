package dev.buildbridge.webhooks.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A GitLab event this SDK does not type ({@code Note Hook}, {@code Pipeline Hook},
 * {@code Issue Hook}, ...). It keeps the whole payload, so callers can read what they need.
 *
 * <pre>{@code
 * if (GitLabEvents.parse("Pipeline Hook", body) instanceof GitLabUnknownEvent other) {
 *     String status = other.payload().path("object_attributes").path("status").asText();
 * }
 * }</pre>
 *
 * @param eventName the {@code X-Gitlab-Event} header value
 * @param action {@code object_attributes.action}; empty when absent
 * @param repository the project, read from the top-level {@code project}; its fields may be null
 * @param payload the whole payload (copied in, and copied again by {@link #payload()})
 */
public record GitLabUnknownEvent(
    String eventName,
    Optional<String> action,
    RepositoryInfo repository,
    JsonNode payload) implements GitLabEvent {

  /**
   * Checks the components and copies the payload; a null {@code action} becomes empty.
   *
   * @throws NullPointerException when {@code eventName}, {@code repository} or {@code payload} is
   *     null
   */
  public GitLabUnknownEvent {
    Objects.requireNonNull(eventName, "eventName");
    action = action == null ? Optional.empty() : action;
    Objects.requireNonNull(repository, "repository");
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  /**
   * Returns a copy of the whole payload; changing it does not change this event.
   *
   * @return a deep copy of the payload
   */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }
}
