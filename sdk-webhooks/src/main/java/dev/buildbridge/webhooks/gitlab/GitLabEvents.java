package dev.buildbridge.webhooks.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.PushEvent;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses GitLab webhook bodies into {@link GitLabEvent}s, by the {@code X-Gitlab-Event} header.
 * Check {@code X-Gitlab-Token} first; this class only reads the JSON.
 *
 * <ul>
 *   <li>{@code Push Hook} and {@code Tag Push Hook} give a {@link GitLabPushEvent};
 *   <li>{@code Merge Request Hook} gives a {@link GitLabMergeRequestEvent};
 *   <li>{@code System Hook} is dispatched by its {@code object_kind} ({@code push},
 *       {@code tag_push}, {@code merge_request}), since system hooks share the project payloads;
 *   <li>anything else gives a {@link GitLabUnknownEvent} that keeps the payload.
 * </ul>
 *
 * <p>Projects become {@link RepositoryInfo}: {@code path_with_namespace} is the full name, the owner
 * is the part of it before the last {@code /} (the namespace path, such as {@code gitlab-org/security};
 * {@code namespace}, a display name, only when the path is absent), {@code name},
 * {@code git_http_url}, {@code git_ssh_url}, {@code web_url} and {@code default_branch}. A missing
 * field never fails: {@code {}} parses to a typed event whose fields are null.
 *
 * <pre>{@code
 * GitLabEvent event = GitLabEvents.parse(request.header("X-Gitlab-Event"), body);
 * if (event instanceof GitLabMergeRequestEvent mr && mr.updatesCode()) {
 *     build(mr.headRepository().cloneUrlOrSsh(), mr.headSha());
 * }
 * }</pre>
 */
public final class GitLabEvents {
  private static final String HEADER = "X-Gitlab-Event";

  private GitLabEvents() {}

  /**
   * Parses a body by its event name.
   *
   * @param eventName the {@code X-Gitlab-Event} header value, such as {@code Push Hook}; may be
   *     null, which fails with {@link Reason#MISSING_HEADER}
   * @param body the raw body, JSON
   * @return the event
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when the event name is null or
   *     blank, {@link Reason#UNEXPECTED_SHAPE} when the body is not a JSON object, or the reason
   *     of any JSON failure (malformed, invalid UTF-8, duplicate key, limits)
   * @throws NullPointerException when {@code body} is null
   */
  public static GitLabEvent parse(String eventName, byte[] body) {
    String name = checkEventName(eventName);
    Objects.requireNonNull(body, "body");
    return parseTree(name, WebhookJson.read(body));
  }

  /**
   * Reads an already parsed payload by its event name.
   *
   * @param eventName the {@code X-Gitlab-Event} header value, such as {@code Push Hook}; may be
   *     null, which fails with {@link Reason#MISSING_HEADER}
   * @param payload the payload; not modified, and not kept (unknown events keep a copy)
   * @return the event
   * @throws WebhookParseException {@link Reason#MISSING_HEADER} when the event name is null or
   *     blank, {@link Reason#UNEXPECTED_SHAPE} when the payload is not a JSON object
   * @throws NullPointerException when {@code payload} is null
   */
  public static GitLabEvent parse(String eventName, JsonNode payload) {
    String name = checkEventName(eventName);
    Objects.requireNonNull(payload, "payload");
    return parseTree(name, payload);
  }

  private static String checkEventName(String eventName) {
    if (eventName == null || eventName.isBlank()) {
      throw new WebhookParseException(Reason.MISSING_HEADER,
          "header " + HEADER + " is " + (eventName == null ? "missing" : "blank")
              + "; expected an event name such as Push Hook or Merge Request Hook");
    }
    return eventName.strip();
  }

  private static GitLabEvent parseTree(String eventName, JsonNode payload) {
    if (!payload.isObject()) {
      throw new WebhookParseException(Reason.UNEXPECTED_SHAPE, "GitLab event '" + eventName
          + "': expected a JSON object, got "
          + payload.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String kind;
    switch (eventName) {
      case "Push Hook":
      case "Tag Push Hook":
        kind = "push";
        break;
      case "Merge Request Hook":
        kind = "merge_request";
        break;
      case "System Hook":
        kind = JsonFields.text(payload, "object_kind");
        if ("tag_push".equals(kind)) {
          kind = "push";
        }
        break;
      default:
        kind = null;
        break;
    }
    if ("push".equals(kind)) {
      return push(eventName, payload);
    }
    if ("merge_request".equals(kind)) {
      return mergeRequest(eventName, payload);
    }
    return new GitLabUnknownEvent(eventName,
        Optional.ofNullable(JsonFields.text(payload, "object_attributes", "action")),
        repository(JsonFields.at(payload, "project")), payload);
  }

  private static GitLabPushEvent push(String eventName, JsonNode payload) {
    String after = JsonFields.text(payload, "after");
    return new GitLabPushEvent(eventName,
        JsonFields.text(payload, "object_kind"),
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "before"),
        after,
        JsonFields.text(payload, "checkout_sha"),
        PushEvent.isZeroCommit(after),
        JsonFields.text(payload, "user_username"),
        JsonFields.number(payload, 0, "total_commits_count"),
        repository(JsonFields.at(payload, "project")));
  }

  private static GitLabMergeRequestEvent mergeRequest(String eventName, JsonNode payload) {
    JsonNode attributes = JsonFields.at(payload, "object_attributes");
    boolean draft = JsonFields.bool(attributes, false, "draft")
        || JsonFields.bool(attributes, false, "work_in_progress");
    return new GitLabMergeRequestEvent(eventName,
        Optional.ofNullable(JsonFields.text(attributes, "action")),
        JsonFields.number(attributes, 0, "iid"),
        JsonFields.text(attributes, "title"),
        draft,
        JsonFields.text(attributes, "state"),
        JsonFields.text(attributes, "oldrev"),
        JsonFields.text(attributes, "last_commit", "id"),
        JsonFields.text(attributes, "source_branch"),
        JsonFields.text(attributes, "target_branch"),
        repository(JsonFields.at(attributes, "source")),
        repository(JsonFields.at(payload, "project")));
  }

  /** Reads a GitLab project object (webhook shape); all fields null when it is absent. */
  static RepositoryInfo repository(JsonNode project) {
    String fullName = JsonFields.text(project, "path_with_namespace");
    String owner = null;
    if (fullName != null) {
      int slash = fullName.lastIndexOf('/');
      if (slash > 0) {
        owner = fullName.substring(0, slash);
      }
    }
    if (owner == null) {
      owner = JsonFields.text(project, "namespace");
    }
    return new RepositoryInfo(owner,
        JsonFields.text(project, "name"),
        fullName,
        firstText(project, "git_http_url", "http_url"),
        firstText(project, "git_ssh_url", "ssh_url"),
        firstText(project, "web_url", "homepage"),
        JsonFields.text(project, "default_branch"));
  }

  private static String firstText(JsonNode node, String field, String fallback) {
    String value = JsonFields.text(node, field);
    return value != null ? value : JsonFields.text(node, fallback);
  }

}
