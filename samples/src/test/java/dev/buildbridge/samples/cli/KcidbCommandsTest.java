package dev.buildbridge.samples.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KcidbCommandsTest {
  @RegisterExtension
  static WireMockExtension kcidb = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  /** Set for the tests in samples/pom.xml (surefire environmentVariables). */
  private static final String TOKEN_ENV = "BB_TEST_TOKEN";

  private static String accepted(String id) {
    return "{\"id\":\"" + id + "\",\"status\":\"ok\",\"message\":\"Received submission " + id
        + "\"}";
  }

  private static Path fixture(String name) {
    return SharedData.require("fixtures/tuxsuite/" + name);
  }

  @Test
  void buildCallbackBecomesAValidKcidbDocumentWithTheOriginsIds() {
    Cli.Result r = Cli.exec("kcidb", "from-tux", "--origin", "tuxsuite",
        "--body-file", fixture("build-callback.json").toString());
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode document = r.json();
    assertEquals(5, document.get("version").get("major").asInt());
    assertEquals(3, document.get("version").get("minor").asInt());
    assertTrue(document.get("builds").get(0).get("id").asText().startsWith("tuxsuite:"));
    assertEquals(document.get("checkouts").get(0).get("id"),
        document.get("builds").get(0).get("checkout_id"));
    Cli.Result valid = Cli.run(r.out(), "kcidb", "validate");
    assertEquals(Main.OK, valid.exit(), valid.out());
    assertEquals("{\"valid\":true,\"errors\":[]}", valid.outLine());
  }

  @Test
  void testCallbackLinksEveryTestToItsBuild() {
    Cli.Result r = Cli.exec("kcidb", "from-tux", "--origin", "tuxsuite",
        "--body-file", fixture("test-callback.json").toString());
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode tests = r.json().get("tests");
    assertTrue(tests.size() > 0, r.out());
    for (JsonNode test : tests) {
      assertTrue(test.get("build_id").asText().startsWith("tuxsuite:tuxsuite-build-"), test::toString);
    }
  }

  @Test
  void callbackThatCannotBeMappedExitsTwoWithTheReason() {
    Cli.run("{\"kind\":\"build\",\"status\":{}}", "kcidb", "from-tux", "--origin", "tuxsuite")
        .assertUsageError("buildbridge: kcidb from-tux: ");
    Cli.run("not json", "kcidb", "from-tux", "--origin", "tuxsuite")
        .assertUsageError("buildbridge: kcidb from-tux: ");
    Cli.run("{}", "kcidb", "from-tux").assertUsageError("buildbridge: kcidb from-tux: --origin");
  }

  @Test
  void invalidDocumentListsEveryViolationWithItsPointerAndExitsOne() {
    Cli.Result r = Cli.run("{\"version\":{\"major\":5,\"minor\":3},\"builds\":[{\"id\":\"x:1\","
        + "\"origin\":\"x\",\"checkout_id\":\"x:c\",\"start_time\":\"2026-01-01T00:00:00\"}],"
        + "\"extra\":1}", "kcidb", "validate");
    assertEquals(Main.REJECTED, r.exit(), r.out());
    JsonNode verdict = r.json();
    assertFalse(verdict.get("valid").asBoolean());
    String pointers = verdict.get("errors").findValuesAsText("pointer").toString();
    assertTrue(pointers.contains("/builds/0/start_time"), verdict::toString);
    assertTrue(pointers.contains("/extra") || verdict.toString().contains("extra"),
        verdict::toString);
  }

  @Test
  void submitJournalsThenDeliversAndLeavesTheOutboxEmpty(@TempDir Path dir) throws IOException {
    kcidb.stubFor(post("/submit").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(accepted("abc123"))));
    Path document = dir.resolve("doc.json");
    Files.write(document, Cli.exec("kcidb", "from-tux", "--origin", "tuxsuite",
        "--body-file", fixture("build-callback.json").toString()).out().getBytes(UTF_8));
    Cli.Result r = Cli.exec("kcidb", "submit", "--url", kcidb.baseUrl(), "--token-env", TOKEN_ENV,
        "--outbox", dir.resolve("outbox").toString(), document.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    JsonNode out = r.json();
    assertEquals(1, out.get("journaled").size());
    assertEquals("abc123", out.get("delivered").get(0).get("submission_ids").get(0).asText());
    assertEquals(0, out.get("pending").size());
    kcidb.verify(postRequestedFor(urlPathEqualTo("/submit"))
        .withHeader("Authorization", equalTo("Bearer test-token-not-secret")));
    assertFalse(r.out().contains("test-token-not-secret"));
  }

  @Test
  void failedSubmitStaysPendingAndALaterFlushDeliversIt(@TempDir Path dir) {
    kcidb.stubFor(post("/submit").inScenario("kcidb").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"spool full\"}"))
        .willSetStateTo("recovered"));
    kcidb.stubFor(post("/submit").inScenario("kcidb").whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200).withBody(accepted("later1"))));
    String outbox = dir.resolve("outbox").toString();
    Cli.Result first = Cli.run("{\"version\":{\"major\":5,\"minor\":3},\"checkouts\":[{\"id\":"
            + "\"bb:c1\",\"origin\":\"bb\"}]}", "kcidb", "submit", "--url", kcidb.baseUrl(),
        "--token-env", TOKEN_ENV, "--outbox", outbox);
    assertEquals(Main.REJECTED, first.exit(), first.err());
    assertEquals(1, first.json().get("pending").size());
    assertTrue(first.json().get("error").isTextual());

    Cli.Result flush = Cli.exec("kcidb", "flush", "--url", kcidb.baseUrl(), "--token-env",
        TOKEN_ENV, "--outbox", outbox);
    assertEquals(Main.OK, flush.exit(), flush.err());
    assertEquals("later1", flush.json().get("delivered").get(0).get("submission_ids").get(0)
        .asText());
    assertEquals(0, flush.json().get("pending").size());
  }

  @Test
  void submitRefusesAnInvalidDocumentBeforeJournalingIt(@TempDir Path dir) {
    Path outbox = dir.resolve("outbox");
    Cli.run("{\"version\":{\"major\":4}}", "kcidb", "submit", "--url", kcidb.baseUrl(),
        "--token-env", TOKEN_ENV, "--outbox", outbox.toString())
        .assertUsageError("buildbridge: kcidb submit: ");
    assertEquals(0, kcidb.getAllServeEvents().size());
  }

  @Test
  void submitNeedsTheTokenVariableToBeSet(@TempDir Path dir) {
    Cli.run("{}", "kcidb", "submit", "--url", kcidb.baseUrl(), "--token-env",
            "BB_SURELY_UNSET_VARIABLE", "--outbox", dir.toString())
        .assertUsageError("buildbridge: kcidb submit: environment variable BB_SURELY_UNSET_VARIABLE");
  }
}
