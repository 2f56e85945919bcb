package dev.buildbridge.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.json.HardenedJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Standard streams of one CLI run, the shared JSON mapper, and body input. */
final class Console {
  /** Largest body read from a file or stdin: GitHub's 25 MiB payload cap. */
  static final int MAX_BODY_BYTES = 25 << 20;

  static final ObjectMapper JSON = HardenedJson.newMapper();

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  Console(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  InputStream in() {
    return in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** Prints one JSON value on one line of stdout. */
  void printJson(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
    out.flush();
  }

  /** Reads the body from {@code --body-file F} when given, else from stdin, bounded in size. */
  byte[] readBody(String command, String bodyFile) throws UsageException {
    if (bodyFile != null && !bodyFile.equals("-")) {
      return readFile(command, bodyFile);
    }
    try {
      return readBounded(in, command, "stdin");
    } catch (IOException e) {
      throw new UsageException(command, "cannot read stdin: " + e.getMessage(), e);
    }
  }

  /** Reads a whole file, bounded in size, with a usage error naming it when it cannot be read. */
  byte[] readFile(String command, String file) throws UsageException {
    Path path = Path.of(file);
    try (InputStream stream = Files.newInputStream(path)) {
      return readBounded(stream, command, file);
    } catch (IOException e) {
      throw new UsageException(command, "cannot read " + file + ": " + describe(e), e);
    }
  }

  private static byte[] readBounded(InputStream stream, String command, String source)
      throws IOException, UsageException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    int n;
    while ((n = stream.read(chunk)) >= 0) {
      if (buffer.size() + n > MAX_BODY_BYTES) {
        throw new UsageException(command, source + " is larger than " + (MAX_BODY_BYTES >> 20)
            + " MiB");
      }
      buffer.write(chunk, 0, n);
    }
    return buffer.toByteArray();
  }

  static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
