package dev.buildbridge.workflow;

import java.util.Optional;

/**
 * Where workflow files are read from: a file of a repository at an exact commit. Implementations
 * in this SDK read local and bare repositories ({@code GitRepositorySource}) and remote ones
 * mirrored into a cache ({@code RemoteGitSource}), both in {@code dev.buildbridge.workflow.git};
 * a host can plug in another, such as a forge's contents API.
 *
 * <pre>{@code
 * WorkflowSource source = GitRepositorySource.open(Path.of("/srv/git/hello.git"));
 * Optional<WorkflowFile> file = source.read("https://github.com/octo/hello.git",
 *     "6dcb09b5b57875f334f61aebed695e2e4193db5e", ".solstice/workflow.kdl");
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowSource {

  /**
   * Reads a file at a commit, without checking anything out.
   *
   * @param repoUrl the repository's clone URL, as a job request carries it; a source bound to one
   *     repository may use it only in messages
   * @param commitSha the full commit id
   * @param path the repository-relative path, such as {@code .solstice/workflow.kdl}
   * @return the file, or empty when the commit has no file at {@code path}
   * @throws WorkflowException {@link WorkflowException.Reason#COMMIT_NOT_FOUND} when the commit is
   *     not there, {@link WorkflowException.Reason#NOT_A_FILE} when {@code path} is a directory, a
   *     submodule or a link, {@link WorkflowException.Reason#TOO_LARGE} above the source's limit,
   *     {@link WorkflowException.Reason#SOURCE_UNREADABLE} when the repository cannot be read
   * @throws IllegalArgumentException when {@code path} is not a relative path
   *     ({@link #checkPath(String)})
   */
  Optional<WorkflowFile> read(String repoUrl, String commitSha, String path);

  /**
   * Checks that a string is a normalized repository-relative path: not empty, {@code /}
   * separated, with no empty, {@code .} or {@code ..} segment, no leading or trailing {@code /},
   * no backslash and no control character, at most 4096 characters.
   *
   * @param path the path
   * @return {@code path}
   * @throws IllegalArgumentException naming the path when it is not one
   */
  static String checkPath(String path) {
    if (path == null) {
      throw new IllegalArgumentException("path is null");
    }
    boolean ok = !path.isEmpty() && path.length() <= 4096;
    int segmentStart = 0;
    for (int i = 0; ok && i <= path.length(); i++) {
      char c = i < path.length() ? path.charAt(i) : '/';
      if (c == '/') {
        int len = i - segmentStart;
        boolean dot = len >= 1 && path.charAt(segmentStart) == '.';
        ok = len > 0 && !(dot && len == 1)
            && !(dot && len == 2 && path.charAt(segmentStart + 1) == '.');
        segmentStart = i + 1;
      } else if (c == '\\' || c < 0x20 || c == 0x7f) {
        ok = false;
      }
    }
    if (!ok) {
      throw new IllegalArgumentException("path must be a relative path in the repository with /"
          + " separators, such as .solstice/workflow.kdl, not \"" + shorten(path) + "\"");
    }
    return path;
  }

  private static String shorten(String path) {
    StringBuilder sb = new StringBuilder();
    int end = Math.min(path.length(), 120);
    for (int i = 0; i < end; i++) {
      char c = path.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return path.length() > end ? sb + "..." : sb.toString();
  }
}
