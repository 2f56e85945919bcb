package dev.buildbridge.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.function.Executable;

/** Keys made with plain JCA, PEM writing, and the assertions the key tests share. */
final class SigningKeyFixtures {
  static final byte[] MESSAGE = "{\"kind\": \"test\", \"status\": {\"state\": \"finished\"}}"
      .getBytes(StandardCharsets.UTF_8);

  private SigningKeyFixtures() {}

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (bits > 0) {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair rsa() {
    return generate("RSA", 2048);
  }

  /** PEM with 64-character lines, as OpenSSL writes it. */
  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  static String pkcs8Pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** Reads an X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) with JCA. */
  static PublicKey publicKeyFromPem(String pem, String algorithm) {
    String body = pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26,
        pem.indexOf("-----END PUBLIC KEY-----"));
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(
          new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String signatureAlgorithm(PrivateKey key) {
    switch (key.getAlgorithm()) {
      case "EC":
        return "SHA256withECDSA";
      case "RSA":
        return "SHA256withRSA";
      case "EdDSA":
      case "Ed25519":
      case "Ed448":
        return "EdDSA";
      default:
        throw new AssertionError("no signature algorithm for " + key.getAlgorithm());
    }
  }

  /** The parsed key signs MESSAGE so that the matching public key verifies it, and nothing else. */
  static void assertSignsVerifiably(PrivateKey privateKey, PublicKey publicKey) {
    assertFalse(privateKey.getClass().getName().startsWith("org.bouncycastle"),
        "key must come from a JDK provider, was " + privateKey.getClass().getName());
    try {
      String algorithm = signatureAlgorithm(privateKey);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(MESSAGE);
      byte[] signature = signer.sign();

      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(MESSAGE);
      assertTrue(verifier.verify(signature), "public key must verify the parsed key's signature");

      byte[] other = MESSAGE.clone();
      other[0] ^= 1;
      verifier.initVerify(publicKey);
      verifier.update(other);
      assertFalse(verifier.verify(signature), "signature must not verify another message");
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Asserts a failure with the reason, a message holding each of the parts (case-insensitive), and
   * no piece of the key text's base64 lines in the message.
   */
  static SignatureVerificationException assertFails(Reason reason, String keyText,
      Executable executable, String... messageParts) {
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, executable);
    assertEquals(reason, e.reason(), () -> "reason; message was: " + e.getMessage());
    assertEquals(reason.name(), e.code());
    assertTrue(e.header().isEmpty(), "key failures name no header");
    String message = e.getMessage().toLowerCase(Locale.ROOT);
    for (String part : messageParts) {
      assertTrue(message.contains(part.toLowerCase(Locale.ROOT)),
          () -> "message should contain '" + part + "': " + e.getMessage());
    }
    if (keyText != null) {
      assertNoKeyText(e.getMessage(), keyText);
    }
    return e;
  }

  static void assertNoKeyText(String message, String keyText) {
    for (String line : keyText.split("\n")) {
      String body = line.strip();
      if (body.startsWith("-----") || body.contains(":")) {
        continue;
      }
      for (int i = 0; i + 12 <= body.length(); i += 6) {
        String piece = body.substring(i, i + 12);
        assertFalse(message.contains(piece), () -> "message echoes key text: " + message);
      }
    }
  }
}
