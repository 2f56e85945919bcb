package dev.buildbridge.workflow.github;

import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.github.GitHubClient;
import dev.buildbridge.api.github.RepositoryFile;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowFile;
import dev.buildbridge.workflow.WorkflowSource;
import dev.buildbridge.workflow.internal.RepositoryUrls;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads workflow files through GitHub's Contents API, for {@code WorkflowFanOut}: no clone, one
 * request per delivery. Needs sdk-api on the class path (an optional dependency of this module).
 *
 * <pre>{@code
 * GitHubClient app = GitHubClient.newBuilder().app(jwtIssuer).userAgent("my-ci/1.0").build();
 * WorkflowFanOut fanOut = WorkflowFanOut.of(GitHubWorkflowSource.ofApp(app));
 * List<JobRequest> jobs = fanOut.expand(template);   // reads .solstice/workflow.kdl at the commit
 * }</pre>
 *
 * <p>The repository comes from the job's clone URL ({@code https://github.com/octo/hello.git},
 * {@code git@github.com:octo/hello.git} or {@code ssh://git@github.com/octo/hello.git}); the host
 * is not checked, so a GitHub Enterprise client reads its own host's URLs. A 404 reads as "no
 * workflow file" (GitHub answers 404 for a missing file and for a repository the credentials cannot
 * see alike). Failures map to {@link WorkflowException}: a directory, link or submodule is
 * {@code NOT_A_FILE}, a file over the limit {@code TOO_LARGE}, and every API failure
 * {@code SOURCE_UNREADABLE} (retryable), the {@link ApiException} kept as the cause.
 */
public final class GitHubWorkflowSource implements WorkflowSource {
  /** Largest workflow file read: 1 MiB, as the git sources. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1 << 20;

  private final GitHubClient client;
  private final boolean perInstallation;
  private final long maxFileBytes;
  private final Map<String, GitHubClient> installations = new ConcurrentHashMap<>();

  private GitHubWorkflowSource(GitHubClient client, boolean perInstallation, long maxFileBytes) {
    this.client = Objects.requireNonNull(client, "client");
    this.perInstallation = perInstallation;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Returns a source that reads with a client as it is: a token, or an App client already bound
   * to one installation ({@link GitHubClient#withInstallation(long)}).
   *
   * @param client the client
   * @return the source
   * @throws NullPointerException when {@code client} is null
   */
  public static GitHubWorkflowSource of(GitHubClient client) {
    return new GitHubWorkflowSource(client, false, DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Returns a source for a GitHub App installed on many accounts: each repository's installation
   * is looked up once ({@code GET /repos/{owner}/{repo}/installation}) and its client, with its
   * cached installation token, reused for later reads of that repository.
   *
   * @param app a client authenticated as the App ({@link GitHubClient.Builder#app})
   * @return the source
   * @throws NullPointerException when {@code app} is null
   */
  public static GitHubWorkflowSource ofApp(GitHubClient app) {
    return new GitHubWorkflowSource(app, true, DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Returns a source like this one with another size limit.
   *
   * @param maxFileBytes the largest file read, in bytes
   * @return the new source
   * @throws IllegalArgumentException when {@code maxFileBytes} is not positive
   */
  public GitHubWorkflowSource withMaxFileBytes(long maxFileBytes) {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    return new GitHubWorkflowSource(client, perInstallation, maxFileBytes);
  }

  /**
   * Reads a file of the repository a clone URL names, at a commit.
   *
   * @param repoUrl the clone URL
   * @param commitSha the commit
   * @param path the repository-relative path
   * @return the file, or empty when GitHub answers 404
   * @throws WorkflowException as the class description says
   * @throws IllegalArgumentException when {@code path} is not a relative path, or the URL names
   *     no {@code owner/repo}
   */
  @Override
  public Optional<WorkflowFile> read(String repoUrl, String commitSha, String path) {
    WorkflowSource.checkPath(path);
    Objects.requireNonNull(commitSha, "commitSha");
    String[] ownerRepo = ownerAndRepo(repoUrl);
    String where = ownerRepo[0] + '/' + ownerRepo[1] + " at " + commitSha;
    Optional<RepositoryFile> file;
    try {
      file = clientFor(ownerRepo[0], ownerRepo[1])
          .getFile(ownerRepo[0], ownerRepo[1], path, commitSha);
    } catch (ApiException e) {
      if (e.reason() == ApiException.Reason.MALFORMED_RESPONSE
          && GitHubClient.isNotAFile(e)) {
        throw new WorkflowException(WorkflowException.Reason.NOT_A_FILE,
            path + " of " + where + " is not a file: " + e.getMessage(), e);
      }
      throw new WorkflowException(WorkflowException.Reason.SOURCE_UNREADABLE,
          "cannot read " + path + " of " + where + ": " + e.getMessage(), e);
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    if (file.get().size() > maxFileBytes) {
      throw new WorkflowException(WorkflowException.Reason.TOO_LARGE, path + " of " + where
          + " is " + file.get().size() + " bytes, over the limit of " + maxFileBytes, null);
    }
    return Optional.of(new WorkflowFile(path, commitSha, file.get().content()));
  }

  private GitHubClient clientFor(String owner, String repo) {
    if (!perInstallation) {
      return client;
    }
    String key = owner.toLowerCase(Locale.ROOT) + '/' + repo.toLowerCase(Locale.ROOT);
    GitHubClient bound = installations.get(key);
    if (bound == null) {
      bound = client.withInstallation(client.repositoryInstallation(owner, repo).id());
      installations.putIfAbsent(key, bound);
    }
    return bound;
  }

  /** Splits {@code scheme://host/.../owner/repo(.git)} or {@code host:owner/repo(.git)}. */
  static String[] ownerAndRepo(String repoUrl) {
    String[] ownerAndName = RepositoryUrls.ownerAndName(Objects.requireNonNull(repoUrl, "repoUrl"));
    if (ownerAndName == null) {
      throw new IllegalArgumentException("not a GitHub repository URL (…/owner/repo): "
          + withoutUserInfo(repoUrl));
    }
    return ownerAndName;
  }


  private static String withoutUserInfo(String url) {
    int scheme = url.indexOf("://");
    int at = url.indexOf('@');
    if (scheme > 0 && at > scheme) {
      return url.substring(0, scheme + 3) + "***@" + url.substring(at + 1);
    }
    return url;
  }

  @Override
  public String toString() {
    return "GitHubWorkflowSource[" + (perInstallation ? "per installation" : "one client")
        + ", maxFileBytes=" + maxFileBytes + "]";
  }
}
