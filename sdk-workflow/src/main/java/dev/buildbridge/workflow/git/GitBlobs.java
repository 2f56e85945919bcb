package dev.buildbridge.workflow.git;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowFile;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads one blob of a commit's tree with JGit, no checkout; shared by the git sources. */
final class GitBlobs {
  /** Default limit on a workflow file: 1 MiB. */
  static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
  /** Largest limit a builder accepts: what a Java array can hold. */
  static final long MAX_FILE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

  private GitBlobs() {}

  /**
   * Parses a full commit id (40 hex digits, either case).
   *
   * @throws WorkflowException COMMIT_NOT_FOUND when it is not one
   */
  static ObjectId commitId(String sha, String where) {
    boolean ok = sha != null && sha.length() == Constants.OBJECT_ID_STRING_LENGTH;
    for (int i = 0; ok && i < sha.length(); i++) {
      char c = sha.charAt(i);
      ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    if (!ok) {
      throw new WorkflowException(Reason.COMMIT_NOT_FOUND, describe(sha)
          + " is not a full commit id (40 hex digits), so nothing can be read from " + where,
          null);
    }
    return ObjectId.fromString(sha.toLowerCase(Locale.ROOT));
  }

  private static String describe(String sha) {
    if (sha == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    int end = Math.min(sha.length(), 80);
    for (int i = 0; i < end; i++) {
      char c = sha.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append(sha.length() > end ? "...\"" : "\"").toString();
  }

  /**
   * Reads {@code path} at {@code commit}.
   *
   * @param where the repository as messages name it (no credentials)
   * @return the file, or empty when the commit's tree has nothing at {@code path}
   * @throws WorkflowException every failure, JGit's runtime exceptions included
   */
  static Optional<WorkflowFile> read(Repository repository, ObjectId commit, String path,
      long maxBytes, String where) {
    String at = path + " at " + commit.name() + " in " + where;
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit c;
      try {
        c = walk.parseCommit(commit);
      } catch (MissingObjectException e) {
        throw new WorkflowException(Reason.COMMIT_NOT_FOUND,
            "commit " + commit.name() + " is not in " + where, e);
      } catch (IncorrectObjectTypeException e) {
        throw new WorkflowException(Reason.COMMIT_NOT_FOUND,
            commit.name() + " in " + where + " is not a commit", e);
      }
      try (TreeWalk tree = TreeWalk.forPath(repository, reader, path, c.getTree())) {
        if (tree == null) {
          return Optional.empty();
        }
        int mode = tree.getRawMode(0);
        if (FileMode.TREE.equals(mode)) {
          throw notAFile(at + " is a directory, not a file");
        }
        if (FileMode.GITLINK.equals(mode)) {
          throw notAFile(at + " is a submodule, not a file");
        }
        if (FileMode.SYMLINK.equals(mode)) {
          throw notAFile(at + " is a symbolic link; links are not followed");
        }
        if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
          throw notAFile(at + " is not a regular file (mode " + Integer.toOctalString(mode) + ")");
        }
        ObjectLoader loader = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (size > maxBytes) {
          throw tooLarge(at, size, maxBytes, null);
        }
        byte[] bytes = loader.getBytes((int) maxBytes);
        return Optional.of(new WorkflowFile(path, c.name(), bytes));
      }
    } catch (LargeObjectException e) {
      throw tooLarge(at, -1, maxBytes, e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof WorkflowException w) {
        throw w;
      }
      throw new WorkflowException(Reason.SOURCE_UNREADABLE, "cannot read " + at + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  private static WorkflowException notAFile(String message) {
    return new WorkflowException(Reason.NOT_A_FILE, message, null);
  }

  private static WorkflowException tooLarge(String at, long size, long max, Throwable cause) {
    return new WorkflowException(Reason.TOO_LARGE, at + " is "
        + (size >= 0 ? size + " bytes" : "too large") + ", over the limit of " + max + " bytes",
        cause);
  }

  static long checkMaxFileBytes(long maxFileBytes) {
    if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_LIMIT) {
      throw new IllegalArgumentException("maxFileBytes must be between 1 and "
          + MAX_FILE_BYTES_LIMIT + ": " + maxFileBytes);
    }
    return maxFileBytes;
  }
}
