package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.api.tuxsuite.TuxResult;
import dev.buildbridge.api.tuxsuite.TuxRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every run of a submitted plan once it has finished, as {@link SubmittedPlan#awaitAll} returns
 * them, with a summary. Immutable. Needs sdk-api at run time.
 *
 * <pre>{@code
 * FinishedPlan done = submitted.awaitAll(Duration.ofHours(3), Duration.ofSeconds(30));
 * if (!done.passed()) {
 *     done.notPassed().forEach(run -> System.err.println(run.kind() + " " + run.uid() + ": "
 *         + run.result().wireName() + " " + run.downloadUrl()));
 * }
 * }</pre>
 *
 * @param planUid the plan's uid
 * @param builds the finished builds, in submission order
 * @param sanityTests the finished sanity tests, in submission order
 * @param tests the finished tests, in submission order
 */
public record FinishedPlan(String planUid, List<TuxRun> builds, List<TuxRun> sanityTests,
    List<TuxRun> tests) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when a component or element is null
   */
  public FinishedPlan {
    Objects.requireNonNull(planUid, "planUid");
    builds = List.copyOf(builds);
    sanityTests = List.copyOf(sanityTests);
    tests = List.copyOf(tests);
  }

  /**
   * Returns every run: builds, sanity tests, tests.
   *
   * @return the runs in submission order
   */
  public List<TuxRun> all() {
    List<TuxRun> all = new ArrayList<>(builds.size() + sanityTests.size() + tests.size());
    all.addAll(builds);
    all.addAll(sanityTests);
    all.addAll(tests);
    return List.copyOf(all);
  }

  /**
   * Tells whether every run passed.
   *
   * @return true when every result is {@code pass}
   */
  public boolean passed() {
    return notPassed().isEmpty();
  }

  /**
   * Returns the runs whose result is not {@code pass}: failed, errored, canceled (tests after a
   * failed build or sanity test, say) or unknown.
   *
   * @return the runs in submission order
   */
  public List<TuxRun> notPassed() {
    List<TuxRun> out = new ArrayList<>();
    for (TuxRun run : all()) {
      if (run.result() != TuxResult.PASS) {
        out.add(run);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Counts the runs by result.
   *
   * @return every result with its count (zero included), in the enum's order; unmodifiable
   */
  public Map<TuxResult, Integer> counts() {
    Map<TuxResult, Integer> counts = new EnumMap<>(TuxResult.class);
    for (TuxResult r : TuxResult.values()) {
      counts.put(r, 0);
    }
    for (TuxRun run : all()) {
      counts.merge(run.result(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }
}
