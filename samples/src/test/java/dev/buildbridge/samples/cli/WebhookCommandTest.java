package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.signing.WebhookHmac;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookCommandTest {
  private static final String PUSH = "{\"ref\":\"refs/heads/main\","
      + "\"after\":\"2222222222222222222222222222222222222222\","
      + "\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\",\"owner\":{\"login\":\"octo\"},"
      + "\"clone_url\":\"https://github.com/octo/hello.git\"}}";

  private static String sign(String body) {
    return WebhookHmac.github("s").sign(body.getBytes(UTF_8));
  }

  @Test
  void signedPushPrintsA202DecisionWithOneJobrequestAndExitsZero() {
    Cli.Result r = Cli.run(PUSH, "webhook", "--secret", "s", "-H", "X-GitHub-Event: push",
        "-H", "X-GitHub-Delivery: d-1", "-H", "X-Hub-Signature-256: " + sign(PUSH),
        "--runs-on-map", "octo/hello=riscv64", "--runs-on-default", "ubuntu-22.04");
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode d = r.json();
    assertEquals(202, d.get("status").asInt());
    assertEquals("github", d.get("provider").asText());
    assertEquals("push", d.get("event").asText());
    assertEquals("d-1", d.get("delivery").asText());
    JsonNode job = d.get("jobs").get(0);
    assertEquals("jobrequest.v1", job.get("schema_version").asText());
    assertEquals("riscv64", job.get("runs_on").asText());
    assertEquals("2222222222222222222222222222222222222222", job.get("commit_sha").asText());
  }

  @Test
  void wrongSecretPrints401AndExitsOne() {
    Cli.Result r = Cli.run(PUSH, "webhook", "--secret", "other", "-H", "X-GitHub-Event: push",
        "-H", "X-Hub-Signature-256: " + sign(PUSH));
    assertEquals(Main.REJECTED, r.exit());
    assertEquals(401, r.json().get("status").asInt());
    assertTrue(r.json().get("reason").asText().startsWith("SIGNATURE_MISMATCH"));
  }

  @Test
  void malformedBodyPrints400AndExitsTwo() {
    Cli.Result r = Cli.run("{", "webhook", "--allow-unsigned", "-H", "X-GitHub-Event: push");
    assertEquals(Main.USAGE, r.exit());
    assertEquals(400, r.json().get("status").asInt());
  }

  @Test
  void malformedRunsOnMapEntryIsAUsageErrorNamingIt() {
    Cli.run(PUSH, "webhook", "--allow-unsigned", "-H", "X-GitHub-Event: push",
        "--runs-on-map", "octo/hello=riscv64,broken")
        .assertUsageError("buildbridge: webhook: --runs-on-map: expected owner/repo=label, got");
  }

  @Test
  void branchFilterGives204() {
    Cli.Result r = Cli.run(PUSH, "webhook", "--allow-unsigned", "-H", "X-GitHub-Event: push",
        "--branches", "release/*");
    assertEquals(Main.OK, r.exit());
    assertEquals(204, r.json().get("status").asInt());
  }

  @Test
  void batchCarriesDedupAcrossLinesAndReportsUnreadableLines() {
    String body = Base64.getEncoder().encodeToString(PUSH.getBytes(UTF_8));
    String line = "{\"headers\":{\"X-GitHub-Event\":\"push\",\"X-GitHub-Delivery\":\"d1\","
        + "\"X-Hub-Signature-256\":\"" + sign(PUSH) + "\"},\"body_b64\":\"" + body + "\"}";
    Cli.Result r = Cli.run(line + "\n" + line + "\nnot json\n", "webhook", "--secret", "s",
        "--batch", "-");
    assertEquals(Main.OK, r.exit(), r.err());
    List<JsonNode> out = r.jsonLines();
    assertEquals(3, out.size());
    assertEquals(202, out.get(0).get("status").asInt());
    assertEquals(200, out.get(1).get("status").asInt());
    assertTrue(out.get(1).get("reason").asText().contains("seen before"));
    assertEquals(400, out.get(2).get("status").asInt());
    assertTrue(out.get(2).get("reason").asText().startsWith("UNREADABLE_LINE: line 3"));
  }

  @Test
  void withoutSecretOrAllowUnsignedIsAUsageError() {
    Cli.run(PUSH, "webhook", "-H", "X-GitHub-Event: push")
        .assertUsageError("buildbridge: webhook: a secret is required");
  }

  @Test
  void headerWithoutColonIsAUsageError() {
    Cli.run(PUSH, "webhook", "--allow-unsigned", "-H", "X-GitHub-Event push")
        .assertUsageError("buildbridge: webhook: -H expects 'Name: value'");
  }
}
