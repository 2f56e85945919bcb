/**
 * Solstice CI workflows: {@code .solstice/workflow.kdl} read into a {@link
 * dev.buildbridge.workflow.Workflow} by a {@link dev.buildbridge.workflow.WorkflowParser} (every
 * problem reported with its {@code file:line:column}), expanded into one {@code jobrequest.v1}
 * per job by a {@link dev.buildbridge.workflow.WorkflowExpansion}, and read at a commit from a
 * {@link dev.buildbridge.workflow.WorkflowSource} by a {@link
 * dev.buildbridge.workflow.WorkflowFanOut}. {@link
 * dev.buildbridge.workflow.WebhookWorkflowExpander} plugs the whole into sdk-webhooks; it is the
 * only class here that needs sdk-webhooks.
 *
 * <pre>{@code
 * try (GitRepositorySource source = GitRepositorySource.open(Path.of("/srv/git/hello.git"))) {
 *     WorkflowFanOut fanOut = WorkflowFanOut.newBuilder(source)
 *         .expansion(WorkflowExpansion.newBuilder().runsOnDefault("illumos-latest").build())
 *         .build();
 *     List<JobRequest> jobs = fanOut.expand(template);   // one per job, dependency order
 * }
 * }</pre>
 */
package dev.buildbridge.workflow;
