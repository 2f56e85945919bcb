package dev.buildbridge.webhooks.gitlab;

import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookEvent;

/**
 * A GitLab delivery: a branch or tag push, a merge request, or an event this SDK does not type.
 * {@link #eventName()} is the {@code X-Gitlab-Event} header value, such as {@code Push Hook}.
 *
 * <pre>{@code
 * GitLabEvent event = GitLabEvents.parse(request.header("X-Gitlab-Event"), body);
 * if (event instanceof GitLabPushEvent push && !push.deleted()) {
 *     build(push.repository().cloneUrlOrSsh(), push.after());
 * } else if (event instanceof GitLabMergeRequestEvent mr && mr.updatesCode()) {
 *     build(mr.headRepository().cloneUrlOrSsh(), mr.headSha());
 * }
 * }</pre>
 */
public sealed interface GitLabEvent extends WebhookEvent
    permits GitLabPushEvent, GitLabMergeRequestEvent, GitLabUnknownEvent {

  /**
   * Returns {@link Provider#GITLAB}.
   *
   * @return {@link Provider#GITLAB}
   */
  @Override
  default Provider provider() {
    return Provider.GITLAB;
  }
}
