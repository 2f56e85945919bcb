package dev.buildbridge.workflow.kdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the official KDL 2.0.0 and 1.0.0 suites (kdl-org/kdl {@code tests/test_cases},
 * under {@code ../shared/conformance/kdl}): failing inputs must throw {@link KdlParseException},
 * the others must parse and print exactly as {@code expected_kdl/<same name>}.
 */
class KdlConformanceTest {
  private static final Map<String, AtomicInteger[]> TALLY = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> everyKdl2CaseParsesAndPrintsAsExpectedOrFails() throws IOException {
    Path suite = SharedData.require("conformance/kdl/v2");
    List<Path> inputs = inputs(suite);
    AtomicInteger[] tally = tally("KDL v2 suite", inputs.size());
    return inputs.stream().map(input -> dynamicTest(input.getFileName().toString(), () -> {
      String name = input.getFileName().toString();
      byte[] bytes = Files.readAllBytes(input);
      if (name.endsWith("_fail.kdl")) {
        assertThrows(KdlParseException.class, () -> KdlParser.v2().parse(name, bytes));
        KdlDocument viaAuto;
        try {
          viaAuto = KdlParser.auto().parse(name, bytes);
        } catch (KdlParseException e) {
          viaAuto = null;
        }
        if (viaAuto != null) {
          assertEquals(KdlParser.v1().parse(name, bytes), viaAuto,
              "auto() falls back to KDL 1 only for text KDL 1 reads");
        }
      } else {
        KdlDocument doc = KdlParser.v2().parse(name, bytes);
        String expected = expected(suite, name);
        assertEquals(expected, KdlPrinter.canonical(KdlVersion.V2).print(doc));
        assertEquals(expected, KdlPrinter.canonical(KdlVersion.V2).print(
            KdlParser.v2().parse("expected.kdl", expected)), "the canonical form reads back");
        assertEquals(doc, KdlParser.auto().parse(name, bytes), "auto() reads it as KDL 2");
        assertEquals(doc, KdlParser.v2().parse(name, new String(bytes, StandardCharsets.UTF_8)),
            "bytes and text read the same");
      }
      tally[0].incrementAndGet();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyKdl1CaseParsesAndPrintsAsExpectedOrFails() throws IOException {
    Path suite = SharedData.require("conformance/kdl/v1");
    List<Path> inputs = inputs(suite);
    AtomicInteger[] tally = tally("KDL v1 suite", inputs.size());
    return inputs.stream().map(input -> dynamicTest(input.getFileName().toString(), () -> {
      String name = input.getFileName().toString();
      byte[] bytes = Files.readAllBytes(input);
      if (!Files.exists(suite.resolve("expected_kdl").resolve(name))) {
        assertThrows(KdlParseException.class, () -> KdlParser.v1().parse(name, bytes));
      } else {
        KdlDocument doc = KdlParser.v1().parse(name, bytes);
        String expected = expected(suite, name);
        assertEquals(expected, KdlPrinter.canonical(KdlVersion.V1).print(doc));
        assertEquals(expected, KdlPrinter.canonical(KdlVersion.V1).print(
            KdlParser.v1().parse("expected.kdl", expected)), "the canonical form reads back");
        KdlDocument auto = KdlParser.auto().parse(name, bytes);
        assertEquals(doc.nodes(), auto.nodes(), "auto() yields the same data as v1()");
        if (auto.version() == KdlVersion.V2) {
          assertEquals(auto, KdlParser.v2().parse(name, bytes));
        } else {
          assertThrows(KdlParseException.class, () -> KdlParser.v2().parse(name, bytes),
              "auto() picks KDL 1 only when KDL 2 fails");
        }
      }
      tally[0].incrementAndGet();
    }));
  }

  @AfterAll
  static void printPassCounts() {
    synchronized (TALLY) {
      TALLY.forEach((suite, t) ->
          System.out.println(suite + ": " + t[0].get() + "/" + t[1].get() + " passed"));
    }
  }

  private static AtomicInteger[] tally(String suite, int total) {
    synchronized (TALLY) {
      return TALLY.computeIfAbsent(suite,
          s -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(total)});
    }
  }

  private static List<Path> inputs(Path suite) throws IOException {
    try (Stream<Path> files = Files.list(suite.resolve("input"))) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  private static String expected(Path suite, String name) throws IOException {
    return Files.readString(suite.resolve("expected_kdl").resolve(name), StandardCharsets.UTF_8);
  }
}
