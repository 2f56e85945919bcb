package dev.buildbridge.workflow.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.transport.RefSpec;

/** A real git work tree made with JGit for tests: write files, commit, push to a bare clone. */
public final class GitFixture implements AutoCloseable {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Test", "test@example.org", Instant.parse("2026-03-01T12:00:00Z"),
          ZoneOffset.UTC);

  private final Git git;
  private final Path dir;

  private GitFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  /** Creates an empty work tree on branch main. */
  public static GitFixture init(Path dir) throws GitAPIException {
    return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(),
        dir);
  }

  public Path dir() {
    return dir;
  }

  public Repository repository() {
    return git.getRepository();
  }

  /**
   * Writes files (a null value deletes one), stages everything and commits.
   *
   * @return the commit id
   */
  public String commit(String message, Map<String, String> files)
      throws IOException, GitAPIException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      if (e.getValue() == null) {
        Files.deleteIfExists(file);
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR)
        .setAllowEmpty(true).call().name();
  }

  /** Stages everything already in the work tree (links included) and commits. */
  public String commitWorkTree(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call().name();
  }

  /**
   * Writes a commit, not on any branch, whose tree holds one entry {@code dir/name} of any mode
   * (a submodule, say), without touching the work tree.
   *
   * @return the commit id
   */
  public String commitEntry(String directory, String name, FileMode mode, ObjectId id)
      throws IOException {
    try (ObjectInserter inserter = repository().newObjectInserter()) {
      TreeFormatter sub = new TreeFormatter();
      sub.append(name, mode, id);
      TreeFormatter root = new TreeFormatter();
      root.append(directory, FileMode.TREE, inserter.insert(sub));
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(root));
      commit.setAuthor(AUTHOR);
      commit.setCommitter(AUTHOR);
      commit.setMessage("entry " + directory + "/" + name);
      ObjectId commitId = inserter.insert(commit);
      inserter.flush();
      return commitId.name();
    }
  }

  /** Stores a blob and returns its id. */
  public ObjectId blob(String content) throws IOException {
    try (ObjectInserter inserter = repository().newObjectInserter()) {
      ObjectId id = inserter.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB,
          content.getBytes(StandardCharsets.UTF_8));
      inserter.flush();
      return id;
    }
  }

  /** Makes a bare clone of this repository in {@code bare}. */
  public Path cloneBare(Path bare) throws GitAPIException {
    Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(bare.toFile())
        .setBare(true).call().close();
    return bare;
  }

  /** Pushes main to a bare repository. */
  public void pushTo(Path bare) throws GitAPIException {
    git.push().setRemote(bare.toUri().toString())
        .setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
