package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.api.tuxsuite.TuxBuild;
import dev.buildbridge.api.tuxsuite.TuxBuildRequest;
import dev.buildbridge.api.tuxsuite.TuxKind;
import dev.buildbridge.api.tuxsuite.TuxRun;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.api.tuxsuite.TuxTest;
import dev.buildbridge.api.tuxsuite.TuxTestRequest;
import dev.buildbridge.core.BuildBridgeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Submits an {@link ExpandedPlan} through sdk-api's {@link TuxSuiteClient} in the order and with
 * the bodies of the {@code tuxsuite} Python client:
 * <ol>
 *   <li>{@code POST .../plans} with the plan's body ({@code name}, {@code description},
 *       {@code plan_callback}, {@code plan_callback_headers}, {@code count} ...) for its uid;
 *   <li>{@code POST .../builds} with {@code plan} set on every build, in batches of at most
 *       {@value TuxSuiteClient#MAX_BATCH};
 *   <li>{@code POST .../tests} with the sanity tests, each with {@code plan} and
 *       {@code waiting_for: BUILD#<uid of its build>};
 *   <li>{@code POST .../tests} with the other tests, each with {@code plan} and
 *       {@code waiting_for: TEST#<uid of its sanity test>}, else {@code BUILD#<uid>}, else
 *       (standalone) none.
 * </ol>
 * A step with nothing to submit is skipped. Submissions are never repeated (a second attempt
 * would start a second run); a failure is a {@link TuxPlanException} holding what went
 * through. Immutable and thread-safe. Needs sdk-api at run time.
 *
 * <pre>{@code
 * TuxSuiteClient tux = TuxSuiteClient.newBuilder().token(System.getenv("TUXSUITE_TOKEN"))
 *     .group("demo").project("riscv").build();
 * SubmittedPlan submitted = TuxPlanSubmitter.of(tux).submit(expanded);
 * FinishedPlan done = submitted.awaitAll(Duration.ofHours(3), Duration.ofSeconds(30));
 * }</pre>
 */
public final class TuxPlanSubmitter {
  private final TuxSuiteClient client;
  private final int batchSize;
  private final Clock clock;

  private TuxPlanSubmitter(Builder b) {
    this.client = b.client;
    this.batchSize = b.batchSize;
    this.clock = b.clock;
  }

  /**
   * Returns a submitter with the defaults of {@link #newBuilder(TuxSuiteClient)}.
   *
   * @param client the client of the project to submit to
   * @return the submitter
   * @throws NullPointerException when the client is null
   */
  public static TuxPlanSubmitter of(TuxSuiteClient client) {
    return newBuilder(client).build();
  }

  /**
   * Starts a builder. Defaults: batches of {@value TuxSuiteClient#MAX_BATCH}, the system UTC
   * clock.
   *
   * @param client the client of the project to submit to
   * @return a new builder
   * @throws NullPointerException when the client is null
   */
  public static Builder newBuilder(TuxSuiteClient client) {
    return new Builder(client);
  }

  /**
   * Returns a builder holding this submitter's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(client).batchSize(batchSize).clock(clock);
  }

  /**
   * Submits a plan.
   *
   * @param plan the expanded plan
   * @return the plan's uid and every run's
   * @throws NullPointerException when the plan is null
   * @throws TuxPlanException when a step fails (the cause is sdk-api's {@code ApiException}) or
   *     TuxSuite answers with other than one status with a uid per request; it holds what went
   *     through
   */
  public SubmittedPlan submit(ExpandedPlan plan) {
    Objects.requireNonNull(plan, "plan");
    String uid;
    try {
      uid = client.createPlan(plan.plan()).uid();
    } catch (BuildBridgeException e) {
      throw new TuxPlanException(TuxPlanException.Reason.PLAN_NOT_CREATED,
          "cannot create the plan: " + e.getMessage(), null, e);
    }
    Progress progress = new Progress(uid);

    List<TuxBuildRequest> buildRequests = new ArrayList<>(plan.builds().size());
    for (ExpandedPlan.PlannedBuild b : plan.builds()) {
      buildRequests.add(b.request().toBuilder().plan(uid).build());
    }
    for (int from = 0; from < buildRequests.size(); from += batchSize) {
      List<TuxBuildRequest> batch =
          buildRequests.subList(from, Math.min(from + batchSize, buildRequests.size()));
      List<TuxBuild> statuses;
      try {
        statuses = client.submitBuilds(batch);
      } catch (BuildBridgeException e) {
        throw progress.failed(TuxPlanException.Reason.BUILDS_NOT_SUBMITTED, "builds " + from
            + " to " + (from + batch.size() - 1), e);
      }
      List<TuxBuild> matched = matchBuilds(batch, statuses, progress, from);
      for (int i = 0; i < matched.size(); i++) {
        progress.builds.add(new SubmittedPlan.Run(TuxKind.BUILD, matched.get(i).uid(),
            plan.builds().get(from + i).job(), matched.get(i)));
      }
    }

    List<TuxTestRequest> sanityRequests = new ArrayList<>(plan.sanityTests().size());
    for (ExpandedPlan.PlannedTest t : plan.sanityTests()) {
      sanityRequests.add(waiting(t, uid, progress));
    }
    submitTests(plan.sanityTests(), sanityRequests, progress, progress.sanityTests,
        TuxPlanException.Reason.SANITY_TESTS_NOT_SUBMITTED, "sanity tests");

    List<TuxTestRequest> testRequests = new ArrayList<>(plan.tests().size());
    for (ExpandedPlan.PlannedTest t : plan.tests()) {
      testRequests.add(waiting(t, uid, progress));
    }
    submitTests(plan.tests(), testRequests, progress, progress.tests,
        TuxPlanException.Reason.TESTS_NOT_SUBMITTED, "tests");
    return progress.submitted();
  }

  /** The request with the plan's uid and what it waits for. */
  private static TuxTestRequest waiting(ExpandedPlan.PlannedTest test, String planUid,
      Progress progress) {
    TuxTestRequest.Builder b = test.request().toBuilder().plan(planUid);
    if (test.sanityTest() != ExpandedPlan.NONE) {
      b.waitingFor(TuxKind.TEST, progress.sanityTests.get(test.sanityTest()).uid());
    } else if (test.build() != ExpandedPlan.NONE) {
      b.waitingFor(TuxKind.BUILD, progress.builds.get(test.build()).uid());
    } else {
      b.waitingFor((String) null);
    }
    return b.build();
  }

  private void submitTests(List<ExpandedPlan.PlannedTest> planned,
      List<TuxTestRequest> requests, Progress progress, List<SubmittedPlan.Run> into,
      TuxPlanException.Reason reason, String what) {
    for (int from = 0; from < requests.size(); from += batchSize) {
      List<TuxTestRequest> batch =
          requests.subList(from, Math.min(from + batchSize, requests.size()));
      List<TuxTest> statuses;
      try {
        statuses = client.submitTests(batch);
      } catch (BuildBridgeException e) {
        throw progress.failed(reason, what + " " + from + " to " + (from + batch.size() - 1), e);
      }
      if (statuses == null || statuses.size() != batch.size()) {
        throw progress.unexpected(what + " " + from + " to " + (from + batch.size() - 1),
            batch.size(), statuses == null ? 0 : statuses.size());
      }
      for (int i = 0; i < statuses.size(); i++) {
        TuxTest status = statuses.get(i);
        requireUid(status, progress, what);
        into.add(new SubmittedPlan.Run(TuxKind.TEST, status.uid(), planned.get(from + i).job(),
            status));
      }
    }
  }

  /** Pairs statuses with requests by {@code client_token} when echoed back, else by order. */
  private static List<TuxBuild> matchBuilds(List<TuxBuildRequest> batch, List<TuxBuild> statuses,
      Progress progress, int from) {
    String what = "builds " + from + " to " + (from + batch.size() - 1);
    if (statuses == null || statuses.size() != batch.size()) {
      throw progress.unexpected(what, batch.size(), statuses == null ? 0 : statuses.size());
    }
    Map<String, TuxBuild> byToken = new HashMap<>();
    for (TuxBuild status : statuses) {
      requireUid(status, progress, what);
      if (status.clientToken() != null) {
        byToken.put(status.clientToken(), status);
      }
    }
    List<TuxBuild> matched = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      TuxBuild byItsToken = byToken.get(batch.get(i).clientToken());
      matched.add(byToken.size() == batch.size() && byItsToken != null ? byItsToken
          : statuses.get(i));
    }
    return matched;
  }

  private static void requireUid(TuxRun status, Progress progress, String what) {
    if (status == null || status.uid() == null || status.uid().isBlank()) {
      throw new TuxPlanException(TuxPlanException.Reason.UNEXPECTED_RESPONSE, "TuxSuite"
          + " answered the " + what + " of plan " + progress.planUid + " with a status without"
          + " a uid", progress.submitted(), null);
    }
  }

  /** What went through so far. */
  private final class Progress {
    final String planUid;
    final List<SubmittedPlan.Run> builds = new ArrayList<>();
    final List<SubmittedPlan.Run> sanityTests = new ArrayList<>();
    final List<SubmittedPlan.Run> tests = new ArrayList<>();

    Progress(String planUid) {
      this.planUid = planUid;
    }

    SubmittedPlan submitted() {
      return new SubmittedPlan(client, clock, planUid, builds, sanityTests, tests);
    }

    TuxPlanException failed(TuxPlanException.Reason reason, String what,
        BuildBridgeException cause) {
      return new TuxPlanException(reason, "cannot submit the " + what + " of plan " + planUid
          + " (" + builds.size() + " builds, " + sanityTests.size() + " sanity tests and "
          + tests.size() + " tests went through): " + cause.getMessage(), submitted(), cause);
    }

    TuxPlanException unexpected(String what, int sent, int answered) {
      return new TuxPlanException(TuxPlanException.Reason.UNEXPECTED_RESPONSE, "TuxSuite"
          + " answered the " + what + " of plan " + planUid + " with " + answered
          + " statuses for " + sent + " requests", submitted(), null);
    }
  }

  /** Builds a {@link TuxPlanSubmitter}; not thread-safe. */
  public static final class Builder {
    private final TuxSuiteClient client;
    private int batchSize = TuxSuiteClient.MAX_BATCH;
    private Clock clock = Clock.systemUTC();

    private Builder(TuxSuiteClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets how many builds or tests go in one submission. Default:
     * {@value TuxSuiteClient#MAX_BATCH}, as many as the TuxSuite client sends.
     *
     * @param batchSize 1 to {@value TuxSuiteClient#MAX_BATCH}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > TuxSuiteClient.MAX_BATCH) {
        throw new IllegalArgumentException("batchSize must be 1 to " + TuxSuiteClient.MAX_BATCH
            + ": " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets the clock {@link SubmittedPlan#awaitAll} measures its overall timeout with; give the
     * client's (its polls are timed by the client's own). Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException when the clock is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the submitter.
     *
     * @return the submitter
     */
    public TuxPlanSubmitter build() {
      return new TuxPlanSubmitter(this);
    }
  }
}
