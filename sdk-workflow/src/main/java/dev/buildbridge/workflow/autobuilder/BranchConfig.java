package dev.buildbridge.workflow.autobuilder;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.workflow.WorkflowProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A 0-autobuilder branch config: the file {@code <owner>/<repo>/<branch>.yaml} of a
 * configuration repository, which asks for a build of each of its build scripts whenever
 * {@code <branch>} of {@code <owner>/<repo>} is pushed. Immutable.
 *
 * <pre>{@code
 * BranchConfig config = BranchConfigParser.ofDefaults()
 *     .parse("threefoldtech/zos/main.yaml", text);
 * List<JobRequest> jobs = config.expand(push);   // one per build script, one group_id
 * }</pre>
 *
 * @param owner the user or organization, the first directory
 * @param repository the repository, the second directory
 * @param branch the branch, the file name without {@code .yaml}
 * @param buildScripts the build scripts in the order of {@code buildscripts}, at least one, with
 *     distinct paths; copied
 * @param warnings what the parser found but let through (a section for no build script, an
 *     unknown key), in file order; copied
 */
public record BranchConfig(String owner, String repository, String branch,
    List<BuildScript> buildScripts, List<WorkflowProblem> warnings) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when a component or element is null
   * @throws IllegalArgumentException when a name is empty, {@code .} or {@code ..}, holds a
   *     {@code /}, a backslash or a control character; when there is no build script or two
   *     share a path
   */
  public BranchConfig {
    BranchConfigParser.checkSegment(owner, "owner");
    BranchConfigParser.checkSegment(repository, "repository");
    BranchConfigParser.checkSegment(branch, "branch");
    buildScripts = List.copyOf(buildScripts);
    if (buildScripts.isEmpty()) {
      throw new IllegalArgumentException("a branch config needs at least one build script");
    }
    Set<String> paths = new HashSet<>();
    for (BuildScript script : buildScripts) {
      if (!paths.add(script.path())) {
        throw new IllegalArgumentException("build script " + script.path() + " is listed twice");
      }
    }
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns the config's path in the configuration repository.
   *
   * @return {@code <owner>/<repo>/<branch>.yaml}
   */
  public String path() {
    return BranchConfigParser.pathOf(owner, repository, branch);
  }

  /**
   * Returns the repository the config watches.
   *
   * @return {@code <owner>/<repo>}
   */
  public String ownerRepo() {
    return owner + '/' + repository;
  }

  /**
   * Finds a build script by its path.
   *
   * @param path such as {@code autobuild/a.sh}
   * @return the script, or empty
   */
  public Optional<BuildScript> buildScript(String path) {
    Objects.requireNonNull(path, "path");
    for (BuildScript script : buildScripts) {
      if (script.path().equals(path)) {
        return Optional.of(script);
      }
    }
    return Optional.empty();
  }

  /**
   * Expands a push of the watched branch into one {@code jobrequest.v1} per build script, in
   * the order of {@code buildscripts}. Each is the template with a new random
   * {@code request_id}; the template's {@code group_id}, or one new random UUID shared by all;
   * {@code script_path} the script; {@code runs_on} its base image; no {@code workflow_path} or
   * {@code workflow_job_id} (a build script is not a workflow job); the template's
   * {@code submitted_at}. The artifact, archives and tag are not part of a job request: find
   * them with {@link #buildScript(String) buildScript(job.scriptPath())}.
   *
   * @param template the push: repository, commit and source
   * @return the job requests, one per build script
   * @throws NullPointerException when the template is null
   */
  public List<JobRequest> expand(JobRequest template) {
    Objects.requireNonNull(template, "template");
    UUID group = template.groupId() != null ? template.groupId() : UUID.randomUUID();
    List<JobRequest> jobs = new ArrayList<>(buildScripts.size());
    for (BuildScript script : buildScripts) {
      jobs.add(template.toBuilder()
          .requestId(UUID.randomUUID())
          .groupId(group)
          .workflowPath(null)
          .workflowJobId(null)
          .runsOn(script.baseImage())
          .scriptPath(script.path())
          .build());
    }
    return List.copyOf(jobs);
  }
}
