package dev.buildbridge.workflow.kdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage examples of the package's class javadoc, kept compiling and checked. */
class KdlExamplesTest {
  private static final String WORKFLOW = "workflow name=\"ci\" {\n"
      + "    job id=\"build\" runs_on=\"ubuntu-22.04\" retries=3 strict=#true {\n"
      + "        step name=\"Build\" run=\"make\"\n"
      + "        step name=\"Test\" run=\"make check\" 30 needs=lint image=#null\n"
      + "    }\n"
      + "}\n";

  @Test
  void kdlParserExample(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(".solstice/workflow.kdl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, WORKFLOW);

    KdlDocument doc = KdlParser.auto().parse(file);

    KdlParser strict = KdlParser.newBuilder()
        .version(KdlVersion.V2)
        .maxDepth(32)
        .maxLength(1 << 20)
        .build();
    try {
      strict.parse("ci.kdl", "job id=\"build\" cache=#maybe\n");
      fail("#maybe is no keyword");
    } catch (KdlParseException e) {
      assertEquals("ci.kdl:1:22: unknown keyword #maybe; KDL 2 has #true, #false, #null, #inf,"
          + " #-inf and #nan\njob id=\"build\" cache=#maybe\n                     ^", e.report());
    }
    assertEquals(KdlVersion.V2, doc.version());
    assertEquals(file.toString(), doc.nodes().get(0).location().file());
  }

  @Test
  void builderExample() {
    KdlParser parser = KdlParser.newBuilder().version(KdlVersion.V1).maxDepth(16).build();
    KdlParser relaxed = parser.toBuilder().autoVersion().build();
    assertEquals(KdlVersion.V1, parser.version().orElseThrow());
    assertTrue(relaxed.version().isEmpty());
    assertEquals(16, relaxed.maxDepth());
  }

  @Test
  void kdlPrinterExample() {
    KdlDocument doc = KdlParser.auto().parse("ci.kdl", "job \"build\" runs_on=\"x\" id=0x1f {}");
    String v2 = KdlPrinter.canonical(KdlVersion.V2).print(doc);
    String v1 = KdlPrinter.canonical(KdlVersion.V1).print(doc);
    assertEquals("job build id=31 runs_on=x\n", v2);
    assertEquals("job \"build\" id=0x1f runs_on=\"x\" {\n}\n", v1);
  }

  @Test
  void kdlParseExceptionExample() {
    try {
      KdlDocument doc = KdlParser.auto().parse("ci.kdl", "workflow {\n    job id=\n}\n");
      fail("parsed " + doc);
    } catch (KdlParseException e) {
      assertEquals("ci.kdl:2:12: expected a property value, found a newline\n"
          + "    job id=\n"
          + "           ^", e.report());
    }
  }

  @Test
  void kdlDocumentExample(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("workflow.kdl"), WORKFLOW);
    KdlDocument doc = KdlParser.auto().parse(file);
    List<String> names = new ArrayList<>();
    for (KdlNode node : doc.nodes("workflow")) {
      names.add(node.property("name").orElseThrow().asString());
    }
    String canonical = KdlPrinter.canonical(KdlVersion.V2).print(doc);
    assertEquals(List.of("ci"), names);
    assertTrue(canonical.startsWith("workflow name=ci {\n    job id=build retries=3"), canonical);
  }

  @Test
  void kdlNodeAndValueExamples() {
    KdlDocument doc = KdlParser.auto().parse("ci.kdl", WORKFLOW);
    KdlNode job = doc.nodes().get(0).children().get(0);
    String id = job.property("id").map(KdlValue::asString).orElse(null);
    List<String> runs = new ArrayList<>();
    for (KdlNode step : job.children("step")) {
      // KdlString example
      String run = step.property("run").map(KdlValue::asString).orElse(null);
      runs.add(run);
    }
    assertEquals("build", id);
    assertEquals(List.of("make", "make check"), runs);

    // KdlValue example
    KdlValue v = job.property("retries").orElseThrow();
    int retries = -1;
    if (v instanceof KdlNumber n && n.isInteger()) {
      retries = n.intValueExact();
    } else if (v instanceof KdlString s) {
      fail(s.value());
    }
    assertEquals(3, retries);

    KdlNode node = job.children("step").get(1);
    // KdlNumber example
    KdlNumber n = (KdlNumber) node.arguments().get(0);
    long timeout = n.longValueExact();
    assertEquals(30L, timeout);

    // KdlBoolean example
    boolean strict = job.property("strict").orElse(KdlValue.of(false)) instanceof KdlBoolean b
        && b.value();
    assertTrue(strict);
    boolean lenient = node.property("strict").orElse(KdlValue.of(false)) instanceof KdlBoolean b
        && b.value();
    assertFalse(lenient);

    // KdlNull example
    boolean unset = node.property("image").orElseThrow() instanceof KdlNull;
    assertTrue(unset);
    assertNull(node.property("image").orElseThrow().asString());
  }

  @Test
  void kdlLocationAndPropertyExamples() {
    KdlDocument doc = KdlParser.auto().parse("ci.kdl", WORKFLOW);
    KdlNode job = doc.nodes().get(0).children().get(0);
    assertEquals("ci.kdl:2:5: job has no id", job.location() + ": job has no id");
    KdlNode node = job.children().get(1);
    List<String> errors = new ArrayList<>();
    node.propertyEntry("needs").ifPresent(p ->
        errors.add(p.location() + ": unknown job " + p.value().asString()));
    assertEquals(List.of("ci.kdl:4:46: unknown job lint"), errors);
  }

  @Test
  void kdlVersionExample() {
    KdlDocument doc = KdlParser.auto().parse("ci.kdl", "job retries=3 strict=true");
    assertEquals(KdlVersion.V1, doc.version());   // it was not valid KDL 2.0.0
    assertEquals(1, doc.version().number());
    assertEquals(2, KdlVersion.V2.number());
  }
}
