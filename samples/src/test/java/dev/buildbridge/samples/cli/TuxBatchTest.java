package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuxBatchTest {
  private static final String BODY = "{\"kind\": \"test\", \"status\": {\"uid\": \"2y\", \"result\": \"pass\"}}";

  @TempDir Path dir;
  private TuxTestKey key;

  @BeforeEach
  void makeKey() {
    key = TuxTestKey.generate();
  }

  private static String line(byte[] body, String header, String publicKey) {
    ObjectNode node = Cli.MAPPER.createObjectNode();
    node.put("body_b64", Base64.getEncoder().encodeToString(body));
    if (header != null) {
      node.put("header", header);
    }
    if (publicKey != null) {
      node.put("public_key", publicKey);
    }
    return node.toString();
  }

  private static String line(String body, String header, String publicKey) {
    return line(body.getBytes(UTF_8), header, publicKey);
  }

  private Path batchFile(List<String> lines) throws IOException {
    return Files.writeString(dir.resolve("callbacks.jsonl"), String.join("\n", lines) + "\n", UTF_8);
  }

  private static void assertVerdict(JsonNode verdict, boolean valid, String reason, boolean legacy) {
    assertEquals(valid, verdict.get("valid").asBoolean(), verdict::toString);
    if (reason == null) {
      assertTrue(verdict.get("reason").isNull(), verdict::toString);
    } else {
      assertEquals(reason, verdict.get("reason").asText(), verdict::toString);
    }
    assertEquals(legacy, verdict.get("legacy").asBoolean(), verdict::toString);
  }

  private static void assertUnreadable(JsonNode verdict, int lineNumber, String why) {
    assertVerdict(verdict, false, "UNREADABLE_LINE", false);
    String message = verdict.get("message").asText();
    assertTrue(message.startsWith("line " + lineNumber + ": " + why), message);
  }

  @Test
  void batchPrintsOneVerdictPerInputLineInOrder() throws Exception {
    String keyLine = key.openSshLine();
    String legacyBody = Cli.MAPPER.writeValueAsString(BODY);
    Path batch = batchFile(List.of(
        line(BODY, key.sign(BODY), keyLine),                                // 1 valid
        line(BODY + " ", key.sign(BODY), keyLine),                          // 2 tampered
        "{\"body_b64\":\"a\",\"header\":\"x\",\"public_key\":\"k\"}",       // 3 bad base64
        "this is not json",                                                 // 4 not JSON
        "{\"header\":\"" + key.sign(BODY) + "\"}",                          // 5 no body_b64
        line(BODY, key.sign(BODY), "ecdsa-sha2-nistp256 AAAA"),             // 6 bad key
        "",                                                                 // 7 blank
        line(BODY, key.sign(BODY), null),                                   // 8 default key
        line(BODY, null, keyLine),                                          // 9 no header
        "[1, 2]",                                                           // 10 not an object
        line(legacyBody, key.sign(BODY), keyLine),                          // 11 legacy form
        "{\"body_b64\":\"" + Base64.getEncoder().encodeToString(BODY.getBytes(UTF_8))
            + "\",\"header\":42}",                                          // 12 header not text
        "{\"body_b64\":7,\"header\":\"x\"}"));                              // 13 body not text

    Cli.Result r = Cli.run("", "verify", "tux", "--public-key", keyLine, "--batch",
        batch.toString());

    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    List<JsonNode> out = r.jsonLines();
    assertEquals(13, out.size(), r.out());
    assertVerdict(out.get(0), true, null, false);
    assertVerdict(out.get(1), false, "SIGNATURE_MISMATCH", false);
    assertUnreadable(out.get(2), 3, "body_b64 is not base64");
    assertUnreadable(out.get(3), 4, "not a JSON object");
    assertUnreadable(out.get(4), 5, "body_b64 is missing or not a string");
    assertUnreadable(out.get(5), 6, "public key: ");
    assertUnreadable(out.get(6), 7, "not a JSON object");
    assertVerdict(out.get(7), true, null, false);
    assertVerdict(out.get(8), false, "MISSING_HEADER", false);
    assertUnreadable(out.get(9), 10, "not a JSON object");
    assertVerdict(out.get(10), true, null, true);
    assertUnreadable(out.get(11), 12, "header is not a string");
    assertUnreadable(out.get(12), 13, "body_b64 is missing or not a string");
  }

  @Test
  void batchExitsZeroEvenWhenEveryLineFails() throws Exception {
    Path batch = batchFile(List.of(line(BODY, key.sign("other"), key.openSshLine())));
    Cli.Result r = Cli.run("", "verify", "tux", "--batch", batch.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertVerdict(r.jsonLines().get(0), false, "SIGNATURE_MISMATCH", false);
  }

  @Test
  void batchLineWithoutKeyIsUnreadableWhenNoDefaultKeyWasGiven() throws Exception {
    Path batch = batchFile(List.of(line(BODY, key.sign(BODY), null)));
    Cli.Result r = Cli.run("", "verify", "tux", "--batch", batch.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertUnreadable(r.jsonLines().get(0), 1, "public_key is missing");
  }

  @Test
  void batchLineKeyOverridesDefaultKey() throws Exception {
    TuxTestKey other = TuxTestKey.generate();
    Path batch = batchFile(List.of(
        line(BODY, other.sign(BODY), other.openSshLine()),
        line(BODY, other.sign(BODY), null)));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--public-key", key.openSshLine(), "--batch",
        batch.toString()).jsonLines();
    assertVerdict(out.get(0), true, null, false);
    assertVerdict(out.get(1), false, "SIGNATURE_MISMATCH", false);
  }

  @Test
  void batchUsesPublicKeyFileAsDefaultKey() throws Exception {
    Path pub = key.writePublicKey(dir);
    Path batch = batchFile(List.of(line(BODY, key.sign(BODY), null)));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--public-key-file", pub.toString(),
        "--batch", batch.toString()).jsonLines();
    assertVerdict(out.get(0), true, null, false);
  }

  @Test
  void batchWithNoLegacyRejectsDoubleEncodedLine() throws Exception {
    String legacyBody = Cli.MAPPER.writeValueAsString(BODY);
    Path batch = batchFile(List.of(line(legacyBody, key.sign(BODY), key.openSshLine())));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--no-legacy", "--batch", batch.toString())
        .jsonLines();
    assertVerdict(out.get(0), false, "SIGNATURE_MISMATCH", false);
  }

  @Test
  void batchAcceptsCrlfLineEndingsAndFinalLineWithoutNewline() throws Exception {
    String keyLine = key.openSshLine();
    String text = line(BODY, key.sign(BODY), keyLine) + "\r\n" + line(BODY, key.sign(BODY), keyLine);
    Path batch = Files.writeString(dir.resolve("crlf.jsonl"), text, UTF_8);
    List<JsonNode> out = Cli.run("", "verify", "tux", "--batch", batch.toString()).jsonLines();
    assertEquals(2, out.size());
    assertVerdict(out.get(0), true, null, false);
    assertVerdict(out.get(1), true, null, false);
  }

  @Test
  void emptyBatchFilePrintsNothingAndSucceeds() throws Exception {
    Path batch = Files.writeString(dir.resolve("empty.jsonl"), "");
    Cli.Result r = Cli.run("", "verify", "tux", "--batch", batch.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void batchVerifiesReferenceVectorLine() throws Exception {
    TuxTestKey.ReferenceVector vector = TuxTestKey.ReferenceVector.load();
    Path batch = batchFile(List.of(line(vector.body(), vector.header(), vector.publicKey())));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--batch", batch.toString()).jsonLines();
    assertVerdict(out.get(0), true, null, false);
  }

  @Test
  void batchVerifiesEverySharedTuxSuiteFixtureSignedWithTestKey() throws Exception {
    Path fixtures = SharedData.require("fixtures/tuxsuite");
    List<Path> files;
    try (Stream<Path> listing = Files.list(fixtures)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no fixtures in " + fixtures);
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      lines.add(line(body, key.sign(body), null));
    }
    Cli.Result r = Cli.run("", "verify", "tux", "--public-key", key.openSshLine(), "--batch",
        batchFile(lines).toString());
    assertEquals(Main.OK, r.exit(), r.err());
    List<JsonNode> out = r.jsonLines();
    assertEquals(files.size(), out.size(), r.out());
    for (int i = 0; i < out.size(); i++) {
      assertVerdict(out.get(i), true, null, false);
    }
  }

  @Test
  void batchWithMissingFileIsUsageErrorNamingIt() {
    Path missing = dir.resolve("missing.jsonl");
    String line = Cli.run("", "verify", "tux", "--batch", missing.toString())
        .assertUsageError("buildbridge: verify tux: ");
    assertEquals("buildbridge: verify tux: cannot read " + missing + ": no such file", line);
  }

  @Test
  void batchRefusesSignatureOption() throws Exception {
    Path batch = batchFile(List.of(line(BODY, key.sign(BODY), key.openSshLine())));
    String line = Cli.run("", "verify", "tux", "--batch", batch.toString(), "--signature", "x")
        .assertUsageError("buildbridge: verify tux: ");
    assertTrue(line.contains("--batch"), line);
  }

  @Test
  void batchRefusesBodyFileOption() throws Exception {
    Path batch = batchFile(List.of(line(BODY, key.sign(BODY), key.openSshLine())));
    Cli.run("", "verify", "tux", "--batch", batch.toString(), "--body-file", batch.toString())
        .assertUsageError("buildbridge: verify tux: ");
  }

  @Test
  void batchWithMalformedDefaultKeyStillReportsPerLine() throws Exception {
    Path batch = batchFile(List.of(line(BODY, key.sign(BODY), null),
        line(BODY, key.sign(BODY), key.openSshLine())));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--public-key", "ecdsa-sha2-nistp256 AAAA",
        "--batch", batch.toString()).jsonLines();
    assertUnreadable(out.get(0), 1, "public key: ");
    assertVerdict(out.get(1), true, null, false);
  }

  @Test
  void batchDashReadsTheConsolesStdin() {
    String input = line(BODY, key.sign(BODY), key.openSshLine()) + "\n";
    Cli.Result r = Cli.run(input, "verify", "tux", "--batch", "-");
    assertEquals(Main.OK, r.exit(), r.err());
    List<JsonNode> out = r.jsonLines();
    assertEquals(1, out.size(), r.out());
    assertVerdict(out.get(0), true, null, false);
  }

  @Test
  void batchRejectsBodyWithCharactersOutsideBase64Alphabet() throws Exception {
    Path batch = batchFile(List.of(
        "{\"body_b64\":\"%%%%\",\"header\":\"" + key.sign("") + "\"}"));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--public-key", key.openSshLine(), "--batch",
        batch.toString()).jsonLines();
    assertUnreadable(out.get(0), 1, "body_b64 is not base64");
  }

  @Test
  void batchRejectsNonStringPublicKey() throws Exception {
    Path batch = batchFile(List.of(
        "{\"body_b64\":\"" + Base64.getEncoder().encodeToString(BODY.getBytes(UTF_8))
            + "\",\"header\":\"" + key.sign(BODY) + "\",\"public_key\":42}"));
    List<JsonNode> out = Cli.run("", "verify", "tux", "--public-key", key.openSshLine(), "--batch",
        batch.toString()).jsonLines();
    assertUnreadable(out.get(0), 1, "public_key is not a string");
  }
}
