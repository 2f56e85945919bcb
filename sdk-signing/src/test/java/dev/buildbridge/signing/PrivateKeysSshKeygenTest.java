package dev.buildbridge.signing;

import static dev.buildbridge.signing.ExternalKeyTools.read;
import static dev.buildbridge.signing.ExternalKeyTools.run;
import static dev.buildbridge.signing.SigningKeyFixtures.assertFails;
import static dev.buildbridge.signing.SigningKeyFixtures.assertSignsVerifiably;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PrivateKeys with keys that ssh-keygen writes at test time; skipped when ssh-keygen is absent. */
class PrivateKeysSshKeygenTest {
  private static final String PASS = "ssh pass phrase";

  @TempDir
  Path dir;

  @BeforeAll
  static void requireSshKeygen() {
    ExternalKeyTools.assumeTool("ssh-keygen");
  }

  /** Runs ssh-keygen -q -f name -N passphrase with the options; returns the private key text. */
  private String keygen(String name, String passphrase, String... options) {
    List<String> command = new ArrayList<>(List.of(
        "ssh-keygen", "-q", "-f", name, "-N", passphrase, "-C", "buildbridge-test"));
    command.addAll(List.of(options));
    run(dir, command.toArray(new String[0]));
    return read(dir.resolve(name));
  }

  /** The public key as X.509, via 'ssh-keygen -e -m PKCS8' (ECDSA and RSA). */
  private PublicKey exportedPublicKey(String name, String algorithm) {
    String pem = run(dir, "ssh-keygen", "-e", "-m", "PKCS8", "-f", name + ".pub");
    return SigningKeyFixtures.publicKeyFromPem(pem, algorithm);
  }

  /** The public key of an ssh-ed25519 '.pub' line, read by hand (ssh-keygen cannot export it). */
  private PublicKey ed25519PublicKey(String name) throws GeneralSecurityException {
    String line = read(dir.resolve(name + ".pub"));
    ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
    byte[] type = new byte[blob.getInt()];
    blob.get(type);
    assertEquals("ssh-ed25519", new String(type, StandardCharsets.US_ASCII));
    byte[] point = new byte[blob.getInt()];
    blob.get(point);
    byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] encoded = new byte[spki.length + point.length];
    System.arraycopy(spki, 0, encoded, 0, spki.length);
    System.arraycopy(point, 0, encoded, spki.length, point.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  @Test
  void readsSquadStylePemEcdsaKey() {
    String text = keygen("squad", "", "-t", "ecdsa", "-b", "256", "-m", "PEM");
    assertTrue(text.startsWith("-----BEGIN EC PRIVATE KEY-----"), text);
    assertSignsVerifiably(PrivateKeys.parse(text), exportedPublicKey("squad", "EC"));
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 384, 521})
  void readsOpenSshEcdsaKey(int bits) {
    String text = keygen("ecdsa" + bits, "", "-t", "ecdsa", "-b", Integer.toString(bits));
    assertTrue(text.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), text);
    PrivateKey key = PrivateKeys.parse(text);
    assertEquals("EC", key.getAlgorithm());
    assertSignsVerifiably(key, exportedPublicKey("ecdsa" + bits, "EC"));
  }

  @Test
  void readsOpenSshEd25519Key() throws Exception {
    String text = keygen("ed", "", "-t", "ed25519");
    assertSignsVerifiably(PrivateKeys.parse(text), ed25519PublicKey("ed"));
  }

  @Test
  void readsOpenSshRsaKey() {
    String text = keygen("rsa", "", "-t", "rsa", "-b", "2048");
    assertTrue(text.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), text);
    assertSignsVerifiably(PrivateKeys.parse(text), exportedPublicKey("rsa", "RSA"));
  }

  @Test
  void readsPkcs8KeyWrittenBySshKeygen() {
    String text = keygen("p8", "", "-t", "ecdsa", "-b", "521", "-m", "PKCS8");
    assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----"), text);
    assertSignsVerifiably(PrivateKeys.parse(text), exportedPublicKey("p8", "EC"));
  }

  @Test
  void readsEncryptedOpenSshEd25519KeyWithPassphrase() throws Exception {
    String text = keygen("ed-enc", PASS, "-t", "ed25519");
    assertSignsVerifiably(PrivateKeys.parse(text, PASS.toCharArray()), ed25519PublicKey("ed-enc"));
  }

  @Test
  void readsEncryptedOpenSshEcdsaKeyWithPassphrase() {
    String text = keygen("ec-enc", PASS, "-t", "ecdsa", "-b", "256");
    assertSignsVerifiably(PrivateKeys.parse(text, PASS.toCharArray()),
        exportedPublicKey("ec-enc", "EC"));
  }

  @Test
  void rejectsEncryptedOpenSshKeyWithoutPassphrase() {
    String text = keygen("enc", PASS, "-t", "ed25519");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "OPENSSH PRIVATE KEY is encrypted; a passphrase is required");
  }

  @Test
  void rejectsEncryptedOpenSshKeyWithWrongPassphrase() {
    String text = keygen("enc", PASS, "-t", "ecdsa");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, "nope".toCharArray()),
        "wrong passphrase");
  }

  @Test
  void rejectsOpenSshDsaKey() {
    ExternalKeyTools.Result result = ExternalKeyTools.tryRun(dir, "ssh-keygen", "-q", "-t", "dsa",
        "-N", "", "-f", "dsa");
    assumeTrue(result.exitCode() == 0, "this ssh-keygen cannot make DSA keys: " + result.stderr());
    String text = read(dir.resolve("dsa"));
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "'ssh-dss'");
  }

  @Test
  void rejectsOpenSshPublicKeyFile() {
    keygen("pub", "", "-t", "ed25519");
    String text = read(dir.resolve("pub.pub"));
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "OpenSSH public key");
  }
}
