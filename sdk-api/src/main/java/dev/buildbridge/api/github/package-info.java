/**
 * A GitHub REST client for CI integrations, on the {@code dev.buildbridge.api} transport:
 * {@link dev.buildbridge.api.github.GitHubClient} with App installation tokens
 * ({@link dev.buildbridge.api.github.GitHubAppAuth}, cached until shortly before expiry), the
 * Checks API ({@link dev.buildbridge.api.github.CheckRunRequest},
 * {@link dev.buildbridge.api.github.CheckRunUpdate}), commit Statuses
 * ({@link dev.buildbridge.api.github.CommitStatusRequest}) and Contents
 * ({@link dev.buildbridge.api.github.RepositoryFile}).
 *
 * sdk-workflow's {@code GitHubWorkflowSource} reads {@code .solstice/workflow.kdl} at a commit
 * through Contents.
 */
package dev.buildbridge.api.github;
