package dev.buildbridge.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid {@code .solstice/workflow.kdl}: its name, workflow-wide environment, jobs in file order,
 * and the warnings a lenient parser let through. Job ids are unique, every {@code needs} names
 * another job of the workflow and the {@code needs} graph has no cycle; the constructor checks
 * this, so a workflow built in code holds the same promises as a parsed one.
 *
 * <pre>{@code
 * Workflow workflow = WorkflowParser.ofDefaults().parse(".solstice/workflow.kdl", text);
 * for (WorkflowJob job : workflow.jobsInDependencyOrder()) {
 *     System.out.println(job.id() + " on " + job.runsOn() + " after " + job.needs());
 * }
 * workflow.warnings().forEach(System.err::println);
 * }</pre>
 *
 * @param name the workflow's {@code name}, or {@code null} when the file gives none
 * @param env the workflow-wide environment variables, in the order written
 * @param jobs the jobs, in file order
 * @param warnings what a lenient parser let through (unknown nodes and properties), in file
 *     order; empty for a strict parser
 */
public record Workflow(
    String name,
    Map<String, String> env,
    List<WorkflowJob> jobs,
    List<WorkflowProblem> warnings) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when a component or an element is null
   * @throws IllegalArgumentException when two jobs share an id, a job needs itself or a job that
   *     is not in {@code jobs}, or the {@code needs} form a cycle; the message names the jobs
   */
  public Workflow {
    Names.optionalNonEmpty(name, "name");
    env = Names.copyEnv(env);
    jobs = List.copyOf(jobs);
    warnings = List.copyOf(warnings);
    graph(jobs);
  }

  /**
   * Returns a workflow without environment or warnings.
   *
   * @param name the name, or {@code null}
   * @param jobs the jobs, in file order
   * @return the workflow
   * @throws IllegalArgumentException as the constructor does
   */
  public static Workflow of(String name, List<WorkflowJob> jobs) {
    return new Workflow(name, Map.of(), jobs, List.of());
  }

  /**
   * Returns the jobs in dependency order: each job after every job it needs, and otherwise in
   * file order. This is the order {@link WorkflowExpansion} emits job requests in.
   *
   * @return the jobs, each once
   */
  public List<WorkflowJob> jobsInDependencyOrder() {
    int[] order = graph(jobs).order();
    List<WorkflowJob> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(jobs.get(i));
    }
    return List.copyOf(out);
  }

  /**
   * Returns a job by id.
   *
   * @param id the job id
   * @return the job, or empty when the workflow has none with that id
   */
  public Optional<WorkflowJob> job(String id) {
    for (WorkflowJob job : jobs) {
      if (job.id().equals(id)) {
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the job ids, in file order.
   *
   * @return the ids
   */
  public List<String> jobIds() {
    List<String> ids = new ArrayList<>(jobs.size());
    for (WorkflowJob job : jobs) {
      ids.add(job.id());
    }
    return List.copyOf(ids);
  }

  private static JobGraph graph(List<WorkflowJob> jobs) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < jobs.size(); i++) {
      WorkflowJob job = Objects.requireNonNull(jobs.get(i), "jobs[" + i + "]");
      if (index.putIfAbsent(job.id(), i) != null) {
        throw new IllegalArgumentException("two jobs have the id " + job.id());
      }
    }
    int[][] needs = new int[jobs.size()][];
    for (int i = 0; i < jobs.size(); i++) {
      WorkflowJob job = jobs.get(i);
      needs[i] = new int[job.needs().size()];
      for (int k = 0; k < needs[i].length; k++) {
        String need = job.needs().get(k);
        Integer target = index.get(need);
        if (target == null) {
          throw new IllegalArgumentException("job " + job.id() + " needs " + need
              + ", which is not a job of the workflow");
        }
        if (target == i) {
          throw new IllegalArgumentException("job " + job.id() + " needs itself");
        }
        needs[i][k] = target;
      }
    }
    JobGraph graph = new JobGraph(needs);
    List<int[]> cycles = graph.cycles();
    if (!cycles.isEmpty()) {
      throw new IllegalArgumentException(
          JobGraph.describe(cycles.get(0), v -> jobs.get(v).id()));
    }
    return graph;
  }
}
