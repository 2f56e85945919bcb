package dev.buildbridge.workflow.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.autobuilder.BranchConfigParser;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Broken files of every shape: the valid fixtures with random characters deleted, inserted and
 * lines duplicated. Parsing (and expanding what parses) either works or throws the module's
 * {@link WorkflowException}; nothing else escapes.
 */
class TuxPlanMutationTest {
  private static final String SPECIAL = ":[]{},-&*!|>'\"\n #?<%@`\t0aZ";
  private static final int ROUNDS = 3000;

  static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(3)) {
        case 0:
          sb.deleteCharAt(at);
          break;
        case 1:
          sb.insert(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
          break;
        default:
          int start = sb.lastIndexOf("\n", at) + 1;
          int end = sb.indexOf("\n", at);
          if (end > start) {
            sb.insert(start, sb.substring(start, end + 1));
          }
      }
    }
    return sb.toString();
  }

  @Test
  void brokenPlansEitherParseOrFailWithAWorkflowException() {
    Random random = new Random(20260301L);
    String[] fixtures = {PlanFixtures.text("plan-full.yaml"),
        PlanFixtures.text("plan-every-field.yaml"), PlanFixtures.text("plan-anchors.yaml")};
    TuxPlanExpansion expansion = TuxPlanExpansion.newBuilder()
        .gitRepo("https://git.example.org/linux.git").gitRef("master").build();
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String text = mutate(fixtures[i % fixtures.length], random);
      try {
        TuxPlanFile plan = TuxPlanParser.ofDefaults().parse("m.yaml", text);
        expansion.expand(plan);
        parsed++;
      } catch (WorkflowException e) {
        assertTrue(!e.problems().isEmpty() || e.reason() != WorkflowException.Reason.INVALID);
        rejected++;
      } catch (RuntimeException e) {
        fail("round " + i + " threw " + e + " for:\n" + text, e);
      }
    }
    assertTrue(parsed > 100 && rejected > 100, parsed + " parsed, " + rejected + " rejected");
  }

  @Test
  void brokenBranchConfigsEitherParseOrFailWithAWorkflowException() {
    Random random = new Random(7L);
    String text = "buildscripts:\n  - autobuild/zos.sh\n  - autobuild/kernel.sh\n"
        + "autobuild/zos.sh:\n  artifact: zos.tar.gz\n  archives: /output\n"
        + "  baseimage: ubuntu:18.04\n  tag: zos-main\nautobuild/kernel.sh: {artifact: k.efi}\n";
    for (int i = 0; i < ROUNDS; i++) {
      String mutated = mutate(text, random);
      try {
        BranchConfigParser.ofDefaults().parse("o/r/main.yaml", mutated);
      } catch (WorkflowException e) {
        assertTrue(e.reason() == WorkflowException.Reason.INVALID, e::toString);
      } catch (RuntimeException e) {
        fail("round " + i + " threw " + e + " for:\n" + mutated, e);
      }
    }
  }
}
