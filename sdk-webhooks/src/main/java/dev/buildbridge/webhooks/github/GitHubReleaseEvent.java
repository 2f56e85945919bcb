package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code release} event: a release was created, published, edited, deleted, or marked a
 * prerelease or full release.
 *
 * <pre>{@code
 * if (event instanceof GitHubReleaseEvent release
 *     && release.action().equals(Optional.of("published")) && !release.prerelease()) {
 *     publishArtifacts(release.tagName());
 * }
 * }</pre>
 *
 * @param action such as {@code published}, {@code created} or {@code deleted}; empty when absent
 * @param tagName the release's tag, or {@code null}
 * @param name the release title (may be empty), or {@code null}
 * @param targetCommitish the branch or commit the tag is created from, or {@code null}
 * @param draft whether the release is a draft
 * @param prerelease whether the release is marked as a prerelease
 * @param htmlUrl the release's web page, or {@code null}
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubReleaseEvent(
    Optional<String> action,
    String tagName,
    String name,
    String targetCommitish,
    boolean draft,
    boolean prerelease,
    String htmlUrl,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code action}, {@code repository},
   *     {@code installationId} or {@code senderLogin} is null
   */
  public GitHubReleaseEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubReleaseEvent from(JsonNode payload) {
    JsonNode release = JsonFields.at(payload, "release");
    return new GitHubReleaseEvent(
        GitHubFields.action(payload),
        JsonFields.text(release, "tag_name"),
        JsonFields.text(release, "name"),
        JsonFields.text(release, "target_commitish"),
        JsonFields.bool(release, false, "draft"),
        JsonFields.bool(release, false, "prerelease"),
        JsonFields.text(release, "html_url"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code release}.
   *
   * @return {@code release}
   */
  @Override
  public String eventName() {
    return "release";
  }
}
