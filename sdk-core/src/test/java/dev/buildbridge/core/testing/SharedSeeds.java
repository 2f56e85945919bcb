package dev.buildbridge.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Seed inputs read from {@code ../shared} where they lie, never copied into the repository. Jazzer
 * runs them with the committed inputs in regression mode and starts its corpus from them when
 * fuzzing. Without {@code ../shared} there are no shared seeds, and the fuzz tests run on their
 * committed inputs only (said once on stderr). Shared by every module's fuzz tests (test-jar).
 */
public final class SharedSeeds {
  private SharedSeeds() {}

  /**
   * Returns every regular file under a folder of {@code ../shared} whose name ends in
   * {@code suffix}, sorted by path, each named by its path relative to {@code ../shared}.
   */
  public static List<Named<byte[]>> files(String folder, String suffix) {
    Path root = SharedData.root();
    Path dir = root == null ? null : root.resolve(folder);
    if (dir == null || !Files.isDirectory(dir)) {
      System.err.println("[buildbridge] fuzz seeds from ../shared/" + folder + " not found;"
          + " running the committed inputs only");
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .map(p -> Named.of(root.relativize(p).toString(), read(p)))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
