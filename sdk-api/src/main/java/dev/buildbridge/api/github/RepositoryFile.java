package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file read from a repository at a ref ({@code GET /repos/{owner}/{repo}/contents/{path}}), with
 * its decoded bytes.
 *
 * <pre>{@code
 * Optional<RepositoryFile> file =
 *     github.getFile("octo", "repo", ".solstice/workflow.kdl", push.afterSha());
 * String kdl = file.map(RepositoryFile::text).orElse(null);
 * }</pre>
 *
 * @param path the path in the repository
 * @param name the file name
 * @param sha the blob SHA
 * @param size the size in bytes
 * @param content the bytes (a copy is kept and returned)
 * @param htmlUrl the file's page on GitHub, or null
 * @param downloadUrl the raw download URL (may carry a temporary token for private
 *     repositories: do not log it), or null
 */
public record RepositoryFile(
    String path,
    String name,
    String sha,
    long size,
    byte[] content,
    String htmlUrl,
    String downloadUrl) {

  /**
   * Copies the content.
   *
   * @throws NullPointerException if the path, name, SHA or content is null
   */
  public RepositoryFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha, "sha");
    content = Objects.requireNonNull(content, "content").clone();
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return the file's bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * Returns the content as UTF-8 text; malformed bytes become U+FFFD.
   *
   * @return the text
   */
  @JsonIgnore
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /**
   * Compares all components, the content by value.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RepositoryFile)) {
      return false;
    }
    RepositoryFile f = (RepositoryFile) o;
    return size == f.size && path.equals(f.path) && name.equals(f.name) && sha.equals(f.sha)
        && Arrays.equals(content, f.content) && Objects.equals(htmlUrl, f.htmlUrl)
        && Objects.equals(downloadUrl, f.downloadUrl);
  }

  /**
   * Hashes all components, the content by value.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(path, name, sha, size, Arrays.hashCode(content), htmlUrl, downloadUrl);
  }

  /**
   * Shows path, SHA and size; not the content nor the download URL.
   *
   * @return for example {@code RepositoryFile[path=a/b.kdl, sha=..., size=120]}
   */
  @Override
  public String toString() {
    return "RepositoryFile[path=" + path + ", sha=" + sha + ", size=" + size + "]";
  }
}
