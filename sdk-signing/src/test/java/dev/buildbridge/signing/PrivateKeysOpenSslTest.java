package dev.buildbridge.signing;

import static dev.buildbridge.signing.ExternalKeyTools.read;
import static dev.buildbridge.signing.ExternalKeyTools.run;
import static dev.buildbridge.signing.SigningKeyFixtures.assertFails;
import static dev.buildbridge.signing.SigningKeyFixtures.assertSignsVerifiably;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PrivateKeys with keys that openssl writes at test time; skipped when openssl is not on PATH. */
class PrivateKeysOpenSslTest {
  private static final String PASS = "s3cret pass";

  @TempDir
  Path dir;

  @BeforeAll
  static void requireOpenSsl() {
    ExternalKeyTools.assumeTool("openssl");
  }

  /** Generates an unencrypted PKCS#8 key with openssl genpkey; returns its path. */
  private Path genpkey(String name, String... options) {
    List<String> command = new ArrayList<>(List.of("openssl", "genpkey"));
    command.addAll(List.of(options));
    command.addAll(List.of("-out", name));
    run(dir, command.toArray(new String[0]));
    return dir.resolve(name);
  }

  private PublicKey publicKey(Path privateKey, String algorithm) {
    String pem = run(dir, "openssl", "pkey", "-in", privateKey.toString(), "-pubout");
    return SigningKeyFixtures.publicKeyFromPem(pem, algorithm);
  }

  private Path ecKey(String curve) {
    return genpkey("ec-" + curve + ".pem", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve);
  }

  private Path rsaKey() {
    return genpkey("rsa.pem", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P-256", "P-384", "P-521"})
  void readsSec1EcPrivateKey(String curve) {
    Path pkcs8 = ecKey(curve);
    String sec1 = run(dir, "openssl", "ec", "-in", pkcs8.toString());
    assertTrue(sec1.contains("-----BEGIN EC PRIVATE KEY-----"), sec1);
    assertSignsVerifiably(PrivateKeys.parse(sec1), publicKey(pkcs8, "EC"));
  }

  @Test
  void readsSec1KeyAfterEcParametersBlock() {
    String text = run(dir, "openssl", "ecparam", "-name", "secp384r1", "-genkey");
    assertTrue(text.startsWith("-----BEGIN EC PARAMETERS-----"), text);
    Path file = dir.resolve("ecparam.pem");
    write(file, text);
    assertSignsVerifiably(PrivateKeys.read(file), publicKey(file, "EC"));
  }

  @Test
  void readsPkcs1RsaPrivateKey() {
    Path pkcs8 = rsaKey();
    String pkcs1 = run(dir, "openssl", "pkey", "-in", pkcs8.toString(), "-traditional");
    assertTrue(pkcs1.contains("-----BEGIN RSA PRIVATE KEY-----"), pkcs1);
    assertSignsVerifiably(PrivateKeys.parse(pkcs1), publicKey(pkcs8, "RSA"));
  }

  @Test
  void readsPkcs8Keys() {
    Path ec = ecKey("P-256");
    Path rsa = rsaKey();
    Path ed25519 = genpkey("ed25519.pem", "-algorithm", "ed25519");
    assertSignsVerifiably(PrivateKeys.read(ec), publicKey(ec, "EC"));
    assertSignsVerifiably(PrivateKeys.read(rsa), publicKey(rsa, "RSA"));
    PrivateKey ed = PrivateKeys.read(ed25519);
    assertEquals("EdDSA", ed.getAlgorithm());
    assertSignsVerifiably(ed, publicKey(ed25519, "Ed25519"));
  }

  @ParameterizedTest(name = "openssl pkcs8 -topk8 {0}")
  @CsvSource(delimiter = '|', value = {
      "''",                                          // OpenSSL 3 default: PBKDF2-HMAC-SHA256, AES-256-CBC
      "-v2 aes-128-cbc -v2prf hmacWithSHA1",
      "-v2 aes-192-cbc -v2prf hmacWithSHA512",
      "-v2 des3",
      "-scrypt",
      "-v1 PBE-SHA1-3DES"})
  void readsEncryptedPkcs8(String options) {
    Path plain = ecKey("P-256");
    String encrypted = encryptPkcs8(plain, options);
    assertTrue(encrypted.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"), encrypted);
    assertSignsVerifiably(PrivateKeys.parse(encrypted, PASS.toCharArray()), publicKey(plain, "EC"));
  }

  @Test
  void readsEncryptedPkcs8RsaKey() {
    Path plain = rsaKey();
    String encrypted = encryptPkcs8(plain, "");
    assertSignsVerifiably(PrivateKeys.parse(encrypted, PASS.toCharArray()), publicKey(plain, "RSA"));
  }

  @Test
  void rejectsEncryptedPkcs8WithWrongPassphrase() {
    String encrypted = encryptPkcs8(ecKey("P-256"), "");
    assertFails(Reason.MALFORMED_KEY, encrypted,
        () -> PrivateKeys.parse(encrypted, "not it".toCharArray()), "wrong passphrase");
  }

  @Test
  void rejectsEncryptedPkcs8WithoutPassphrase() {
    String encrypted = encryptPkcs8(ecKey("P-256"), "-scrypt");
    assertFails(Reason.MALFORMED_KEY, encrypted, () -> PrivateKeys.parse(encrypted),
        "encrypted; a passphrase is required");
  }

  @ParameterizedTest(name = "openssl {0} -traditional -{1}")
  @CsvSource({"ec,aes256", "ec,aes128", "rsa,des3", "rsa,aes192"})
  void readsLegacyEncryptedPem(String kind, String cipher) {
    Path plain = kind.equals("ec") ? ecKey("P-256") : rsaKey();
    String encrypted = run(dir, "openssl", kind, "-in", plain.toString(), "-traditional",
        "-" + cipher, "-passout", "pass:" + PASS);
    assertTrue(encrypted.contains("Proc-Type: 4,ENCRYPTED"), encrypted);
    assertSignsVerifiably(PrivateKeys.parse(encrypted, PASS.toCharArray()),
        publicKey(plain, kind.equals("ec") ? "EC" : "RSA"));
  }

  @Test
  void rejectsLegacyEncryptedPemWithWrongPassphrase() {
    String encrypted = run(dir, "openssl", "rsa", "-in", rsaKey().toString(), "-traditional",
        "-aes256", "-passout", "pass:" + PASS);
    assertFails(Reason.MALFORMED_KEY, encrypted,
        () -> PrivateKeys.parse(encrypted, "not it".toCharArray()), "RSA PRIVATE KEY", "wrong passphrase");
  }

  @Test
  void rejectsLegacyEncryptedPemWithoutPassphrase() {
    String encrypted = run(dir, "openssl", "ec", "-in", ecKey("P-256").toString(),
        "-aes256", "-passout", "pass:" + PASS);
    assertFails(Reason.MALFORMED_KEY, encrypted, () -> PrivateKeys.parse(encrypted),
        "EC PRIVATE KEY is encrypted; a passphrase is required");
  }

  @Test
  void rejectsExplicitCurveParameters() {
    String explicit = run(dir, "openssl", "ec", "-in", ecKey("P-256").toString(),
        "-param_enc", "explicit");
    assertFails(Reason.UNSUPPORTED_KEY, explicit, () -> PrivateKeys.parse(explicit),
        "does not name its curve");
  }

  @Test
  void rejectsCertificate() {
    String certificate = run(dir, "openssl", "req", "-x509", "-new", "-key",
        ecKey("P-256").toString(), "-subj", "/CN=buildbridge-test", "-days", "1");
    assertFails(Reason.UNSUPPORTED_KEY, certificate, () -> PrivateKeys.parse(certificate),
        "'CERTIFICATE' PEM block but no private key");
  }

  @Test
  void rejectsDsaKey() {
    run(dir, "openssl", "dsaparam", "-out", "dsaparam.pem", "2048");
    run(dir, "openssl", "gendsa", "-out", "dsa.pem", "dsaparam.pem");
    String pkcs8 = read(dir.resolve("dsa.pem"));
    assertFails(Reason.UNSUPPORTED_KEY, pkcs8, () -> PrivateKeys.parse(pkcs8), "DSA");
    String traditional = run(dir, "openssl", "pkey", "-in", "dsa.pem", "-traditional");
    assertTrue(traditional.contains("-----BEGIN DSA PRIVATE KEY-----"), traditional);
    assertFails(Reason.UNSUPPORTED_KEY, traditional, () -> PrivateKeys.parse(traditional), "DSA");
  }

  private String encryptPkcs8(Path plain, String options) {
    List<String> command = new ArrayList<>(List.of(
        "openssl", "pkcs8", "-topk8", "-in", plain.toString(), "-passout", "pass:" + PASS));
    if (!options.isBlank()) {
      command.addAll(List.of(options.split(" ")));
    }
    return run(dir, command.toArray(new String[0]));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
