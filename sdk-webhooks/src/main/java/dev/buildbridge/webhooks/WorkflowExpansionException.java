package dev.buildbridge.webhooks;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * Thrown by a {@link WorkflowExpander} that cannot produce a delivery's jobs. The handler turns it
 * into a {@link Decision} ({@link Outcome#INVALID_WORKFLOW} 422 or
 * {@link Outcome#WORKFLOW_UNAVAILABLE} 503) with this message as the reason, and forgets the
 * delivery id so that a redelivery is taken again.
 *
 * <pre>{@code
 * WorkflowExpander expander = (template, event) -> {
 *     try {
 *         return expand(template);
 *     } catch (IOException e) {
 *         throw new WorkflowExpansionException(WorkflowExpansionException.Reason.WORKFLOW_UNAVAILABLE,
 *             "cannot fetch " + template.repoUrl() + ": " + e.getMessage(), e);
 *     }
 * };
 * }</pre>
 */
public final class WorkflowExpansionException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why the jobs could not be produced. */
  public enum Reason {
    /** The workflow file is wrong; a redelivery will not help until it is fixed. */
    INVALID_WORKFLOW,
    /** The workflow file could not be read now; a redelivery may succeed. */
    WORKFLOW_UNAVAILABLE
  }

  private final Reason reason;

  /**
   * Creates a failure.
   *
   * @param reason why
   * @param message what was wrong and where ({@code .solstice/workflow.kdl:3:5: ...}); no secrets
   * @param cause the underlying failure, or {@code null}
   */
  public WorkflowExpansionException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
  }

  /**
   * Returns why the jobs could not be produced.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
