package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.api.Paged;
import dev.buildbridge.api.Pagination;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.PublicKeyProvider;
import dev.buildbridge.signing.SignatureVerificationException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client for the TuxSuite REST API of one project
 * ({@code /v1/groups/{group}/projects/{project}}): submit kernel builds, tests, OpenEmbedded
 * builds and plans; get, list and cancel them; read test results; wait for a run to finish; and
 * fetch the project's callback-signing key for
 * {@link dev.buildbridge.signing.TuxSuiteCallbackVerifier}. Immutable and thread-safe; build one
 * per project and share it.
 *
 * <pre>{@code
 * TuxSuiteClient tux = TuxSuiteClient.newBuilder()
 *     .token(System.getenv("TUXSUITE_TOKEN"))
 *     .group("demo").project("riscv")
 *     .build();
 * TuxBuild build = tux.submitBuild(TuxBuildRequest.newBuilder()
 *     .gitRepo("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
 *     .gitRef("master").targetArch("riscv").toolchain("gcc-13").kconfig("defconfig")
 *     .build());
 * TuxRun done = tux.waitForFinished(TuxKind.BUILD, build.uid(), Duration.ofHours(1),
 *     Duration.ofSeconds(30));
 * }</pre>
 *
 * <p><b>Authorization.</b> TuxSuite takes the token as it is, {@code Authorization: <token>},
 * without a scheme. Only {@link #getKeys()} and the callback key work without one.
 *
 * <p><b>Retries.</b> Reads (GET) and cancellations are repeated on 429, 502, 503, 504 and
 * connection failures, as {@link ApiTransport} describes; submissions are POSTs that are never
 * repeated after they may have reached TuxSuite, since a second attempt would start a second run.
 * Look the run up by its {@code client_token} or in {@link #listBuilds()} before submitting again.
 *
 * <p><b>Plans.</b> As the {@code tuxsuite} client does it: {@link #createPlan} for the plan's uid;
 * {@link #submitBuilds} with {@link TuxBuildRequest.Builder#plan(String) plan} set on every build;
 * {@link #submitTests} for the sanity tests, each {@link TuxTestRequest.Builder#waitingFor(TuxKind,
 * String) waiting for} its build ({@code BUILD#<uid>}); then {@link #submitTests} for the other
 * tests, waiting for their sanity test ({@code TEST#<uid>}) or build, with {@code plan} set.
 */
public final class TuxSuiteClient {
  /** {@code https://tuxapi.tuxsuite.com}. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://tuxapi.tuxsuite.com");
  /** The most builds or tests one submission takes, as many as the TuxSuite client sends. */
  public static final int MAX_BATCH = 500;

  private static final String PROJECT = "/v1/groups/{group}/projects/{project}";
  private static final TypeReference<List<TuxBuild>> BUILD_LIST = new TypeReference<>() { };
  private static final TypeReference<List<TuxTest>> TEST_LIST = new TypeReference<>() { };
  private static final TypeReference<TuxPage<TuxBuild>> BUILD_PAGE = new TypeReference<>() { };
  private static final TypeReference<TuxPage<TuxTest>> TEST_PAGE = new TypeReference<>() { };
  private static final TypeReference<TuxPage<TuxOebuild>> OEBUILD_PAGE =
      new TypeReference<>() { };
  private static final TypeReference<TuxPage<TuxPlan>> PLAN_PAGE = new TypeReference<>() { };

  private final Builder settings;
  private final ApiTransport transport;

  private TuxSuiteClient(Builder settings, ApiTransport transport) {
    this.settings = settings;
    this.transport = transport;
  }

  /**
   * Starts a builder. Defaults: {@link #DEFAULT_BASE_URL}, no token; group and project are
   * required.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder with this client's settings, for another project, say.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the transport, to call endpoints this client has no method for with the same base
   * URL, authorization and retries.
   *
   * @return the transport
   */
  public ApiTransport transport() {
    return transport;
  }

  /**
   * Returns the group.
   *
   * @return the group, such as {@code demo}
   */
  public String group() {
    return settings.group;
  }

  /**
   * Returns the project.
   *
   * @return the project, such as {@code riscv}
   */
  public String project() {
    return settings.project;
  }

  // ---------------------------------------------------------------- builds

  /**
   * Submits kernel builds: {@code POST .../builds} with {@code {"builds": [...], "patches":
   * {...}}}. Not repeated after a failure that may have reached TuxSuite.
   *
   * @param builds 1 to {@link #MAX_BATCH} builds
   * @return the statuses TuxSuite answers with: one per request, in order (match them by
   *     {@code client_token})
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if the list is empty or too long
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}; {@code CLIENT_ERROR}
   *     or {@code FORBIDDEN} with TuxSuite's {@code error} in {@link ApiException#detail()}
   */
  public List<TuxBuild> submitBuilds(List<TuxBuildRequest> builds) {
    return transport.send(buildsRequest(batch(builds, "builds")), BUILD_LIST);
  }

  /**
   * Submits one kernel build: {@code POST .../builds}. Not repeated after a failure that may have
   * reached TuxSuite.
   *
   * @param build the build
   * @return the build's status, {@code queued} or later
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link #submitBuilds(List)}; {@code MALFORMED_RESPONSE} when TuxSuite
   *     answers with other than one status
   */
  public TuxBuild submitBuild(TuxBuildRequest build) {
    Objects.requireNonNull(build, "build");
    ApiRequest request = buildsRequest(List.of(build));
    ApiResponse<List<TuxBuild>> response = transport.exchange(request, BUILD_LIST);
    List<TuxBuild> statuses = response.body().orElse(List.of());
    if (statuses.size() != 1 || statuses.get(0) == null) {
      throw malformed(request, response, "expected one build status, got " + statuses.size())
          .build();
    }
    return statuses.get(0);
  }

  /**
   * Gets a kernel build: {@code GET .../builds/{uid}}.
   *
   * @param uid the build's uid
   * @return the build
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException {@code NOT_FOUND} for an unknown uid; otherwise as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxBuild getBuild(String uid) {
    return transport.send(runRequest(TuxKind.BUILD, uid), TuxBuild.class);
  }

  /**
   * Lists the project's kernel builds, newest first, following TuxSuite's {@code next} cursor
   * with {@code ?start=}. Lazy: nothing is sent until iteration, and each page only when needed.
   *
   * @return the builds
   */
  public Paged<TuxBuild> listBuilds() {
    return list(TuxKind.BUILD.collection(), BUILD_PAGE);
  }

  /**
   * Cancels a kernel build: {@code POST .../builds/{uid}/cancel} with {@code {}}. Repeated on
   * transient failures (cancelling twice is harmless).
   *
   * @param uid the build's uid
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void cancelBuild(String uid) {
    cancel(TuxKind.BUILD, uid);
  }

  // ---------------------------------------------------------------- tests

  /**
   * Submits one test: {@code POST .../tests} with the test as a JSON object. Not repeated after a
   * failure that may have reached TuxSuite.
   *
   * @param test the test
   * @return the test's status, {@code waiting} or later
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxTest submitTest(TuxTestRequest test) {
    Objects.requireNonNull(test, "test");
    return transport.send(ApiRequest.post(PROJECT + "/tests", group(), project()).json(test)
        .build(), TuxTest.class);
  }

  /**
   * Submits several tests at once, as plans do: {@code POST .../tests} with a JSON array. Not
   * repeated after a failure that may have reached TuxSuite.
   *
   * @param tests 1 to {@link #MAX_BATCH} tests
   * @return the statuses TuxSuite answers with: one per request, in order
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if the list is empty or too long
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public List<TuxTest> submitTests(List<TuxTestRequest> tests) {
    List<TuxTestRequest> list = batch(tests, "tests");
    return transport.send(ApiRequest.post(PROJECT + "/tests", group(), project()).json(list)
        .build(), TEST_LIST);
  }

  /**
   * Gets a test: {@code GET .../tests/{uid}}.
   *
   * @param uid the test's uid
   * @return the test
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException {@code NOT_FOUND} for an unknown uid; otherwise as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxTest getTest(String uid) {
    return transport.send(runRequest(TuxKind.TEST, uid), TuxTest.class);
  }

  /**
   * Gets the detailed results of a test: {@code GET .../tests/{uid}/results}, suite to test to
   * case.
   *
   * @param uid the test's uid
   * @return the results
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxTestResults getTestResults(String uid) {
    return transport.send(ApiRequest.get(PROJECT + "/tests/{uid}/results", group(), project(),
        Checks.uid(uid, "uid")).build(), TuxTestResults.class);
  }

  /**
   * Lists the project's tests, following the {@code next} cursor. Lazy.
   *
   * @return the tests
   */
  public Paged<TuxTest> listTests() {
    return list(TuxKind.TEST.collection(), TEST_PAGE);
  }

  /**
   * Cancels a test: {@code POST .../tests/{uid}/cancel}. Repeated on transient failures.
   *
   * @param uid the test's uid
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void cancelTest(String uid) {
    cancel(TuxKind.TEST, uid);
  }

  // ---------------------------------------------------------------- oebuilds

  /**
   * Submits an OpenEmbedded build: {@code POST .../oebuilds}. Not repeated after a failure that
   * may have reached TuxSuite.
   *
   * @param oebuild the build
   * @return the build's status
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxOebuild submitOebuild(TuxOebuildRequest oebuild) {
    Objects.requireNonNull(oebuild, "oebuild");
    return transport.send(ApiRequest.post(PROJECT + "/oebuilds", group(), project())
        .json(oebuild).build(), TuxOebuild.class);
  }

  /**
   * Gets an OpenEmbedded build: {@code GET .../oebuilds/{uid}}.
   *
   * @param uid the build's uid
   * @return the build
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException {@code NOT_FOUND} for an unknown uid; otherwise as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxOebuild getOebuild(String uid) {
    return transport.send(runRequest(TuxKind.OEBUILD, uid), TuxOebuild.class);
  }

  /**
   * Lists the project's OpenEmbedded builds, following the {@code next} cursor. Lazy.
   *
   * @return the builds
   */
  public Paged<TuxOebuild> listOebuilds() {
    return list(TuxKind.OEBUILD.collection(), OEBUILD_PAGE);
  }

  /**
   * Cancels an OpenEmbedded build: {@code POST .../oebuilds/{uid}/cancel}. Repeated on transient
   * failures.
   *
   * @param uid the build's uid
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void cancelOebuild(String uid) {
    cancel(TuxKind.OEBUILD, uid);
  }

  // ---------------------------------------------------------------- any run

  /**
   * Gets a build, test or oebuild: {@code GET .../{kind}s/{uid}}.
   *
   * @param kind the kind of run
   * @param uid the run's uid
   * @return a {@link TuxBuild}, {@link TuxTest} or {@link TuxOebuild}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link #getBuild(String)}
   */
  public TuxRun get(TuxKind kind, String uid) {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case BUILD:
        return getBuild(uid);
      case TEST:
        return getTest(uid);
      default:
        return getOebuild(uid);
    }
  }

  /**
   * Cancels a build, test or oebuild: {@code POST .../{kind}s/{uid}/cancel} with {@code {}}.
   * Repeated on transient failures (cancelling twice is harmless).
   *
   * @param kind the kind of run
   * @param uid the run's uid
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void cancel(TuxKind kind, String uid) {
    Objects.requireNonNull(kind, "kind");
    transport.send(ApiRequest.post(PROJECT + "/" + kind.collection() + "/{uid}/cancel",
        group(), project(), Checks.uid(uid, "uid")).json(Map.of()).idempotent(true).build());
  }

  /**
   * Polls a run until it is {@code finished}, at most until {@code timeout} has passed: one
   * {@code GET} at once, then one every {@code interval} (the last one at the deadline). Only
   * {@code finished} ends the wait; other and unknown states go on polling. Each poll is retried
   * as any GET; a poll that still fails ends the wait with its {@link ApiException}. The clock
   * and the sleeper come from {@link Builder#clock(Clock)} and
   * {@link Builder#sleeper(ApiTransport.Sleeper)}.
   *
   * @param kind the kind of run
   * @param uid the run's uid
   * @param timeout how long to wait, zero (poll once) to 365 days
   * @param interval the time between polls, more than zero
   * @return the finished run, a {@link TuxBuild}, {@link TuxTest} or {@link TuxOebuild}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the uid is refused, or a duration is out of range
   * @throws TuxWaitException {@code TIMED_OUT} when the run did not finish in time, with the
   *     last status; {@code INTERRUPTED} when the thread was interrupted between polls
   * @throws ApiException when a poll fails (after its retries)
   */
  public TuxRun waitForFinished(TuxKind kind, String uid, Duration timeout, Duration interval) {
    Objects.requireNonNull(kind, "kind");
    Checks.uid(uid, "uid");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("timeout must be 0 to 365 days, was " + timeout);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be more than zero, was " + interval);
    }
    Clock clock = settings.clock;
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    TuxRun last = null;
    while (true) {
      last = get(kind, uid);
      if (last.isFinished()) {
        return last;
      }
      Instant now = clock.instant();
      Duration remaining = Duration.between(now, deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw new TuxWaitException(TuxWaitException.Reason.TIMED_OUT, kind, uid,
            Duration.between(start, now), last, null);
      }
      try {
        settings.sleeper.sleep(remaining.compareTo(interval) < 0 ? remaining : interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TuxWaitException(TuxWaitException.Reason.INTERRUPTED, kind, uid,
            Duration.between(start, clock.instant()), last, e);
      }
    }
  }

  // ---------------------------------------------------------------- plans

  /**
   * Opens a plan: {@code POST .../plans}. Not repeated after a failure that may have reached
   * TuxSuite.
   *
   * @param plan the plan
   * @return the plan; TuxSuite fills in at least its {@link TuxPlan#uid()}
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)};
   *     {@code MALFORMED_RESPONSE} when the answer has no uid
   */
  public TuxPlan createPlan(TuxPlanRequest plan) {
    Objects.requireNonNull(plan, "plan");
    ApiRequest request = ApiRequest.post(PROJECT + "/plans", group(), project()).json(plan)
        .build();
    ApiResponse<TuxPlan> response = transport.exchange(request, TuxPlan.class);
    TuxPlan created = response.body().orElse(null);
    if (created == null || created.uid() == null || created.uid().isBlank()) {
      throw malformed(request, response, "the created plan has no uid").build();
    }
    return created;
  }

  /**
   * Gets a plan with the first page of its builds, tests and oebuilds: {@code GET .../plans/{uid}}.
   *
   * @param uid the plan's uid
   * @return the plan
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException {@code NOT_FOUND} for an unknown uid; otherwise as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxPlan getPlan(String uid) {
    return transport.send(planRequest(uid), TuxPlan.class);
  }

  /**
   * Lists all kernel builds of a plan: {@code GET .../plans/{uid}}, then
   * {@code ?start_builds=<next>}. Lazy.
   *
   * @param uid the plan's uid
   * @return the builds
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   */
  public Paged<TuxBuild> planBuilds(String uid) {
    return planPart(uid, "start_builds", TuxPlan::builds);
  }

  /**
   * Lists all tests of a plan: {@code GET .../plans/{uid}}, then {@code ?start_tests=<next>}.
   * Lazy.
   *
   * @param uid the plan's uid
   * @return the tests
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   */
  public Paged<TuxTest> planTests(String uid) {
    return planPart(uid, "start_tests", TuxPlan::tests);
  }

  /**
   * Lists all OpenEmbedded builds of a plan: {@code GET .../plans/{uid}}, then
   * {@code ?start_oebuilds=<next>}. Lazy.
   *
   * @param uid the plan's uid
   * @return the builds
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   */
  public Paged<TuxOebuild> planOebuilds(String uid) {
    return planPart(uid, "start_oebuilds", TuxPlan::oebuilds);
  }

  private <T> Paged<T> planPart(String uid, String cursor,
      Function<TuxPlan, TuxPage<T>> part) {
    ApiRequest first = planRequest(uid);
    Function<TuxPlan, List<T>> items = plan -> {
      TuxPage<T> page = part.apply(plan);
      return page == null ? List.of() : page.results();
    };
    Function<TuxPlan, String> next = plan -> {
      TuxPage<T> page = part.apply(plan);
      return page == null ? null : page.next();
    };
    return transport.paginate(first, TuxPlan.class, Pagination.cursor(cursor, items, next));
  }

  /**
   * Lists the project's plans, following the {@code next} cursor. Lazy.
   *
   * @return the plans (without their builds and tests)
   */
  public Paged<TuxPlan> listPlans() {
    return list("plans", PLAN_PAGE);
  }

  /**
   * Cancels a plan's runs: {@code POST .../plans/{uid}/cancel} with {@code {}}. Repeated on
   * transient failures.
   *
   * @param uid the plan's uid
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void cancelPlan(String uid) {
    transport.send(ApiRequest.post(PROJECT + "/plans/{uid}/cancel", group(), project(),
        Checks.uid(uid, "uid")).json(Map.of()).idempotent(true).build());
  }

  // ---------------------------------------------------------------- keys

  /**
   * Gets the project's keys: {@code GET .../keys}. Works without a token for public projects.
   *
   * @return the keys
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public TuxKeys getKeys() {
    return transport.send(keysRequest(), TuxKeys.class);
  }

  /**
   * Fetches and parses the key TuxSuite signs this project's callbacks with: {@code ssh.pub} of
   * {@code GET .../keys}. Cache it (or use {@link #callbackKeyProvider()}, which the verifier
   * caches).
   *
   * @return the key, normally {@code ecdsa-sha2-nistp256}
   * @throws ApiException as {@link #getKeys()}; {@code MALFORMED_RESPONSE} when there is no
   *     {@code ssh.pub} or it is not an OpenSSH public key line (the
   *     {@link SignatureVerificationException} is the cause)
   */
  public OpenSshPublicKey callbackKey() {
    ApiRequest request = keysRequest();
    ApiResponse<TuxKeys> response = transport.exchange(request, TuxKeys.class);
    String line = response.body().flatMap(TuxKeys::sshPublicKey).orElse(null);
    if (line == null) {
      throw malformed(request, response, "the keys have no ssh.pub").build();
    }
    try {
      return OpenSshPublicKey.parse(line);
    } catch (SignatureVerificationException e) {
      throw malformed(request, response, "ssh.pub is not a usable OpenSSH public key: "
          + e.getMessage()).cause(e).build();
    }
  }

  /**
   * Returns a key provider for {@link dev.buildbridge.signing.TuxSuiteCallbackVerifier}: each
   * {@code fetch()} calls {@link #callbackKey()}. The verifier caches the key and fetches it
   * again, at most once per refresh interval, when a signature does not match (a rotated key).
   *
   * <pre>{@code
   * TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
   *     .keyProvider(tux.callbackKeyProvider())
   *     .build();
   * }</pre>
   *
   * @return the provider; its {@code fetch()} throws {@link IOException} (wrapping the
   *     {@link ApiException}) when the key cannot be fetched, and
   *     {@link SignatureVerificationException} when {@code ssh.pub} cannot be parsed
   */
  public PublicKeyProvider callbackKeyProvider() {
    return new CallbackKeyProvider(this);
  }

  /** Adapts {@link #callbackKey()} to the provider contract of sdk-signing. */
  private static final class CallbackKeyProvider implements PublicKeyProvider {
    private final TuxSuiteClient client;

    CallbackKeyProvider(TuxSuiteClient client) {
      this.client = client;
    }

    @Override
    public OpenSshPublicKey fetch() throws IOException {
      try {
        return client.callbackKey();
      } catch (ApiException e) {
        if (e.getCause() instanceof SignatureVerificationException) {
          throw (SignatureVerificationException) e.getCause();
        }
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "TuxSuiteCallbackKeyProvider[" + client.group() + "/" + client.project() + "]";
    }
  }

  // ---------------------------------------------------------------- helpers

  /** {@code {"builds": [...], "patches": {name: base64}}}, as the TuxSuite client sends it. */
  private ApiRequest buildsRequest(List<TuxBuildRequest> builds) {
    Map<String, String> patches = new LinkedHashMap<>();
    for (TuxBuildRequest b : builds) {
      if (b.kernelPatchFile() != null && b.kernelPatch() != null) {
        patches.put(b.kernelPatchFile(), b.kernelPatch());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("builds", builds);
    body.put("patches", patches);
    return ApiRequest.post(PROJECT + "/builds", group(), project()).json(body).build();
  }

  private ApiRequest keysRequest() {
    return ApiRequest.get(PROJECT + "/keys", group(), project()).build();
  }

  private ApiRequest runRequest(TuxKind kind, String uid) {
    return ApiRequest.get(PROJECT + "/" + kind.collection() + "/{uid}", group(), project(),
        Checks.uid(uid, "uid")).build();
  }

  private ApiRequest planRequest(String uid) {
    return ApiRequest.get(PROJECT + "/plans/{uid}", group(), project(), Checks.uid(uid, "uid"))
        .build();
  }

  private <T> Paged<T> list(String collection, TypeReference<TuxPage<T>> pageType) {
    Pagination<TuxPage<T>, T> cursor = Pagination.cursor("start", TuxPage::results,
        TuxPage::next);
    return transport.paginate(ApiRequest.get(PROJECT + "/" + collection, group(), project())
        .build(), pageType, cursor);
  }

  private static <T> List<T> batch(List<T> items, String name) {
    Objects.requireNonNull(items, name);
    if (items.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (items.size() > MAX_BATCH) {
      throw new IllegalArgumentException(name + " has " + items.size() + " entries, more than "
          + MAX_BATCH + " in one submission");
    }
    for (int i = 0; i < items.size(); i++) {
      Objects.requireNonNull(items.get(i), name + "[" + i + "]");
    }
    return List.copyOf(items);
  }

  private ApiException.Builder malformed(ApiRequest request, ApiResponse<?> response,
      String problem) {
    String basePath = transport.baseUrl().getRawPath() == null ? ""
        : transport.baseUrl().getRawPath();
    return ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(),
            basePath + request.path())
        .status(response.status())
        .attempts(response.attempts())
        .problem(problem);
  }

  /**
   * Shows the base URL and the project; never the token.
   *
   * @return for example {@code TuxSuiteClient[https://tuxapi.tuxsuite.com, demo/riscv]}
   */
  @Override
  public String toString() {
    return "TuxSuiteClient[" + transport.baseUrl() + ", " + group() + "/" + project() + "]";
  }

  /**
   * Configures a {@link TuxSuiteClient}. Group and project are required. Builders are not
   * thread-safe.
   */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String token;
    private ApiAuth auth;
    private String group;
    private String project;
    private String userAgent = "BuildBridge-SDK-Java";
    private Clock clock = Clock.systemUTC();
    private ApiTransport.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private Consumer<ApiTransport.Builder> transport = b -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.token = token;
      b.auth = auth;
      b.group = group;
      b.project = project;
      b.userAgent = userAgent;
      b.clock = clock;
      b.sleeper = sleeper;
      b.transport = transport;
      return b;
    }

    /**
     * Sets the API base URL. Default: {@code https://tuxapi.tuxsuite.com} (the Python client's
     * {@code TUXAPI_URL}).
     *
     * @param baseUrl an absolute http or https URL; request paths start with {@code /v1/}
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets the API base URL from text.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it is not a valid URI
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      try {
        return baseUrl(new URI(baseUrl));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URI: " + e.getMessage(), e);
      }
    }

    /**
     * Authorizes with a TuxSuite token, sent as {@code Authorization: <token>} (no scheme);
     * replaces a strategy set with {@link #auth(ApiAuth)}. Default: none.
     *
     * @param token the token ({@code TUXSUITE_TOKEN})
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with whitespace, control or non-ASCII
     *     characters (the message does not show it)
     */
    public Builder token(String token) {
      ApiAuth.rawAuthorization(token); // checks it
      this.token = token;
      this.auth = null;
      return this;
    }

    /**
     * Authorizes with any strategy, such as a token read from a vault on every request:
     * {@code request -> Optional.of(vault.read("tuxsuite"))}; replaces a token set with
     * {@link #token(String)}. Default: none.
     *
     * @param auth the strategy; its value is sent as the whole {@code Authorization} header
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder auth(ApiAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      this.token = null;
      return this;
    }

    /**
     * Sets the group. Required.
     *
     * @param group such as {@code demo} ({@code TUXSUITE_GROUP})
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, or with control
     *     characters
     */
    public Builder group(String group) {
      this.group = segment(group, "group");
      return this;
    }

    /**
     * Sets the project. Required.
     *
     * @param project such as {@code riscv} ({@code TUXSUITE_PROJECT})
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank, {@code .} or {@code ..}, or with control
     *     characters
     */
    public Builder project(String project) {
      this.project = segment(project, "project");
      return this;
    }

    private static String segment(String value, String name) {
      Checks.nonBlank(value, name);
      Checks.noControls(value, name);
      if (value.equals(".") || value.equals("..")) {
        throw new IllegalArgumentException(name + " must not be . or ..");
      }
      return value;
    }

    /**
     * Sets the {@code User-Agent}. Default: {@code BuildBridge-SDK-Java}.
     *
     * @param userAgent not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder userAgent(String userAgent) {
      ApiTransport.newBuilder().userAgent(userAgent); // checks it
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the clock {@link TuxSuiteClient#waitForFinished} measures its timeout with. Default:
     * {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how {@link TuxSuiteClient#waitForFinished} waits between polls (the transport's waits
     * between retries are set with {@link #transport(Consumer)}). Default:
     * {@link Thread#sleep(long)}.
     *
     * @param sleeper the sleeper
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder sleeper(ApiTransport.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Adjusts the transport: HTTP client, timeouts, retries, circuit breaker, rate limiter. The
     * customizer runs after the TuxSuite settings (base URL, user agent) and may change them;
     * authorization it sets is used only when this builder sets none.
     *
     * <pre>{@code
     * .transport(t -> t.httpClient(shared).maxAttempts(5).circuitBreaker(tuxBreaker))
     * }</pre>
     *
     * @param customizer changes the transport builder
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder transport(Consumer<ApiTransport.Builder> customizer) {
      this.transport = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the group or project is missing
     * @throws IllegalArgumentException if the transport settings are refused
     */
    public TuxSuiteClient build() {
      if (group == null) {
        throw new IllegalStateException("group is required");
      }
      if (project == null) {
        throw new IllegalStateException("project is required");
      }
      ApiTransport.Builder tb = ApiTransport.newBuilder()
          .baseUrl(baseUrl)
          .userAgent(userAgent)
          .name("tuxsuite");
      transport.accept(tb);
      if (token != null) {
        tb.auth(ApiAuth.rawAuthorization(token));
      } else if (auth != null) {
        tb.auth(auth);
      }
      return new TuxSuiteClient(copy(), tb.build());
    }
  }
}
