/**
 * 0-autobuilder (Zero-OS autobuilder) branch configs: a configuration repository holds
 * {@code <owner>/<repo>/<branch>.yaml} files, each naming the build scripts to run when that
 * branch is pushed. A {@link dev.buildbridge.workflow.autobuilder.BranchConfigParser} reads and
 * checks one file (every problem with its {@code file:line:column}),
 * {@link dev.buildbridge.workflow.autobuilder.BranchConfigs} reads a whole configuration
 * repository from a directory or, with JGit, at a commit, and a
 * {@link dev.buildbridge.workflow.autobuilder.BranchConfig} expands a push into one
 * {@code jobrequest.v1} per build script.
 *
 * <pre>{@code
 * BranchConfigs configs = BranchConfigs.fromCommit(Path.of("/srv/git/autobuilder-config.git"),
 *     configCommitSha);
 * Optional<BranchConfig> config = configs.forPush("threefoldtech/zos", "main");
 * List<JobRequest> jobs = configs.expand("main", push);   // empty for an untracked branch
 * }</pre>
 */
package dev.buildbridge.workflow.autobuilder;
