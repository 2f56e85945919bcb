package dev.buildbridge.webhooks.gitea;

import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gitea or Forgejo {@code push} event: commits pushed to a branch or tag, or a ref deleted.
 *
 * <pre>{@code
 * if (GiteaEvents.parse(Provider.GITEA, "push", body) instanceof GiteaPushEvent push
 *         && !push.deleted()) {
 *     System.out.println(push.repository().fullName() + " " + push.ref() + " " + push.after());
 * }
 * }</pre>
 *
 * @param provider {@link Provider#GITEA} or {@link Provider#FORGEJO}
 * @param eventName the event header value, such as {@code push}
 * @param ref the pushed ref, such as {@code refs/heads/main}, or {@code null}
 * @param before the commit the ref pointed to before the push, or {@code null}
 * @param after the commit the ref points to after the push, or {@code null}
 * @param deleted whether the push deleted the ref: {@code deleted: true} (newer Gitea versions send
 *     it) or {@code after} all zeros
 * @param compareUrl the web page comparing {@code before} and {@code after}, or {@code null}
 * @param commitCount {@code total_commits} when present, else the number of entries in
 *     {@code commits} (Gitea caps that list)
 * @param headCommitId {@code head_commit.id}, or {@code null}
 * @param headCommitMessage {@code head_commit.message}, or {@code null}
 * @param pusher the pusher's login ({@code pusher.login}, else {@code pusher.username}), or
 *     {@code null}
 * @param repository the repository pushed to; its fields may be null
 */
public record GiteaPushEvent(
    Provider provider,
    String eventName,
    String ref,
    String before,
    String after,
    boolean deleted,
    String compareUrl,
    long commitCount,
    String headCommitId,
    String headCommitMessage,
    String pusher,
    RepositoryInfo repository) implements GiteaEvent, PushEvent {

  /**
   * Checks the required components.
   *
   * @throws NullPointerException when {@code provider}, {@code eventName} or {@code repository}
   *     is null
   */
  public GiteaPushEvent {
    Objects.requireNonNull(provider, "provider");
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
