package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.tuxsuite.TuxKind;
import dev.buildbridge.api.tuxsuite.TuxRun;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.api.tuxsuite.TuxWaitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plan TuxSuite accepted: its uid and the uid of every build and test, in submission order,
 * with the client it was submitted through, to wait for every run to finish or to cancel the
 * plan. Immutable and thread-safe. Needs sdk-api at run time.
 *
 * <pre>{@code
 * SubmittedPlan submitted = TuxPlanSubmitter.of(tux).submit(expanded);
 * System.out.println("plan " + submitted.planUid() + ": " + submitted.runs().size() + " runs");
 * FinishedPlan done = submitted.awaitAll(Duration.ofHours(3), Duration.ofSeconds(30));
 * System.out.println(done.passed() ? "all passed" : done.notPassed().size() + " did not pass");
 * }</pre>
 */
public final class SubmittedPlan {
  private final TuxSuiteClient client;
  private final Clock clock;
  private final String planUid;
  private final List<Run> builds;
  private final List<Run> sanityTests;
  private final List<Run> tests;

  SubmittedPlan(TuxSuiteClient client, Clock clock, String planUid, List<Run> builds,
      List<Run> sanityTests, List<Run> tests) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.planUid = Objects.requireNonNull(planUid, "planUid");
    this.builds = List.copyOf(builds);
    this.sanityTests = List.copyOf(sanityTests);
    this.tests = List.copyOf(tests);
  }

  /**
   * One build or test as TuxSuite accepted it.
   *
   * @param kind {@code BUILD} or {@code TEST}
   * @param uid its uid
   * @param job the name of the plan file's job it comes from, or null for an unnamed job
   * @param accepted the status TuxSuite answered the submission with
   */
  public record Run(TuxKind kind, String uid, String job, TuxRun accepted) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when the kind, uid or status is null
     */
    public Run {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(accepted, "accepted");
    }
  }

  /**
   * Returns the plan's uid.
   *
   * @return the uid {@code POST .../plans} answered with
   */
  public String planUid() {
    return planUid;
  }

  /**
   * Returns the builds.
   *
   * @return the builds, in submission order
   */
  public List<Run> builds() {
    return builds;
  }

  /**
   * Returns the sanity tests.
   *
   * @return the sanity tests, in submission order
   */
  public List<Run> sanityTests() {
    return sanityTests;
  }

  /**
   * Returns the tests but the sanity tests.
   *
   * @return the tests, in submission order
   */
  public List<Run> tests() {
    return tests;
  }

  /**
   * Returns every run: builds, sanity tests, tests.
   *
   * @return the runs in submission order
   */
  public List<Run> runs() {
    List<Run> all = new ArrayList<>(builds.size() + sanityTests.size() + tests.size());
    all.addAll(builds);
    all.addAll(sanityTests);
    all.addAll(tests);
    return List.copyOf(all);
  }

  /**
   * Waits until every run has finished: builds, then sanity tests, then tests, each with
   * {@link TuxSuiteClient#waitForFinished} and what is left of {@code timeout} (so a run that
   * finished while an earlier one was awaited costs one {@code GET}). A test after a failed
   * build or sanity test finishes too (TuxSuite cancels it).
   *
   * @param timeout how long to wait in all, zero (poll each run once) to 365 days
   * @param interval the time between polls of one run, more than zero
   * @return every run, finished
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when a duration is out of range
   * @throws TuxWaitException {@code TIMED_OUT} for the first run still not finished when the
   *     time is up, {@code INTERRUPTED} when the thread was interrupted
   * @throws ApiException when a poll fails after its retries
   */
  public FinishedPlan awaitAll(Duration timeout, Duration interval) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("timeout must be 0 to 365 days, was " + timeout);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be more than zero, was " + interval);
    }
    Instant deadline = clock.instant().plus(timeout);
    return new FinishedPlan(planUid, await(builds, deadline, interval),
        await(sanityTests, deadline, interval), await(tests, deadline, interval));
  }

  private List<TuxRun> await(List<Run> runs, Instant deadline, Duration interval) {
    List<TuxRun> finished = new ArrayList<>(runs.size());
    for (Run run : runs) {
      Duration left = Duration.between(clock.instant(), deadline);
      finished.add(client.waitForFinished(run.kind(), run.uid(),
          left.isNegative() ? Duration.ZERO : left, interval));
    }
    return finished;
  }

  /**
   * Cancels the plan's runs that have not finished: {@code POST .../plans/{uid}/cancel}.
   *
   * @throws ApiException when TuxSuite refuses or cannot be reached, after the retries
   */
  public void cancel() {
    client.cancelPlan(planUid);
  }

  /**
   * Shows the plan's uid and how many runs it has.
   *
   * @return for example {@code SubmittedPlan[2ZIS..., 3 builds, 1 sanity tests, 6 tests]}
   */
  @Override
  public String toString() {
    return "SubmittedPlan[" + planUid + ", " + builds.size() + " builds, " + sanityTests.size()
        + " sanity tests, " + tests.size() + " tests]";
  }
}
