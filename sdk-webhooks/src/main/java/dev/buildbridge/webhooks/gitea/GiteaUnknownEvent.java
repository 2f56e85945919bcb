package dev.buildbridge.webhooks.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gitea or Forgejo event this SDK does not type ({@code issues}, {@code create},
 * {@code release}, ...). It keeps the whole payload, so callers can read what they need.
 *
 * <pre>{@code
 * if (GiteaEvents.parse(Provider.GITEA, "issues", body) instanceof GiteaUnknownEvent other) {
 *     JsonNode issue = other.payload().path("issue");
 * }
 * }</pre>
 *
 * @param provider {@link Provider#GITEA} or {@link Provider#FORGEJO}
 * @param eventName the event header value
 * @param action the {@code action} field; empty when absent
 * @param repository the top-level {@code repository}; its fields may be null
 * @param payload the whole payload (copied in, and copied again by {@link #payload()})
 */
public record GiteaUnknownEvent(
    Provider provider,
    String eventName,
    Optional<String> action,
    RepositoryInfo repository,
    JsonNode payload) implements GiteaEvent {

  /**
   * Checks the components and copies the payload; a null {@code action} becomes empty.
   *
   * @throws NullPointerException when {@code provider}, {@code eventName}, {@code repository} or
   *     {@code payload} is null
   */
  public GiteaUnknownEvent {
    Objects.requireNonNull(provider, "provider");
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
