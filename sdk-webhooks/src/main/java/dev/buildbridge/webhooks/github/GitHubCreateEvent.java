package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code create} event: a branch or tag was created. GitHub also sends a {@code push} for it;
 * build from that one.
 *
 * <pre>{@code
 * if (event instanceof GitHubCreateEvent create && "tag".equals(create.refType())) {
 *     System.out.println("new tag " + create.ref());
 * }
 * }</pre>
 *
 * @param ref the short ref name, such as {@code main} or {@code v1.0} (no {@code refs/} prefix),
 *     or {@code null}
 * @param refType {@code branch} or {@code tag}, or {@code null}
 * @param masterBranch the repository's default branch ({@code master_branch}), or {@code null}
 * @param description the repository description, or {@code null}
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubCreateEvent(
    String ref,
    String refType,
    String masterBranch,
    String description,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code repository}, {@code installationId} or
   *     {@code senderLogin} is null
   */
  public GitHubCreateEvent {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubCreateEvent from(JsonNode payload) {
    return new GitHubCreateEvent(
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "ref_type"),
        JsonFields.text(payload, "master_branch"),
        JsonFields.text(payload, "description"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code create}.
   *
   * @return {@code create}
   */
  @Override
  public String eventName() {
    return "create";
  }

  /**
   * Returns empty: create payloads have no {@code action}.
   *
   * @return empty
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }
}
