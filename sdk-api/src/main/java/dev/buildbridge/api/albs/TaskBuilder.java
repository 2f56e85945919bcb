package dev.buildbridge.api.albs;

/**
 * Builds one task for a {@link BuildNodeAgent}: the host's build (mock, an emulator, a remote
 * builder), including the upload of the artifacts to Pulp, whose hrefs and SHA-256 digests go into
 * the result. Called on the agent's loop thread, one task at a time, while the agent keeps the
 * task's lease alive with pings.
 *
 * <pre>{@code
 * TaskBuilder builder = task -> {
 *   Path out = mock.build(task.ref().url(), task.ref().gitRef(), task.arch(),
 *       task.platform().data());
 *   List<BuildArtifact> uploaded = pulp.upload(out);            // hrefs and SHA-256
 *   return BuildResult.done(uploaded);
 * };
 * }</pre>
 *
 * <p>Return {@link BuildResult#failed(java.util.List)} with the uploaded logs when the build
 * fails, and {@link BuildResult#excluded(java.util.List)} when the package does not build on the
 * task's architecture. An exception thrown instead is logged and the task reported
 * {@link BuildOutcome#FAILED} without artifacts, except an {@link InterruptedException}
 * (what {@link BuildNodeAgent#stopNow()} causes): it ends the agent and leaves the task
 * unreported, for ALBS to hand out again. An {@link Error} ends the agent too.
 */
@FunctionalInterface
public interface TaskBuilder {

  /**
   * Builds a task and uploads its artifacts.
   *
   * @param task the task ALBS handed out
   * @return how the build ended and what it produced; not null
   * @throws Exception when the build could not be run at all; the task is reported failed
   */
  BuildResult build(BuildNodeTask task) throws Exception;
}
