package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.buildbridge.workflow.kdl.KdlParseException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Files written to hurt: the parser answers with a WorkflowException and a bounded message. */
class WorkflowHostileInputTest {
  private static final String FILE = ".solstice/workflow.kdl";
  private static final WorkflowParser PARSER = WorkflowParser.ofDefaults();

  @Test
  void longNeedsCycleIsFoundWithoutRecursionAndReportedInShort() {
    int n = 20_000;
    StringBuilder text = new StringBuilder("workflow {\n");
    for (int i = 0; i < n; i++) {
      text.append("job id=\"j").append(i).append("\" needs=\"j").append((i + 1) % n).append("\"\n");
    }
    text.append("}\n");
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> PARSER.parse(FILE, text));
    assertEquals(WorkflowException.Reason.INVALID, e.reason());
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().startsWith(FILE + ":2:13: needs cycle: j0 -> j1 -> j2 -> "),
        e.getMessage());
    assertTrue(e.getMessage().contains(" -> ... 19980 more ... -> "), e.getMessage());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }

  @Test
  void manyJobsWithManyNeedsAreCheckedQuickly() {
    int n = 5_000;
    StringBuilder text = new StringBuilder("workflow {\n");
    for (int i = 0; i < n; i++) {
      text.append("job id=\"j").append(i).append("\" {\n  needs");
      for (int k = 0; k < Math.min(i, 20); k++) {
        text.append(" \"j").append(i - 1 - k).append('"');
      }
      text.append(i == 0 ? " \"j1\"" : "").append("\n}\n");
    }
    text.append("}\n");
    String fixed = text.toString().replace("job id=\"j0\" {\n  needs \"j1\"\n}", "job id=\"j0\"");
    long start = System.nanoTime();
    Workflow w = PARSER.parse(FILE, fixed);
    assertEquals(n, w.jobsInDependencyOrder().size());
    assertEquals("j0", w.jobsInDependencyOrder().get(0).id());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
  }

  @Test
  void hugeNamesAndValuesAreCutInMessages() {
    String id = "x".repeat(100_000);
    String text = "workflow {\n    job id=\"" + id + "\" needs=\"" + id + "y\"\n"
        + "    job id=\"" + id + "\"\n}\n";
    WorkflowException e = assertThrows(WorkflowException.class, () -> PARSER.parse(FILE, text));
    assertEquals(2, e.problems().size());
    for (WorkflowProblem p : e.problems()) {
      assertTrue(p.message().length() < 500, () -> p.message().substring(0, 500));
    }
    String unknown = "workflow {\n    " + "n".repeat(50_000) + "\n}\n";
    Workflow w = PARSER.parse(FILE, unknown);
    assertTrue(w.warnings().get(0).message().length() < 200);
  }

  @Test
  void controlCharactersInNamesAreEscapedInMessages() {
    Workflow w = PARSER.parse(FILE, "workflow {\n    \"a\\u{1b}[31mred\"\n}\n");
    assertEquals("unknown node \"a\\u001b[31mred\" in workflow; known: env, job",
        w.warnings().get(0).message());
  }

  @Test
  void deepNestingIsASyntaxError() {
    String text = "workflow { job id=\"a\" { step run=\"x\" " + "{ n ".repeat(10_000)
        + "}".repeat(10_000) + " } }";
    WorkflowException e = assertThrows(WorkflowException.class, () -> PARSER.parse(FILE, text));
    assertEquals(WorkflowException.Reason.SYNTAX, e.reason());
    assertEquals(KdlParseException.Reason.TOO_DEEP, ((KdlParseException) e.getCause()).reason());
  }

  @Test
  void mutatedFilesFailOnlyWithWorkflowExceptions() {
    byte[] base = WorkflowParserTest.ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}\"=;\\/#*-_ \nabcjobidstepneedsrunworkflow0123()".getBytes(
        StandardCharsets.UTF_8);
    Random random = new Random(20260301);
    int parsed = 0;
    for (int round = 0; round < 5_000; round++) {
      byte[] bytes = base.clone();
      int edits = 1 + random.nextInt(4);
      for (int k = 0; k < edits; k++) {
        int at = random.nextInt(bytes.length);
        bytes[at] = random.nextInt(8) == 0 ? (byte) random.nextInt(256)
            : alphabet[random.nextInt(alphabet.length)];
      }
      try {
        PARSER.parse(FILE, bytes);
        parsed++;
      } catch (WorkflowException e) {
        assertTrue(e.getMessage().startsWith(FILE + ":"), e.getMessage());
      } catch (RuntimeException e) {
        fail("round " + round + " threw " + e + " for:\n"
            + new String(bytes, StandardCharsets.UTF_8), e);
      }
    }
    assertTrue(parsed > 0 && parsed < 5_000, "parsed " + parsed);
  }
}
