package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
