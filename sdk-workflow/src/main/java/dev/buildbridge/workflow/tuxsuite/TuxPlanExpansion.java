package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.api.tuxsuite.TuxBuildRequest;
import dev.buildbridge.api.tuxsuite.TuxPlanRequest;
import dev.buildbridge.api.tuxsuite.TuxTestRequest;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.internal.Texts;
import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a {@link TuxPlanFile} into the typed TuxSuite requests of one submission, as the
 * {@code tuxsuite plan} command does: the git repository and reference come from the caller
 * (unless a build names its own), jobs may be selected by name, and each test is repeated for
 * each build of its job and for each shard. Immutable and thread-safe. Needs sdk-api at run time
 * (it makes sdk-api's {@code TuxBuildRequest} and {@code TuxTestRequest}).
 *
 * <pre>{@code
 * TuxPlanExpansion expansion = TuxPlanExpansion.newBuilder()
 *     .gitRepo("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
 *     .gitRef("master")
 *     .jobName("arm64")
 *     .callback("https://ci.example.org/tuxsuite/callback")
 *     .planCallback("https://ci.example.org/tuxsuite/plan-callback")
 *     .build();
 * ExpandedPlan expanded = expansion.expand(plan);
 * }</pre>
 *
 * <p>For each selected job, in file order: each build becomes a {@code TuxBuildRequest}; for
 * each of those builds (once for a job without builds) the sanity test becomes one
 * {@code TuxTestRequest} waiting for the build, and each test becomes one request per shard
 * waiting for the sanity test when there is one, else for the build. A sharded test's shards
 * carry the parameters {@code SHARD_NUMBER} (the count) and {@code SHARD_INDEX} (1 to the
 * count), as strings, over the test's own. A build's or test's own {@code callback} and headers
 * win over {@link Builder#callback(String)} and {@link Builder#callbackHeader(String, String)};
 * the plan file's {@code name} and {@code description} are used unless the builder sets them.
 * The plan's {@code count} is the number of builds and tests.
 */
public final class TuxPlanExpansion {
  /** Default most builds and tests one expansion may make: {@value}. */
  public static final int DEFAULT_MAX_RUNS = 10_000;

  private static final Comparator<WorkflowProblem> FILE_ORDER =
      Comparator.comparingInt((WorkflowProblem p) -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  private final String gitRepo;
  private final String gitRef;
  private final String gitSha;
  private final List<String> jobNames;
  private final String callback;
  private final Map<String, String> callbackHeaders;
  private final String planCallback;
  private final Map<String, String> planCallbackHeaders;
  private final String name;
  private final String description;
  private final int maxRuns;

  private TuxPlanExpansion(Builder b) {
    this.gitRepo = b.gitRepo;
    this.gitRef = b.gitRef;
    this.gitSha = b.gitSha;
    this.jobNames = List.copyOf(b.jobNames);
    this.callback = b.callback;
    this.callbackHeaders = copy(b.callbackHeaders);
    this.planCallback = b.planCallback;
    this.planCallbackHeaders = copy(b.planCallbackHeaders);
    this.name = b.name;
    this.description = b.description;
    this.maxRuns = b.maxRuns;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Starts a builder: no git repository or reference (each build must then name its own), every
   * job, no callbacks, the plan file's name and description, at most
   * {@value #DEFAULT_MAX_RUNS} runs.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this expansion's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gitRepo = gitRepo;
    b.gitRef = gitRef;
    b.gitSha = gitSha;
    b.jobNames.addAll(jobNames);
    b.callback = callback;
    b.callbackHeaders.putAll(callbackHeaders);
    b.planCallback = planCallback;
    b.planCallbackHeaders.putAll(planCallbackHeaders);
    b.name = name;
    b.description = description;
    b.maxRuns = maxRuns;
    return b;
  }

  /**
   * Returns the names of the selected jobs.
   *
   * @return the names, in the order given; empty for every job
   */
  public List<String> jobNames() {
    return jobNames;
  }

  /**
   * Expands a plan.
   *
   * @param plan the plan file
   * @return the requests to submit, in submission order
   * @throws WorkflowException {@link WorkflowException.Reason#UNKNOWN_JOB} when a selected name
   *     is no job's (the message lists the plan's job names);
   *     {@link WorkflowException.Reason#TOO_LARGE} when the plan expands to more runs than the
   *     limit; {@link WorkflowException.Reason#INVALID} with a problem at each build or test
   *     that cannot become a request (no git repository or reference, or a value TuxSuite's
   *     client refuses)
   */
  public ExpandedPlan expand(TuxPlanFile plan) {
    Objects.requireNonNull(plan, "plan");
    List<TuxPlanJob> jobs = select(plan);
    long runs = 0;
    for (TuxPlanJob job : jobs) {
      runs += job.runs();
    }
    if (runs > maxRuns) {
      throw new WorkflowException(WorkflowException.Reason.TOO_LARGE, plan.file()
          + " expands to " + runs + " builds and tests, more than the limit of " + maxRuns,
          null);
    }
    List<WorkflowProblem> problems = new ArrayList<>();
    List<ExpandedPlan.PlannedBuild> builds = new ArrayList<>();
    List<ExpandedPlan.PlannedTest> sanityTests = new ArrayList<>();
    List<ExpandedPlan.PlannedTest> tests = new ArrayList<>();
    for (TuxPlanJob job : jobs) {
      List<TuxTestRequest> jobTests = new ArrayList<>();
      for (TuxPlanTest test : job.tests()) {
        jobTests.addAll(testRequests(test, problems));
      }
      List<TuxTestRequest> sanity = job.sanityTest() == null ? List.of()
          : testRequests(job.sanityTest(), problems);
      List<Integer> buildIndexes = new ArrayList<>();
      for (TuxPlanBuild build : job.builds()) {
        TuxBuildRequest request = buildRequest(build, problems);
        if (request != null) {
          buildIndexes.add(builds.size());
          builds.add(new ExpandedPlan.PlannedBuild(job.name(), request));
        }
      }
      if (job.builds().isEmpty()) {
        buildIndexes.add(ExpandedPlan.NONE);
      }
      for (int buildIndex : buildIndexes) {
        int sanityIndex = ExpandedPlan.NONE;
        for (TuxTestRequest s : sanity) {
          sanityIndex = sanityTests.size();
          sanityTests.add(new ExpandedPlan.PlannedTest(job.name(), s, buildIndex,
              ExpandedPlan.NONE));
        }
        for (TuxTestRequest t : jobTests) {
          tests.add(new ExpandedPlan.PlannedTest(job.name(), t, buildIndex, sanityIndex));
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(FILE_ORDER);
      throw WorkflowException.invalid(new ArrayList<>(new LinkedHashSet<>(problems)));
    }
    TuxPlanRequest.Builder request = TuxPlanRequest.newBuilder()
        .name(name != null ? name : plan.name())
        .description(description != null ? description : plan.description())
        .planCallback(planCallback)
        .count(builds.size() + sanityTests.size() + tests.size());
    planCallbackHeaders.forEach(request::planCallbackHeader);
    return new ExpandedPlan(request.build(), builds, sanityTests, tests);
  }

  private List<TuxPlanJob> select(TuxPlanFile plan) {
    if (jobNames.isEmpty()) {
      return plan.jobs();
    }
    List<TuxPlanJob> selected = new ArrayList<>();
    for (TuxPlanJob job : plan.jobs()) {
      if (job.name() != null && jobNames.contains(job.name())) {
        selected.add(job);
      }
    }
    List<String> missing = new ArrayList<>(jobNames);
    missing.removeAll(plan.jobNames());
    if (!missing.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      missing.forEach(m -> quoted.add(Texts.quote(m)));
      List<String> names = plan.jobNames();
      throw new WorkflowException(WorkflowException.Reason.UNKNOWN_JOB, "no job named "
          + String.join(", ", quoted) + " in " + plan.file() + "; "
          + (names.isEmpty() ? "its jobs have no names" : "named jobs: " + Texts.list(names)),
          null);
    }
    return selected;
  }

  @SuppressWarnings("unchecked")
  private TuxBuildRequest buildRequest(TuxPlanBuild build, List<WorkflowProblem> problems) {
    Map<String, Object> f = build.fields();
    String repo = f.containsKey("git_repo") ? (String) f.get("git_repo") : gitRepo;
    String ref = (String) f.get("git_ref");
    String sha = (String) f.get("git_sha");
    if (ref == null && sha == null) {
      ref = gitRef;
      sha = gitSha;
    }
    if (repo == null) {
      problem(problems, build.location(), "a build needs git_repo: give it in the plan or to"
          + " the expansion (tux plan --git-repo)");
      return null;
    }
    if (ref == null && sha == null) {
      problem(problems, build.location(), "a build needs git_ref or git_sha: give one in the"
          + " plan or to the expansion (tux plan --git-ref or --git-sha)");
      return null;
    }
    try {
      TuxBuildRequest.Builder b = TuxBuildRequest.newBuilder()
          .gitRepo(repo)
          .targetArch(build.targetArch())
          .toolchain(build.toolchain())
          .kconfig(build.kconfig());
      if (ref != null) {
        b.gitRef(ref);
      } else {
        b.gitSha(sha);
      }
      ((Map<String, String>) f.getOrDefault("environment", Map.of())).forEach(b::environment);
      b.targets(PlanFields.texts(f, "targets").toArray(new String[0]));
      ((Map<String, String>) f.getOrDefault("make_variables", Map.of()))
          .forEach(b::makeVariable);
      if (f.containsKey("is_public")) {
        b.isPublic((Boolean) f.get("is_public"));
      }
      b.kernelImage((String) f.get("kernel_image"));
      b.buildName((String) f.get("build_name"));
      b.imageSha((String) f.get("image_sha"));
      b.noCache(Boolean.TRUE.equals(f.get("no_cache")));
      b.callback(f.containsKey("callback") ? (String) f.get("callback") : callback);
      ((Map<String, String>) f.getOrDefault("callback_headers", callbackHeaders))
          .forEach(b::callbackHeader);
      PlanFields.texts(f, "notify_emails").forEach(b::notifyEmail);
      return b.build();
    } catch (IllegalArgumentException e) {   // a value sdk-api refuses
      problem(problems, build.location(), "the build cannot be submitted: " + e.getMessage());
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private List<TuxTestRequest> testRequests(TuxPlanTest test, List<WorkflowProblem> problems) {
    Map<String, Object> f = test.fields();
    try {
      TuxTestRequest.Builder b = TuxTestRequest.newBuilder(test.device())
          .kernel((String) f.get("kernel"))
          .apRomfw((String) f.get("ap_romfw"))
          .bios((String) f.get("bios"))
          .dtb((String) f.get("dtb"))
          .fip((String) f.get("fip"))
          .mcpFw((String) f.get("mcp_fw"))
          .mcpRomfw((String) f.get("mcp_romfw"))
          .scpFw((String) f.get("scp_fw"))
          .scpRomfw((String) f.get("scp_romfw"))
          .rootfs((String) f.get("rootfs"))
          .lavaTestPlansProject((String) f.get("lava_test_plans_project"))
          .lab((String) f.get("lab"))
          .modules((String) f.get("modules"))
          .tests(PlanFields.texts(f, "tests"))
          .testName((String) f.get("test_name"))
          .bootArgs((String) f.get("boot_args"))
          .qemuImage((String) f.get("qemu_image"))
          .shared(Boolean.TRUE.equals(f.get("shared")))
          .host((String) f.get("host"))
          .tuxbuild((String) f.get("tuxbuild"))
          .callback(f.containsKey("callback") ? (String) f.get("callback") : callback);
      ((Map<String, String>) f.getOrDefault("parameters", Map.of())).forEach(b::parameter);
      if (f.containsKey("is_public")) {
        b.isPublic((Boolean) f.get("is_public"));
      }
      for (List<String> overlay : (List<List<String>>) f.getOrDefault("overlays", List.of())) {
        b.overlay(overlay.get(0), overlay.get(1));
      }
      ((Map<String, Integer>) f.getOrDefault("timeouts", Map.of())).forEach(b::timeout);
      ((Map<String, String>) f.getOrDefault("callback_header", callbackHeaders))
          .forEach(b::callbackHeader);
      PlanFields.texts(f, "commands").forEach(b::command);
      PlanFields.texts(f, "notify_emails").forEach(b::notifyEmail);
      if (f.containsKey("job_definition")) {
        b.jobDefinitionUrl((String) f.get("job_definition"));
      }
      TuxTestRequest base = b.build();
      if (test.sharding() == 0) {
        return List.of(base);
      }
      List<TuxTestRequest> shards = new ArrayList<>(test.sharding());
      String count = Integer.toString(test.sharding());
      for (int i = 1; i <= test.sharding(); i++) {
        shards.add(base.toBuilder().parameter("SHARD_NUMBER", count)
            .parameter("SHARD_INDEX", Integer.toString(i)).build());
      }
      return shards;
    } catch (IllegalArgumentException e) {   // a value sdk-api refuses
      problem(problems, test.location(), "the test cannot be submitted: " + e.getMessage());
      return List.of();
    }
  }

  private static void problem(List<WorkflowProblem> problems, KdlLocation at, String message) {
    problems.add(new WorkflowProblem(at, message));
  }

  /** Builds a {@link TuxPlanExpansion}; setters check their argument. Not thread-safe. */
  public static final class Builder {
    private String gitRepo;
    private String gitRef;
    private String gitSha;
    private final Set<String> jobNames = new LinkedHashSet<>();
    private String callback;
    private final Map<String, String> callbackHeaders = new LinkedHashMap<>();
    private String planCallback;
    private final Map<String, String> planCallbackHeaders = new LinkedHashMap<>();
    private String name;
    private String description;
    private int maxRuns = DEFAULT_MAX_RUNS;

    private Builder() {}

    /**
     * Sets the repository every build builds, unless it names its own {@code git_repo}.
     * Default: none.
     *
     * @param gitRepo a {@code git://}, {@code http://} or {@code https://} URL, or null
     * @return this builder
     * @throws IllegalArgumentException when not such a URL
     */
    public Builder gitRepo(String gitRepo) {
      if (gitRepo != null && PlanFields.urlProblem(gitRepo, PlanFields.Kind.GIT_URL) != null) {
        throw new IllegalArgumentException("gitRepo "
            + PlanFields.urlProblem(gitRepo, PlanFields.Kind.GIT_URL));
      }
      this.gitRepo = gitRepo;
      return this;
    }

    /**
     * Sets the branch or tag every build builds, unless it names its own; clears
     * {@link #gitSha(String)}. Default: none.
     *
     * @param gitRef such as {@code master} or {@code v6.9}, or null
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder gitRef(String gitRef) {
      this.gitRef = nullOrNonBlank(gitRef, "gitRef");
      if (gitRef != null) {
        this.gitSha = null;
      }
      return this;
    }

    /**
     * Sets the commit every build builds, unless it names its own reference; clears
     * {@link #gitRef(String)}. Default: none.
     *
     * @param gitSha the commit id, or null
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder gitSha(String gitSha) {
      this.gitSha = nullOrNonBlank(gitSha, "gitSha");
      if (gitSha != null) {
        this.gitRef = null;
      }
      return this;
    }

    /**
     * Selects a job by its {@code name} (exactly, case-sensitive); may be called again for more.
     * Jobs without a name are never selected. Default: every job.
     *
     * @param jobName the name
     * @return this builder
     * @throws NullPointerException when the name is null
     * @throws IllegalArgumentException when blank
     */
    public Builder jobName(String jobName) {
      jobNames.add(nonBlank(jobName, "jobName"));
      return this;
    }

    /**
     * Replaces the selected job names. Default: none, every job.
     *
     * @param jobNames the names; empty for every job
     * @return this builder
     * @throws NullPointerException when the collection or a name is null
     * @throws IllegalArgumentException when a name is blank
     */
    public Builder jobNames(Collection<String> jobNames) {
      List<String> checked = new ArrayList<>();
      for (String n : Objects.requireNonNull(jobNames, "jobNames")) {
        checked.add(nonBlank(n, "jobName"));
      }
      this.jobNames.clear();
      this.jobNames.addAll(checked);
      return this;
    }

    /**
     * Sets the URL TuxSuite posts each finished build and test to, for those without their own
     * {@code callback}. Default: none.
     *
     * @param callback an http or https URL, or null
     * @return this builder
     * @throws IllegalArgumentException when not such a URL
     */
    public Builder callback(String callback) {
      this.callback = httpUrl(callback, "callback");
      return this;
    }

    /**
     * Adds a header sent with each build's and test's callback, for those without headers of
     * their own. Default: none.
     *
     * @param name an HTTP header name
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the name is not an HTTP token or the value has a
     *     control character
     */
    public Builder callbackHeader(String name, String value) {
      header(callbackHeaders, name, value, "callbackHeader");
      return this;
    }

    /**
     * Sets the URL TuxSuite posts the finished plan to ({@code plan_callback}). Default: none.
     *
     * @param planCallback an http or https URL, or null
     * @return this builder
     * @throws IllegalArgumentException when not such a URL
     */
    public Builder planCallback(String planCallback) {
      this.planCallback = httpUrl(planCallback, "planCallback");
      return this;
    }

    /**
     * Adds a header sent with the plan callback ({@code plan_callback_headers}). Default: none.
     *
     * @param name an HTTP header name
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the name is not an HTTP token or the value has a
     *     control character
     */
    public Builder planCallbackHeader(String name, String value) {
      header(planCallbackHeaders, name, value, "planCallbackHeader");
      return this;
    }

    /**
     * Names the plan instead of the file's {@code name}. Default: the file's.
     *
     * @param name the name, or null for the file's
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder name(String name) {
      this.name = nullOrNonBlank(name, "name");
      return this;
    }

    /**
     * Describes the plan instead of the file's {@code description}. Default: the file's.
     *
     * @param description the description, or null for the file's
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder description(String description) {
      this.description = nullOrNonBlank(description, "description");
      return this;
    }

    /**
     * Sets the most builds and tests an expansion may make; a plan that makes more fails with
     * {@link WorkflowException.Reason#TOO_LARGE} before any request is made. Default:
     * {@value #DEFAULT_MAX_RUNS}.
     *
     * @param maxRuns the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxRuns(int maxRuns) {
      if (maxRuns < 1) {
        throw new IllegalArgumentException("maxRuns must be at least 1: " + maxRuns);
      }
      this.maxRuns = maxRuns;
      return this;
    }

    /**
     * Builds the expansion.
     *
     * @return the expansion
     */
    public TuxPlanExpansion build() {
      return new TuxPlanExpansion(this);
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " is blank");
      }
      return value;
    }

    private static String nullOrNonBlank(String value, String name) {
      return value == null ? null : nonBlank(value, name);
    }

    private static String httpUrl(String url, String name) {
      if (url != null && PlanFields.urlProblem(url, PlanFields.Kind.HTTP_URL) != null) {
        throw new IllegalArgumentException(name + " "
            + PlanFields.urlProblem(url, PlanFields.Kind.HTTP_URL));
      }
      return url;
    }

    private static void header(Map<String, String> headers, String name, String value,
        String what) {
      Objects.requireNonNull(name, what + " name");
      Objects.requireNonNull(value, what + " value");
      String problem = PlanFields.headerProblem(name, value);
      if (problem != null) {
        throw new IllegalArgumentException(what + " " + problem);
      }
      headers.put(name, value);
    }
  }
}
