package dev.buildbridge.webhooks.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.WebhookHandler;
import org.junit.jupiter.api.Test;

/**
 * What the webhook decision fuzzer found, one test each; the inputs it found stay in
 * {@code WebhookDeliveryFuzzTestInputs}. The handler threw {@link IllegalArgumentException} from
 * the job builder for a push or pull request that verified but named no usable clone URL or
 * commit; such deliveries are now acknowledged and ignored.
 */
class WebhookFuzzFindingsTest {
  private static final WebhookHandler HANDLER = WebhookHandler.newBuilder()
      .allowUnsignedDeliveries().build();
  private static final String SHA = "2222222222222222222222222222222222222222";

  private static Decision push(String json) {
    return HANDLER.handle(Delivery.newBuilder().header("X-GitHub-Event", "push")
        .header("Content-Type", "application/json").body(json.getBytes(UTF_8)).build());
  }

  private static Decision pullRequest(String json) {
    return HANDLER.handle(Delivery.newBuilder().header("X-GitHub-Event", "pull_request")
        .header("Content-Type", "application/json").body(json.getBytes(UTF_8)).build());
  }

  @Test
  void pushWithoutRepositoryIsIgnored() {
    Decision decision = push("{\"ref\":\"refs/heads/main\",\"after\":\"" + SHA + "\"}");
    assertEquals(Outcome.IGNORED, decision.outcome());
    assertEquals("push names no clone URL for its repository", decision.reason());
  }

  @Test
  void pushWithBlankCloneUrlsIsIgnored() {
    Decision decision = push("{\"ref\":\"refs/heads/main\",\"after\":\"" + SHA + "\","
        + "\"repository\":{\"full_name\":\"o/r\",\"clone_url\":\" \",\"ssh_url\":\"\\t\"}}");
    assertEquals(Outcome.IGNORED, decision.outcome());
    assertEquals("push names no clone URL for its repository", decision.reason());
  }

  @Test
  void pushWithBlankCloneUrlIsBuiltFromItsSshUrl() {
    Decision decision = push("{\"ref\":\"refs/heads/main\",\"after\":\"" + SHA + "\","
        + "\"repository\":{\"full_name\":\"o/r\",\"clone_url\":\" \",\"ssh_url\":\"git@h:o/r\"}}");
    assertEquals(Outcome.ACCEPTED, decision.outcome(), decision.reason());
    assertEquals("git@h:o/r", decision.jobs().get(0).repoUrl());
  }

  @Test
  void pushWithBlankAfterCommitIsIgnored() {
    Decision decision = push("{\"ref\":\"refs/heads/main\",\"after\":\"  \","
        + "\"repository\":{\"full_name\":\"o/r\",\"clone_url\":\"https://h/o/r.git\"}}");
    assertEquals(Outcome.IGNORED, decision.outcome());
    assertEquals("push has no after commit", decision.reason());
  }

  @Test
  void pullRequestWithoutCloneUrlsIsIgnored() {
    Decision decision = pullRequest("{\"action\":\"opened\",\"number\":1,\"pull_request\":{"
        + "\"number\":1,\"head\":{\"sha\":\"" + SHA + "\",\"ref\":\"t\"},"
        + "\"base\":{\"ref\":\"main\"}},\"repository\":{\"full_name\":\"o/r\"}}");
    assertEquals(Outcome.IGNORED, decision.outcome());
    assertEquals("pull request names no clone URL for its head or base repository",
        decision.reason());
  }

  @Test
  void pullRequestWithBlankHeadCommitIsIgnored() {
    Decision decision = pullRequest("{\"action\":\"opened\",\"number\":1,\"pull_request\":{"
        + "\"number\":1,\"head\":{\"sha\":\" \",\"ref\":\"t\"},\"base\":{\"ref\":\"main\"}},"
        + "\"repository\":{\"full_name\":\"o/r\",\"clone_url\":\"https://h/o/r.git\"}}");
    assertEquals(Outcome.IGNORED, decision.outcome());
    assertEquals("pull request has no head commit", decision.reason());
  }
}
