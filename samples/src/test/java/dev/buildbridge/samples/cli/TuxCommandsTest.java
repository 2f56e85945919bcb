package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.signing.OpenSshPublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuxCommandsTest {
  private static final String BODY =
      "{\"kind\": \"build\", \"status\": {\"uid\": \"2x1Yq\", \"state\": \"finished\"}}";

  @TempDir Path dir;
  private TuxTestKey key;

  @BeforeEach
  void makeKey() {
    key = TuxTestKey.generate();
  }

  private String signWithCli(String body) throws Exception {
    Path pem = key.writePem(dir);
    Cli.Result r = Cli.run(body, "sign", "tux", "--private-key-file", pem.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    return r.outLine();
  }

  // ---- sign tux ---------------------------------------------------------------------------------

  @Test
  void signTuxMakesDerSignatureThatJcaVerifiesUnderThePublicKey() throws Exception {
    String header = signWithCli(BODY);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(OpenSshPublicKey.parse(key.openSshLine()).publicKey());
    verifier.update(BODY.getBytes(UTF_8));
    assertTrue(verifier.verify(Base64.getUrlDecoder().decode(header)), header);
  }

  @Test
  void signTuxPrintsUrlSafeBase64() throws Exception {
    String header = signWithCli(BODY);
    assertFalse(header.contains("+") || header.contains("/") || header.contains("\n"), header);
  }

  @Test
  void signTuxWithJsonNamesTuxHeader() throws Exception {
    Path pem = key.writePem(dir);
    JsonNode json = Cli.run(BODY, "sign", "tux", "--private-key-file", pem.toString(), "--json")
        .json();
    assertEquals("x-tux-payload-signature", json.get("header").asText());
    assertTrue(json.get("value").asText().startsWith("ME"), json::toString);
  }

  @Test
  void signTuxReadsBodyFromBodyFile() throws Exception {
    Path pem = key.writePem(dir);
    Path body = Files.writeString(dir.resolve("callback.json"), BODY);
    Cli.Result r = Cli.run("not the body", "sign", "tux", "--private-key-file", pem.toString(),
        "--body-file", body.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(), "--signature", r.outLine())
        .assertValid();
  }

  @Test
  void signTuxWithoutPrivateKeyFileIsUsageError() {
    String line = Cli.run(BODY, "sign", "tux").assertUsageError("buildbridge: sign tux: ");
    assertTrue(line.contains("--private-key-file"), line);
  }

  @Test
  void signTuxWithMissingKeyFileIsUsageErrorNamingIt() {
    Path missing = dir.resolve("absent.pem");
    String line = Cli.run(BODY, "sign", "tux", "--private-key-file", missing.toString())
        .assertUsageError("buildbridge: sign tux: ");
    assertEquals("buildbridge: sign tux: cannot read " + missing + ": no such file", line);
  }

  @Test
  void signTuxWithGarbageKeyFileIsUsageErrorNamingIt() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a key\n");
    String line = Cli.run(BODY, "sign", "tux", "--private-key-file", garbage.toString())
        .assertUsageError("buildbridge: sign tux: ");
    assertTrue(line.contains(garbage.toString()), line);
  }

  @Test
  void signTuxNeverPrintsThePrivateKeyInErrors() throws Exception {
    // a PEM whose base64 decodes to something that is not a key
    String pem = "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n"
        + "-----END PRIVATE KEY-----\n";
    Path bad = Files.writeString(dir.resolve("bad.pem"), pem);
    String line = Cli.run(BODY, "sign", "tux", "--private-key-file", bad.toString())
        .assertUsageError("buildbridge: sign tux: ");
    assertFalse(line.contains("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo"), line);
  }

  // ---- verify tux -------------------------------------------------------------------------------

  @Test
  void verifyTuxAcceptsWhatSignTuxProducedWithKeyLine() throws Exception {
    String header = signWithCli(BODY);
    JsonNode verdict = Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(),
        "--signature", header).assertValid();
    assertFalse(verdict.get("legacy").asBoolean());
    assertTrue(verdict.get("legacy").isBoolean());
  }

  @Test
  void verifyTuxPrintsReadmeShapedVerdict() throws Exception {
    String header = signWithCli(BODY);
    Cli.Result r = Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(),
        "--signature", header);
    assertEquals("{\"valid\":true,\"reason\":null,\"legacy\":false}\n", r.out());
  }

  @Test
  void verifyTuxReadsKeyFromPublicKeyFile() throws Exception {
    String header = signWithCli(BODY);
    Path pub = key.writePublicKey(dir);
    Cli.run(BODY, "verify", "tux", "--public-key-file", pub.toString(), "--signature", header)
        .assertValid();
  }

  @Test
  void verifyTuxReadsBodyFromBodyFile() throws Exception {
    Path body = Files.writeString(dir.resolve("callback.json"), BODY);
    Cli.run("", "verify", "tux", "--public-key", key.openSshLine(), "--signature",
        key.sign(BODY), "--body-file", body.toString()).assertValid();
  }

  @Test
  void verifyTuxAcceptsKeyLineWithComment() {
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine() + " tux@example",
        "--signature", key.sign(BODY)).assertValid();
  }

  @Test
  void verifyTuxRejectsTamperedBodyAsSignatureMismatch() throws Exception {
    String header = signWithCli(BODY);
    JsonNode verdict = Cli.run(BODY.replace("finished", "finishee"), "verify", "tux",
        "--public-key", key.openSshLine(), "--signature", header)
        .assertRejected("SIGNATURE_MISMATCH");
    assertFalse(verdict.get("legacy").asBoolean());
  }

  @Test
  void verifyTuxRejectsSignatureOfAnotherKey() {
    TuxTestKey other = TuxTestKey.generate();
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(), "--signature",
        other.sign(BODY)).assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyTuxWithoutSignatureReportsMissingHeader() {
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine())
        .assertRejected("MISSING_HEADER");
  }

  @Test
  void verifyTuxRejectsNonBase64SignatureAsMalformed() {
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(), "--signature", "!!!not-b64")
        .assertRejected("MALFORMED_SIGNATURE");
  }

  @Test
  void verifyTuxAcceptsReferenceVectorFromSharedDocument() throws Exception {
    TuxTestKey.ReferenceVector vector = TuxTestKey.ReferenceVector.load();
    JsonNode verdict = Cli.run(vector.body(), "verify", "tux", "--public-key", vector.publicKey(),
        "--signature", vector.header()).assertValid();
    assertFalse(verdict.get("legacy").asBoolean());
  }

  @Test
  void verifyTuxRejectsReferenceVectorWithOneFlippedBit() throws Exception {
    TuxTestKey.ReferenceVector vector = TuxTestKey.ReferenceVector.load();
    byte[] body = vector.body().getBytes(UTF_8);
    body[body.length - 3] ^= 1;
    Cli.run(body, "verify", "tux", "--public-key", vector.publicKey(), "--signature",
        vector.header()).assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void demoCommandCarriesTheSharedReferenceVector() throws Exception {
    TuxTestKey.ReferenceVector vector = TuxTestKey.ReferenceVector.load();
    assertEquals(vector.publicKey(), DemoCommand.TUX_PUBLIC_KEY);
    assertEquals(vector.body(), DemoCommand.TUX_BODY);
    assertEquals(vector.header(), DemoCommand.TUX_SIGNATURE);
  }

  @Test
  void verifyTuxAcceptsLegacyDoubleEncodedBodyAndSaysSo() throws Exception {
    String legacyBody = Cli.MAPPER.writeValueAsString(BODY); // "{\"kind\": ...}"
    assertTrue(legacyBody.startsWith("\"{\\\"kind"), legacyBody);
    JsonNode verdict = Cli.run(legacyBody, "verify", "tux", "--public-key", key.openSshLine(),
        "--signature", key.sign(BODY)).assertValid();
    assertTrue(verdict.get("legacy").asBoolean(), verdict::toString);
  }

  @Test
  void verifyTuxWithNoLegacyRejectsDoubleEncodedBody() throws Exception {
    String legacyBody = Cli.MAPPER.writeValueAsString(BODY);
    Cli.run(legacyBody, "verify", "tux", "--public-key", key.openSshLine(), "--signature",
        key.sign(BODY), "--no-legacy").assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyTuxWithNoLegacyStillAcceptsCurrentForm() {
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(), "--signature",
        key.sign(BODY), "--no-legacy").assertValid();
  }

  @Test
  void verifyTuxRejectsMalformedPublicKeyAsUsageError() {
    String line = Cli.run(BODY, "verify", "tux", "--public-key", "ecdsa-sha2-nistp256 !!!!",
        "--signature", key.sign(BODY)).assertUsageError("buildbridge: verify tux: ");
    assertTrue(line.contains("public key"), line);
  }

  @Test
  void verifyTuxRejectsOneFieldPublicKeyAsUsageError() {
    String line = Cli.run(BODY, "verify", "tux", "--public-key", "ecdsa-sha2-nistp256",
        "--signature", key.sign(BODY)).assertUsageError("buildbridge: verify tux: public key: ");
    assertTrue(line.contains("one field"), line);
  }

  @Test
  void verifyTuxRejectsEd25519KeyAsUsageError() throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("Ed25519");
    String ed = OpenSshPublicKey.from(generator.generateKeyPair().getPublic()).toOpenSshLine();
    String line = Cli.run(BODY, "verify", "tux", "--public-key", ed, "--signature", key.sign(BODY))
        .assertUsageError("buildbridge: verify tux: public key: ");
    assertFalse(line.contains("internal error"), line);
  }

  @Test
  void verifyTuxRejectsPublicKeyFileWithTwoKeysAsUsageError() throws Exception {
    Path pub = Files.writeString(dir.resolve("two.pub"),
        key.openSshLine() + "\n" + TuxTestKey.generate().openSshLine() + "\n");
    String line = Cli.run(BODY, "verify", "tux", "--public-key-file", pub.toString(),
        "--signature", key.sign(BODY)).assertUsageError("buildbridge: verify tux: ");
    assertTrue(line.contains("public key"), line);
  }

  @Test
  void verifyTuxWithoutKeyIsUsageError() {
    String line = Cli.run(BODY, "verify", "tux", "--signature", key.sign(BODY))
        .assertUsageError("buildbridge: verify tux: ");
    assertTrue(line.contains("public key is required"), line);
  }

  @Test
  void verifyTuxRefusesBothKeyOptions() throws Exception {
    Path pub = key.writePublicKey(dir);
    Cli.run(BODY, "verify", "tux", "--public-key", key.openSshLine(), "--public-key-file",
        pub.toString(), "--signature", key.sign(BODY))
        .assertUsageError("buildbridge: verify tux: ");
  }

  @Test
  void verifyTuxWithMissingPublicKeyFileIsUsageErrorNamingIt() {
    Path missing = dir.resolve("nope.pub");
    String line = Cli.run(BODY, "verify", "tux", "--public-key-file", missing.toString(),
        "--signature", key.sign(BODY)).assertUsageError("buildbridge: verify tux: ");
    assertEquals("buildbridge: verify tux: cannot read " + missing + ": no such file", line);
  }
}
