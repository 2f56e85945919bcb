package dev.buildbridge.webhooks.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses Gitea and Forgejo webhook bodies into {@link GiteaEvent}s, by the event header
 * ({@code X-Gitea-Event}, or {@code X-Forgejo-Event} from Forgejo). Verify the signature first; this
 * class only reads the JSON.
 *
 * <ul>
 *   <li>{@code push} gives a {@link GiteaPushEvent};
 *   <li>{@code pull_request} gives a {@link GiteaPullRequestEvent}, and so do the finer names
 *       Gitea sends in {@code X-Gitea-Event-Type} for the same payload: {@code pull_request_sync},
 *       {@code pull_request_assign}, {@code pull_request_label}, {@code pull_request_milestone},
 *       {@code pull_request_review_request};
 *   <li>anything else gives a {@link GiteaUnknownEvent} that keeps the payload.
 * </ul>
 *
 * <p>A missing field never fails: {@code {}} parses to a typed event whose fields are null.
 *
 * <pre>{@code
 * GiteaEvent event = GiteaEvents.parse(Provider.GITEA, request.header("X-Gitea-Event"), body);
 * if (event instanceof GiteaPullRequestEvent pr && pr.updatesCode()) {
 *     build(pr.headRepository().cloneUrlOrSsh(), pr.headSha());
 * }
 * }</pre>
 */
public final class GiteaEvents {
  private GiteaEvents() {}

  /**
   * Parses a body by its event name.
   *
   * @param provider {@link Provider#GITEA} or {@link Provider#FORGEJO}
   * @param eventName the {@code X-Gitea-Event} (or {@code X-Forgejo-Event}) header value; may be
   *     null, which fails with {@link Reason#MISSING_HEADER}
   * @param body the raw body, JSON
   * @return the event
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when the event name is null or
   *     blank, {@link Reason#UNEXPECTED_SHAPE} when the body is not a JSON object, or the reason
   *     of any JSON failure (malformed, invalid UTF-8, duplicate key, limits)
   * @throws IllegalArgumentException when {@code provider} is neither GITEA nor FORGEJO
   * @throws NullPointerException when {@code provider} or {@code body} is null
   */
  public static GiteaEvent parse(Provider provider, String eventName, byte[] body) {
    String name = checkArguments(provider, eventName);
    Objects.requireNonNull(body, "body");
    return parseTree(provider, name, WebhookJson.read(body));
  }

  /**
   * Reads an already parsed payload by its event name.
   *
   * @param provider {@link Provider#GITEA} or {@link Provider#FORGEJO}
   * @param eventName the {@code X-Gitea-Event} (or {@code X-Forgejo-Event}) header value; may be
   *     null, which fails with {@link Reason#MISSING_HEADER}
   * @param payload the payload; not modified, and not kept (unknown events keep a copy)
   * @return the event
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when the event name is null or
   *     blank, {@link Reason#UNEXPECTED_SHAPE} when the payload is not a JSON object
   * @throws IllegalArgumentException when {@code provider} is neither GITEA nor FORGEJO
   * @throws NullPointerException when {@code provider} or {@code payload} is null
   */
  public static GiteaEvent parse(Provider provider, String eventName, JsonNode payload) {
    String name = checkArguments(provider, eventName);
    Objects.requireNonNull(payload, "payload");
    return parseTree(provider, name, payload);
  }

  private static String checkArguments(Provider provider, String eventName) {
    Objects.requireNonNull(provider, "provider");
    if (provider != Provider.GITEA && provider != Provider.FORGEJO) {
      throw new IllegalArgumentException("provider must be GITEA or FORGEJO, was " + provider);
    }
    if (eventName == null || eventName.isBlank()) {
      String header = provider == Provider.FORGEJO
          ? "X-Forgejo-Event (or X-Gitea-Event)"
          : "X-Gitea-Event";
      throw new WebhookParseException(Reason.MISSING_HEADER,
          "header " + header + " is " + (eventName == null ? "missing" : "blank")
              + "; expected an event name such as push or pull_request");
    }
    return eventName.strip();
  }

  private static GiteaEvent parseTree(Provider provider, String eventName, JsonNode payload) {
    if (!payload.isObject()) {
      throw new WebhookParseException(Reason.UNEXPECTED_SHAPE, "Gitea event '" + eventName
          + "': expected a JSON object, got " + describe(payload));
    }
    if (eventName.equals("push")) {
      return push(provider, eventName, payload);
    }
    if (isPullRequest(eventName)) {
      return pullRequest(provider, eventName, payload);
    }
    return new GiteaUnknownEvent(provider, eventName,
        Optional.ofNullable(JsonFields.text(payload, "action")),
        JsonFields.repository(JsonFields.at(payload, "repository")), payload);
  }

  private static boolean isPullRequest(String eventName) {
    switch (eventName) {
      case "pull_request":
      case "pull_request_sync":
      case "pull_request_assign":
      case "pull_request_label":
      case "pull_request_milestone":
      case "pull_request_review_request":
        return true;
      default:
        return false;
    }
  }

  private static GiteaPushEvent push(Provider provider, String eventName, JsonNode payload) {
    String after = JsonFields.text(payload, "after");
    boolean deleted = JsonFields.bool(payload, false, "deleted") || PushEvent.isZeroCommit(after);
    long commitCount = JsonFields.number(payload, -1, "total_commits");
    if (commitCount < 0) {
      JsonNode commits = JsonFields.at(payload, "commits");
      commitCount = commits != null && commits.isArray() ? commits.size() : 0;
    }
    String pusher = JsonFields.text(payload, "pusher", "login");
    if (pusher == null) {
      pusher = JsonFields.text(payload, "pusher", "username");
    }
    return new GiteaPushEvent(provider, eventName,
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "before"),
        after,
        deleted,
        JsonFields.text(payload, "compare_url"),
        commitCount,
        JsonFields.text(payload, "head_commit", "id"),
        JsonFields.text(payload, "head_commit", "message"),
        pusher,
        JsonFields.repository(JsonFields.at(payload, "repository")));
  }

  private static GiteaPullRequestEvent pullRequest(Provider provider, String eventName,
      JsonNode payload) {
    JsonNode pr = JsonFields.at(payload, "pull_request");
    long number = JsonFields.number(payload, 0, "number");
    if (number == 0) {
      number = JsonFields.number(pr, 0, "number");
    }
    RepositoryInfo headRepository = JsonFields.repository(JsonFields.at(pr, "head", "repo"));
    return new GiteaPullRequestEvent(provider, eventName,
        Optional.ofNullable(JsonFields.text(payload, "action")),
        number,
        JsonFields.text(pr, "title"),
        JsonFields.bool(pr, false, "draft"),
        JsonFields.text(pr, "head", "sha"),
        JsonFields.text(pr, "head", "ref"),
        JsonFields.text(pr, "base", "ref"),
        headRepository,
        JsonFields.repository(JsonFields.at(payload, "repository")),
        JsonFields.bool(pr, false, "merged"));
  }


  private static String describe(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
