package dev.buildbridge.workflow.git;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowFile;
import dev.buildbridge.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Reads workflow files from remote repositories through a cache of bare mirrors, one per
 * repository URL. The first read of a repository clones it; later reads use the mirror and fetch
 * only when the commit asked for is not in it yet. Thread-safe: fetches of one repository are
 * serialized (in this JVM by a lock per mirror directory, shared by every instance; across
 * processes sharing the cache by a lock file), reads run in parallel.
 *
 * <pre>{@code
 * RemoteGitSource source = RemoteGitSource.newBuilder(Path.of("/var/cache/buildbridge/git"))
 *     .credentials(new UsernamePasswordCredentialsProvider("x-access-token", token))
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * Optional<WorkflowFile> file = source.read("https://github.com/octo/hello.git",
 *     "6dcb09b5b57875f334f61aebed695e2e4193db5e", ".solstice/workflow.kdl");
 * }</pre>
 *
 * <p>Each mirror is a bare repository named after the repository and a hash of its URL
 * ({@code hello-3f1c...e2.git}) in the cache directory; a clone is built in a temporary directory
 * and moved in place when complete, so a failed clone leaves nothing behind. A fetch takes the
 * remote's branches and tags ({@code refs/heads/*}, {@code refs/tags/*}) and never deletes
 * anything, so commits of force-pushed branches stay readable. Nothing is ever pruned: remove old
 * mirrors from the cache directory yourself.
 *
 * <p>Credentials never reach messages: user info in a URL ({@code https://user:token@host/...})
 * is taken out of the URL and used as credentials (unless {@link Builder#credentials} is set,
 * which wins), so neither JGit's errors nor this class's show it. SSH URLs need one of JGit's SSH
 * modules ({@code org.eclipse.jgit.ssh.apache}) on the class path.
 */
public final class RemoteGitSource implements WorkflowSource {
  /** Default limit on a workflow file: {@value} bytes (1 MiB). */
  public static final long DEFAULT_MAX_FILE_BYTES = GitBlobs.DEFAULT_MAX_FILE_BYTES;
  /** Default network timeout of a clone or fetch: 60 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** URL schemes allowed by default: {@code https} and {@code ssh} (scp-like URLs included). */
  public static final Set<String> DEFAULT_SCHEMES = Set.of("https", "ssh");

  private static final RefSpec[] REF_SPECS = {
      new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")};

  private final Path cacheDirectory;
  private final Duration timeout;
  private final CredentialsProvider credentials;
  private final long maxFileBytes;
  private final Set<String> allowedSchemes;
  /** One lock per mirror directory in this JVM, shared by every source using that cache. */
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private RemoteGitSource(Builder b) {
    this.cacheDirectory = b.cacheDirectory;
    this.timeout = b.timeout;
    this.credentials = b.credentials;
    this.maxFileBytes = b.maxFileBytes;
    this.allowedSchemes = Set.copyOf(b.allowedSchemes);
  }

  /**
   * Starts a builder. Defaults: timeout {@link #DEFAULT_TIMEOUT}, no credentials but those in a
   * URL, files up to {@value #DEFAULT_MAX_FILE_BYTES} bytes, schemes {@link #DEFAULT_SCHEMES}.
   *
   * @param cacheDirectory where the mirrors live; created on first use
   * @return a new builder
   * @throws NullPointerException when {@code cacheDirectory} is null
   */
  public static Builder newBuilder(Path cacheDirectory) {
    return new Builder(cacheDirectory);
  }

  /**
   * Returns a builder holding this source's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(cacheDirectory);
    b.timeout = timeout;
    b.credentials = credentials;
    b.maxFileBytes = maxFileBytes;
    b.allowedSchemes.clear();
    b.allowedSchemes.addAll(allowedSchemes);
    return b;
  }

  /**
   * Returns the cache directory.
   *
   * @return the directory
   */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /**
   * Returns where the mirror of a repository is (or will be) kept.
   *
   * @param repoUrl the clone URL
   * @return the bare repository directory in the cache
   * @throws WorkflowException {@link Reason#SOURCE_UNREADABLE} when the URL is not usable or its
   *     scheme is not allowed
   */
  public Path mirrorDirectory(String repoUrl) {
    return cacheDirectory.resolve(GitUrl.parse(repoUrl, allowedSchemes).cacheKey() + ".git");
  }

  /**
   * Reads a file at a commit of a remote repository, cloning or fetching it first when the
   * commit is not in the mirror yet.
   *
   * @param repoUrl the clone URL
   * @param commitSha the full commit id (40 hex digits)
   * @param path the repository-relative path
   * @return the file, or empty when the commit has nothing at {@code path}
   * @throws WorkflowException {@link Reason#SOURCE_UNREADABLE} when the URL is not usable or not
   *     allowed, or the clone or fetch fails or times out; {@link Reason#COMMIT_NOT_FOUND} when
   *     the commit is not on any branch or tag of the remote even after a fetch;
   *     {@link Reason#NOT_A_FILE}, {@link Reason#TOO_LARGE} as {@link WorkflowSource} says
   * @throws IllegalArgumentException when {@code path} is not a relative path
   */
  @Override
  public Optional<WorkflowFile> read(String repoUrl, String commitSha, String path) {
    WorkflowSource.checkPath(path);
    GitUrl url = GitUrl.parse(repoUrl, allowedSchemes);
    ObjectId commit = GitBlobs.commitId(commitSha, url.display());
    String key = url.cacheKey();
    Path mirror = cacheDirectory.resolve(key + ".git");
    Optional<Optional<WorkflowFile>> found = readIfPresent(mirror, commit, path, url);
    if (found.isPresent()) {
      return found.get();
    }
    update(url, key, mirror, commit);
    found = readIfPresent(mirror, commit, path, url);
    if (found.isEmpty()) {
      throw new WorkflowException(Reason.COMMIT_NOT_FOUND, "commit " + commit.name()
          + " is not on any branch or tag of " + url.display() + " (fetched just now)", null);
    }
    return found.get();
  }

  /** Reads from the mirror when it has the commit; empty when there is no mirror or commit. */
  private Optional<Optional<WorkflowFile>> readIfPresent(Path mirror, ObjectId commit, String path,
      GitUrl url) {
    if (!Files.isDirectory(mirror)) {
      return Optional.empty();
    }
    try (Repository repository = open(mirror, url)) {
      if (!has(repository, commit, url)) {
        return Optional.empty();
      }
      return Optional.of(GitBlobs.read(repository, commit, path, maxFileBytes,
          url.display() + " (mirror " + mirror + ")"));
    }
  }

  private static Repository open(Path mirror, GitUrl url) {
    try {
      return new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build();
    } catch (IOException | RuntimeException e) {
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot open the mirror " + mirror
          + " of " + url.display() + ": " + e.getMessage(), e);
    }
  }

  private static boolean has(Repository repository, ObjectId commit, GitUrl url) {
    try {
      return repository.getObjectDatabase().has(commit);
    } catch (IOException | RuntimeException e) {
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot read the mirror of "
          + url.display() + ": " + e.getMessage(), e);
    }
  }

  /** Clones or fetches, one at a time per repository; does nothing when another did it. */
  private void update(GitUrl url, String key, Path mirror, ObjectId commit) {
    ReentrantLock lock =
        LOCKS.computeIfAbsent(mirror.toAbsolutePath().normalize(), k -> new ReentrantLock());
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowException(Reason.SOURCE_UNREADABLE,
          "interrupted while waiting to fetch " + url.display(), e);
    }
    try {
      Files.createDirectories(cacheDirectory);
      try (FileChannel channel = FileChannel.open(cacheDirectory.resolve(key + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock fileLock = channel.lock(); // released when the channel closes
        if (Files.isDirectory(mirror)) {
          try (Repository repository = open(mirror, url)) {
            if (!has(repository, commit, url)) {
              fetch(repository, url, "fetch");
            }
          }
        } else {
          cloneInto(mirror, url);
        }
        fileLock.release();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof WorkflowException w) {
        throw w;
      }
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot update the mirror of "
          + url.display() + " in " + cacheDirectory + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void cloneInto(Path mirror, GitUrl url) throws IOException {
    Path temporary = mirror.resolveSibling(mirror.getFileName() + ".tmp-" + UUID.randomUUID());
    boolean moved = false;
    try {
      try (Git git = Git.init().setBare(true).setDirectory(temporary.toFile()).call()) {
        fetch(git.getRepository(), url, "clone");
      } catch (GitAPIException e) {
        throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot create a mirror of "
            + url.display() + " in " + temporary + ": " + e.getMessage(), e);
      }
      try {
        Files.move(temporary, mirror, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, mirror);
      }
      moved = true;
    } finally {
      if (!moved) {
        deleteTree(temporary);
      }
    }
  }

  private void fetch(Repository repository, GitUrl url, String what) {
    FetchCommand fetch = Git.wrap(repository).fetch()
        .setRemote(url.display())
        .setRefSpecs(REF_SPECS)
        .setTagOpt(TagOpt.NO_TAGS)
        .setRemoveDeletedRefs(false)
        .setCheckFetchedObjects(true)
        .setTimeout(timeoutSeconds());
    CredentialsProvider provider = credentials != null ? credentials
        : url.hasCredentials() ? new UsernamePasswordCredentialsProvider(
            url.user == null ? "" : url.user, url.password == null ? "" : url.password)
        : null;
    if (provider != null) {
      fetch.setCredentialsProvider(provider);
    }
    try {
      fetch.call();
    } catch (GitAPIException | RuntimeException e) {
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot " + what + " "
          + url.display() + ": " + describe(e), e);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && sb.indexOf(message) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(message);
      }
    }
    return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
  }

  private int timeoutSeconds() {
    long seconds = (timeout.toMillis() + 999) / 1000;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Returns the cache directory, for logs; no credentials.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "RemoteGitSource[" + cacheDirectory + "]";
  }

  /** Builds a {@link RemoteGitSource}; not thread-safe. */
  public static final class Builder {
    private final Path cacheDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;
    private CredentialsProvider credentials;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private final Set<String> allowedSchemes = new TreeSet<>(DEFAULT_SCHEMES);

    private Builder(Path cacheDirectory) {
      this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    /**
     * Sets the network timeout of a clone or fetch (JGit's, in whole seconds, rounded up).
     * Default: {@link #DEFAULT_TIMEOUT}.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the credentials for every clone and fetch, such as a
     * {@link UsernamePasswordCredentialsProvider} with a token. They are handed to JGit only,
     * never put in a message. Default: none, except user info written in a URL.
     *
     * @param credentials the provider, or {@code null} for none
     * @return this builder
     */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
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
     * Replaces the URL schemes this source fetches from; others fail with
     * {@link Reason#SOURCE_UNREADABLE} before any I/O. Repository URLs come from webhook payloads,
     * so keep {@code file} (local paths) and unauthenticated {@code git}/{@code http} for tests
     * and trusted setups. Default: {@link #DEFAULT_SCHEMES}.
     *
     * @param schemes some of {@code https}, {@code http}, {@code ssh} (with scp-like
     *     {@code host:path}), {@code git}, {@code file} (with plain paths); case-insensitive
     * @return this builder
     * @throws IllegalArgumentException when {@code schemes} is empty or names another scheme
     */
    public Builder allowedSchemes(Set<String> schemes) {
      Objects.requireNonNull(schemes, "schemes");
      Set<String> copy = new TreeSet<>();
      for (String s : schemes) {
        String scheme = Objects.requireNonNull(s, "scheme").toLowerCase(Locale.ROOT);
        if (!GitUrl.SCHEMES.contains(scheme)) {
          throw new IllegalArgumentException("scheme must be one of "
              + new TreeSet<>(GitUrl.SCHEMES) + ": " + s);
        }
        copy.add(scheme);
      }
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("schemes is empty");
      }
      allowedSchemes.clear();
      allowedSchemes.addAll(copy);
      return this;
    }

    /**
     * Builds the source; nothing is read or created until the first {@code read}.
     *
     * @return the source
     */
    public RemoteGitSource build() {
      return new RemoteGitSource(this);
    }
  }
}
