/**
 * Workflow files read through GitHub's Contents API
 * ({@link dev.buildbridge.workflow.github.GitHubWorkflowSource}); needs sdk-api, an optional
 * dependency of sdk-workflow.
 */
package dev.buildbridge.workflow.github;
