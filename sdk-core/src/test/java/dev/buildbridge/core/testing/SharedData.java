package dev.buildbridge.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Locates the project's shared test data ({@code ../shared} next to the repository, or the directory
 * named by {@code -Dbuildbridge.shared=DIR}). Tests that need it call {@link #require(String)}: when
 * the data is absent they are skipped with a message on stderr, so a fresh clone still builds.
 */
public final class SharedData {
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private SharedData() {}

  /**
   * Returns the shared directory if it exists.
   *
   * @return the directory, or {@code null} when absent
   */
  public static Path root() {
    String configured = System.getProperty("buildbridge.shared");
    if (configured != null && !configured.isBlank() && !configured.contains("${")) {
      Path p = Path.of(configured).toAbsolutePath().normalize();
      return Files.isDirectory(p) ? p : null;
    }
    // Run from an IDE: walk up from the working directory to the repository and look beside it.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(dir.resolve(".git")) && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Returns a path under the shared directory, skipping the calling test when it is absent.
   *
   * @param relative path below the shared directory, such as {@code fixtures/tuxsuite}
   * @return the existing path
   */
  public static Path require(String relative) {
    Path root = root();
    Path path = root == null ? null : root.resolve(relative);
    boolean present = path != null && Files.exists(path);
    if (!present && WARNED.compareAndSet(false, true)) {
      System.err.println("[buildbridge] SKIPPED: shared test data not found ("
          + (root == null ? "no ../shared; set -Dbuildbridge.shared=DIR" : path) + ")");
    }
    assumeTrue(present, () -> "shared test data not found: " + relative
        + " (looked in " + root + "; set -Dbuildbridge.shared=DIR)");
    return path;
  }
}
