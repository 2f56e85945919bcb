package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a plan file's {@code jobs}: builds, the tests that run on each of them, and an
 * optional sanity test that runs first on each build (the other tests then wait for it). A job
 * without builds holds standalone tests, each naming its {@code kernel}.
 *
 * <pre>{@code
 * for (TuxPlanJob job : plan.jobs()) {
 *     System.out.println((job.name() == null ? "(unnamed)" : job.name()) + ": "
 *         + job.builds().size() + " builds, " + job.tests().size() + " tests"
 *         + (job.sanityTest() != null ? ", a sanity test" : ""));
 * }
 * }</pre>
 *
 * <p>In YAML a job is a mapping with {@code build} (one) or {@code builds} (a list),
 * {@code test} (one) or {@code tests} (a list), {@code sanity_test}, and {@code name}, which
 * {@link TuxPlanExpansion.Builder#jobName(String)} selects by.
 *
 * @param location where the job's mapping starts
 * @param name the job's {@code name}, or null when it has none
 * @param builds its builds; may be empty; copied
 * @param tests the tests run on each build (or standalone); may be empty; copied
 * @param sanityTest the sanity test run on each build before the tests, or null
 */
public record TuxPlanJob(KdlLocation location, String name, List<TuxPlanBuild> builds,
    List<TuxPlanTest> tests, TuxPlanTest sanityTest) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when the location, a list or an element is null
   * @throws IllegalArgumentException when the name is blank, the job has no build, test or
   *     sanity test, the sanity test is sharded, or a test of a job without builds has no
   *     {@code kernel}
   */
  public TuxPlanJob {
    Objects.requireNonNull(location, "location");
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    builds = List.copyOf(builds);
    tests = List.copyOf(tests);
    if (builds.isEmpty() && tests.isEmpty() && sanityTest == null) {
      throw new IllegalArgumentException("a job needs a build, a test or a sanity test");
    }
    if (sanityTest != null && sanityTest.sharding() != 0) {
      throw new IllegalArgumentException("a sanity test cannot be sharded");
    }
    if (builds.isEmpty()) {
      for (TuxPlanTest test : tests) {
        requireKernel(test);
      }
      if (sanityTest != null) {
        requireKernel(sanityTest);
      }
    }
  }

  private static void requireKernel(TuxPlanTest test) {
    if (test.kernel().isEmpty()) {
      throw new IllegalArgumentException("a test of a job without builds needs kernel ("
          + test.location() + ")");
    }
  }

  /**
   * Tells whether the job's tests stand alone, with no build to wait for.
   *
   * @return true when the job has no builds
   */
  public boolean isStandalone() {
    return builds.isEmpty();
  }

  /**
   * Returns how many runs the job becomes: its builds, and for each build (or once, without
   * builds) its sanity test and its tests' shards.
   *
   * @return the number of builds and test requests
   */
  public long runs() {
    long perBuild = sanityTest == null ? 0 : 1;
    for (TuxPlanTest test : tests) {
      perBuild += test.runs();
    }
    return builds.isEmpty() ? perBuild : builds.size() * (1 + perBuild);
  }
}
