package dev.buildbridge.webhooks;

/**
 * A pull (or merge) request event, from any forge: what job mapping needs. Only
 * {@link #updatesCode()} events ({@code opened}, {@code synchronize}/{@code synchronized},
 * {@code reopened}, and GitLab's {@code open}/{@code update}/{@code reopen}) yield a job.
 *
 * <pre>{@code
 * if (event instanceof PullRequestEvent pr && pr.updatesCode() && !pr.draft()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha());
 * }
 * }</pre>
 */
public interface PullRequestEvent extends WebhookEvent {

  /**
   * Returns the pull request number (GitLab: the merge request iid).
   *
   * @return the number, or 0 when absent
   */
  long number();

  /**
   * Tells whether the action brings new code to build: opened, new commits, or reopened.
   *
   * @return true when a job should run
   */
  boolean updatesCode();

  /**
   * Tells whether the pull request is a draft (GitLab: work in progress).
   *
   * @return true for a draft
   */
  boolean draft();

  /**
   * Returns the commit at the head of the pull request.
   *
   * @return the commit id, or {@code null} when absent
   */
  String headSha();

  /**
   * Returns the head branch name.
   *
   * @return the branch, or {@code null} when absent
   */
  String headRef();

  /**
   * Returns the base (target) branch name.
   *
   * @return the branch, or {@code null} when absent
   */
  String baseRef();

  /**
   * Returns the repository the head branch lives in (a fork, possibly).
   *
   * @return the repository; its fields may be null (a deleted fork)
   */
  RepositoryInfo headRepository();

  /**
   * Returns the repository the pull request targets, which received the webhook.
   *
   * @return the repository; its fields may be null
   */
  RepositoryInfo repository();
}
