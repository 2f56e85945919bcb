package dev.buildbridge.signing;

import static dev.buildbridge.signing.SigningKeyFixtures.assertFails;
import static dev.buildbridge.signing.SigningKeyFixtures.assertSignsVerifiably;
import static dev.buildbridge.signing.SigningKeyFixtures.pem;
import static dev.buildbridge.signing.SigningKeyFixtures.pkcs8Pem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PrivateKeys with keys made by JCA and BouncyCastle at test time: needs no external tool. */
class PrivateKeysTest {
  private static final char[] PASSPHRASE = "correct horse".toCharArray();

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void readsPkcs8EcKeyWrittenByJca(String curve) {
    KeyPair pair = SigningKeyFixtures.ec(curve);
    PrivateKey key = PrivateKeys.parse(pkcs8Pem(pair.getPrivate()));
    assertEquals("EC", key.getAlgorithm());
    assertEquals(((ECPrivateKey) pair.getPrivate()).getS(), ((ECPrivateKey) key).getS());
    assertSignsVerifiably(key, pair.getPublic());
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "Ed25519", "Ed448"})
  void readsPkcs8KeyWrittenByJca(String algorithm) {
    KeyPair pair = SigningKeyFixtures.generate(algorithm, algorithm.equals("RSA") ? 2048 : 0);
    PrivateKey key = PrivateKeys.parse(pkcs8Pem(pair.getPrivate()));
    assertArrayEquals(pair.getPrivate().getEncoded(), key.getEncoded());
    assertSignsVerifiably(key, pair.getPublic());
  }

  @Test
  void ignoresTextBeforeTheBlockAndSurroundingWhitespace() {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    String text = "\n\n  Bag Attributes\n    friendlyName: ci-signing\nsubject=/CN=ci\n"
        + pkcs8Pem(pair.getPrivate()) + "\n\t  \n";
    assertSignsVerifiably(PrivateKeys.parse(text), pair.getPublic());
  }

  @Test
  void readsIndentedBlockWithCrlfLineEnds() {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    String text = "signing:\r\n  key: |\r\n" + Arrays.stream(pkcs8Pem(pair.getPrivate()).split("\n"))
        .map(line -> "    " + line + "\r\n").reduce("", String::concat);
    assertSignsVerifiably(PrivateKeys.parse(text), pair.getPublic());
  }

  @Test
  void takesTheFirstPrivateKeyBlockAfterOtherBlocks() {
    KeyPair first = SigningKeyFixtures.ec("secp256r1");
    KeyPair second = SigningKeyFixtures.ec("secp256r1");
    String text = pem("CERTIFICATE", new byte[] {0x30, 0x00})
        + pem("EC PARAMETERS", new byte[] {0x06, 0x00})
        + pkcs8Pem(first.getPrivate()) + pkcs8Pem(second.getPrivate());
    assertSignsVerifiably(PrivateKeys.parse(text), first.getPublic());
  }

  @Test
  void readsSec1EcPrivateKeyBlock() {
    KeyPair pair = SigningKeyFixtures.ec("secp384r1");
    // PKCS#8 wraps the SEC 1 ECPrivateKey in an OCTET STRING: take it out and write it alone
    org.bouncycastle.asn1.pkcs.PrivateKeyInfo info =
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.getPrivateKey().getOctets());
    byte[] withCurve = encoded(new org.bouncycastle.asn1.sec.ECPrivateKey(384, sec1.getKey(),
        info.getPrivateKeyAlgorithm().getParameters()));
    assertSignsVerifiably(PrivateKeys.parse(pem("EC PRIVATE KEY", withCurve)), pair.getPublic());
  }

  @Test
  void readsPkcs1RsaPrivateKeyBlock() {
    KeyPair pair = SigningKeyFixtures.rsa();
    org.bouncycastle.asn1.pkcs.PrivateKeyInfo info =
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    String text = pem("RSA PRIVATE KEY", info.getPrivateKey().getOctets());
    PrivateKey key = PrivateKeys.parse(text);
    assertEquals("RSA", key.getAlgorithm());
    assertSignsVerifiably(key, pair.getPublic());
  }

  @Test
  void readsEncryptedPkcs8WrittenByJdk() throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    String text = pem("ENCRYPTED PRIVATE KEY", jdkEncrypted(pair.getPrivate(), PASSPHRASE));
    assertSignsVerifiably(PrivateKeys.parse(text, PASSPHRASE), pair.getPublic());
  }

  @Test
  void rejectsEncryptedPkcs8WithoutPassphrase() throws Exception {
    String text = pem("ENCRYPTED PRIVATE KEY",
        jdkEncrypted(SigningKeyFixtures.ec("secp256r1").getPrivate(), PASSPHRASE));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "ENCRYPTED PRIVATE KEY is encrypted; a passphrase is required");
  }

  @Test
  void rejectsEncryptedPkcs8WithWrongPassphrase() throws Exception {
    String text = pem("ENCRYPTED PRIVATE KEY",
        jdkEncrypted(SigningKeyFixtures.ec("secp256r1").getPrivate(), PASSPHRASE));
    assertFails(Reason.MALFORMED_KEY, text,
        () -> PrivateKeys.parse(text, "wrong horse".toCharArray()), "wrong passphrase");
  }

  @Test
  void rejectsEncryptedPkcs8WithPkcs5v1Scheme() {
    byte[] der = encoded(new org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo(
        new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithMD5AndDES_CBC,
            new PBEParameter(new byte[8], 2048)), new byte[64]));
    String text = pem("ENCRYPTED PRIVATE KEY", der);
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "encryption scheme 1.2.840.113549.1.5.3", "re-encrypt");
  }

  @Test
  void rejectsCorruptEncryptedPkcs8() {
    String text = pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "not a valid PKCS#8 EncryptedPrivateKeyInfo");
  }

  @Test
  void ignoresPassphraseForUnencryptedKey() {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    assertSignsVerifiably(PrivateKeys.parse(pkcs8Pem(pair.getPrivate()), PASSPHRASE),
        pair.getPublic());
  }

  @Test
  void readsOpenSshEd25519KeyWrittenByBouncyCastle() throws Exception {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    String text = pem("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate()));
    PrivateKey key = PrivateKeys.parse(text);
    assertEquals("EdDSA", key.getAlgorithm());
    assertSignsVerifiably(key, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded())));
  }

  @Test
  void readsOpenSshEcdsaKeyWrittenByBouncyCastle() throws Exception {
    X9ECParameters p256 = SECNamedCurves.getByName("secp256r1");
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(
        new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, p256), new SecureRandom()));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    String text = pem("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate()));
    PrivateKey key = PrivateKeys.parse(text);
    assertEquals("EC", key.getAlgorithm());
    assertSignsVerifiably(key, KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded())));
  }

  @Test
  void rejectsOpenSshBlobWithoutMagic() {
    String text = pem("OPENSSH PRIVATE KEY", "not-openssh-at-all".getBytes(StandardCharsets.US_ASCII));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "does not start with 'openssh-key-v1'");
  }

  @Test
  void rejectsTruncatedOpenSshBlob() {
    byte[] blob = openSsh("none", "none", 1, "ssh-ed25519");
    String text = pem("OPENSSH PRIVATE KEY", Arrays.copyOf(blob, 40));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text), "truncated");
  }

  @Test
  void rejectsCorruptOpenSshPrivateSection() {
    String text = pem("OPENSSH PRIVATE KEY", openSshWithPrivateSection(new byte[] {1, 2, 3, 4}));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "OPENSSH PRIVATE KEY 'ssh-ed25519' is corrupt");
  }

  @Test
  void rejectsOpenSshFileWithTwoKeys() {
    String text = pem("OPENSSH PRIVATE KEY", openSsh("none", "none", 2, "ssh-ed25519"));
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "holds 2 keys");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh-dss", "sk-ssh-ed25519@openssh.com"})
  void rejectsOpenSshKeyOfUnsupportedType(String type) {
    String text = pem("OPENSSH PRIVATE KEY", openSsh("none", "none", 1, type));
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "type '" + type + "'", "not supported");
  }

  @Test
  void rejectsEncryptedOpenSshKeyWithoutPassphrase() {
    String text = pem("OPENSSH PRIVATE KEY", openSsh("aes256-ctr", "bcrypt", 1, "ssh-ed25519"));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "OPENSSH PRIVATE KEY is encrypted; a passphrase is required");
  }

  @Test
  void rejectsOpenSshKeyWithUnknownCipherAndTellsToRemovePassphrase() {
    String text = pem("OPENSSH PRIVATE KEY", openSsh("twofish256-cbc", "bcrypt", 1, "ssh-ed25519"));
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "cipher 'twofish256-cbc'", "ssh-keygen -p");
  }

  @Test
  void rejectsEncryptedOpenSshKeyWithExcessiveBcryptRounds() {
    byte[] blob = openSsh("aes256-ctr", "bcrypt", 1, "ssh-ed25519");
    // the rounds are the last 4 bytes of the KDF options, right after magic, cipher and KDF names
    int roundsAt = 15 + 4 + "aes256-ctr".length() + 4 + "bcrypt".length() + 4 + 4 + 16;
    ByteBuffer.wrap(blob).putInt(roundsAt, 1_000_000);
    String text = pem("OPENSSH PRIVATE KEY", blob);
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "1000000 bcrypt rounds", "ssh-keygen -p");
  }

  @Test
  void rejectsTextWithoutPemBlock() {
    assertFails(Reason.MALFORMED_KEY, null, () -> PrivateKeys.parse("just some text\n"),
        "no PEM private key block");
    assertFails(Reason.MALFORMED_KEY, null, () -> PrivateKeys.parse(""), "no PEM private key block");
  }

  @Test
  void rejectsBlockWithoutEndLine() {
    String full = pkcs8Pem(SigningKeyFixtures.ec("secp256r1").getPrivate());
    String text = full.substring(0, full.indexOf("-----END"));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "PEM block 'PRIVATE KEY' has no '-----END PRIVATE KEY-----' line");
  }

  @Test
  void rejectsBlockClosedWithAnotherLabel() {
    String text = pkcs8Pem(SigningKeyFixtures.ec("secp256r1").getPrivate())
        .replace("-----END PRIVATE KEY-----", "-----END EC PRIVATE KEY-----");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "closed by END line 'EC PRIVATE KEY'");
  }

  @Test
  void rejectsBeginLineWithBadLabel() {
    assertFails(Reason.MALFORMED_KEY, null,
        () -> PrivateKeys.parse("-----BEGIN PRIVATE KEY\nAAAA\n-----END PRIVATE KEY-----\n"),
        "BEGIN line does not end with '-----'");
    assertFails(Reason.MALFORMED_KEY, null,
        () -> PrivateKeys.parse("-----BEGIN PRIV\u00c4TE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
        "outside printable ASCII");
  }

  @Test
  void rejectsBodyThatIsNotBase64() {
    String text = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqG*SM49AwEHBG0wawIBAQQg\n"
        + "-----END PRIVATE KEY-----\n";
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "PEM block 'PRIVATE KEY' body is not valid base64");
  }

  @Test
  void rejectsEmptyBody() {
    assertFails(Reason.MALFORMED_KEY, null,
        () -> PrivateKeys.parse("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"),
        "has an empty body");
  }

  @Test
  void rejectsTruncatedDerWithoutEchoingKeyText() {
    byte[] der = SigningKeyFixtures.ec("secp256r1").getPrivate().getEncoded();
    String text = pem("PRIVATE KEY", Arrays.copyOf(der, der.length - 20));
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "PRIVATE KEY is not valid DER");
  }

  @Test
  void rejectsTextLongerThanOneMebibyte() {
    String text = " ".repeat(PrivateKeys.MAX_TEXT_SIZE + 1);
    assertFails(Reason.MALFORMED_KEY, null, () -> PrivateKeys.parse(text), "longer than 1048576");
  }

  @Test
  void rejectsPublicKeyWhereAPrivateKeyIsNeeded() {
    String text = pem("PUBLIC KEY", SigningKeyFixtures.ec("secp256r1").getPublic().getEncoded());
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "'PUBLIC KEY' PEM block but no private key");
  }

  @Test
  void rejectsCertificateWhereAPrivateKeyIsNeeded() {
    String text = pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "'CERTIFICATE' PEM block but no private key");
  }

  @Test
  void rejectsOpenSshPublicKeyLine() {
    String text = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO+6+lFvdy"
        + " user@host\n";
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "OpenSSH public key", "private key");
  }

  @Test
  void rejectsPuttyKeyWithConversionHint() {
    String text = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n";
    assertFails(Reason.UNSUPPORTED_KEY, null, () -> PrivateKeys.parse(text), "puttygen");
  }

  @Test
  void rejectsDsaKeyInPkcs8() {
    String text = pkcs8Pem(SigningKeyFixtures.generate("DSA", 2048).getPrivate());
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "DSA keys are not supported");
  }

  @Test
  void rejectsDsaPrivateKeyBlock() {
    String text = pem("DSA PRIVATE KEY", new byte[] {0x30, 0x00});
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "DSA keys are not supported");
  }

  @Test
  void rejectsKeyAgreementKey() {
    String text = pkcs8Pem(SigningKeyFixtures.generate("X25519", 0).getPrivate());
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text), "cannot sign");
  }

  @Test
  void rejectsUnknownPrivateKeyLabel() {
    String text = pem("PGP PRIVATE KEY", new byte[] {1, 2, 3});
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "'PGP PRIVATE KEY' is not a supported private key format");
  }

  @Test
  void rejectsEcKeyOnUnsupportedCurve() throws Exception {
    X9ECParameters k1 = SECNamedCurves.getByName("secp256k1");
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(
        new ECNamedDomainParameters(SECObjectIdentifiers.secp256k1, k1), new SecureRandom()));
    String text = pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(
        generator.generateKeyPair().getPrivate()).getEncoded());
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "curve 1.3.132.0.10 is not supported");
  }

  @Test
  void rejectsEcKeyWithExplicitCurveParameters() throws Exception {
    X9ECParameters p256 = SECNamedCurves.getByName("secp256r1");
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(new ECDomainParameters(p256), new SecureRandom()));
    String text = pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(
        generator.generateKeyPair().getPrivate()).getEncoded());
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text),
        "does not name its curve", "named_curve");
  }

  @Test
  void rejectsLegacyEncryptedBlockWithoutPassphrase() {
    String text = legacy("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text),
        "EC PRIVATE KEY is encrypted; a passphrase is required");
  }

  @Test
  void rejectsLegacyEncryptedBlockWithWrongPassphrase() {
    String text = legacy("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "EC PRIVATE KEY", "wrong passphrase");
  }

  @Test
  void rejectsLegacyEncryptionWithUnsupportedCipher() {
    String text = legacy("Proc-Type: 4,ENCRYPTED\nDEK-Info: CAMELLIA-256-CBC,00112233445566778899AABBCCDDEEFF\n");
    assertFails(Reason.UNSUPPORTED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE),
        "cipher that is not supported", "AES-256-CBC");
  }

  @Test
  void rejectsLegacyEncryptionWithoutDekInfo() {
    String text = legacy("Proc-Type: 4,ENCRYPTED\n");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE), "DEK-Info");
  }

  @Test
  void rejectsLegacyEncryptionWithNonHexIv() {
    String text = legacy("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEZZ\n");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE), "IV that is not hex");
  }

  @Test
  void rejectsUnknownProcType() {
    String text = legacy("Proc-Type: 4,MIC-CLEAR\n");
    assertFails(Reason.MALFORMED_KEY, text, () -> PrivateKeys.parse(text, PASSPHRASE), "Proc-Type");
  }

  @Test
  void readsKeyFile(@TempDir Path dir) throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    Path file = Files.writeString(dir.resolve("key.pem"), pkcs8Pem(pair.getPrivate()));
    assertSignsVerifiably(PrivateKeys.read(file), pair.getPublic());
  }

  @Test
  void readsEncryptedKeyFile(@TempDir Path dir) throws Exception {
    KeyPair pair = SigningKeyFixtures.ec("secp256r1");
    Path file = Files.writeString(dir.resolve("key.pem"),
        pem("ENCRYPTED PRIVATE KEY", jdkEncrypted(pair.getPrivate(), PASSPHRASE)));
    assertSignsVerifiably(PrivateKeys.read(file, PASSPHRASE), pair.getPublic());
  }

  @Test
  void namesTheFileWhenItsKeyCannotBeRead(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notakey.txt"), "hello");
    SignatureVerificationException e = assertFails(Reason.MALFORMED_KEY, null,
        () -> PrivateKeys.read(file), "notakey.txt", "no PEM private key block");
    assertEquals(Reason.MALFORMED_KEY, ((SignatureVerificationException) e.getCause()).reason());
  }

  @Test
  void rejectsKeyFileLargerThanOneMebibyte(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("big.pem"), new byte[PrivateKeys.MAX_TEXT_SIZE + 1]);
    assertFails(Reason.MALFORMED_KEY, null, () -> PrivateKeys.read(file), "big.pem", "larger than");
  }

  @Test
  void wrapsIoFailureAsUncheckedIoException(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> PrivateKeys.read(missing));
    assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
  }

  @Test
  void classExampleReadsKeys(@TempDir Path dir) throws Exception {
    KeyPair app = SigningKeyFixtures.rsa();
    Files.writeString(dir.resolve("github-app.pem"), pkcs8Pem(app.getPrivate()));
    KeyPair tux = SigningKeyFixtures.ec("secp256r1");
    String tuxSigningKey = pkcs8Pem(tux.getPrivate());
    KeyPair sealedPair = SigningKeyFixtures.ec("secp384r1");
    String pemText = pem("ENCRYPTED PRIVATE KEY", jdkEncrypted(sealedPair.getPrivate(), PASSPHRASE));
    char[] passphrase = PASSPHRASE.clone();

    PrivateKey appKey = PrivateKeys.read(dir.resolve("github-app.pem"));
    PrivateKey tuxKey = PrivateKeys.parse(tuxSigningKey);
    PrivateKey sealed = PrivateKeys.parse(pemText, passphrase);

    assertSignsVerifiably(appKey, app.getPublic());
    assertSignsVerifiably(tuxKey, tux.getPublic());
    assertSignsVerifiably(sealed, sealedPair.getPublic());
  }

  @Test
  void rejectsNullArguments(@TempDir Path dir) {
    assertEquals("text", assertThrows(NullPointerException.class,
        () -> PrivateKeys.parse(null)).getMessage());
    assertEquals("passphrase", assertThrows(NullPointerException.class,
        () -> PrivateKeys.parse("x", null)).getMessage());
    assertEquals("file", assertThrows(NullPointerException.class,
        () -> PrivateKeys.read(null)).getMessage());
    assertEquals("passphrase", assertThrows(NullPointerException.class,
        () -> PrivateKeys.read(dir, null)).getMessage());
  }

  /** A SEC 1 block with the given RFC 1421 headers; the body is a real (unencrypted) key. */
  private static String legacy(String headers) {
    String pem = pem("EC PRIVATE KEY", sec1(SigningKeyFixtures.ec("secp256r1").getPrivate()));
    return pem.replace("-----BEGIN EC PRIVATE KEY-----\n",
        "-----BEGIN EC PRIVATE KEY-----\n" + headers + "\n");
  }

  private static byte[] sec1(PrivateKey key) {
    return org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded())
        .getPrivateKey().getOctets();
  }

  /** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) EncryptedPrivateKeyInfo encrypted by the JDK. */
  static byte[] jdkEncrypted(PrivateKey key, char[] passphrase) throws Exception {
    String algorithm = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(salt);
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(Cipher.ENCRYPT_MODE,
        SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase)),
        new PBEParameterSpec(salt, 4096, new IvParameterSpec(iv)));
    byte[] encrypted = cipher.doFinal(key.getEncoded());
    // javax.crypto.EncryptedPrivateKeyInfo of JDK 17 cannot name PBES2: wrap the JDK's PBES2
    // parameter encoding with BouncyCastle's ASN.1 classes
    return new org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo(
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
            org.bouncycastle.asn1.ASN1Primitive.fromByteArray(cipher.getParameters().getEncoded())),
        encrypted).getEncoded();
  }

  private static byte[] encoded(org.bouncycastle.asn1.ASN1Object object) {
    try {
      return object.getEncoded();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** An openssh-key-v1 header with a public key of the given type and a dummy private section. */
  private static byte[] openSsh(String cipher, String kdf, int keys, String type) {
    ByteBuffer out = ByteBuffer.allocate(512);
    out.put("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    putString(out, cipher.getBytes(StandardCharsets.US_ASCII));
    putString(out, kdf.getBytes(StandardCharsets.US_ASCII));
    putString(out, "none".equals(kdf) ? new byte[0] : bcryptOptions());
    out.putInt(keys);
    ByteBuffer publicKey = ByteBuffer.allocate(128);
    putString(publicKey, type.getBytes(StandardCharsets.US_ASCII));
    putString(publicKey, new byte[32]);
    putString(out, Arrays.copyOf(publicKey.array(), publicKey.position()));
    putString(out, new byte[64]);
    return Arrays.copyOf(out.array(), out.position());
  }

  private static byte[] openSshWithPrivateSection(byte[] privateSection) {
    byte[] header = openSsh("none", "none", 1, "ssh-ed25519");
    ByteBuffer out = ByteBuffer.allocate(header.length + privateSection.length);
    out.put(header, 0, header.length - 68); // drop the dummy private section (4 + 64 bytes)
    putString(out, privateSection);
    return Arrays.copyOf(out.array(), out.position());
  }

  private static byte[] bcryptOptions() {
    ByteBuffer options = ByteBuffer.allocate(24);
    putString(options, new byte[16]);
    options.putInt(16);
    return options.array();
  }

  private static void putString(ByteBuffer out, byte[] bytes) {
    out.putInt(bytes.length);
    out.put(bytes);
  }
}
