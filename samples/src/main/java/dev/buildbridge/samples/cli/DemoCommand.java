package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.buildbridge.core.job.JobRequest;
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
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.RunsOnResolver;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.workflow.WebhookWorkflowExpander;
import dev.buildbridge.workflow.WorkflowFanOut;
import dev.buildbridge.workflow.git.GitRepositorySource;
import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlPrinter;
import dev.buildbridge.workflow.kdl.KdlVersion;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code buildbridge demo}: a self-contained tour of what the SDK does today, run against published
 * test vectors and keys made on the spot. Every step checks a real result; the exit code is 1 if any
 * step did not behave as expected.
 */
final class DemoCommand implements Command {
  /** GitHub's published example ("Validating webhook deliveries"). */
  static final String GITHUB_SECRET = "It's a Secret to Everybody";
  static final String GITHUB_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  /** A real TuxSuite-format callback signature made with SQUAD's public test key pair. */
  static final String TUX_PUBLIC_KEY = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAy"
      + "NTYAAABBBO+6+lFvdyBmIxnz1PTlj6rnB6V2a0VOT3B/qWazhJY9Ifp5AOoTFlTxqj6IqITHZ3iVTv611rsEC8VDYCgHhyU=";
  static final String TUX_BODY = "{\"kind\": \"test\", \"status\": {\"uid\": \"2MBYa8FhoBHkRCX2BMMPusjuClf\","
      + " \"state\": \"finished\", \"result\": \"pass\"}}";
  static final String TUX_SIGNATURE =
      "MEUCIBmRuzA_HKytFkso2bzwHDGi53VxEWbF3_qRbisYPuFeAiEAwZJbHWXyftptEh92tDdE1Am2BmQ7YDEW7JQIFKr-dQ0=";

  private final List<Map<String, Object>> steps = new ArrayList<>();

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run a self-checking tour of the SDK on published vectors and fresh keys";
  }

  @Override
  public List<Option> options() {
    return List.of();
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    steps.clear();
    githubHmac();
    tuxReferenceVector();
    tuxRoundTrip();
    standardWebhooks();
    gitHubAppJwt();
    kdlVersions();
    pushToWorkflowJobs();
    boolean ok = steps.stream().allMatch(s -> Boolean.TRUE.equals(s.get("ok")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", ok);
    out.put("steps", steps);
    console.printJson(out);
    return ok ? Main.OK : Main.REJECTED;
  }

  private void step(String name, boolean ok, Map<String, Object> detail) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", name);
    step.put("ok", ok);
    step.putAll(detail);
    steps.add(step);
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
    step("tuxsuite callback signature (ECDSA P-256) verifies over the raw body; one flipped bit fails",
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
    // TuxSuite's 2023-2024 form: the body is a JSON string literal; the signature covers its content.
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
    String v2 = "/- kdl-version 2\njob id=build retries=3 cache=#true {\n  step run=\"make -j4\"\n}\n";
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

  private void pushToWorkflowJobs() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("buildbridge-demo");
      String first;
      String second;
      try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
        first = commitWorkflow(git, dir, "workflow name=\"CI\" {\n"
            + "    job id=\"build\" runs_on=\"ubuntu-22.04\" { step name=\"Build\" run=\"make\" }\n}\n");
        second = commitWorkflow(git, dir, "workflow name=\"CI\" {\n"
            + "    job id=\"test\" needs=\"build\" { step name=\"Test\" run=\"make check\" }\n"
            + "    job id=\"build\" runs_on=\"illumos-latest\" { step name=\"Build\" run=\"make\" }\n"
            + "    job id=\"lint\" { step name=\"Lint\" run=\"make lint\" }\n}\n");
      }
      String repoUrl = dir.toUri().toString();
      try (GitRepositorySource source = GitRepositorySource.open(dir)) {
        WebhookHandler handler = WebhookHandler.newBuilder().githubSecret(GITHUB_SECRET)
            .runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04"))
            .workflowExpander(WebhookWorkflowExpander.of(WorkflowFanOut.of(source)))
            .build();
        List<JobRequest> atFirst = handler.handle(push(repoUrl, first, "d-1")).jobs();
        Decision atSecond = handler.handle(push(repoUrl, second, "d-2"));
        List<String> order = atSecond.jobs().stream().map(JobRequest::workflowJobId).toList();
        boolean oneGroup = atSecond.jobs().stream().map(JobRequest::groupId).distinct().count() == 1;
        step("webhooks + workflow: a signed push becomes one jobrequest.v1 per job of the"
                + " .solstice/workflow.kdl at its commit (read with JGit), in dependency order",
            atFirst.size() == 1 && atSecond.status() == 202 && order.size() == 3
                && order.indexOf("build") < order.indexOf("test") && oneGroup
                && "illumos-latest".equals(atSecond.jobs().get(order.indexOf("build")).runsOn())
                && "ubuntu-22.04".equals(atSecond.jobs().get(order.indexOf("lint")).runsOn()),
            Map.of("first_commit_jobs", atFirst.size(), "second_commit_jobs", order,
                "status", atSecond.status()));
      }
    } catch (IOException | GitAPIException e) {
      step("webhooks + workflow: a signed push becomes one jobrequest.v1 per workflow job", false,
          Map.of("error", String.valueOf(e)));
    } finally {
      deleteTree(dir);
    }
  }

  private static String commitWorkflow(Git git, Path dir, String workflow)
      throws IOException, GitAPIException {
    Files.createDirectories(dir.resolve(".solstice"));
    Files.writeString(dir.resolve(".solstice/workflow.kdl"), workflow);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage("workflow").setAuthor("demo", "demo@example.invalid")
        .setCommitter("demo", "demo@example.invalid").setSign(false).call().name();
  }

  private static Delivery push(String repoUrl, String sha, String deliveryId) {
    byte[] body = ("{\"ref\":\"refs/heads/main\",\"after\":\"" + sha + "\",\"repository\":"
        + "{\"name\":\"demo\",\"full_name\":\"octo/demo\",\"owner\":{\"login\":\"octo\"},"
        + "\"clone_url\":\"" + repoUrl + "\"}}").getBytes(UTF_8);
    return Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", deliveryId)
        .header("X-Hub-Signature-256", WebhookHmac.github(GITHUB_SECRET).sign(body))
        .header("Content-Type", "application/json").body(body).build();
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
