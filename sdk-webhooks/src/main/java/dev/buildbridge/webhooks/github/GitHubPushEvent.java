package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.JsonShape;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code push} event: commits pushed to a branch or tag, or a ref created or deleted. A deletion
 * has {@link #deleted()} true and no {@link #headCommit()}.
 *
 * <pre>{@code
 * if (event instanceof GitHubPushEvent push && !push.deleted() && push.branch().isPresent()) {
 *     build(push.repository().cloneUrlOrSsh(), push.after(), push.commitCount());
 * }
 * }</pre>
 *
 * @param ref the pushed ref, such as {@code refs/heads/main} or {@code refs/tags/v1.0}, or
 *     {@code null}
 * @param before the commit the ref pointed to before the push (all zeros for a new ref), or
 *     {@code null}
 * @param after the commit the ref points to after the push (all zeros for a deletion), or
 *     {@code null}
 * @param created whether the push created the ref: {@code created: true}, or {@code before} all
 *     zeros
 * @param deleted whether the push deleted the ref: {@code deleted: true}, or {@code after} all
 *     zeros
 * @param forced whether the push was a force push
 * @param baseRef {@code base_ref}: for a tag pushed at a branch head, that branch; or {@code null}
 * @param compare the URL comparing {@code before} with {@code after}, or {@code null}
 * @param headCommit the newest commit pushed, or {@code null} (deletions)
 * @param commitCount the number of commits listed in {@code commits}
 * @param pusherName {@code pusher.name}, or {@code null}
 * @param repository the repository pushed to; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubPushEvent(
    String ref,
    String before,
    String after,
    boolean created,
    boolean deleted,
    boolean forced,
    String baseRef,
    String compare,
    Commit headCommit,
    int commitCount,
    String pusherName,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent, PushEvent {

  /**
   * Creates the event. {@code created} and {@code deleted} are also set when {@code before} or
   * {@code after} is all zeros, so a hand-made event agrees with a parsed one.
   *
   * @throws NullPointerException when {@code repository}, {@code installationId} or
   *     {@code senderLogin} is null
   * @throws IllegalArgumentException when {@code commitCount} is negative
   */
  public GitHubPushEvent {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
    if (commitCount < 0) {
      throw new IllegalArgumentException("commitCount < 0");
    }
    created = created || PushEvent.isZeroCommit(before);
    deleted = deleted || PushEvent.isZeroCommit(after);
  }

  /**
   * Everything {@link #from(JsonNode)} reads: a delivery is parsed into a tree of only these
   * members (the commits count, not their content). Keep it in step with {@code from}.
   */
  static final JsonShape SHAPE = GitHubFields.COMMON
      .with("ref", JsonShape.whole())
      .with("before", JsonShape.whole())
      .with("after", JsonShape.whole())
      .with("created", JsonShape.whole())
      .with("deleted", JsonShape.whole())
      .with("forced", JsonShape.whole())
      .with("base_ref", JsonShape.whole())
      .with("compare", JsonShape.whole())
      .with("head_commit", JsonShape.keep("id", "message", "timestamp", "url")
          .with("author", JsonShape.keep("name", "email")))
      .with("commits", JsonShape.arrayOf(JsonShape.keep()))
      .with("pusher", JsonShape.keep("name"));

  static GitHubPushEvent from(JsonNode payload) {
    JsonNode commits = JsonFields.at(payload, "commits");
    return new GitHubPushEvent(
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "before"),
        JsonFields.text(payload, "after"),
        JsonFields.bool(payload, false, "created"),
        JsonFields.bool(payload, false, "deleted"),
        JsonFields.bool(payload, false, "forced"),
        JsonFields.text(payload, "base_ref"),
        JsonFields.text(payload, "compare"),
        Commit.from(JsonFields.at(payload, "head_commit")),
        commits != null && commits.isArray() ? commits.size() : 0,
        JsonFields.text(payload, "pusher", "name"),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code push}.
   *
   * @return {@code push}
   */
  @Override
  public String eventName() {
    return "push";
  }

  /**
   * Returns empty: push payloads have no {@code action}.
   *
   * @return empty
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }

  /**
   * A commit as a push payload lists it ({@code head_commit}).
   *
   * <pre>{@code
   * GitHubPushEvent.Commit head = push.headCommit();
   * if (head != null) {
   *     System.out.println(head.id() + " by " + head.authorName());
   * }
   * }</pre>
   *
   * @param id the commit id, or {@code null}
   * @param message the full commit message, or {@code null}
   * @param timestamp when the commit was authored, ISO 8601 as sent (such as
   *     {@code 2019-05-15T15:19:25Z}), or {@code null}
   * @param url the commit's web page, or {@code null}
   * @param authorName {@code author.name}, or {@code null}
   * @param authorEmail {@code author.email}, or {@code null}
   */
  public record Commit(
      String id,
      String message,
      String timestamp,
      String url,
      String authorName,
      String authorEmail) {

    static Commit from(JsonNode commit) {
      if (commit == null || !commit.isObject()) {
        return null;
      }
      return new Commit(
          JsonFields.text(commit, "id"),
          JsonFields.text(commit, "message"),
          JsonFields.text(commit, "timestamp"),
          JsonFields.text(commit, "url"),
          JsonFields.text(commit, "author", "name"),
          JsonFields.text(commit, "author", "email"));
    }
  }
}
