package dev.buildbridge.signing.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.TuxSuiteVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fuzzes the TuxSuite {@code x-tux-payload-signature} parser and verifier: whatever the headers and
 * body, {@link TuxSuiteCallbackVerifier#verify} returns a verification or throws
 * {@link SignatureVerificationException}, for a pinned key and for a key provider alike, and by
 * header map and by header value alike. The input is a request in {@link FuzzedRequest}'s form;
 * these header values become a signature by the test's key (fresh in every run), which must
 * verify: {@code @sign} (DER, as TuxSuite sends it), {@code @sign-p1363} (IEEE P1363
 * {@code r || s}) and {@code @sign-inner} (over the JSON string a legacy double-encoded body
 * holds).
 */
class TuxSuiteCallbackVerifierFuzzTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final KeyPair KEYS;
  private static final TuxSuiteCallbackSigner SIGNER;
  private static final List<TuxSuiteCallbackVerifier> VERIFIERS;

  static {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KEYS = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
    SIGNER = TuxSuiteCallbackSigner.of(KEYS.getPrivate());
    OpenSshPublicKey key = OpenSshPublicKey.from(KEYS.getPublic(), "fuzz");
    VERIFIERS = List.of(TuxSuiteCallbackVerifier.of(key),
        TuxSuiteCallbackVerifier.newBuilder().keyProvider(() -> key).build());
  }

  @FuzzTest
  void verifiesOrRefusesEveryCallbackWithSignatureVerificationException(byte[] input) {
    FuzzedRequest raw = FuzzedRequest.read(input);
    byte[] body = raw.body();
    FuzzedRequest request = raw.signed((name, marker) -> signature(marker, body));
    String header = request.header(TuxSuiteCallbackVerifier.SIGNATURE_HEADER);
    for (TuxSuiteCallbackVerifier verifier : VERIFIERS) {
      TuxSuiteVerification byMap = verify(() -> verifier.verify(request.headers(), body));
      TuxSuiteVerification byValue = verify(() -> verifier.verify(header, body));
      TuxSuiteVerification verified = byMap != null ? byMap : byValue;
      if (verified != null) {
        assertTrue(raw.asksForSignature(), "only the test's own signatures verify");
        assertArrayEquals(verified.legacy() ? innerText(body) : body, verified.payload());
      }
      if (byMap != null && byValue != null) {
        assertEquals(byMap, byValue, "the header map and the header value verify alike");
      }
    }
    String asked = raw.header(TuxSuiteCallbackVerifier.SIGNATURE_HEADER);
    if (asked != null && signature(asked, body) != null && isOnlySpelling(raw)) {
      assertNotNull(verify(() -> VERIFIERS.get(0).verify(header, body)),
          asked + " verifies");
    }
  }

  private static boolean isOnlySpelling(FuzzedRequest request) {
    return request.headers().keySet().stream()
        .filter(TuxSuiteCallbackVerifier.SIGNATURE_HEADER::equalsIgnoreCase).count() == 1;
  }

  private static TuxSuiteVerification verify(Supplier<TuxSuiteVerification> verification) {
    try {
      return verification.get();
    } catch (SignatureVerificationException e) {
      assertNotNull(e.reason());
      assertNotNull(e.getMessage());
      return null;
    }
  }

  /** The value for a {@code @sign...} marker over {@code body}, or null for another marker. */
  private static String signature(String marker, byte[] body) {
    switch (marker) {
      case "@sign":
        return SIGNER.sign(body);
      case "@sign-p1363":
        return p1363(body);
      case "@sign-inner":
        byte[] inner = innerText(body);
        return inner == null ? null : SIGNER.sign(inner);
      default:
        return null;
    }
  }

  /**
   * The UTF-8 of the JSON string a body consists of (in UTF-8, surrounding whitespace allowed), or
   * null when it is not one string.
   */
  private static byte[] innerText(byte[] body) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n'
        || body[i] == '\r')) {
      i++;
    }
    if (i == body.length || body[i] != '"') {
      return null;
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String text = parser.getText();
      return parser.nextToken() == null ? text.getBytes(StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String p1363(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(KEYS.getPrivate());
      signature.update(data);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
