package dev.buildbridge.signing;

import static dev.buildbridge.signing.OpenSshTestKeys.line;
import static dev.buildbridge.signing.OpenSshTestKeys.sign;
import static dev.buildbridge.signing.OpenSshTestKeys.tuxHeader;
import static dev.buildbridge.signing.TuxSuiteCallbackVerifier.SIGNATURE_HEADER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TuxSuiteCallbackVerifierTest {

  // Reference §1.4: made with SQUAD's public test key pair.
  private static final String REFERENCE_KEY = OpenSshPublicKeyTest.REFERENCE_KEY;
  private static final byte[] REFERENCE_BODY = ("{\"kind\": \"test\", \"status\": {\"uid\": "
      + "\"2MBYa8FhoBHkRCX2BMMPusjuClf\", \"state\": \"finished\", \"result\": \"pass\"}}")
      .getBytes(UTF_8);
  private static final String REFERENCE_HEADER = "MEUCIBmRuzA_HKytFkso2bzwHDGi53VxEWbF3_qRbisYPuF"
      + "eAiEAwZJbHWXyftptEh92tDdE1Am2BmQ7YDEW7JQIFKr-dQ0=";

  private static final KeyPair P256 = OpenSshTestKeys.ec("secp256r1");
  private static final byte[] BODY = "{\"kind\": \"build\", \"status\": {}}".getBytes(UTF_8);

  // ---- the real vector --------------------------------------------------------------------------

  @Test
  void verifiesTheReferenceVector() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);

    TuxSuiteVerification verified = verifier.verify(REFERENCE_HEADER, REFERENCE_BODY);

    assertFalse(verified.legacy());
    assertArrayEquals(REFERENCE_BODY, verified.payload());
  }

  @Test
  void rejectsTheReferenceVectorWithOneBodyBitFlipped() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);
    for (int i = 0; i < REFERENCE_BODY.length; i += 17) {
      byte[] tampered = REFERENCE_BODY.clone();
      tampered[i] ^= 1;
      assertRefused(Reason.SIGNATURE_MISMATCH, verifier, REFERENCE_HEADER, tampered,
          "does not match the request body");
    }
  }

  // ---- shared fixtures --------------------------------------------------------------------------

  @Test
  void verifiesEverySharedCallbackFixtureSignedOverItsRawBytes() throws IOException {
    List<Path> fixtures = fixtures();
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));
    for (Path fixture : fixtures) {
      byte[] body = Files.readAllBytes(fixture);
      byte[] der = sign("SHA256withECDSA", P256.getPrivate(), body);
      String urlSafe = Base64.getUrlEncoder().encodeToString(der);
      String standardUnpadded = Base64.getEncoder().withoutPadding().encodeToString(der);

      TuxSuiteVerification verified = verifier.verify(urlSafe, body);
      assertFalse(verified.legacy(), fixture.toString());
      assertArrayEquals(body, verified.payload(), fixture.toString());
      assertArrayEquals(body, verifier.verify(standardUnpadded, body).payload(), fixture.toString());

      byte[] tampered = body.clone();
      tampered[tampered.length / 2] ^= 0x20;
      assertRefused(Reason.SIGNATURE_MISMATCH, verifier, urlSafe, tampered, "does not match");
    }
  }

  @Test
  void acceptsTheStandardBase64AlphabetAndMissingPadding() {
    // Sign until the URL-safe form holds '-' or '_' (about 95% of signatures do), so the
    // standard form really differs.
    String urlSafe;
    do {
      urlSafe = tuxHeader(P256.getPrivate(), BODY);
    } while (urlSafe.indexOf('-') < 0 && urlSafe.indexOf('_') < 0);
    String standard = urlSafe.replace('-', '+').replace('_', '/');
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertArrayEquals(BODY, verifier.verify(standard, BODY).payload());
    assertArrayEquals(BODY, verifier.verify(stripPadding(urlSafe), BODY).payload());
    assertArrayEquals(BODY, verifier.verify(stripPadding(standard), BODY).payload());
  }

  @Test
  void acceptsSurroundingWhitespaceInTheHeader() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertArrayEquals(BODY,
        verifier.verify(" \t" + tuxHeader(P256.getPrivate(), BODY) + " \r\n", BODY).payload());
  }

  // ---- curves and encodings ---------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"secp384r1", "secp521r1"})
  void verifiesLargerCurveKeysWithSha256(String curve) {
    KeyPair pair = OpenSshTestKeys.ec(curve);
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(pair.getPublic()));

    assertArrayEquals(BODY, verifier.verify(tuxHeader(pair.getPrivate(), BODY), BODY).payload());
  }

  @Test
  void rejectsP384SignatureMadeWithSha384BecauseTheSchemeFixesSha256() {
    KeyPair pair = OpenSshTestKeys.ec("secp384r1");
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(pair.getPublic()));
    String header = Base64.getUrlEncoder()
        .encodeToString(sign("SHA384withECDSA", pair.getPrivate(), BODY));

    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, header, BODY, "does not match");
  }

  @Test
  void acceptsIeeeP1363SignatureOf64Bytes() {
    byte[] p1363;
    do {
      p1363 = sign("SHA256withECDSAinP1363Format", P256.getPrivate(), BODY);
    } while (p1363[0] == 0x30);
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertEquals(64, p1363.length);
    assertArrayEquals(BODY,
        verifier.verify(Base64.getUrlEncoder().encodeToString(p1363), BODY).payload());
  }

  @Test
  void acceptsIeeeP1363SignatureThatHappensToStartLikeDer() {
    byte[] p1363;
    do { // r's first byte is 0x30 for about 1 signature in 256
      p1363 = sign("SHA256withECDSAinP1363Format", P256.getPrivate(), BODY);
    } while (p1363[0] != 0x30);
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertArrayEquals(BODY,
        verifier.verify(Base64.getUrlEncoder().encodeToString(p1363), BODY).payload());
  }

  @Test
  void rejectsWrong64ByteSignatureAsMismatch() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));
    byte[] wrong = new byte[64];
    wrong[0] = 0x11;
    wrong[63] = 0x22;

    assertRefused(Reason.SIGNATURE_MISMATCH, verifier,
        Base64.getUrlEncoder().encodeToString(wrong), BODY, "does not match");
  }

  // ---- legacy double encoding -------------------------------------------------------------------

  private static final byte[] LEGACY_BODY = "\"{\\\"signed\\\": \\\"content\\\"}\"".getBytes(UTF_8);
  private static final byte[] LEGACY_SIGNED = "{\"signed\": \"content\"}".getBytes(UTF_8);

  @Test
  void verifiesLegacyDoubleEncodedBodyOverTheInnerString() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));
    String header = tuxHeader(P256.getPrivate(), LEGACY_SIGNED);

    TuxSuiteVerification verified = verifier.verify(header, LEGACY_BODY);

    assertTrue(verified.legacy());
    assertArrayEquals(LEGACY_SIGNED, verified.payload());
  }

  @Test
  void verifiesLegacyBodyWithSurroundingJsonWhitespaceAndUnicodeEscapes() {
    byte[] body = " \r\n\t\"{\\\"name\\\": \\\"caf\\u00e9 \\\\o/\\\"}\"\n".getBytes(UTF_8);
    byte[] signed = "{\"name\": \"caf\u00e9 \\o/\"}".getBytes(UTF_8);
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    TuxSuiteVerification verified = verifier.verify(tuxHeader(P256.getPrivate(), signed), body);

    assertTrue(verified.legacy());
    assertArrayEquals(signed, verified.payload());
  }

  @Test
  void prefersTheRawBodyWhenItIsWhatWasSigned() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    TuxSuiteVerification verified =
        verifier.verify(tuxHeader(P256.getPrivate(), LEGACY_BODY), LEGACY_BODY);

    assertFalse(verified.legacy());
    assertArrayEquals(LEGACY_BODY, verified.payload());
  }

  @Test
  void rejectsLegacyBodyWhenLegacyFormIsTurnedOff() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
        .publicKey(OpenSshPublicKey.parse(line(P256.getPublic())))
        .allowLegacyDoubleEncoding(false)
        .build();

    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, tuxHeader(P256.getPrivate(), LEGACY_SIGNED),
        LEGACY_BODY, "does not match");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"{\\\"signed\\\": \\\"content\\\"}\" \"x\"", // two string literals
      "\"{\\\"signed\\\": \\\"content\\\"}\"]", // trailing content
      "[\"{\\\"signed\\\": \\\"content\\\"}\"]", // not a top-level string
      "\"{\\\"signed\\\": \\\"content\\\"}", // unterminated
      "\"{\\'signed\\': \\'content\\'}\"" // invalid escape: strict JSON only
  })
  void rejectsBodiesThatAreNotExactlyOneJsonStringLiteral(String body) {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));
    String header = tuxHeader(P256.getPrivate(), LEGACY_SIGNED);
    byte[] signedWithQuotes = "{'signed': 'content'}".getBytes(UTF_8);

    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, header, body.getBytes(UTF_8),
        "does not match");
    assertRefused(Reason.SIGNATURE_MISMATCH, verifier,
        tuxHeader(P256.getPrivate(), signedWithQuotes), body.getBytes(UTF_8), "does not match");
  }

  // ---- header refusals --------------------------------------------------------------------------

  @Test
  void rejectsMissingHeaderNamingIt() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertRefused(Reason.MISSING_HEADER, verifier, null, BODY, "missing x-tux-payload-signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " \t\r\n"})
  void rejectsBlankHeader(String header) {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertRefused(Reason.EMPTY_HEADER, verifier, header, BODY, "x-tux-payload-signature header is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "MEUC IBmR", "MEUCIBmR*", "A", "MEUCIBmRé", "=", "MEU=CIBm"})
  void rejectsHeaderThatIsNotBase64(String header) {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertRefused(Reason.MALFORMED_SIGNATURE, verifier, header, BODY,
        "x-tux-payload-signature is not valid base64");
  }

  @Test
  void rejectsOverlongHeader() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    assertRefused(Reason.MALFORMED_SIGNATURE, verifier, "A".repeat(513), BODY,
        "x-tux-payload-signature header is 513 characters long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAAA", "MAIBAQ", "MEUCIBmRuzA_HKytFkso2bzwHDGi53VxEWbF3_qRbisYPuFeAiEAwZJb"})
  void rejectsBase64ThatIsNotADerSignature(String header) {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(line(P256.getPublic()));

    SignatureVerificationException e = assertRefused(Reason.MALFORMED_SIGNATURE, verifier, header,
        BODY, "x-tux-payload-signature is not a DER-encoded ECDSA signature");
    assertTrue(e.getCause() instanceof java.security.SignatureException, String.valueOf(e.getCause()));
  }

  @Test
  void rejectsSignatureFromAnotherKeyAsMismatch() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);

    SignatureVerificationException e = assertRefused(Reason.SIGNATURE_MISMATCH, verifier,
        tuxHeader(P256.getPrivate(), REFERENCE_BODY), REFERENCE_BODY,
        "x-tux-payload-signature does not match the request body");
    assertTrue(e.getMessage().contains("SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU"),
        e.getMessage());
  }

  // ---- header maps ------------------------------------------------------------------------------

  @Test
  void findsTheHeaderInAMapWhateverItsCase() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Tux-Payload-Signature", REFERENCE_HEADER);

    assertFalse(verifier.verify(headers, REFERENCE_BODY).legacy());
    assertFalse(verifier.verify(Map.of(SIGNATURE_HEADER, REFERENCE_HEADER), REFERENCE_BODY).legacy());
    Map<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    insensitive.put("X-TUX-PAYLOAD-SIGNATURE", REFERENCE_HEADER);
    assertFalse(verifier.verify(insensitive, REFERENCE_BODY).legacy());
  }

  @Test
  void rejectsMapWithoutTheHeaderAsMissing() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);

    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(Map.of("Content-Type", "application/json"), REFERENCE_BODY));
    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains(SIGNATURE_HEADER), e.getMessage());
  }

  @Test
  void rejectsMapHoldingTheHeaderUnderTwoSpellings() {
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Tux-Payload-Signature", REFERENCE_HEADER);
    headers.put("X-TUX-PAYLOAD-SIGNATURE", REFERENCE_HEADER);

    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(headers, REFERENCE_BODY));
    assertEquals(Reason.MALFORMED_SIGNATURE, e.reason());
    assertTrue(e.getMessage().contains("x-tux-payload-signature appears twice"), e.getMessage());
  }

  // ---- keys and builder -------------------------------------------------------------------------

  @Test
  void refusesEd25519PinnedKey() {
    String ed25519 = line(OpenSshTestKeys.ed25519().getPublic());

    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> TuxSuiteCallbackVerifier.of(ed25519));
    assertEquals(Reason.UNSUPPORTED_KEY, e.reason());
    assertTrue(e.getMessage().contains("a ssh-ed25519 key"), e.getMessage());
    assertEquals(Optional.empty(), e.header());
  }

  @Test
  void reportsMalformedPinnedKeyLine() {
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> TuxSuiteCallbackVerifier.of("ecdsa-sha2-nistp256"));
    assertEquals(Reason.MALFORMED_KEY, e.reason());
  }

  @Test
  void builderRequiresExactlyOneKeySource() {
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> TuxSuiteCallbackVerifier.newBuilder().build());
    assertTrue(none.getMessage().contains("none was set"), none.getMessage());

    IllegalStateException both = assertThrows(IllegalStateException.class,
        () -> TuxSuiteCallbackVerifier.newBuilder()
            .publicKey(OpenSshPublicKey.parse(REFERENCE_KEY))
            .keyProvider(() -> OpenSshPublicKey.parse(REFERENCE_KEY))
            .build());
    assertTrue(both.getMessage().contains("both were set"), both.getMessage());
  }

  @Test
  void builderRejectsBadArgumentsNamingThem() {
    TuxSuiteCallbackVerifier.Builder builder = TuxSuiteCallbackVerifier.newBuilder();

    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> builder.refreshInterval(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().startsWith("refreshInterval < 0"), negative.getMessage());
    assertEquals("interval",
        assertThrows(NullPointerException.class, () -> builder.refreshInterval(null)).getMessage());
    assertEquals("pinned",
        assertThrows(NullPointerException.class, () -> builder.publicKey(null)).getMessage());
    assertEquals("provider",
        assertThrows(NullPointerException.class, () -> builder.keyProvider(null)).getMessage());
    assertEquals("clock",
        assertThrows(NullPointerException.class, () -> builder.clock(null)).getMessage());
    assertEquals("pinnedOpenSshLine", assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbackVerifier.of((String) null)).getMessage());
    assertEquals("pinned", assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbackVerifier.of((OpenSshPublicKey) null)).getMessage());
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(REFERENCE_KEY);
    assertEquals("body", assertThrows(NullPointerException.class,
        () -> verifier.verify(REFERENCE_HEADER, null)).getMessage());
    assertEquals("headers", assertThrows(NullPointerException.class,
        () -> verifier.verify((Map<String, String>) null, REFERENCE_BODY)).getMessage());
  }

  @Test
  void toBuilderKeepsTheConfiguration() {
    TuxSuiteCallbackVerifier strict = TuxSuiteCallbackVerifier.of(line(P256.getPublic()))
        .toBuilder()
        .allowLegacyDoubleEncoding(false)
        .build();
    TuxSuiteCallbackVerifier lenientAgain = strict.toBuilder().allowLegacyDoubleEncoding(true).build();
    String header = tuxHeader(P256.getPrivate(), LEGACY_SIGNED);

    assertRefused(Reason.SIGNATURE_MISMATCH, strict, header, LEGACY_BODY, "does not match");
    assertTrue(lenientAgain.verify(header, LEGACY_BODY).legacy());
  }

  @Test
  void toStringShowsKeySourceButNoSecrets() {
    assertEquals("TuxSuiteCallbackVerifier[key=ecdsa-sha2-nistp256 "
        + "SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU, legacyDoubleEncoding=true]",
        TuxSuiteCallbackVerifier.of(REFERENCE_KEY).toString());
    String withProvider = TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(new FakeProvider(null))
        .build()
        .toString();
    assertTrue(withProvider.contains("keyProvider=FakeProvider"), withProvider);
    assertTrue(withProvider.contains("refreshInterval=PT5M"), withProvider);
  }

  // ---- key provider -----------------------------------------------------------------------------

  private static final KeyPair OLD = OpenSshTestKeys.ec("secp256r1");
  private static final KeyPair NEW = OpenSshTestKeys.ec("secp256r1");
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  @Test
  void fetchesTheKeyLazilyOnceAndCachesIt() {
    FakeProvider provider = new FakeProvider(OLD);
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, new MutableClock());

    assertEquals(0, provider.fetches.get());
    for (int i = 0; i < 5; i++) {
      verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);
    }
    assertEquals(1, provider.fetches.get());
  }

  @Test
  void doesNotFetchWhenTheHeaderIsMissingOrMalformed() {
    FakeProvider provider = new FakeProvider(OLD);
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, new MutableClock());

    assertThrows(SignatureVerificationException.class, () -> verifier.verify((String) null, BODY));
    assertThrows(SignatureVerificationException.class, () -> verifier.verify("!!", BODY));
    assertEquals(0, provider.fetches.get());
  }

  @Test
  void picksUpARotatedKeyOnceTheRefreshIntervalHasPassed() {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);

    provider.serve(NEW);
    String newHeader = tuxHeader(NEW.getPrivate(), BODY);
    clock.advance(INTERVAL.minusSeconds(1));
    // Within the interval: no fetch, so the new key's signature does not match yet.
    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, newHeader, BODY, "does not match");
    assertEquals(1, provider.fetches.get());

    clock.advance(Duration.ofSeconds(1));
    assertArrayEquals(BODY, verifier.verify(newHeader, BODY).payload());
    assertEquals(2, provider.fetches.get());
    // The new key is now cached: good signatures need no fetch; old ones no longer match.
    verifier.verify(newHeader, BODY);
    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, tuxHeader(OLD.getPrivate(), BODY), BODY,
        "does not match");
    assertEquals(2, provider.fetches.get());
  }

  @Test
  void floodOfBadSignaturesCausesAtMostOneFetchPerInterval() {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    String forged = tuxHeader(NEW.getPrivate(), BODY);

    for (int round = 1; round <= 3; round++) {
      for (int i = 0; i < 20; i++) {
        assertRefused(Reason.SIGNATURE_MISMATCH, verifier, forged, BODY, "does not match");
      }
      assertEquals(round, provider.fetches.get());
      clock.advance(INTERVAL);
    }
  }

  @Test
  void concurrentBadSignaturesShareOneRefresh() throws Exception {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);
    clock.advance(INTERVAL);
    String forged = tuxHeader(NEW.getPrivate(), BODY);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          int mismatches = 0;
          for (int i = 0; i < 25; i++) {
            try {
              verifier.verify(forged, BODY);
            } catch (SignatureVerificationException e) {
              mismatches += e.reason() == Reason.SIGNATURE_MISMATCH ? 1 : 0;
            }
          }
          return mismatches;
        }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(25, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, provider.fetches.get());
  }

  @Test
  void concurrentCallersPickUpTheRotatedKeyFromOneFetch() throws Exception {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);
    provider.serve(NEW);
    clock.advance(INTERVAL);
    String newHeader = tuxHeader(NEW.getPrivate(), BODY);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<TuxSuiteVerification>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return verifier.verify(newHeader, BODY);
        }));
      }
      start.countDown();
      for (Future<TuxSuiteVerification> result : results) {
        assertArrayEquals(BODY, result.get().payload());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, provider.fetches.get());
  }

  @Test
  void keepsTheCachedKeyWhenTheProviderFails() {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);

    provider.fail(new IOException("tuxapi.tuxsuite.com: connection refused"));
    clock.advance(INTERVAL);
    // The mismatch triggers a refresh, which fails: still a mismatch, not KEY_UNAVAILABLE.
    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, tuxHeader(NEW.getPrivate(), BODY), BODY,
        "does not match");
    assertEquals(2, provider.fetches.get());
    assertArrayEquals(BODY, verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY).payload());
    assertEquals(2, provider.fetches.get());
  }

  @Test
  void keepsTheCachedKeyWhenTheProviderTurnsToAnUnsupportedKey() {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);

    provider.serve(OpenSshTestKeys.ed25519());
    clock.advance(INTERVAL);
    assertRefused(Reason.SIGNATURE_MISMATCH, verifier, tuxHeader(NEW.getPrivate(), BODY), BODY,
        "does not match");
    assertArrayEquals(BODY, verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY).payload());
  }

  @Test
  void reportsKeyUnavailableKeepingTheCauseWhenTheFirstFetchFails() {
    FakeProvider provider = new FakeProvider(OLD);
    IOException outage = new IOException("tuxapi.tuxsuite.com: 503");
    provider.fail(outage);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    String header = tuxHeader(OLD.getPrivate(), BODY);

    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(header, BODY));
    assertEquals(Reason.KEY_UNAVAILABLE, e.reason());
    assertSame(outage, e.getCause());
    assertTrue(e.getMessage().contains("could not get the TuxSuite public key"), e.getMessage());
    assertTrue(e.getMessage().contains("asked again after PT5M"), e.getMessage());

    // Within the interval the provider is not asked again.
    SignatureVerificationException again = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(header, BODY));
    assertEquals(Reason.KEY_UNAVAILABLE, again.reason());
    assertSame(outage, again.getCause());
    assertEquals(1, provider.fetches.get());

    provider.serve(OLD);
    clock.advance(INTERVAL);
    assertArrayEquals(BODY, verifier.verify(header, BODY).payload());
    assertEquals(2, provider.fetches.get());
  }

  @Test
  void reportsKeyUnavailableWhenTheProviderReturnsNullOrAnUnparsableKey() {
    PublicKeyProvider returnsNull = () -> null;
    PublicKeyProvider unparsable = () -> OpenSshPublicKey.parse("ecdsa-sha2-nistp256 ???");
    String header = tuxHeader(OLD.getPrivate(), BODY);

    SignatureVerificationException none = assertThrows(SignatureVerificationException.class,
        () -> providerVerifier(returnsNull, new MutableClock()).verify(header, BODY));
    assertEquals(Reason.KEY_UNAVAILABLE, none.reason());
    assertTrue(none.getMessage().contains("returned no key"), none.getMessage());

    SignatureVerificationException bad = assertThrows(SignatureVerificationException.class,
        () -> providerVerifier(unparsable, new MutableClock()).verify(header, BODY));
    assertEquals(Reason.KEY_UNAVAILABLE, bad.reason());
    assertEquals(Reason.MALFORMED_KEY, ((SignatureVerificationException) bad.getCause()).reason());
  }

  @Test
  void reportsUnsupportedKeyWhenTheProviderReturnsEd25519() {
    FakeProvider provider = new FakeProvider(OpenSshTestKeys.ed25519());

    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> providerVerifier(provider, new MutableClock())
            .verify(tuxHeader(OLD.getPrivate(), BODY), BODY));
    assertEquals(Reason.UNSUPPORTED_KEY, e.reason());
    assertTrue(e.getMessage().contains("ssh-ed25519"), e.getMessage());
  }

  @Test
  void zeroRefreshIntervalRefetchesOnEveryMismatch() {
    FakeProvider provider = new FakeProvider(OLD);
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(provider)
        .refreshInterval(Duration.ZERO)
        .clock(new MutableClock())
        .build();
    String forged = tuxHeader(NEW.getPrivate(), BODY);

    for (int i = 0; i < 3; i++) {
      assertRefused(Reason.SIGNATURE_MISMATCH, verifier, forged, BODY, "does not match");
    }
    assertEquals(4, provider.fetches.get()); // the first fetch, then one per mismatch
  }

  @Test
  void refreshesAgainAfterTheClockWentBackwards() {
    FakeProvider provider = new FakeProvider(OLD);
    MutableClock clock = new MutableClock();
    TuxSuiteCallbackVerifier verifier = providerVerifier(provider, clock);
    verifier.verify(tuxHeader(OLD.getPrivate(), BODY), BODY);
    provider.serve(NEW);

    clock.advance(Duration.ofHours(-1));
    assertArrayEquals(BODY, verifier.verify(tuxHeader(NEW.getPrivate(), BODY), BODY).payload());
    assertEquals(2, provider.fetches.get());
  }

  // ---- support ----------------------------------------------------------------------------------

  private static TuxSuiteCallbackVerifier providerVerifier(PublicKeyProvider provider, Clock clock) {
    return TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(provider)
        .refreshInterval(INTERVAL)
        .clock(clock)
        .build();
  }

  private static List<Path> fixtures() throws IOException {
    Path dir = SharedData.require("fixtures/tuxsuite");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() >= 4, "expected the build/test/oebuild/plan callbacks in " + dir);
    return files;
  }

  private static String stripPadding(String base64) {
    int end = base64.length();
    while (base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
  }

  /** Asserts reason, message and header, and that the message holds no signature value. */
  private static SignatureVerificationException assertRefused(Reason reason,
      TuxSuiteCallbackVerifier verifier, String header, byte[] body, String messageFragment) {
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(header, body));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(messageFragment),
        () -> "message lacks '" + messageFragment + "': " + e.getMessage());
    assertTrue(e.getMessage().contains(SIGNATURE_HEADER), e.getMessage());
    assertEquals(Optional.of(SIGNATURE_HEADER), e.header());
    if (header != null && header.trim().length() >= 6) {
      assertFalse(e.getMessage().contains(header.trim().substring(0, 6)), e.getMessage());
    }
    return e;
  }

  /** Serves a key (or fails) and counts calls. */
  private static final class FakeProvider implements PublicKeyProvider {
    final AtomicInteger fetches = new AtomicInteger();
    private volatile OpenSshPublicKey key;
    private volatile IOException failure;

    FakeProvider(KeyPair pair) {
      if (pair != null) {
        serve(pair);
      }
    }

    void serve(KeyPair pair) {
      key = OpenSshPublicKey.parse(line(pair.getPublic()));
      failure = null;
    }

    void fail(IOException e) {
      failure = e;
    }

    @Override
    public OpenSshPublicKey fetch() throws IOException {
      fetches.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return key;
    }

    @Override
    public String toString() {
      return "FakeProvider";
    }
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
