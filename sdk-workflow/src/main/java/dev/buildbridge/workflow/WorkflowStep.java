package dev.buildbridge.workflow;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.Objects;

/**
 * One {@code step} of a job: a shell command, run in order with the job's other steps.
 *
 * <pre>{@code
 * // step name="Build" run="cargo build"
 * WorkflowStep step = new WorkflowStep("Build", "cargo build", null);
 * for (WorkflowStep s : job.steps()) {
 *     System.out.println(s.name() + ": " + s.run());
 * }
 * }</pre>
 *
 * @param name what the step is called, or {@code null} when the file gives no name
 * @param run the shell command; never empty
 * @param location where the {@code step} node is, or {@code null} for a step built in code
 */
public record WorkflowStep(String name, String run, KdlLocation location) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when {@code run} is null
   * @throws IllegalArgumentException when {@code run} or {@code name} is empty
   */
  public WorkflowStep {
    Objects.requireNonNull(run, "run");
    if (run.isEmpty()) {
      throw new IllegalArgumentException("run is empty");
    }
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
  }
}
