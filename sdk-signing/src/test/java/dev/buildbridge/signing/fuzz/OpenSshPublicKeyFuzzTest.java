package dev.buildbridge.signing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.SignatureVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fuzzes the OpenSSH public key line parser: whatever the line, {@link OpenSshPublicKey#parse}
 * returns a key or throws {@link SignatureVerificationException}, and a key it returns prints as a
 * line that parses back to the same key, comment and fingerprint. Each input is read twice: as the
 * line itself (UTF-8), and as the key data of a line whose type is the one the data names, so that
 * mutations reach the binary key format without having to keep valid base64.
 */
class OpenSshPublicKeyFuzzTest {

  @FuzzTest
  void parsesEveryLineOrRefusesItWithSignatureVerificationException(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
    check(typeNamedBy(input) + ' ' + Base64.getEncoder().encodeToString(input) + " fuzz");
  }

  private static void check(String line) {
    OpenSshPublicKey key;
    try {
      key = OpenSshPublicKey.parse(line);
    } catch (SignatureVerificationException e) {
      assertNotNull(e.reason());
      assertNotNull(e.getMessage());
      return;
    }
    OpenSshPublicKey again = OpenSshPublicKey.parse(key.toOpenSshLine());
    assertEquals(key, again, "the printed line parses back to the same key");
    assertEquals(key.comment(), again.comment());
    assertEquals(key.type(), again.type());
    assertEquals(key.fingerprint(), again.fingerprint());
    assertEquals(key, OpenSshPublicKey.from(key.publicKey()), "the JCA key converts back");
  }

  /** The key type the data's first SSH string names (Latin-1), or ssh-ed25519 when unreadable. */
  private static String typeNamedBy(byte[] blob) {
    if (blob.length < 4) {
      return "ssh-ed25519";
    }
    long length = (blob[0] & 0xffL) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8
        | (blob[3] & 0xff);
    if (length == 0 || length > 32 || length > blob.length - 4) {
      return "ssh-ed25519";
    }
    return new String(blob, 4, (int) length, StandardCharsets.ISO_8859_1);
  }
}
