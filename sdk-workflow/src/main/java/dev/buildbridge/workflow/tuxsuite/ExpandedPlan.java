package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.api.tuxsuite.TuxBuildRequest;
import dev.buildbridge.api.tuxsuite.TuxPlanRequest;
import dev.buildbridge.api.tuxsuite.TuxTestRequest;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a plan file becomes for one git reference: the body that opens the plan, then the builds,
 * the sanity tests and the tests to submit, in that order, each test naming by index the build or
 * sanity test it waits for. Uids do not exist yet: {@link TuxPlanSubmitter} fills in
 * {@code plan} and {@code waiting_for} as TuxSuite hands them out. Immutable. Needs sdk-api at
 * run time.
 *
 * <pre>{@code
 * ExpandedPlan expanded = expansion.expand(plan);
 * for (ExpandedPlan.PlannedTest test : expanded.tests()) {
 *     String after = test.waitsForSanityTest().isPresent() ? "its sanity test"
 *         : test.waitsForBuild().isPresent() ? "build " + test.build() : "nothing";
 *     System.out.println(test.request() + " after " + after);
 * }
 * }</pre>
 *
 * @param plan the body of {@code POST .../plans}
 * @param builds the builds, submitted first (with the plan's uid)
 * @param sanityTests the sanity tests, submitted second, each waiting for its build
 * @param tests the other tests, submitted last, each waiting for its sanity test, else its build
 */
public record ExpandedPlan(TuxPlanRequest plan, List<PlannedBuild> builds,
    List<PlannedTest> sanityTests, List<PlannedTest> tests) {
  /** The index of a dependency a test does not have: {@value}. */
  public static final int NONE = -1;

  /**
   * Checks that every index names an entry and copies the lists.
   *
   * @throws NullPointerException when a component or element is null
   * @throws IllegalArgumentException when an index is out of range, or a sanity test waits for
   *     a sanity test
   */
  public ExpandedPlan {
    Objects.requireNonNull(plan, "plan");
    builds = List.copyOf(builds);
    sanityTests = List.copyOf(sanityTests);
    tests = List.copyOf(tests);
    for (int i = 0; i < sanityTests.size(); i++) {
      PlannedTest t = sanityTests.get(i);
      if (t.sanityTest() != NONE) {
        throw new IllegalArgumentException("sanityTests[" + i + "] waits for a sanity test");
      }
      checkIndex(t.build(), builds.size(), "sanityTests[" + i + "].build");
    }
    for (int i = 0; i < tests.size(); i++) {
      PlannedTest t = tests.get(i);
      checkIndex(t.build(), builds.size(), "tests[" + i + "].build");
      checkIndex(t.sanityTest(), sanityTests.size(), "tests[" + i + "].sanityTest");
    }
  }

  private static void checkIndex(int index, int size, String name) {
    if (index != NONE && (index < 0 || index >= size)) {
      throw new IllegalArgumentException(name + " is " + index + ", not " + NONE + " or an index"
          + " below " + size);
    }
  }

  /**
   * Returns how many builds and tests the plan holds, the {@code count} of its body.
   *
   * @return the number of runs
   */
  public int size() {
    return builds.size() + sanityTests.size() + tests.size();
  }

  /**
   * A build to submit.
   *
   * @param job the name of the plan file's job it comes from, or null for an unnamed job
   * @param request the request, without {@code plan}
   */
  public record PlannedBuild(String job, TuxBuildRequest request) {

    /**
     * Checks the request.
     *
     * @throws NullPointerException when the request is null
     */
    public PlannedBuild {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * A test to submit, and what it waits for.
   *
   * @param job the name of the plan file's job it comes from, or null for an unnamed job
   * @param request the request, without {@code plan} and {@code waiting_for}
   * @param build the index in {@link #builds()} of the build it runs on, or {@link #NONE} for
   *     a standalone test
   * @param sanityTest the index in {@link #sanityTests()} of the sanity test it waits for, or
   *     {@link #NONE}; always {@code NONE} for a sanity test
   */
  public record PlannedTest(String job, TuxTestRequest request, int build, int sanityTest) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when the request is null
     * @throws IllegalArgumentException when an index is below {@link #NONE}
     */
    public PlannedTest {
      Objects.requireNonNull(request, "request");
      if (build < NONE || sanityTest < NONE) {
        throw new IllegalArgumentException("indexes are " + NONE + " (none) or more");
      }
    }

    /**
     * Returns the build the test runs on.
     *
     * @return its index in {@link ExpandedPlan#builds()}, or empty for a standalone test
     */
    public OptionalInt waitsForBuild() {
      return build == NONE ? OptionalInt.empty() : OptionalInt.of(build);
    }

    /**
     * Returns the sanity test this test waits for.
     *
     * @return its index in {@link ExpandedPlan#sanityTests()}, or empty
     */
    public OptionalInt waitsForSanityTest() {
      return sanityTest == NONE ? OptionalInt.empty() : OptionalInt.of(sanityTest);
    }
  }
}
