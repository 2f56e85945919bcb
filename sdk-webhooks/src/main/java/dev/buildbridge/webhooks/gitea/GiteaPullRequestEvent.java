package dev.buildbridge.webhooks.gitea;

import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gitea or Forgejo {@code pull_request} event. Gitea reports new commits with the action
 * {@code synchronized} (GitHub says {@code synchronize}); both count as {@link #updatesCode()}.
 *
 * <p>{@link #draft()} is the {@code pull_request.draft} field, which newer Gitea and Forgejo
 * versions send. Older versions mark drafts only by a title prefix ({@code WIP:}, {@code [WIP]},
 * configurable per instance); this SDK does not guess from the title, so such drafts read as
 * {@code false}.
 *
 * <pre>{@code
 * if (GiteaEvents.parse(Provider.GITEA, "pull_request", body) instanceof GiteaPullRequestEvent pr
 *         && pr.updatesCode() && !pr.draft()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha());
 * }
 * }</pre>
 *
 * @param provider {@link Provider#GITEA} or {@link Provider#FORGEJO}
 * @param eventName the event header value, such as {@code pull_request}
 * @param action the {@code action} field, such as {@code opened} or {@code synchronized}; empty
 *     when absent
 * @param number the pull request number ({@code number}, else {@code pull_request.number}), or 0
 *     when absent
 * @param title {@code pull_request.title}, or {@code null}
 * @param draft {@code pull_request.draft}; {@code false} when absent
 * @param headSha {@code pull_request.head.sha}, or {@code null}
 * @param headRef {@code pull_request.head.ref}, or {@code null}
 * @param baseRef {@code pull_request.base.ref}, or {@code null}
 * @param headRepository {@code pull_request.head.repo}; its fields are null when the payload has
 *     none (a deleted fork, or a payload that names only {@code repo_id})
 * @param repository the top-level {@code repository}, which the pull request targets
 * @param merged {@code pull_request.merged}; {@code false} when absent
 */
public record GiteaPullRequestEvent(
    Provider provider,
    String eventName,
    Optional<String> action,
    long number,
    String title,
    boolean draft,
    String headSha,
    String headRef,
    String baseRef,
    RepositoryInfo headRepository,
    RepositoryInfo repository,
    boolean merged) implements GiteaEvent, PullRequestEvent {

  /**
   * Checks the required components; a null {@code action} becomes empty.
   *
   * @throws NullPointerException when {@code provider}, {@code eventName}, {@code headRepository}
   *     or {@code repository} is null
   */
  public GiteaPullRequestEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventName, "eventName");
    action = action == null ? Optional.empty() : action;
    Objects.requireNonNull(headRepository, "headRepository");
    Objects.requireNonNull(repository, "repository");
  }

  /**
   * Tells whether the action brings code to build: {@code opened}, {@code synchronized} (or
   * {@code synchronize}) and {@code reopened}.
   *
   * @return true when a job should run
   */
  @Override
  public boolean updatesCode() {
    if (action.isEmpty()) {
      return false;
    }
    String name = action.get();
    return name.equals("opened") || name.equals("synchronized") || name.equals("synchronize")
        || name.equals("reopened");
  }
}
