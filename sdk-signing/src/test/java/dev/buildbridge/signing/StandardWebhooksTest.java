package dev.buildbridge.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.StandardWebhooks.SigningKeyPair;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StandardWebhooksTest {
  // Reference-library test vector; confirmed independently with
  // openssl dgst -sha256 -mac HMAC -macopt hexkey:<base64-decoded key> over "{id}.{ts}.{body}"
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String TS = "1614265330";
  private static final Instant TIME = Instant.ofEpochSecond(1614265330L);
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);
  private static final String V1 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  // RFC 8032 section 7.1, test 1; the v1a value was computed with
  // openssl pkeyutl -sign -rawin over "{ID}.{TS}.{BODY}" with that key
  private static final String RFC8032_SEED = "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
  private static final String RFC8032_PUBLIC = "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
  private static final String V1A =
      "v1a,fldxM4gAKugP6nnt1hdz3sgGfZ6d99nzrMFnZOELIxbzEHoVmAb2ADpkJK7zgPePmPsle0zV9jSeGlHFG2NVAw==";

  private static final Clock AT_TIME = Clock.fixed(TIME, ZoneOffset.UTC);

  private final StandardWebhooks webhooks =
      StandardWebhooks.newBuilder().secret(SECRET).clock(AT_TIME).build();

  @Test
  void signsReferenceTestVector() {
    WebhookHeaders headers = webhooks.sign(ID, TIME, BODY);
    assertEquals(new WebhookHeaders(ID, TS, V1), headers);
  }

  @Test
  void verifiesReferenceTestVector() {
    assertDoesNotThrow(() -> webhooks.verify(ID, TS, V1, BODY));
    assertDoesNotThrow(() -> webhooks.verify(new WebhookHeaders(ID, TS, V1).asMap(), BODY));
  }

  @Test
  void acceptsSecretWithoutPrefixAndWithSurroundingWhitespace() {
    StandardWebhooks bare =
        StandardWebhooks.newBuilder().secret(" MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n").clock(AT_TIME)
            .build();
    assertEquals(V1, bare.sign(ID, TIME, BODY).signature());
  }

  @Test
  void dropsFractionsOfASecondWhenSigning() {
    assertEquals(V1, webhooks.sign(ID, TIME.plusMillis(999), BODY).signature());
  }

  @Test
  void looksUpHeadersIgnoringCase() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Webhook-Id", ID);
    headers.put("WEBHOOK-TIMESTAMP", TS);
    headers.put("webhook-Signature", V1);
    headers.put("Content-Type", "application/json");
    assertDoesNotThrow(() -> webhooks.verify(headers, BODY));
  }

  @Test
  void asMapUsesStandardHeaderNamesInOrder() {
    Map<String, String> map = new WebhookHeaders(ID, TS, V1).asMap();
    assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature"),
        new ArrayList<>(map.keySet()));
    assertEquals(V1, map.get(WebhookHeaders.SIGNATURE));
    assertThrows(UnsupportedOperationException.class, () -> map.put("x", "y"));
  }

  @Test
  void acceptsTimestampsUpToFiveMinutesOffInEitherDirection() {
    assertAcceptedAt(TIME.plusSeconds(300));
    assertAcceptedAt(TIME.minusSeconds(300));
    assertAcceptedAt(TIME.plusSeconds(300).plusMillis(999)); // whole seconds are compared
  }

  @Test
  void rejectsTimestampMoreThanFiveMinutesInThePast() {
    SignatureVerificationException e = assertRejectedAt(TIME.plusSeconds(301));
    assertTrue(e.getMessage().contains("301 s in the past"), e.getMessage());
    assertTrue(e.getMessage().contains("tolerance of 300 s"), e.getMessage());
  }

  @Test
  void rejectsTimestampMoreThanFiveMinutesInTheFuture() {
    SignatureVerificationException e = assertRejectedAt(TIME.minusSeconds(301));
    assertTrue(e.getMessage().contains("301 s in the future"), e.getMessage());
  }

  @Test
  void honoursConfiguredTolerance() {
    StandardWebhooks strict = StandardWebhooks.newBuilder().secret(SECRET)
        .tolerance(Duration.ofSeconds(10)).clock(Clock.fixed(TIME.plusSeconds(10), ZoneOffset.UTC))
        .build();
    assertDoesNotThrow(() -> strict.verify(ID, TS, V1, BODY));
    StandardWebhooks zero = StandardWebhooks.newBuilder().secret(SECRET)
        .tolerance(Duration.ZERO).clock(Clock.fixed(TIME.plusSeconds(1), ZoneOffset.UTC)).build();
    assertFails(Reason.TIMESTAMP_OUT_OF_TOLERANCE, WebhookHeaders.TIMESTAMP,
        () -> zero.verify(ID, TS, V1, BODY));
  }

  @Test
  void checksTimestampBeforeSignatures() {
    StandardWebhooks later = StandardWebhooks.newBuilder().secret(SECRET)
        .clock(Clock.fixed(TIME.plusSeconds(3600), ZoneOffset.UTC)).build();
    assertFails(Reason.TIMESTAMP_OUT_OF_TOLERANCE, WebhookHeaders.TIMESTAMP,
        () -> later.verify(ID, TS, "garbage", BODY));
  }

  @Test
  void acceptsAnyConfiguredSecretDuringRotation() {
    String newSecret = StandardWebhooks.generateSecret();
    StandardWebhooks rotating =
        StandardWebhooks.newBuilder().secret(newSecret).secret(SECRET).clock(AT_TIME).build();
    String unknown =
        StandardWebhooks.newBuilder().secret(StandardWebhooks.generateSecret()).build()
            .sign(ID, TIME, BODY).signature();
    assertDoesNotThrow(() -> rotating.verify(ID, TS, unknown + " " + V1, BODY));
    assertDoesNotThrow(() -> rotating.verify(ID, TS, V1 + " " + unknown, BODY));
    assertFails(Reason.SIGNATURE_MISMATCH, WebhookHeaders.SIGNATURE,
        () -> rotating.verify(ID, TS, unknown, BODY));
  }

  @Test
  void signsWithEverySecretSoEitherReceiverAccepts() {
    String newSecret = StandardWebhooks.generateSecret();
    WebhookHeaders headers = StandardWebhooks.newBuilder().secret(newSecret).secret(SECRET).build()
        .sign(ID, TIME, BODY);
    String[] entries = headers.signature().split(" ");
    assertEquals(2, entries.length);
    assertEquals(V1, entries[1]);
    StandardWebhooks onlyNew =
        StandardWebhooks.newBuilder().secret(newSecret).clock(AT_TIME).build();
    assertDoesNotThrow(() -> onlyNew.verify(headers.asMap(), BODY));
    assertDoesNotThrow(() -> webhooks.verify(headers.asMap(), BODY));
  }

  @Test
  void acceptsHeaderWhereOnlyOneOfSeveralEntriesIsValid() {
    String header = "v2,abcd v1,!!notbase64!! v1a,AAAA  v1," + Base64.getEncoder()
        .encodeToString(new byte[32]) + " " + V1;
    assertDoesNotThrow(() -> webhooks.verify(ID, TS, header, BODY));
  }

  @Test
  void signsReferenceVectorWithRfc8032Key() {
    StandardWebhooks signer =
        StandardWebhooks.newBuilder().signingKey(RFC8032_SEED).clock(AT_TIME).build();
    assertEquals(V1A, signer.sign(ID, TIME, BODY).signature());
    StandardWebhooks verifier =
        StandardWebhooks.newBuilder().publicKey(RFC8032_PUBLIC).clock(AT_TIME).build();
    assertDoesNotThrow(() -> verifier.verify(ID, TS, V1A, BODY));
    assertDoesNotThrow(() -> signer.verify(ID, TS, V1A, BODY)); // a signing key also verifies
  }

  @Test
  void acceptsSigningKeyAsSeedOrSeedFollowedByPublicKey() {
    byte[] seed = Base64.getDecoder().decode(RFC8032_SEED.substring(5));
    byte[] pub = Base64.getDecoder().decode(RFC8032_PUBLIC.substring(5));
    byte[] both = new byte[64];
    System.arraycopy(seed, 0, both, 0, 32);
    System.arraycopy(pub, 0, both, 32, 32);
    StandardWebhooks libsodium = StandardWebhooks.newBuilder()
        .signingKey("whsk_" + Base64.getEncoder().encodeToString(both)).build();
    assertEquals(V1A, libsodium.sign(ID, TIME, BODY).signature());
  }

  @Test
  void rejectsSigningKeyWhosePublicHalfDoesNotMatchItsSeed() {
    SigningKeyPair a = StandardWebhooks.generateKeyPair();
    SigningKeyPair b = StandardWebhooks.generateKeyPair();
    byte[] seedOfA = Base64.getDecoder().decode(a.signingKey().substring(5));
    byte[] pubOfB = Base64.getDecoder().decode(b.publicKey().substring(5));
    System.arraycopy(pubOfB, 0, seedOfA, 32, 32);
    String mixed = "whsk_" + Base64.getEncoder().encodeToString(seedOfA);
    SignatureVerificationException e = assertFails(Reason.MALFORMED_KEY, null,
        () -> StandardWebhooks.newBuilder().signingKey(mixed));
    assertTrue(e.getMessage().contains("does not belong to the seed"), e.getMessage());
  }

  @Test
  void generatedKeyPairSignsAndVerifiesAndDetectsTampering() {
    SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    assertTrue(pair.signingKey().startsWith("whsk_"));
    assertTrue(pair.publicKey().startsWith("whpk_"));
    assertEquals(64, Base64.getDecoder().decode(pair.signingKey().substring(5)).length);
    StandardWebhooks sender = StandardWebhooks.newBuilder().signingKey(pair.signingKey()).build();
    StandardWebhooks receiver =
        StandardWebhooks.newBuilder().publicKey(pair.publicKey()).clock(AT_TIME).build();
    WebhookHeaders headers = sender.sign(ID, TIME, BODY);
    assertTrue(headers.signature().startsWith("v1a,"));
    assertDoesNotThrow(() -> receiver.verify(headers.asMap(), BODY));

    byte[] tampered = BODY.clone();
    tampered[2] ^= 1;
    assertFails(Reason.SIGNATURE_MISMATCH, WebhookHeaders.SIGNATURE,
        () -> receiver.verify(headers.asMap(), tampered));

    byte[] signature = Base64.getDecoder().decode(headers.signature().substring(4));
    signature[10] ^= 1;
    String forged = "v1a," + Base64.getEncoder().encodeToString(signature);
    assertFails(Reason.SIGNATURE_MISMATCH, WebhookHeaders.SIGNATURE,
        () -> receiver.verify(ID, TS, forged, BODY));
    byte[] highS = Base64.getDecoder().decode(headers.signature().substring(4));
    highS[63] = (byte) 0xff; // S out of range: the JVM refuses it, which counts as no match
    String noncanonical = "v1a," + Base64.getEncoder().encodeToString(highS);
    assertFails(Reason.SIGNATURE_MISMATCH, WebhookHeaders.SIGNATURE,
        () -> receiver.verify(ID, TS, noncanonical, BODY));
  }

  @Test
  void signsWithSecretsAndSigningKeysTogether() {
    StandardWebhooks both =
        StandardWebhooks.newBuilder().secret(SECRET).signingKey(RFC8032_SEED).build();
    assertEquals(V1 + " " + V1A, both.sign(ID, TIME, BODY).signature());
  }

  @Test
  void rejectsEachMissingHeaderNamingIt() {
    assertFails(Reason.MISSING_HEADER, "webhook-id", () -> webhooks.verify(null, TS, V1, BODY));
    assertFails(Reason.MISSING_HEADER, "webhook-timestamp",
        () -> webhooks.verify(ID, null, V1, BODY));
    SignatureVerificationException e = assertFails(Reason.MISSING_HEADER, "webhook-signature",
        () -> webhooks.verify(Map.of("webhook-id", ID, "webhook-timestamp", TS), BODY));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void rejectsBlankHeaders() {
    assertFails(Reason.EMPTY_HEADER, "webhook-id", () -> webhooks.verify("", TS, V1, BODY));
    assertFails(Reason.EMPTY_HEADER, "webhook-timestamp", () -> webhooks.verify(ID, " ", V1, BODY));
    assertFails(Reason.EMPTY_HEADER, "webhook-signature", () -> webhooks.verify(ID, TS, "\t", BODY));
  }

  @Test
  void rejectsTimestampThatIsNotAnInteger() {
    for (String bad : new String[] {"abc", "1614265330.0", "-1614265330", "+1614265330",
        "1614265330x", "1".repeat(19), "１６１４２６５３３０"}) {
      SignatureVerificationException e = assertFails(Reason.MALFORMED_TIMESTAMP,
          "webhook-timestamp", () -> webhooks.verify(ID, bad, V1, BODY));
      assertTrue(e.getMessage().contains("expected Unix seconds"), e.getMessage());
    }
  }

  @Test
  void rejectsIdContainingDotAsMalformedTimestamp() {
    SignatureVerificationException e = assertFails(Reason.MALFORMED_TIMESTAMP, "webhook-id",
        () -> webhooks.verify("msg.1", TS, V1, BODY));
    assertTrue(e.getMessage().contains("contains '.'"), e.getMessage());
  }

  @Test
  void rejectsSignatureHeaderWithoutAnyWellFormedEntry() {
    for (String bad : new String[] {"garbage", "v1,!!!", "v1", "v1,", "v2,abcd",
        "v1," + Base64.getEncoder().encodeToString(new byte[16]),
        "v1a," + Base64.getEncoder().encodeToString(new byte[32]), "V1," + V1.substring(3),
        "v1=" + V1.substring(3)}) {
      SignatureVerificationException e = assertFails(Reason.MALFORMED_SIGNATURE,
          "webhook-signature", () -> webhooks.verify(ID, TS, bad, BODY));
      assertTrue(e.getMessage().contains("expected space-separated v1,<base64"), e.getMessage());
    }
  }

  @Test
  void rejectsWellFormedSignatureThatDoesNotMatch() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(UTF_8);
    SignatureVerificationException e = assertFails(Reason.SIGNATURE_MISMATCH,
        "webhook-signature", () -> webhooks.verify(ID, TS, V1, tampered));
    assertTrue(e.getMessage().contains("no entry matches the body"), e.getMessage());
    assertFails(Reason.SIGNATURE_MISMATCH, "webhook-signature",
        () -> webhooks.verify("msg_other", TS, V1, BODY));
  }

  @Test
  void rejectsV1EntryWhenHoldingOnlyPublicKeys() {
    StandardWebhooks verifier =
        StandardWebhooks.newBuilder().publicKey(RFC8032_PUBLIC).clock(AT_TIME).build();
    SignatureVerificationException e = assertFails(Reason.SIGNATURE_MISMATCH,
        "webhook-signature", () -> verifier.verify(ID, TS, V1, BODY));
    assertTrue(e.getMessage().contains("1 v1 checked against 0 secret(s)"), e.getMessage());
  }

  @Test
  void examinesOnlyTheFirstSixteenEntries() {
    String filler = "v1," + Base64.getEncoder().encodeToString(new byte[32]) + " ";
    String fifteenThenValid = filler.repeat(15) + V1;
    assertDoesNotThrow(() -> webhooks.verify(ID, TS, fifteenThenValid, BODY));
    String sixteenThenValid = filler.repeat(16) + V1;
    assertFails(Reason.SIGNATURE_MISMATCH, "webhook-signature",
        () -> webhooks.verify(ID, TS, sixteenThenValid, BODY));
  }

  @Test
  void rejectsMalformedSecrets() {
    assertMalformedKey("not valid base64", () -> StandardWebhooks.newBuilder().secret("whsec_!!!"));
    assertMalformedKey("decodes to 16 bytes",
        () -> StandardWebhooks.newBuilder()
            .secret("whsec_" + Base64.getEncoder().encodeToString(new byte[16])));
    assertMalformedKey("decodes to 65 bytes",
        () -> StandardWebhooks.newBuilder()
            .secret("whsec_" + Base64.getEncoder().encodeToString(new byte[65])));
    assertMalformedKey("starts with whpk_",
        () -> StandardWebhooks.newBuilder().secret(RFC8032_PUBLIC));
    assertMalformedKey("decodes to 0 bytes", () -> StandardWebhooks.newBuilder().secret("whsec_"));
  }

  @Test
  void rejectsMalformedEd25519Keys() {
    assertMalformedKey("decodes to 31 bytes",
        () -> StandardWebhooks.newBuilder()
            .publicKey("whpk_" + Base64.getEncoder().encodeToString(new byte[31])));
    assertMalformedKey("point off the curve", // y = 2 has no x on edwards25519
        () -> StandardWebhooks.newBuilder()
            .publicKey("whpk_AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    assertMalformedKey("small order", // the neutral element
        () -> StandardWebhooks.newBuilder()
            .publicKey("whpk_AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    assertMalformedKey("starts with whsk_",
        () -> StandardWebhooks.newBuilder().publicKey(RFC8032_SEED));
    assertMalformedKey("decodes to 48 bytes",
        () -> StandardWebhooks.newBuilder()
            .signingKey("whsk_" + Base64.getEncoder().encodeToString(new byte[48])));
    assertMalformedKey("not valid base64", () -> StandardWebhooks.newBuilder().signingKey("whsk_%"));
    assertMalformedKey("starts with whsec_",
        () -> StandardWebhooks.newBuilder().signingKey(SECRET));
  }

  @Test
  void keyErrorsNeverQuoteTheKey() {
    String almost = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS*";
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> StandardWebhooks.newBuilder().secret(almost));
    assertFalse(e.getMessage().contains("MfKQ"), e.getMessage());
    assertFalse(e.getMessage().contains("*"), e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  void generatedSecretIs32RandomBytesWithPrefix() {
    String a = StandardWebhooks.generateSecret();
    String b = StandardWebhooks.generateSecret();
    assertTrue(a.startsWith("whsec_"), a);
    assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
    assertNotEquals(a, b);
    StandardWebhooks fresh = StandardWebhooks.newBuilder().secret(a).clock(AT_TIME).build();
    assertDoesNotThrow(() -> fresh.verify(fresh.sign(ID, TIME, BODY).asMap(), BODY));
  }

  @Test
  void toStringRedactsSecretsAndSigningKeys() {
    SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    StandardWebhooks all = StandardWebhooks.newBuilder().secret(SECRET)
        .signingKey(pair.signingKey()).publicKey(RFC8032_PUBLIC).build();
    String text = all.toString();
    assertEquals("StandardWebhooks[secrets=<1 redacted>, signingKeys=<1 redacted>, publicKeys=2,"
        + " tolerance=PT5M]", text);
    String pairText = pair.toString();
    assertFalse(pairText.contains(pair.signingKey().substring(5, 20)), pairText);
    assertTrue(pairText.contains("signingKey=<redacted>"), pairText);
    assertTrue(pairText.contains(pair.publicKey()), pairText);
  }

  @Test
  void buildRequiresASecretOrKey() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StandardWebhooks.newBuilder().build());
    assertTrue(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void verifyOnlyInstanceCannotSign() {
    StandardWebhooks verifier = StandardWebhooks.newBuilder().publicKey(RFC8032_PUBLIC).build();
    assertThrows(IllegalStateException.class, () -> verifier.sign(ID, TIME, BODY));
  }

  @Test
  void signRejectsIdsThatCannotBeSent() {
    for (String bad : new String[] {"", "msg.1", "msg 1", "msg\n1", "msg_é"}) {
      assertThrows(IllegalArgumentException.class, () -> webhooks.sign(bad, TIME, BODY), bad);
    }
    assertThrows(IllegalArgumentException.class,
        () -> webhooks.sign(ID, Instant.ofEpochSecond(-1), BODY));
  }

  @Test
  void rejectsBadBuilderArgumentsNamingThem() {
    StandardWebhooks.Builder builder = StandardWebhooks.newBuilder();
    assertEquals("tolerance < 0", assertThrows(IllegalArgumentException.class,
        () -> builder.tolerance(Duration.ofSeconds(-1))).getMessage());
    assertEquals("tolerance",
        assertThrows(NullPointerException.class, () -> builder.tolerance(null)).getMessage());
    assertEquals("clock",
        assertThrows(NullPointerException.class, () -> builder.clock(null)).getMessage());
    assertEquals("whsecSecret",
        assertThrows(NullPointerException.class, () -> builder.secret(null)).getMessage());
    assertEquals("body", assertThrows(NullPointerException.class,
        () -> webhooks.verify(ID, TS, V1, null)).getMessage());
    assertEquals("headers", assertThrows(NullPointerException.class,
        () -> webhooks.verify((Map<String, String>) null, BODY)).getMessage());
  }

  @Test
  void builtInstanceIgnoresLaterBuilderChanges() {
    StandardWebhooks.Builder builder = StandardWebhooks.newBuilder().secret(SECRET).clock(AT_TIME);
    StandardWebhooks first = builder.build();
    builder.secret(StandardWebhooks.generateSecret()).tolerance(Duration.ZERO);
    assertEquals(V1, first.sign(ID, TIME, BODY).signature());
    assertTrue(first.toString().contains("secrets=<1 redacted>"));
  }

  @Test
  void classJavadocExamplesRun() {
    String newSecret = StandardWebhooks.generateSecret();
    StandardWebhooks receiver = StandardWebhooks.newBuilder()
        .secret(newSecret)
        .secret(SECRET)
        .tolerance(Duration.ofMinutes(2))
        .clock(AT_TIME)
        .build();
    Map<String, String> request = Map.of(
        "webhook-id", ID,
        "webhook-timestamp", TS,
        "webhook-signature", V1);
    receiver.verify(
        request.get("webhook-id"),
        request.get("webhook-timestamp"),
        request.get("webhook-signature"),
        BODY);
    receiver.verify(request, BODY);

    SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    StandardWebhooks sender = StandardWebhooks.newBuilder().signingKey(pair.signingKey()).build();
    StandardWebhooks verifier = StandardWebhooks.newBuilder().publicKey(pair.publicKey()).build();
    verifier.verify(sender.sign("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Instant.now(), BODY).asMap(),
        BODY);
  }

  @Test
  void headersCopyOntoAnHttpRequest() {
    WebhookHeaders headers = webhooks.sign(ID, TIME, BODY);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://example.invalid/hook"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
    headers.asMap().forEach(request::header);
    Map<String, List<String>> sent = request.build().headers().map();
    assertEquals(List.of(V1), sent.get("webhook-signature"));
    assertEquals(List.of(TS), sent.get("webhook-timestamp"));
    assertEquals(List.of(ID), sent.get("webhook-id"));
  }

  private void assertAcceptedAt(Instant now) {
    StandardWebhooks at =
        StandardWebhooks.newBuilder().secret(SECRET).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    assertDoesNotThrow(() -> at.verify(ID, TS, V1, BODY), now::toString);
  }

  private SignatureVerificationException assertRejectedAt(Instant now) {
    StandardWebhooks at =
        StandardWebhooks.newBuilder().secret(SECRET).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    return assertFails(Reason.TIMESTAMP_OUT_OF_TOLERANCE, "webhook-timestamp",
        () -> at.verify(ID, TS, V1, BODY));
  }

  private static void assertMalformedKey(String problem, Executable call) {
    SignatureVerificationException e = assertFails(Reason.MALFORMED_KEY, null, call);
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  private static SignatureVerificationException assertFails(
      Reason reason, String header, Executable call) {
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class, call);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(Optional.ofNullable(header), e.header());
    if (header != null) {
      assertTrue(e.getMessage().startsWith(header + ": "), e.getMessage());
    }
    assertFalse(e.getMessage().contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), e.getMessage());
    assertFalse(e.getMessage().contains("g0hM9SsE"), e.getMessage());
    return e;
  }
}
