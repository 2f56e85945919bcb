package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code delete} event: a branch or tag was deleted. Useful to clean up what was built for it.
 *
 * <pre>{@code
 * if (event instanceof GitHubDeleteEvent delete && "branch".equals(delete.refType())) {
 *     dropCaches(delete.repository().fullName(), delete.ref());
 * }
 * }</pre>
 *
 * @param ref the short ref name, such as {@code feature-x} or {@code v1.0} (no {@code refs/}
 *     prefix), or {@code null}
 * @param refType {@code branch} or {@code tag}, or {@code null}
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubDeleteEvent(
    String ref,
    String refType,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code repository}, {@code installationId} or
   *     {@code senderLogin} is null
   */
  public GitHubDeleteEvent {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubDeleteEvent from(JsonNode payload) {
    return new GitHubDeleteEvent(
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "ref_type"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code delete}.
   *
   * @return {@code delete}
   */
  @Override
  public String eventName() {
    return "delete";
  }

  /**
   * Returns empty: delete payloads have no {@code action}.
   *
   * @return empty
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }
}
