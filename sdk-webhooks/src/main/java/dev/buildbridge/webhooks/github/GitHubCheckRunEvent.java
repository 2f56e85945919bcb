package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code check_run} event, sent to GitHub Apps: {@code created}, {@code completed},
 * {@code rerequested} (a user re-runs one check) and {@code requested_action} (a user pressed a
 * button the check run offered; see {@link #requestedActionIdentifier()}).
 *
 * <pre>{@code
 * if (event instanceof GitHubCheckRunEvent run
 *     && run.action().equals(Optional.of("rerequested"))) {
 *     rerun(run.externalId(), run.headSha());
 * }
 * }</pre>
 *
 * @param action {@code created}, {@code completed}, {@code rerequested} or
 *     {@code requested_action}; empty when absent
 * @param id {@code check_run.id}, or 0 when absent
 * @param name the check's name, or {@code null}
 * @param headSha the commit the run checks, or {@code null}
 * @param externalId the integrator's own id set when creating the run (may be empty), or
 *     {@code null}
 * @param status {@code queued}, {@code in_progress} or {@code completed}, or {@code null}
 * @param conclusion such as {@code success} or {@code failure} once completed, else {@code null}
 * @param detailsUrl the integrator's page for the run, or {@code null}
 * @param checkSuiteId {@code check_run.check_suite.id}, or 0 when absent
 * @param appSlug {@code check_run.app.slug}, the app that owns the run, or {@code null}
 * @param requestedActionIdentifier {@code requested_action.identifier} for a
 *     {@code requested_action} event, else {@code null}
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubCheckRunEvent(
    Optional<String> action,
    long id,
    String name,
    String headSha,
    String externalId,
    String status,
    String conclusion,
    String detailsUrl,
    long checkSuiteId,
    String appSlug,
    String requestedActionIdentifier,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code action}, {@code repository},
   *     {@code installationId} or {@code senderLogin} is null
   */
  public GitHubCheckRunEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubCheckRunEvent from(JsonNode payload) {
    JsonNode run = JsonFields.at(payload, "check_run");
    return new GitHubCheckRunEvent(
        GitHubFields.action(payload),
        JsonFields.number(run, 0, "id"),
        JsonFields.text(run, "name"),
        JsonFields.text(run, "head_sha"),
        JsonFields.text(run, "external_id"),
        JsonFields.text(run, "status"),
        JsonFields.text(run, "conclusion"),
        JsonFields.text(run, "details_url"),
        JsonFields.number(run, 0, "check_suite", "id"),
        JsonFields.text(run, "app", "slug"),
        JsonFields.text(payload, "requested_action", "identifier"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code check_run}.
   *
   * @return {@code check_run}
   */
  @Override
  public String eventName() {
    return "check_run";
  }
}
