package dev.buildbridge.workflow.internal;

/** Tells a repository's owner and name from its clone URL. */
public final class RepositoryUrls {
  private RepositoryUrls() {}

  /**
   * Splits {@code scheme://host/.../owner/repo(.git)} or scp-like {@code host:owner/repo(.git)}
   * into owner and name; trailing slashes and a {@code .git} suffix (any case) are dropped, user
   * information and ports are never taken for an owner.
   *
   * @param repoUrl the clone URL
   * @return {@code {owner, name}}, or {@code null} when the URL names no {@code owner/repo}
   */
  public static String[] ownerAndName(String repoUrl) {
    int scheme = repoUrl.indexOf("://");
    int from;
    if (scheme >= 0) {
      int pathStart = repoUrl.indexOf('/', scheme + 3);
      from = pathStart < 0 ? repoUrl.length() : pathStart + 1;
    } else {
      from = repoUrl.indexOf(':') + 1;          // scp-like user@host:owner/repo; 0 when none
    }
    int end = repoUrl.length();
    while (end > from && repoUrl.charAt(end - 1) == '/') {
      end--;
    }
    if (end - from > 4 && repoUrl.regionMatches(true, end - 4, ".git", 0, 4)) {
      end -= 4;
    }
    int slash = repoUrl.lastIndexOf('/', end - 1);
    int ownerStart = slash <= from ? -1 : repoUrl.lastIndexOf('/', slash - 1) + 1;
    if (ownerStart < from) {
      ownerStart = from;
    }
    if (slash < from || ownerStart >= slash || slash + 1 >= end) {
      return null;
    }
    return new String[] {repoUrl.substring(ownerStart, slash), repoUrl.substring(slash + 1, end)};
  }
}
