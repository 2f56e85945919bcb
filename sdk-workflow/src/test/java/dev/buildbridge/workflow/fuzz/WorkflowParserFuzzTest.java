package dev.buildbridge.workflow.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.workflow.Workflow;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowJob;
import dev.buildbridge.workflow.WorkflowParser;
import java.util.List;

/**
 * Fuzzes workflow reading on top of KDL: whatever the bytes, a lenient and a strict
 * {@link WorkflowParser} return a workflow or throw {@link WorkflowException}; a workflow either
 * returns orders its jobs so that every job comes after the jobs it needs. Seeds:
 * {@code WorkflowParserFuzzTestInputs}.
 */
class WorkflowParserFuzzTest {
  private static final List<WorkflowParser> PARSERS = List.of(WorkflowParser.ofDefaults(),
      WorkflowParser.newBuilder().strict(true).build());

  @FuzzTest
  void readsEveryFileOrRefusesItWithWorkflowException(byte[] input) {
    for (WorkflowParser parser : PARSERS) {
      Workflow workflow;
      try {
        workflow = parser.parse(".solstice/workflow.kdl", input);
      } catch (WorkflowException e) {
        assertNotNull(e.reason());
        assertTrue(e.getMessage().startsWith(".solstice/workflow.kdl"), e::getMessage);
        continue;
      }
      List<WorkflowJob> ordered = workflow.jobsInDependencyOrder();
      assertEquals(workflow.jobs().size(), ordered.size());
      for (int i = 0; i < ordered.size(); i++) {
        for (String need : ordered.get(i).needs()) {
          int at = ordered.indexOf(workflow.job(need).orElseThrow());
          assertTrue(at >= 0 && at < i, need + " comes before " + ordered.get(i).id());
        }
      }
    }
  }
}
