package dev.buildbridge.workflow.limits;

import static dev.buildbridge.core.testing.Bounded.MIB;
import static dev.buildbridge.core.testing.Bounded.nested;
import static dev.buildbridge.core.testing.Bounded.refused;
import static dev.buildbridge.core.testing.Bounded.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.testing.Bounded;
import dev.buildbridge.workflow.Workflow;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowParser;
import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParseException.Reason;
import dev.buildbridge.workflow.kdl.KdlParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile KDL at the size of the limits (100,000-deep children blocks, 30 MiB, 10 MB strings, huge
 * numbers, invalid UTF-8, NUL characters), given to the KDL parsers (1, 2, auto; as bytes and as
 * text) and to the workflow parser: each is answered with the typed refusal within
 * {@link Bounded#TIME} and a bound on the bytes allocated.
 */
class KdlLimitsTest {
  private static final List<KdlParser> PARSERS =
      List.of(KdlParser.v1(), KdlParser.v2(), KdlParser.auto());
  private static final WorkflowParser WORKFLOWS = WorkflowParser.ofDefaults();
  private static final String FILE = "limits.kdl";

  /** Takes each refusal path once on small text, so that the measured calls allocate for the input. */
  @BeforeAll
  static void warmUp() {
    for (String text : new String[] {"a {b {c {d}}}", "a 1e9999999999", "a \"\u0000\"", "a \"x\""}) {
      for (KdlParser parser : PARSERS) {
        try {
          parser.parse(FILE, text.getBytes(UTF_8));
          parser.parse(FILE, text);
        } catch (KdlParseException expected) {
          // warming up the refusal too
        }
      }
    }
  }

  private static KdlParseException kdlRefused(KdlParser parser, byte[] text, long maxBytes) {
    return refused(KdlParseException.class, maxBytes, () -> parser.parse(FILE, text));
  }

  private static KdlParseException kdlRefused(KdlParser parser, String text, long maxBytes) {
    return refused(KdlParseException.class, maxBytes, () -> parser.parse(FILE, text));
  }

  private static WorkflowException workflowRefused(byte[] text, long maxBytes) {
    return refused(WorkflowException.class, maxBytes, () -> WORKFLOWS.parse(FILE, text));
  }

  private static Reason syntaxReason(WorkflowException e) {
    assertEquals(WorkflowException.Reason.SYNTAX, e.reason(), e.getMessage());
    return ((KdlParseException) e.getCause()).reason();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** {@code count} copies of one ASCII byte between a prefix and a suffix. */
  private static byte[] filled(String prefix, int count, char fill, String suffix) {
    byte[] head = bytes(prefix);
    byte[] tail = bytes(suffix);
    byte[] out = new byte[head.length + count + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    Arrays.fill(out, head.length, head.length + count, (byte) fill);
    System.arraycopy(tail, 0, out, head.length + count, tail.length);
    return out;
  }

  @Test
  void kdlParsersRefuseHundredThousandDeepChildrenBlocksAsTooDeep() {
    String deep = nested(100_000, "n {", "", "}");
    for (KdlParser parser : PARSERS) {
      assertEquals(Reason.TOO_DEEP, kdlRefused(parser, bytes(deep), 4 * MIB).reason());
      assertEquals(Reason.TOO_DEEP, kdlRefused(parser, deep, 4 * MIB).reason());
    }
  }

  @Test
  void kdlParsersRefuseThirtyMebibyteTextAsTooLarge() {
    byte[] huge = filled("node \"", 30 << 20, 'x', "\"\n");
    String text = new String(huge, UTF_8);
    for (KdlParser parser : PARSERS) {
      assertEquals(Reason.TOO_LARGE, kdlRefused(parser, huge, MIB).reason());
      assertEquals(Reason.TOO_LARGE, kdlRefused(parser, text, MIB).reason());
    }
  }

  @Test
  void kdlParsersReadTenMegabyteStringWithinTheDefaultLimitAndRefuseItUnderATighterOne() {
    byte[] text = filled("node \"", 10_000_000, 'x', "\"\n");
    for (KdlParser parser : PARSERS) {
      Bounded.Run<KdlDocument> run = run(64 * MIB, () -> parser.parse(FILE, text));
      assertNull(run.thrown());
      assertEquals(10_000_000, run.result().nodes().get(0).arguments().get(0).asString().length());
      KdlParser tight = parser.toBuilder().maxLength(1 << 20).build();
      assertEquals(Reason.TOO_LARGE, kdlRefused(tight, text, MIB).reason());
    }
  }

  @Test
  void kdlParsersRefuseHugeNumbersAsTooLarge() {
    for (byte[] number : List.of(filled("node ", 1_000_000, '7', ""), bytes("node 1e9999999999"),
        filled("node 0x", 1_000_000, 'f', ""), filled("node 1.", 1_000_000, '5', "e-3"))) {
      for (KdlParser parser : PARSERS) {
        assertEquals(Reason.TOO_LARGE, kdlRefused(parser, number, 8 * MIB).reason());
      }
    }
  }

  @Test
  void kdlParsersRefuseInvalidUtf8AsInvalidEncoding() {
    for (byte[] bad : List.of(new byte[] {'n', ' ', '"', (byte) 0xC3, '(', '"'},
        new byte[] {'n', ' ', (byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
      for (KdlParser parser : PARSERS) {
        assertEquals(Reason.INVALID_ENCODING, kdlRefused(parser, bad, MIB).reason());
      }
    }
  }

  @Test
  void kdl2RefusesNulAnywhereAndKdl1OutsideStrings() {
    for (String text : List.of("node \"a\u0000b\"", "no\u0000de", "\u0000")) {
      KdlParseException e = kdlRefused(KdlParser.v2(), bytes(text), MIB);
      assertRefusedAsText(e.reason());
      assertEquals(e.reason(), kdlRefused(KdlParser.v2(), text, MIB).reason());
    }
    for (String text : List.of("no\u0000de", "\u0000", "node \u0000")) {
      for (KdlParser parser : PARSERS) {
        assertRefusedAsText(kdlRefused(parser, bytes(text), MIB).reason());
      }
    }
  }

  /** NUL is refused as a character KDL does not allow ({@code INVALID_ENCODING}) or as syntax. */
  private static void assertRefusedAsText(Reason reason) {
    assertTrue(reason == Reason.SYNTAX || reason == Reason.INVALID_ENCODING, reason::name);
  }

  @Test
  void kdl1KeepsNulInsideAStringAsData() {
    // KDL 1 forbids no character in a quoted string; auto mode falls back to KDL 1
    for (KdlParser parser : List.of(KdlParser.v1(), KdlParser.auto())) {
      Bounded.Run<KdlDocument> run = run(MIB, () -> parser.parse(FILE, bytes("node \"a\u0000b\"")));
      assertEquals("a\u0000b", run.result().nodes().get(0).arguments().get(0).asString());
    }
  }

  // ---- workflows -------------------------------------------------------------------------------

  private static final String JOB = "workflow {\n    job id=\"build\" {\n        step run=";

  @Test
  void workflowParserRefusesHundredThousandDeepNestingAsSyntax() {
    byte[] text = bytes(JOB + "\"make\" " + nested(100_000, "{ n ", "", "}") + "\n    }\n}\n");
    assertEquals(Reason.TOO_DEEP, syntaxReason(workflowRefused(text, 4 * MIB)));
  }

  @Test
  void workflowParserRefusesThirtyMebibyteFileAsSyntax() {
    byte[] text = filled(JOB + "\"", 30 << 20, 'x', "\"\n    }\n}\n");
    assertEquals(Reason.TOO_LARGE, syntaxReason(workflowRefused(text, MIB)));
  }

  @Test
  void workflowParserReadsTenMegabyteRunScriptAndRefusesTenMegabyteJobIdWithShortMessages() {
    byte[] script = filled(JOB + "\"", 10_000_000, 'x', "\"\n    }\n}\n");
    Bounded.Run<Workflow> run = run(64 * MIB, () -> WORKFLOWS.parse(FILE, script));
    assertNull(run.thrown());
    assertEquals(10_000_000, run.result().jobs().get(0).steps().get(0).run().length());

    byte[] id = filled("workflow {\n    job id=\"", 10_000_000, 'x', "\" needs=\"y\"\n}\n");
    WorkflowException e = workflowRefused(id, 64 * MIB);
    assertEquals(WorkflowException.Reason.INVALID, e.reason());
    assertTrue(e.getMessage().length() < 1000, () -> e.getMessage().substring(0, 1000));
  }

  @Test
  void workflowParserRefusesHugeNumbersAsSyntax() {
    byte[] text = filled(JOB + "\"make\" timeout=", 1_000_000, '9', "\n    }\n}\n");
    assertEquals(Reason.TOO_LARGE, syntaxReason(workflowRefused(text, 8 * MIB)));
  }

  @Test
  void workflowParserRefusesInvalidUtf8AsSyntax() {
    byte[] text = bytes(JOB + "\"ma\u00e9ke\"\n    }\n}\n");
    int at = JOB.length() + 3; // the second byte of é
    text[at] = '(';
    assertEquals(Reason.INVALID_ENCODING, syntaxReason(workflowRefused(text, MIB)));
  }

  @Test
  void workflowParserRefusesNulOutsideStringsAsSyntax() {
    byte[] text = bytes(JOB + "\"make\" \u0000\n    }\n}\n");
    assertRefusedAsText(syntaxReason(workflowRefused(text, MIB)));
  }
}
