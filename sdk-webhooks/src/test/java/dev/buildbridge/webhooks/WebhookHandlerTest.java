package dev.buildbridge.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.WebhookHmac;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookHandlerTest {
  private static final String SECRET = "test-secret";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PUSH = "{\"ref\":\"refs/heads/main\","
      + "\"before\":\"1111111111111111111111111111111111111111\","
      + "\"after\":\"2222222222222222222222222222222222222222\",\"deleted\":false,"
      + "\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\",\"owner\":{\"login\":\"octo\"},"
      + "\"clone_url\":\"https://github.com/octo/hello.git\",\"ssh_url\":\"git@github.com:octo/hello.git\"}}";

  private static WebhookHandler.Builder handler() {
    return WebhookHandler.newBuilder().githubSecret(SECRET).giteaSecret(SECRET)
        .gitlabToken(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Delivery github(String event, String body, String delivery) {
    byte[] bytes = body.getBytes(UTF_8);
    return Delivery.newBuilder()
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", delivery)
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(bytes))
        .body(bytes).build();
  }

  private static Delivery github(String event, String body) {
    return github(event, body, UUID.randomUUID().toString());
  }

  // ---- GitHub ----------------------------------------------------------------------------------

  @Test
  void signedPushToABranchYieldsOneJobWithTheSolsticeFields() {
    Decision d = handler().runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04")).build()
        .handle(github("push", PUSH, "d-1"));
    assertEquals(Outcome.ACCEPTED, d.outcome());
    assertEquals(202, d.status());
    assertEquals(Provider.GITHUB, d.provider());
    assertEquals("push", d.eventName());
    assertEquals("d-1", d.deliveryId());
    JobRequest job = d.jobs().get(0);
    assertEquals(1, d.jobs().size());
    assertEquals(JobSource.GITHUB, job.source());
    assertEquals("https://github.com/octo/hello.git", job.repoUrl());
    assertEquals("octo", job.repoOwner());
    assertEquals("hello", job.repoName());
    assertEquals("2222222222222222222222222222222222222222", job.commitSha());
    assertEquals("ubuntu-22.04", job.runsOn());
    assertEquals(NOW, job.submittedAt());
    assertNotNull(job.groupId());
    assertEquals(4, job.requestId().version());
  }

  @Test
  void pushFallsBackToTheSshUrlWhenThereIsNoCloneUrl() {
    String body = PUSH.replace("\"clone_url\":\"https://github.com/octo/hello.git\",", "");
    Decision d = handler().build().handle(github("push", body));
    assertEquals("git@github.com:octo/hello.git", d.jobs().get(0).repoUrl());
  }

  @Test
  void branchDeletionIsAcknowledgedWithoutJobs() {
    String body = PUSH.replace("2222222222222222222222222222222222222222", PushEvent.ZERO_SHA);
    Decision d = handler().build().handle(github("push", body));
    assertEquals(Outcome.IGNORED, d.outcome());
    assertEquals(204, d.status());
    assertTrue(d.reason().contains("deleted"), d.reason());
    assertTrue(d.jobs().isEmpty());
  }

  @Test
  void tamperedBodyIsRefusedWith401BeforeParsing() {
    Delivery signed = github("push", PUSH);
    Delivery tampered = Delivery.ofSingleValued(signed.headers(), "{\"ref\":".getBytes(UTF_8));
    Decision d = handler().build().handle(tampered);
    assertEquals(401, d.status());
    assertTrue(d.reason().startsWith("SIGNATURE_MISMATCH"), d.reason());
    assertNull(d.event());
  }

  @Test
  void missingSignatureIsRefusedWith401() {
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push").body(PUSH.getBytes(UTF_8))
        .build();
    Decision decision = handler().build().handle(d);
    assertEquals(401, decision.status());
    assertTrue(decision.reason().startsWith("MISSING_HEADER"), decision.reason());
  }

  @Test
  void unsignedDeliveryIsTakenOnlyWhenAllowedExplicitly() {
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push").body(PUSH.getBytes(UTF_8))
        .build();
    assertEquals(401, WebhookHandler.newBuilder().gitlabToken("t").build().handle(d).status());
    assertEquals(202, WebhookHandler.newBuilder().allowUnsignedDeliveries().build().handle(d).status());
  }

  @Test
  void legacySha1SignatureIsCheckedWhenItIsTheOnlyOne() {
    byte[] body = PUSH.getBytes(UTF_8);
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("X-Hub-Signature", WebhookHmac.of(HmacScheme.GITHUB_SHA1, SECRET.getBytes(UTF_8)).sign(body))
        .body(body).build();
    assertEquals(202, handler().build().handle(d).status());
  }

  @Test
  void formEncodedDeliveryIsVerifiedOverTheRawFormAndParsedFromPayload() {
    byte[] form = ("payload=" + URLEncoder.encode(PUSH, UTF_8)).getBytes(UTF_8);
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(form))
        .body(form).build();
    Decision decision = handler().build().handle(d);
    assertEquals(202, decision.status(), decision.reason());
    assertEquals("2222222222222222222222222222222222222222", decision.jobs().get(0).commitSha());
  }

  @Test
  void pingIsAnsweredWith200() {
    Decision d = handler().build().handle(github("ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}"));
    assertEquals(Outcome.PING, d.outcome());
    assertEquals(200, d.status());
  }

  @Test
  void sameDeliveryIdTwiceYieldsJobsOnceThen200Duplicate() {
    WebhookHandler h = handler().build();
    assertEquals(202, h.handle(github("push", PUSH, "same")).status());
    Decision second = h.handle(github("push", PUSH, "same"));
    assertEquals(Outcome.DUPLICATE, second.outcome());
    assertEquals(200, second.status());
    assertTrue(second.jobs().isEmpty());
  }

  @Test
  void deliveryRefusedForAFixableReasonCanBeRedelivered() {
    WebhookHandler h = handler().build();
    Delivery good = github("push", PUSH, "again");
    Delivery unsigned = Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "again").body(PUSH.getBytes(UTF_8)).build();
    assertEquals(401, h.handle(unsigned).status());
    assertEquals(202, h.handle(good).status());
  }

  @Test
  void pullRequestOpenedBuildsTheHeadCommitFromTheHeadRepository() {
    String body = "{\"action\":\"opened\",\"number\":7,\"pull_request\":{\"draft\":false,"
        + "\"head\":{\"sha\":\"3333333333333333333333333333333333333333\",\"ref\":\"fix\","
        + "\"repo\":{\"clone_url\":\"https://github.com/fork/hello.git\"}},"
        + "\"base\":{\"ref\":\"main\"}},"
        + "\"repository\":{\"name\":\"hello\",\"full_name\":\"octo/hello\",\"owner\":{\"login\":\"octo\"},"
        + "\"clone_url\":\"https://github.com/octo/hello.git\"}}";
    Decision d = handler().build().handle(github("pull_request", body));
    assertEquals(202, d.status(), d.reason());
    JobRequest job = d.jobs().get(0);
    assertEquals("https://github.com/fork/hello.git", job.repoUrl());
    assertEquals("3333333333333333333333333333333333333333", job.commitSha());
    assertEquals("octo", job.repoOwner());
    assertEquals("opened", d.action());
  }

  @Test
  void draftPullRequestIsSkippedUnlessDraftsAreBuilt() {
    String body = "{\"action\":\"synchronize\",\"number\":7,\"pull_request\":{\"draft\":true,"
        + "\"head\":{\"sha\":\"3333333333333333333333333333333333333333\",\"repo\":{\"clone_url\":\"u\"}},"
        + "\"base\":{\"ref\":\"main\"}},\"repository\":{\"full_name\":\"octo/hello\"}}";
    assertEquals(204, handler().build().handle(github("pull_request", body)).status());
    assertEquals(202, handler().buildDraftPullRequests(true).build()
        .handle(github("pull_request", body)).status());
  }

  @Test
  void pullRequestLabelledIsIgnored() {
    String body = "{\"action\":\"labeled\",\"pull_request\":{\"head\":{\"sha\":\"3\"}}}";
    Decision d = handler().build().handle(github("pull_request", body));
    assertEquals(204, d.status());
    assertTrue(d.reason().contains("labeled"), d.reason());
  }

  @Test
  void branchFiltersAllowAndDenyByGlob() {
    WebhookHandler h = handler().branches(List.of("main", "release/*"))
        .excludeBranches(List.of("release/old*")).build();
    assertEquals(202, h.handle(github("push", PUSH)).status());
    assertEquals(202, h.handle(github("push", PUSH.replace("refs/heads/main", "refs/heads/release/2.0"))).status());
    Decision other = h.handle(github("push", PUSH.replace("refs/heads/main", "refs/heads/feature")));
    assertEquals(204, other.status());
    assertTrue(other.reason().contains("matches no allowed pattern"), other.reason());
    Decision denied = h.handle(github("push", PUSH.replace("refs/heads/main", "refs/heads/release/old1")));
    assertEquals(204, denied.status());
    assertTrue(denied.reason().contains("excluded"), denied.reason());
  }

  @Test
  void tagFiltersApplyToTagPushes() {
    WebhookHandler h = handler().tags(List.of("v*")).build();
    assertEquals(202, h.handle(github("push", PUSH.replace("refs/heads/main", "refs/tags/v1.0"))).status());
    assertEquals(204, h.handle(github("push", PUSH.replace("refs/heads/main", "refs/tags/nightly"))).status());
  }

  @Test
  void repositoryAllowListFiltersOtherRepositories() {
    assertEquals(202, handler().repositories(List.of("octo/*")).build().handle(github("push", PUSH)).status());
    Decision d = handler().repositories(List.of("other/*")).build().handle(github("push", PUSH));
    assertEquals(204, d.status());
    assertTrue(d.reason().contains("allow-list"), d.reason());
  }

  @Test
  void runsOnMapChoosesPerRepositoryLabelAndFallsBackToDefault() {
    RunsOnResolver resolver = RunsOnResolver.of(Map.of("OCTO/hello", "illumos-latest"), "ubuntu-22.04");
    assertEquals("illumos-latest", handler().runsOn(resolver).build()
        .handle(github("push", PUSH)).jobs().get(0).runsOn());
    String other = PUSH.replace("octo/hello", "octo/other");
    assertEquals("ubuntu-22.04", handler().runsOn(resolver).build()
        .handle(github("push", other)).jobs().get(0).runsOn());
  }

  @Test
  void workflowExpanderTurnsOneDeliveryIntoJobsSharingTheGroupId() {
    WorkflowExpander expander = (template, event) -> List.of(
        template.toBuilder().workflowJobId("lint").build(),
        template.toBuilder().requestId(UUID.randomUUID()).workflowJobId("build").build());
    Decision d = handler().workflowExpander(expander).build().handle(github("push", PUSH));
    assertEquals(2, d.jobs().size());
    assertEquals(d.jobs().get(0).groupId(), d.jobs().get(1).groupId());
    assertEquals("build", d.jobs().get(1).workflowJobId());
  }

  @Test
  void expanderWithNothingToRunGives204() {
    Decision d = handler().workflowExpander((t, e) -> List.of()).build().handle(github("push", PUSH));
    assertEquals(204, d.status());
  }

  @Test
  void invalidWorkflowGives422WithTheExpandersMessageAndTheRedeliveryIsTakenAgain() {
    boolean[] fixed = {false};
    WorkflowExpander expander = (template, event) -> {
      if (!fixed[0]) {
        throw new WorkflowExpansionException(WorkflowExpansionException.Reason.INVALID_WORKFLOW,
            ".solstice/workflow.kdl:3:5: job has no id", null);
      }
      return List.of(template);
    };
    WebhookHandler h = handler().workflowExpander(expander).build();
    Decision d = h.handle(github("push", PUSH, "wf"));
    assertEquals(Outcome.INVALID_WORKFLOW, d.outcome());
    assertEquals(422, d.status());
    assertEquals(".solstice/workflow.kdl:3:5: job has no id", d.reason());
    assertTrue(d.jobs().isEmpty());
    fixed[0] = true;
    assertEquals(Outcome.ACCEPTED, h.handle(github("push", PUSH, "wf")).outcome());
  }

  @Test
  void unreadableWorkflowGives503AndTheRedeliveryIsTakenAgain() {
    WorkflowExpander expander = (template, event) -> {
      throw new WorkflowExpansionException(WorkflowExpansionException.Reason.WORKFLOW_UNAVAILABLE,
          "cannot fetch the repository", null);
    };
    WebhookHandler h = handler().workflowExpander(expander).build();
    Decision d = h.handle(github("push", PUSH, "down"));
    assertEquals(Outcome.WORKFLOW_UNAVAILABLE, d.outcome());
    assertEquals(503, d.status());
    assertEquals(Outcome.WORKFLOW_UNAVAILABLE, h.handle(github("push", PUSH, "down")).outcome());
  }

  @Test
  void expanderBugPropagatesAndForgetsTheDelivery() {
    RuntimeException bug = new IllegalStateException("bug");
    boolean[] broken = {true};
    WebhookHandler h = handler().workflowExpander((template, event) -> {
      if (broken[0]) {
        throw bug;
      }
      return List.of(template);
    }).build();
    assertSame(bug, assertThrows(IllegalStateException.class,
        () -> h.handle(github("push", PUSH, "bug"))));
    broken[0] = false;
    assertEquals(Outcome.ACCEPTED, h.handle(github("push", PUSH, "bug")).outcome());
  }

  @Test
  void unknownEventIsAcknowledgedWith204AndKeepsItsTree() {
    Decision d = handler().build().handle(github("star", "{\"action\":\"created\",\"starred_at\":null}"));
    assertEquals(204, d.status());
    assertEquals("created", d.action());
    assertNotNull(d.event());
  }

  // ---- bad input -------------------------------------------------------------------------------

  @Test
  void missingEventHeaderIs400() {
    Delivery d = Delivery.newBuilder().body(PUSH.getBytes(UTF_8)).build();
    Decision decision = handler().build().handle(d);
    assertEquals(400, decision.status());
    assertNull(decision.provider());
    assertEquals(400, handler().build().handle(Provider.GITHUB, d).status());
  }

  @Test
  void truncatedJsonIs400WithLineAndColumn() {
    Decision d = handler().build().handle(github("push", "{\"ref\": \"refs/heads/main\""));
    assertEquals(400, d.status());
    assertTrue(d.reason().startsWith("MALFORMED_JSON"), d.reason());
    assertTrue(d.reason().contains("line 1"), d.reason());
  }

  @Test
  void duplicateKeysAre400() {
    Decision d = handler().build().handle(github("push", "{\"ref\":\"a\",\"ref\":\"b\"}"));
    assertEquals(400, d.status());
    assertTrue(d.reason().startsWith("DUPLICATE_KEY"), d.reason());
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', '"', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(body)).body(body).build();
    Decision decision = handler().build().handle(d);
    assertEquals(400, decision.status());
    assertTrue(decision.reason().startsWith("INVALID_UTF8"), decision.reason());
  }

  @Test
  void hundredThousandDeepNestingIs400() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    Decision d = handler().build().handle(github("push", deep));
    assertEquals(400, d.status());
    assertTrue(d.reason().startsWith("LIMIT_EXCEEDED"), d.reason());
  }

  @Test
  void bodyOverTheLimitIs413WithoutBeingRead() {
    byte[] body = new byte[30 << 20];
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push").body(body).build();
    Decision decision = handler().build().handle(d);
    assertEquals(413, decision.status());
    assertEquals(413, handler().maxBodyBytes(10).build().handle(github("push", PUSH)).status());
  }

  @Test
  void unsupportedContentTypeIs415() {
    byte[] body = PUSH.getBytes(UTF_8);
    Delivery d = Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("Content-Type", "text/plain")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(body)).body(body).build();
    assertEquals(415, handler().build().handle(d).status());
  }

  @Test
  void arrayBodyIs400() {
    Decision d = handler().build().handle(github("push", "[1,2]"));
    assertEquals(400, d.status());
    assertTrue(d.reason().startsWith("UNEXPECTED_SHAPE"), d.reason());
  }

  @Test
  void builderRefusesAHandlerThatAcceptsNothing() {
    assertThrows(IllegalStateException.class, () -> WebhookHandler.newBuilder().build());
    assertThrows(IllegalArgumentException.class, () -> WebhookHandler.newBuilder().githubSecret(""));
  }

  // ---- GitLab ----------------------------------------------------------------------------------

  @Test
  void gitLabTokenIsComparedAndWrongTokenIs401() {
    String body = "{\"object_kind\":\"push\",\"ref\":\"refs/heads/main\","
        + "\"after\":\"4444444444444444444444444444444444444444\","
        + "\"project\":{\"name\":\"hello\",\"path_with_namespace\":\"grp/hello\","
        + "\"git_http_url\":\"https://gitlab.com/grp/hello.git\"}}";
    Delivery noToken = Delivery.newBuilder().header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Event-UUID", "u-1").body(body.getBytes(UTF_8)).build();
    WebhookHandler h = handler().build();
    assertEquals(401, h.handle(noToken).status());
    Decision ok = h.handle(Delivery.newBuilder().header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", SECRET).body(body.getBytes(UTF_8)).build());
    assertEquals(202, ok.status(), ok.reason());
    assertEquals(JobSource.GITLAB, ok.jobs().get(0).source());
    assertEquals("https://gitlab.com/grp/hello.git", ok.jobs().get(0).repoUrl());
    Decision wrong = h.handle(Delivery.newBuilder().header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", "nope").body(body.getBytes(UTF_8)).build());
    assertEquals(401, wrong.status());
  }

  @Test
  void gitLabMergeRequestWithNewCommitsBuildsTheSourceBranchHead() {
    String body = "{\"object_kind\":\"merge_request\",\"object_attributes\":{\"action\":\"update\","
        + "\"iid\":3,\"oldrev\":\"5555555555555555555555555555555555555555\","
        + "\"last_commit\":{\"id\":\"6666666666666666666666666666666666666666\"},"
        + "\"source_branch\":\"fix\",\"target_branch\":\"main\","
        + "\"source\":{\"git_http_url\":\"https://gitlab.com/fork/hello.git\"}},"
        + "\"project\":{\"name\":\"hello\",\"path_with_namespace\":\"grp/hello\","
        + "\"git_http_url\":\"https://gitlab.com/grp/hello.git\"}}";
    Delivery d = Delivery.newBuilder().header("X-Gitlab-Event", "Merge Request Hook")
        .header("X-Gitlab-Token", SECRET).body(body.getBytes(UTF_8)).build();
    Decision decision = handler().build().handle(d);
    assertEquals(202, decision.status(), decision.reason());
    assertEquals("https://gitlab.com/fork/hello.git", decision.jobs().get(0).repoUrl());
    assertEquals("6666666666666666666666666666666666666666", decision.jobs().get(0).commitSha());
    String titleEdit = body.replace("\"oldrev\":\"5555555555555555555555555555555555555555\",", "");
    assertEquals(204, handler().build().handle(Delivery.newBuilder()
        .header("X-Gitlab-Event", "Merge Request Hook").header("X-Gitlab-Token", SECRET)
        .body(titleEdit.getBytes(UTF_8)).build()).status());
  }

  // ---- shared fixtures -------------------------------------------------------------------------

  static Stream<Path> githubFixtures() throws IOException {
    Path root = SharedData.root();
    if (root == null || !Files.isDirectory(root.resolve("fixtures/github"))) {
      return Stream.of(Path.of("absent"));
    }
    return Files.walk(root.resolve("fixtures/github")).filter(p -> p.toString().endsWith(".json"))
        .sorted().toList().stream();
  }

  @ParameterizedTest
  @MethodSource("githubFixtures")
  void everyGitHubFixtureIsAcceptedSignedRefusedTamperedAndSameFormEncoded(Path fixture)
      throws IOException {
    SharedData.require("fixtures/github");
    String event = fixture.getParent().getFileName().toString();
    byte[] body = Files.readAllBytes(fixture);
    WebhookHandler h = handler().build();
    Delivery signed = Delivery.newBuilder().header("X-GitHub-Event", event)
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(body)).body(body).build();
    Decision d = h.handle(signed);
    assertTrue(d.outcome().isSuccess(), () -> fixture + ": " + d.status() + " " + d.reason());
    assertEquals(event, d.eventName());
    if (d.outcome() == Outcome.ACCEPTED) {
      JsonNode tree = JSON.readTree(body);
      String sha = event.equals("push") ? tree.path("after").asText()
          : tree.path("pull_request").path("head").path("sha").asText();
      assertEquals(sha, d.jobs().get(0).commitSha(), fixture.toString());
    }

    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 0x01;
    Delivery bad = Delivery.ofSingleValued(signed.headers(), tampered);
    assertEquals(401, h.handle(bad).status(), fixture.toString());

    Delivery unsigned = Delivery.newBuilder().header("X-GitHub-Event", event).body(body).build();
    assertEquals(401, h.handle(unsigned).status(), fixture.toString());

    byte[] form = ("payload=" + URLEncoder.encode(new String(body, UTF_8), UTF_8)).getBytes(UTF_8);
    Delivery formDelivery = Delivery.newBuilder().header("X-GitHub-Event", event)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Hub-Signature-256", WebhookHmac.github(SECRET).sign(form)).body(form).build();
    Decision formDecision = handler().build().handle(formDelivery);
    assertEquals(d.outcome(), formDecision.outcome(), fixture + ": " + formDecision.reason());
  }

  @Test
  void giteaFixturesAreAcceptedWhenSignedOverTheJson() throws IOException {
    Path dir = SharedData.require("fixtures/gitea");
    for (String event : List.of("push", "pull_request")) {
      byte[] body = Files.readAllBytes(dir.resolve(event + ".json"));
      String signature = WebhookHmac.of(HmacScheme.GITEA, SECRET.getBytes(UTF_8)).sign(body);
      Delivery d = Delivery.newBuilder().header("X-Gitea-Event", event)
          .header("X-GitHub-Event", event)
          .header("X-Gitea-Signature", signature).body(body).build();
      Decision decision = handler().build().handle(d);
      assertEquals(Provider.GITEA, decision.provider());
      assertTrue(decision.outcome().isSuccess(), event + ": " + decision.reason());

      byte[] form = ("payload=" + URLEncoder.encode(new String(body, UTF_8), UTF_8)).getBytes(UTF_8);
      Delivery formDelivery = Delivery.newBuilder().header("X-Forgejo-Event", event)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Forgejo-Signature", signature).body(form).build();
      Decision formDecision = handler().build().handle(formDelivery);
      assertEquals(Provider.FORGEJO, formDecision.provider());
      assertEquals(decision.outcome(), formDecision.outcome(), formDecision.reason());

      Delivery wrong = Delivery.newBuilder().header("X-Gitea-Event", event)
          .header("X-Gitea-Signature", (signature.charAt(0) == '0' ? '1' : '0') + signature.substring(1))
          .body(body).build();
      assertEquals(401, handler().build().handle(wrong).status());
    }
  }
}
