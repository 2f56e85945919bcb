package dev.buildbridge.workflow;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.Objects;

/**
 * One thing wrong with a workflow file, with where it is: an error that stops the file from being
 * used, or a warning (an unknown node or property) that a lenient parser lets through.
 *
 * <pre>{@code
 * for (WorkflowProblem warning : workflow.warnings()) {
 *     System.err.println(warning);   // .solstice/workflow.kdl:4:9: unknown property "timeout" ...
 * }
 * }</pre>
 *
 * @param location where the problem is
 * @param message what is wrong, without the location
 */
public record WorkflowProblem(KdlLocation location, String message) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when either is null
   */
  public WorkflowProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns {@code file:line:column: message}, the form compilers and editors use.
   *
   * @return the problem as one line
   */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
