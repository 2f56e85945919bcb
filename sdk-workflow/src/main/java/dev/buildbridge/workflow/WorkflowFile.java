package dev.buildbridge.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A workflow file as read from a repository at a commit: its path, the commit and its bytes. The
 * bytes are copied in and out, so an instance never changes.
 *
 * <pre>{@code
 * Optional<WorkflowFile> file = source.read(repoUrl, sha, ".solstice/workflow.kdl");
 * Workflow workflow = parser.parse(file.get().path(), file.get().bytes());
 * }</pre>
 *
 * @param path the repository-relative path, such as {@code .solstice/workflow.kdl}
 * @param commit the commit id it was read at
 * @param bytes the file's content as committed (UTF-8 for a workflow)
 */
public record WorkflowFile(String path, String commit, byte[] bytes) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when a component is null
   */
  public WorkflowFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(commit, "commit");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /**
   * Returns a copy of the content.
   *
   * @return the bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns the content decoded as UTF-8, malformed sequences replaced.
   *
   * @return the text
   */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Returns the size of the content.
   *
   * @return the number of bytes
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Compares path, commit and content.
   *
   * @param o the other object
   * @return whether {@code o} is a workflow file with the same path, commit and bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof WorkflowFile f && path.equals(f.path) && commit.equals(f.commit)
        && Arrays.equals(bytes, f.bytes);
  }

  /**
   * Hashes path, commit and content.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(path, commit, Arrays.hashCode(bytes));
  }

  /**
   * Returns the path, commit and size, not the content.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "WorkflowFile[path=" + path + ", commit=" + commit + ", " + bytes.length + " bytes]";
  }
}
