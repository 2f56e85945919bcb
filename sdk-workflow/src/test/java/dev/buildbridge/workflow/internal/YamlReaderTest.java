package dev.buildbridge.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.kdl.KdlLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private final YamlReader reader = new YamlReader(1 << 20, 64, 1000);
  private final List<WorkflowProblem> problems = new ArrayList<>();

  private YamlNode read(String text) {
    return reader.read("f.yaml", text, problems);
  }

  private static WorkflowProblem onlyProblem(WorkflowException e) {
    assertEquals(Reason.INVALID, e.reason());
    assertEquals(1, e.problems().size(), e.problems()::toString);
    return e.problems().get(0);
  }

  @Test
  void keepsTheLineAndColumnOfEveryKeyAndValue() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nb:\n  - x\n  - {c: true}\n");
    assertEquals(new KdlLocation("f.yaml", 1, 1), root.entry("a").keyLocation());
    assertEquals(new KdlLocation("f.yaml", 1, 4), root.get("a").location());
    YamlNode.Sequence b = (YamlNode.Sequence) root.get("b");
    assertEquals(new KdlLocation("f.yaml", 3, 5), b.items().get(0).location());
    YamlNode.Mapping c = (YamlNode.Mapping) b.items().get(1);
    assertEquals(new KdlLocation("f.yaml", 4, 5), c.location());
    assertEquals(new KdlLocation("f.yaml", 4, 6), c.entry("c").keyLocation());
    assertEquals(new KdlLocation("f.yaml", 4, 9), c.get("c").location());
  }

  @Test
  void countsColumnsInCodePoints() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("k: [\"\uD83D\uDE00\", x]\n");
    YamlNode.Sequence list = (YamlNode.Sequence) root.get("k");
    // the emoji is one column wide although two chars long
    assertEquals(new KdlLocation("f.yaml", 1, 10), list.items().get(1).location());
  }

  @Test
  void resolvesScalarTypesKeepingTheTextAsWritten() {
    YamlNode.Mapping root = (YamlNode.Mapping) read(
        "s: hello\ni: 0x1F\nf: 1.5\nb: yes\nn: ~\nq: '12'\nbig: 123456789012345678901234\n");
    assertEquals(YamlNode.Type.STRING, ((YamlNode.Scalar) root.get("s")).type());
    YamlNode.Scalar i = (YamlNode.Scalar) root.get("i");
    assertEquals(YamlNode.Type.INTEGER, i.type());
    assertEquals(31L, i.integer());
    assertEquals("0x1F", i.text());
    assertEquals(YamlNode.Type.FLOAT, ((YamlNode.Scalar) root.get("f")).type());
    YamlNode.Scalar b = (YamlNode.Scalar) root.get("b");
    assertEquals(YamlNode.Type.BOOLEAN, b.type());
    assertTrue(b.bool());
    assertEquals("yes", b.text());
    assertTrue(((YamlNode.Scalar) root.get("n")).isNull());
    assertEquals(YamlNode.Type.STRING, ((YamlNode.Scalar) root.get("q")).type());
    YamlNode.Scalar big = (YamlNode.Scalar) root.get("big");
    assertEquals(YamlNode.Type.INTEGER, big.type());
    assertEquals(null, big.integer());
  }

  @Test
  void anEmptyPlainValueIsNullButAnEmptyQuotedOneIsAString() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("a:\nb: ''\nc: {d: }\n");
    assertTrue(((YamlNode.Scalar) root.get("a")).isNull());
    assertEquals(YamlNode.Type.STRING, ((YamlNode.Scalar) root.get("b")).type());
    assertTrue(((YamlNode.Scalar) ((YamlNode.Mapping) root.get("c")).get("d")).isNull());
  }

  @Test
  void anAliasIsTheAnchoredNodeItselfNotACopy() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("a: &x [1, 2]\nb: *x\n");
    assertSame(root.get("a"), root.get("b"));
  }

  @Test
  void mergeKeysAddTheKeysNotSetAlreadyFirstMergedMappingWinning() {
    YamlNode.Mapping root = (YamlNode.Mapping) read(
        "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc: {<<: [*a, *b], x: 3}\n");
    YamlNode.Mapping c = (YamlNode.Mapping) root.get("c");
    assertEquals(List.of("x", "y", "z"), List.copyOf(c.entries().keySet()));
    assertEquals("3", ((YamlNode.Scalar) c.get("x")).text());
    assertEquals("1", ((YamlNode.Scalar) c.get("y")).text());
    assertEquals("2", ((YamlNode.Scalar) c.get("z")).text());
  }

  @Test
  void mergeKeyOfAScalarIsAnError() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: {<<: 5}\n"));
    assertEquals("f.yaml:1:5: the merge key << takes a mapping or a list of mappings, not the"
        + " number 5", onlyProblem(e).toString());
  }

  @Test
  void duplicateKeyIsAProblemNamingTheFirstAndKeepsTheFirstValue() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nb: 2\na: 3\n");
    assertEquals("1", ((YamlNode.Scalar) root.get("a")).text());
    assertEquals(List.of(new WorkflowProblem(new KdlLocation("f.yaml", 3, 1),
        "duplicate key \"a\" (first at 1:1)")), problems);
  }

  @Test
  void syntaxErrorNamesTheProblemAndItsLineAndColumn() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: b\n  c: d\n"));
    WorkflowProblem p = onlyProblem(e);
    assertEquals(new KdlLocation("f.yaml", 2, 4), p.location());
    assertEquals("not YAML: mapping values are not allowed here", p.message());
  }

  @Test
  void unclosedFlowListNamesWhereItStarted() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: [1, 2\nb: 3\n"));
    WorkflowProblem p = onlyProblem(e);
    assertTrue(p.message().startsWith("not YAML: "), p.message());
    assertTrue(p.message().contains("at 1:4)"), p.message());
    assertTrue(!p.message().contains("\n"), p.message());
  }

  @Test
  void complexKeysAreNotYamlThisReaderTakes() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("? [a]\n: b\n"));
    WorkflowProblem p = onlyProblem(e);
    assertEquals(1, p.location().line());
    assertEquals("not YAML: Expected a field name (Scalar value in YAML), got this instead",
        p.message());
  }

  @Test
  void moreThanOneDocumentIsAnError() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: 1\n---\nb: 2\n"));
    assertEquals("f.yaml:3:1: more than one YAML document; a file holds one",
        onlyProblem(e).toString());
  }

  @Test
  void unknownAliasIsAnError() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: *nope\n"));
    assertEquals("f.yaml:1:4: unknown alias *nope (no &nope before it)",
        onlyProblem(e).toString());
  }

  @Test
  void aliasInsideTheNodeItNamesIsAnError() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> read("a: &x [1, *x]\n"));
    assertEquals("f.yaml:1:11: alias *x is used inside the node it names",
        onlyProblem(e).toString());
  }

  @Test
  void binaryValuesAreRefused() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> read("a: !!binary aGVsbG8=\n"));
    assertEquals("f.yaml:1:4: binary values (!!binary) are not supported",
        onlyProblem(e).toString());
  }

  @Test
  void emptyDocumentIsANullAtTheStart() {
    YamlNode root = read("# only a comment\n");
    assertInstanceOf(YamlNode.Scalar.class, root);
    assertTrue(((YamlNode.Scalar) root).isNull());
    assertEquals(new KdlLocation("f.yaml", 1, 1), root.location());
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
    byte[] bytes = "a: ok\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> reader.read("f.yaml", bytes, problems));
    assertEquals("f.yaml:2:7: not UTF-8: malformed byte 0xe9 at offset 12",
        onlyProblem(e).toString());
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
    YamlNode.Mapping root = (YamlNode.Mapping) reader.read("f.yaml", bytes, problems);
    assertEquals(new KdlLocation("f.yaml", 1, 1), root.entry("a").keyLocation());
  }

  @Test
  void distanceCountsEditsUpToTheLimit() {
    assertEquals(0, YamlChecks.distance("toolchain", "toolchain", 3));
    assertEquals(2, YamlChecks.distance("toolchian", "toolchain", 3));
    assertEquals(1, YamlChecks.distance("callback_headers", "callback_header", 3));
    assertEquals(3, YamlChecks.distance("device", "toolchain", 3));
  }
}
