package dev.buildbridge.webhooks.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the typed events read from real payload examples (octokit, in shared). */
class GitHubEventsFixtureTest {
  private static final RepositoryInfo HELLO_WORLD = new RepositoryInfo("Codertocat", "Hello-World",
      "Codertocat/Hello-World", "https://github.com/Codertocat/Hello-World.git",
      "git@github.com:Codertocat/Hello-World.git", "https://github.com/Codertocat/Hello-World",
      "master");
  private static final RepositoryInfo NO_REPOSITORY =
      new RepositoryInfo(null, null, null, null, null, null, null);

  @Test
  void readsTagDeletionPush() {
    GitHubPushEvent push = assertInstanceOf(GitHubPushEvent.class,
        GitHubFixtures.parse("push/payload.json"));

    assertTrue(push.deleted());
    assertFalse(push.created());
    assertFalse(push.forced());
    assertEquals("refs/tags/simple-tag", push.ref());
    assertEquals(Optional.of("simple-tag"), push.tag());
    assertEquals(Optional.empty(), push.branch());
    assertEquals("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.before());
    assertEquals(PushEvent.ZERO_SHA, push.after());
    assertNull(push.baseRef());
    assertEquals("https://github.com/Codertocat/Hello-World/compare/6113728f27ae...000000000000",
        push.compare());
    assertNull(push.headCommit());
    assertEquals(0, push.commitCount());
    assertEquals("Codertocat", push.pusherName());
    assertEquals(HELLO_WORLD, push.repository());
    assertEquals(Optional.empty(), push.installationId());
    assertEquals(Optional.of("Codertocat"), push.senderLogin());
    assertEquals(Optional.empty(), push.action());
  }

  @Test
  void readsBranchCreationPushWithHeadCommit() {
    GitHubPushEvent push = assertInstanceOf(GitHubPushEvent.class,
        GitHubFixtures.parse("push/with-new-branch.payload.json"));

    assertTrue(push.created());
    assertFalse(push.deleted());
    assertEquals(Optional.of("master"), push.branch());
    assertEquals(Optional.empty(), push.tag());
    assertEquals(PushEvent.ZERO_SHA, push.before());
    assertEquals("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.after());
    assertEquals(1, push.commitCount());
    assertEquals(new GitHubPushEvent.Commit("6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        "Initial commit", "2019-05-15T15:19:25Z",
        "https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        "Codertocat", "21031067+Codertocat@users.noreply.github.com"), push.headCommit());
    assertEquals("https://github.com/Codertocat/Hello-World.git",
        push.repository().cloneUrlOrSsh());
  }

  @Test
  void readsInstallationIdOfAppDelivery() {
    GitHubEvent event = GitHubFixtures.parse("push/with-installation.payload.json");

    assertEquals(Optional.of(1L), event.installationId());
  }

  @Test
  void readsSynchronizeAsCodeUpdateAtTheHeadCommit() {
    JsonNode tree = GitHubFixtures.tree("pull_request/synchronize.payload.json");
    GitHubPullRequestEvent pr = assertInstanceOf(GitHubPullRequestEvent.class,
        GitHubFixtures.parse("pull_request/synchronize.payload.json"));

    assertTrue(pr.updatesCode());
    assertEquals(Optional.of("synchronize"), pr.action());
    assertEquals(tree.path("pull_request").path("head").path("sha").textValue(), pr.headSha());
    assertEquals("ec26c3e57ca3a959ca5aad62de7213c562f8c821", pr.headSha());
    assertEquals("changes", pr.headRef());
    assertEquals("master", pr.baseRef());
    assertEquals("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", pr.baseSha());
    assertEquals(2, pr.number());
    assertEquals("Update the README with new information.", pr.title());
    assertEquals("open", pr.state());
    assertFalse(pr.draft());
    assertFalse(pr.merged());
    assertEquals(List.of("bug"), pr.labels());
    assertEquals("Codertocat", pr.authorLogin());
    assertEquals("https://github.com/Codertocat/Hello-World/pull/2", pr.htmlUrl());
    assertEquals("Codertocat/Hello-World", pr.headRepository().fullName());
    assertEquals("https://github.com/Codertocat/Hello-World.git",
        pr.headRepository().cloneUrlOrSsh());
    assertEquals(HELLO_WORLD, pr.repository());
    assertEquals(Optional.of(1L), pr.installationId());
  }

  @Test
  void readsOpenedAsCodeUpdate() {
    PullRequestEvent pr = assertInstanceOf(PullRequestEvent.class,
        GitHubFixtures.parse("pull_request/opened.payload.json"));

    assertTrue(pr.updatesCode());
    assertFalse(pr.draft());
    assertEquals(Optional.of("opened"), pr.action());
  }

  @Test
  void readsReopenedAsCodeUpdate() {
    PullRequestEvent pr = assertInstanceOf(PullRequestEvent.class,
        GitHubFixtures.parse("pull_request/reopened.payload.json"));

    assertTrue(pr.updatesCode());
  }

  @Test
  void readsPullRequestWithNullBody() {
    GitHubPullRequestEvent pr = assertInstanceOf(GitHubPullRequestEvent.class,
        GitHubFixtures.parse("pull_request/opened.with-null-body.json"));

    assertTrue(pr.updatesCode());
    assertEquals(2, pr.number());
  }

  @Test
  void readsClosedUnmergedPullRequestAsNoCodeUpdate() {
    GitHubPullRequestEvent pr = assertInstanceOf(GitHubPullRequestEvent.class,
        GitHubFixtures.parse("pull_request/closed.payload.json"));

    assertFalse(pr.updatesCode());
    assertFalse(pr.merged());
    assertEquals("closed", pr.state());
    assertEquals(Optional.of("closed"), pr.action());
  }

  @Test
  void readsConvertedToDraftAsDraftWithoutCodeUpdate() {
    GitHubPullRequestEvent pr = assertInstanceOf(GitHubPullRequestEvent.class,
        GitHubFixtures.parse("pull_request/converted_to_draft.payload.json"));

    assertTrue(pr.draft());
    assertFalse(pr.updatesCode());
  }

  @Test
  void readsLabeledAsNoCodeUpdate() {
    GitHubPullRequestEvent pr = assertInstanceOf(GitHubPullRequestEvent.class,
        GitHubFixtures.parse("pull_request/labeled.payload.json"));

    assertFalse(pr.updatesCode());
    assertEquals(List.of("bug"), pr.labels());
  }

  @Test
  void readsPingOfAppHook() {
    GitHubPingEvent ping = assertInstanceOf(GitHubPingEvent.class,
        GitHubFixtures.parse("ping/with-app_id.payload.json"));

    assertEquals(Long.valueOf(29310), ping.appId());
    assertEquals(109948940L, ping.hookId());
    assertEquals("Repository", ping.hookType());
    assertEquals(List.of("*"), ping.events());
    assertEquals("Anything added dilutes everything else.", ping.zen());
    assertEquals("Octocoders/Hello-World", ping.repository().fullName());
    assertEquals(Optional.empty(), ping.action());
  }

  @Test
  void readsPingOfRepositoryHookWithoutAppId() {
    GitHubPingEvent ping = assertInstanceOf(GitHubPingEvent.class,
        GitHubFixtures.parse("ping/payload.json"));

    assertNull(ping.appId());
  }

  @Test
  void readsPingOfOrganizationHookWithoutRepository() {
    JsonNode tree = GitHubFixtures.tree("ping/with-organization.payload.json");
    GitHubPingEvent ping = assertInstanceOf(GitHubPingEvent.class,
        GitHubFixtures.parse("ping/with-organization.payload.json"));

    assertEquals(NO_REPOSITORY, ping.repository());
    assertEquals("Organization", ping.hookType());
    assertEquals(tree.path("hook").path("events").size(), ping.events().size());
    assertEquals("code_scanning_alert", ping.events().get(0));
    assertEquals(109948940L, ping.hookId());
  }

  @Test
  void readsRequestedActionOfCheckRun() {
    GitHubCheckRunEvent run = assertInstanceOf(GitHubCheckRunEvent.class,
        GitHubFixtures.parse("check_run/requested_action.payload.json"));

    assertEquals(Optional.of("requested_action"), run.action());
    assertEquals("lgtm|26764", run.requestedActionIdentifier());
    assertEquals(1494503112L, run.id());
    assertEquals("API Review", run.name());
    assertEquals("5bd5f196a46b8222fb7484f05faba41a73cf34bd", run.headSha());
    assertEquals("", run.externalId());
    assertEquals("in_progress", run.status());
    assertNull(run.conclusion());
    assertEquals("https://github.com/electron/cation", run.detailsUrl());
    assertEquals(1604239627L, run.checkSuiteId());
    assertEquals("electron-cation", run.appSlug());
    assertEquals("electron/electron", run.repository().fullName());
  }

  @Test
  void readsRerequestedCheckRunWithoutRequestedAction() {
    GitHubCheckRunEvent run = assertInstanceOf(GitHubCheckRunEvent.class,
        GitHubFixtures.parse("check_run/rerequested.payload.json"));

    assertEquals(Optional.of("rerequested"), run.action());
    assertNull(run.requestedActionIdentifier());
    assertEquals("completed", run.status());
    assertEquals("neutral", run.conclusion());
  }

  @Test
  void readsRerequestedCheckSuite() {
    GitHubCheckSuiteEvent suite = assertInstanceOf(GitHubCheckSuiteEvent.class,
        GitHubFixtures.parse("check_suite/rerequested.payload.json"));

    assertEquals(Optional.of("rerequested"), suite.action());
    assertEquals(118578147L, suite.id());
    assertEquals("changes", suite.headBranch());
    assertEquals("ec26c3e57ca3a959ca5aad62de7213c562f8c821", suite.headSha());
    assertEquals("completed", suite.status());
    assertEquals("success", suite.conclusion());
    assertNull(suite.appSlug());
    assertEquals(List.of(2L), suite.pullRequestNumbers());
    assertEquals(Optional.of(957387L), suite.installationId());
    assertEquals(HELLO_WORLD, suite.repository());
  }

  @Test
  void readsAppSlugOfCheckSuite() {
    GitHubCheckSuiteEvent suite = assertInstanceOf(GitHubCheckSuiteEvent.class,
        GitHubFixtures.parse("check_suite/completed.1.payload.json"));

    assertEquals("github-actions", suite.appSlug());
    assertEquals(List.of(), suite.pullRequestNumbers());
  }

  @Test
  void readsPublishedRelease() {
    GitHubReleaseEvent release = assertInstanceOf(GitHubReleaseEvent.class,
        GitHubFixtures.parse("release/published.payload.json"));

    assertEquals(Optional.of("published"), release.action());
    assertEquals("0.0.1", release.tagName());
    assertEquals("", release.name());
    assertEquals("master", release.targetCommitish());
    assertFalse(release.draft());
    assertFalse(release.prerelease());
    assertEquals("https://github.com/Codertocat/Hello-World/releases/tag/0.0.1",
        release.htmlUrl());
  }

  @Test
  void readsPrerelease() {
    GitHubReleaseEvent release = assertInstanceOf(GitHubReleaseEvent.class,
        GitHubFixtures.parse("release/prereleased.payload.json"));

    assertEquals(Optional.of("prereleased"), release.action());
    assertTrue(release.prerelease());
  }

  @Test
  void readsWorkflowDispatchWithInputs() {
    GitHubWorkflowDispatchEvent dispatch = assertInstanceOf(GitHubWorkflowDispatchEvent.class,
        GitHubFixtures.parse("workflow_dispatch/payload.json"));

    assertEquals("refs/heads/master", dispatch.ref());
    assertEquals(".github/workflows/hello-world-workflow.yml", dispatch.workflow());
    assertEquals(Map.of("name", "Mona the Octocat"), dispatch.inputs());
    assertEquals("octo-org/octo-repo", dispatch.repository().fullName());
    assertEquals(Optional.empty(), dispatch.action());
  }

  @Test
  void readsTagCreation() {
    GitHubCreateEvent create = assertInstanceOf(GitHubCreateEvent.class,
        GitHubFixtures.parse("create/payload.json"));

    assertEquals("simple-tag", create.ref());
    assertEquals("tag", create.refType());
    assertEquals("master", create.masterBranch());
    assertNull(create.description());
    assertEquals(HELLO_WORLD, create.repository());
  }

  @Test
  void readsCreationWithDescription() {
    GitHubCreateEvent create = assertInstanceOf(GitHubCreateEvent.class,
        GitHubFixtures.parse("create/with-description.payload.json"));

    assertEquals("Random repository description", create.description());
  }

  @Test
  void readsTagDeletion() {
    GitHubDeleteEvent delete = assertInstanceOf(GitHubDeleteEvent.class,
        GitHubFixtures.parse("delete/payload.json"));

    assertEquals("simple-tag", delete.ref());
    assertEquals("tag", delete.refType());
    assertEquals(HELLO_WORLD, delete.repository());
    assertEquals(Optional.empty(), delete.action());
  }

  @Test
  void keepsPayloadOfEventWithoutTypedRecord() {
    JsonNode tree = GitHubFixtures.tree("issues/opened.payload.json");
    GitHubUnknownEvent issues = assertInstanceOf(GitHubUnknownEvent.class,
        GitHubFixtures.parse("issues/opened.payload.json"));

    assertEquals("issues", issues.eventName());
    assertEquals(Optional.of("opened"), issues.action());
    assertEquals(tree, issues.payload());
    assertEquals(tree.path("repository").path("full_name").textValue(),
        issues.repository().fullName());
  }
}
