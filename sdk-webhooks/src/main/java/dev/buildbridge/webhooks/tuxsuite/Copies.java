package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for the status records: null becomes empty, null elements are dropped. */
final class Copies {
  private Copies() {}

  static List<String> list(List<String> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<String> copy = new ArrayList<>(values.size());
    for (String value : values) {
      if (value != null) {
        copy.add(value);
      }
    }
    return List.copyOf(copy);
  }

  /** Keeps the payload's order, unlike {@code Map.copyOf}. */
  static <V> Map<String, V> map(Map<String, V> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>(values.size() * 2);
    for (Map.Entry<String, V> entry : values.entrySet()) {
      if (entry.getKey() != null && entry.getValue() != null) {
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Deep-copies every tree, so the result shares no mutable node with {@code values}. */
  static Map<String, JsonNode> trees(Map<String, JsonNode> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(values.size() * 2);
    for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
      if (entry.getKey() != null && entry.getValue() != null) {
        copy.put(entry.getKey(), entry.getValue().deepCopy());
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  static JsonNode tree(JsonNode value) {
    return value == null ? null : value.deepCopy();
  }
}
