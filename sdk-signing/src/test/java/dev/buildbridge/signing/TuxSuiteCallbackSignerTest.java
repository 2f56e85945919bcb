package dev.buildbridge.signing;

import static dev.buildbridge.signing.SigningKeyFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TuxSuiteCallbackSignerTest {
  private static final byte[] BODY = ("{\"kind\": \"test\", \"status\": {\"uid\": "
      + "\"2MBYa8FhoBHkRCX2BMMPusjuClf\", \"state\": \"finished\", \"result\": \"pass\"}}")
      .getBytes(StandardCharsets.UTF_8);

  private static boolean verifies(PublicKey key, byte[] body, String header) throws Exception {
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(key);
    verifier.update(body);
    return verifier.verify(Base64.getUrlDecoder().decode(header));
  }

  @Test
  void signsExactBodyBytesVerifiablyWithJca() throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.of(pair.getPrivate());
    String header = signer.sign(BODY);
    assertTrue(verifies(pair.getPublic(), BODY, header));
    byte[] flipped = BODY.clone();
    flipped[10] ^= 1;
    assertFalse(verifies(pair.getPublic(), flipped, header));
  }

  @Test
  void headerIsPaddedUrlSafeBase64OfDerSignature() throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.of(pair.getPrivate());
    int padded = 0;
    // 64 signatures: with the standard alphabet '+' or '/' would appear in nearly all of them
    for (int i = 0; i < 64; i++) {
      byte[] body = ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
      String header = signer.sign(body);
      assertFalse(header.contains("+") || header.contains("/"), header);
      assertEquals(0, header.length() % 4, "padded to a multiple of 4: " + header);
      byte[] der = Base64.getUrlDecoder().decode(header);
      assertEquals(0x30, der[0] & 0xff, "DER SEQUENCE");
      assertEquals(der.length - 2, der[1] & 0xff, "DER length");
      assertEquals(Base64.getUrlEncoder().encodeToString(der), header);
      assertTrue(verifies(pair.getPublic(), body, header));
      if (header.endsWith("=")) {
        padded++;
      }
    }
    assertTrue(padded > 0, "DER signatures of 70 or 71 bytes need '=' padding");
  }

  @Test
  void signaturesAreFreshEachTime() {
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.of(SigningKeyFixtures.ec("secp256r1").getPrivate());
    assertNotEquals(signer.sign(BODY), signer.sign(BODY), "ECDSA uses a fresh nonce per signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp384r1", "secp521r1"})
  void signsWithSha256OnOtherCurves(String curve) throws Exception {
    KeyPair pair = SigningKeyFixtures.ec(curve);
    String header = TuxSuiteCallbackSigner.of(pair.getPrivate()).sign(BODY);
    assertTrue(verifies(pair.getPublic(), BODY, header));
  }

  @Test
  void headersHoldOnlyTheSignatureHeader() throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    Map<String, String> headers = TuxSuiteCallbackSigner.of(pair.getPrivate()).headers(BODY);
    assertEquals(1, headers.size());
    assertEquals("x-tux-payload-signature", TuxSuiteCallbackSigner.SIGNATURE_HEADER);
    assertTrue(verifies(pair.getPublic(), BODY, headers.get("x-tux-payload-signature")));
  }

  @Test
  void fromPemReadsPkcs8Key() throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.fromPem(SigningKeyFixtures.pkcs8Pem(pair.getPrivate()));
    assertTrue(verifies(pair.getPublic(), BODY, signer.sign(BODY)));
  }

  @Test
  void fromPemLoadsSquadStyleKeyFromSshKeygen(@TempDir Path dir) throws Exception {
    ExternalKeyTools.assumeTool("ssh-keygen");
    ExternalKeyTools.run(dir, "ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-m", "PEM",
        "-N", "", "-C", "squad-test", "-f", "tux");
    String pem = Files.readString(dir.resolve("tux"));
    assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----"), pem);
    PublicKey publicKey = SigningKeyFixtures.publicKeyFromPem(
        ExternalKeyTools.run(dir, "ssh-keygen", "-e", "-m", "PKCS8", "-f", "tux.pub"), "EC");
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.fromPem(pem);
    assertTrue(verifies(publicKey, BODY, signer.sign(BODY)));
    assertEquals("TuxSuiteCallbackSigner[curve=secp256r1]", signer.toString());
  }

  @Test
  void fromPemRejectsUnreadableText() {
    assertFails(Reason.MALFORMED_KEY, null, () -> TuxSuiteCallbackSigner.fromPem("not a key"),
        "no PEM private key block");
  }

  @Test
  void rejectsRsaKey() {
    assertFails(Reason.UNSUPPORTED_KEY, null,
        () -> TuxSuiteCallbackSigner.of(SigningKeyFixtures.rsa().getPrivate()), "expected an EC private key", "RSA");
  }

  @Test
  void rejectsEd25519KeyFromPem() {
    String pem = SigningKeyFixtures.pkcs8Pem(SigningKeyFixtures.generate("Ed25519", 0).getPrivate());
    assertFails(Reason.UNSUPPORTED_KEY, pem, () -> TuxSuiteCallbackSigner.fromPem(pem),
        "expected an EC private key", "EdDSA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void toStringNamesCurveWithoutKeyMaterial(String curve) {
    KeyPair pair = SigningKeyFixtures.ec(curve);
    String text = TuxSuiteCallbackSigner.of(pair.getPrivate()).toString();
    assertEquals("TuxSuiteCallbackSigner[curve=" + curve + "]", text);
  }

  @Test
  void rejectsNullArguments() {
    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.of(SigningKeyFixtures.ec("secp256r1").getPrivate());
    assertEquals("body", assertThrows(NullPointerException.class, () -> signer.sign(null)).getMessage());
    assertEquals("body", assertThrows(NullPointerException.class, () -> signer.headers(null)).getMessage());
    assertEquals("ecPrivateKey", assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbackSigner.of(null)).getMessage());
    assertEquals("pemOrOpenSsh", assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbackSigner.fromPem(null)).getMessage());
  }

  @Test
  void classExampleBuildsASignedRequest(@TempDir Path dir) throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    Files.writeString(dir.resolve("tux.pem"), SigningKeyFixtures.pkcs8Pem(pair.getPrivate()));
    URI callbackUri = URI.create("https://ci.example.org/tuxsuite/callback");

    TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.fromPem(Files.readString(dir.resolve("tux.pem")));
    byte[] body = "{\"kind\": \"test\", \"status\": {}}".getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(callbackUri)
        .header(TuxSuiteCallbackSigner.SIGNATURE_HEADER, signer.sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();

    String header = request.headers().firstValue("x-tux-payload-signature").orElseThrow();
    assertTrue(verifies(pair.getPublic(), body, header));
  }
}
