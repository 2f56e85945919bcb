package dev.buildbridge.workflow.kdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates every suite input (deterministic seed: truncations, byte flips, insertions of KDL
 * punctuation and broken UTF-8, deletions, duplicated slices) and checks that the parsers either
 * succeed or throw {@link KdlParseException}, and that whatever they read prints to text that
 * reads back to the same canonical form.
 */
class KdlRobustnessTest {
  private static final byte[][] INSERTS = {
      utf8("\""), utf8("\\"), utf8("{"), utf8("}"), utf8("/-"), utf8("/*"), utf8("*/"), utf8("//"),
      utf8("#"), utf8("##\""), utf8("\"\"\"\n"), utf8("("), utf8(")"), utf8("="), utf8(";"),
      utf8("\n"), utf8("\r"), utf8(" "), utf8("0x"), utf8("1e"), utf8("."), utf8("-"), utf8("_"),
      utf8("\\u{"), utf8("r#\""), utf8("#true"), utf8("\u202E"), utf8("\u0000"), utf8("\uFEFF"),
      utf8("\u2028"), utf8("\u00e9"), utf8("\uD83D\uDE00"), {(byte) 0xFF}, {(byte) 0xC3},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}};

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void mutatedSuiteInputsEitherParseOrFailWithKdlParseException() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String suite : List.of("conformance/kdl/v2", "conformance/kdl/v1")) {
      Path input = SharedData.require(suite).resolve("input");
      try (Stream<Path> files = Files.list(input)) {
        for (Path file : files.sorted().collect(Collectors.toList())) {
          seeds.add(Files.readAllBytes(file));
        }
      }
    }
    Random random = new Random(20241221);
    KdlParser shallow = KdlParser.newBuilder().maxDepth(3).maxLength(400).build();
    List<KdlParser> parsers = List.of(KdlParser.v1(), KdlParser.v2(), KdlParser.auto(), shallow);
    int parsed = 0;
    int refused = 0;
    for (int round = 0; round < 12; round++) {
      for (byte[] seed : seeds) {
        byte[] mutated = mutate(seed, random);
        for (KdlParser parser : parsers) {
          if (check(parser, mutated)) {
            parsed++;
          } else {
            refused++;
          }
        }
      }
    }
    assertTrue(parsed > 1000 && refused > 1000, parsed + " parsed, " + refused + " refused");
  }

  /** Returns whether the text parsed; fails the test on any other exception. */
  private static boolean check(KdlParser parser, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    KdlDocument doc;
    try {
      doc = parser.parse("fuzz.kdl", bytes);
    } catch (KdlParseException e) {
      assertTrue(e.line() >= 1 && e.column() >= 1 && e.getMessage().startsWith("fuzz.kdl:"));
      try {
        parser.parse("fuzz.kdl", text);
      } catch (KdlParseException expected) {
        return false;
      } catch (RuntimeException | Error other) {
        throw unexpected(parser, bytes, other);
      }
      return false; // the lossy decoding replaced the bad bytes; nothing more to compare
    } catch (RuntimeException | Error other) {
      throw unexpected(parser, bytes, other);
    }
    try {
      KdlPrinter printer = KdlPrinter.canonical(doc.version());
      String printed = printer.print(doc);
      KdlParser same = KdlParser.newBuilder().version(doc.version()).maxDepth(parser.maxDepth())
          .build();
      assertEquals(printed, printer.print(same.parse("printed.kdl", printed)),
          () -> "reprint differs for " + Arrays.toString(bytes));
      assertEquals(doc, parser.parse("fuzz.kdl", text), "bytes and text read the same");
    } catch (RuntimeException | Error other) {
      throw unexpected(parser, bytes, other);
    }
    return true;
  }

  private static AssertionError unexpected(KdlParser parser, byte[] bytes, Throwable e) {
    if (e instanceof AssertionError a) {
      return a;
    }
    return new AssertionError(parser + " threw " + e + " on "
        + new String(bytes, StandardCharsets.UTF_8), e);
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      switch (random.nextInt(5)) {
        case 0: // truncate
          b = Arrays.copyOf(b, at);
          break;
        case 1: // flip a byte
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] = (byte) random.nextInt(256);
          }
          break;
        case 2: // insert punctuation or bad UTF-8
          b = splice(b, at, 0, INSERTS[random.nextInt(INSERTS.length)]);
          break;
        case 3: // delete a slice
          b = splice(b, at, Math.min(b.length - at, random.nextInt(6)), new byte[0]);
          break;
        default: // duplicate a slice
          int len = Math.min(b.length - at, random.nextInt(12));
          b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
          break;
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  @Test
  void pathologicalInputsFailFastWithKdlParseException() {
    List<String> inputs = List.of(
        "/*".repeat(50_000), "\"".repeat(50_001), "(".repeat(50_000), "a ".repeat(50_000) + "\"",
        "a " + "/- ".repeat(50_000), "\\\n".repeat(50_000) + "\\ x", "#".repeat(50_000) + "\"",
        "a \"\"\"\n" + " \\\n".repeat(30_000), "a " + "1".repeat(500_000),
        "a 1e" + "9".repeat(100_000), "a {".repeat(50_000), "a " + "}".repeat(50_000));
    for (String input : inputs) {
      for (KdlParser parser : List.of(KdlParser.v1(), KdlParser.v2(), KdlParser.auto())) {
        long start = System.nanoTime();
        try {
          parser.parse("p.kdl", input);
          fail("expected a failure for " + input.substring(0, 20));
        } catch (KdlParseException expected) {
          // the point
        }
        assertTrue(System.nanoTime() - start < 2_000_000_000L, input.substring(0, 20));
      }
    }
  }
}
