/**
 * A GitHub REST client for CI integrations, on the {@code dev.buildbridge.api} transport:
 * {@link dev.buildbridge.api.github.GitHubClient} with App installation tokens
 * ({@link dev.buildbridge.api.github.GitHubAppAuth}, cached until shortly before expiry), the
 * Checks API ({@link dev.buildbridge.api.github.CheckRunRequest},
 * {@link dev.buildbridge.api.github.CheckRunUpdate}), commit Statuses
 * ({@link dev.buildbridge.api.github.CommitStatusRequest}) and Contents
 * ({@link dev.buildbridge.api.github.RepositoryFile}).
 *
 * {@link dev.buildbridge.api.github.GitHubWorkflowSource} reads sdk-workflow's
 * {@code .solstice/workflow.kdl} at a commit through Contents (sdk-workflow is an optional
 * dependency: only that class needs it).
 */
package dev.buildbridge.api.github;
