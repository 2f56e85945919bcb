package dev.buildbridge.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input meant to exhaust memory or time fails fast, with one clear problem. */
class YamlHostileInputTest {
  private static final Duration FAST = Duration.ofSeconds(2);

  /** The classic: nine levels of nine aliases, a billion "lol"s once expanded. */
  static String billionLaughs() {
    StringBuilder sb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char previous = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      sb.append("]\n");
    }
    return sb.toString();
  }

  private static WorkflowProblem fails(YamlReader reader, String text) {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> reader.read("evil.yaml", text, new ArrayList<>()));
    assertEquals(Reason.INVALID, e.reason());
    assertEquals(1, e.problems().size(), e.problems()::toString);
    return e.problems().get(0);
  }

  @Test
  void billionLaughsFailsFastOnTheExpandedSize() {
    YamlReader reader = new YamlReader(1 << 20, 64, 1000);
    WorkflowProblem p = assertTimeoutPreemptively(FAST, () -> fails(reader, billionLaughs()));
    assertEquals("aliases expand the document to more than 1000000 nodes", p.message());
    assertTrue(p.location().line() >= 6 && p.location().line() <= 9, p::toString);
  }

  @Test
  void billionLaughsFailsOnTheAliasCountWhenThatIsLower() {
    YamlReader reader = new YamlReader(1 << 20, 64, 10);
    WorkflowProblem p = assertTimeoutPreemptively(FAST, () -> fails(reader, billionLaughs()));
    assertEquals("evil.yaml:3:12: more than 10 aliases of lists and mappings", p.toString());
  }

  @Test
  void aliasesOfScalarsDoNotCountAgainstTheAliasLimit() {
    YamlReader reader = new YamlReader(1 << 20, 64, 0);
    List<WorkflowProblem> problems = new ArrayList<>();
    YamlNode.Mapping root = (YamlNode.Mapping) reader.read("f.yaml",
        "a: &s hello\nb: [*s, *s, *s]\n", problems);
    assertEquals(3, ((YamlNode.Sequence) root.get("b")).items().size());
  }

  @Test
  void deepNestingFailsAtTheFirstLevelTooDeep() {
    YamlReader reader = new YamlReader(1 << 20, 64, 1000);
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    WorkflowProblem p = assertTimeoutPreemptively(FAST, () -> fails(reader, deep));
    assertEquals("evil.yaml:1:65: lists and mappings nest deeper than 64 levels", p.toString());
  }

  @Test
  void nestingThroughAnAliasCountsTheAliasedDepth() {
    YamlReader reader = new YamlReader(1 << 20, 8, 1000);
    String text = "a: &a [[[[[1]]]]]\nb: [[[*a]]]\n";
    WorkflowProblem p = fails(reader, text);
    assertEquals("evil.yaml:2:7: alias *a nests lists and mappings deeper than 8 levels",
        p.toString());
  }

  @Test
  void inputOverTheSizeLimitIsTooLargeBeforeParsing() {
    YamlReader reader = new YamlReader(1024, 64, 1000);
    String big = "k: " + "x".repeat(2000) + "\n";
    WorkflowException text = assertThrows(WorkflowException.class,
        () -> reader.read("big.yaml", big, new ArrayList<>()));
    assertEquals(Reason.TOO_LARGE, text.reason());
    assertEquals("big.yaml is 2004 characters, over the limit of 1024 bytes", text.getMessage());
    WorkflowException bytes = assertThrows(WorkflowException.class,
        () -> reader.read("big.yaml", new byte[1025], new ArrayList<>()));
    assertEquals(Reason.TOO_LARGE, bytes.reason());
  }

  @Test
  void limitsOutOfRangeAreRefusedNamingTheLimit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new YamlReader(0, 64, 10));
    assertEquals("maxBytes must be at least 1: 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new YamlReader(10, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new YamlReader(10, 1001, 10));
    assertThrows(IllegalArgumentException.class, () -> new YamlReader(10, 64, -1));
  }
}
