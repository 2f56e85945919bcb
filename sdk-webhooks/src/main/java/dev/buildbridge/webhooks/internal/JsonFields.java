package dev.buildbridge.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;

/**
 * Null-tolerant reads from payload trees: a missing field, a JSON {@code null} or a value of
 * another type reads as absent, never as an exception.
 */
public final class JsonFields {
  private JsonFields() {}

  /**
   * Follows a path of object fields.
   *
   * @param node where to start; may be null
   * @param path field names
   * @return the node at the path, or null when any step is absent or not an object
   */
  public static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(field);
    }
    return current == null || current.isNull() || current.isMissingNode() ? null : current;
  }

  /**
   * Reads a string at a path; numbers and booleans are given as their text.
   *
   * @param node where to start; may be null
   * @param path field names
   * @return the text, or null when absent, null or a container
   */
  public static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value != null && value.isValueNode() ? value.asText() : null;
  }

  /**
   * Reads a whole number at a path; a numeric string is accepted.
   *
   * @param node where to start; may be null
   * @param path field names
   * @param fallback what to return when absent or not a whole number
   * @return the number or the fallback
   */
  public static long number(JsonNode node, long fallback, String... path) {
    Long value = wholeNumber(at(node, path));
    return value != null ? value : fallback;
  }

  /**
   * Reads a node as a whole number: an integral number that fits a long, or a numeric string.
   *
   * @param value the node; may be null
   * @return the number, or null when absent or not a whole number
   */
  public static Long wholeNumber(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.textValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Reads a boolean at a path.
   *
   * @param node where to start; may be null
   * @param fallback what to return when absent or not a boolean
   * @param path field names
   * @return the value or the fallback
   */
  public static boolean bool(JsonNode node, boolean fallback, String... path) {
    JsonNode value = at(node, path);
    return value != null && value.isBoolean() ? value.booleanValue() : fallback;
  }

  /**
   * Reads a GitHub/Gitea-style repository object: {@code owner.login} (or {@code owner.username},
   * {@code owner.name}), {@code name}, {@code full_name}, {@code clone_url}, {@code ssh_url},
   * {@code html_url}, {@code default_branch}.
   *
   * @param repo the repository object; may be null
   * @return the repository; all fields null when {@code repo} is absent
   */
  public static RepositoryInfo repository(JsonNode repo) {
    String owner = firstText(repo, "login", "username", "name");
    return new RepositoryInfo(owner, text(repo, "name"), text(repo, "full_name"),
        text(repo, "clone_url"), text(repo, "ssh_url"), text(repo, "html_url"),
        text(repo, "default_branch"));
  }

  private static String firstText(JsonNode repo, String... ownerFields) {
    JsonNode owner = at(repo, "owner");
    for (String field : ownerFields) {
      String value = text(owner, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
