package dev.buildbridge.samples.gateway;

import dev.buildbridge.workflow.WorkflowFile;
import dev.buildbridge.workflow.WorkflowSource;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads workflow files of repositories on the GitHub App's host through the Contents API, and
 * every other repository's through the git mirror cache.
 */
final class RoutingWorkflowSource implements WorkflowSource {
  private final String githubHost;
  private final WorkflowSource github;
  private final WorkflowSource git;

  RoutingWorkflowSource(String githubHost, WorkflowSource github, WorkflowSource git) {
    this.githubHost = githubHost;
    this.github = github;
    this.git = git;
  }

  @Override
  public Optional<WorkflowFile> read(String repoUrl, String commitSha, String path) {
    return (githubHost.equals(host(repoUrl)) ? github : git).read(repoUrl, commitSha, path);
  }

  /** The host of {@code https://host/...}, {@code ssh://user@host/...} or {@code user@host:path}. */
  static String host(String repoUrl) {
    if (repoUrl == null) {
      return "";
    }
    int scheme = repoUrl.indexOf("://");
    if (scheme > 0) {
      try {
        String host = URI.create(repoUrl).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    int colon = repoUrl.indexOf(':');
    if (colon <= 0) {
      return "";
    }
    String userHost = repoUrl.substring(0, colon);
    int at = userHost.lastIndexOf('@');
    return userHost.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "RoutingWorkflowSource[" + githubHost + " -> " + github + ", else " + git + "]";
  }
}
