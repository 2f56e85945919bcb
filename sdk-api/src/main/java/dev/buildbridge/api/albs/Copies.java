package dev.buildbridge.api.albs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for record components. Lists of typed items refuse null elements; free-form
 * JSON trees (mock options, platform data, release plans) keep their nulls and are copied deeply,
 * so no record exposes a mutable collection. Recursion is bounded by the JSON nesting limit of the
 * mapper that read the value, or by the caller's own structure for requests.
 */
final class Copies {
  private Copies() {}

  /** Returns an unmodifiable copy; null reads as empty; null elements are refused. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Returns a deep unmodifiable copy of a JSON object; null reads as empty. */
  static Map<String, Object> tree(Map<String, ?> map) {
    return map == null ? Map.of() : copyMap(map);
  }

  /** Returns a deep unmodifiable copy of a JSON object, or null for null (a field not sent). */
  static Map<String, Object> treeOrNull(Map<String, ?> map) {
    return map == null ? null : copyMap(map);
  }

  /** Returns a deep unmodifiable copy of a JSON array, or null for null. */
  static List<Object> arrayOrNull(List<?> list) {
    return list == null ? null : copyList(list);
  }

  private static Map<String, Object> copyMap(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (e.getKey() == null) {
        throw new NullPointerException("JSON object has a null key");
      }
      out.put(e.getKey(), copyValue(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> copyList(List<?> list) {
    List<Object> out = new ArrayList<>(list.size());
    for (Object value : list) {
      out.add(copyValue(value));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> map = (Map<String, ?>) value;
      return copyMap(map);
    }
    if (value instanceof List) {
      return copyList((List<?>) value);
    }
    return value;
  }
}
