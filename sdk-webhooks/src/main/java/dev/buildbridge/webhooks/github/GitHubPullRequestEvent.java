package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.JsonShape;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code pull_request} event. Only {@link #updatesCode()} actions ({@code opened},
 * {@code synchronize}, {@code reopened}) bring new code to build; a merge is {@code closed} with
 * {@link #merged()} true.
 *
 * <pre>{@code
 * if (event instanceof GitHubPullRequestEvent pr && pr.updatesCode() && !pr.draft()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha(), "pull/" + pr.number());
 * }
 * }</pre>
 *
 * @param action the action, such as {@code opened}, {@code synchronize} or {@code closed}; empty
 *     when absent
 * @param number the pull request number, or 0 when absent
 * @param title the title, or {@code null}
 * @param state {@code open} or {@code closed}, or {@code null}
 * @param draft whether the pull request is a draft
 * @param merged whether the pull request has been merged
 * @param headSha {@code pull_request.head.sha}, the commit to build, or {@code null}
 * @param headRef the head branch name, or {@code null}
 * @param baseRef the base (target) branch name, or {@code null}
 * @param baseSha the base branch's commit, or {@code null}
 * @param headRepository {@code pull_request.head.repo}, a fork possibly; all fields null when the
 *     payload has none (a deleted fork)
 * @param labels the label names
 * @param authorLogin {@code pull_request.user.login}, or {@code null}
 * @param htmlUrl the pull request's web page, or {@code null}
 * @param repository the repository the pull request targets; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubPullRequestEvent(
    Optional<String> action,
    long number,
    String title,
    String state,
    boolean draft,
    boolean merged,
    String headSha,
    String headRef,
    String baseRef,
    String baseSha,
    RepositoryInfo headRepository,
    List<String> labels,
    String authorLogin,
    String htmlUrl,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent, PullRequestEvent {

  /**
   * Creates the event, copying {@code labels}.
   *
   * @throws NullPointerException when {@code action}, {@code headRepository}, {@code labels} (or
   *     one of them), {@code repository}, {@code installationId} or {@code senderLogin} is null
   */
  public GitHubPullRequestEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(headRepository, "headRepository");
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  /**
   * Everything {@link #from(JsonNode)} reads: a delivery is parsed into a tree of only these
   * members. Keep it in step with {@code from}.
   */
  static final JsonShape SHAPE = GitHubFields.COMMON
      .with("number", JsonShape.whole())
      .with("pull_request", JsonShape
          .keep("number", "title", "state", "draft", "merged", "html_url")
          .with("head", JsonShape.keep("sha", "ref").with("repo", GitHubFields.REPOSITORY))
          .with("base", JsonShape.keep("ref", "sha"))
          .with("labels", JsonShape.arrayOf(JsonShape.keep("name")))
          .with("user", JsonShape.keep("login")));

  static GitHubPullRequestEvent from(JsonNode payload) {
    JsonNode pr = JsonFields.at(payload, "pull_request");
    return new GitHubPullRequestEvent(
        GitHubFields.action(payload),
        JsonFields.number(payload, JsonFields.number(pr, 0, "number"), "number"),
        JsonFields.text(pr, "title"),
        JsonFields.text(pr, "state"),
        JsonFields.bool(pr, false, "draft"),
        JsonFields.bool(pr, false, "merged"),
        JsonFields.text(pr, "head", "sha"),
        JsonFields.text(pr, "head", "ref"),
        JsonFields.text(pr, "base", "ref"),
        JsonFields.text(pr, "base", "sha"),
        JsonFields.repository(JsonFields.at(pr, "head", "repo")),
        GitHubFields.texts(JsonFields.at(pr, "labels"), "name"),
        JsonFields.text(pr, "user", "login"),
        JsonFields.text(pr, "html_url"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code pull_request}.
   *
   * @return {@code pull_request}
   */
  @Override
  public String eventName() {
    return "pull_request";
  }

  /**
   * Tells whether the action brings new code to build: {@code opened}, {@code synchronize} (new
   * commits) or {@code reopened}. Drafts are included; check {@link #draft()} to skip them.
   *
   * @return true when a job should run
   */
  @Override
  public boolean updatesCode() {
    if (action.isEmpty()) {
      return false;
    }
    String name = action.get();
    return name.equals("opened") || name.equals("synchronize") || name.equals("reopened");
  }
}
