package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code check_suite} event, sent to GitHub Apps: {@code requested} when code is pushed,
 * {@code rerequested} when a user asks to re-run every check, {@code completed} when all runs
 * finished.
 *
 * <pre>{@code
 * if (event instanceof GitHubCheckSuiteEvent suite
 *     && suite.action().equals(Optional.of("rerequested"))) {
 *     rebuild(suite.repository().cloneUrlOrSsh(), suite.headSha(), suite.installationId());
 * }
 * }</pre>
 *
 * @param action {@code requested}, {@code rerequested} or {@code completed}; empty when absent
 * @param id {@code check_suite.id}, or 0 when absent
 * @param headBranch the branch of the head commit, or {@code null} (such as for a fork's pull
 *     request)
 * @param headSha the commit the suite checks, or {@code null}
 * @param status {@code queued}, {@code in_progress} or {@code completed}, or {@code null}
 * @param conclusion such as {@code success} or {@code failure} once completed, else {@code null}
 * @param appSlug {@code check_suite.app.slug}, the app that owns the suite, or {@code null}
 * @param pullRequestNumbers the numbers of the pull requests for the head commit
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubCheckSuiteEvent(
    Optional<String> action,
    long id,
    String headBranch,
    String headSha,
    String status,
    String conclusion,
    String appSlug,
    List<Long> pullRequestNumbers,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event, copying {@code pullRequestNumbers}.
   *
   * @throws NullPointerException when {@code action}, {@code pullRequestNumbers} (or one of
   *     them), {@code repository}, {@code installationId} or {@code senderLogin} is null
   */
  public GitHubCheckSuiteEvent {
    Objects.requireNonNull(action, "action");
    pullRequestNumbers = List.copyOf(
        Objects.requireNonNull(pullRequestNumbers, "pullRequestNumbers"));
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubCheckSuiteEvent from(JsonNode payload) {
    JsonNode suite = JsonFields.at(payload, "check_suite");
    return new GitHubCheckSuiteEvent(
        GitHubFields.action(payload),
        JsonFields.number(suite, 0, "id"),
        JsonFields.text(suite, "head_branch"),
        JsonFields.text(suite, "head_sha"),
        JsonFields.text(suite, "status"),
        JsonFields.text(suite, "conclusion"),
        JsonFields.text(suite, "app", "slug"),
        GitHubFields.numbers(JsonFields.at(suite, "pull_requests"), "number"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code check_suite}.
   *
   * @return {@code check_suite}
   */
  @Override
  public String eventName() {
    return "check_suite";
  }
}
