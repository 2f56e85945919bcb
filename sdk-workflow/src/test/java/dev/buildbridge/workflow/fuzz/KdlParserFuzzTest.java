package dev.buildbridge.workflow.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.core.testing.SharedSeeds;
import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlNode;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlPrinter;
import dev.buildbridge.workflow.kdl.KdlProperty;
import dev.buildbridge.workflow.kdl.KdlValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the KDL parsers, 1.0.0, 2.0.0 and auto-detecting, plus one with tight limits: whatever
 * the bytes, each returns a document or throws {@link KdlParseException}; a document it returns
 * prints in canonical form to text that parses back to the same data (names, type annotations,
 * arguments, properties, children; locations aside) and prints again identically; and text given
 * as a string reads as its UTF-8 bytes do. Seeds: every input of the KDL 1 and KDL 2 suites in
 * {@code ../shared/conformance/kdl} and {@code KdlParserFuzzTestInputs}.
 */
class KdlParserFuzzTest {
  private static final List<KdlParser> PARSERS = List.of(KdlParser.v1(), KdlParser.v2(),
      KdlParser.auto(), KdlParser.newBuilder().maxDepth(3).maxLength(400).build());

  static List<Named<byte[]>> suites() {
    List<Named<byte[]>> seeds = new ArrayList<>();
    seeds.addAll(SharedSeeds.files("conformance/kdl/v1/input", ".kdl"));
    seeds.addAll(SharedSeeds.files("conformance/kdl/v2/input", ".kdl"));
    return seeds;
  }

  @MethodSource("suites")
  @FuzzTest
  void parsesEveryTextOrRefusesItWithKdlParseException(byte[] input) {
    String text = strictUtf8(input);
    for (KdlParser parser : PARSERS) {
      KdlDocument document = parse(parser, input);
      if (text != null) {
        assertEquals(document, parse(parser, text), parser + ": text reads as its bytes");
      }
      if (document != null) {
        checkCanonicalForm(parser, document);
      }
    }
  }

  private static void checkCanonicalForm(KdlParser parser, KdlDocument document) {
    KdlPrinter printer = KdlPrinter.canonical(document.version());
    String printed = printer.print(document);
    KdlParser same = parser.toBuilder().version(document.version()).maxLength(Integer.MAX_VALUE)
        .build();
    KdlDocument again = same.parse("printed.kdl", printed);
    assertEquals(data(document.nodes()), data(again.nodes()),
        () -> "the canonical form reads back to the same data:\n" + printed);
    assertEquals(printed, printer.print(again), "the canonical form prints as itself");
  }

  private static KdlDocument parse(KdlParser parser, byte[] input) {
    try {
      return parser.parse("fuzz.kdl", input);
    } catch (KdlParseException e) {
      checkLocated(e);
      return null;
    }
  }

  private static KdlDocument parse(KdlParser parser, String input) {
    try {
      return parser.parse("fuzz.kdl", input);
    } catch (KdlParseException e) {
      checkLocated(e);
      return null;
    }
  }

  private static void checkLocated(KdlParseException e) {
    assertNotNull(e.reason());
    assertTrue(e.line() >= 1 && e.column() >= 1, e::getMessage);
    assertTrue(e.getMessage().startsWith("fuzz.kdl:"), e::getMessage);
  }

  /** A node's data without source locations; properties as a map (canonical form sorts them). */
  private static List<Object> data(List<KdlNode> nodes) {
    List<Object> out = new ArrayList<>(nodes.size());
    for (KdlNode node : nodes) {
      Map<String, KdlValue> properties = new LinkedHashMap<>();
      node.properties().stream().sorted((a, b) -> a.name().compareTo(b.name()))
          .forEach((KdlProperty p) -> properties.put(p.name(), p.value()));
      out.add(List.of(String.valueOf(node.type()), node.name(), node.arguments(), properties,
          data(node.children())));
    }
    return out;
  }

  /** The text of strictly valid UTF-8 bytes, or null. */
  private static String strictUtf8(byte[] input) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
