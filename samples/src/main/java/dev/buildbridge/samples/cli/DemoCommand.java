package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.submit.FileOutboxStore;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.samples.gateway.FileJobQueue;
import dev.buildbridge.samples.gateway.Gateway;
import dev.buildbridge.samples.gateway.GatewayConfig;
import dev.buildbridge.signing.GitHubAppJwt;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.StandardWebhooks;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.TuxSuiteVerification;
import dev.buildbridge.signing.WebhookHeaders;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlPrinter;
import dev.buildbridge.workflow.kdl.KdlVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code buildbridge demo}: the whole path in one process, with nothing to install and no network.
 * First the SDK's building blocks on published test vectors and keys made on the spot, then the
 * gateway ({@code buildbridge serve}) on an ephemeral port with embedded defaults: a temporary git
 * repository with a workflow, a signed push delivery over HTTP, the expanded jobs in the queue, a
 * runner taking a job and posting its result, the result forwarded as a signed callback, signed
 * TuxSuite build and test callbacks, and the KCIDB documents validated and waiting in the outbox.
 * Each step is printed as one JSON line when it is done; a last line sums up. Every step checks a
 * real result; the exit code is 0 only if every step did what it says, 1 otherwise.
 */
final class DemoCommand implements Command {
  /** GitHub's published example ("Validating webhook deliveries"). */
  static final String GITHUB_SECRET = "It's a Secret to Everybody";
  static final String GITHUB_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  /** A real TuxSuite-format callback signature made with SQUAD's public test key pair. */
  static final String TUX_PUBLIC_KEY = "ecdsa-sha2-nistp256 "
      + "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO+6+lFvdyBmIxnz1PTlj6rnB6V2a0VOT3B/"
      + "qWazhJY9Ifp5AOoTFlTxqj6IqITHZ3iVTv611rsEC8VDYCgHhyU=";
  static final String TUX_BODY = "{\"kind\": \"test\", \"status\": {\"uid\": "
      + "\"2MBYa8FhoBHkRCX2BMMPusjuClf\", \"state\": \"finished\", \"result\": \"pass\"}}";
  static final String TUX_SIGNATURE = "MEUCIBmRuzA_HKytFkso2bzwHDGi53VxEWbF3_qRbisYPuFeAiEAwZJbHWX"
      + "yftptEh92tDdE1Am2BmQ7YDEW7JQIFKr-dQ0=";
  private static final Option DATA_DIR = Option.value("data-dir", "DIR",
      "keep the gateway's data here (job queue, KCIDB outbox) instead of a temporary directory");

  private final List<Map<String, Object>> steps = new ArrayList<>();
  private Console console;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run the whole path in one process: SDK checks, then the gateway end to end";
  }

  @Override
  public List<Option> options() {
    return List.of(DATA_DIR);
  }

  @Override
  public String details() {
    return "Prints one JSON line per step ({\"step\",\"ok\",...}) and a last line\n"
        + "{\"ok\",\"steps\",\"failed\"}. Needs no network and no services: the gateway\n"
        + "listens on an ephemeral loopback port and everything it talks to runs in this process.";
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    this.console = console;
    steps.clear();
    githubHmac();
    tuxReferenceVector();
    tuxRoundTrip();
    standardWebhooks();
    gitHubAppJwt();
    kdlVersions();
    String keep = args.get(DATA_DIR.name());
    new GatewayTour(keep == null ? null : Path.of(keep)).run();
    List<String> failed = new ArrayList<>();
    for (Map<String, Object> step : steps) {
      if (!Boolean.TRUE.equals(step.get("ok"))) {
        failed.add(String.valueOf(step.get("step")));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", failed.isEmpty());
    out.put("steps", steps.size());
    out.put("failed", failed);
    console.printJson(out);
    return failed.isEmpty() ? Main.OK : Main.REJECTED;
  }

  private void step(String name, boolean ok, Map<String, Object> detail) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", name);
    step.put("ok", ok);
    step.putAll(detail);
    steps.add(step);
    console.printJson(step);
  }

  private static String rejection(Runnable verification) {
    try {
      verification.run();
      return null;
    } catch (SignatureVerificationException e) {
      return e.reason().name();
    }
  }

  private void githubHmac() {
    WebhookHmac hmac = WebhookHmac.github(GITHUB_SECRET);
    byte[] body = "Hello, World!".getBytes(UTF_8);
    String signature = hmac.sign(body);
    String tampered = rejection(() -> hmac.verify(signature, "Hello, World?".getBytes(UTF_8)));
    String unsigned = rejection(() -> hmac.verify(null, body));
    step("github X-Hub-Signature-256 matches GitHub's published vector; tampering is caught",
        signature.equals(GITHUB_SIGNATURE) && hmac.isValid(signature, body)
            && "SIGNATURE_MISMATCH".equals(tampered) && "MISSING_HEADER".equals(unsigned),
        Map.of("signature", signature, "tampered_body", String.valueOf(tampered),
            "no_header", String.valueOf(unsigned)));
  }

  private void tuxReferenceVector() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(TUX_PUBLIC_KEY);
    byte[] body = TUX_BODY.getBytes(UTF_8);
    TuxSuiteVerification result = verifier.verify(TUX_SIGNATURE, body);
    byte[] flipped = body.clone();
    flipped[flipped.length - 3] ^= 1;
    String tampered = rejection(() -> verifier.verify(TUX_SIGNATURE, flipped));
    step("tuxsuite callback signature (ECDSA P-256) verifies over the raw body; one flipped bit"
            + " fails",
        !result.legacy() && "SIGNATURE_MISMATCH".equals(tampered),
        Map.of("key", OpenSshPublicKey.parse(TUX_PUBLIC_KEY).fingerprint(),
            "tampered_body", String.valueOf(tampered)));
  }

  private void tuxRoundTrip() {
    KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.of(pair.getPrivate());
    OpenSshPublicKey publicKey = OpenSshPublicKey.from(pair.getPublic());
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(publicKey);
    byte[] body = TUX_BODY.getBytes(UTF_8);
    boolean current = !verifier.verify(signer.sign(body), body).legacy();
    // TuxSuite's 2023-2024 form: the body is a JSON string literal; the signature covers its
    // content.
    byte[] legacyBody = ("\"" + TUX_BODY.replace("\"", "\\\"") + "\"").getBytes(UTF_8);
    TuxSuiteVerification legacy = verifier.verify(signer.sign(body), legacyBody);
    step("tuxsuite signer and verifier agree; the legacy double-encoded body is recognised",
        current && legacy.legacy() && new String(legacy.payload(), UTF_8).equals(TUX_BODY),
        Map.of("public_key", publicKey.toOpenSshLine(), "legacy_form_detected", legacy.legacy()));
  }

  private void standardWebhooks() {
    Instant now = Instant.now();
    String secret = StandardWebhooks.generateSecret();
    StandardWebhooks sender = StandardWebhooks.newBuilder().secret(secret).build();
    byte[] body = "{\"type\":\"job.completed\"}".getBytes(UTF_8);
    WebhookHeaders fresh = sender.sign("msg_demo1", now, body);
    WebhookHeaders stale = sender.sign("msg_demo2", now.minus(Duration.ofMinutes(10)), body);
    StandardWebhooks receiver = StandardWebhooks.newBuilder().secret(secret)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    String freshResult = rejection(() -> receiver.verify(fresh.asMap(), body));
    String replay = rejection(() -> receiver.verify(stale.asMap(), body));
    step("standard webhooks: a fresh delivery verifies; a 10-minute-old replay is refused",
        freshResult == null && "TIMESTAMP_OUT_OF_TOLERANCE".equals(replay),
        Map.of("webhook-signature", fresh.signature().substring(0, 3) + "...",
            "replay", String.valueOf(replay)));
  }

  private void gitHubAppJwt() {
    KeyPair pair = generate("RSA", null);
    Instant now = Instant.now();
    GitHubAppJwt jwt = GitHubAppJwtIssuer.newBuilder()
        .issuer("123456")
        .privateKey(pair.getPrivate())
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build()
        .issue();
    long back = Duration.between(jwt.issuedAt(), now).toSeconds();
    long ahead = Duration.between(now, jwt.expiresAt()).toSeconds();
    step("github app JWT: RS256, issued 60 s back, expiring within 10 minutes",
        back == 60 && ahead > 0 && ahead <= 600 && jwt.token().split("\\.").length == 3,
        Map.of("iat_seconds_before_now", back, "exp_seconds_after_now", ahead,
            "jwt", jwt.toString()));
  }

  private void kdlVersions() {
    String v1 = "job id=\"build\" retries=3 cache=true { step run=r\"make -j4\" }\n";
    String v2 = "/- kdl-version 2\njob id=build retries=3 cache=#true {\n"
        + "  step run=\"make -j4\"\n}\n";
    KdlDocument one = KdlParser.auto().parse("v1.kdl", v1);
    KdlDocument two = KdlParser.auto().parse("v2.kdl", v2);
    String canonical = KdlPrinter.canonical(KdlVersion.V2).print(one);
    String error;
    try {
      KdlParser.v2().parse("broken.kdl", "job id=\"build\n");
      error = "none";
    } catch (KdlParseException e) {
      error = e.getMessage();
    }
    step("kdl: a KDL 1 and a KDL 2 file read to the same document; errors say file:line:column",
        one.version() == KdlVersion.V1 && two.version() == KdlVersion.V2
            && canonical.equals(KdlPrinter.canonical(KdlVersion.V2).print(two))
            && error.startsWith("broken.kdl:"),
        Map.of("canonical", canonical, "error", error));
  }

  /** The gateway part of the demo: every step over real HTTP on loopback. */
  private final class GatewayTour {
    private final Path keep;
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final String runnerToken = "demo-runner-" + UUID.randomUUID();
    private final String callbackSecret = StandardWebhooks.generateSecret();
    private final KeyPair tuxKey = generate("EC", new ECGenParameterSpec("secp256r1"));
    private final BlockingQueue<Map<String, Object>> callbacks = new LinkedBlockingQueue<>();
    private Gateway gateway;
    private URI base;
    private Path dataDir;
    private String failure;

    GatewayTour(Path keep) {
      this.keep = keep;
    }

    /** A step that may throw; a failure marks it and skips the steps after it. */
    private void check(String name, Check check) {
      if (failure != null) {
        step(name, false, Map.of("skipped", "an earlier step failed: " + failure));
        return;
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      boolean ok;
      try {
        ok = check.run(detail);
      } catch (Exception e) {
        detail.put("error", String.valueOf(e));
        ok = false;
      }
      if (!ok) {
        failure = name;
      }
      step(name, ok, detail);
    }

    void run() {
      Path work = null;
      HttpServer receiver = null;
      // the steps say what happens; JGit's background gc of a fresh mirror may complain about
      // lock files of the clone's temporary directory, which is harmless here
      java.util.logging.Logger quiet = java.util.logging.Logger.getLogger(
          Gateway.class.getPackageName());
      java.util.logging.Logger jgit = java.util.logging.Logger.getLogger("org.eclipse.jgit");
      java.util.logging.Level level = quiet.getLevel();
      java.util.logging.Level jgitLevel = jgit.getLevel();
      quiet.setLevel(java.util.logging.Level.WARNING);
      jgit.setLevel(java.util.logging.Level.OFF);
      try {
        work = Files.createTempDirectory("buildbridge-demo");
        dataDir = keep != null ? keep : work.resolve("data");
        receiver = receiver();
        Path repo = work.resolve("repo");
        startGateway(receiver);
        String[] sha = new String[1];
        check("git: a temporary repository whose commit has a .solstice/workflow.kdl with three"
            + " jobs", d -> {
              try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main")
                  .call()) {
                sha[0] = commitWorkflow(git, repo, "workflow name=\"CI\" {\n"
                    + "    job id=\"test\" needs=\"build\" { step name=\"Test\""
                    + " run=\"make check\" }\n"
                    + "    job id=\"build\" runs_on=\"illumos-latest\" { step name=\"Build\""
                    + " run=\"make\" }\n"
                    + "    job id=\"lint\" { step name=\"Lint\" run=\"make lint\" }\n}\n");
              }
              d.put("repository", repo.toUri().toString());
              d.put("commit", sha[0]);
              return sha[0].length() == 40;
            });
        byte[] push = push(repo.toUri().toString(), sha[0]);
        check("webhooks: a signed GitHub push over HTTP is answered 202 once its jobs are in the"
            + " queue", d -> {
              JsonNode answer = github(push, "demo-delivery-1", d);
              d.put("reason", answer.path("reason").asText());
              return answer.path("status").asInt() == 202 && answer.path("jobs").size() == 3
                  && gateway.jobQueue().orElseThrow().count(FileJobQueue.State.PENDING) == 3;
            });
        check("workflow: one jobrequest.v1 per workflow job, in dependency order, runs_on from"
            + " the job or the default", d -> {
              List<String> order = new ArrayList<>();
              Map<String, String> runsOn = new LinkedHashMap<>();
              FileJobQueue queue = gateway.jobQueue().orElseThrow();
              for (FileJobQueue.Entry e : queue.entries()) {
                JobRequest job = queue.job(e.requestId()).orElseThrow();
                order.add(job.workflowJobId());
                runsOn.put(job.workflowJobId(), job.runsOn());
              }
              d.put("jobs", order);
              d.put("runs_on", runsOn);
              return order.size() == 3 && order.indexOf("build") < order.indexOf("test")
                  && "illumos-latest".equals(runsOn.get("build"))
                  && "ubuntu-22.04".equals(runsOn.get("lint"));
            });
        check("webhooks: the same delivery again is a duplicate: 200 and no new jobs", d -> {
          JsonNode answer = github(push, "demo-delivery-1", d);
          d.put("reason", answer.path("reason").asText());
          return answer.path("status").asInt() == 200 && answer.path("jobs").size() == 0
              && gateway.jobQueue().orElseThrow().entries().size() == 3;
        });
        JobRequest[] leased = new JobRequest[1];
        check("runner: POST /jobs/next hands out the oldest job; POST /results records its"
            + " jobresult.v1", d -> {
              HttpResponse<byte[]> next = send("POST", "/jobs/next?runs_on=illumos-latest",
                  new byte[0], Map.of("Authorization", "Bearer " + runnerToken));
              leased[0] = JobRequest.parse(next.body());
              JobResult result = JobResult.of(leased[0], 0, "built on illumos", Instant.now());
              HttpResponse<byte[]> posted = send("POST", "/results", result.toJson(),
                  Map.of("Authorization", "Bearer " + runnerToken));
              d.put("leased", leased[0].workflowJobId());
              d.put("results_status", posted.statusCode());
              return next.statusCode() == 200 && "build".equals(leased[0].workflowJobId())
                  && posted.statusCode() == 202
                  && gateway.jobQueue().orElseThrow().result(leased[0].requestId()).isPresent();
            });
        check("callbacks: the result is forwarded, signed (Standard Webhooks), with the"
            + " configured header; the receiver verifies it", d -> {
              Map<String, Object> got = callbacks.poll(15, TimeUnit.SECONDS);
              if (got == null) {
                d.put("error", "no callback within 15 s");
                return false;
              }
              d.putAll(got);
              return Boolean.TRUE.equals(got.get("signature_valid"))
                  && ("msg_" + leased[0].requestId()).equals(got.get("webhook-id"))
                  && "buildbridge".equals(got.get("x-demo"));
            });
        String buildUid = "2demoBuild" + Long.toHexString(System.nanoTime());
        check("tuxsuite: a signed build callback becomes a KCIDB checkout and build in the"
            + " outbox", d -> {
              JsonNode answer = tuxsuite(buildCallback(buildUid, sha[0]), d);
              d.put("outbox_entries", answer.path("outbox_entries"));
              return answer.path("status").asInt() == 200 && answer.path("checkouts").asInt() == 1
                  && answer.path("builds").asInt() == 1;
            });
        check("tuxsuite: a signed test callback becomes KCIDB tests of that build", d -> {
          JsonNode answer = tuxsuite(testCallback(buildUid), d);
          d.put("tests", answer.path("tests").asInt());
          return answer.path("status").asInt() == 200 && answer.path("tests").asInt() == 2;
        });
        check("tuxsuite: a callback whose body was changed after signing is refused with 401",
            d -> {
              byte[] body = buildCallback(buildUid + "x", sha[0]);
              String signature = TuxSuiteCallbackSigner.of(tuxKey.getPrivate()).sign(body);
              body[body.length - 3] ^= 1;
              HttpResponse<byte[]> r = send("POST", "/callbacks/tuxsuite", body,
                  Map.of(TuxSuiteCallbackSigner.SIGNATURE_HEADER, signature,
                      "Content-Type", "application/json"));
              d.put("status", r.statusCode());
              return r.statusCode() == 401 && gateway.kcidbPending().size() == 2;
            });
        check("service: GET /healthz is ready; GET /metrics counts what happened", d -> {
          HttpResponse<byte[]> health = send("GET", "/healthz", null, Map.of());
          String metrics = new String(send("GET", "/metrics", null, Map.of()).body(), UTF_8);
          d.put("healthz", health.statusCode());
          boolean counted = metrics.contains(
              "buildbridge_deliveries_total{provider=\"github\",status=\"202\"} 1")
              && metrics.contains("buildbridge_jobs_published_total 3")
              && metrics.contains("buildbridge_kcidb_outbox_pending 2");
          d.put("metrics_counted", counted);
          return health.statusCode() == 200 && counted;
        });
        check("shutdown: the gateway drains and stops; two jobs wait in the queue and the KCIDB"
            + " documents wait in the outbox, valid against KCIDB v5.3", d -> {
              gateway.close();
              int pending;
              try (FileJobQueue queue = FileJobQueue.open(dataDir.resolve("jobs"))) {
                pending = queue.count(FileJobQueue.State.PENDING);
              }
              int valid = 0;
              List<String> entries = new ArrayList<>();
              try (FileOutboxStore outbox = FileOutboxStore.open(
                  dataDir.resolve("kcidb-outbox"))) {
                for (OutboxEntry entry : outbox.entries()) {
                  entries.add(entry.id().value());
                  if (KcidbValidator.strict().validate(outbox.document(entry.id())).valid()) {
                    valid++;
                  }
                }
              }
              d.put("jobs_pending", pending);
              d.put("outbox", entries);
              d.put("valid_documents", valid);
              d.put("data_dir", keep != null ? dataDir.toString() : "(temporary, deleted)");
              return pending == 2 && entries.size() == 2 && valid == 2;
            });
      } catch (IOException | RuntimeException e) {
        step("demo: the gateway tour could not run", false, Map.of("error", String.valueOf(e)));
      } finally {
        if (gateway != null) {
          gateway.close();
        }
        if (receiver != null) {
          receiver.stop(0);
        }
        deleteTree(work);
        quiet.setLevel(level);
        jgit.setLevel(jgitLevel);
      }
    }

    private void startGateway(HttpServer receiver) {
      check("gateway: starts on an ephemeral port with embedded defaults (file queue, file"
          + " outbox, dedup in memory)", d -> {
            gateway = Gateway.start(GatewayConfig.newBuilder()
                .httpAddress("127.0.0.1:0")
                .dataDir(dataDir)
                .githubWebhookSecret(GITHUB_SECRET)
                .tuxsuitePublicKey(OpenSshPublicKey.from(tuxKey.getPublic()).toOpenSshLine())
                .runnerToken(runnerToken)
                .callbackUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/results"))
                .callbackSecret(callbackSecret)
                .callbackHeader("X-Demo", "buildbridge")
                .workflowMode(GatewayConfig.WorkflowMode.GIT)
                .gitSchemes(List.of("file"))
                .runsOnDefault("ubuntu-22.04")
                .drainTimeout(Duration.ofSeconds(10))
                .build());
            base = gateway.baseUri();
            d.put("url", base.toString());
            return gateway.jobQueue().isPresent();
          });
    }

    /** A callback receiver in this process that checks each callback's signature. */
    private HttpServer receiver() throws IOException {
      StandardWebhooks verifier = StandardWebhooks.newBuilder().secret(callbackSecret).build();
      HttpServer server = HttpServer.create(new InetSocketAddress(
          InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/results", exchange -> {
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature",
            "X-Demo")) {
          String value = exchange.getRequestHeaders().getFirst(name);
          if (value != null) {
            headers.put(name, value);
          }
        }
        Map<String, Object> got = new LinkedHashMap<>();
        got.put("webhook-id", headers.get("webhook-id"));
        got.put("x-demo", headers.get("X-Demo"));
        try {
          verifier.verify(headers, body);
          got.put("signature_valid", true);
          got.put("type", Console.JSON.readTree(body).path("type").asText());
        } catch (SignatureVerificationException e) {
          got.put("signature_valid", false);
          got.put("reason", e.reason().name());
        }
        callbacks.add(got);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      server.start();
      return server;
    }

    private JsonNode github(byte[] body, String deliveryId, Map<String, Object> d)
        throws IOException, InterruptedException {
      HttpResponse<byte[]> r = send("POST", "/webhooks/github", body, Map.of(
          "X-GitHub-Event", "push", "X-GitHub-Delivery", deliveryId,
          "X-Hub-Signature-256", WebhookHmac.github(GITHUB_SECRET).sign(body),
          "Content-Type", "application/json"));
      d.put("status", r.statusCode());
      return Console.JSON.readTree(r.body());
    }

    private JsonNode tuxsuite(byte[] body, Map<String, Object> d)
        throws IOException, InterruptedException {
      Map<String, String> headers = new LinkedHashMap<>(
          TuxSuiteCallbackSigner.of(tuxKey.getPrivate()).headers(body));
      headers.put("Content-Type", "application/json");
      HttpResponse<byte[]> r = send("POST", "/callbacks/tuxsuite", body, headers);
      d.put("status", r.statusCode());
      return Console.JSON.readTree(r.body());
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body,
        Map<String, String> headers) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(30))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(b::header);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  /** One step of the gateway tour: fills in its details and says whether it did what it says. */
  @FunctionalInterface
  private interface Check {
    boolean run(Map<String, Object> detail) throws Exception;
  }

  private static byte[] push(String repoUrl, String sha) {
    return ("{\"ref\":\"refs/heads/main\",\"after\":\"" + sha + "\",\"repository\":"
        + "{\"name\":\"demo\",\"full_name\":\"octo/demo\",\"owner\":{\"login\":\"octo\"},"
        + "\"clone_url\":\"" + repoUrl + "\"}}").getBytes(UTF_8);
  }

  private static byte[] buildCallback(String uid, String sha) {
    return ("{\"kind\":\"build\",\"status\":{\"uid\":\"" + uid + "\",\"project\":\"demo/demo\","
        + "\"state\":\"finished\",\"result\":\"pass\",\"build_status\":\"pass\","
        + "\"git_repo\":\"https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git\","
        + "\"git_ref\":\"linux-6.6.y\",\"git_sha\":\"" + sha + "\",\"git_describe\":\"v6.6.30\","
        + "\"target_arch\":\"arm64\",\"toolchain\":\"gcc-13\",\"kconfig\":[\"defconfig\"],"
        + "\"download_url\":\"https://storage.tuxsuite.com/public/demo/demo/builds/" + uid + "/\","
        + "\"provisioning_time\":\"2024-05-01T10:00:00\",\"running_time\":\"2024-05-01T10:01:00\","
        + "\"duration\":300}}").getBytes(UTF_8);
  }

  private static byte[] testCallback(String buildUid) {
    String uid = "2demoTest" + Long.toHexString(System.nanoTime());
    return ("{\"kind\":\"test\",\"status\":{\"uid\":\"" + uid + "\",\"project\":\"demo/demo\","
        + "\"state\":\"finished\",\"result\":\"pass\",\"device\":\"qemu-arm64\","
        + "\"kernel\":\"https://storage.tuxsuite.com/public/demo/demo/builds/" + buildUid
        + "/Image.gz\",\"tests\":[\"boot\",\"ltp-smoke\"],"
        + "\"results\":{\"boot\":\"pass\",\"ltp-smoke\":\"pass\"},"
        + "\"download_url\":\"https://storage.tuxsuite.com/public/demo/demo/tests/" + uid + "/\","
        + "\"provisioning_time\":\"2024-05-01T10:10:00\",\"running_time\":\"2024-05-01T10:11:00\","
        + "\"duration\":120}}").getBytes(UTF_8);
  }

  private static String commitWorkflow(Git git, Path dir, String workflow)
      throws IOException, GitAPIException {
    Files.createDirectories(dir.resolve(".solstice"));
    Files.writeString(dir.resolve(".solstice/workflow.kdl"), workflow);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage("workflow").setAuthor("demo", "demo@example.invalid")
        .setCommitter("demo", "demo@example.invalid").setSign(false).call().name();
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec);
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
    }
  }
}
