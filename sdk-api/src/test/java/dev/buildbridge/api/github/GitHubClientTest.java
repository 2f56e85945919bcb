package dev.buildbridge.api.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String SHA = "ce587453ced02b1526dfb4cb910479d431683101";
  private static final String INSTALLATION_TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
  private static final String JWT = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
  private static KeyPair appKey;

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-05-01T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MutableClock clock = new MutableClock();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void generateAppKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    appKey = generator.generateKeyPair();
  }

  static String fixture(String name) {
    try (InputStream in = GitHubClientTest.class.getResourceAsStream("/github/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource github/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GitHubAppJwtIssuer issuer() {
    return GitHubAppJwtIssuer.newBuilder().issuer("12345").privateKey(appKey.getPrivate())
        .clock(clock).build();
  }

  private GitHubClient.Builder client() {
    return GitHubClient.newBuilder()
        .baseUrl(URI.create(wm.baseUrl()))
        .userAgent("buildbridge-test-app/1.0")
        .clock(clock)
        .transport(t -> t.sleeper(sleeps::add).backoff(Duration.ofMillis(1),
            Duration.ofMillis(5)));
  }

  private GitHubClient installationClient() {
    return client().app(issuer()).installationId(42).build();
  }

  private static void stubToken() {
    wm.stubFor(post("/app/installations/42/access_tokens").willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(fixture("installation-token.json"))));
  }

  private static void stubJson(com.github.tomakehurst.wiremock.client.MappingBuilder mapping,
      int status, String fixture) {
    wm.stubFor(mapping.willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("x-github-request-id", "CAFE:1234:5678")
        .withBody(fixture(fixture))));
  }

  // ---------------------------------------------------------------- App auth

  @Test
  void fetchesInstallationTokenWithASignedAppJwt() throws Exception {
    stubToken();

    InstallationToken token = client().app(issuer()).build().createInstallationToken(42);

    assertEquals(INSTALLATION_TOKEN, token.token());
    assertEquals(Instant.parse("2026-05-01T13:00:00Z"), token.expiresAt());
    assertEquals("write", token.permissions().get("checks"));
    assertEquals("selected", token.repositorySelection());
    List<LoggedRequest> requests = wm.findAll(
        postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens"))
            .withHeader("Accept", equalTo("application/vnd.github+json"))
            .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
            .withHeader("User-Agent", equalTo("buildbridge-test-app/1.0"))
            .withHeader("Authorization", matching(JWT)));
    assertEquals(1, requests.size());
    assertEquals("/app/installations/42/access_tokens", requests.get(0).getUrl());
    assertEquals(0, requests.get(0).getBody().length);
    String jwt = requests.get(0).getHeader("Authorization").substring("Bearer ".length());
    String[] parts = jwt.split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(appKey.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("12345", claims.get("iss").asText());
    assertEquals(clock.now.getEpochSecond() - 60, claims.get("iat").asLong());
  }

  @Test
  void looksUpTheRepositoryInstallationWithTheAppJwt() {
    stubJson(get("/repos/octocat/hello-world/installation"), 200, "installation.json");

    Installation installation = client().app(issuer()).build()
        .repositoryInstallation("octocat", "hello-world");

    assertEquals(1, installation.id());
    assertEquals("octocat", installation.account().login());
    assertEquals("User", installation.account().type());
    assertEquals(1, installation.appId());
    assertEquals("Organization", installation.targetType());
    assertEquals("all", installation.repositorySelection());
    assertEquals(Map.of("checks", "write", "metadata", "read", "contents", "read"),
        installation.permissions());
    wm.verify(getRequestedFor(urlPathEqualTo("/repos/octocat/hello-world/installation"))
        .withHeader("Authorization", matching(JWT))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
        .withHeader("User-Agent", equalTo("buildbridge-test-app/1.0")));
    assertEquals(1, wm.getAllServeEvents().size());
    assertEquals("/repos/octocat/hello-world/installation",
        wm.getAllServeEvents().get(0).getRequest().getUrl());
  }

  @Test
  void installationClientUsesTheJwtForAppEndpointsAndTheTokenForTheRest() {
    stubToken();
    stubJson(get("/repos/octocat/hello-world/installation"), 200, "installation.json");
    stubJson(post("/repos/octo/repo/check-runs"), 201, "check-run-created.json");
    GitHubClient github = installationClient();

    github.repositoryInstallation("octocat", "hello-world");
    github.createCheckRun("octo", "repo", CheckRunRequest.newBuilder("ci", SHA).build());

    wm.verify(getRequestedFor(urlPathEqualTo("/repos/octocat/hello-world/installation"))
        .withHeader("Authorization", matching(JWT)));
    wm.verify(postRequestedFor(urlPathEqualTo("/repos/octo/repo/check-runs"))
        .withHeader("Authorization", equalTo("Bearer " + INSTALLATION_TOKEN)));
  }

  @Test
  void cachesTheInstallationTokenUntilFiveMinutesBeforeExpiry() {
    stubToken();
    GitHubAppAuth auth = client().app(issuer()).build().installationAuth(42);

    InstallationToken first = auth.token();
    clock.now = Instant.parse("2026-05-01T12:54:59Z");
    assertEquals(first, auth.token());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));

    clock.now = Instant.parse("2026-05-01T12:55:00Z");
    auth.token();
    wm.verify(2, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));

    auth.invalidate();
    auth.token();
    wm.verify(3, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
  }

  @Test
  void aTokenAlreadyInsideTheMarginIsUsedUntilHalfwayInsteadOfRefetchedEachTime() {
    stubToken();
    clock.now = Instant.parse("2026-05-01T12:58:00Z"); // 2 minutes left, margin 5
    GitHubAppAuth auth = client().app(issuer()).build().installationAuth(42);

    auth.token();
    auth.token();
    clock.now = Instant.parse("2026-05-01T12:58:59Z");
    auth.token();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
    clock.now = Instant.parse("2026-05-01T12:59:00Z");
    auth.token();
    wm.verify(2, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
  }

  @Test
  void aTokenExpiredOnArrivalIsReusedForAMinuteNotRefetchedPerRequest() {
    stubToken();
    clock.now = Instant.parse("2026-05-01T14:00:00Z"); // local clock an hour ahead of GitHub's
    GitHubAppAuth auth = client().app(issuer()).build().installationAuth(42);

    auth.token();
    clock.now = Instant.parse("2026-05-01T14:00:59Z");
    auth.token();
    wm.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
    clock.now = Instant.parse("2026-05-01T14:01:00Z");
    auth.token();
    wm.verify(2, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
  }

  @Test
  void concurrentCallersShareOneTokenRefresh() throws Exception {
    wm.stubFor(post("/app/installations/42/access_tokens").willReturn(aResponse()
        .withStatus(201).withFixedDelay(200).withBody(fixture("installation-token.json"))));
    GitHubAppAuth auth = client().app(issuer()).build().installationAuth(42);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(i % 2 == 0 ? () -> auth.token().token()
            : () -> auth.tokenAsync().join().token());
      }
      for (Future<String> f : pool.invokeAll(calls)) {
        assertEquals(INSTALLATION_TOKEN, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
  }

  @Test
  void tokenFailureSurfacesAsApiExceptionWithoutLeakingSecrets() {
    wm.stubFor(post("/app/installations/42/access_tokens").willReturn(aResponse()
        .withStatus(401).withBody("{\"message\":\"A JSON web token could not be decoded\","
            + "\"documentation_url\":\"https://docs.github.com/rest\"}")));
    GitHubClient github = installationClient();

    ApiException e = assertThrows(ApiException.class, () -> github.createCheckRun("octo", "repo",
        CheckRunRequest.newBuilder("ci", SHA).build()));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertEquals("/app/installations/42/access_tokens", e.path());
    assertEquals("POST /app/installations/42/access_tokens: 401 Unauthorized: A JSON web token"
        + " could not be decoded (https://docs.github.com/rest)", e.getMessage());
    assertEquals("", e.bodyExcerpt());
    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/repo/check-runs")));
  }

  @Test
  void secretsStayOutOfToString() {
    stubToken();
    GitHubClient github = installationClient();
    GitHubAppAuth auth = github.installationAuth(42);
    InstallationToken token = auth.token();
    for (String text : List.of(token.toString(), auth.toString(), github.toString(),
        client().token("ghp_personalTokenValue123").build().toString())) {
      assertFalse(text.contains(INSTALLATION_TOKEN), text);
      assertFalse(text.contains("ghp_personal"), text);
    }
    assertEquals("GitHubAppAuth[installationId=42, token=<redacted>]", auth.toString());
  }

  // ---------------------------------------------------------------- Checks

  @Test
  void createsACheckRunWithExternalId() {
    stubToken();
    stubJson(post("/repos/octo/repo/check-runs"), 201, "check-run-created.json");
    CheckRunRequest request = CheckRunRequest.newBuilder("buildbridge / build", SHA)
        .externalId("6f1c1b9e-3f1e-4c55-9d59-8d2f1a6e3b10")
        .status(CheckStatus.IN_PROGRESS)
        .startedAt(Instant.parse("2026-05-01T12:00:00Z"))
        .detailsUrl("https://ci.example.org/jobs/6f1c1b9e")
        .output(CheckRunOutput.of("Building", "3 jobs queued"))
        .build();

    CheckRun run = installationClient().createCheckRun("octo", "repo", request);

    assertEquals(new CheckRun(4, "buildbridge / build", SHA,
        "6f1c1b9e-3f1e-4c55-9d59-8d2f1a6e3b10", CheckStatus.IN_PROGRESS, null,
        Instant.parse("2026-05-01T12:00:00Z"), null,
        "https://github.com/github/hello-world/runs/4", "https://ci.example.org/jobs/6f1c1b9e"),
        run);
    wm.verify(postRequestedFor(urlPathEqualTo("/repos/octo/repo/check-runs"))
        .withHeader("Authorization", equalTo("Bearer " + INSTALLATION_TOKEN))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
        .withHeader("User-Agent", equalTo("buildbridge-test-app/1.0"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"name\":\"buildbridge / build\",\"head_sha\":\"" + SHA
            + "\",\"external_id\":\"6f1c1b9e-3f1e-4c55-9d59-8d2f1a6e3b10\","
            + "\"status\":\"in_progress\",\"started_at\":\"2026-05-01T12:00:00Z\","
            + "\"details_url\":\"https://ci.example.org/jobs/6f1c1b9e\","
            + "\"output\":{\"title\":\"Building\",\"summary\":\"3 jobs queued\"}}")));
  }

  @Test
  void doesNotRetryCreatingACheckRunOn503() {
    stubToken();
    wm.stubFor(post("/repos/octo/repo/check-runs").willReturn(aResponse().withStatus(503)
        .withBody("{\"message\":\"Service Unavailable\"}")));

    ApiException e = assertThrows(ApiException.class, () -> installationClient()
        .createCheckRun("octo", "repo", CheckRunRequest.newBuilder("ci", SHA).build()));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, e.attempts());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/repos/octo/repo/check-runs")));
  }

  @Test
  void completesACheckRunAndRetriesTheUpdateOn502() {
    stubToken();
    wm.stubFor(patch("/repos/octo/repo/check-runs/4").inScenario("update")
        .whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(502)));
    wm.stubFor(patch("/repos/octo/repo/check-runs/4").inScenario("update")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)
            .withBody(fixture("check-run-completed.json"))));

    CheckRun run = installationClient().updateCheckRun("octo", "repo", 4,
        CheckRunUpdate.completed(CheckConclusion.FAILURE, Instant.parse("2026-05-01T12:14:09Z"),
            new CheckRunOutput("Build failed", "1 of 3 jobs failed",
                "job `riscv64` exited with 2")));

    assertEquals(CheckStatus.COMPLETED, run.status());
    assertEquals(CheckConclusion.FAILURE, run.conclusion());
    assertEquals(Instant.parse("2026-05-01T12:14:09Z"), run.completedAt());
    assertEquals(1, sleeps.size());
    wm.verify(2, patchRequestedFor(urlPathEqualTo("/repos/octo/repo/check-runs/4"))
        .withHeader("Authorization", equalTo("Bearer " + INSTALLATION_TOKEN))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"status\":\"completed\",\"conclusion\":\"failure\","
            + "\"completed_at\":\"2026-05-01T12:14:09Z\",\"output\":{\"title\":\"Build failed\","
            + "\"summary\":\"1 of 3 jobs failed\",\"text\":\"job `riscv64` exited with 2\"}}")));
  }

  @Test
  void createsAndUpdatesCheckRunsAsynchronously() {
    stubToken();
    stubJson(post("/repos/octo/repo/check-runs"), 201, "check-run-created.json");
    stubJson(patch("/repos/octo/repo/check-runs/4"), 200, "check-run-completed.json");
    GitHubClient github = installationClient();

    CheckRun run = github.createCheckRunAsync("octo", "repo",
        CheckRunRequest.newBuilder("ci", SHA).build())
        .thenCompose(created -> github.updateCheckRunAsync("octo", "repo", created.id(),
            CheckRunUpdate.completed(CheckConclusion.SUCCESS, clock.now, null)))
        .join();

    assertEquals(CheckConclusion.FAILURE, run.conclusion()); // what the fixture says
    wm.verify(1, postRequestedFor(urlPathEqualTo("/app/installations/42/access_tokens")));
  }

  @Test
  void listsCheckRunsAcrossLinkedPagesWithUnknownValuesFallingBack() {
    stubToken();
    String path = "/repos/octo/repo/commits/" + SHA + "/check-runs";
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent())
        .withQueryParam("per_page", equalTo("100"))
        .willReturn(aResponse().withHeader("Link", "<" + wm.baseUrl() + path
            + "?per_page=100&page=2>; rel=\"next\", <" + wm.baseUrl() + path
            + "?per_page=100&page=2>; rel=\"last\"")
            .withBody(fixture("check-runs-page1.json"))));
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
        .willReturn(aResponse().withBody(fixture("check-runs-page2.json"))));

    List<CheckRun> runs = installationClient().listCheckRunsForRef("octo", "repo", SHA).stream()
        .collect(Collectors.toList());

    assertEquals(List.of(11L, 12L, 13L), runs.stream().map(CheckRun::id)
        .collect(Collectors.toList()));
    wm.verify(2, getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("per_page", equalTo("100"))
        .withHeader("Authorization", equalTo("Bearer " + INSTALLATION_TOKEN))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    assertEquals(path + "?per_page=100", wm.findAll(getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("page", absent())).get(0).getUrl());
    assertEquals(CheckStatus.UNKNOWN, runs.get(2).status());
    assertEquals(CheckConclusion.STARTUP_FAILURE, runs.get(2).conclusion());
    assertEquals(Optional.of(12L), runs.stream()
        .filter(r -> "6f1c1b9e-3f1e-4c55-9d59-8d2f1a6e3b10".equals(r.externalId()))
        .map(CheckRun::id).findFirst());
  }

  @Test
  void checkRunRequestsFollowGitHubRules() {
    assertThrows(IllegalArgumentException.class, () -> CheckRunRequest.newBuilder(" ", SHA)
        .build());
    IllegalArgumentException noConclusion = assertThrows(IllegalArgumentException.class,
        () -> CheckRunRequest.newBuilder("ci", SHA).status(CheckStatus.COMPLETED).build());
    assertTrue(noConclusion.getMessage().contains("conclusion is required"));
    assertThrows(IllegalArgumentException.class, () -> CheckRunRequest.newBuilder("ci", SHA)
        .conclusion(CheckConclusion.STALE).completedAt(Instant.EPOCH).build());
    assertThrows(IllegalArgumentException.class, () -> CheckRunRequest.newBuilder("ci", SHA)
        .status(CheckStatus.QUEUED).conclusion(CheckConclusion.SUCCESS).build());
    assertThrows(IllegalArgumentException.class, () -> CheckRunRequest.newBuilder("ci", SHA)
        .status(CheckStatus.UNKNOWN).build());
    assertThrows(IllegalArgumentException.class, () -> CheckRunUpdate.newBuilder().build());
    assertThrows(IllegalArgumentException.class,
        () -> CheckRunOutput.of("title", "x".repeat(CheckRunOutput.MAX_CHARS + 1)));
    CheckRunRequest completed = CheckRunRequest.newBuilder("ci", SHA)
        .conclusion(CheckConclusion.NEUTRAL).completedAt(Instant.EPOCH).build();
    assertEquals(completed, completed.toBuilder().build());
  }

  // ---------------------------------------------------------------- Statuses

  @Test
  void createsACommitStatus() {
    wm.stubFor(post("/repos/octo/repo/statuses/" + SHA).willReturn(aResponse().withStatus(201)
        .withBody(fixture("status-created.json"))));
    GitHubClient github = client().token("ghp_personalTokenValue123").build();

    CommitStatus status = github.createStatus("octo", "repo", SHA,
        CommitStatusRequest.newBuilder(CommitState.SUCCESS)
            .targetUrl("https://ci.example.org/jobs/1")
            .description("Build has completed successfully")
            .context("buildbridge/build")
            .build());

    assertEquals(new CommitStatus(1, CommitState.SUCCESS, "Build has completed successfully",
        "https://ci.example.org/jobs/1", "buildbridge/build",
        Instant.parse("2012-07-20T01:19:13Z"), Instant.parse("2012-07-20T01:19:13Z")), status);
    wm.verify(postRequestedFor(urlPathEqualTo("/repos/octo/repo/statuses/" + SHA))
        .withHeader("Authorization", equalTo("Bearer ghp_personalTokenValue123"))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withRequestBody(equalToJson("{\"state\":\"success\","
            + "\"target_url\":\"https://ci.example.org/jobs/1\","
            + "\"description\":\"Build has completed successfully\","
            + "\"context\":\"buildbridge/build\"}")));
  }

  @Test
  void retriesACommitStatusOn503() {
    wm.stubFor(post("/repos/octo/repo/statuses/" + SHA).inScenario("s")
        .whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(503)));
    wm.stubFor(post("/repos/octo/repo/statuses/" + SHA).inScenario("s")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(201)
            .withBody(fixture("status-created.json"))));
    CommitStatus status = client().token("ghp_x").build().createStatusAsync("octo", "repo", SHA,
        CommitStatusRequest.newBuilder(CommitState.PENDING).build()).join();
    assertEquals(1, status.id());
  }

  @Test
  void commitStatusDescriptionIsLimitedTo140Characters() {
    String long141 = "x".repeat(141);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommitStatusRequest.newBuilder(CommitState.FAILURE).description(long141));
    assertTrue(e.getMessage().contains("140"), e.getMessage());
    String cut = CommitStatusRequest.newBuilder(CommitState.FAILURE)
        .descriptionTruncated("\uD83D\uDE00".repeat(200)).build().description();
    assertEquals(140, cut.codePointCount(0, cut.length()));
    assertTrue(cut.endsWith("\u2026"));
    assertEquals("ok", CommitStatusRequest.newBuilder(CommitState.SUCCESS)
        .descriptionTruncated("ok").build().description());
    assertThrows(IllegalArgumentException.class,
        () -> CommitStatusRequest.newBuilder(CommitState.UNKNOWN).build());
  }

  // ---------------------------------------------------------------- Contents

  @Test
  void readsAFileAtARefEncodingEachPathSegment() {
    String path = "/repos/octo/repo/contents/.solstice/work%20flow%231.kdl";
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("ref", equalTo("feature/x"))
        .willReturn(aResponse().withBody(fixture("contents-file.json"))));

    RepositoryFile file = client().token("ghp_x").build()
        .getFile("octo", "repo", ".solstice/work flow#1.kdl", "feature/x").orElseThrow();

    assertEquals(".solstice/work flow#1.kdl", file.path());
    assertEquals("work flow#1.kdl", file.name());
    assertEquals("3d21ec53a331a6f037a91c368710b99387d012c1", file.sha());
    assertEquals(107, file.size());
    assertTrue(file.text().startsWith("workflow name=\"ci\" {\n  job id=\"build\""), file.text());
    wm.verify(getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("ref", equalTo("feature/x"))
        .withHeader("Accept", equalTo("application/vnd.github.object+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    assertEquals(path + "?ref=feature%2Fx", wm.getAllServeEvents().get(0).getRequest().getUrl());
  }

  @Test
  void encodesUnicodePathsAndOmitsAMissingRef() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/docs/%C3%BCber.md"))
        .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
    assertEquals(Optional.empty(), client().build().getFile("octo", "repo", "docs/\u00fcber.md",
        null));
    wm.verify(getRequestedFor(urlPathEqualTo("/repos/octo/repo/contents/docs/%C3%BCber.md"))
        .withQueryParam("ref", absent()));
  }

  @Test
  void aDirectoryIsNotAFile() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/.solstice"))
        .willReturn(aResponse().withBody(fixture("contents-dir.json"))));
    ApiException e = assertThrows(ApiException.class,
        () -> client().build().getFile("octo", "repo", ".solstice", "main"));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("GET /repos/octo/repo/contents/.solstice: 200 OK: expected a file, got a"
        + " directory", e.getMessage());
  }

  @Test
  void aSymlinkOrSubmoduleIsNotAFile() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/lib"))
        .willReturn(aResponse().withBody("{\"type\":\"submodule\",\"name\":\"lib\","
            + "\"path\":\"lib\",\"sha\":\"fa\",\"size\":0}")));
    ApiException e = assertThrows(ApiException.class,
        () -> client().build().getFile("octo", "repo", "lib", null));
    assertTrue(e.getMessage().endsWith("expected a file, got a submodule"), e.getMessage());
  }

  @Test
  void fetchesLargeFilesRaw() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/assets/big.bin"))
        .withHeader("Accept", equalTo("application/vnd.github.object+json"))
        .willReturn(aResponse().withBody(fixture("contents-large.json"))));
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/assets/big.bin"))
        .withHeader("Accept", equalTo("application/vnd.github.raw+json"))
        .willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
            .withBody(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 0xFF})));

    RepositoryFile file = client().build().getFile("octo", "repo", "assets/big.bin", "main")
        .orElseThrow();

    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 0xFF}, file.content());
    wm.verify(getRequestedFor(urlPathEqualTo("/repos/octo/repo/contents/assets/big.bin"))
        .withQueryParam("ref", equalTo("main"))
        .withHeader("Accept", equalTo("application/vnd.github.raw+json")));
  }

  @Test
  void refusesContentThatDoesNotMatchItsSizeOrIsNotBase64() {
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/a")).willReturn(aResponse()
        .withBody("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":99,\"name\":\"a\","
            + "\"path\":\"a\",\"sha\":\"1\",\"content\":\"aGk=\\n\"}")));
    wm.stubFor(get(urlPathEqualTo("/repos/octo/repo/contents/b")).willReturn(aResponse()
        .withBody("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":2,\"name\":\"b\","
            + "\"path\":\"b\",\"sha\":\"1\",\"content\":\"a*k=\"}")));
    GitHubClient github = client().build();
    assertTrue(assertThrows(ApiException.class, () -> github.getFile("octo", "repo", "a", null))
        .getMessage().contains("file content has 2 bytes, but its size is 99"));
    assertTrue(assertThrows(ApiException.class, () -> github.getFile("octo", "repo", "b", null))
        .getMessage().contains("not valid base64"));
  }

  @Test
  void refusesPathsThatCouldEscapeTheContentsEndpoint() {
    GitHubClient github = client().build();
    assertThrows(IllegalArgumentException.class,
        () -> github.getFile("octo", "repo", "../../orgs/x", null));
    assertThrows(IllegalArgumentException.class,
        () -> github.getFile("octo", "repo", "/etc/passwd", null));
    assertThrows(IllegalArgumentException.class, () -> github.getFile("octo", "", "a", null));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void repositoryFileComparesContentByValueAndCopiesIt() {
    byte[] bytes = {1, 2};
    RepositoryFile a = new RepositoryFile("p", "p", "s", 2, bytes, null, null);
    bytes[0] = 9;
    assertEquals(new RepositoryFile("p", "p", "s", 2, new byte[] {1, 2}, null, null), a);
    a.content()[0] = 9;
    assertEquals(1, a.content()[0]);
    assertEquals("RepositoryFile[path=p, sha=s, size=2]", a.toString());
  }

  // ---------------------------------------------------------------- builder

  @Test
  void builderRefusesConflictingAuthorization() {
    assertThrows(IllegalStateException.class, () -> GitHubClient.newBuilder().token("a")
        .app(issuer()).build());
    assertThrows(IllegalStateException.class, () -> GitHubClient.newBuilder()
        .installationId(1).build());
    assertThrows(IllegalArgumentException.class, () -> GitHubClient.newBuilder()
        .installationId(0));
    assertThrows(IllegalArgumentException.class, () -> GitHubClient.newBuilder()
        .tokenRefreshMargin(Duration.ofHours(1)));
    IllegalStateException noApp = assertThrows(IllegalStateException.class,
        () -> GitHubClient.newBuilder().token("a").build().withInstallation(1));
    assertTrue(noApp.getMessage().contains("app(GitHubAppJwtIssuer)"));
  }

  @Test
  void defaultsToTheGitHubApi() {
    GitHubClient github = GitHubClient.newBuilder().build();
    assertEquals(URI.create("https://api.github.com"), github.transport().baseUrl());
    assertNull(github.toBuilder().build().transport().resolve(
        dev.buildbridge.api.ApiRequest.get("/rate_limit").build()).getQuery());
  }
}
