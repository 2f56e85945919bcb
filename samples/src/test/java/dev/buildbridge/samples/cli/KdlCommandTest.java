package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdlCommandTest {

  @Test
  void printsTheCanonicalFormOfStdinInTheVersionItWasReadAs() {
    Cli.Result r = Cli.run("// comment\nnode b=2 a=1 \"x\" {\n  child #true\n}\n", "kdl", "canonical");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("node x a=1 b=2 {\n    child #true\n}\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void autoModeFallsBackToKdlOneAndPrintsKdlOne() {
    Cli.Result r = Cli.run("node true r\"raw\"\n", "kdl", "canonical");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("node true \"raw\"\n", r.out());
  }

  @Test
  void forcedVersionTwoRefusesKdlOneSyntaxWithFileLineAndColumn(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("old.kdl");
    Files.writeString(file, "a 1\nnode true\n");
    Cli.Result r = Cli.exec("kdl", "canonical", "--kdl-version", "2", file.toString());
    assertEquals(Main.USAGE, r.exit());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith(file + ":2:6: "), lines.get(0));
  }

  @Test
  void unknownVersionIsAUsageError() {
    Cli.exec("kdl", "canonical", "--kdl-version", "3").assertUsageError("buildbridge: kdl canonical:");
  }

  @Test
  void moreThanOneFileIsAUsageError() {
    Cli.exec("kdl", "canonical", "a.kdl", "b.kdl")
        .assertUsageError("buildbridge: kdl canonical: one FILE at most");
  }

  @Test
  void batchNeedsExactlyTwoDirectories() {
    Cli.exec("kdl", "canonical", "--batch", "in")
        .assertUsageError("buildbridge: kdl canonical: --batch takes two arguments");
  }

  @Test
  void batchOverTheOfficialKdlTwoSuiteMatchesEveryExpectedFile(@TempDir Path out)
      throws IOException {
    Path suite = SharedData.require("conformance/kdl/v2");
    Cli.Result r = Cli.exec("kdl", "canonical", "--kdl-version", "2", "--batch",
        suite.resolve("input").toString(), out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode summary = r.json();
    List<Path> inputs;
    try (Stream<Path> files = Files.list(suite.resolve("input"))) {
      inputs = files.sorted().toList();
    }
    assertEquals(inputs.size(), summary.get("parsed").asInt() + summary.get("failed").asInt());
    for (Path input : inputs) {
      String name = input.getFileName().toString();
      if (name.endsWith("_fail.kdl")) {
        assertTrue(Files.exists(out.resolve(name + ".err")), name);
        assertFalse(Files.exists(out.resolve(name)), name);
        assertTrue(Files.readString(out.resolve(name + ".err")).startsWith(input + ":"), name);
      } else {
        assertEquals(Files.readString(suite.resolve("expected_kdl").resolve(name), UTF_8),
            Files.readString(out.resolve(name), UTF_8), name);
      }
    }
  }

  @Test
  void batchReplacesTheOutputOfAnEarlierRunWithTheOtherOutcome(@TempDir Path dir)
      throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path out = dir.resolve("out");
    Files.writeString(in.resolve("a.kdl"), "node \"unterminated\n");
    assertEquals(Main.OK, Cli.exec("kdl", "canonical", "--batch", in.toString(), out.toString())
        .exit());
    assertTrue(Files.exists(out.resolve("a.kdl.err")));
    Files.writeString(in.resolve("a.kdl"), "node \"fixed\"\n");
    Cli.Result r = Cli.exec("kdl", "canonical", "--batch", in.toString(), out.toString());
    assertEquals(1, r.json().get("parsed").asInt());
    assertEquals("node fixed\n", Files.readString(out.resolve("a.kdl")));
    assertFalse(Files.exists(out.resolve("a.kdl.err")));
  }
}
