package dev.buildbridge.workflow.git;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowFile;
import dev.buildbridge.workflow.WorkflowSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Reads workflow files from one local repository, a work tree or a bare repository, with JGit:
 * the blob at the exact commit, never a checkout, so the work tree's state does not matter.
 * Thread-safe; close it to release the repository.
 *
 * <pre>{@code
 * try (GitRepositorySource source = GitRepositorySource.open(Path.of("/srv/git/hello.git"))) {
 *     Optional<WorkflowFile> file =
 *         source.read("6dcb09b5b57875f334f61aebed695e2e4193db5e", ".solstice/workflow.kdl");
 * }
 * }</pre>
 *
 * <p>The repository is opened as given: the {@code GIT_DIR} environment variable and parent
 * directories are not consulted.
 */
public final class GitRepositorySource implements WorkflowSource, AutoCloseable {
  /** Default limit on a workflow file: {@value} bytes (1 MiB). */
  public static final long DEFAULT_MAX_FILE_BYTES = GitBlobs.DEFAULT_MAX_FILE_BYTES;

  private final Path directory;
  private final Repository repository;
  private final long maxFileBytes;
  private final String where;
  private volatile boolean closed;

  private GitRepositorySource(Builder b, Repository repository) {
    this.directory = b.directory;
    this.repository = repository;
    this.maxFileBytes = b.maxFileBytes;
    this.where = "repository " + b.directory;
  }

  /**
   * Opens a repository with the defaults.
   *
   * @param directory a work tree (holding {@code .git}) or a bare repository
   * @return the source
   * @throws WorkflowException {@link Reason#SOURCE_UNREADABLE} when it is not a repository
   */
  public static GitRepositorySource open(Path directory) {
    return newBuilder(directory).build();
  }

  /**
   * Starts a builder. Default: files up to {@value #DEFAULT_MAX_FILE_BYTES} bytes.
   *
   * @param directory a work tree (holding {@code .git}) or a bare repository
   * @return a new builder
   * @throws NullPointerException when {@code directory} is null
   */
  public static Builder newBuilder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Returns the directory this source was opened on.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Returns the largest file this source reads.
   *
   * @return the limit in bytes
   */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /**
   * Reads a file at a commit. This source reads its one repository whatever {@code repoUrl} is.
   *
   * @param repoUrl ignored
   * @param commitSha the full commit id (40 hex digits)
   * @param path the repository-relative path
   * @return the file, or empty when the commit has nothing at {@code path} (also when a parent
   *     of it is a file)
   * @throws WorkflowException {@link Reason#COMMIT_NOT_FOUND} when the commit is not in the
   *     repository or not a commit, {@link Reason#NOT_A_FILE} when {@code path} is a directory,
   *     a submodule or a symbolic link, {@link Reason#TOO_LARGE} above the limit,
   *     {@link Reason#SOURCE_UNREADABLE} when the repository cannot be read
   * @throws IllegalArgumentException when {@code path} is not a relative path
   * @throws IllegalStateException when the source is closed
   */
  @Override
  public Optional<WorkflowFile> read(String repoUrl, String commitSha, String path) {
    return read(commitSha, path);
  }

  /**
   * Reads a file at a commit.
   *
   * @param commitSha the full commit id (40 hex digits)
   * @param path the repository-relative path
   * @return the file, or empty when the commit has nothing at {@code path}
   * @throws WorkflowException as {@link #read(String, String, String)}
   * @throws IllegalArgumentException when {@code path} is not a relative path
   * @throws IllegalStateException when the source is closed
   */
  public Optional<WorkflowFile> read(String commitSha, String path) {
    WorkflowSource.checkPath(path);
    if (closed) {
      throw new IllegalStateException("the source of " + directory + " is closed");
    }
    ObjectId commit = GitBlobs.commitId(commitSha, where);
    return GitBlobs.read(repository, commit, path, maxFileBytes, where);
  }

  /** Closes the repository; later reads fail. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      repository.close();
    }
  }

  /**
   * Returns the directory, for logs.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "GitRepositorySource[" + directory + "]";
  }

  /** Builds a {@link GitRepositorySource}; not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Sets the largest file to read; a larger one fails with {@link Reason#TOO_LARGE}.
     * Default: {@value #DEFAULT_MAX_FILE_BYTES}.
     *
     * @param maxFileBytes the limit, from 1 to {@code Integer.MAX_VALUE - 8}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxFileBytes(long maxFileBytes) {
      this.maxFileBytes = GitBlobs.checkMaxFileBytes(maxFileBytes);
      return this;
    }

    /**
     * Opens the repository.
     *
     * @return the source; close it when done
     * @throws WorkflowException {@link Reason#SOURCE_UNREADABLE} when the directory is not a
     *     work tree or a bare repository, or cannot be read
     */
    public GitRepositorySource build() {
      return new GitRepositorySource(this, openRepository(directory));
    }
  }

  static Repository openRepository(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new WorkflowException(Reason.SOURCE_UNREADABLE,
          directory + " is not a directory, so not a git repository", null);
    }
    File dir = directory.toFile();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    if (RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
      builder.setGitDir(dir);
    } else {
      builder.setWorkTree(dir);
    }
    try {
      return builder.build();
    } catch (IOException | RuntimeException e) {
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, directory
          + " is not a git repository (neither a work tree with .git nor a bare repository): "
          + e.getMessage(), e);
    }
  }
}
