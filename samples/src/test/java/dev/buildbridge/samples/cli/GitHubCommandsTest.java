package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubCommandsTest {
  /** GitHub's published example ("Validating webhook deliveries"). */
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String BODY = "Hello, World!";
  private static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @TempDir Path dir;

  static String hmacHex(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- sign github ------------------------------------------------------------------------------

  @Test
  void signGitHubPrintsGitHubsPublishedVectorForBodyOnStdin() {
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret", SECRET);
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(SIGNATURE + "\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void signGitHubAcceptsOptionValueAfterEqualsSign() {
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret=" + SECRET);
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(SIGNATURE, r.outLine());
  }

  @Test
  void signGitHubWithSha1PrintsLegacySha1Header() {
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--sha1");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("sha1=" + hmacHex("HmacSHA1", SECRET, BODY.getBytes(UTF_8)), r.outLine());
  }

  @Test
  void signGitHubWithJsonPrintsHeaderNameAndValue() {
    JsonNode json = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--json").json();
    assertEquals("X-Hub-Signature-256", json.get("header").asText());
    assertEquals(SIGNATURE, json.get("value").asText());
    assertEquals(2, json.size());
  }

  @Test
  void signGitHubWithSha1AndJsonNamesLegacyHeader() {
    JsonNode json = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--sha1", "--json").json();
    assertEquals("X-Hub-Signature", json.get("header").asText());
    assertTrue(json.get("value").asText().startsWith("sha1="));
  }

  @Test
  void signGitHubReadsBodyFromBodyFileNotStdin() throws Exception {
    Path body = Files.write(dir.resolve("body.txt"), BODY.getBytes(UTF_8));
    Cli.Result r = Cli.run("something else entirely", "sign", "github", "--secret", SECRET,
        "--body-file", body.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(SIGNATURE, r.outLine());
  }

  @Test
  void signGitHubTreatsBodyFileDashAsStdin() {
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--body-file", "-");
    assertEquals(SIGNATURE, r.outLine());
  }

  @Test
  void signGitHubSignsEmptyBodyWhenStdinIsEmpty() {
    Cli.Result r = Cli.run("", "sign", "github", "--secret", SECRET);
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("sha256=" + hmacHex("HmacSHA256", SECRET, new byte[0]), r.outLine());
  }

  @Test
  void signGitHubReadsSecretFromEnvironmentVariable() {
    String value = System.getenv("PATH");
    assumeTrue(value != null && !value.isEmpty(), "PATH is not set in this environment");
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret-env", "PATH");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("sha256=" + hmacHex("HmacSHA256", value, BODY.getBytes(UTF_8)), r.outLine());
  }

  @Test
  void signGitHubRejectsUnsetSecretEnvironmentVariable() {
    String name = "BUILDBRIDGE_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
    assumeTrue(System.getenv(name) == null);
    String line = Cli.run(BODY, "sign", "github", "--secret-env", name)
        .assertUsageError("buildbridge: sign github: ");
    assertTrue(line.contains(name) && line.contains("not set"), line);
  }

  @Test
  void signGitHubRejectsMissingSecret() {
    String line = Cli.run(BODY, "sign", "github").assertUsageError("buildbridge: sign github: ");
    assertTrue(line.contains("secret is required"), line);
  }

  @Test
  void signGitHubRejectsEmptySecret() {
    Cli.run(BODY, "sign", "github", "--secret", "").assertUsageError("buildbridge: sign github: ");
  }

  @Test
  void signGitHubRejectsBothSecretAndSecretEnv() {
    String line = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--secret-env", "PATH")
        .assertUsageError("buildbridge: sign github: ");
    assertTrue(line.contains("not both"), line);
  }

  @Test
  void signGitHubRejectsMissingBodyFileNamingIt() {
    Path missing = dir.resolve("no-such-body.json");
    String line = Cli.run(BODY, "sign", "github", "--secret", SECRET, "--body-file",
        missing.toString()).assertUsageError("buildbridge: sign github: ");
    assertEquals("buildbridge: sign github: cannot read " + missing + ": no such file", line);
  }

  @Test
  void signGitHubTreatsHelpAsAnOrdinaryOptionValue() {
    Cli.Result r = Cli.run(BODY, "sign", "github", "--secret", "help");
    assertEquals(Main.OK, r.exit());
    assertEquals("sha256=" + hmacHex("HmacSHA256", "help", BODY.getBytes(UTF_8)), r.outLine());
  }

  @Test
  void signGitHubRejectsStrayPositionalArgument() {
    Cli.run(BODY, "sign", "github", "--secret", SECRET, "body.json")
        .assertUsageError("buildbridge: sign github: ");
  }

  // ---- verify github ----------------------------------------------------------------------------

  @Test
  void verifyGitHubAcceptsPublishedVectorWithExactReadmeOutput() {
    Cli.Result r = Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        SIGNATURE);
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("{\"valid\":true,\"reason\":null}\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void verifyGitHubReadsBodyFromBodyFile() throws Exception {
    Path body = Files.write(dir.resolve("body.txt"), BODY.getBytes(UTF_8));
    Cli.run("", "verify", "github", "--secret", SECRET, "--signature-256", SIGNATURE,
        "--body-file", body.toString()).assertValid();
  }

  @Test
  void verifyGitHubRejectsTamperedBodyAsSignatureMismatch() {
    Cli.run("Hello, World?", "verify", "github", "--secret", SECRET, "--signature-256", SIGNATURE)
        .assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyGitHubRejectsWrongSecretAsSignatureMismatch() {
    Cli.run(BODY, "verify", "github", "--secret", "not the secret", "--signature-256", SIGNATURE)
        .assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyGitHubWithoutSignatureReportsMissingHeader() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET).assertRejected("MISSING_HEADER");
  }

  @Test
  void verifyGitHubRejectsWrongPrefix() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        "sha1=" + SIGNATURE.substring("sha256=".length())).assertRejected("WRONG_PREFIX");
  }

  @Test
  void verifyGitHubRejectsOddLengthHex() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        SIGNATURE.substring(0, SIGNATURE.length() - 1)).assertRejected("ODD_LENGTH");
  }

  @Test
  void verifyGitHubRejectsNonHexDigest() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        SIGNATURE.substring(0, SIGNATURE.length() - 2) + "zz").assertRejected("NON_HEX");
  }

  @Test
  void verifyGitHubRejectsEmptyHeader() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256", "")
        .assertRejected("EMPTY_HEADER");
  }

  @Test
  void verifyGitHubRejectsBlankHeaderAsEmpty() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256", "   ")
        .assertRejected("EMPTY_HEADER");
  }

  @Test
  void verifyGitHubRejectsShortDigestAsWrongLength() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256", "sha256=abcd")
        .assertRejected("WRONG_LENGTH");
  }

  @Test
  void verifyGitHubAcceptsLegacySha1Signature() {
    String sha1 = "sha1=" + hmacHex("HmacSHA1", SECRET, BODY.getBytes(UTF_8));
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature", sha1).assertValid();
  }

  @Test
  void verifyGitHubRejectsSha256ValueGivenAsLegacySignature() {
    Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature", SIGNATURE)
        .assertRejected("WRONG_PREFIX");
  }

  @Test
  void verifyGitHubRefusesBothSignatureOptions() {
    String line = Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        SIGNATURE, "--signature", "sha1=00").assertUsageError("buildbridge: verify github: ");
    assertTrue(line.contains("not both"), line);
  }

  @Test
  void verifyGitHubRejectsMissingSecretAsUsageError() {
    Cli.run(BODY, "verify", "github", "--signature-256", SIGNATURE)
        .assertUsageError("buildbridge: verify github: ");
  }

  @Test
  void verifyGitHubRejectsMissingBodyFileAsUsageError() {
    Path missing = dir.resolve("gone.json");
    String line = Cli.run("", "verify", "github", "--secret", SECRET, "--signature-256", SIGNATURE,
        "--body-file", missing.toString()).assertUsageError("buildbridge: verify github: ");
    assertTrue(line.endsWith("cannot read " + missing + ": no such file"), line);
  }

  @Test
  void verifyGitHubVerdictMessageNamesTheProblem() {
    JsonNode verdict = Cli.run(BODY, "verify", "github", "--secret", SECRET, "--signature-256",
        SIGNATURE.substring(0, SIGNATURE.length() - 1)).assertRejected("ODD_LENGTH");
    assertTrue(verdict.get("message").asText().contains("odd"), verdict::toString);
  }
}
