/**
 * Workflow sources backed by git through JGit: {@link
 * dev.buildbridge.workflow.git.GitRepositorySource} reads a local work tree or bare repository,
 * {@link dev.buildbridge.workflow.git.RemoteGitSource} keeps bare mirrors of remote repositories
 * in a cache directory and fetches only when a commit is missing. Both read the file's blob at
 * the exact commit, with no checkout.
 *
 * <pre>{@code
 * WorkflowSource source =
 *     RemoteGitSource.newBuilder(Path.of("/var/cache/buildbridge/git")).build();
 * Optional<WorkflowFile> file = source.read(repoUrl, commitSha, ".solstice/workflow.kdl");
 * }</pre>
 */
package dev.buildbridge.workflow.git;
