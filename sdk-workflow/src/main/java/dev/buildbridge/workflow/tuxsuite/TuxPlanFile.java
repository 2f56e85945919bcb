package dev.buildbridge.workflow.tuxsuite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A TuxSuite plan file ({@code plan.yaml}, {@code version: 1}) as {@link TuxPlanParser} reads
 * it: its name, description and jobs. Immutable.
 *
 * <pre>{@code
 * TuxPlanFile plan = TuxPlanParser.ofDefaults().parse(Path.of("plan.yaml"));
 * System.out.println(plan.name() + ": " + plan.jobs().size() + " jobs, " + plan.runs()
 *     + " builds and tests");
 * }</pre>
 *
 * @param file the file name the parser was given, used in locations
 * @param name the plan's {@code name}, or null
 * @param description the plan's {@code description}, or null
 * @param jobs the jobs, in file order, at least one; copied
 */
public record TuxPlanFile(String file, String name, String description, List<TuxPlanJob> jobs) {
  /** The only {@code version} of the plan format: {@value}. */
  public static final int VERSION = 1;

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when the file, the list or a job is null
   * @throws IllegalArgumentException when the name or description is blank, or there is no job
   */
  public TuxPlanFile {
    Objects.requireNonNull(file, "file");
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    if (description != null && description.isBlank()) {
      throw new IllegalArgumentException("description is blank");
    }
    jobs = List.copyOf(jobs);
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one job");
    }
  }

  /**
   * Returns the names of the named jobs, each once, in file order.
   *
   * @return the names
   */
  public List<String> jobNames() {
    Set<String> names = new LinkedHashSet<>();
    for (TuxPlanJob job : jobs) {
      if (job.name() != null) {
        names.add(job.name());
      }
    }
    return List.copyOf(new ArrayList<>(names));
  }

  /**
   * Returns how many builds and test requests the whole plan becomes.
   *
   * @return the sum of {@link TuxPlanJob#runs()}
   */
  public long runs() {
    long runs = 0;
    for (TuxPlanJob job : jobs) {
      runs += job.runs();
    }
    return runs;
  }
}
