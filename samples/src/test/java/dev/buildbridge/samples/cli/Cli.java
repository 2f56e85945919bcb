package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the tool in-process, as {@code buildbridge ARGS < stdin}, and checks the contract. */
final class Cli {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Cli() {}

  /** What one run left behind. */
  record Result(int exit, String out, String err) {

    /** Stdout parsed as one JSON value. */
    JsonNode json() {
      try {
        return MAPPER.readTree(out);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out, e);
      }
    }

    /** Stdout parsed as one JSON value per line. */
    List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        try {
          lines.add(MAPPER.readTree(line));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException("stdout line is not JSON: " + line, e);
        }
      }
      return lines;
    }

    /** Stdout without its final line break. */
    String outLine() {
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** Stderr as lines. */
    List<String> errLines() {
      List<String> lines = new ArrayList<>(List.of(err.split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }

    /**
     * Asserts the usage-error contract: exit 2, exactly one stderr line {@code buildbridge: <what>:
     * <why>} starting with {@code prefix}, and no JSON on stdout. Returns that line.
     */
    String assertUsageError(String prefix) {
      assertEquals(Main.USAGE, exit, () -> "exit code; stdout=" + out + " stderr=" + err);
      List<String> lines = errLines();
      assertEquals(1, lines.size(), () -> "stderr must be exactly one line, was: " + err);
      String line = lines.get(0);
      assertTrue(line.startsWith("buildbridge: "), line);
      assertTrue(line.startsWith(prefix), () -> "expected prefix '" + prefix + "' in: " + line);
      assertFalse(line.contains("internal error"), line);
      assertFalse(out.contains("{"), () -> "stdout must hold no JSON on a usage error: " + out);
      return line;
    }

    /** Asserts exit 1 with a single verdict naming {@code reason}; returns the verdict. */
    JsonNode assertRejected(String reason) {
      assertEquals(Main.REJECTED, exit, () -> "exit code; stdout=" + out + " stderr=" + err);
      assertEquals("", err);
      JsonNode verdict = json();
      assertFalse(verdict.get("valid").asBoolean(), verdict::toString);
      assertEquals(reason, verdict.get("reason").asText(), verdict::toString);
      assertTrue(verdict.get("message").isTextual(), verdict::toString);
      return verdict;
    }

    /** Asserts exit 0 with a single valid verdict; returns the verdict. */
    JsonNode assertValid() {
      assertEquals(Main.OK, exit, () -> "exit code; stdout=" + out + " stderr=" + err);
      assertEquals("", err);
      JsonNode verdict = json();
      assertTrue(verdict.get("valid").asBoolean(), verdict::toString);
      assertTrue(verdict.get("reason").isNull(), verdict::toString);
      return verdict;
    }
  }

  static Result run(String stdin, String... args) {
    return run(stdin.getBytes(UTF_8), args);
  }

  static Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, UTF_8);
        PrintStream errStream = new PrintStream(err, true, UTF_8)) {
      exit = Main.standard().run(args, new ByteArrayInputStream(stdin), outStream, errStream);
    }
    return new Result(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** Runs with empty stdin. */
  static Result exec(String... args) {
    return run(new byte[0], args);
  }
}
