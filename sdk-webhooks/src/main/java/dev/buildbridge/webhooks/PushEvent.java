package dev.buildbridge.webhooks;

/**
 * A push to a branch or tag, from any forge: what job mapping needs. A branch or tag deletion has
 * {@link #deleted()} true and yields no job.
 *
 * <pre>{@code
 * if (event instanceof PushEvent push && !push.deleted() && push.branch().isPresent()) {
 *     build(push.repository().cloneUrlOrSsh(), push.after());
 * }
 * }</pre>
 */
public interface PushEvent extends WebhookEvent {
  /** The all-zero commit id forges send for a ref that was created or deleted. */
  String ZERO_SHA = "0000000000000000000000000000000000000000";

  /**
   * Tells whether a commit id is all zeros, as forges send for a ref that did not exist before or
   * no longer exists; SHA-1 and SHA-256 repositories alike, so any length counts.
   *
   * @param sha a commit id, or {@code null}
   * @return true when {@code sha} is non-empty and every character is {@code 0}
   */
  static boolean isZeroCommit(String sha) {
    if (sha == null || sha.isEmpty()) {
      return false;
    }
    for (int i = 0; i < sha.length(); i++) {
      if (sha.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the pushed ref, such as {@code refs/heads/main} or {@code refs/tags/v1.0}.
   *
   * @return the ref, or {@code null} when the payload has none
   */
  String ref();

  /**
   * Returns the commit the ref points to after the push.
   *
   * @return the commit id, {@link #ZERO_SHA} for a deletion, or {@code null} when absent
   */
  String after();

  /**
   * Tells whether the push deleted the ref: {@code deleted: true}, or {@code after} all zeros.
   *
   * @return true for a deletion
   */
  boolean deleted();

  /**
   * Returns the repository pushed to.
   *
   * @return the repository; its fields may be null
   */
  RepositoryInfo repository();

  /**
   * Returns the branch name when the ref is a branch.
   *
   * @return the name after {@code refs/heads/}
   */
  default java.util.Optional<String> branch() {
    String ref = ref();
    return ref != null && ref.startsWith("refs/heads/")
        ? java.util.Optional.of(ref.substring("refs/heads/".length()))
        : java.util.Optional.empty();
  }

  /**
   * Returns the tag name when the ref is a tag.
   *
   * @return the name after {@code refs/tags/}
   */
  default java.util.Optional<String> tag() {
    String ref = ref();
    return ref != null && ref.startsWith("refs/tags/")
        ? java.util.Optional.of(ref.substring("refs/tags/".length()))
        : java.util.Optional.empty();
  }
}
