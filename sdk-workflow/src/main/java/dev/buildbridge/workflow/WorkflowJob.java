package dev.buildbridge.workflow;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code job} of a workflow; it becomes one {@code jobrequest.v1} when the workflow is
 * expanded.
 *
 * <pre>{@code
 * // job id="build" runs_on="illumos-latest" script=".solstice/build.sh" needs="lint" { ... }
 * WorkflowJob build = WorkflowJob.newBuilder("build")
 *     .runsOn("illumos-latest")
 *     .scriptPath(".solstice/build.sh")
 *     .needs(List.of("lint"))
 *     .step(new WorkflowStep("Build", "cargo build", null))
 *     .build();
 * }</pre>
 *
 * @param id the job id, unique in its workflow; never empty
 * @param runsOn the runner label ({@code runs_on} or {@code runs-on}), or {@code null}
 * @param scriptPath the script to run ({@code script}), repository-relative, or {@code null}
 * @param needs ids of the jobs that must run first, in the order written, without duplicates
 * @param group the job's {@code group} label, or {@code null}; carried for hosts, it does not
 *     appear in the job request (every job of one expansion shares one {@code group_id})
 * @param env the job's environment variables, in the order written
 * @param setupPaths the {@code setup} scripts, repository-relative, in the order written
 * @param steps the steps, in the order written
 * @param location where the {@code job} node is, or {@code null} for a job built in code
 */
public record WorkflowJob(
    String id,
    String runsOn,
    String scriptPath,
    List<String> needs,
    String group,
    Map<String, String> env,
    List<String> setupPaths,
    List<WorkflowStep> steps,
    KdlLocation location) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when {@code id}, a list, the map or an element is null
   * @throws IllegalArgumentException when a string is empty, a job is needed twice or an
   *     environment variable name is not a valid name
   */
  public WorkflowJob {
    Names.requireNonEmpty(id, "id");
    Names.optionalNonEmpty(runsOn, "runsOn");
    Names.optionalNonEmpty(scriptPath, "scriptPath");
    Names.optionalNonEmpty(group, "group");
    needs = List.copyOf(needs);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < needs.size(); i++) {
      Names.requireNonEmpty(needs.get(i), "needs[" + i + "]");
      if (!seen.add(needs.get(i))) {
        throw new IllegalArgumentException("job " + id + " needs " + needs.get(i) + " twice");
      }
    }
    env = Names.copyEnv(env);
    setupPaths = List.copyOf(setupPaths);
    for (int i = 0; i < setupPaths.size(); i++) {
      Names.requireNonEmpty(setupPaths.get(i), "setupPaths[" + i + "]");
    }
    steps = List.copyOf(steps);
  }

  /**
   * Starts a builder for a job. Defaults: no label, script, needs, group, environment, setup
   * scripts or steps, and no location.
   *
   * @param id the job id
   * @return a new builder
   * @throws IllegalArgumentException when {@code id} is null or empty
   */
  public static Builder newBuilder(String id) {
    return new Builder(id);
  }

  /**
   * Returns a builder holding this job's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.runsOn = runsOn;
    b.scriptPath = scriptPath;
    b.needs.addAll(needs);
    b.group = group;
    b.env.putAll(env);
    b.setupPaths.addAll(setupPaths);
    b.steps.addAll(steps);
    b.location = location;
    return b;
  }

  /** Builds a {@link WorkflowJob}; not thread-safe. */
  public static final class Builder {
    private String id;
    private String runsOn;
    private String scriptPath;
    private final List<String> needs = new ArrayList<>();
    private String group;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> setupPaths = new ArrayList<>();
    private final List<WorkflowStep> steps = new ArrayList<>();
    private KdlLocation location;

    private Builder(String id) {
      id(id);
    }

    /**
     * Sets the job id.
     *
     * @param id the id
     * @return this builder
     * @throws IllegalArgumentException when {@code id} is null or empty
     */
    public Builder id(String id) {
      this.id = Names.checkArgument(id, "id");
      return this;
    }

    /**
     * Sets the runner label. Default: none.
     *
     * @param runsOn the label, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when {@code runsOn} is empty
     */
    public Builder runsOn(String runsOn) {
      this.runsOn = runsOn == null ? null : Names.checkArgument(runsOn, "runsOn");
      return this;
    }

    /**
     * Sets the script to run. Default: none.
     *
     * @param scriptPath the repository-relative path, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when {@code scriptPath} is empty
     */
    public Builder scriptPath(String scriptPath) {
      this.scriptPath = scriptPath == null ? null : Names.checkArgument(scriptPath, "scriptPath");
      return this;
    }

    /**
     * Replaces the jobs that must run first. Default: none.
     *
     * @param needs job ids; copied
     * @return this builder
     * @throws NullPointerException when {@code needs} or an element is null
     */
    public Builder needs(List<String> needs) {
      List<String> copy = List.copyOf(needs);
      this.needs.clear();
      this.needs.addAll(copy);
      return this;
    }

    /**
     * Sets the group label. Default: none.
     *
     * @param group the label, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when {@code group} is empty
     */
    public Builder group(String group) {
      this.group = group == null ? null : Names.checkArgument(group, "group");
      return this;
    }

    /**
     * Replaces the environment variables. Default: none.
     *
     * @param env name to value, in the order to keep; copied
     * @return this builder
     * @throws NullPointerException when {@code env}, a name or a value is null
     */
    public Builder env(Map<String, String> env) {
      Map<String, String> copy = Names.copyEnv(env);
      this.env.clear();
      this.env.putAll(copy);
      return this;
    }

    /**
     * Adds a setup script, run before the steps. Default: none.
     *
     * @param path the repository-relative path
     * @return this builder
     * @throws IllegalArgumentException when {@code path} is null or empty
     */
    public Builder setupPath(String path) {
      setupPaths.add(Names.checkArgument(path, "path"));
      return this;
    }

    /**
     * Adds a step, after those added before. Default: none.
     *
     * @param step the step
     * @return this builder
     * @throws NullPointerException when {@code step} is null
     */
    public Builder step(WorkflowStep step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Sets where the job is written. Default: none.
     *
     * @param location the location, or {@code null}
     * @return this builder
     */
    public Builder location(KdlLocation location) {
      this.location = location;
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     * @throws IllegalArgumentException when a job is needed twice or a variable name is invalid
     */
    public WorkflowJob build() {
      return new WorkflowJob(id, runsOn, scriptPath, needs, group, env, setupPaths, steps,
          location);
    }
  }
}
