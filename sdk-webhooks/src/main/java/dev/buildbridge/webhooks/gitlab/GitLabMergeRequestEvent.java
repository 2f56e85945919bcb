package dev.buildbridge.webhooks.gitlab;

import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A GitLab {@code Merge Request Hook}. GitLab sends the action {@code update} both for new commits
 * and for edits of the title, description or labels; only an update carrying
 * {@code object_attributes.oldrev} (the previous head) brings new code.
 *
 * <pre>{@code
 * if (GitLabEvents.parse("Merge Request Hook", body) instanceof GitLabMergeRequestEvent mr
 *         && mr.updatesCode() && !mr.draft()) {
 *     build(mr.headRepository().cloneUrlOrSsh(), mr.headSha());
 * }
 * }</pre>
 *
 * @param eventName the {@code X-Gitlab-Event} header value, such as {@code Merge Request Hook}
 * @param action {@code object_attributes.action}, such as {@code open}, {@code update},
 *     {@code reopen}, {@code close}, {@code merge}, {@code approved}; empty when absent
 * @param number the merge request iid ({@code object_attributes.iid}), or 0 when absent
 * @param title {@code object_attributes.title}, or {@code null}
 * @param draft {@code object_attributes.draft}, or the older {@code work_in_progress}
 * @param state {@code object_attributes.state}, such as {@code opened} or {@code merged}, or
 *     {@code null}
 * @param oldRev {@code object_attributes.oldrev}, the head before new commits were pushed, or
 *     {@code null} when the event brought no new commits
 * @param headSha {@code object_attributes.last_commit.id}, or {@code null}
 * @param headRef {@code object_attributes.source_branch}, or {@code null}
 * @param baseRef {@code object_attributes.target_branch}, or {@code null}
 * @param headRepository the source project ({@code object_attributes.source}); its fields are null
 *     when the payload has none (a deleted fork)
 * @param repository the target project, read from the top-level {@code project}
 */
public record GitLabMergeRequestEvent(
    String eventName,
    Optional<String> action,
    long number,
    String title,
    boolean draft,
    String state,
    String oldRev,
    String headSha,
    String headRef,
    String baseRef,
    RepositoryInfo headRepository,
    RepositoryInfo repository) implements GitLabEvent, PullRequestEvent {

  /**
   * Checks the required components; a null {@code action} becomes empty.
   *
   * @throws NullPointerException when {@code eventName}, {@code headRepository} or
   *     {@code repository} is null
   */
  public GitLabMergeRequestEvent {
    Objects.requireNonNull(eventName, "eventName");
    action = action == null ? Optional.empty() : action;
    Objects.requireNonNull(headRepository, "headRepository");
    Objects.requireNonNull(repository, "repository");
  }

  /**
   * Tells whether the action brings code to build: {@code open}, {@code reopen}, and
   * {@code update} only when it carries {@code oldrev} (new commits).
   *
   * @return true when a job should run
   */
  @Override
  public boolean updatesCode() {
    if (action.isEmpty()) {
      return false;
    }
    String name = action.get();
    if (name.equals("open") || name.equals("reopen")) {
      return true;
    }
    return name.equals("update") && oldRev != null && !oldRev.isEmpty();
  }

  /**
   * Tells whether the merge request was merged: action {@code merge} or state {@code merged}.
   *
   * @return true when merged
   */
  public boolean merged() {
    return "merged".equals(state) || action.filter("merge"::equals).isPresent();
  }
}
