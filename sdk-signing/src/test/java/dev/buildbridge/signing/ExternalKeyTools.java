package dev.buildbridge.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs openssl and ssh-keygen to write keys at test time; tests skip visibly when a tool is absent. */
final class ExternalKeyTools {
  private ExternalKeyTools() {}

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static void assumeTool(String tool) {
    assumeTrue(onPath(tool), tool + " is not on PATH: skipping the tests of keys written by " + tool);
  }

  /** Runs the command in dir, asserts exit code 0, returns stdout. */
  static String run(Path dir, String... command) {
    Result result = tryRun(dir, command);
    assertEquals(0, result.exitCode(),
        () -> String.join(" ", command) + " failed: " + result.stderr() + result.stdout());
    return result.stdout();
  }

  record Result(int exitCode, String stdout, String stderr) {}

  static Result tryRun(Path dir, String... command) {
    try {
      Path stderr = Files.createTempFile(dir, "stderr", ".txt");
      Process process = new ProcessBuilder(List.of(command))
          .directory(dir.toFile())
          .redirectError(stderr.toFile())
          .start();
      process.getOutputStream().close(); // never prompt
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish");
      }
      String err = Files.readString(stderr);
      Files.delete(stderr);
      return new Result(process.exitValue(), stdout, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
