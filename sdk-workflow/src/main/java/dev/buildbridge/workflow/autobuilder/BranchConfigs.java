package dev.buildbridge.workflow.autobuilder;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.internal.Texts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Every branch config of a 0-autobuilder configuration repository, read from a directory or from
 * a git repository at a commit (with JGit, no checkout), answering which config applies to a
 * push. A file that cannot be used does not stop the others, as in the autobuilder: it is kept in
 * {@link #rejected()} and reported to the push it applies to. Immutable and thread-safe.
 *
 * <pre>{@code
 * BranchConfigs configs = BranchConfigs.fromCommit(Path.of("/srv/git/autobuilder-config.git"),
 *     configCommitSha);
 * List<JobRequest> jobs = configs.expand("main", push);   // empty for an untracked branch
 * }</pre>
 *
 * <p>Only files exactly two directories deep and ending in {@code .yaml} are configs
 * ({@link BranchConfigParser#isConfigPath}); others (a README, a {@code .github/} directory, a
 * deeper file) are ignored, as are owner directories starting with {@code .}, symbolic links and
 * submodules. Owner, repository and branch are matched exactly, as the autobuilder does.
 */
public final class BranchConfigs {
  /** Default most config files read: {@value}. */
  public static final int DEFAULT_MAX_FILES = 10_000;

  private final Map<String, BranchConfig> configs;
  private final Map<String, WorkflowException> rejected;

  private BranchConfigs(Map<String, BranchConfig> configs,
      Map<String, WorkflowException> rejected) {
    this.configs = Collections.unmodifiableMap(new TreeMap<>(configs));
    this.rejected = Collections.unmodifiableMap(new TreeMap<>(rejected));
  }

  /**
   * Returns the configs given, none rejected.
   *
   * @param configs the configs
   * @return the set
   * @throws NullPointerException when the collection or a config is null
   * @throws IllegalArgumentException when two configs share a path
   */
  public static BranchConfigs of(Collection<BranchConfig> configs) {
    Map<String, BranchConfig> byPath = new TreeMap<>();
    for (BranchConfig c : Objects.requireNonNull(configs, "configs")) {
      if (byPath.put(Objects.requireNonNull(c, "config").path(), c) != null) {
        throw new IllegalArgumentException("two configs for " + c.path());
      }
    }
    return new BranchConfigs(byPath, Map.of());
  }

  /**
   * Reads the configs of a directory (a checkout of the configuration repository) with the
   * default parser and limits.
   *
   * @param directory the repository's top directory
   * @return the configs
   * @throws WorkflowException as {@link Loader#fromDirectory(Path)}
   */
  public static BranchConfigs fromDirectory(Path directory) {
    return newLoader().fromDirectory(directory);
  }

  /**
   * Reads the configs of a git repository at a commit with the default parser and limits.
   *
   * @param repository a work tree (holding {@code .git}) or a bare repository
   * @param commitSha the full commit id (40 hex digits)
   * @return the configs
   * @throws WorkflowException as {@link Loader#fromCommit(Path, String)}
   */
  public static BranchConfigs fromCommit(Path repository, String commitSha) {
    return newLoader().fromCommit(repository, commitSha);
  }

  /**
   * Starts a loader. Defaults: {@link BranchConfigParser#ofDefaults()}, at most
   * {@value #DEFAULT_MAX_FILES} config files.
   *
   * @return a new loader
   */
  public static Loader newLoader() {
    return new Loader();
  }

  /**
   * Returns the configs that could be read.
   *
   * @return the configs, by path
   */
  public List<BranchConfig> configs() {
    return List.copyOf(configs.values());
  }

  /**
   * Returns the config files that could not be used, with why: not a valid config, too large,
   * not UTF-8.
   *
   * @return path to failure, by path; unmodifiable
   */
  public Map<String, WorkflowException> rejected() {
    return rejected;
  }

  /**
   * Returns the repositories watched: those with a config, valid or not.
   *
   * @return {@code owner/repo} names, sorted
   */
  public List<String> repositories() {
    TreeSet<String> repos = new TreeSet<>();
    for (String path : configs.keySet()) {
      repos.add(path.substring(0, path.lastIndexOf('/')));
    }
    for (String path : rejected.keySet()) {
      repos.add(path.substring(0, path.lastIndexOf('/')));
    }
    return List.copyOf(repos);
  }

  /**
   * Finds the config that applies to a push: {@code <owner>/<repo>/<branch>.yaml}.
   *
   * @param ownerRepo the pushed repository, {@code owner/repo}, as the webhook names it
   * @param branch the pushed branch, without {@code refs/heads/}
   * @return the config, or empty when the branch is not watched (a branch with a {@code /}
   *     never is)
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when {@code ownerRepo} is not {@code owner/repo}
   * @throws WorkflowException the reason the config was {@link #rejected()} when it exists but
   *     cannot be used, with its problems
   */
  public Optional<BranchConfig> forPush(String ownerRepo, String branch) {
    Objects.requireNonNull(ownerRepo, "ownerRepo");
    Objects.requireNonNull(branch, "branch");
    int slash = ownerRepo.indexOf('/');
    if (slash <= 0 || slash == ownerRepo.length() - 1 || ownerRepo.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("ownerRepo must be owner/repo, not "
          + Texts.quote(ownerRepo));
    }
    String path = ownerRepo + '/' + branch + BranchConfigParser.SUFFIX;
    if (!BranchConfigParser.isConfigPath(path)) {
      return Optional.empty();
    }
    WorkflowException failure = rejected.get(path);
    if (failure != null) {
      throw failure;
    }
    return Optional.ofNullable(configs.get(path));
  }

  /**
   * Expands a push into one {@code jobrequest.v1} per build script of the config that applies
   * ({@link BranchConfig#expand(JobRequest)}). The repository is the template's
   * {@code repo_owner}/{@code repo_name}, or when either is missing the last two segments of its
   * {@code repo_url} without {@code .git}. The caller skips pushes that only delete the branch,
   * as the autobuilder does.
   *
   * @param branch the pushed branch, without {@code refs/heads/}
   * @param push the push as a job request: repository, commit, source
   * @return the job requests; empty when the branch is not watched
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the repository cannot be told from the template
   * @throws WorkflowException as {@link #forPush(String, String)}
   */
  public List<JobRequest> expand(String branch, JobRequest push) {
    Objects.requireNonNull(push, "push");
    return forPush(ownerRepo(push), branch).map(c -> c.expand(push)).orElse(List.of());
  }

  static String ownerRepo(JobRequest push) {
    if (push.repoOwner() != null && !push.repoOwner().isEmpty() && push.repoName() != null
        && !push.repoName().isEmpty()) {
      return push.repoOwner() + '/' + push.repoName();
    }
    String url = push.repoUrl();
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    if (end >= 4 && url.regionMatches(true, end - 4, ".git", 0, 4)) {
      end -= 4;
    }
    int nameStart = lastSeparator(url, end) + 1;
    int ownerStart = nameStart <= 1 ? -1 : lastSeparator(url, nameStart - 1) + 1;
    if (nameStart <= 0 || nameStart == end || ownerStart <= 0 || ownerStart == nameStart - 1) {
      throw new IllegalArgumentException("cannot tell owner/repo from the push: no repo_owner"
          + " and repo_name, and repo_url " + Texts.quote(url) + " does not end in owner/repo");
    }
    return url.substring(ownerStart, nameStart - 1) + '/' + url.substring(nameStart, end);
  }

  private static int lastSeparator(String s, int end) {
    for (int i = end - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '/' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Shows how many configs were read and rejected.
   *
   * @return for example {@code BranchConfigs[12 configs, 1 rejected]}
   */
  @Override
  public String toString() {
    return "BranchConfigs[" + configs.size() + " configs, " + rejected.size() + " rejected]";
  }

  /** Reads configuration repositories with a parser and limits; not thread-safe. */
  public static final class Loader {
    private BranchConfigParser parser = BranchConfigParser.ofDefaults();
    private int maxFiles = DEFAULT_MAX_FILES;

    private Loader() {}

    /**
     * Sets the parser, which also bounds each file's size. Default:
     * {@link BranchConfigParser#ofDefaults()}.
     *
     * @param parser the parser
     * @return this loader
     * @throws NullPointerException when null
     */
    public Loader parser(BranchConfigParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Sets the most config files a repository may hold. Default: {@value #DEFAULT_MAX_FILES}.
     *
     * @param maxFiles the limit, at least 1
     * @return this loader
     * @throws IllegalArgumentException when below 1
     */
    public Loader maxFiles(int maxFiles) {
      if (maxFiles < 1) {
        throw new IllegalArgumentException("maxFiles must be at least 1: " + maxFiles);
      }
      this.maxFiles = maxFiles;
      return this;
    }

    /**
     * Reads the configs of a directory: {@code <owner>/<repo>/<branch>.yaml} below it. Symbolic
     * links are not followed.
     *
     * @param directory the configuration repository's top directory
     * @return the configs; a file that cannot be used is in {@link BranchConfigs#rejected()}
     * @throws NullPointerException when the directory is null
     * @throws WorkflowException {@link Reason#SOURCE_UNREADABLE} when the directory cannot be
     *     listed or a file read; {@link Reason#TOO_LARGE} above the file count limit
     */
    public BranchConfigs fromDirectory(Path directory) {
      Objects.requireNonNull(directory, "directory");
      if (!Files.isDirectory(directory)) {
        throw new WorkflowException(Reason.SOURCE_UNREADABLE, directory + " is not a directory",
            null);
      }
      Collector collector = new Collector();
      try {
        for (Path owner : list(directory, true, true)) {
          for (Path repo : list(owner, true, false)) {
            for (Path file : list(repo, false, false)) {
              String path = owner.getFileName() + "/" + repo.getFileName() + "/"
                  + file.getFileName();
              if (BranchConfigParser.isConfigPath(path)) {
                collector.count(directory.toString());
                collector.add(path, () -> readBounded(file, parser.maxBytes(), path));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot read the configs in "
            + directory + ": " + e, e);
      }
      return collector.configs();
    }

    /** Lists the subdirectories (or regular files) of a directory, not following links. */
    private static List<Path> list(Path dir, boolean directories, boolean skipHidden)
        throws IOException {
      List<Path> out = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path p : stream) {
          boolean wanted = directories ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
              : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
          if (wanted && !(skipHidden && p.getFileName().toString().startsWith("."))) {
            out.add(p);
          }
        }
      }
      out.sort(null);
      return out;
    }

    private static byte[] readBounded(Path file, int maxBytes, String path) throws IOException {
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          throw new WorkflowException(Reason.TOO_LARGE, path + " is over the limit of "
              + maxBytes + " bytes", null);
        }
        return bytes;
      }
    }

    /**
     * Reads the configs of a git repository at a commit, from the commit's tree (the work tree
     * and index do not matter).
     *
     * @param repository a work tree (holding {@code .git}) or a bare repository; opened as
     *     given, without consulting {@code GIT_DIR} or parent directories
     * @param commitSha the full commit id (40 hex digits)
     * @return the configs; a file that cannot be used is in {@link BranchConfigs#rejected()}
     * @throws NullPointerException when an argument is null
     * @throws WorkflowException {@link Reason#COMMIT_NOT_FOUND} when the commit is not in the
     *     repository or not a commit (or not 40 hex digits); {@link Reason#SOURCE_UNREADABLE}
     *     when the repository cannot be opened or read; {@link Reason#TOO_LARGE} above the file
     *     count limit
     */
    public BranchConfigs fromCommit(Path repository, String commitSha) {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(commitSha, "commitSha");
      ObjectId commit = commitId(commitSha, repository);
      try (Repository repo = open(repository)) {
        return read(repo, commit, repository.toString());
      }
    }

    private BranchConfigs read(Repository repository, ObjectId commit, String where) {
      Collector collector = new Collector();
      try (ObjectReader reader = repository.newObjectReader();
          RevWalk walk = new RevWalk(reader)) {
        RevCommit c;
        try {
          c = walk.parseCommit(commit);
        } catch (MissingObjectException e) {
          throw new WorkflowException(Reason.COMMIT_NOT_FOUND, "commit " + commit.name()
              + " is not in " + where, e);
        } catch (IncorrectObjectTypeException e) {
          throw new WorkflowException(Reason.COMMIT_NOT_FOUND, commit.name() + " in " + where
              + " is not a commit", e);
        }
        try (TreeWalk tree = new TreeWalk(repository, reader)) {
          tree.addTree(c.getTree());
          tree.setRecursive(false);
          while (tree.next()) {
            int mode = tree.getRawMode(0);
            if (FileMode.TREE.equals(mode)) {
              // owner and repo directories only: nothing deeper is a config
              if (tree.getDepth() < 2 && !(tree.getDepth() == 0
                  && tree.getNameString().startsWith("."))) {
                tree.enterSubtree();
              }
              continue;
            }
            String path = tree.getPathString();
            boolean regular = FileMode.REGULAR_FILE.equals(mode)
                || FileMode.EXECUTABLE_FILE.equals(mode);
            if (tree.getDepth() != 2 || !regular || !BranchConfigParser.isConfigPath(path)) {
              continue;
            }
            collector.count(where);
            ObjectId blob = tree.getObjectId(0);
            collector.add(path, () -> blob(reader, blob, path));
          }
        }
        return collector.configs();
      } catch (IOException | RuntimeException e) {
        if (e instanceof WorkflowException w) {
          throw w;
        }
        throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot read the configs at "
            + commit.name() + " in " + where + ": " + e, e);
      }
    }

    private byte[] blob(ObjectReader reader, ObjectId blob, String path) throws IOException {
      ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
      if (loader.getSize() > parser.maxBytes()) {
        throw new WorkflowException(Reason.TOO_LARGE, path + " is " + loader.getSize()
            + " bytes, over the limit of " + parser.maxBytes() + " bytes", null);
      }
      try {
        return loader.getBytes(parser.maxBytes());
      } catch (LargeObjectException e) {
        throw new WorkflowException(Reason.TOO_LARGE, path + " is over the limit of "
            + parser.maxBytes() + " bytes", e);
      }
    }

    private static ObjectId commitId(String sha, Path where) {
      boolean ok = sha.length() == Constants.OBJECT_ID_STRING_LENGTH;
      for (int i = 0; ok && i < sha.length(); i++) {
        char c = sha.charAt(i);
        ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      }
      if (!ok) {
        throw new WorkflowException(Reason.COMMIT_NOT_FOUND, Texts.quote(sha) + " is not a"
            + " full commit id (40 hex digits), so nothing can be read from " + where, null);
      }
      return ObjectId.fromString(sha.toLowerCase(Locale.ROOT));
    }

    private static Repository open(Path directory) {
      if (!Files.isDirectory(directory)) {
        throw new WorkflowException(Reason.SOURCE_UNREADABLE, directory
            + " is not a directory, so not a git repository", null);
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

    /** Reads one file's bytes. */
    @FunctionalInterface
    private interface Content {
      byte[] read() throws IOException;
    }

    /** The configs and rejections of one read. */
    private final class Collector {
      final Map<String, BranchConfig> configs = new TreeMap<>();
      final Map<String, WorkflowException> rejected = new TreeMap<>();
      int files;

      void count(String where) {
        if (++files > maxFiles) {
          throw new WorkflowException(Reason.TOO_LARGE, where + " holds more than " + maxFiles
              + " branch configs", null);
        }
      }

      void add(String path, Content content) throws IOException {
        try {
          configs.put(path, parser.parse(path, content.read()));
        } catch (WorkflowException e) {
          if (e.reason() != Reason.INVALID && e.reason() != Reason.TOO_LARGE) {
            throw e;
          }
          rejected.put(path, e);
        }
      }

      BranchConfigs configs() {
        return new BranchConfigs(configs, rejected);
      }
    }
  }
}
