package dev.buildbridge.webhooks;

import dev.buildbridge.core.job.JobRequest;
import java.util.List;

/**
 * Turns the one job a delivery maps to into one job per workflow job, as sdk-workflow does for
 * {@code .solstice/workflow.kdl}. Without an expander, a delivery yields one job.
 *
 * <pre>{@code
 * WorkflowExpander expander = (template, event) -> List.of(
 *     template.toBuilder().workflowJobId("lint").build(),
 *     template.toBuilder().requestId(UUID.randomUUID()).workflowJobId("build").build());
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowExpander {

  /**
   * Expands a delivery's job.
   *
   * @param template the job the delivery maps to: repository, commit, source, group id and
   *     {@code runs_on} set; each returned job should keep its group id and have its own request id
   * @param event the event it came from
   * @return the jobs to enqueue; empty when the workflow has nothing to run
   * @throws WorkflowExpansionException when the workflow is invalid or cannot be read now
   */
  List<JobRequest> expand(JobRequest template, WebhookEvent event);
}
