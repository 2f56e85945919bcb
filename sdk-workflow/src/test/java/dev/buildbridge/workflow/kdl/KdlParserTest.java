package dev.buildbridge.workflow.kdl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.kdl.KdlParseException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdlParserTest {
  private static final String SOLSTICE = String.join("\n",
      "// Solstice CI for solstice-ci",
      "workflow name=\"Solstice CI for solstice-ci\" {",
      "    job id=\"linux-build\" runs_on=\"ubuntu-22.04\" {",
      "        setup path=\".solstice/setup-linux.sh\"",
      "        step name=\"Build\" run=\"cargo build --workspace\"",
      "        step name=\"Legacy job.sh\" run=\".solstice/job.sh\"",
      "    }",
      "    /* not yet */",
      "    job id=\"illumos-build\" runs_on=\"illumos-latest\" {",
      "        step name=\"Build\" run=\"gmake\" \\  // continued",
      "             timeout=3600",
      "    }",
      "}",
      "");

  private static KdlParseException fails(KdlParser parser, String text) {
    return assertThrows(KdlParseException.class, () -> parser.parse("t.kdl", text));
  }

  private static void assertError(KdlParseException e, Reason reason, int line, int column,
      String detail) {
    assertEquals(reason, e.reason(), e::report);
    assertEquals(line + ":" + column, e.line() + ":" + e.column(), e::report);
    assertEquals(detail, e.detail(), e::report);
    assertEquals("t.kdl:" + line + ":" + column + ": " + detail, e.getMessage());
    assertEquals("KDL_" + reason.name(), e.code());
  }

  // --- errors: location, message, snippet ------------------------------------------------------

  @Test
  void reportsMissingPropertyValueAtItsLineAndColumnWithSnippet() {
    String text = "workflow name=\"ci\" {\n    job id=\"build\" {\n        step run=\n    }\n}\n";
    KdlParseException e = fails(KdlParser.auto(), text);
    assertError(e, Reason.SYNTAX, 3, 18, "expected a property value, found a newline");
    assertEquals("        step run=\n                 ^", e.snippet());
    assertEquals(e.getMessage() + "\n" + e.snippet(), e.report());
  }

  @Test
  void reportsTypeAnnotationOnPropertyName() {
    assertError(fails(KdlParser.v2(), "node (type)key=10"), Reason.SYNTAX, 1, 6,
        "a property name cannot have a type annotation; annotate the value: key=(type)value");
  }

  @Test
  void reportsEntryAfterChildrenBlockOnTheSameLine() {
    assertError(fails(KdlParser.v2(), "foo123{bar}foo weeee"), Reason.SYNTAX, 1, 12,
        "expected ';' or a newline after the children block of foo123, found 'f'");
  }

  @Test
  void reportsBareKeywordInKdl2WithTheWayToWriteIt() {
    assertError(fails(KdlParser.v2(), "node \\\n  enabled=true"), Reason.SYNTAX, 2, 11,
        "true cannot be written bare in KDL 2: write #true for the keyword, or \"true\" for the"
            + " string");
  }

  @Test
  void reportsBareIdentifierValueInKdl1() {
    assertError(fails(KdlParser.v1(), "node arg"), Reason.SYNTAX, 1, 6,
        "bare identifier arg cannot be a value in KDL 1; quote it: \"arg\"");
  }

  @Test
  void reportsCharacterThatCannotBeInAnIdentifier() {
    assertError(fails(KdlParser.v2(), "foo#bar 1"), Reason.SYNTAX, 1, 4,
        "'#' cannot appear in a bare identifier: quote the name, or put whitespace before '#'");
  }

  @Test
  void reportsLegacyRawStringInKdl2() {
    assertError(fails(KdlParser.v2(), "node r\"C:\\\""), Reason.SYNTAX, 1, 7,
        "KDL 2 raw strings have no 'r' prefix: write #\"...\"#");
  }

  @Test
  void reportsInvalidNumberAtTheOffendingCharacter() {
    assertError(fails(KdlParser.v2(), "node 1.0.0"), Reason.SYNTAX, 1, 9,
        "'.' is not allowed in a number");
    assertError(fails(KdlParser.v2(), "node 0x1g"), Reason.SYNTAX, 1, 9,
        "'g' is not a hexadecimal digit");
    assertError(fails(KdlParser.v2(), "node 1."), Reason.SYNTAX, 1, 8,
        "expected a digit after the decimal point, found the end of the input");
    assertError(fails(KdlParser.v2(), "node .5"), Reason.SYNTAX, 1, 6,
        "a number needs a digit before its '.': write 0.");
  }

  @Test
  void reportsSlashdashThatCommentsOutNothing() {
    assertError(fails(KdlParser.v2(), "node {\n    child\n    /-\n}"), Reason.SYNTAX, 4, 1,
        "expected a node after the slashdash '/-' at 3:5, found '}'");
    assertError(fails(KdlParser.v2(), "node key=/-value"), Reason.SYNTAX, 1, 10,
        "a slashdash '/-' cannot stand here: it comments out a whole node, entry or children"
            + " block");
  }

  @Test
  void reportsInvalidEscapesWithTheEscapesOfTheVersion() {
    assertError(fails(KdlParser.v2(), "node \"a\\/b\""), Reason.SYNTAX, 1, 8,
        "\\/ is not an escape in KDL 2: write / as it is");
    assertError(fails(KdlParser.v2(), "node \"\\u{110000}\""), Reason.SYNTAX, 1, 7,
        "\\u{110000} is above U+10FFFF, the largest code point");
    assertError(fails(KdlParser.v1(), "node \"\\s\""), Reason.SYNTAX, 1, 7,
        "\\s is not an escape in KDL 1 (it is in KDL 2)");
  }

  @Test
  void reportsMultiLineStringLineThatLacksTheClosingIndentation() {
    String text = "node \"\"\"\n    one\n   two\n    \"\"\"";
    assertError(fails(KdlParser.v2(), text), Reason.SYNTAX, 3, 4,
        "this line of the multi-line string does not start with the whitespace before its"
            + " closing \"\"\" (4 characters, matched exactly)");
    assertError(fails(KdlParser.v2(), "node \"\"\"one line\"\"\""), Reason.SYNTAX, 1, 9,
        "a \"\"\" string must start a new line right after its opening quotes; for a one-line"
            + " string use a single '\"'");
  }

  @Test
  void showsTabsAndControlCharactersAsSpacesInTheSnippet() {
    KdlParseException e = fails(KdlParser.v1(), "\tnode \"\u0007\" 1x");
    assertError(e, Reason.SYNTAX, 1, 12, "'x' is not allowed in a number");
    assertEquals(" node \" \" 1x\n           ^", e.snippet());
  }

  @Test
  void cutsVeryLongLinesAroundTheColumnInTheSnippet() {
    String text = "n " + "a ".repeat(100) + "1x " + "b ".repeat(100);
    KdlParseException e = fails(KdlParser.v2(), text);
    assertEquals(204, e.column());
    String[] lines = e.snippet().split("\n");
    assertTrue(lines[0].startsWith("...") && lines[0].endsWith("..."), lines[0]);
    assertEquals(SourceText.SNIPPET_WIDTH + 6, lines[0].length());
    int caret = lines[1].indexOf('^');
    assertEquals(lines[1].length() - 1, caret);
    assertEquals('x', lines[0].charAt(caret));
  }

  @Test
  void countsColumnsInCodePointsAndLinesAtEveryKdlNewline() {
    KdlDocument doc = KdlParser.v2().parse("t.kdl", "a \"\uD83D\uDE00\"; b\r\nc\u2028d\u0085e\rf");
    List<KdlNode> nodes = doc.nodes();
    assertEquals(List.of("1:1", "1:8", "2:1", "3:1", "4:1", "5:1"),
        nodes.stream().map(n -> n.location().line() + ":" + n.location().column()).toList());
    KdlParseException e = fails(KdlParser.v2(), "\uD83D\uDE00 \"\uD83D\uDE00\" 1x");
    assertEquals(8, e.column());
    assertEquals("\uD83D\uDE00 \"\uD83D\uDE00\" 1x\n       ^", e.snippet());
  }

  // --- unterminated constructs ------------------------------------------------------------------

  @Test
  void reportsUnterminatedStringsAtTheEndWithWhereTheyStarted() {
    assertError(fails(KdlParser.v2(), "node \"abc"), Reason.SYNTAX, 1, 10,
        "unterminated string started at 1:6");
    assertError(fails(KdlParser.v1(), "node \"abc\ndef"), Reason.SYNTAX, 2, 4,
        "unterminated string started at 1:6");
    assertError(fails(KdlParser.v2(), "node #\"abc\""), Reason.SYNTAX, 1, 12,
        "unterminated raw string started at 1:6");
    assertError(fails(KdlParser.v1(), "node r##\"abc\"#"), Reason.SYNTAX, 1, 15,
        "unterminated raw string started at 1:6");
    assertError(fails(KdlParser.v2(), "node \"\"\"\n  abc\n  \"\""), Reason.SYNTAX, 3, 5,
        "unterminated multi-line string started at 1:6");
    assertError(fails(KdlParser.v2(), "node \"a\\"), Reason.SYNTAX, 1, 9,
        "unterminated string started at 1:6");
  }

  @Test
  void reportsUnterminatedCommentsAndChildrenBlocks() {
    assertError(fails(KdlParser.v2(), "node /* a /* b */ c"), Reason.SYNTAX, 1, 20,
        "unterminated comment started at 1:6");
    assertError(fails(KdlParser.v2(), "a {\n  b {\n  }\n"), Reason.SYNTAX, 4, 1,
        "unterminated children block: the '{' at 1:3 of node a has no matching '}'");
    assertError(fails(KdlParser.v2(), "a\n}"), Reason.SYNTAX, 2, 1,
        "unexpected '}': no children block is open");
  }

  // --- encoding ----------------------------------------------------------------------------------

  private static KdlParseException failsBytes(KdlParser parser, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return assertThrows(KdlParseException.class, () -> parser.parse("t.kdl", out.toByteArray()));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void rejectsMalformedUtf8AtTheLineAndColumnOfTheBadByte() {
    KdlParseException e = failsBytes(KdlParser.auto(), utf8("node \"ok\"\nnode \"\u00e9"),
        bytes(0xC3, 0x28), utf8("\""));
    assertError(e, Reason.INVALID_ENCODING, 2, 8,
        "invalid UTF-8: byte 0x28 cannot follow 0xC3 in a character");
    assertEquals("node \"\u00e9\n       ^", e.snippet());
  }

  @Test
  void rejectsEveryKindOfInvalidUtf8() {
    int[][] bad = {
        {0x80}, {0xFF}, {0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98}};
    for (int[] sequence : bad) {
      KdlParseException e = failsBytes(KdlParser.v2(), utf8("a \""), bytes(sequence));
      assertEquals(Reason.INVALID_ENCODING, e.reason(), e::report);
      assertEquals("1:4", e.line() + ":" + e.column(), e::report);
      assertTrue(e.detail().startsWith("invalid UTF-8: "), e::report);
    }
  }

  @Test
  void decodesFourByteSequencesAndTheBom() {
    byte[] text = utf8("\uFEFFnode \"\uD83D\uDE00\u20AC\u00e9\"");
    KdlDocument doc = KdlParser.v2().parse("t.kdl", text);
    assertEquals("\uD83D\uDE00\u20AC\u00e9", doc.nodes().get(0).arguments().get(0).asString());
    assertEquals(KdlParser.v2().parse("t.kdl", new String(text, StandardCharsets.UTF_8)), doc);
  }

  @Test
  void rejectsCodePointsKdl2ForbidsButKdl1Allows() {
    KdlParseException nul = fails(KdlParser.v2(), "node \"a\u0000b\"");
    assertError(nul, Reason.INVALID_ENCODING, 1, 8,
        "U+0000 (NULL) is not allowed in a KDL 2 document; inside a quoted string write it as"
            + " \\u{0}");
    assertError(fails(KdlParser.v2(), "node \"\u202Eabc\""), Reason.INVALID_ENCODING, 1, 7,
        "U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in a KDL 2 document; inside a quoted"
            + " string write it as \\u{202e}");
    assertError(fails(KdlParser.v2(), "// \u2066 in a comment too\nnode"), Reason.INVALID_ENCODING,
        1, 4, "U+2066 (LEFT-TO-RIGHT ISOLATE) is not allowed in a KDL 2 document; inside a quoted"
            + " string write it as \\u{2066}");
    assertError(fails(KdlParser.v2(), "node\uFEFF"), Reason.INVALID_ENCODING, 1, 5,
        "U+FEFF (ZERO WIDTH NO-BREAK SPACE) is not allowed in a KDL 2 document (a byte order mark"
            + " may only be the first character)");
    KdlDocument v1 = KdlParser.v1().parse("t.kdl", "node \"a\u0000b\"\uFEFF \"\u202E\"");
    assertEquals(List.of(KdlValue.of("a\u0000b"), KdlValue.of("\u202E")),
        v1.nodes().get(0).arguments());
    assertEquals(KdlVersion.V1, KdlParser.auto().parse("t.kdl", "node \"a\u0000b\"").version());
  }

  @Test
  void rejectsUnpairedSurrogatesInTextInEitherVersion() {
    for (KdlParser parser : List.of(KdlParser.v1(), KdlParser.v2())) {
      assertError(fails(parser, "node \"\uD800x\""), Reason.INVALID_ENCODING, 1, 7,
          "unpaired surrogate U+D800: the text is not valid Unicode");
    }
  }

  // --- limits -----------------------------------------------------------------------------------

  @Test
  void stopsDeepNestingAtTheDepthLimitQuickly() {
    String deep = "a {\n".repeat(100_000);
    KdlParseException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> fails(KdlParser.v2(), deep));
    assertError(e, Reason.TOO_DEEP, 257, 3, "children blocks are nested more than 256 levels deep");
    KdlParser two = KdlParser.newBuilder().maxDepth(2).build();
    assertEquals(1, two.parse("t.kdl", "a { b { c } }").nodes().size());
    assertEquals(Reason.TOO_DEEP, fails(two, "a { b { c { d } } }").reason());
    assertEquals(Reason.TOO_DEEP, fails(KdlParser.newBuilder().maxDepth(0).build(), "a {}")
        .reason());
  }

  @Test
  void readsAHundredThousandNestedBlocksWithoutRecursionWhenAllowed() {
    int depth = 100_000;
    String text = "a {\n".repeat(depth) + "}\n".repeat(depth);
    KdlParser parser = KdlParser.newBuilder().maxDepth(depth).build();
    KdlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> parser.parse("t.kdl", text));
    int levels = 0;
    for (KdlNode node = doc.nodes().get(0); ; node = node.children().get(0)) {
      levels++;
      if (node.children().isEmpty()) {
        assertTrue(node.hasChildrenBlock());
        break;
      }
    }
    assertEquals(depth, levels);
  }

  @Test
  void refusesTextLongerThanTheLengthLimit(@TempDir Path dir) throws IOException {
    KdlParser parser = KdlParser.newBuilder().maxLength(10).build();
    assertEquals("node", parser.parse(null, "node 12345").nodes().get(0).name());
    KdlParseException e = assertThrows(KdlParseException.class,
        () -> parser.parse(null, "node 123456"));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("<input>:1:1: the text has 11 chars, more than the limit of 10 chars",
        e.getMessage());
    assertEquals("", e.snippet());
    assertEquals(Reason.TOO_LARGE, assertThrows(KdlParseException.class,
        () -> parser.parse("t.kdl", utf8("node 123456"))).reason());
    assertEquals(Reason.TOO_LARGE, assertThrows(KdlParseException.class,
        () -> parser.parse("t.kdl", new byte[100])).reason());
    assertEquals("node \"\u00e9\u00e9\u00e9\"", KdlPrinter.canonical(KdlVersion.V1).print(
        parser.parse("t.kdl", utf8("node \"\u00e9\u00e9\u00e9\""))).trim(),
        "the limit counts chars, not bytes");
    Path big = Files.writeString(dir.resolve("big.kdl"), "node 1234567890");
    KdlParseException fromFile = assertThrows(KdlParseException.class, () -> parser.parse(big));
    assertEquals(Reason.TOO_LARGE, fromFile.reason());
    assertEquals(big.toString(), fromFile.file());
    Path huge = Files.write(dir.resolve("huge.kdl"), new byte[1000]);
    assertEquals(huge + ":1:1: the text has more than 33 bytes, more than the limit of 10 chars",
        assertThrows(KdlParseException.class, () -> parser.parse(huge)).getMessage());
  }

  // --- numbers ----------------------------------------------------------------------------------

  private static KdlNumber number(String literal) {
    return (KdlNumber) KdlParser.v2().parse("t.kdl", "n " + literal).nodes().get(0).arguments()
        .get(0);
  }

  @Test
  void keepsNumbersExactWhateverTheirSize() {
    assertEquals(new BigDecimal("1.23E+1000"), number("1.23E+1000").value());
    assertEquals(new BigDecimal("-1.23E-1000"), number("-1.23e-1000").value());
    assertEquals(BigInteger.TWO.pow(160).subtract(BigInteger.ONE),
        number("0x" + "f".repeat(40)).value());
    assertEquals(new BigInteger("-" + "9".repeat(1000)), number("-" + "9".repeat(1000)).value());
    assertEquals(BigInteger.valueOf(Long.MAX_VALUE), number("0x7fff_ffff_ffff_ffff").value());
    assertEquals(new BigDecimal("12345678901234567890.5"),
        number("12345678901234567890.5").value());
    assertEquals(new BigDecimal("1E+999999999"), number("1e999999999").value());
    assertEquals(new BigInteger("-5"), number("-0b101").value());
    assertEquals(16, number("-0x10").radix());
    assertEquals(8, number("0o17").radix());
    assertEquals(new BigDecimal("1.0E+10"), number("1.0e10").value());
    assertEquals("1.0E+10", number("1.0e10").value().toString());
    assertEquals(Double.NEGATIVE_INFINITY, number("#-inf").value());
    assertTrue(Double.isNaN(number("#nan").doubleValue()));
    assertEquals("n prop=1.23E+1000\n", KdlPrinter.canonical(KdlVersion.V2).print(
        KdlParser.v2().parse("t.kdl", "n prop=1.23E+1000")));
  }

  @Test
  void refusesAbsurdNumbersWithAClearError() {
    assertError(fails(KdlParser.v2(), "node 1e999999999999"), Reason.TOO_LARGE, 1, 8,
        "exponent 999999999999 is out of range: at most 999999999 in magnitude");
    assertError(fails(KdlParser.v1(), "node 1.5E-1000000000"), Reason.TOO_LARGE, 1, 11,
        "exponent 1000000000 is out of range: at most 999999999 in magnitude");
    assertError(fails(KdlParser.v2(), "node " + "9".repeat(1001)), Reason.TOO_LARGE, 1, 6,
        "number has more than 1000 digits");
  }

  // --- version marker and auto mode -------------------------------------------------------------

  @Test
  void versionMarkerPicksTheVersionInAutoModeAndMustMatchAFixedVersion() {
    String v1Marked = "/- kdl-version 1\nnode true\n";
    assertEquals(KdlVersion.V1, KdlParser.auto().parse("t.kdl", v1Marked).version());
    assertEquals(List.of(KdlValue.of(true)),
        KdlParser.v1().parse("t.kdl", v1Marked).nodes().get(0).arguments());
    assertError(fails(KdlParser.v2(), v1Marked), Reason.SYNTAX, 1, 16,
        "the document is marked /- kdl-version 1 but is read as KDL 2");
    String v2Marked = "\uFEFF/-  kdl-version\t2 \nnode true\n";
    KdlParseException e = fails(KdlParser.auto(), v2Marked);
    assertEquals(2, e.line(), "marked KDL 2: no fallback to KDL 1");
    assertEquals(Reason.SYNTAX, fails(KdlParser.v1(), v2Marked).reason());
    KdlDocument marked = KdlParser.auto().parse("t.kdl", "/- kdl-version 2\nnode #true\n");
    assertEquals(KdlVersion.V2, marked.version());
    assertEquals(1, marked.nodes().size(), "the marker is a slashdashed node");
  }

  @Test
  void autoModeFallsBackToKdl1AndReportsTheErrorThatGotFurther() {
    KdlDocument doc = KdlParser.auto().parse("t.kdl", "node true r\"raw\"");
    assertEquals(KdlVersion.V1, doc.version());
    assertEquals(List.of(KdlValue.of(true), KdlValue.of("raw")), doc.nodes().get(0).arguments());

    KdlParseException v1Further = fails(KdlParser.auto(), "node true\nnode 1x");
    assertEquals("t.kdl:2:7: 'x' is not allowed in a number", v1Further.getMessage());
    assertEquals(1, v1Further.getSuppressed().length);
    assertEquals("1:6", ((KdlParseException) v1Further.getSuppressed()[0]).line() + ":"
        + ((KdlParseException) v1Further.getSuppressed()[0]).column());

    KdlParseException v2Further = fails(KdlParser.auto(), "node #true\nnode 1x");
    assertEquals("t.kdl:2:7: 'x' is not allowed in a number", v2Further.getMessage());
    assertEquals("t.kdl:1:6: bare identifier #true cannot be a value in KDL 1; quote it:"
        + " \"#true\"", v2Further.getSuppressed()[0].getMessage());

    KdlParseException tie = fails(KdlParser.auto(), "node \"a\\qb\"");
    assertEquals(fails(KdlParser.v2(), "node \"a\\qb\"").getMessage(), tie.getMessage());
    assertNotEquals(tie.getMessage(), tie.getSuppressed()[0].getMessage());
  }

  @Test
  void readsASolsticeWorkflowIdenticallyInBothVersions() {
    KdlDocument v1 = KdlParser.v1().parse(".solstice/workflow.kdl", SOLSTICE);
    KdlDocument v2 = KdlParser.v2().parse(".solstice/workflow.kdl", SOLSTICE);
    assertEquals(KdlVersion.V1, v1.version());
    assertEquals(KdlVersion.V2, v2.version());
    assertEquals(v2.nodes(), v1.nodes());
    assertEquals(v2, KdlParser.auto().parse(".solstice/workflow.kdl", SOLSTICE));
    KdlNode workflow = v2.nodes("workflow").get(0);
    List<KdlNode> jobs = workflow.children("job");
    assertEquals(List.of("linux-build", "illumos-build"),
        jobs.stream().map(j -> j.property("id").orElseThrow().asString()).toList());
    KdlNode step = jobs.get(1).children("step").get(0);
    assertEquals(Optional.of(KdlValue.of(3600)), step.property("timeout"));
    assertEquals(".solstice/workflow.kdl:9:5", jobs.get(1).location().toString());
    assertEquals(".solstice/workflow.kdl:11:14",
        step.propertyEntry("timeout").orElseThrow().location().toString());
  }

  // --- model ------------------------------------------------------------------------------------

  @Test
  void keepsTheRightmostPropertyValueAtItsFirstPositionWithItsLocation() {
    KdlNode node = KdlParser.v2().parse("t.kdl", "node a=1 b=2 /- b=9 a=3 x").nodes().get(0);
    assertEquals(List.of("a", "b"), node.properties().stream().map(KdlProperty::name).toList());
    assertEquals(KdlValue.of(3), node.property("a").orElseThrow());
    assertEquals(new KdlLocation("t.kdl", 1, 21), node.propertyEntry("a").orElseThrow().location());
    assertEquals(new KdlLocation("t.kdl", 1, 10), node.propertyEntry("b").orElseThrow().location());
    assertEquals(List.of(KdlValue.of("x")), node.arguments());
  }

  @Test
  void keepsTheRightmostValueAmongManyRepeatedProperties() {
    StringBuilder text = new StringBuilder("node");
    for (int i = 0; i < 1000; i++) {
      text.append(" k").append(i % 50).append('=').append(i);
    }
    KdlNode node = KdlParser.v2().parse("t.kdl", text).nodes().get(0);
    assertEquals(50, node.properties().size());
    assertEquals("k0", node.properties().get(0).name());
    assertEquals(KdlValue.of(999), node.property("k49").orElseThrow());
    assertEquals(KdlValue.of(950), node.property("k0").orElseThrow());
  }

  @Test
  void locatesNodesAtTheirTypeAnnotationAndChildrenInsideBlocks() {
    KdlDocument doc = KdlParser.v2().parse("ci.kdl", "(t)parent {\n    child; (u) other\n}");
    KdlNode parent = doc.nodes().get(0);
    assertEquals("t", parent.type());
    assertEquals(new KdlLocation("ci.kdl", 1, 1), parent.location());
    assertEquals(new KdlLocation("ci.kdl", 2, 5), parent.children().get(0).location());
    assertEquals(new KdlLocation("ci.kdl", 2, 12), parent.children().get(1).location());
    assertEquals("u", parent.children().get(1).type());
  }

  @Test
  void dropsSlashdashedNodesEntriesAndBlocksButChecksThem() {
    KdlDocument doc = KdlParser.v2().parse("t.kdl",
        "/- gone { deep 1 }\nkept 1 /- 2 /- k=v 3 /- { x } { y } /- { z }\n");
    assertEquals(1, doc.nodes().size());
    KdlNode kept = doc.nodes().get(0);
    assertEquals(List.of(KdlValue.of(1), KdlValue.of(3)), kept.arguments());
    assertEquals(List.of("y"), kept.children().stream().map(KdlNode::name).toList());
    assertEquals(Reason.SYNTAX, fails(KdlParser.v2(), "/- gone { deep 1x }").reason());
  }

  @Test
  void readsSlashesInsideKdl1IdentifiersButNotWhereKdl2SeesACommentOrSlashdash() {
    assertEquals("foo/bar?", KdlParser.v1().parse("t.kdl", "foo/bar? \"x\"").nodes().get(0).name());
    List<KdlNode> nodes = KdlParser.v1().parse("t.kdl", "a/*c*/ \"x\"// c\nb//c").nodes();
    assertEquals(List.of("a", "b"), nodes.stream().map(KdlNode::name).toList());
    assertEquals(List.of(KdlValue.of("x")), nodes.get(0).arguments());
    assertError(fails(KdlParser.v1(), "noe/-2"), Reason.SYNTAX, 1, 4,
        "missing whitespace before the slashdash '/-'");
    assertEquals(List.of(), KdlParser.v2().parse("t.kdl", "noe/-2").nodes().get(0).arguments());
    assertEquals(Reason.SYNTAX, fails(KdlParser.v2(), "foo/bar").reason());
  }

  @Test
  void tellsAnEmptyChildrenBlockFromNone() {
    List<KdlNode> nodes = KdlParser.v2().parse("t.kdl", "a {}; b; c /- {}").nodes();
    assertTrue(nodes.get(0).hasChildrenBlock());
    assertFalse(nodes.get(1).hasChildrenBlock());
    assertFalse(nodes.get(2).hasChildrenBlock());
  }

  @Test
  void readsMultiLineStringsWithDedentAndNormalizedNewlines() {
    String text = "node \"\"\"\r\n    one\r\n\r\n      two \\\n  three\\n\n    \"\"\" #\"\"\"\n"
        + "  raw \\n \"\"\"\n  \"\"\"#";
    List<KdlValue> args = KdlParser.v2().parse("t.kdl", text).nodes().get(0).arguments();
    assertEquals(List.of(KdlValue.of("one\n\n  two three\n"), KdlValue.of("raw \\n \"\"\"")),
        args);
  }

  @Test
  void acceptsCharSequencesOtherThanStrings() {
    StringBuilder text = new StringBuilder("node \"value\"");
    assertEquals(KdlParser.v2().parse("t.kdl", text.toString()),
        KdlParser.v2().parse("t.kdl", text));
  }

  @Test
  void readsFilesNamedByThePathAsGiven(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("ci.kdl"), utf8("node 1\nnode 1x\n"));
    KdlParseException e = assertThrows(KdlParseException.class, () -> KdlParser.v2().parse(file));
    assertEquals(file + ":2:7: 'x' is not allowed in a number", e.getMessage());
    assertThrows(IOException.class, () -> KdlParser.v2().parse(dir.resolve("missing.kdl")));
  }

  @Test
  void namesTheInputWhenNoFileNameIsGiven() {
    KdlParseException e = assertThrows(KdlParseException.class,
        () -> KdlParser.v2().parse((String) null, "node 1x"));
    assertEquals("<input>", e.file());
    assertEquals("<input>",
        KdlParser.v2().parse(null, utf8("n")).nodes().get(0).location().file());
  }

  // --- builder ----------------------------------------------------------------------------------

  @Test
  void builderDefaultsAndCopies() {
    KdlParser parser = KdlParser.newBuilder().build();
    assertEquals(Optional.empty(), parser.version());
    assertEquals(KdlParser.DEFAULT_MAX_DEPTH, parser.maxDepth());
    assertEquals(16 << 20, parser.maxLength());
    KdlParser v1 = parser.toBuilder().version(KdlVersion.V1).maxDepth(3).maxLength(99).build();
    assertEquals(Optional.of(KdlVersion.V1), v1.version());
    assertEquals(3, v1.maxDepth());
    assertEquals(99, v1.maxLength());
    assertEquals(Optional.empty(), v1.toBuilder().autoVersion().build().version());
    assertEquals(3, v1.toBuilder().autoVersion().build().maxDepth());
    assertEquals(Optional.of(KdlVersion.V2), KdlParser.v2().version());
    assertEquals("KdlParser[version=auto, maxDepth=256, maxLength=16777216]",
        KdlParser.auto().toString());
  }

  @Test
  void builderRejectsBadArgumentsNamingThem() {
    assertEquals("maxDepth < 0: -1", assertThrows(IllegalArgumentException.class,
        () -> KdlParser.newBuilder().maxDepth(-1)).getMessage());
    assertEquals("maxLength < 0: -5", assertThrows(IllegalArgumentException.class,
        () -> KdlParser.newBuilder().maxLength(-5)).getMessage());
    assertEquals("version", assertThrows(NullPointerException.class,
        () -> KdlParser.newBuilder().version(null)).getMessage());
    assertEquals("source", assertThrows(NullPointerException.class,
        () -> KdlParser.v2().parse("t", (CharSequence) null)).getMessage());
    assertEquals("utf8", assertThrows(NullPointerException.class,
        () -> KdlParser.v2().parse("t", (byte[]) null)).getMessage());
  }

  @Test
  void readsTheSameDocumentFromManyThreads() throws InterruptedException {
    KdlDocument expected = KdlParser.auto().parse("w.kdl", SOLSTICE);
    Thread[] threads = new Thread[4];
    boolean[] ok = new boolean[threads.length];
    for (int t = 0; t < threads.length; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        boolean same = true;
        for (int i = 0; i < 200; i++) {
          same &= expected.equals(KdlParser.auto().parse("w.kdl", SOLSTICE));
        }
        ok[index] = same;
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertArrayEquals(new boolean[] {true, true, true, true}, ok);
  }
}
