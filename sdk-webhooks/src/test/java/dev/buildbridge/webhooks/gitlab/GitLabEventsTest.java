package dev.buildbridge.webhooks.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitLabEventsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RepositoryInfo TARGET = new RepositoryInfo("compute/engines",
      "Analytical Engine", "compute/engines/analytical-engine",
      "https://gitlab.example.org/compute/engines/analytical-engine.git",
      "git@gitlab.example.org:compute/engines/analytical-engine.git",
      "https://gitlab.example.org/compute/engines/analytical-engine", "main");
  private static final String HEAD = "1f2e3d4c5b6a79880716253443526170f9e8d7c6";

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = GitLabEventsTest.class.getResourceAsStream("/gitlab/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static ObjectNode tree(String name) throws IOException {
    return (ObjectNode) MAPPER.readTree(resource(name));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parsesBranchPushWithProjectAsRepository() throws IOException {
    GitLabEvent event = GitLabEvents.parse("Push Hook", resource("push.json"));

    GitLabPushEvent push = (GitLabPushEvent) event;
    assertEquals(Provider.GITLAB, push.provider());
    assertEquals("Push Hook", push.eventName());
    assertEquals(Optional.empty(), push.action());
    assertEquals("push", push.objectKind());
    assertEquals("refs/heads/main", push.ref());
    assertEquals(Optional.of("main"), push.branch());
    assertEquals("7b1d3a4e2f0c9b8a7d6e5f4c3b2a1908f7e6d5c4", push.before());
    assertEquals("c2f9a1e0b7d64e3f8a5b2c1d0e9f8a7b6c5d4e3f", push.after());
    assertEquals("c2f9a1e0b7d64e3f8a5b2c1d0e9f8a7b6c5d4e3f", push.checkoutSha());
    assertFalse(push.deleted());
    assertEquals("ada", push.userUsername());
    assertEquals(2, push.totalCommitsCount());
    assertEquals(TARGET, push.repository());
  }

  @Test
  void parsesTagPushWithTagObjectAndCheckoutCommit() throws IOException {
    GitLabPushEvent push = (GitLabPushEvent) GitLabEvents.parse("Tag Push Hook",
        resource("tag_push.json"));

    assertEquals("Tag Push Hook", push.eventName());
    assertEquals("tag_push", push.objectKind());
    assertEquals(Optional.of("v1.2.0"), push.tag());
    assertEquals(Optional.empty(), push.branch());
    assertEquals(PushEvent.ZERO_SHA, push.before());
    assertEquals("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", push.after());
    assertEquals("c2f9a1e0b7d64e3f8a5b2c1d0e9f8a7b6c5d4e3f", push.checkoutSha());
    assertFalse(push.deleted());
    assertEquals(0, push.totalCommitsCount());
    assertEquals("compute/engines/analytical-engine", push.repository().fullName());
  }

  @Test
  void marksBranchDeletionByAllZeroAfter() throws IOException {
    GitLabPushEvent push = (GitLabPushEvent) GitLabEvents.parse("Push Hook",
        resource("push_delete.json"));

    assertTrue(push.deleted());
    assertEquals(PushEvent.ZERO_SHA, push.after());
    assertNull(push.checkoutSha());
    assertEquals(Optional.of("feature/difference-engine"), push.branch());
  }

  @Test
  void parsesOpenedMergeRequestFromForkAsCodeUpdate() throws IOException {
    GitLabEvent event = GitLabEvents.parse("Merge Request Hook",
        resource("merge_request_open.json"));

    GitLabMergeRequestEvent mr = (GitLabMergeRequestEvent) event;
    assertEquals(Provider.GITLAB, mr.provider());
    assertEquals("Merge Request Hook", mr.eventName());
    assertEquals(Optional.of("open"), mr.action());
    assertTrue(mr.updatesCode());
    assertEquals(17, mr.number());
    assertEquals("Draft: Punched-card reader", mr.title());
    assertTrue(mr.draft());
    assertEquals("opened", mr.state());
    assertNull(mr.oldRev());
    assertEquals(HEAD, mr.headSha());
    assertEquals("card-reader", mr.headRef());
    assertEquals("main", mr.baseRef());
    assertFalse(mr.merged());
    assertEquals(TARGET, mr.repository());
    assertEquals(new RepositoryInfo("babbage", "Analytical Engine", "babbage/analytical-engine",
        "https://gitlab.example.org/babbage/analytical-engine.git",
        "git@gitlab.example.org:babbage/analytical-engine.git",
        "https://gitlab.example.org/babbage/analytical-engine", "main"), mr.headRepository());
  }

  @Test
  void treatsUpdateWithOldrevAsCodeUpdate() throws IOException {
    GitLabMergeRequestEvent mr = (GitLabMergeRequestEvent) GitLabEvents.parse(
        "Merge Request Hook", resource("merge_request_update_commits.json"));

    assertEquals(Optional.of("update"), mr.action());
    assertEquals("5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", mr.oldRev());
    assertTrue(mr.updatesCode());
  }

  @Test
  void doesNotTreatTitleOnlyUpdateAsCodeUpdate() throws IOException {
    GitLabMergeRequestEvent mr = (GitLabMergeRequestEvent) GitLabEvents.parse(
        "Merge Request Hook", resource("merge_request_update_title.json"));

    assertEquals(Optional.of("update"), mr.action());
    assertNull(mr.oldRev());
    assertFalse(mr.updatesCode());
    assertFalse(mr.draft());
    assertEquals("Punched-card reader", mr.title());
  }

  @Test
  void treatsReopenAsCodeUpdateAndCloseMergeApprovalAsNot() throws IOException {
    ObjectNode reopen = tree("merge_request_open.json");
    ((ObjectNode) reopen.get("object_attributes")).put("action", "reopen");
    assertTrue(((PullRequestEvent) GitLabEvents.parse("Merge Request Hook", reopen))
        .updatesCode());

    for (String action : new String[] {"close", "merge", "approved", "unapproved", "approval",
        "unapproval", "opened", "Open"}) {
      ObjectNode tree = tree("merge_request_update_commits.json");
      ((ObjectNode) tree.get("object_attributes")).put("action", action);

      assertFalse(((PullRequestEvent) GitLabEvents.parse("Merge Request Hook", tree))
          .updatesCode(), action);
    }
  }

  @Test
  void doesNotTreatUpdateWithEmptyOldrevAsCodeUpdate() throws IOException {
    ObjectNode tree = tree("merge_request_update_commits.json");
    ((ObjectNode) tree.get("object_attributes")).put("oldrev", "");

    assertFalse(((PullRequestEvent) GitLabEvents.parse("Merge Request Hook", tree))
        .updatesCode());
  }

  @Test
  void reportsMergedByActionOrState() throws IOException {
    ObjectNode byAction = tree("merge_request_open.json");
    ((ObjectNode) byAction.get("object_attributes")).put("action", "merge");
    ObjectNode byState = tree("merge_request_open.json");
    ((ObjectNode) byState.get("object_attributes")).put("action", "update");
    ((ObjectNode) byState.get("object_attributes")).put("state", "merged");

    assertTrue(((GitLabMergeRequestEvent) GitLabEvents.parse("Merge Request Hook", byAction))
        .merged());
    assertTrue(((GitLabMergeRequestEvent) GitLabEvents.parse("Merge Request Hook", byState))
        .merged());
  }

  @Test
  void readsDraftFromOlderWorkInProgressField() throws IOException {
    ObjectNode tree = tree("merge_request_update_title.json");
    ObjectNode attributes = (ObjectNode) tree.get("object_attributes");
    attributes.remove("draft");
    attributes.put("work_in_progress", true);

    assertTrue(((PullRequestEvent) GitLabEvents.parse("Merge Request Hook", tree)).draft());
  }

  @Test
  void readsDeletedSourceProjectAsRepositoryWithNulls() throws IOException {
    ObjectNode tree = tree("merge_request_open.json");
    ((ObjectNode) tree.get("object_attributes")).putNull("source");

    PullRequestEvent mr = (PullRequestEvent) GitLabEvents.parse("Merge Request Hook", tree);

    assertEquals(new RepositoryInfo(null, null, null, null, null, null, null),
        mr.headRepository());
    assertEquals(TARGET, mr.repository());
  }

  @Test
  void takesOwnerFromNamespaceWhenPathIsMissing() throws IOException {
    ObjectNode tree = tree("push.json");
    ObjectNode project = (ObjectNode) tree.get("project");
    project.remove("path_with_namespace");
    project.remove("git_http_url");
    project.remove("git_ssh_url");
    project.remove("web_url");

    RepositoryInfo repo = ((PushEvent) GitLabEvents.parse("Push Hook", tree)).repository();

    assertEquals("Engines", repo.owner());
    assertNull(repo.fullName());
    // older payloads: http_url, ssh_url, homepage
    assertEquals("https://gitlab.example.org/compute/engines/analytical-engine.git",
        repo.cloneUrl());
    assertEquals("git@gitlab.example.org:compute/engines/analytical-engine.git", repo.sshUrl());
    assertEquals("https://gitlab.example.org/compute/engines/analytical-engine", repo.htmlUrl());
  }

  @Test
  void dispatchesSystemHookByObjectKind() throws IOException {
    assertTrue(GitLabEvents.parse("System Hook", resource("push.json"))
        instanceof GitLabPushEvent);
    assertTrue(GitLabEvents.parse("System Hook", resource("tag_push.json"))
        instanceof GitLabPushEvent);
    assertTrue(GitLabEvents.parse("System Hook", resource("merge_request_open.json"))
        instanceof GitLabMergeRequestEvent);
    GitLabEvent other = GitLabEvents.parse("System Hook",
        utf8("{\"event_name\":\"project_create\",\"path_with_namespace\":\"a/b\"}"));
    assertTrue(other instanceof GitLabUnknownEvent);
    assertEquals("System Hook", other.eventName());
  }

  @Test
  void parsesEmptyBodiesToEventsWithNulls() {
    GitLabPushEvent push = (GitLabPushEvent) GitLabEvents.parse("Push Hook", utf8("{}"));
    GitLabMergeRequestEvent mr =
        (GitLabMergeRequestEvent) GitLabEvents.parse("Merge Request Hook", utf8("{}"));

    RepositoryInfo empty = new RepositoryInfo(null, null, null, null, null, null, null);
    assertNull(push.ref());
    assertNull(push.after());
    assertNull(push.objectKind());
    assertFalse(push.deleted());
    assertEquals(0, push.totalCommitsCount());
    assertEquals(empty, push.repository());
    assertEquals(Optional.empty(), mr.action());
    assertFalse(mr.updatesCode());
    assertFalse(mr.draft());
    assertFalse(mr.merged());
    assertEquals(0, mr.number());
    assertNull(mr.headSha());
    assertEquals(empty, mr.headRepository());
    assertEquals(empty, mr.repository());
  }

  @Test
  void keepsOtherEventsAsUnknownWithTheirPayload() {
    byte[] body = utf8("{\"object_kind\":\"note\",\"object_attributes\":{\"action\":\"create\","
        + "\"note\":\"LGTM\"},\"project\":{\"path_with_namespace\":\"compute/engines/x\"}}");

    GitLabUnknownEvent event = (GitLabUnknownEvent) GitLabEvents.parse("Note Hook", body);

    assertEquals(Provider.GITLAB, event.provider());
    assertEquals("Note Hook", event.eventName());
    assertEquals(Optional.of("create"), event.action());
    assertEquals("compute/engines", event.repository().owner());
    assertEquals("LGTM", event.payload().path("object_attributes").path("note").asText());
  }

  @Test
  void unknownEventPayloadCannotBeChangedFromOutside() {
    ObjectNode input = MAPPER.createObjectNode().put("object_kind", "pipeline");
    GitLabUnknownEvent event = (GitLabUnknownEvent) GitLabEvents.parse("Pipeline Hook", input);

    input.put("object_kind", "changed-input");
    ((ObjectNode) event.payload()).put("object_kind", "changed-copy");

    assertEquals("pipeline", event.payload().get("object_kind").asText());
    assertEquals(Optional.empty(), event.action());
  }

  @Test
  void rejectsNonObjectBodyAsUnexpectedShape() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitLabEvents.parse("Push Hook", utf8("\"push\"")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("'Push Hook'"), e.getMessage());
    assertTrue(e.getMessage().contains("expected a JSON object, got string"), e.getMessage());
  }

  @Test
  void rejectsMissingEventNameNamingGitLabHeader() {
    WebhookParseException missing = assertThrows(WebhookParseException.class,
        () -> GitLabEvents.parse(null, utf8("{}")));
    WebhookParseException blank = assertThrows(WebhookParseException.class,
        () -> GitLabEvents.parse("\t", MAPPER.createObjectNode()));

    assertEquals(Reason.MISSING_HEADER, missing.reason());
    assertTrue(missing.getMessage().contains("X-Gitlab-Event is missing"), missing.getMessage());
    assertEquals(Reason.MISSING_HEADER, blank.reason());
    assertTrue(blank.getMessage().contains("X-Gitlab-Event is blank"), blank.getMessage());
  }

  @Test
  void reportsDuplicateKeysFromReader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitLabEvents.parse("Push Hook", utf8("{\"after\":\"a\",\"after\":\"b\"}")));

    assertEquals(Reason.DUPLICATE_KEY, e.reason());
  }

  @Test
  void rejectsNullBodyNamingIt() {
    NullPointerException body = assertThrows(NullPointerException.class,
        () -> GitLabEvents.parse("Push Hook", (byte[]) null));
    NullPointerException payload = assertThrows(NullPointerException.class,
        () -> GitLabEvents.parse("Push Hook", (JsonNode) null));

    assertEquals("body", body.getMessage());
    assertEquals("payload", payload.getMessage());
  }

  @Test
  void usageExampleCompilesAndRuns() throws IOException {
    String built = null;

    GitLabEvent event = GitLabEvents.parse("Merge Request Hook",
        resource("merge_request_update_commits.json"));
    if (event instanceof GitLabPushEvent push && !push.deleted()) {
      built = push.repository().cloneUrlOrSsh() + "@" + push.after();
    } else if (event instanceof GitLabMergeRequestEvent mr && mr.updatesCode()) {
      built = mr.headRepository().cloneUrlOrSsh() + "@" + mr.headSha();
    }

    assertEquals("https://gitlab.example.org/babbage/analytical-engine.git@" + HEAD, built);
  }
}
