package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.JsonShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the parts every GitHub payload shares ({@code action}, {@code repository},
 * {@code installation}, {@code sender}) and the few list shapes the events need. Null-tolerant like
 * {@link JsonFields}: a missing or mistyped value reads as absent.
 */
final class GitHubFields {
  /** What {@link JsonFields#repository(JsonNode)} reads of a repository object. */
  static final JsonShape REPOSITORY = JsonShape.keep(
          "name", "full_name", "clone_url", "ssh_url", "html_url", "default_branch")
      .with("owner", JsonShape.keep("login", "username", "name"));

  /**
   * What {@link #action}, {@link #repository}, {@link #installationId} and {@link #senderLogin}
   * read of a payload; an event's own shape adds its members to this one.
   */
  static final JsonShape COMMON = JsonShape.keep("action")
      .with("repository", REPOSITORY)
      .with("installation", JsonShape.keep("id"))
      .with("sender", JsonShape.keep("login"));

  private GitHubFields() {}

  /** {@code action} when it is a string. */
  static Optional<String> action(JsonNode payload) {
    JsonNode action = JsonFields.at(payload, "action");
    return action != null && action.isTextual()
        ? Optional.of(action.textValue())
        : Optional.empty();
  }

  /** The top-level {@code repository}; all fields null when absent (organization-level events). */
  static RepositoryInfo repository(JsonNode payload) {
    return JsonFields.repository(JsonFields.at(payload, "repository"));
  }

  /** {@code installation.id}, present for deliveries to a GitHub App. */
  static Optional<Long> installationId(JsonNode payload) {
    return Optional.ofNullable(JsonFields.wholeNumber(JsonFields.at(payload, "installation", "id")));
  }

  /** {@code sender.login}. */
  static Optional<String> senderLogin(JsonNode payload) {
    return Optional.ofNullable(JsonFields.text(payload, "sender", "login"));
  }


  /** The scalar elements of an array as text, skipping nulls and containers. */
  static List<String> texts(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      String text = JsonFields.text(element);
      if (text != null) {
        out.add(text);
      }
    }
    return List.copyOf(out);
  }

  /** The text of {@code field} in each object of an array, skipping elements without it. */
  static List<String> texts(JsonNode array, String field) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      String text = JsonFields.text(element, field);
      if (text != null) {
        out.add(text);
      }
    }
    return List.copyOf(out);
  }

  /** The whole number in {@code field} of each object of an array, skipping those without one. */
  static List<Long> numbers(JsonNode array, String field) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return List.of();
    }
    List<Long> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      Long number = JsonFields.wholeNumber(JsonFields.at(element, field));
      if (number != null) {
        out.add(number);
      }
    }
    return List.copyOf(out);
  }

  /**
   * An object's members as text: strings, numbers and booleans as their text, arrays and objects
   * as their JSON, JSON {@code null} skipped. Keeps the payload's order.
   */
  static Map<String, String> scalarTexts(JsonNode object) {
    if (object == null || !object.isObject() || object.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      JsonNode value = member.getValue();
      if (value == null || value.isNull() || value.isMissingNode()) {
        continue;
      }
      out.put(member.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    return Collections.unmodifiableMap(out);
  }

  /** An unmodifiable, order-keeping copy that rejects null keys and values. */
  static Map<String, String> copyOrdered(Map<String, String> map, String name) {
    Objects.requireNonNull(map, name);
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<String, String> entry : map.entrySet()) {
      copy.put(Objects.requireNonNull(entry.getKey(), () -> name + " key"),
          Objects.requireNonNull(entry.getValue(), () -> name + " value"));
    }
    return Collections.unmodifiableMap(copy);
  }

}
