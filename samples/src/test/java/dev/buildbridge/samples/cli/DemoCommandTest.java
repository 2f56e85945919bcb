package dev.buildbridge.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.submit.FileOutboxStore;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.samples.gateway.FileJobQueue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  static Path kept;
  static Cli.Result demo;
  static List<JsonNode> lines;

  @BeforeAll
  static void runTheDemoOnce() {
    demo = Cli.exec("demo", "--data-dir", kept.resolve("data").toString());
    lines = demo.jsonLines();
  }

  private static JsonNode step(String prefix) {
    for (JsonNode line : lines) {
      if (line.has("step") && line.get("step").asText().startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no step starting with " + prefix + " in " + demo.out());
  }

  @Test
  void demoExitsZeroAndEveryStepDidWhatItSays() {
    assertEquals(Main.OK, demo.exit(), demo.out() + demo.err());
    assertEquals("", demo.err());
    JsonNode summary = lines.get(lines.size() - 1);
    assertTrue(summary.get("ok").asBoolean(), summary::toString);
    assertEquals(0, summary.get("failed").size(), summary::toString);
    assertEquals(lines.size() - 1, summary.get("steps").asInt());
    assertEquals(18, summary.get("steps").asInt(), demo.out());
    for (JsonNode line : lines.subList(0, lines.size() - 1)) {
      assertTrue(line.get("step").isTextual(), line::toString);
      assertTrue(line.get("ok").asBoolean(), line::toString);
    }
  }

  @Test
  void demoReportsGitHubsPublishedSignature() {
    JsonNode first = lines.get(0);
    assertEquals(DemoCommand.GITHUB_SIGNATURE, first.get("signature").asText());
    assertEquals("SIGNATURE_MISMATCH", first.get("tampered_body").asText());
    assertEquals("MISSING_HEADER", first.get("no_header").asText());
  }

  @Test
  void demoRedactsTheGitHubAppJwt() {
    assertTrue(!demo.out().contains("PRIVATE KEY") && !demo.out().contains("eyJ"), demo.out());
    assertTrue(step("github app JWT").get("jwt").asText().contains("token=<redacted>"));
  }

  @Test
  void demoRunsThePushThroughTheGatewayOverHttp() {
    assertTrue(step("gateway: starts").get("url").asText().startsWith("http://127.0.0.1:"));
    assertEquals(202, step("webhooks: a signed GitHub push").get("status").asInt());
    JsonNode jobs = step("workflow: one jobrequest.v1").get("jobs");
    assertEquals("[\"build\",\"test\",\"lint\"]", jobs.toString());
    assertEquals(200, step("webhooks: the same delivery again").get("status").asInt());
    assertEquals("build", step("runner:").get("leased").asText());
    JsonNode callback = step("callbacks:");
    assertTrue(callback.get("signature_valid").asBoolean());
    assertEquals("job.completed", callback.get("type").asText());
    assertEquals(2, step("tuxsuite: a signed test callback").get("tests").asInt());
    assertEquals(401, step("tuxsuite: a callback whose body").get("status").asInt());
  }

  @Test
  void demoLeavesValidKcidbDocumentsAndTheOtherJobsInTheKeptDataDirectory() {
    JsonNode last = step("shutdown:");
    assertEquals(2, last.get("valid_documents").asInt());
    try (FileOutboxStore outbox = FileOutboxStore.open(kept.resolve("data/kcidb-outbox"))) {
      List<OutboxEntry> entries = outbox.entries();
      assertEquals(2, entries.size());
      for (OutboxEntry entry : entries) {
        assertTrue(KcidbValidator.strict().validate(outbox.document(entry.id())).valid());
      }
    }
    try (FileJobQueue queue = FileJobQueue.open(kept.resolve("data/jobs"))) {
      assertEquals(2, queue.count(FileJobQueue.State.PENDING));
      assertEquals(1, queue.count(FileJobQueue.State.DONE));
    }
  }

  @Test
  void demoExitsOneWhenAStepFailsAndSaysWhichAndSkipsTheRest(@TempDir Path dir) {
    try (FileJobQueue taken = FileJobQueue.open(dir.resolve("jobs"))) {
      Cli.Result r = Cli.exec("demo", "--data-dir", dir.toString());
      assertEquals(Main.REJECTED, r.exit(), r.out());
      List<JsonNode> out = r.jsonLines();
      JsonNode summary = out.get(out.size() - 1);
      assertFalse(summary.get("ok").asBoolean());
      assertTrue(summary.get("failed").get(0).asText().startsWith("gateway: starts"),
          summary::toString);
      JsonNode start = out.get(6);
      assertTrue(start.get("error").asText().contains("in use"), start::toString);
      assertTrue(out.get(7).get("skipped").asText().startsWith("an earlier step failed"),
          out.get(7)::toString);
      assertTrue(taken.entries().isEmpty());
    }
  }

  @Test
  void demoRefusesArguments() {
    Cli.exec("demo", "extra").assertUsageError("buildbridge: demo: unexpected argument extra");
  }

  @Test
  void demoRefusesOptions() {
    Cli.exec("demo", "--fast").assertUsageError("buildbridge: demo: unknown option --fast");
  }
}
