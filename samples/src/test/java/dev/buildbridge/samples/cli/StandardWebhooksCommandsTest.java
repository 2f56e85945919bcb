package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.signing.StandardWebhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardWebhooksCommandsTest {
  private static final String BODY = "{\"type\":\"job.completed\",\"data\":{\"id\":42}}";
  private static final String SECRET = StandardWebhooks.generateSecret();

  @TempDir Path dir;

  private static JsonNode sign(String secret, String id, long timestamp) {
    Cli.Result r = Cli.run(BODY, "sign", "standard", "--secret", secret, "--id", id,
        "--timestamp", Long.toString(timestamp));
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    return r.json();
  }

  private static Cli.Result verify(String body, String secret, JsonNode headers, String... extra) {
    String[] base = {"verify", "standard", "--secret", secret,
        "--id", headers.get("webhook-id").asText(),
        "--timestamp", headers.get("webhook-timestamp").asText(),
        "--signature", headers.get("webhook-signature").asText()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(body, args);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  @Test
  void signStandardPrintsTheThreeHeadersInOrder() {
    long ts = now();
    JsonNode headers = sign(SECRET, "msg_1", ts);
    assertEquals(3, headers.size());
    var names = headers.fieldNames();
    assertEquals("webhook-id", names.next());
    assertEquals("webhook-timestamp", names.next());
    assertEquals("webhook-signature", names.next());
    assertEquals("msg_1", headers.get("webhook-id").asText());
    assertEquals(Long.toString(ts), headers.get("webhook-timestamp").asText());
  }

  @Test
  void signStandardComputesSpecHmacOverIdTimestampAndBody() throws Exception {
    long ts = 1_700_000_000L;
    JsonNode headers = sign(SECRET, "msg_spec", ts);
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal(("msg_spec." + ts + "." + BODY).getBytes(UTF_8)));
    assertEquals(expected, headers.get("webhook-signature").asText());
  }

  @Test
  void signStandardThenVerifyStandardRoundTrips() {
    verify(BODY, SECRET, sign(SECRET, "msg_round", now())).assertValid();
  }

  @Test
  void signStandardWithoutTimestampUsesNow() {
    Cli.Result r = Cli.run(BODY, "sign", "standard", "--secret", SECRET, "--id", "msg_now");
    assertEquals(Main.OK, r.exit(), r.err());
    verify(BODY, SECRET, r.json()).assertValid();
  }

  @Test
  void signStandardReadsBodyFile() throws Exception {
    Path body = Files.writeString(dir.resolve("result.json"), BODY);
    Cli.Result r = Cli.run("ignored", "sign", "standard", "--secret", SECRET, "--id", "msg_f",
        "--body-file", body.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    verify(BODY, SECRET, r.json()).assertValid();
  }

  @Test
  void verifyStandardRejectsTamperedBody() {
    verify(BODY + " ", SECRET, sign(SECRET, "msg_t", now())).assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyStandardRejectsOtherSecret() {
    verify(BODY, StandardWebhooks.generateSecret(), sign(SECRET, "msg_o", now()))
        .assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyStandardRejectsStaleTimestampOutsideDefaultTolerance() {
    JsonNode verdict = verify(BODY, SECRET, sign(SECRET, "msg_stale", now() - 600))
        .assertRejected("TIMESTAMP_OUT_OF_TOLERANCE");
    assertTrue(verdict.get("message").asText().contains("webhook-timestamp"), verdict::toString);
  }

  @Test
  void verifyStandardAcceptsStaleTimestampWithinWiderTolerance() {
    verify(BODY, SECRET, sign(SECRET, "msg_stale", now() - 600), "--tolerance", "900")
        .assertValid();
  }

  @Test
  void verifyStandardRejectsFutureTimestampOutsideTolerance() {
    verify(BODY, SECRET, sign(SECRET, "msg_future", now() + 600))
        .assertRejected("TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void verifyStandardRejectsMalformedTimestampHeader() {
    Cli.run(BODY, "verify", "standard", "--secret", SECRET, "--id", "msg_1", "--timestamp",
        "yesterday", "--signature", "v1,AAAA").assertRejected("MALFORMED_TIMESTAMP");
  }

  @Test
  void verifyStandardWithoutSignatureReportsMissingHeader() {
    Cli.run(BODY, "verify", "standard", "--secret", SECRET, "--id", "msg_1", "--timestamp",
        Long.toString(now())).assertRejected("MISSING_HEADER");
  }

  @Test
  void verifyStandardRejectsNegativeTolerance() {
    String line = verify(BODY, SECRET, sign(SECRET, "msg_n", now()), "--tolerance", "-5")
        .assertUsageError("buildbridge: verify standard: ");
    assertTrue(line.contains("--tolerance"), line);
  }

  @Test
  void verifyStandardRejectsNonNumericTolerance() {
    verify(BODY, SECRET, sign(SECRET, "msg_n", now()), "--tolerance", "five minutes")
        .assertUsageError("buildbridge: verify standard: ");
  }

  @Test
  void verifyStandardRejectsMalformedSecretAsUsageError() {
    String line = verify(BODY, "whsec_!!!", sign(SECRET, "msg_m", now()))
        .assertUsageError("buildbridge: verify standard: secret: ");
    assertFalse(line.contains(SECRET), line);
  }

  @Test
  void ed25519SigningKeySignsAndPublicKeyVerifies() {
    StandardWebhooks.SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    JsonNode headers = sign(pair.signingKey(), "msg_ed", now());
    assertTrue(headers.get("webhook-signature").asText().startsWith("v1a,"), headers::toString);
    verify(BODY, pair.publicKey(), headers).assertValid();
    verify(BODY + "x", pair.publicKey(), headers).assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void signStandardRejectsNonNumericTimestamp() {
    String line = Cli.run(BODY, "sign", "standard", "--secret", SECRET, "--id", "msg_1",
        "--timestamp", "yesterday").assertUsageError("buildbridge: sign standard: ");
    assertTrue(line.contains("--timestamp"), line);
  }

  @Test
  void signStandardRejectsTimestampBefore1970() {
    Cli.run(BODY, "sign", "standard", "--secret", SECRET, "--id", "msg_1", "--timestamp", "-5")
        .assertUsageError("buildbridge: sign standard: ");
  }

  @Test
  void signStandardRequiresId() {
    String line = Cli.run(BODY, "sign", "standard", "--secret", SECRET)
        .assertUsageError("buildbridge: sign standard: ");
    assertTrue(line.contains("--id"), line);
  }

  @Test
  void signStandardRejectsIdWithDot() {
    Cli.run(BODY, "sign", "standard", "--secret", SECRET, "--id", "msg.1")
        .assertUsageError("buildbridge: sign standard: ");
  }

  @Test
  void signStandardRequiresSecret() {
    Cli.run(BODY, "sign", "standard", "--id", "msg_1")
        .assertUsageError("buildbridge: sign standard: ");
  }

  @Test
  void signStandardRejectsPublicKeyAsSecretAsUsageError() {
    StandardWebhooks.SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    Cli.run(BODY, "sign", "standard", "--secret", pair.publicKey(), "--id", "msg_1")
        .assertUsageError("buildbridge: sign standard: ");
  }

  @Test
  void signStandardRejectsOutOfRangeTimestampAsUsageError() {
    String line = Cli.run(BODY, "sign", "standard", "--secret", SECRET, "--id", "msg_1",
        "--timestamp", Long.toString(Long.MAX_VALUE))
        .assertUsageError("buildbridge: sign standard: ");
    assertTrue(line.contains("--timestamp"), line);
  }
}
