package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GiteaCommandsTest {
  private static final String SECRET = "gitea webhook secret";
  private static final String BODY = "{\"ref\":\"refs/heads/main\",\"after\":\"0123abcd\"}";
  private static final String EXPECTED =
      GitHubCommandsTest.hmacHex("HmacSHA256", SECRET, BODY.getBytes(UTF_8));

  @Test
  void signGiteaPrintsBareHexHmacSha256() {
    Cli.Result r = Cli.run(BODY, "sign", "gitea", "--secret", SECRET);
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(EXPECTED + "\n", r.out());
  }

  @Test
  void signGiteaWithJsonNamesGiteaHeader() {
    JsonNode json = Cli.run(BODY, "sign", "gitea", "--secret", SECRET, "--json").json();
    assertEquals("X-Gitea-Signature", json.get("header").asText());
    assertEquals(EXPECTED, json.get("value").asText());
  }

  @Test
  void signGiteaHasNoSha1Option() {
    Cli.run(BODY, "sign", "gitea", "--secret", SECRET, "--sha1")
        .assertUsageError("buildbridge: sign gitea: unknown option --sha1");
  }

  @Test
  void verifyGiteaAcceptsBareHexSignature() {
    Cli.run(BODY, "verify", "gitea", "--secret", SECRET, "--signature", EXPECTED).assertValid();
  }

  @Test
  void verifyGiteaAcceptsUppercaseHex() {
    Cli.run(BODY, "verify", "gitea", "--secret", SECRET, "--signature", EXPECTED.toUpperCase())
        .assertValid();
  }

  @Test
  void verifyGiteaRejectsSignatureOfOtherSecret() {
    String other = GitHubCommandsTest.hmacHex("HmacSHA256", "other secret", BODY.getBytes(UTF_8));
    Cli.run(BODY, "verify", "gitea", "--secret", SECRET, "--signature", other)
        .assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyGiteaRejectsTamperedBody() {
    Cli.run(BODY + " ", "verify", "gitea", "--secret", SECRET, "--signature", EXPECTED)
        .assertRejected("SIGNATURE_MISMATCH");
  }

  @Test
  void verifyGiteaRejectsGitHubStylePrefix() {
    Cli.run(BODY, "verify", "gitea", "--secret", SECRET, "--signature", "sha256=" + EXPECTED)
        .assertRejected("WRONG_PREFIX");
  }

  @Test
  void verifyGiteaWithoutSignatureReportsMissingHeader() {
    Cli.run(BODY, "verify", "gitea", "--secret", SECRET).assertRejected("MISSING_HEADER");
  }
}
