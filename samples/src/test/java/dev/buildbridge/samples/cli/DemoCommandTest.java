package dev.buildbridge.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoSucceedsAndEveryStepIsOk() {
    Cli.Result r = Cli.exec("demo");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode json = r.json();
    assertTrue(json.get("ok").asBoolean(), json::toString);
    JsonNode steps = json.get("steps");
    assertTrue(steps.isArray() && steps.size() == 7, json::toString);
    for (JsonNode step : steps) {
      assertTrue(step.get("step").isTextual(), step::toString);
      assertTrue(step.get("ok").asBoolean(), step::toString);
    }
  }

  @Test
  void demoReportsGitHubsPublishedSignature() {
    JsonNode first = Cli.exec("demo").json().get("steps").get(0);
    assertEquals(DemoCommand.GITHUB_SIGNATURE, first.get("signature").asText());
    assertEquals("SIGNATURE_MISMATCH", first.get("tampered_body").asText());
    assertEquals("MISSING_HEADER", first.get("no_header").asText());
  }

  @Test
  void demoRedactsTheGitHubAppJwt() {
    Cli.Result r = Cli.exec("demo");
    assertTrue(!r.out().contains("PRIVATE KEY") && !r.out().contains("eyJ"), r.out());
    JsonNode jwtStep = r.json().get("steps").get(4);
    assertTrue(jwtStep.get("jwt").asText().contains("token=<redacted>"), jwtStep::toString);
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
