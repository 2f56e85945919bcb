package dev.buildbridge.webhooks;

/**
 * The repository fields a job needs, as every forge's payload carries them. Any field may be
 * {@code null} when the payload lacks it; parsing never fails for a missing field.
 *
 * <pre>{@code
 * RepositoryInfo repo = push.repository();
 * String url = repo.cloneUrlOrSsh();   // clone_url, else ssh_url
 * }</pre>
 *
 * @param owner the owner's login (user or organization), or {@code null}
 * @param name the repository name, or {@code null}
 * @param fullName {@code owner/name}, or {@code null}
 * @param cloneUrl the HTTPS clone URL, or {@code null}
 * @param sshUrl the SSH clone URL, or {@code null}
 * @param htmlUrl the web page of the repository, or {@code null}
 * @param defaultBranch the default branch, or {@code null}
 */
public record RepositoryInfo(
    String owner,
    String name,
    String fullName,
    String cloneUrl,
    String sshUrl,
    String htmlUrl,
    String defaultBranch) {

  /**
   * Returns the clone URL, falling back to the SSH URL.
   *
   * @return {@code cloneUrl}, else {@code sshUrl}, else {@code null}
   */
  public String cloneUrlOrSsh() {
    return cloneUrl != null && !cloneUrl.isEmpty() ? cloneUrl : sshUrl;
  }

  /**
   * Returns {@code owner/name}, built from the parts when the payload gave no full name.
   *
   * @return the full name, or {@code null} when neither it nor both parts are known
   */
  public String fullNameOrParts() {
    if (fullName != null) {
      return fullName;
    }
    return owner != null && name != null ? owner + '/' + name : null;
  }
}
