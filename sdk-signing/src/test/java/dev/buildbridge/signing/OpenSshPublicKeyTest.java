package dev.buildbridge.signing;

import static dev.buildbridge.signing.OpenSshTestKeys.blob;
import static dev.buildbridge.signing.OpenSshTestKeys.concat;
import static dev.buildbridge.signing.OpenSshTestKeys.line;
import static dev.buildbridge.signing.OpenSshTestKeys.point;
import static dev.buildbridge.signing.OpenSshTestKeys.sshString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSshPublicKeyTest {

  /** SQUAD's public test key (reference §1.4). */
  static final String REFERENCE_KEY = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdH"
      + "AyNTYAAABBBO+6+lFvdyBmIxnz1PTlj6rnB6V2a0VOT3B/qWazhJY9Ifp5AOoTFlTxqj6IqITHZ3iVTv611rsEC8VD"
      + "YCgHhyU=";

  @Test
  void parsesReferenceKeyWithFingerprintAsSshKeygenPrintsIt() {
    OpenSshPublicKey key = OpenSshPublicKey.parse(REFERENCE_KEY + " squad-test");

    assertEquals("ecdsa-sha2-nistp256", key.type());
    // `ssh-keygen -l -f ref.pub` -> 256 SHA256:DXw7...phU squad-test (ECDSA)
    assertEquals("SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU", key.fingerprint());
    assertEquals(Optional.of("squad-test"), key.comment());
    ECPublicKey ec = assertInstanceOf(ECPublicKey.class, key.publicKey());
    assertEquals(256, ec.getParams().getCurve().getField().getFieldSize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void parsesEcdsaKeysOnEveryNistCurveIntoTheSameJcaKey(String stdName) throws Exception {
    KeyPair pair = OpenSshTestKeys.ec(stdName);
    ECPublicKey generated = (ECPublicKey) pair.getPublic();

    OpenSshPublicKey key = OpenSshPublicKey.parse(line(generated));

    assertEquals("ecdsa-sha2-" + OpenSshTestKeys.curveName(generated), key.type());
    ECPublicKey parsed = assertInstanceOf(ECPublicKey.class, key.publicKey());
    assertEquals(generated.getW(), parsed.getW());
    assertEquals(generated.getParams().getOrder(), parsed.getParams().getOrder());
    // The parsed key verifies what the private key signed.
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(key.publicKey());
    verifier.update(data);
    assertTrue(verifier.verify(OpenSshTestKeys.sign("SHA256withECDSA", pair.getPrivate(), data)));
  }

  @Test
  void parsesEd25519KeyIntoAJdkKeyThatVerifies() throws Exception {
    KeyPair pair = OpenSshTestKeys.ed25519();

    OpenSshPublicKey key = OpenSshPublicKey.parse(line(pair.getPublic()) + " me@host");

    assertEquals("ssh-ed25519", key.type());
    assertInstanceOf(EdECPublicKey.class, key.publicKey());
    assertArrayEquals(pair.getPublic().getEncoded(), key.publicKey().getEncoded());
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key.publicKey());
    verifier.update(data);
    assertTrue(verifier.verify(OpenSshTestKeys.sign("Ed25519", pair.getPrivate(), data)));
  }

  @Test
  void fingerprintIsUnpaddedBase64OfSha256OverTheKeyData() throws Exception {
    KeyPair pair = OpenSshTestKeys.ec("secp384r1");
    byte[] blob = blob(pair.getPublic());
    String expected = "SHA256:" + Base64.getEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));

    assertEquals(expected, OpenSshPublicKey.parse(line(pair.getPublic())).fingerprint());
    assertFalse(expected.endsWith("="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa:256", "ecdsa:384", "ecdsa:521", "ed25519:256"})
  void readsKeysMadeBySshKeygenWithTheFingerprintItPrints(String spec, @TempDir Path dir)
      throws Exception {
    assumeTrue(sshKeygenAvailable(), "ssh-keygen is not installed");
    String[] typeAndBits = spec.split(":");
    Path keyFile = dir.resolve("id");
    run("ssh-keygen", "-q", "-t", typeAndBits[0], "-b", typeAndBits[1], "-N", "", "-C",
        "tux test key", "-f", keyFile.toString());
    String printed = run("ssh-keygen", "-l", "-E", "sha256", "-f", keyFile + ".pub");

    OpenSshPublicKey key = OpenSshPublicKey.parse(Files.readString(Path.of(keyFile + ".pub")));

    // "<bits> SHA256:<fp> <comment> (<TYPE>)"
    assertEquals(printed.split(" ")[1], key.fingerprint());
    assertEquals(Optional.of("tux test key"), key.comment());
    assertEquals(Files.readString(Path.of(keyFile + ".pub")).trim(), key.toOpenSshLine());
  }

  @Test
  void keepsTheRestOfTheLineAsCommentAndTrimsSurroundingWhitespace() {
    String bare = line(OpenSshTestKeys.ec("secp256r1").getPublic());
    String[] fields = bare.split(" ");

    OpenSshPublicKey key = OpenSshPublicKey.parse(
        "  \t" + fields[0] + " \t " + fields[1] + "\t  build  bot \t\n");

    assertEquals(Optional.of("build  bot"), key.comment());
    assertEquals(bare + " build  bot", key.toOpenSshLine());
  }

  @Test
  void lineWithoutCommentHasEmptyCommentAndRoundTrips() {
    String bare = line(OpenSshTestKeys.ec("secp256r1").getPublic());

    OpenSshPublicKey key = OpenSshPublicKey.parse(bare);

    assertEquals(Optional.empty(), key.comment());
    assertEquals(bare, key.toOpenSshLine());
    assertEquals(key, OpenSshPublicKey.parse(key.toOpenSshLine()));
  }

  @Test
  void acceptsKeyDataWithoutBase64Padding() {
    String unpadded = REFERENCE_KEY.substring(0, REFERENCE_KEY.length() - 1);

    assertEquals(OpenSshPublicKey.parse(REFERENCE_KEY), OpenSshPublicKey.parse(unpadded));
    assertEquals(REFERENCE_KEY, OpenSshPublicKey.parse(unpadded).toOpenSshLine());
  }

  @Test
  void equalityIsOnKeyDataNotComment() {
    OpenSshPublicKey a = OpenSshPublicKey.parse(REFERENCE_KEY + " alice");
    OpenSshPublicKey b = OpenSshPublicKey.parse(REFERENCE_KEY + " bob");
    OpenSshPublicKey other = OpenSshPublicKey.parse(line(OpenSshTestKeys.ec("secp256r1").getPublic()));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, other);
    assertNotEquals(a, (Object) REFERENCE_KEY);
  }

  @Test
  void toStringShowsTypeFingerprintAndComment() {
    OpenSshPublicKey key = OpenSshPublicKey.parse(REFERENCE_KEY + " squad-test");

    assertEquals("OpenSshPublicKey[ecdsa-sha2-nistp256 "
        + "SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU squad-test]", key.toString());
    assertEquals("OpenSshPublicKey[ecdsa-sha2-nistp256 "
        + "SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU]",
        OpenSshPublicKey.parse(REFERENCE_KEY).toString());
  }

  @Test
  void rejectsNullLine() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> OpenSshPublicKey.parse(null));
    assertEquals("line", e.getMessage());
  }

  // ---- refusals ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", " \t\n "})
  void rejectsBlankLine(String line) {
    assertRefused(Reason.MALFORMED_KEY, line, "blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sha2-nistp256", "  ecdsa-sha2-nistp256  ",
      "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO"})
  void rejectsOneFieldLine(String line) {
    assertRefused(Reason.MALFORMED_KEY, line, "only one field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh-rsa", "ssh-dss", "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ssh-ed25519@openssh.com", "ecdsa-sha2-nistp224"})
  void rejectsUnsupportedKeyTypeNamingIt(String type) {
    String data = REFERENCE_KEY.split(" ")[1];
    SignatureVerificationException e =
        assertRefused(Reason.UNSUPPORTED_KEY, type + " " + data + " c", "unsupported");
    assertTrue(e.getMessage().contains("'" + type + "'"), e.getMessage());
  }

  @Test
  void rejectsAuthorizedKeysOptionsBeforeTheType() {
    assertRefused(Reason.UNSUPPORTED_KEY, "no-pty " + REFERENCE_KEY, "'no-pty'");
  }

  @Test
  void quotesAnUnprintableOrLongTypeSafely() {
    SignatureVerificationException e = assertRefused(Reason.UNSUPPORTED_KEY,
        "x\u0007" + "y".repeat(100) + " AAAA", "unsupported");
    assertTrue(e.getMessage().contains("'x?yyy"), e.getMessage());
    assertTrue(e.getMessage().contains("...'"), e.getMessage());
    assertFalse(e.getMessage().contains("y".repeat(60)), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not*base64!", "AAAAE2Vj=ZHNh", "A"})
  void rejectsKeyDataThatIsNotBase64(String data) {
    assertRefused(Reason.MALFORMED_KEY, "ecdsa-sha2-nistp256 " + data, "not valid base64");
  }

  @Test
  void rejectsTruncatedKeyDataAtEveryLength() {
    byte[] blob = blob(OpenSshTestKeys.ec("secp256r1").getPublic());
    for (int length = 1; length < blob.length; length++) {
      assertRefused(Reason.MALFORMED_KEY,
          line("ecdsa-sha2-nistp256", Arrays.copyOf(blob, length)), "truncated");
    }
  }

  @Test
  void rejectsLengthPrefixPastTheEnd() {
    byte[] blob = concat(sshString("ssh-ed25519"), new byte[] {(byte) 0xff, (byte) 0xff,
        (byte) 0xff, (byte) 0xff, 1, 2, 3});
    assertRefused(Reason.MALFORMED_KEY, line("ssh-ed25519", blob), "truncated");
  }

  @Test
  void rejectsMissingFields() {
    assertRefused(Reason.MALFORMED_KEY,
        line("ecdsa-sha2-nistp256", concat(sshString("ecdsa-sha2-nistp256"), sshString("nistp256"))),
        "public point field is missing");
    assertRefused(Reason.MALFORMED_KEY,
        line("ssh-ed25519", sshString("ssh-ed25519")), "Ed25519 public key field is missing");
  }

  @Test
  void rejectsTrailingBytesAfterTheKeyData() {
    byte[] ecdsa = concat(blob(OpenSshTestKeys.ec("secp256r1").getPublic()), new byte[] {0});
    byte[] ed25519 = concat(blob(OpenSshTestKeys.ed25519().getPublic()), sshString("extra"));

    assertRefused(Reason.MALFORMED_KEY, line("ecdsa-sha2-nistp256", ecdsa), "1 unexpected trailing");
    assertRefused(Reason.MALFORMED_KEY, line("ssh-ed25519", ed25519), "9 unexpected trailing");
  }

  @Test
  void rejectsKeyDataWhoseTypeDiffersFromTheLine() {
    byte[] p384 = blob(OpenSshTestKeys.ec("secp384r1").getPublic());
    byte[] ed25519 = blob(OpenSshTestKeys.ed25519().getPublic());

    assertRefused(Reason.MALFORMED_KEY, line("ecdsa-sha2-nistp256", p384), "key type mismatch");
    assertRefused(Reason.MALFORMED_KEY, line("ecdsa-sha2-nistp256", ed25519), "key type mismatch");
  }

  @Test
  void rejectsCurveNameThatDoesNotMatchTheKeyType() {
    ECPublicKey key = (ECPublicKey) OpenSshTestKeys.ec("secp256r1").getPublic();
    byte[] blob = concat(sshString("ecdsa-sha2-nistp256"), sshString("nistp384"),
        sshString(point(key)));

    assertRefused(Reason.MALFORMED_KEY, line("ecdsa-sha2-nistp256", blob), "curve name mismatch");
  }

  @Test
  void rejectsCompressedPoint() {
    ECPublicKey key = (ECPublicKey) OpenSshTestKeys.ec("secp256r1").getPublic();
    byte[] compressed = Arrays.copyOf(point(key), 33);
    compressed[0] = (byte) (key.getW().getAffineY().testBit(0) ? 3 : 2);

    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(compressed), "uncompressed");
    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(new byte[0]), "uncompressed");
  }

  @Test
  void rejectsPointOfTheWrongLength() {
    ECPublicKey key = (ECPublicKey) OpenSshTestKeys.ec("secp256r1").getPublic();

    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(Arrays.copyOf(point(key), 64)),
        "64 bytes long; expected 65");
    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(Arrays.copyOf(point(key), 66)),
        "66 bytes long; expected 65");
  }

  @Test
  void rejectsPointThatIsNotOnTheCurve() {
    ECPublicKey key = (ECPublicKey) OpenSshTestKeys.ec("secp256r1").getPublic();
    byte[] q = point(key);
    q[q.length - 1] ^= 1;

    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(q), "point is not on the curve");
  }

  @Test
  void rejectsCoordinateNotBelowTheFieldPrime() {
    // (x, y) on P-256 with a small x, written as (x + p, y): congruent, so only the range check
    // can catch it.
    ECParameterSpec params = ((ECPublicKey) OpenSshTestKeys.ec("secp256r1").getPublic()).getParams();
    BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
    BigInteger x = BigInteger.ZERO;
    BigInteger y;
    while (true) {
      BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x))
          .add(params.getCurve().getB()).mod(p);
      y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p); // p = 3 (mod 4)
      if (y.multiply(y).mod(p).equals(rhs)) {
        break;
      }
      x = x.add(BigInteger.ONE);
    }
    byte[] valid = concat(new byte[] {4}, OpenSshTestKeys.fixed(x, 32), OpenSshTestKeys.fixed(y, 32));
    byte[] shifted = concat(new byte[] {4}, OpenSshTestKeys.fixed(x.add(p), 32),
        OpenSshTestKeys.fixed(y, 32));

    assertEquals("ecdsa-sha2-nistp256", OpenSshPublicKey.parse(ecdsaLine(valid)).type());
    assertRefused(Reason.MALFORMED_KEY, ecdsaLine(shifted), "point is not on the curve");
  }

  @Test
  void rejectsEd25519KeyOfTheWrongLength() {
    byte[] blob = concat(sshString("ssh-ed25519"), sshString(new byte[31]));

    assertRefused(Reason.MALFORMED_KEY, line("ssh-ed25519", blob), "31 bytes long; expected 32");
  }

  @Test
  void rejectsLineLongerThan16KiB() {
    String longComment = "c".repeat(16 * 1024);

    assertRefused(Reason.MALFORMED_KEY, REFERENCE_KEY + " " + longComment, "longer than 16384");
  }

  @Test
  void rejectsTwoLinesAtOnce() {
    assertRefused(Reason.MALFORMED_KEY, REFERENCE_KEY + "\n" + REFERENCE_KEY, "line break");
  }

  // ---- support ----------------------------------------------------------------------------------

  private static String ecdsaLine(byte[] q) {
    return line("ecdsa-sha2-nistp256",
        concat(sshString("ecdsa-sha2-nistp256"), sshString("nistp256"), sshString(q)));
  }

  /** Asserts the reason and message, and that the message holds none of the line's key data. */
  private static SignatureVerificationException assertRefused(Reason reason, String line,
      String messageFragment) {
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> OpenSshPublicKey.parse(line));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(messageFragment),
        () -> "message lacks '" + messageFragment + "': " + e.getMessage());
    assertEquals(Optional.empty(), e.header());
    String[] fields = line.trim().split("[ \t]+");
    for (String field : fields) {
      if (field.startsWith("AAAA") && field.length() > 12) { // key data
        assertFalse(e.getMessage().contains(field.substring(0, 12)), e.getMessage());
      }
    }
    return e;
  }

  private static boolean sshKeygenAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ssh-keygen"))) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ssh-keygen did not finish");
    assertEquals(0, process.exitValue(), output);
    return output.trim();
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1", "Ed25519"})
  void fromWritesTheSameLineAsAnIndependentEncoderAndParsesBack(String curve) {
    KeyPair pair = curve.equals("Ed25519") ? OpenSshTestKeys.ed25519() : OpenSshTestKeys.ec(curve);
    OpenSshPublicKey key = OpenSshPublicKey.from(pair.getPublic(), " harness ");
    assertEquals(line(pair.getPublic()) + " harness", key.toOpenSshLine());
    assertEquals(key, OpenSshPublicKey.parse(key.toOpenSshLine()));
    assertEquals(Optional.of("harness"), key.comment());
    assertEquals(Optional.empty(), OpenSshPublicKey.from(pair.getPublic()).comment());
  }

  @Test
  void fromRefusesAnRsaKeyAsUnsupported() {
    KeyPair rsa = SigningKeyFixtures.rsa();
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> OpenSshPublicKey.from(rsa.getPublic()));
    assertEquals(Reason.UNSUPPORTED_KEY, e.reason());
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }
}
