package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.JsonShape;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses GitHub webhook bodies into {@link GitHubEvent}s, chosen by the {@code X-GitHub-Event}
 * header. Verify the {@code X-Hub-Signature-256} header over the raw body first (with
 * {@link dev.buildbridge.signing.WebhookHmac}); this class does not. Fields a payload lacks read
 * as {@code null}, {@code 0}, {@code false} or empty: only a body that is not a JSON object fails.
 * Event names without a typed record become a {@link GitHubUnknownEvent}, never a failure.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * WebhookHmac hmac = WebhookHmac.github(System.getenv("GITHUB_WEBHOOK_SECRET"));
 * byte[] body = request.getInputStream().readAllBytes();
 * hmac.verify(request.getHeader("X-Hub-Signature-256"), body);   // first, over the raw bytes
 * GitHubEvent event = GitHubEvents.parse(request.getHeader("X-GitHub-Event"), body);
 * if (event instanceof GitHubPullRequestEvent pr && pr.updatesCode() && !pr.draft()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha());
 * }
 * }</pre>
 */
public final class GitHubEvents {
  private static final String EVENT_HEADER = "X-GitHub-Event";

  private GitHubEvents() {}

  /**
   * Parses a delivery body (JSON, UTF-8) by its event name. The body is read with the module's
   * hardened JSON limits: no duplicate keys, bounded depth and size.
   *
   * @param eventName the {@code X-GitHub-Event} header value, such as {@code push}; surrounding
   *     whitespace is ignored
   * @param body the raw request body; for form-encoded deliveries, the decoded {@code payload}
   *     field
   * @return the typed event, or a {@link GitHubUnknownEvent} for any other event name
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when {@code eventName} is null or
   *     blank; {@link Reason#UNEXPECTED_SHAPE} when the body is not a JSON object; the reasons of a
   *     body that is not well-formed JSON within limits ({@code MALFORMED_JSON},
   *     {@code INVALID_UTF8}, {@code DUPLICATE_KEY}, {@code LIMIT_EXCEEDED})
   * @throws NullPointerException when {@code body} is null
   */
  public static GitHubEvent parse(String eventName, byte[] body) {
    Objects.requireNonNull(body, "body");
    String name = requireEventName(eventName);
    JsonShape shape = shapeOf(name);
    return parseTree(name, shape == null ? WebhookJson.read(body) : WebhookJson.read(body, shape));
  }

  /**
   * For the events that start jobs, the members their records read: the rest of the body is
   * checked but not built into the tree. Null for the others, read whole.
   */
  private static JsonShape shapeOf(String name) {
    switch (name) {
      case "push":
        return GitHubPushEvent.SHAPE;
      case "pull_request":
        return GitHubPullRequestEvent.SHAPE;
      default:
        return null;
    }
  }

  /**
   * Parses an already-read payload by its event name. The tree is not modified, and the event keeps
   * no reference to it.
   *
   * @param eventName the {@code X-GitHub-Event} header value, such as {@code push}; surrounding
   *     whitespace is ignored
   * @param payload the delivery's JSON
   * @return the typed event, or a {@link GitHubUnknownEvent} for any other event name
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when {@code eventName} is null or
   *     blank; {@link Reason#UNEXPECTED_SHAPE} when {@code payload} is not a JSON object
   * @throws NullPointerException when {@code payload} is null
   */
  public static GitHubEvent parse(String eventName, JsonNode payload) {
    Objects.requireNonNull(payload, "payload");
    return parseTree(requireEventName(eventName), payload);
  }

  private static String requireEventName(String eventName) {
    if (eventName == null) {
      throw new WebhookParseException(Reason.MISSING_HEADER, EVENT_HEADER
          + " header is missing; expected the event name, such as push or pull_request");
    }
    String name = eventName.strip();
    if (name.isEmpty()) {
      throw new WebhookParseException(Reason.MISSING_HEADER, EVENT_HEADER
          + " header is blank; expected the event name, such as push or pull_request");
    }
    return name;
  }

  private static GitHubEvent parseTree(String name, JsonNode payload) {
    GitHubEvent typed = parseTyped(name, payload);
    if (typed != null) {
      return typed;
    }
    requireObject(null, payload);
    return GitHubUnknownEvent.from(name, payload);
  }

  /** The typed event for a known name (after checking the shape), or null for any other name. */
  private static GitHubEvent parseTyped(String name, JsonNode payload) {
    switch (name) {
      case "push":
        return GitHubPushEvent.from(requireObject(name, payload));
      case "pull_request":
        return GitHubPullRequestEvent.from(requireObject(name, payload));
      case "ping":
        return GitHubPingEvent.from(requireObject(name, payload));
      case "create":
        return GitHubCreateEvent.from(requireObject(name, payload));
      case "delete":
        return GitHubDeleteEvent.from(requireObject(name, payload));
      case "check_suite":
        return GitHubCheckSuiteEvent.from(requireObject(name, payload));
      case "check_run":
        return GitHubCheckRunEvent.from(requireObject(name, payload));
      case "release":
        return GitHubReleaseEvent.from(requireObject(name, payload));
      case "workflow_dispatch":
        return GitHubWorkflowDispatchEvent.from(requireObject(name, payload));
      default:
        return null;
    }
  }

  /**
   * Fails unless the payload is an object. Names only known event names: an unknown header value
   * is not echoed into messages that end up in logs.
   */
  private static JsonNode requireObject(String knownName, JsonNode payload) {
    if (!payload.isObject()) {
      String what = knownName == null ? "GitHub delivery" : "GitHub " + knownName + " delivery";
      throw new WebhookParseException(Reason.UNEXPECTED_SHAPE, "body of the " + what + " is "
          + kind(payload) + "; expected a JSON object");
    }
    return payload;
  }

  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "a JSON array";
      case NULL:
        return "JSON null";
      case MISSING:
        return "no JSON value";
      default:
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
