package dev.buildbridge.kcidb.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.kcidb.Build;
import dev.buildbridge.kcidb.Checkout;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import dev.buildbridge.kcidb.KcidbFormats;
import dev.buildbridge.kcidb.KcidbStatus;
import dev.buildbridge.kcidb.Resource;
import dev.buildbridge.kcidb.TestEnvironment;
import dev.buildbridge.kcidb.TestRun;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.tuxsuite.TuxBuildCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxBuildStatus;
import dev.buildbridge.webhooks.tuxsuite.TuxOebuildCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxPlanCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallbacks;
import dev.buildbridge.webhooks.tuxsuite.TuxTestCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxTestStatus;
import dev.buildbridge.webhooks.tuxsuite.TuxUnknownCallback;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps TuxSuite callbacks to KCIDB v5.3 documents. Immutable and thread-safe; the same callback
 * always gives the same document, so resubmitting it changes nothing in KCIDB (which keeps the
 * first non-null value of every field).
 *
 * <pre>{@code
 * TuxSuiteKcidbMapper mapper = TuxSuiteKcidbMapper.newBuilder("tuxsuite").build();
 * MappingResult result = mapper.map(callbackBody);      // after verifying the signature
 * if (!result.document().isEmpty()) {
 *     submit(result.document().toJson());
 * }
 * result.skipped().forEach(skipped -> System.err.println(skipped));
 * }</pre>
 *
 * <p><b>Build callbacks</b> give a checkout and a build.
 * <ul>
 *   <li>Build id {@code <origin>:tuxsuite-build-<uid>}, from the build's uid.
 *   <li>Checkout id {@code <origin>:tuxsuite-checkout-<git_sha>-<h>}, where {@code h} is the first
 *       16 hex digits of the SHA-256 of {@code git_repo + "\n" + kernel_patch_file}: builds of
 *       one commit of one repository (with the same patch) share a checkout. Without a
 *       {@code git_sha} the checkout is the build's own, {@code tuxsuite-checkout-build-<uid>}.
 *   <li>Checkout: {@code tree_name} (by default the repository URL's last path segment without
 *       {@code .git}), {@code git_repository_url} (only an {@code https://} one; another is kept
 *       in {@code misc}), {@code git_commit_hash} ({@code git_sha}), {@code git_commit_name}
 *       ({@code git_describe}), {@code git_repository_branch} ({@code git_ref}),
 *       {@code patchset_hash} {@code ""} when no patch was applied, {@code start_time}
 *       ({@code provisioning_time}), {@code valid} true when the commit is known.
 *   <li>Build: {@code architecture} ({@code target_arch}), {@code compiler} ({@code toolchain}),
 *       {@code config_name} ({@code kconfig} joined with {@code +}), {@code duration},
 *       {@code start_time} ({@code running_time}, else {@code provisioning_time}),
 *       {@code config_url} and {@code log_url} ({@code config} and {@code build.log} under
 *       {@code download_url}), {@code output_files} (tuxmake's artifacts, the kernel image and the
 *       modules under {@code download_url}), {@code status} from {@code result}.
 * </ul>
 *
 * <p><b>Test callbacks</b> give one test per entry of {@code results} (when {@code results} is
 * empty, one per entry of {@code tests}, or {@code boot}, with the job's {@code result}).
 * <ul>
 *   <li>Test id {@code <origin>:tuxsuite-test-<uid>-<path>}; {@code path} is the result's name made
 *       a valid test path ({@code boot}, {@code ltp-syscalls.accept01}; see
 *       {@link KcidbFormats#toTestPath(String)}), and when that changed the name,
 *       {@code ~<8 hex digits>} of its SHA-256 follow.
 *   <li>{@code build_id} is the build the test ran: {@code waiting_for} {@code BUILD#<uid>}, else
 *       the build whose artifact the {@code kernel} URL is
 *       ({@code https://storage.tuxsuite.com/.../builds/<uid>/...}), else what the
 *       {@link Builder#buildIdResolver(Function) buildIdResolver} says (for kernels built
 *       elsewhere); without one the callback is refused. A test of a TuxSuite build therefore
 *       links to exactly the id the build's own callback produced.
 *   <li>{@code start_time}, {@code log_url} ({@code logs.txt}), {@code output_files}
 *       ({@code results.json}), {@code input_files} (kernel, modules, rootfs, dtb, firmware),
 *       {@code environment.misc.platform} ({@code device}), {@code misc.runtime}
 *       {@code tuxsuite}.
 * </ul>
 *
 * <p><b>Statuses</b>: {@code pass} is {@code PASS}, {@code fail} {@code FAIL}, {@code error} (an
 * infrastructure error) {@code ERROR}, {@code skip} {@code SKIP}. {@code canceled} follows the
 * {@link Builder#canceledPolicy(ResultPolicy) canceled policy}; {@code unknown}, any other value,
 * and any result of a run whose {@code state} is not {@code finished} follow the
 * {@link Builder#unknownPolicy(ResultPolicy) unknown policy}. Both default to
 * {@link ResultPolicy#SKIP_AND_REPORT}. A build left out still yields its checkout.
 *
 * <p><b>Other callbacks</b>: a plan callback only says a plan ended (its builds and tests send
 * their own callbacks) and an OpenEmbedded build is not a kernel build; both map to an empty
 * document with a {@link SkippedResult} saying so. A callback of an unknown kind, or without the
 * fields a mapping needs, is refused with {@link KcidbException.Reason#UNMAPPABLE_CALLBACK}.
 * Every TuxSuite value is in the objects' {@code misc.tuxsuite} as well.
 */
public final class TuxSuiteKcidbMapper {
  private static final String TUXSUITE_STORAGE = "https://storage.tuxsuite.com/";
  private static final int MAX_UID_LENGTH = 64;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String origin;
  private final ResultPolicy canceledPolicy;
  private final ResultPolicy unknownPolicy;
  private final Function<TuxBuildStatus, String> treeName;
  private final Function<TuxTestStatus, String> buildIdResolver;

  private TuxSuiteKcidbMapper(Builder b) {
    this.origin = b.origin;
    this.canceledPolicy = b.canceledPolicy;
    this.unknownPolicy = b.unknownPolicy;
    this.treeName = b.treeName;
    this.buildIdResolver = b.buildIdResolver;
  }

  /**
   * Starts a builder. Defaults: {@code canceled} and {@code unknown} results
   * {@link ResultPolicy#SKIP_AND_REPORT}, tree names from the repository URL, no build id
   * resolver.
   *
   * @param origin the KCIDB origin to submit as, {@code [a-z0-9_]+}, such as {@code tuxsuite}
   * @return a new builder
   * @throws NullPointerException when {@code origin} is null
   * @throws IllegalArgumentException when it is not a valid origin
   */
  public static Builder newBuilder(String origin) {
    return new Builder(origin);
  }

  /**
   * Returns a builder holding this mapper's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(origin);
    b.canceledPolicy = canceledPolicy;
    b.unknownPolicy = unknownPolicy;
    b.treeName = treeName;
    b.buildIdResolver = buildIdResolver;
    return b;
  }

  /**
   * Returns the origin the objects are submitted as.
   *
   * @return the origin
   */
  public String origin() {
    return origin;
  }

  /**
   * Returns the KCIDB build id a TuxSuite build gets, as its build callback produces it and its
   * tests link to it.
   *
   * @param buildUid the TuxSuite build uid, such as {@code 2ZITcwA6wxeKxh9cZA5HBJ6FkSj}
   * @return {@code <origin>:tuxsuite-build-<uid>}
   * @throws NullPointerException when {@code buildUid} is null
   * @throws IllegalArgumentException when it is not 1 to 64 ASCII letters and digits
   */
  public String buildId(String buildUid) {
    Objects.requireNonNull(buildUid, "buildUid");
    String problem = uidProblem(buildUid);
    if (problem != null) {
      throw new IllegalArgumentException("buildUid " + problem);
    }
    return origin + ":tuxsuite-build-" + buildUid;
  }

  /**
   * Reads a callback body (after its signature was verified) and maps it.
   *
   * @param body the raw callback body
   * @return the document and what was left out
   * @throws KcidbException {@link KcidbException.Reason#UNMAPPABLE_CALLBACK} when the body cannot
   *     be read as a TuxSuite callback (the cause says why) or cannot be mapped
   * @throws NullPointerException when {@code body} is null
   */
  public MappingResult map(byte[] body) {
    Objects.requireNonNull(body, "body");
    TuxSuiteCallback callback;
    try {
      callback = TuxSuiteCallbacks.parse(body);
    } catch (WebhookParseException e) {
      throw new KcidbException(Reason.UNMAPPABLE_CALLBACK,
          "TuxSuite callback cannot be read: " + e.getMessage(), e);
    }
    return map(callback);
  }

  /**
   * Maps a parsed callback.
   *
   * @param callback the callback
   * @return the document and what was left out
   * @throws KcidbException {@link KcidbException.Reason#UNMAPPABLE_CALLBACK} when the callback is
   *     of an unknown kind, lacks a uid, or is a test whose build cannot be told
   * @throws NullPointerException when {@code callback} is null
   */
  public MappingResult map(TuxSuiteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    if (callback instanceof TuxBuildCallback) {
      return mapBuild(((TuxBuildCallback) callback).status());
    }
    if (callback instanceof TuxTestCallback) {
      return mapTest(((TuxTestCallback) callback).status());
    }
    if (callback instanceof TuxPlanCallback) {
      String uid = ((TuxPlanCallback) callback).status().uid();
      return new MappingResult(KcidbDocument.empty(), List.of(new SkippedResult(
          "plan " + printable(uid), null,
          "a plan callback only says the plan ended; its builds and tests send their own"
              + " callbacks")));
    }
    if (callback instanceof TuxOebuildCallback) {
      String uid = ((TuxOebuildCallback) callback).status().uid();
      return new MappingResult(KcidbDocument.empty(), List.of(new SkippedResult(
          "oebuild " + printable(uid), null,
          "an OpenEmbedded build is not a kernel build; KCIDB has no object for it")));
    }
    TuxUnknownCallback unknown = (TuxUnknownCallback) callback;
    throw new KcidbException(Reason.UNMAPPABLE_CALLBACK, "TuxSuite callback of kind "
        + (unknown.eventName().isEmpty() ? "(none)" : quote(unknown.eventName()))
        + " cannot be mapped; known kinds are build, test, oebuild and plan", null);
  }

  // ---- builds -------------------------------------------------------------------------------

  private MappingResult mapBuild(TuxBuildStatus s) {
    String uid = requireUid("build", s.uid());
    String repo = clean(s.gitRepo());
    String sha = commitHash(s.gitSha());
    String patch = clean(s.kernelPatchFile());
    String checkoutLocal = sha != null && repo != null
        ? "tuxsuite-checkout-" + sha + "-" + sha256Hex(repo + "\n" + (patch == null ? "" : patch),
            16)
        : "tuxsuite-checkout-build-" + uid;
    String downloadUrl = directory(s.downloadUrl());

    Checkout checkout = Checkout.newBuilder(origin, checkoutLocal)
        .treeName(clean(treeName.apply(s)))
        .gitRepositoryUrl(repo != null && repo.startsWith("https://") && KcidbFormats.isUri(repo)
            ? repo : null)
        .gitCommitHash(sha)
        .gitCommitName(clean(s.gitDescribe()))
        .gitRepositoryBranch(clean(s.gitRef()))
        .patchsetHash(sha != null && patch == null ? "" : null)
        .startTime(utc(s.provisioningTime()))
        .valid(sha != null ? Boolean.TRUE : null)
        .misc(checkoutMisc(s, repo, patch))
        .build();

    KcidbDocument.Builder document = KcidbDocument.newBuilder().addCheckout(checkout);
    List<SkippedResult> skipped = new ArrayList<>();
    String result = s.result() != null ? s.result() : s.buildStatus();
    Decision decision = decide(result, s.state(), uid, null, "tuxsuite-build-" + uid, skipped);
    if (decision.submit) {
      document.addBuild(Build.newBuilder(origin, "tuxsuite-build-" + uid)
          .checkoutId(checkout.id())
          .startTime(utc(s.runningTime() != null ? s.runningTime() : s.provisioningTime()))
          .duration(s.duration() != null && s.duration() >= 0 ? s.duration().doubleValue() : null)
          .architecture(architecture(s.targetArch()))
          .compiler(clean(s.toolchain()))
          .configName(configName(s.kconfig()))
          .configUrl(downloadUrl == null ? null : downloadUrl + "config")
          .logUrl(downloadUrl == null ? null : downloadUrl + "build.log")
          .outputFiles(downloadUrl == null ? null : buildOutputs(s, downloadUrl))
          .status(decision.status)
          .misc(buildMisc(s))
          .build());
    }
    return new MappingResult(document.build(), skipped);
  }

  private ObjectNode checkoutMisc(TuxBuildStatus s, String repo, String patch) {
    ObjectNode tux = NODES.objectNode();
    put(tux, "git_repo", repo);
    put(tux, "git_ref", s.gitRef());
    put(tux, "git_short_log", s.gitShortLog());
    put(tux, "kernel_patch_file", patch);
    return wrap(tux);
  }

  private ObjectNode buildMisc(TuxBuildStatus s) {
    ObjectNode tux = NODES.objectNode();
    put(tux, "uid", s.uid());
    put(tux, "project", s.project());
    put(tux, "plan", s.plan());
    put(tux, "state", s.state());
    put(tux, "result", s.result());
    put(tux, "build_status", s.buildStatus());
    put(tux, "tuxbuild_status", s.tuxbuildStatus());
    put(tux, "status_message", s.statusMessage());
    put(tux, "target_arch", s.targetArch());
    put(tux, "toolchain", s.toolchain());
    if (!s.kconfig().isEmpty()) {
      ArrayNode kconfig = tux.putArray("kconfig");
      s.kconfig().forEach(kconfig::add);
    }
    if (!s.makeVariables().isEmpty()) {
      ObjectNode variables = tux.putObject("make_variables");
      s.makeVariables().forEach(variables::put);
    }
    put(tux, "kernel_version", s.kernelVersion());
    put(tux, "kernel_image_name", s.kernelImageName());
    if (s.warningsCount() != null) {
      tux.put("warnings_count", s.warningsCount());
    }
    if (s.errorsCount() != null) {
      tux.put("errors_count", s.errorsCount());
    }
    put(tux, "download_url", s.downloadUrl());
    JsonNode compiler = s.tuxmakeMetadata() == null ? null
        : s.tuxmakeMetadata().path("compiler").get("version_full");
    if (compiler != null && compiler.isTextual()) {
      tux.put("compiler_version_full", compiler.textValue());
    }
    return wrap(tux);
  }

  /**
   * tuxmake's artifacts by target, then the kernel image and the modules; {@code build.log} is the
   * {@code log_url} and not repeated.
   */
  private static List<Resource> buildOutputs(TuxBuildStatus s, String downloadUrl) {
    Set<String> files = new LinkedHashSet<>();
    JsonNode artifacts = s.tuxmakeMetadata() == null ? null
        : s.tuxmakeMetadata().path("results").get("artifacts");
    if (artifacts != null && artifacts.isObject()) {
      for (Map.Entry<String, JsonNode> target : artifacts.properties()) {
        if (target.getValue().isArray()) {
          for (JsonNode file : target.getValue()) {
            if (file.isTextual()) {
              files.add(file.textValue());
            }
          }
        }
      }
    }
    if (s.kernelImageName() != null) {
      files.add(s.kernelImageName());
    }
    s.modules().ifPresent(files::add);
    files.remove("build.log");
    List<Resource> outputs = new ArrayList<>();
    for (String file : files) {
      Resource resource = resource(downloadUrl, file);
      if (resource != null) {
        outputs.add(resource);
      }
    }
    return outputs;
  }

  // ---- tests --------------------------------------------------------------------------------

  private MappingResult mapTest(TuxTestStatus s) {
    String uid = requireUid("test", s.uid());
    String buildId = testedBuild(s, uid);
    Map<String, String> results = new LinkedHashMap<>(s.results());
    boolean fromJob = results.isEmpty();
    if (fromJob) {
      List<String> suites = s.tests().isEmpty() ? List.of("boot") : s.tests();
      for (String suite : suites) {
        results.putIfAbsent(suite, s.result());
      }
    }
    String downloadUrl = directory(s.downloadUrl());
    OffsetDateTime start = utc(s.runningTime() != null ? s.runningTime() : s.provisioningTime());
    List<Resource> inputs = testInputs(s);
    ObjectNode platform = NODES.objectNode();
    put(platform, "platform", s.device());
    TestEnvironment environment = platform.isEmpty() ? null
        : TestEnvironment.newBuilder().misc(platform).build();
    // the same for every result of the run
    String logUrl = downloadUrl == null ? null : downloadUrl + "logs.txt";
    List<Resource> outputs = downloadUrl == null ? null
        : List.of(Resource.of("results.json", downloadUrl + "results.json"));

    KcidbDocument.Builder document = KcidbDocument.newBuilder();
    List<SkippedResult> skipped = new ArrayList<>();
    for (Map.Entry<String, String> entry : results.entrySet()) {
      String name = entry.getKey();
      String path = KcidbFormats.toTestPath(name);
      if (path.isEmpty()) {
        skipped.add(new SkippedResult(testSource(uid, name), null,
            "the result's name has no test path segment (letters, digits, _ or -)"));
        continue;
      }
      String local = "tuxsuite-test-" + uid + "-" + path
          + (path.equals(name) ? "" : "~" + sha256Hex(name, 8));
      Decision decision = decide(entry.getValue(), s.state(), uid, name, local, skipped);
      if (!decision.submit) {
        continue;
      }
      document.addTest(TestRun.newBuilder(origin, local)
          .buildId(buildId)
          .path(path)
          .status(decision.status)
          .startTime(start)
          .logUrl(logUrl)
          .outputFiles(outputs)
          .inputFiles(inputs.isEmpty() ? null : inputs)
          .environment(environment)
          .misc(testMisc(s, name, entry.getValue(), fromJob))
          .build());
    }
    return new MappingResult(document.build(), skipped);
  }

  private String testedBuild(TuxTestStatus s, String uid) {
    String waitingFor = s.waitingFor();
    if (waitingFor != null && waitingFor.startsWith("BUILD#")) {
      String buildUid = waitingFor.substring("BUILD#".length());
      String problem = uidProblem(buildUid);
      if (problem != null) {
        throw new KcidbException(Reason.UNMAPPABLE_CALLBACK, "TuxSuite test " + uid
            + ": waiting_for names a build whose uid " + problem, null);
      }
      return origin + ":tuxsuite-build-" + buildUid;
    }
    String kernelBuild = tuxSuiteBuildOf(s.kernel());
    if (kernelBuild != null) {
      return origin + ":tuxsuite-build-" + kernelBuild;
    }
    if (buildIdResolver != null) {
      String resolved = buildIdResolver.apply(s);
      if (resolved != null) {
        if (!KcidbFormats.isId(resolved)) {
          throw new KcidbException(Reason.UNMAPPABLE_CALLBACK, "TuxSuite test " + uid
              + ": buildIdResolver returned " + quote(resolved)
              + ", which is not a KCIDB id (origin:local_id)", null);
        }
        return resolved;
      }
    }
    throw new KcidbException(Reason.UNMAPPABLE_CALLBACK, "TuxSuite test " + uid
        + ": cannot tell which build it tested: waiting_for is "
        + (waitingFor == null ? "null" : quote(waitingFor))
        + ", the kernel URL is not a TuxSuite build artifact, and "
        + (buildIdResolver == null ? "no buildIdResolver is set"
            : "the buildIdResolver returned null"), null);
  }

  /** The uid in {@code https://storage.tuxsuite.com/<...>/builds/<uid>/<file>}, or null. */
  static String tuxSuiteBuildOf(String kernelUrl) {
    if (kernelUrl == null || !kernelUrl.startsWith(TUXSUITE_STORAGE)) {
      return null;
    }
    String[] segments = kernelUrl.substring(TUXSUITE_STORAGE.length()).split("/", -1);
    for (int i = 0; i + 2 < segments.length; i++) {
      if (segments[i].equals("builds") && uidProblem(segments[i + 1]) == null) {
        return segments[i + 1];
      }
    }
    return null;
  }

  private static List<Resource> testInputs(TuxTestStatus s) {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("kernel", s.kernel());
    urls.put("modules", s.modules());
    urls.put("rootfs", s.rootfs());
    urls.put("dtb", s.dtb());
    urls.put("ap_romfw", s.apRomfw());
    urls.put("bios", s.bios());
    urls.put("bl1", s.bl1());
    urls.put("fip", s.fip());
    urls.put("mcp_fw", s.mcpFw());
    urls.put("mcp_romfw", s.mcpRomfw());
    urls.put("scp_fw", s.scpFw());
    urls.put("scp_romfw", s.scpRomfw());
    urls.put("uefi", s.uefi());
    List<Resource> inputs = new ArrayList<>();
    for (Map.Entry<String, String> entry : urls.entrySet()) {
      String url = entry.getValue();
      if (url == null || !KcidbFormats.isUri(url)) {
        continue;
      }
      String name = lastSegment(url);
      inputs.add(Resource.of(name == null ? entry.getKey() : name, url));
    }
    return inputs;
  }

  private ObjectNode testMisc(TuxTestStatus s, String name, String result, boolean fromJob) {
    ObjectNode misc = NODES.objectNode();
    misc.put("runtime", "tuxsuite");
    ObjectNode tux = misc.putObject("tuxsuite");
    put(tux, "uid", s.uid());
    put(tux, "project", s.project());
    put(tux, "plan", s.plan());
    put(tux, "device", s.device());
    put(tux, "name", name);
    put(tux, "result", result);
    if (fromJob) {
      tux.put("result_of_job", true);
    }
    put(tux, "job_state", s.state());
    put(tux, "job_result", s.result());
    put(tux, "waiting_for", s.waitingFor());
    put(tux, "download_url", s.downloadUrl());
    if (!s.parameters().isEmpty()) {
      ObjectNode parameters = tux.putObject("parameters");
      s.parameters().forEach(parameters::put);
    }
    return misc;
  }

  // ---- statuses -----------------------------------------------------------------------------

  private static final class Decision {
    final boolean submit;
    final KcidbStatus status;

    Decision(boolean submit, KcidbStatus status) {
      this.submit = submit;
      this.status = status;
    }
  }

  /**
   * Decides about one result of a build ({@code resultName} null) or of a test. What identifies
   * the result in a {@link SkippedResult} is only built when it is skipped.
   */
  private Decision decide(String result, String state, String uid, String resultName,
      String localId, List<SkippedResult> skipped) {
    if (state == null || state.equals("finished")) {
      KcidbStatus status = result == null ? null : direct(result);
      if (status != null) {
        return new Decision(true, status);
      }
    }
    String source = resultName == null ? "build " + uid : testSource(uid, resultName);
    String kcidbId = origin + ":" + localId;
    boolean finished = state == null || state.equals("finished");
    boolean canceled = finished && ("canceled".equals(result) || "cancelled".equals(result));
    ResultPolicy policy = canceled ? canceledPolicy : unknownPolicy;
    String why = !finished
        ? "the run's state " + quote(state) + " is not finished"
        : result == null ? "there is no result"
        : "result " + quote(result) + " has no KCIDB status";
    switch (policy) {
      case SUBMIT_AS_MISS:
        return new Decision(true, KcidbStatus.MISS);
      case SUBMIT_AS_ERROR:
        return new Decision(true, KcidbStatus.ERROR);
      case SUBMIT_AS_SKIP:
        return new Decision(true, KcidbStatus.SKIP);
      case SUBMIT_WITHOUT_STATUS:
        return new Decision(true, null);
      default:
        skipped.add(new SkippedResult(source, kcidbId, why + "; not submitted ("
            + (canceled ? "canceledPolicy" : "unknownPolicy") + " "
            + policy + ")"));
        return new Decision(false, null);
    }
  }

  private static KcidbStatus direct(String result) {
    switch (result) {
      case "pass":
        return KcidbStatus.PASS;
      case "fail":
        return KcidbStatus.FAIL;
      case "error":
        return KcidbStatus.ERROR;
      case "skip":
        return KcidbStatus.SKIP;
      default:
        return null;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String requireUid(String kind, String uid) {
    if (uid == null) {
      throw new KcidbException(Reason.UNMAPPABLE_CALLBACK,
          "TuxSuite " + kind + " callback has no status.uid", null);
    }
    String problem = uidProblem(uid);
    if (problem != null) {
      throw new KcidbException(Reason.UNMAPPABLE_CALLBACK,
          "TuxSuite " + kind + " callback: status.uid " + problem, null);
    }
    return uid;
  }

  /** TuxSuite uids are 27 base62 characters; anything from 1 to 64 letters and digits is taken. */
  static String uidProblem(String uid) {
    if (uid.isEmpty() || uid.length() > MAX_UID_LENGTH) {
      return quote(uid) + " must have 1 to " + MAX_UID_LENGTH + " characters";
    }
    for (int i = 0; i < uid.length(); i++) {
      char c = uid.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return quote(uid) + " must be ASCII letters and digits only";
      }
    }
    return null;
  }

  private static String commitHash(String sha) {
    if (sha == null || sha.length() != 40) {
      return null;
    }
    String lower = sha.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return null;
      }
    }
    return lower;
  }

  private static String architecture(String targetArch) {
    String arch = clean(targetArch);
    if (arch == null) {
      return null;
    }
    arch = arch.toLowerCase(Locale.ROOT).replace('-', '_');
    for (int i = 0; i < arch.length(); i++) {
      char c = arch.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return null;
      }
    }
    return arch;
  }

  private static String configName(List<String> kconfig) {
    StringBuilder b = new StringBuilder();
    for (String config : kconfig) {
      String part = clean(config);
      if (part != null) {
        b.append(b.length() == 0 ? "" : "+").append(part);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** The download directory as a URI ending with {@code /}, or null when it is not a URI. */
  private static String directory(String url) {
    if (url == null || url.isEmpty() || !KcidbFormats.isUri(url)) {
      return null;
    }
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    if (query >= 0 || fragment >= 0) {
      return null;
    }
    return url.endsWith("/") ? url : url + "/";
  }

  /** A file under the download directory; null for names that are not a plain relative path. */
  private static Resource resource(String directory, String file) {
    String path = KcidbFormats.stripNul(file);
    if (path.isEmpty() || path.startsWith("/")) {
      return null;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return Resource.of(path.replace('/', '_'), directory + encodePath(path));
  }

  /** Percent-encodes what RFC 3986 does not allow in a path, keeping {@code /}. */
  static String encodePath(String path) {
    StringBuilder b = new StringBuilder(path.length() + 8);
    for (byte octet : path.getBytes(StandardCharsets.UTF_8)) {
      int c = octet & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  /** The last non-empty path segment of a URL (before any query), if it is a valid file name. */
  private static String lastSegment(String url) {
    int end = url.length();
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    if (query >= 0) {
      end = query;
    }
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    int slash = url.lastIndexOf('/', end - 1);
    String name = url.substring(slash + 1, end);
    return name.isEmpty() || url.startsWith("//", slash - 1) ? null : name;
  }

  /** The default tree name: the repository URL's last path segment without {@code .git}. */
  static String defaultTreeName(TuxBuildStatus s) {
    String repo = clean(s.gitRepo());
    if (repo == null) {
      return null;
    }
    String trimmed = repo;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int slash = trimmed.lastIndexOf('/');
    if (slash < 0 || trimmed.startsWith("//", slash - 1)) {
      return null;
    }
    String name = trimmed.substring(slash + 1);
    if (name.endsWith(".git")) {
      name = name.substring(0, name.length() - 4);
    }
    return name.isEmpty() ? null : name;
  }

  private static OffsetDateTime utc(LocalDateTime time) {
    if (time == null || time.getYear() < 1 || time.getYear() > 9999) {
      return null;
    }
    return time.atOffset(ZoneOffset.UTC);
  }

  /** A TuxSuite string for a KCIDB property: without NUL, trimmed, null when empty. */
  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String cleaned = KcidbFormats.stripNul(text).strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static ObjectNode wrap(ObjectNode tux) {
    ObjectNode misc = NODES.objectNode();
    misc.set("tuxsuite", tux);
    return misc;
  }

  private static String sha256Hex(String text, int hexDigits) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
    byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder b = new StringBuilder(hexDigits);
    for (int i = 0; b.length() < hexDigits; i++) {
      b.append(Character.forDigit((hash[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return b.substring(0, hexDigits);
  }

  private static String testSource(String uid, String resultName) {
    return "test " + uid + " result " + printable(resultName);
  }

  private static String printable(String text) {
    return text == null ? "(no uid)" : quote(text);
  }

  private static String quote(String text) {
    StringBuilder b = new StringBuilder().append('"');
    int limit = Math.min(text.length(), 60);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(text.length() > limit ? "...\"" : "\"").toString();
  }

  /** Builds a {@link TuxSuiteKcidbMapper}. */
  public static final class Builder {
    private final String origin;
    private ResultPolicy canceledPolicy = ResultPolicy.SKIP_AND_REPORT;
    private ResultPolicy unknownPolicy = ResultPolicy.SKIP_AND_REPORT;
    private Function<TuxBuildStatus, String> treeName = TuxSuiteKcidbMapper::defaultTreeName;
    private Function<TuxTestStatus, String> buildIdResolver;

    private Builder(String origin) {
      Objects.requireNonNull(origin, "origin");
      if (!KcidbFormats.isOrigin(origin)) {
        throw new IllegalArgumentException("origin must be a-z, 0-9 and _ only, was "
            + quote(origin));
      }
      this.origin = origin;
    }

    /**
     * Sets what happens to {@code canceled} results (default
     * {@link ResultPolicy#SKIP_AND_REPORT}).
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException when {@code policy} is null
     */
    public Builder canceledPolicy(ResultPolicy policy) {
      this.canceledPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets what happens to {@code unknown} and unrecognized results, and to results of runs that
     * are not finished (default {@link ResultPolicy#SKIP_AND_REPORT}).
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException when {@code policy} is null
     */
    public Builder unknownPolicy(ResultPolicy policy) {
      this.unknownPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the policy for {@code canceled} and {@code unknown} results alike.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException when {@code policy} is null
     */
    public Builder resultPolicy(ResultPolicy policy) {
      return canceledPolicy(policy).unknownPolicy(policy);
    }

    /**
     * Sets how a build's checkout gets its {@code tree_name} (default: the repository URL's last
     * path segment without {@code .git}, such as {@code linux-stable-rc}). KernelCI's dashboard
     * may rename trees by repository URL anyway.
     *
     * @param treeName returns the tree name for a build, or {@code null} for none; NUL is removed
     * @return this builder
     * @throws NullPointerException when {@code treeName} is null
     */
    public Builder treeName(Function<TuxBuildStatus, String> treeName) {
      this.treeName = Objects.requireNonNull(treeName, "treeName");
      return this;
    }

    /**
     * Sets how to find the KCIDB build a test ran when the callback does not name a TuxSuite
     * build (no {@code waiting_for BUILD#uid} and a kernel that is not a TuxSuite artifact), such
     * as a KernelCI build whose kernel was tested on TuxSuite. Default: none, and such a callback
     * is refused.
     *
     * @param buildIdResolver returns the build id ({@code origin:local}) for a test, or
     *     {@code null} when it does not know
     * @return this builder
     * @throws NullPointerException when {@code buildIdResolver} is null
     */
    public Builder buildIdResolver(Function<TuxTestStatus, String> buildIdResolver) {
      this.buildIdResolver = Objects.requireNonNull(buildIdResolver, "buildIdResolver");
      return this;
    }

    /**
     * Builds the mapper.
     *
     * @return the mapper
     */
    public TuxSuiteKcidbMapper build() {
      return new TuxSuiteKcidbMapper(this);
    }
  }
}
