package dev.buildbridge.webhooks.gitlab;

import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A GitLab {@code Push Hook} or {@code Tag Push Hook} ({@code object_kind} {@code push} or
 * {@code tag_push}): commits pushed to a branch or tag, or a ref deleted.
 *
 * <p>For an annotated tag, {@link #after()} is the tag object and {@link #checkoutSha()} the commit
 * it points to; for a branch both are the same commit. On a deletion {@code after} is all zeros and
 * {@code checkoutSha} is null.
 *
 * <pre>{@code
 * if (GitLabEvents.parse("Push Hook", body) instanceof GitLabPushEvent push && !push.deleted()) {
 *     System.out.println(push.repository().fullName() + " " + push.checkoutSha());
 * }
 * }</pre>
 *
 * @param eventName the {@code X-Gitlab-Event} header value, such as {@code Push Hook}
 * @param objectKind the {@code object_kind} field ({@code push} or {@code tag_push}), or
 *     {@code null}
 * @param ref the pushed ref, such as {@code refs/heads/main}, or {@code null}
 * @param before the commit the ref pointed to before the push, or {@code null}
 * @param after the object the ref points to after the push, or {@code null}
 * @param checkoutSha the commit to check out ({@code checkout_sha}), or {@code null} (a deletion)
 * @param deleted whether the push deleted the ref ({@code after} all zeros)
 * @param userUsername the pusher's username ({@code user_username}), or {@code null}
 * @param totalCommitsCount {@code total_commits_count}, or 0 when absent
 * @param repository the project pushed to, read from {@code project}; its fields may be null
 */
public record GitLabPushEvent(
    String eventName,
    String objectKind,
    String ref,
    String before,
    String after,
    String checkoutSha,
    boolean deleted,
    String userUsername,
    long totalCommitsCount,
    RepositoryInfo repository) implements GitLabEvent, PushEvent {

  /**
   * Checks the required components.
   *
   * @throws NullPointerException when {@code eventName} or {@code repository} is null
   */
  public GitLabPushEvent {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(repository, "repository");
  }

  /**
   * Returns nothing: push events have no action.
   *
   * @return an empty optional
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }
}
