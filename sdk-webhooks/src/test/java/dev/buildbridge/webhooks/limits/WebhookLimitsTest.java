package dev.buildbridge.webhooks.limits;

import static dev.buildbridge.core.testing.Bounded.MIB;
import static dev.buildbridge.core.testing.Bounded.nested;
import static dev.buildbridge.core.testing.Bounded.refused;
import static dev.buildbridge.core.testing.Bounded.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.testing.Bounded;
import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.tuxsuite.TuxBuildCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallbacks;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies at the size of the limits (100,000-deep nesting, 30 MiB, 10 MB strings, huge
 * numbers, invalid UTF-8, NUL bytes), given to the webhook handler as signed GitHub deliveries and
 * to the TuxSuite envelope parser: each is answered with the typed refusal within
 * {@link Bounded#TIME} and a bound on the bytes allocated.
 */
class WebhookLimitsTest {
  private static final String SECRET = "limits-secret";
  private static final WebhookHandler HANDLER = WebhookHandler.newBuilder().githubSecret(SECRET)
      .build();

  private static final String PUSH_HEAD = "{\"ref\":\"refs/heads/main\","
      + "\"after\":\"2222222222222222222222222222222222222222\",\"repository\":{\"name\":\"hello\","
      + "\"full_name\":\"octo/hello\",\"owner\":{\"login\":\"octo\"},"
      + "\"clone_url\":\"https://github.com/octo/hello.git\"},\"hostile\":";

  /** A push whose field {@code hostile} holds {@code value} (raw JSON bytes). */
  private static byte[] push(byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 512);
    out.writeBytes(PUSH_HEAD.getBytes(UTF_8));
    out.writeBytes(value);
    out.writeBytes("}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static byte[] push(String value) {
    return push(value.getBytes(UTF_8));
  }

  private static Delivery signed(byte[] body) {
    return Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookHmac.of(HmacScheme.GITHUB_SHA256,
            SECRET.getBytes(UTF_8)).sign(body))
        .body(body).build();
  }

  /**
   * Takes each refusal path once on a small body, so that the measured calls allocate for the
   * input rather than for loading classes.
   */
  @BeforeAll
  static void warmUp() {
    for (String value : new String[] {"1", "[[[", "\"a\u0000\"", "\"\\u00e9\"", "1e999"}) {
      HANDLER.handle(signed(push(value)));
      try {
        TuxSuiteCallbacks.parse(build(value));
      } catch (WebhookParseException expected) {
        // warming up the refusal too
      }
    }
    HANDLER.handle(signed(push(new byte[] {'"', (byte) 0xFF, '"'})));
  }

  /** The handler's decision on a signed push delivery, within the time and heap bounds. */
  private static Decision decide(WebhookHandler handler, byte[] body, long maxBytes) {
    Delivery delivery = signed(body);
    Bounded.Run<Decision> run = run(maxBytes, () -> handler.handle(delivery));
    assertNull(run.thrown(), () -> "the handler threw " + run.thrown());
    return run.result();
  }

  private static void assertRefused(Decision decision, Outcome outcome, String reasonStart) {
    assertEquals(outcome, decision.outcome(), decision.reason());
    assertTrue(decision.reason().startsWith(reasonStart), decision.reason());
    assertTrue(decision.jobs().isEmpty());
  }

  private static byte[] longString(int chars) {
    byte[] value = new byte[chars + 2];
    Arrays.fill(value, (byte) 'x');
    value[0] = '"';
    value[value.length - 1] = '"';
    return value;
  }

  private static byte[] digits(int count) {
    byte[] value = new byte[count];
    Arrays.fill(value, (byte) '7');
    return value;
  }

  // ---- GitHub deliveries through the handler ---------------------------------------------------

  @Test
  void handlerAcceptsThePushTheLimitTestsBuildOn() {
    Decision decision = decide(HANDLER, push("1"), MIB);
    assertEquals(Outcome.ACCEPTED, decision.outcome(), decision.reason());
  }

  @Test
  void handlerRefusesHundredThousandDeepJsonNestingWith400() {
    Decision decision = decide(HANDLER, push(nested(100_000, "[", "1", "]")), 4 * MIB);
    assertRefused(decision, Outcome.MALFORMED, "LIMIT_EXCEEDED");
  }

  @Test
  void handlerRefusesThirtyMebibyteBodyWith413BeforeReadingIt() {
    byte[] body = push(longString(30 << 20));
    Decision decision = decide(HANDLER, body, MIB);
    assertRefused(decision, Outcome.TOO_LARGE, "body is " + body.length + " bytes");
  }

  @Test
  void handlerRefusesThirtyMebibyteBodyBeyondTheJsonLimitEvenWhenTheBodyLimitIsRaised() {
    WebhookHandler generous = WebhookHandler.newBuilder().githubSecret(SECRET)
        .maxBodyBytes(64 << 20).build();
    Decision decision = decide(generous, push(longString(30 << 20)), MIB);
    assertRefused(decision, Outcome.MALFORMED, "LIMIT_EXCEEDED");
  }

  @Test
  void handlerRefusesTenMegabyteStringWith400() {
    Decision decision = decide(HANDLER, push(longString(10_000_001)), 48 * MIB);
    assertRefused(decision, Outcome.MALFORMED, "LIMIT_EXCEEDED");
  }

  @Test
  void handlerRefusesMillionDigitNumberWith400() {
    Decision decision = decide(HANDLER, push(digits(1_000_000)), 8 * MIB);
    assertRefused(decision, Outcome.MALFORMED, "LIMIT_EXCEEDED");
  }

  @Test
  void handlerReadsHugeNumbersInsideTheLimitsAsNumbersWithoutFailing() {
    byte[] body = push("[1e999999999,-1e-999999999,123456789012345678901234567890123456789,"
        + "0." + "9".repeat(190) + "]");
    Decision decision = decide(HANDLER, body, MIB);
    assertEquals(Outcome.ACCEPTED, decision.outcome(), decision.reason());
  }

  @Test
  void handlerRefusesInvalidUtf8With400() {
    byte[] body = push(new byte[] {'"', 'a', (byte) 0xC3, '(', (byte) 0xFF, '"'});
    Decision decision = decide(HANDLER, body, MIB);
    assertRefused(decision, Outcome.MALFORMED, "INVALID_UTF8");
  }

  @Test
  void handlerRefusesNulBytesInAndAroundTheDocumentWith400() {
    for (byte[] value : new byte[][] {{'"', 'a', 0, 'b', '"'}, {0}, {'1', 0}}) {
      Decision decision = decide(HANDLER, push(value), MIB);
      assertRefused(decision, Outcome.MALFORMED, "MALFORMED_JSON");
    }
  }

  // ---- TuxSuite envelopes ----------------------------------------------------------------------

  private static WebhookParseException tuxRefused(byte[] body, long maxBytes) {
    return refused(WebhookParseException.class, maxBytes, () -> TuxSuiteCallbacks.parse(body));
  }

  private static byte[] build(String status) {
    return ("{\"kind\":\"build\",\"status\":" + status + "}").getBytes(UTF_8);
  }

  @Test
  void tuxSuiteRefusesHundredThousandDeepNesting() {
    byte[] body = build(nested(100_000, "{\"a\":", "1", "}"));
    assertEquals(Reason.LIMIT_EXCEEDED, tuxRefused(body, 4 * MIB).reason());
  }

  @Test
  void tuxSuiteRefusesHundredThousandDeepNestingInsideADoubleEncodedBody() {
    String inner = "{\"kind\":\"build\",\"status\":" + nested(100_000, "[", "1", "]") + "}";
    byte[] body = ("\"" + inner.replace("\"", "\\\"") + "\"").getBytes(UTF_8);
    assertEquals(Reason.LIMIT_EXCEEDED, tuxRefused(body, 4 * MIB).reason());
  }

  @Test
  void tuxSuiteRefusesThirtyMebibyteBody() {
    byte[] body = build("{\"uid\":\"x\",\"log\":" + new String(longString(30 << 20), UTF_8)
        + "}");
    assertEquals(Reason.LIMIT_EXCEEDED, tuxRefused(body, MIB).reason());
  }

  @Test
  void tuxSuiteRefusesTenMegabyteString() {
    byte[] body = build("{\"uid\":" + new String(longString(10_000_001), UTF_8) + "}");
    assertEquals(Reason.LIMIT_EXCEEDED, tuxRefused(body, 48 * MIB).reason());
  }

  @Test
  void tuxSuiteRefusesMillionDigitNumber() {
    byte[] body = build("{\"duration\":" + new String(digits(1_000_000), UTF_8) + "}");
    assertEquals(Reason.LIMIT_EXCEEDED, tuxRefused(body, 8 * MIB).reason());
  }

  @Test
  void tuxSuiteReadsAHugeDurationAsNoDuration() {
    byte[] body = build("{\"uid\":\"x\",\"duration\":1e999999999,\"errors_count\":"
        + "123456789012345678901234567890}");
    Bounded.Run<?> run = run(MIB, () -> TuxSuiteCallbacks.parse(body));
    TuxBuildCallback callback = (TuxBuildCallback) run.result();
    assertNull(callback.status().duration());
    assertNull(callback.status().errorsCount());
  }

  @Test
  void tuxSuiteRefusesInvalidUtf8() {
    // a lead byte without its continuation byte, then a byte that is never UTF-8
    for (byte[] bad : new byte[][] {{(byte) 0xC3, '!'}, {(byte) 0xFF}}) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes("{\"kind\":\"build\",\"status\":{\"uid\":\"a".getBytes(UTF_8));
      body.writeBytes(bad);
      body.writeBytes("\"}}".getBytes(UTF_8));
      assertEquals(Reason.INVALID_UTF8, tuxRefused(body.toByteArray(), MIB).reason());
    }
  }

  @Test
  void tuxSuiteRefusesNulBytes() {
    byte[] body = build("{\"uid\":\"a\u0000b\"}");
    assertEquals(Reason.MALFORMED_JSON, tuxRefused(body, MIB).reason());
    assertEquals(Reason.MALFORMED_JSON, tuxRefused(new byte[] {0, '{', '}'}, MIB).reason());
  }
}
