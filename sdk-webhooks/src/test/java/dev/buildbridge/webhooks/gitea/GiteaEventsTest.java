package dev.buildbridge.webhooks.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GiteaEventsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(SharedData.require("fixtures/gitea").resolve(name));
  }

  private static ObjectNode fixtureTree(String name) throws IOException {
    return (ObjectNode) MAPPER.readTree(fixture(name));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parsesPushFixtureIntoTypedPushEvent() throws IOException {
    GiteaEvent event = GiteaEvents.parse(Provider.GITEA, "push", fixture("push.json"));

    GiteaPushEvent push = (GiteaPushEvent) event;
    assertEquals(Provider.GITEA, push.provider());
    assertEquals("push", push.eventName());
    assertEquals(Optional.empty(), push.action());
    assertEquals("refs/heads/main", push.ref());
    assertEquals(Optional.of("main"), push.branch());
    assertEquals(Optional.empty(), push.tag());
    assertEquals("4b2626259b5a97b6b4eab5e6cca66adb986b672b", push.before());
    assertEquals("ef98532add3b2feb7a137426bba1248724367df5", push.after());
    assertFalse(push.deleted());
    assertEquals("http://gitea.golang.org/gordon/hello-world/compare/"
        + "4b2626259b5a97b6b4eab5e6cca66adb986b672b...ef98532add3b2feb7a137426bba1248724367df5",
        push.compareUrl());
    assertEquals(1, push.commitCount());
    assertEquals("ef98532add3b2feb7a137426bba1248724367df5", push.headCommitId());
    assertEquals("bump\n", push.headCommitMessage());
    assertEquals("gordon", push.pusher());
    assertEquals(new RepositoryInfo("gordon", "hello-world", "gordon/hello-world",
        "http://gitea.golang.org/gordon/hello-world.git",
        "git@gitea.golang.org:gordon/hello-world.git",
        "http://gitea.golang.org/gordon/hello-world", null), push.repository());
  }

  @Test
  void parsesPullRequestFixtureIntoTypedPullRequestEvent() throws IOException {
    GiteaEvent event = GiteaEvents.parse(Provider.GITEA, "pull_request",
        fixture("pull_request.json"));

    GiteaPullRequestEvent pr = (GiteaPullRequestEvent) event;
    assertEquals(Provider.GITEA, pr.provider());
    assertEquals("pull_request", pr.eventName());
    assertEquals(Optional.of("opened"), pr.action());
    assertTrue(pr.updatesCode());
    assertEquals(1, pr.number());
    assertEquals("Update the README with new information", pr.title());
    assertFalse(pr.draft());
    assertEquals("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", pr.headSha());
    assertEquals("feature/changes", pr.headRef());
    assertEquals("main", pr.baseRef());
    assertFalse(pr.merged());
    assertEquals(new RepositoryInfo("gordon", "hello-world", "gordon/hello-world",
        "https://gitea.golang.org/gordon/hello-world.git", null,
        "http://gitea.golang.org/gordon/hello-world", "main"), pr.repository());
    // the docs sample's head has no repo: all fields null, not a guess
    assertEquals(new RepositoryInfo(null, null, null, null, null, null, null),
        pr.headRepository());
  }

  @Test
  void keepsForgejoAsProvider() throws IOException {
    GiteaEvent event = GiteaEvents.parse(Provider.FORGEJO, "push", fixture("push.json"));

    assertEquals(Provider.FORGEJO, event.provider());
    assertTrue(event instanceof PushEvent);
  }

  @Test
  void parsesJsonNodeLikeBytes() throws IOException {
    GiteaEvent fromTree = GiteaEvents.parse(Provider.GITEA, "push", fixtureTree("push.json"));

    assertEquals(GiteaEvents.parse(Provider.GITEA, "push", fixture("push.json")), fromTree);
  }

  @Test
  void treatsSynchronizedAndReopenedAsCodeUpdates() throws IOException {
    for (String action : new String[] {"opened", "synchronized", "synchronize", "reopened"}) {
      ObjectNode tree = fixtureTree("pull_request.json");
      tree.put("action", action);

      PullRequestEvent pr = (PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request",
          tree);

      assertTrue(pr.updatesCode(), action);
    }
  }

  @Test
  void doesNotTreatEditsLabelsOrClosingAsCodeUpdates() throws IOException {
    for (String action : new String[] {"edited", "closed", "label_updated", "assigned",
        "reviewed", "review_requested", "Opened"}) {
      ObjectNode tree = fixtureTree("pull_request.json");
      tree.put("action", action);

      PullRequestEvent pr = (PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request",
          tree);

      assertFalse(pr.updatesCode(), action);
    }
  }

  @Test
  void readsMergedFlagOfClosedPullRequest() throws IOException {
    ObjectNode tree = fixtureTree("pull_request.json");
    tree.put("action", "closed");
    ((ObjectNode) tree.get("pull_request")).put("merged", true);

    GiteaPullRequestEvent pr =
        (GiteaPullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request", tree);

    assertTrue(pr.merged());
    assertFalse(pr.updatesCode());
  }

  @Test
  void parsesEventTypeSubKindsAsPullRequests() throws IOException {
    for (String name : new String[] {"pull_request_sync", "pull_request_assign",
        "pull_request_label", "pull_request_milestone", "pull_request_review_request"}) {
      GiteaEvent event = GiteaEvents.parse(Provider.GITEA, name, fixture("pull_request.json"));

      assertTrue(event instanceof GiteaPullRequestEvent, name);
      assertEquals(name, event.eventName());
    }
  }

  @Test
  void readsDraftOnlyFromDraftField() throws IOException {
    ObjectNode wipTitle = fixtureTree("pull_request.json");
    ((ObjectNode) wipTitle.get("pull_request")).put("title", "WIP: not yet");
    ObjectNode draftField = fixtureTree("pull_request.json");
    ((ObjectNode) draftField.get("pull_request")).put("draft", true);

    assertFalse(((PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request", wipTitle))
        .draft());
    assertTrue(((PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request", draftField))
        .draft());
  }

  @Test
  void readsHeadRepositoryOfForkedPullRequest() throws IOException {
    ObjectNode tree = fixtureTree("pull_request.json");
    ObjectNode repo = ((ObjectNode) tree.get("pull_request").get("head")).putObject("repo");
    repo.put("name", "hello-world");
    repo.put("full_name", "alice/hello-world");
    repo.putObject("owner").put("username", "alice");
    repo.put("clone_url", "https://gitea.golang.org/alice/hello-world.git");

    PullRequestEvent pr = (PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request",
        tree);

    assertEquals("alice", pr.headRepository().owner());
    assertEquals("alice/hello-world", pr.headRepository().fullName());
    assertEquals("https://gitea.golang.org/alice/hello-world.git",
        pr.headRepository().cloneUrlOrSsh());
    assertEquals("gordon/hello-world", pr.repository().fullName());
  }

  @Test
  void fallsBackToPullRequestNumberWhenTopLevelNumberIsMissing() throws IOException {
    ObjectNode tree = fixtureTree("pull_request.json");
    tree.remove("number");
    ((ObjectNode) tree.get("pull_request")).put("number", 7);

    assertEquals(7, ((PullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request", tree))
        .number());
  }

  @Test
  void marksPushWithAllZeroAfterAsDeletion() throws IOException {
    ObjectNode sha1 = fixtureTree("push.json");
    sha1.put("after", PushEvent.ZERO_SHA);
    sha1.putNull("head_commit");
    ObjectNode sha256 = fixtureTree("push.json");
    sha256.put("after", "0".repeat(64));

    GiteaPushEvent deleted = (GiteaPushEvent) GiteaEvents.parse(Provider.GITEA, "push", sha1);

    assertTrue(deleted.deleted());
    assertNull(deleted.headCommitId());
    assertTrue(((PushEvent) GiteaEvents.parse(Provider.GITEA, "push", sha256)).deleted());
  }

  @Test
  void marksPushWithDeletedFieldAsDeletion() throws IOException {
    ObjectNode tree = fixtureTree("push.json");
    tree.put("deleted", true);

    assertTrue(((PushEvent) GiteaEvents.parse(Provider.GITEA, "push", tree)).deleted());
  }

  @Test
  void prefersTotalCommitsOverCommitListSize() throws IOException {
    ObjectNode tree = fixtureTree("push.json");
    tree.put("total_commits", 37);

    assertEquals(37, ((GiteaPushEvent) GiteaEvents.parse(Provider.GITEA, "push", tree))
        .commitCount());
  }

  @Test
  void readsPusherUsernameWhenLoginIsMissing() throws IOException {
    ObjectNode tree = fixtureTree("push.json");
    ((ObjectNode) tree.get("pusher")).remove("login");
    ((ObjectNode) tree.get("pusher")).put("username", "gordon2");

    assertEquals("gordon2", ((GiteaPushEvent) GiteaEvents.parse(Provider.GITEA, "push", tree))
        .pusher());
  }

  @Test
  void parsesEmptyPushBodyToEventWithNulls() {
    GiteaPushEvent push = (GiteaPushEvent) GiteaEvents.parse(Provider.GITEA, "push", utf8("{}"));

    assertNull(push.ref());
    assertNull(push.after());
    assertFalse(push.deleted());
    assertEquals(0, push.commitCount());
    assertNull(push.pusher());
    assertEquals(Optional.empty(), push.branch());
    assertEquals(new RepositoryInfo(null, null, null, null, null, null, null), push.repository());
  }

  @Test
  void parsesEmptyPullRequestBodyToEventWithNulls() {
    GiteaPullRequestEvent pr =
        (GiteaPullRequestEvent) GiteaEvents.parse(Provider.GITEA, "pull_request", utf8("{}"));

    assertEquals(Optional.empty(), pr.action());
    assertFalse(pr.updatesCode());
    assertEquals(0, pr.number());
    assertNull(pr.title());
    assertNull(pr.headSha());
    assertNull(pr.headRef());
    assertNull(pr.baseRef());
    assertFalse(pr.draft());
    assertFalse(pr.merged());
    assertNull(pr.repository().cloneUrlOrSsh());
  }

  @Test
  void keepsOtherEventsAsUnknownWithTheirPayload() {
    byte[] body = utf8("{\"action\":\"opened\",\"issue\":{\"number\":3},"
        + "\"repository\":{\"full_name\":\"gordon/hello-world\",\"owner\":{\"login\":\"gordon\"}}}");

    GiteaUnknownEvent event =
        (GiteaUnknownEvent) GiteaEvents.parse(Provider.FORGEJO, "issues", body);

    assertEquals(Provider.FORGEJO, event.provider());
    assertEquals("issues", event.eventName());
    assertEquals(Optional.of("opened"), event.action());
    assertEquals("gordon/hello-world", event.repository().fullName());
    assertEquals("gordon", event.repository().owner());
    assertEquals(3, event.payload().path("issue").path("number").asInt());
  }

  @Test
  void unknownEventPayloadCannotBeChangedFromOutside() {
    ObjectNode input = MAPPER.createObjectNode().put("ref_type", "branch");
    GiteaUnknownEvent event = (GiteaUnknownEvent) GiteaEvents.parse(Provider.GITEA, "create",
        input);

    input.put("ref_type", "changed-input");
    ((ObjectNode) event.payload()).put("ref_type", "changed-copy");

    assertEquals("branch", event.payload().get("ref_type").asText());
    assertEquals(Optional.empty(), event.action());
  }

  @Test
  void stripsWhitespaceAroundEventName() {
    assertTrue(GiteaEvents.parse(Provider.GITEA, " push ", utf8("{}")) instanceof GiteaPushEvent);
  }

  @Test
  void rejectsArrayBodyAsUnexpectedShape() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "push", utf8("[1]")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("expected a JSON object, got array"), e.getMessage());
    assertTrue(e.getMessage().contains("'push'"), e.getMessage());
  }

  @Test
  void rejectsStringPayloadAsUnexpectedShape() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "issues", MAPPER.getNodeFactory().textNode("x")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("got string"), e.getMessage());
  }

  @Test
  void rejectsMissingEventNameNamingGiteaHeader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.GITEA, null, utf8("{}")));

    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains("X-Gitea-Event"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void rejectsBlankEventNameNamingForgejoAndGiteaHeaders() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.FORGEJO, "  ", MAPPER.createObjectNode()));

    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains("X-Forgejo-Event"), e.getMessage());
    assertTrue(e.getMessage().contains("X-Gitea-Event"), e.getMessage());
    assertTrue(e.getMessage().contains("blank"), e.getMessage());
  }

  @Test
  void checksEventNameBeforeReadingBody() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "", utf8("not json")));

    assertEquals(Reason.MISSING_HEADER, e.reason());
  }

  @Test
  void reportsMalformedJsonFromReader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "push", utf8("{\"ref\": ")));

    assertEquals(Reason.MALFORMED_JSON, e.reason());
  }

  @Test
  void rejectsProvidersOtherThanGiteaAndForgejo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GiteaEvents.parse(Provider.GITHUB, "push", utf8("{}")));

    assertTrue(e.getMessage().contains("GITEA or FORGEJO"), e.getMessage());
  }

  @Test
  void rejectsNullArgumentsNamingThem() {
    NullPointerException provider = assertThrows(NullPointerException.class,
        () -> GiteaEvents.parse(null, "push", utf8("{}")));
    NullPointerException body = assertThrows(NullPointerException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "push", (byte[]) null));
    NullPointerException payload = assertThrows(NullPointerException.class,
        () -> GiteaEvents.parse(Provider.GITEA, "push", (JsonNode) null));

    assertEquals("provider", provider.getMessage());
    assertEquals("body", body.getMessage());
    assertEquals("payload", payload.getMessage());
  }

  @Test
  void usageExampleCompilesAndRuns() throws IOException {
    byte[] body = fixture("pull_request.json");
    String built = null;

    GiteaEvent event = GiteaEvents.parse(Provider.GITEA, "pull_request", body);
    if (event instanceof GiteaPushEvent push && !push.deleted()) {
      built = push.repository().cloneUrlOrSsh() + "@" + push.after();
    } else if (event instanceof GiteaPullRequestEvent pr && pr.updatesCode()) {
      built = pr.repository().cloneUrlOrSsh() + "@" + pr.headSha();
    }

    assertEquals("https://gitea.golang.org/gordon/hello-world.git"
        + "@0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", built);
  }
}
