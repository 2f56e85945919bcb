package dev.buildbridge.workflow;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.webhooks.WebhookEvent;
import dev.buildbridge.webhooks.WorkflowExpander;
import dev.buildbridge.webhooks.WorkflowExpansionException;
import java.util.List;
import java.util.Objects;

/**
 * Plugs {@code .solstice/workflow.kdl} expansion into sdk-webhooks' {@code WebhookHandler}: a
 * push or pull request becomes one job request per workflow job (or the plain request when the
 * commit has no workflow file). The only class of this module that needs sdk-webhooks on the
 * class path.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.newBuilder()
 *     .githubSecret(secret)
 *     .runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04"))
 *     .workflowExpander(WebhookWorkflowExpander.of(WorkflowFanOut.of(
 *         RemoteGitSource.newBuilder(Path.of("/var/cache/buildbridge/git")).build())))
 *     .build();
 * }</pre>
 *
 * <p>Failures become the handler's answers: a workflow that is not KDL, not valid, has no such
 * job, is not a file or is too large is {@code INVALID_WORKFLOW} (422), with the first problem's
 * {@code file:line:column: message} as the reason; a repository that cannot be read, or does not
 * have the commit yet, is {@code WORKFLOW_UNAVAILABLE} (503), so the forge's redelivery can
 * succeed.
 */
public final class WebhookWorkflowExpander implements WorkflowExpander {
  private final WorkflowFanOut fanOut;

  private WebhookWorkflowExpander(WorkflowFanOut fanOut) {
    this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
  }

  /**
   * Returns an expander that expands by a fan-out.
   *
   * @param fanOut reads, parses and expands the workflow
   * @return the expander
   * @throws NullPointerException when {@code fanOut} is null
   */
  public static WebhookWorkflowExpander of(WorkflowFanOut fanOut) {
    return new WebhookWorkflowExpander(fanOut);
  }

  /**
   * Returns the fan-out it expands by.
   *
   * @return the fan-out
   */
  public WorkflowFanOut fanOut() {
    return fanOut;
  }

  /**
   * Expands a delivery's job by the workflow at its commit.
   *
   * @param template the job the delivery maps to
   * @param event the event it came from (not used: the template carries all that is needed)
   * @return one job per workflow job in dependency order, or the template alone when the commit
   *     has no workflow file
   * @throws WorkflowExpansionException {@code INVALID_WORKFLOW} or {@code WORKFLOW_UNAVAILABLE},
   *     wrapping the {@link WorkflowException}
   */
  @Override
  public List<JobRequest> expand(JobRequest template, WebhookEvent event) {
    try {
      return fanOut.expand(template);
    } catch (WorkflowException e) {
      WorkflowExpansionException.Reason reason = e.isRetryable()
          ? WorkflowExpansionException.Reason.WORKFLOW_UNAVAILABLE
          : WorkflowExpansionException.Reason.INVALID_WORKFLOW;
      throw new WorkflowExpansionException(reason, e.getMessage(), e);
    }
  }
}
