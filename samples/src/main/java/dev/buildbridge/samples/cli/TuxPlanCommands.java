package dev.buildbridge.samples.cli;

import dev.buildbridge.api.tuxsuite.TuxRun;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.tuxsuite.ExpandedPlan;
import dev.buildbridge.workflow.tuxsuite.FinishedPlan;
import dev.buildbridge.workflow.tuxsuite.SubmittedPlan;
import dev.buildbridge.workflow.tuxsuite.TuxPlanException;
import dev.buildbridge.workflow.tuxsuite.TuxPlanExpansion;
import dev.buildbridge.workflow.tuxsuite.TuxPlanFile;
import dev.buildbridge.workflow.tuxsuite.TuxPlanParser;
import dev.buildbridge.workflow.tuxsuite.TuxPlanSubmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code buildbridge tux plan expand} and {@code tux plan submit}: a TuxSuite plan file
 * ({@code plan.yaml}) read and expanded by sdk-workflow into the build and test requests the
 * {@code tuxsuite plan} command would submit, printed or submitted through sdk-api.
 */
final class TuxPlanCommands {
  static final Option FILE = Option.value("file", "FILE", "the plan file (plan.yaml)");
  static final Option GIT_REPO = Option.value("git-repo", "URL",
      "the kernel tree every build builds (git://, http:// or https://)");
  static final Option GIT_REF = Option.value("git-ref", "REF", "the branch or tag to build");
  static final Option GIT_SHA = Option.value("git-sha", "SHA", "the commit to build");
  static final Option JOB_NAME = new Option("job-name", null, "NAME", true,
      "only the jobs with this name (repeat for more)");
  static final Option CALLBACK = Option.value("callback", "URL",
      "callback of every build and test without one of its own");
  static final Option PLAN_CALLBACK = Option.value("plan-callback", "URL",
      "callback of the plan as a whole");

  private TuxPlanCommands() {}

  static List<Command> all() {
    return List.of(new Expand(), new Submit());
  }

  private static List<Option> planOptions() {
    return List.of(FILE, GIT_REPO, GIT_REF, GIT_SHA, JOB_NAME, CALLBACK, PLAN_CALLBACK);
  }

  /** Reads and expands the plan, or prints its problems and returns null (exit 2). */
  private static ExpandedPlan expand(String command, ParsedArgs args, Console console)
      throws UsageException {
    String file = required(command, args, FILE);
    String repo = required(command, args, GIT_REPO);
    if (args.has(GIT_REF.name()) == args.has(GIT_SHA.name())) {
      throw new UsageException(command, "give --git-ref REF or --git-sha SHA (one of them)");
    }
    TuxPlanExpansion expansion;
    try {
      expansion = TuxPlanExpansion.newBuilder()
          .gitRepo(repo)
          .gitRef(args.get(GIT_REF.name()))
          .gitSha(args.get(GIT_SHA.name()))
          .jobNames(args.all(JOB_NAME.name()))
          .callback(args.get(CALLBACK.name()))
          .planCallback(args.get(PLAN_CALLBACK.name()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(command, e.getMessage(), e);
    }
    try {
      TuxPlanFile plan = TuxPlanParser.ofDefaults().parse(file,
          console.readFile(command, file));
      return expansion.expand(plan);
    } catch (WorkflowException e) {
      printProblems(command, console, e);
      return null;
    }
  }

  private static String required(String command, ParsedArgs args, Option option)
      throws UsageException {
    String value = args.get(option.name());
    if (value == null || value.isBlank()) {
      throw new UsageException(command, "--" + option.name() + " " + option.valueName()
          + " is required");
    }
    return value;
  }

  /** One {@code FILE:LINE:COL: message} line per problem, or one {@code buildbridge:} line. */
  static void printProblems(String command, Console console, WorkflowException e) {
    if (e.problems().isEmpty()) {
      console.err().println("buildbridge: " + command + ": " + e.getMessage());
      return;
    }
    for (WorkflowProblem problem : e.problems()) {
      console.err().println(problem);
    }
  }

  /** The expansion as JSON: the plan body, then builds, sanity tests and tests in order. */
  static Map<String, Object> json(ExpandedPlan plan) {
    List<Object> builds = new ArrayList<>();
    for (ExpandedPlan.PlannedBuild b : plan.builds()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("job", b.job());
      entry.put("request", b.request());
      builds.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", plan.plan());
    out.put("builds", builds);
    out.put("sanity_tests", tests(plan.sanityTests()));
    out.put("tests", tests(plan.tests()));
    return out;
  }

  private static List<Object> tests(List<ExpandedPlan.PlannedTest> tests) {
    List<Object> out = new ArrayList<>();
    for (ExpandedPlan.PlannedTest t : tests) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("job", t.job());
      entry.put("waits_for", t.sanityTest() != ExpandedPlan.NONE
          ? "sanity_tests[" + t.sanityTest() + "]"
          : t.build() != ExpandedPlan.NONE ? "builds[" + t.build() + "]" : null);
      entry.put("request", t.request());
      out.add(entry);
    }
    return out;
  }

  /** {@code tux plan expand}. */
  private static final class Expand implements Command {
    @Override
    public String name() {
      return "tux plan expand";
    }

    @Override
    public String summary() {
      return "print the TuxSuite build and test requests a plan.yaml stands for";
    }

    @Override
    public List<Option> options() {
      return planOptions();
    }

    @Override
    public String details() {
      return "Prints {\"plan\",\"builds\",\"sanity_tests\",\"tests\"}: the body that opens the\n"
          + "plan, then the requests in submission order; each test names what it waits for\n"
          + "(\"sanity_tests[i]\" or \"builds[i]\"), which becomes waiting_for once submitted.\n"
          + "Sharded tests appear once per shard (SHARD_NUMBER, SHARD_INDEX from 1). An invalid\n"
          + "plan exits 2 with one FILE:LINE:COL: message line per problem.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      ExpandedPlan plan = expand(name(), args, console);
      if (plan == null) {
        return Main.USAGE;
      }
      console.printJson(json(plan));
      return Main.OK;
    }
  }

  /** {@code tux plan submit}. */
  private static final class Submit implements Command {
    private static final Option URL = Option.value("url", "URL",
        "the TuxSuite API (default " + TuxSuiteClient.DEFAULT_BASE_URL + ")");
    private static final Option TOKEN_ENV = Option.value("token-env", "VAR",
        "read the TuxSuite token from environment variable VAR (required)");
    private static final Option GROUP = Option.value("group", "G", "the TuxSuite group");
    private static final Option PROJECT = Option.value("project", "P", "the TuxSuite project");
    private static final Option WAIT = Option.value("wait-minutes", "N",
        "then wait up to N minutes for every run to finish (exit 1 unless all pass)");

    @Override
    public String name() {
      return "tux plan submit";
    }

    @Override
    public String summary() {
      return "submit a plan.yaml to TuxSuite as the tuxsuite client does";
    }

    @Override
    public List<Option> options() {
      List<Option> all = new ArrayList<>(planOptions());
      all.addAll(List.of(URL, TOKEN_ENV, GROUP, PROJECT, WAIT));
      return all;
    }

    @Override
    public String details() {
      return "Creates the plan, posts its builds, then its sanity tests (waiting for their\n"
          + "build), then the other tests (waiting for their sanity test or build), and prints\n"
          + "{\"plan\",\"builds\",\"sanity_tests\",\"tests\"} with every uid. When TuxSuite\n"
          + "refuses a step, what went through is printed, the reason goes to stderr and the\n"
          + "exit is 1 (cancel it with the plan uid). With --wait-minutes, \"finished\" holds\n"
          + "each run's result and the exit is 1 unless all passed.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String token = Secrets.fromEnvironment(name(), required(name(), args, TOKEN_ENV));
      String group = required(name(), args, GROUP);
      String project = required(name(), args, PROJECT);
      Duration wait = null;
      if (args.has(WAIT.name())) {
        wait = Duration.ofMinutes(minutes(args.get(WAIT.name())));
      }
      TuxSuiteClient client;
      try {
        TuxSuiteClient.Builder builder = TuxSuiteClient.newBuilder().token(token)
            .group(group).project(project).userAgent("buildbridge-cli");
        if (args.has(URL.name())) {
          builder.baseUrl(args.get(URL.name()));
        }
        client = builder.build();
      } catch (IllegalArgumentException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
      ExpandedPlan plan = expand(name(), args, console);
      if (plan == null) {
        return Main.USAGE;
      }
      SubmittedPlan submitted;
      try {
        submitted = TuxPlanSubmitter.of(client).submit(plan);
      } catch (TuxPlanException e) {
        e.submitted().ifPresent(partial -> console.printJson(json(partial, null)));
        console.err().println("buildbridge: " + name() + ": " + e.getMessage());
        return Main.REJECTED;
      }
      if (wait == null) {
        console.printJson(json(submitted, null));
        return Main.OK;
      }
      FinishedPlan finished;
      try {
        finished = submitted.awaitAll(wait, Duration.ofSeconds(30));
      } catch (BuildBridgeException e) {   // TuxWaitException, or a poll's ApiException
        console.printJson(json(submitted, null));
        console.err().println("buildbridge: " + name() + ": " + e.getMessage());
        return Main.REJECTED;
      }
      console.printJson(json(submitted, finished));
      return finished.passed() ? Main.OK : Main.REJECTED;
    }

    private long minutes(String value) throws UsageException {
      try {
        long n = Long.parseLong(value);
        if (n >= 0 && n <= 7 * 24 * 60) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(name(), "--wait-minutes must be 0 to 10080, not " + value);
    }
  }

  /** The submitted plan (and its outcome) as JSON. */
  static Map<String, Object> json(SubmittedPlan submitted, FinishedPlan finished) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", submitted.planUid());
    out.put("builds", runs(submitted.builds()));
    out.put("sanity_tests", runs(submitted.sanityTests()));
    out.put("tests", runs(submitted.tests()));
    if (finished != null) {
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("passed", finished.passed());
      Map<String, Integer> counts = new LinkedHashMap<>();
      finished.counts().forEach((result, n) -> counts.put(result.wireName(), n));
      outcome.put("counts", counts);
      List<Object> notPassed = new ArrayList<>();
      for (TuxRun run : finished.notPassed()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", run.kind().name());
        r.put("uid", run.uid());
        r.put("result", run.result().wireName());
        r.put("download_url", run.downloadUrl());
        notPassed.add(r);
      }
      outcome.put("not_passed", notPassed);
      out.put("finished", outcome);
    }
    return out;
  }

  private static List<Object> runs(List<SubmittedPlan.Run> runs) {
    List<Object> out = new ArrayList<>();
    for (SubmittedPlan.Run run : runs) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("job", run.job());
      r.put("uid", run.uid());
      out.add(r);
    }
    return out;
  }
}
