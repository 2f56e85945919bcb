package dev.buildbridge.webhooks.github;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PullRequestEvent;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing rules on hand-written payloads: defaults, odd shapes, failures, immutability. */
class GitHubEventsTest {
  private static final RepositoryInfo NO_REPOSITORY =
      new RepositoryInfo(null, null, null, null, null, null, null);
  private static final String ZEROS_64 = PushEvent.ZERO_SHA + "000000000000000000000000";

  // ---- event header ---------------------------------------------------------------------------

  @Test
  void rejectsMissingEventNameNamingTheHeader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse(null, bytes("{}")));

    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains("X-GitHub-Event"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", " \r\n "})
  void rejectsBlankEventNameNamingTheHeader(String eventName) {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse(eventName, bytes("{}")));

    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains("X-GitHub-Event"), e.getMessage());
    assertTrue(e.getMessage().contains("blank"), e.getMessage());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void rejectsMissingOrBlankEventNameForATree(String eventName) {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse(eventName, JsonNodeFactory.instance.objectNode()));

    assertEquals(Reason.MISSING_HEADER, e.reason());
    assertTrue(e.getMessage().contains("X-GitHub-Event"), e.getMessage());
  }

  @Test
  void checksEventNameBeforeReadingTheBody() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse(null, bytes("not json")));

    assertEquals(Reason.MISSING_HEADER, e.reason());
  }

  @Test
  void ignoresWhitespaceAroundEventName() {
    GitHubEvent event = GitHubEvents.parse(" push\t", bytes("{}"));

    assertInstanceOf(GitHubPushEvent.class, event);
    assertEquals("push", event.eventName());
  }

  @Test
  void matchesEventNamesExactlyAsGitHubSendsThem() {
    GitHubEvent event = GitHubEvents.parse("Push", bytes("{}"));

    GitHubUnknownEvent unknown = assertInstanceOf(GitHubUnknownEvent.class, event);
    assertEquals("Push", unknown.eventName());
  }

  @Test
  void rejectsNullBodyAndPayloadNamingTheArgument() {
    NullPointerException body = assertThrows(NullPointerException.class,
        () -> GitHubEvents.parse("push", (byte[]) null));
    NullPointerException payload = assertThrows(NullPointerException.class,
        () -> GitHubEvents.parse("push", (JsonNode) null));

    assertEquals("body", body.getMessage());
    assertEquals("payload", payload.getMessage());
  }

  // ---- shape ----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"push", "pull_request", "ping", "create", "delete", "check_suite",
      "check_run", "release", "workflow_dispatch", "issues", "some_future_event"})
  void rejectsArrayBodyAsUnexpectedShape(String eventName) {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse(eventName, bytes("[]")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("JSON array"), e.getMessage());
    assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"push\"", "42", "true"})
  void rejectsScalarBodyAsUnexpectedShape(String body) {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("push", bytes(body)));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("GitHub push delivery"), e.getMessage());
  }

  @Test
  void rejectsNonObjectTreeAsUnexpectedShape() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    WebhookParseException arrayFailure = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("pull_request", array));
    WebhookParseException missingFailure = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("pull_request", MissingNode.getInstance()));

    assertEquals(Reason.UNEXPECTED_SHAPE, arrayFailure.reason());
    assertEquals(Reason.UNEXPECTED_SHAPE, missingFailure.reason());
    assertTrue(missingFailure.getMessage().contains("no JSON value"), missingFailure.getMessage());
  }

  @Test
  void doesNotEchoUnknownEventNameIntoMessages() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("forged\nlog line", bytes("[]")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertFalse(e.getMessage().contains("forged"), e.getMessage());
  }

  @Test
  void reportsMalformedJsonFromTheReader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("push", bytes("{\"ref\": ")));

    assertEquals(Reason.MALFORMED_JSON, e.reason());
  }

  @Test
  void reportsDuplicateKeyFromTheReader() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> GitHubEvents.parse("push", bytes("{\"after\": \"a\", \"after\": \"b\"}")));

    assertEquals(Reason.DUPLICATE_KEY, e.reason());
  }

  // ---- missing and mistyped fields ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"push", "pull_request", "ping", "create", "delete", "check_suite",
      "check_run", "release", "workflow_dispatch"})
  void parsesEmptyObjectToTypedEventWithNulls(String eventName) {
    GitHubEvent event = GitHubEvents.parse(eventName, bytes("{}"));

    assertSame(GitHubFixtures.TYPED.get(eventName), event.getClass());
    assertEquals(eventName, event.eventName());
    assertEquals(Provider.GITHUB, event.provider());
    assertEquals(NO_REPOSITORY, event.repository());
    assertEquals(Optional.empty(), event.installationId());
    assertEquals(Optional.empty(), event.senderLogin());
    assertEquals(Optional.empty(), event.action());
  }

  @Test
  void givesDefaultsForEveryFieldOfEmptyObject() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes("{}"));
    GitHubPullRequestEvent pr =
        (GitHubPullRequestEvent) GitHubEvents.parse("pull_request", bytes("{}"));
    GitHubPingEvent ping = (GitHubPingEvent) GitHubEvents.parse("ping", bytes("{}"));
    GitHubCreateEvent create = (GitHubCreateEvent) GitHubEvents.parse("create", bytes("{}"));
    GitHubDeleteEvent delete = (GitHubDeleteEvent) GitHubEvents.parse("delete", bytes("{}"));
    GitHubCheckSuiteEvent suite =
        (GitHubCheckSuiteEvent) GitHubEvents.parse("check_suite", bytes("{}"));
    GitHubCheckRunEvent run = (GitHubCheckRunEvent) GitHubEvents.parse("check_run", bytes("{}"));
    GitHubReleaseEvent release =
        (GitHubReleaseEvent) GitHubEvents.parse("release", bytes("{}"));
    GitHubWorkflowDispatchEvent dispatch =
        (GitHubWorkflowDispatchEvent) GitHubEvents.parse("workflow_dispatch", bytes("{}"));

    assertEquals(new GitHubPushEvent(null, null, null, false, false, false, null, null, null, 0,
        null, NO_REPOSITORY, Optional.empty(), Optional.empty()), push);
    assertEquals(new GitHubPullRequestEvent(Optional.empty(), 0, null, null, false, false, null,
        null, null, null, NO_REPOSITORY, List.of(), null, null, NO_REPOSITORY, Optional.empty(),
        Optional.empty()), pr);
    assertEquals(new GitHubPingEvent(null, 0, null, List.of(), null, NO_REPOSITORY,
        Optional.empty(), Optional.empty()), ping);
    assertEquals(new GitHubCreateEvent(null, null, null, null, NO_REPOSITORY, Optional.empty(),
        Optional.empty()), create);
    assertEquals(new GitHubDeleteEvent(null, null, NO_REPOSITORY, Optional.empty(),
        Optional.empty()), delete);
    assertEquals(new GitHubCheckSuiteEvent(Optional.empty(), 0, null, null, null, null, null,
        List.of(), NO_REPOSITORY, Optional.empty(), Optional.empty()), suite);
    assertEquals(new GitHubCheckRunEvent(Optional.empty(), 0, null, null, null, null, null, null,
        0, null, null, NO_REPOSITORY, Optional.empty(), Optional.empty()), run);
    assertEquals(new GitHubReleaseEvent(Optional.empty(), null, null, null, false, false, null,
        NO_REPOSITORY, Optional.empty(), Optional.empty()), release);
    assertEquals(new GitHubWorkflowDispatchEvent(null, null, Map.of(), NO_REPOSITORY,
        Optional.empty(), Optional.empty()), dispatch);
    assertAll(
        () -> assertFalse(pr.updatesCode()),
        () -> assertEquals(Optional.empty(), push.branch()),
        () -> assertEquals(Optional.empty(), push.tag()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"push", "pull_request", "ping", "create", "delete", "check_suite",
      "check_run", "release", "workflow_dispatch", "issues"})
  void readsMistypedFieldsAsAbsent(String eventName) {
    String body = "{\"action\": 7, \"repository\": \"r\", \"installation\": [1], \"sender\": 5,"
        + " \"ref\": {}, \"commits\": {}, \"head_commit\": \"x\","
        + " \"pull_request\": {\"labels\": {\"name\": \"x\"}, \"head\": [], \"number\": \"n\"},"
        + " \"hook\": {\"events\": \"push\", \"app_id\": 1.5},"
        + " \"check_suite\": {\"pull_requests\": [null, {\"number\": 1.5}, 3, []]},"
        + " \"check_run\": \"run\", \"release\": [], \"inputs\": []}";

    GitHubEvent event = GitHubEvents.parse(eventName, bytes(body));

    assertEquals(Optional.empty(), event.action());
    assertEquals(NO_REPOSITORY, event.repository());
    assertEquals(Optional.empty(), event.installationId());
    assertEquals(Optional.empty(), event.senderLogin());
    if (event instanceof GitHubPushEvent push) {
      assertNull(push.ref());
      assertNull(push.headCommit());
      assertEquals(0, push.commitCount());
    } else if (event instanceof GitHubPullRequestEvent pr) {
      assertEquals(List.of(), pr.labels());
      assertEquals(NO_REPOSITORY, pr.headRepository());
      assertEquals(0, pr.number());
    } else if (event instanceof GitHubPingEvent ping) {
      assertEquals(List.of(), ping.events());
      assertNull(ping.appId());
    } else if (event instanceof GitHubCheckSuiteEvent suite) {
      assertEquals(List.of(), suite.pullRequestNumbers());
    } else if (event instanceof GitHubWorkflowDispatchEvent dispatch) {
      assertEquals(Map.of(), dispatch.inputs());
    }
  }

  @Test
  void readsNumericStringsAsNumbers() {
    GitHubEvent event = GitHubEvents.parse("check_suite", bytes(
        "{\"installation\": {\"id\": \"42\"}, \"check_suite\": {\"id\": \"7\","
            + " \"pull_requests\": [{\"number\": \"3\"}, {\"number\": 4}, {}]}}"));

    GitHubCheckSuiteEvent suite = assertInstanceOf(GitHubCheckSuiteEvent.class, event);
    assertEquals(Optional.of(42L), suite.installationId());
    assertEquals(7L, suite.id());
    assertEquals(List.of(3L, 4L), suite.pullRequestNumbers());
  }

  // ---- push -----------------------------------------------------------------------------------

  @Test
  void treatsAllZeroAfterAsDeletionWithoutDeletedField() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"ref\": \"refs/heads/gone\", \"after\": \"" + PushEvent.ZERO_SHA + "\"}"));

    assertTrue(push.deleted());
    assertFalse(push.created());
  }

  @Test
  void treatsAllZeroSha256AfterAsDeletion() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"after\": \"" + ZEROS_64 + "\"}"));

    assertTrue(push.deleted());
  }

  @Test
  void treatsAllZeroBeforeAsCreationWithoutCreatedField() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"before\": \"" + PushEvent.ZERO_SHA + "\", \"after\": \"abc1\"}"));

    assertTrue(push.created());
    assertFalse(push.deleted());
  }

  @Test
  void doesNotTreatOtherCommitIdsAsDeletion() {
    String almostZero = PushEvent.ZERO_SHA.substring(1) + "1";
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"before\": \"\", \"after\": \"" + almostZero + "\", \"deleted\": false}"));

    assertFalse(push.deleted());
    assertFalse(push.created());
  }

  @Test
  void trustsDeletedFlagWhenAfterIsMissing() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"deleted\": true}"));

    assertTrue(push.deleted());
  }

  @Test
  void countsCommitsAndReadsHeadCommitWithMissingAuthor() {
    GitHubPushEvent push = (GitHubPushEvent) GitHubEvents.parse("push", bytes(
        "{\"ref\": \"refs/heads/main\", \"forced\": true, \"base_ref\": \"refs/heads/dev\","
            + " \"commits\": [{}, {}, {}], \"head_commit\": {\"id\": \"c3\"},"
            + " \"pusher\": {\"name\": \"mona\"}, \"repository\": {\"name\": \"r\","
            + " \"owner\": {\"name\": \"octo\"}, \"ssh_url\": \"git@h:octo/r.git\"}}"));

    assertEquals(3, push.commitCount());
    assertEquals(new GitHubPushEvent.Commit("c3", null, null, null, null, null), push.headCommit());
    assertTrue(push.forced());
    assertEquals("refs/heads/dev", push.baseRef());
    assertEquals("mona", push.pusherName());
    assertEquals("octo", push.repository().owner());
    assertEquals("octo/r", push.repository().fullNameOrParts());
    assertEquals("git@h:octo/r.git", push.repository().cloneUrlOrSsh());
  }

  @Test
  void servesProviderNeutralPushInterface() {
    GitHubEvent event = GitHubEvents.parse("push", bytes(
        "{\"ref\": \"refs/heads/main\", \"after\": \"abc\","
            + " \"repository\": {\"clone_url\": \"https://h/o/r.git\"}}"));

    PushEvent push = assertInstanceOf(PushEvent.class, event);
    assertEquals(Optional.of("main"), push.branch());
    assertEquals("abc", push.after());
    assertEquals("https://h/o/r.git", push.repository().cloneUrlOrSsh());
  }

  @Test
  void makesHandBuiltPushAgreeWithZeroCommitIds() {
    GitHubPushEvent push = new GitHubPushEvent("refs/heads/x", PushEvent.ZERO_SHA,
        PushEvent.ZERO_SHA, false, false, false, null, null, null, 0, null, NO_REPOSITORY,
        Optional.empty(), Optional.empty());

    assertTrue(push.created());
    assertTrue(push.deleted());
  }

  @Test
  void rejectsNegativeCommitCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GitHubPushEvent(null, null, null, false, false, false, null, null, null, -1,
            null, NO_REPOSITORY, Optional.empty(), Optional.empty()));

    assertTrue(e.getMessage().contains("commitCount"), e.getMessage());
  }

  // ---- pull request ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"opened", "synchronize", "reopened"})
  void treatsCodeChangingActionsAsUpdates(String action) {
    GitHubPullRequestEvent pr = pullRequest("{\"action\": \"" + action + "\"}");

    assertTrue(pr.updatesCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"closed", "edited", "labeled", "ready_for_review", "converted_to_draft",
      "synchronized", "OPENED", ""})
  void treatsOtherActionsAsNoUpdate(String action) {
    GitHubPullRequestEvent pr = pullRequest("{\"action\": \"" + action + "\"}");

    assertFalse(pr.updatesCode());
  }

  @Test
  void readsNullHeadRepositoryOfDeletedForkAsAllNulls() {
    GitHubPullRequestEvent pr = pullRequest("{\"action\": \"synchronize\", \"pull_request\":"
        + " {\"head\": {\"sha\": \"h1\", \"ref\": \"fix\", \"repo\": null},"
        + " \"base\": {\"ref\": \"main\", \"repo\": {\"full_name\": \"o/r\"}}}}");

    assertEquals(NO_REPOSITORY, pr.headRepository());
    assertEquals("h1", pr.headSha());
    assertEquals("fix", pr.headRef());
    assertEquals("main", pr.baseRef());
  }

  @Test
  void readsNumberFromPullRequestWhenTopLevelNumberIsMissing() {
    GitHubPullRequestEvent pr = pullRequest("{\"pull_request\": {\"number\": 5}}");

    assertEquals(5, pr.number());
  }

  @Test
  void skipsLabelsWithoutName() {
    GitHubPullRequestEvent pr = pullRequest("{\"pull_request\": {\"labels\":"
        + " [{\"name\": \"ci\"}, null, {}, {\"name\": null}, \"loose\", {\"name\": \"ok\"}]}}");

    assertEquals(List.of("ci", "ok"), pr.labels());
  }

  @Test
  void servesProviderNeutralPullRequestInterface() {
    GitHubEvent event = GitHubEvents.parse("pull_request", bytes("{\"action\": \"opened\","
        + " \"number\": 9, \"pull_request\": {\"draft\": true, \"head\": {\"sha\": \"s\","
        + " \"repo\": {\"clone_url\": \"https://h/fork.git\"}}}}"));

    PullRequestEvent pr = assertInstanceOf(PullRequestEvent.class, event);
    assertTrue(pr.updatesCode());
    assertTrue(pr.draft());
    assertEquals(9, pr.number());
    assertEquals("https://h/fork.git", pr.headRepository().cloneUrlOrSsh());
  }

  @Test
  void copiesLabelsAndKeepsThemUnmodifiable() {
    List<String> labels = new ArrayList<>(List.of("a"));
    GitHubPullRequestEvent pr = new GitHubPullRequestEvent(Optional.of("opened"), 1, null, null,
        false, false, null, null, null, null, NO_REPOSITORY, labels, null, null, NO_REPOSITORY,
        Optional.empty(), Optional.empty());
    labels.add("b");

    assertEquals(List.of("a"), pr.labels());
    assertThrows(UnsupportedOperationException.class, () -> pr.labels().add("c"));
  }

  @Test
  void rejectsNullRequiredComponentsNamingThem() {
    NullPointerException repository = assertThrows(NullPointerException.class,
        () -> new GitHubDeleteEvent("x", "tag", null, Optional.empty(), Optional.empty()));
    NullPointerException action = assertThrows(NullPointerException.class,
        () -> new GitHubReleaseEvent(null, null, null, null, false, false, null, NO_REPOSITORY,
            Optional.empty(), Optional.empty()));

    assertEquals("repository", repository.getMessage());
    assertEquals("action", action.getMessage());
  }

  // ---- ping, checks ---------------------------------------------------------------------------

  @Test
  void readsHookIdFromHookWhenTopLevelIdIsMissing() {
    GitHubPingEvent ping = (GitHubPingEvent) GitHubEvents.parse("ping", bytes(
        "{\"hook\": {\"id\": 12, \"type\": \"App\", \"app_id\": 99,"
            + " \"events\": [\"push\", null, \"pull_request\"]}}"));

    assertEquals(12L, ping.hookId());
    assertEquals("App", ping.hookType());
    assertEquals(Long.valueOf(99), ping.appId());
    assertEquals(List.of("push", "pull_request"), ping.events());
  }

  @Test
  void readsRequestedActionIdentifierOnlyWhenPresent() {
    GitHubCheckRunEvent run = (GitHubCheckRunEvent) GitHubEvents.parse("check_run", bytes(
        "{\"action\": \"requested_action\", \"requested_action\": {\"identifier\": \"fix\"},"
            + " \"check_run\": {\"id\": 3, \"check_suite\": {\"id\": 4},"
            + " \"app\": {\"slug\": \"bb\"}, \"external_id\": \"job-7\"}}"));

    assertEquals("fix", run.requestedActionIdentifier());
    assertEquals(3L, run.id());
    assertEquals(4L, run.checkSuiteId());
    assertEquals("bb", run.appSlug());
    assertEquals("job-7", run.externalId());
  }

  // ---- workflow_dispatch ----------------------------------------------------------------------

  @Test
  void readsScalarInputsAsTextAndOthersAsJsonKeepingOrder() {
    GitHubWorkflowDispatchEvent dispatch = (GitHubWorkflowDispatchEvent) GitHubEvents.parse(
        "workflow_dispatch", bytes("{\"inputs\": {\"target\": \"arm64\", \"jobs\": 8,"
            + " \"debug\": true, \"ratio\": 1.5, \"matrix\": {\"os\": [\"a\", \"b\"]},"
            + " \"list\": [1, \"two\"], \"unset\": null}}"));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("target", "arm64");
    expected.put("jobs", "8");
    expected.put("debug", "true");
    expected.put("ratio", "1.5");
    expected.put("matrix", "{\"os\":[\"a\",\"b\"]}");
    expected.put("list", "[1,\"two\"]");
    assertEquals(expected, dispatch.inputs());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(dispatch.inputs().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> dispatch.inputs().put("x", "y"));
  }

  @Test
  void readsNullInputsAsEmpty() {
    GitHubWorkflowDispatchEvent dispatch = (GitHubWorkflowDispatchEvent) GitHubEvents.parse(
        "workflow_dispatch", bytes("{\"inputs\": null, \"ref\": \"refs/heads/main\"}"));

    assertEquals(Map.of(), dispatch.inputs());
  }

  @Test
  void copiesInputsOfHandBuiltEvent() {
    Map<String, String> inputs = new LinkedHashMap<>(Map.of("a", "1"));
    GitHubWorkflowDispatchEvent dispatch = new GitHubWorkflowDispatchEvent("r", "w", inputs,
        NO_REPOSITORY, Optional.empty(), Optional.empty());
    inputs.put("b", "2");
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("a", null);

    assertEquals(Map.of("a", "1"), dispatch.inputs());
    assertThrows(NullPointerException.class, () -> new GitHubWorkflowDispatchEvent("r", "w",
        withNull, NO_REPOSITORY, Optional.empty(), Optional.empty()));
  }

  // ---- unknown events -------------------------------------------------------------------------

  @Test
  void returnsUnknownEventForEveryOtherName() {
    GitHubEvent event = GitHubEvents.parse("issues", bytes("{\"action\": \"opened\","
        + " \"installation\": {\"id\": 5}, \"sender\": {\"login\": \"mona\"},"
        + " \"repository\": {\"full_name\": \"o/r\", \"owner\": {\"login\": \"o\"}}}"));

    GitHubUnknownEvent unknown = assertInstanceOf(GitHubUnknownEvent.class, event);
    assertEquals("issues", unknown.eventName());
    assertEquals(Optional.of("opened"), unknown.action());
    assertEquals(Optional.of(5L), unknown.installationId());
    assertEquals(Optional.of("mona"), unknown.senderLogin());
    assertEquals("o/r", unknown.repository().fullName());
    assertEquals(Provider.GITHUB, unknown.provider());
  }

  @Test
  void unknownEventPayloadIsACopy() {
    GitHubUnknownEvent event = (GitHubUnknownEvent) GitHubEvents.parse("star",
        bytes("{\"action\": \"created\", \"starred_at\": null}"));
    JsonNode original = event.payload();

    ObjectNode mutated = (ObjectNode) event.payload();
    mutated.put("action", "deleted");
    mutated.putObject("extra");

    assertEquals(original, event.payload());
    assertEquals("created", event.payload().path("action").textValue());
    assertNotSame(event.payload(), event.payload());
  }

  @Test
  void unknownEventDoesNotShareTheCallersTree() {
    ObjectNode tree = (ObjectNode) WebhookJson.read(bytes("{\"action\": \"created\"}"));
    GitHubUnknownEvent event = (GitHubUnknownEvent) GitHubEvents.parse("star", tree);

    tree.put("action", "deleted");

    assertEquals("created", event.payload().path("action").textValue());
    assertEquals(Optional.of("created"), event.action());
  }

  @Test
  void unknownEventToStringLeavesOutThePayload() {
    GitHubUnknownEvent event = (GitHubUnknownEvent) GitHubEvents.parse("issues",
        bytes("{\"action\": \"opened\", \"issue\": {\"body\": \"private text\"}}"));

    String text = event.toString();

    assertTrue(text.contains("eventName=issues"), text);
    assertTrue(text.contains("action=opened"), text);
    assertFalse(text.contains("private text"), text);
  }

  @Test
  void unknownEventsWithEqualPayloadsAreEqual() {
    GitHubEvent a = GitHubEvents.parse("star", bytes("{\"action\": \"created\", \"n\": [1]}"));
    GitHubEvent b = GitHubEvents.parse("star", bytes("{\"n\": [1], \"action\": \"created\"}"));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  // ---- documentation examples -----------------------------------------------------------------

  @Test
  void classExampleVerifiesThenParses() {
    byte[] body = bytes("{\"action\": \"synchronize\", \"number\": 3, \"pull_request\":"
        + " {\"draft\": false, \"head\": {\"sha\": \"abc\","
        + " \"repo\": {\"clone_url\": \"https://h/o/r.git\"}}}}");
    WebhookHmac signer = WebhookHmac.github("test secret");
    Map<String, String> headers = Map.of("X-Hub-Signature-256", signer.sign(body),
        "X-GitHub-Event", "pull_request");
    List<String> builds = new ArrayList<>();

    WebhookHmac hmac = WebhookHmac.github("test secret");
    hmac.verify(headers.get("X-Hub-Signature-256"), body);
    GitHubEvent event = GitHubEvents.parse(headers.get("X-GitHub-Event"), body);
    if (event instanceof GitHubPullRequestEvent pr && pr.updatesCode() && !pr.draft()) {
      builds.add(pr.headRepository().cloneUrlOrSsh() + "@" + pr.headSha());
    }

    assertEquals(List.of("https://h/o/r.git@abc"), builds);
  }

  private static GitHubPullRequestEvent pullRequest(String json) {
    return (GitHubPullRequestEvent) GitHubEvents.parse("pull_request", bytes(json));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(UTF_8);
  }
}
