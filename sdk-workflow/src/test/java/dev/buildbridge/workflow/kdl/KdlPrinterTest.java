package dev.buildbridge.workflow.kdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class KdlPrinterTest {
  private static final KdlPrinter V1 = KdlPrinter.canonical(KdlVersion.V1);
  private static final KdlPrinter V2 = KdlPrinter.canonical(KdlVersion.V2);
  private static final KdlLocation HERE = new KdlLocation("t.kdl", 1, 1);

  private static KdlDocument doc(KdlNode... nodes) {
    return new KdlDocument(List.of(nodes), KdlVersion.V2);
  }

  private static KdlNode node(String name, List<KdlValue> arguments, List<KdlProperty> properties) {
    return new KdlNode(null, name, arguments, properties, List.of(), HERE);
  }

  private static KdlProperty prop(String name, KdlValue value) {
    return new KdlProperty(name, value, HERE);
  }

  @Test
  void writesStringsBareInKdl2OnlyWhenTheyReadBackAsTheSameString() {
    List<String> bare = List.of("a", "-", "--x", "+.", ".md", "a.1", "foo123~!@$%^&*.:'|?+<>,`-_",
        "\uD83D\uDE00", "_15", "r", "trueish");
    List<String> quoted = List.of("", "0node", "-1", "+.5", ".5", "a b", "true", "false", "null",
        "inf", "-inf", "nan", "a=b", "a/b", "a(b)", "a\"b", "a\\b", "a;b", "a{", "[a]", "#x", "#",
        "x#", "a\u00a0b", "a\nb");
    for (String s : bare) {
      String printed = V2.print(doc(node("n", List.of(KdlValue.of(s)), List.of())));
      assertEquals("n " + s + "\n", printed, s);
      KdlDocument back = KdlParser.v2().parse("t.kdl", printed);
      assertEquals(s, back.nodes().get(0).arguments().get(0).asString(), printed);
    }
    for (String s : quoted) {
      String printed = V2.print(doc(node(s, List.of(KdlValue.of(s)), List.of())));
      assertTrue(printed.startsWith("\""), printed);
      KdlNode back = KdlParser.v2().parse("t.kdl", printed).nodes().get(0);
      assertEquals(s, back.name(), printed);
      assertEquals(s, back.arguments().get(0).asString(), printed);
    }
  }

  @Test
  void escapesWhatCannotBeWrittenLiterallyAndKeepsTheRest() {
    String value = "q\" b\\ \b\f\n\r\t \u0001 \u007f \u0085 \u200e \u2028 \uFEFF / \u00e9 "
        + "\uD83D\uDE00";
    KdlDocument d = doc(node("n", List.of(KdlValue.of(value)), List.of()));
    String escaped = "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u{1} \\u{7f} \\u{85} \\u{200e} \\u{2028}"
        + " \\u{feff} / \u00e9 \uD83D\uDE00\"";
    assertEquals("n " + escaped + "\n", V2.print(d));
    assertEquals("n " + escaped.replace(" / ", " \\/ ") + "\n", V1.print(d));
    for (KdlVersion version : KdlVersion.values()) {
      KdlPrinter printer = KdlPrinter.canonical(version);
      KdlParser parser = KdlParser.newBuilder().version(version).build();
      assertEquals(value, parser.parse("t.kdl", printer.print(d)).nodes().get(0).arguments()
          .get(0).asString());
    }
  }

  @Test
  void sortsPropertiesByNameAfterTheArguments() {
    KdlNode n = node("n", List.of(KdlValue.of(1), KdlValue.of("a")), List.of(
        prop("zeta", KdlValue.of(true)), prop("Zeta", KdlValue.of(false)),
        prop("\uD83D\uDE00", new KdlNull(null)), prop("\uFFFD", new KdlNull("t")),
        prop("alpha", new KdlString("ty pe", "x y"))));
    assertEquals("n 1 a Zeta=#false alpha=(\"ty pe\")\"x y\" zeta=#true \uFFFD=(t)#null"
        + " \uD83D\uDE00=#null\n", V2.print(doc(n)));
    assertEquals("n 1 \"a\" Zeta=false alpha=(\"ty pe\")\"x y\" zeta=true \uFFFD=(t)null"
        + " \uD83D\uDE00=null\n", V1.print(doc(n)));
  }

  @Test
  void writesNumbersInTheFormOfEachVersion() {
    KdlNode n = node("n", List.of(
        new KdlNumber(null, BigInteger.valueOf(-31), 16), new KdlNumber("u8", BigInteger.TEN, 8),
        new KdlNumber(null, BigInteger.valueOf(5), 2), KdlValue.of(new BigDecimal("1.0E+10")),
        KdlValue.of(new BigDecimal("-0.50")), KdlValue.of(42)), List.of());
    assertEquals("n -31 (u8)10 5 1.0E+10 -0.50 42\n", V2.print(doc(n)));
    assertEquals("n -0x1f (u8)0o12 0b101 1.0E+10 -0.50 42\n", V1.print(doc(n)));
    KdlNode special = node("n", List.of(new KdlNumber(null, Double.POSITIVE_INFINITY),
        new KdlNumber(null, Double.NEGATIVE_INFINITY), new KdlNumber(null, Double.NaN)), List.of());
    assertEquals("n #inf #-inf #nan\n", V2.print(doc(special)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> V1.print(doc(special)));
    assertEquals("Infinity has no KDL 1 form (#inf, #-inf and #nan are KDL 2)", e.getMessage());
  }

  @Test
  void writesEmptyChildrenBlocksOnlyInKdl1() {
    KdlDocument d = KdlParser.v2().parse("t.kdl", "a {}\nb\nc { /- d }\ne { f {} }");
    assertEquals("a\nb\nc\ne {\n    f\n}\n", V2.print(d));
    assertEquals("a {\n}\nb\nc {\n}\ne {\n    f {\n    }\n}\n", V1.print(d));
  }

  @Test
  void writesAnEmptyDocumentAsOneNewline() {
    assertEquals("\n", V2.print(new KdlDocument(List.of(), KdlVersion.V2)));
    assertEquals("\n", V1.print(KdlParser.v1().parse("t.kdl", "/- a // comment")));
  }

  @Test
  void refusesStringsWithUnpairedSurrogates() {
    KdlDocument d = doc(node("n", List.of(KdlValue.of("a\uD800")), List.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> V2.print(d));
    assertEquals("string holds an unpaired surrogate U+D800, which KDL cannot represent",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> V1.print(doc(node("\uDC00", List.of(),
        List.of()))));
  }

  @Test
  void quotesKdl1NamesThatWouldReadAsSomethingElse() {
    for (String name : List.of("true", "null", "1a", "-1", "r#x", "a//b", "a/*b", "/a", "a,b",
        "a<b", "a b", "")) {
      String printed = V1.print(doc(node(name, List.of(), List.of())));
      assertTrue(printed.startsWith("\""), printed);
      assertEquals(name, KdlParser.v1().parse("t.kdl", printed).nodes().get(0).name());
    }
    for (String name : List.of("a/b", "#a", "-a", "r", "-.5", "foo123~!@#$%^&*.:'|/?+")) {
      String printed = V1.print(doc(node(name, List.of(), List.of())));
      assertEquals(name + "\n", printed);
      assertEquals(name, KdlParser.v1().parse("t.kdl", printed).nodes().get(0).name());
    }
  }

  @Test
  void printsToAnAppendableOneTopLevelNodeAtATime() throws IOException {
    KdlDocument d = KdlParser.v2().parse("t.kdl", "a { b }\nc");
    StringBuilder appended = new StringBuilder();
    Writer writer = new StringWriter() {
      @Override
      public StringWriter append(CharSequence csq) {
        appended.append('[').append(csq).append(']');
        return this;
      }
    };
    V2.print(d, writer);
    assertEquals("[a {\n    b\n}\n][c\n]", appended.toString());
    StringBuilder sb = new StringBuilder("> ");
    V2.print(d, sb);
    assertEquals("> a {\n    b\n}\nc\n", sb.toString());
  }

  @Test
  void printsDeepTreesWithoutRecursion() {
    int depth = 2000;
    KdlDocument d = KdlParser.newBuilder().maxDepth(depth).build().parse("t.kdl",
        "a {".repeat(depth) + "}".repeat(depth));
    String printed = V2.print(d);
    assertTrue(printed.startsWith("a {\n    a {\n"));
    List<String> lines = printed.lines().toList();
    assertEquals(" ".repeat(4 * (depth - 1)) + "a", lines.get(depth - 1));
    assertEquals(" ".repeat(4 * (depth - 2)) + "}", lines.get(depth));
    assertEquals(2 * depth - 1, printed.lines().count(), "the innermost empty block is left out");
  }

  @Test
  void givesTheSharedPrinterOfEachVersion() {
    assertSame(V2, KdlPrinter.canonical(KdlVersion.V2));
    assertEquals(KdlVersion.V1, V1.version());
    assertEquals("KdlPrinter[canonical V2]", V2.toString());
    assertEquals("version", assertThrows(NullPointerException.class,
        () -> KdlPrinter.canonical(null)).getMessage());
    assertFalse(V1.equals(V2));
  }
}
