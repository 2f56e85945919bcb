package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Argument checks shared by the records' constructors and builders: each names the property and
 * says what is wrong, with the rule of {@link Syntax} the validator applies to the same JSON field.
 */
final class Checks {
  private Checks() {}

  /** A required string that must follow {@code rule}. */
  static String required(String name, String value, Function<String, String> rule) {
    Objects.requireNonNull(value, name);
    return optional(name, value, rule);
  }

  /** An optional string (null allowed) that must follow {@code rule} when present. */
  static String optional(String name, String value, Function<String, String> rule) {
    if (value != null) {
      String problem = rule.apply(value);
      if (problem != null) {
        throw new IllegalArgumentException(name + " " + problem + " (was " + quote(value) + ")");
      }
    }
    return value;
  }

  /** Free text outside {@code misc}: no NUL. */
  static String text(String name, String value) {
    return optional(name, value, Syntax::text);
  }

  /** An object's id: {@code origin:local}, with a non-empty local part. */
  static String ownId(String id, String origin) {
    required("id", id, Syntax::id);
    required("origin", origin, Syntax::origin);
    if (!id.startsWith(origin) || id.charAt(origin.length()) != ':') {
      throw new IllegalArgumentException("id " + quote(id) + " does not start with its origin "
          + quote(origin + ":"));
    }
    if (id.length() == origin.length() + 1) {
      throw new IllegalArgumentException("id " + quote(id) + " has an empty local part");
    }
    return id;
  }

  /** Builds {@code origin:localId}, checking both parts. */
  static String joinId(String origin, String localId) {
    required("origin", origin, Syntax::origin);
    Objects.requireNonNull(localId, "localId");
    if (localId.isEmpty()) {
      throw new IllegalArgumentException("localId must not be empty");
    }
    text("localId", localId);
    return origin + ":" + localId;
  }

  /** The origin of a full id: the part before the first {@code ':'}. */
  static String originOf(String id) {
    required("id", id, Syntax::id);
    return id.substring(0, id.indexOf(':'));
  }

  static OffsetDateTime time(String name, OffsetDateTime value) {
    if (value != null) {
      String problem = Rfc3339.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(name + ": " + problem);
      }
    }
    return value;
  }

  static Double finite(String name, Double value) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }

  static long notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  /** An optional list: null stays null (absent), otherwise an unmodifiable copy. */
  static <T> List<T> list(String name, List<T> value) {
    if (value == null) {
      return null;
    }
    List<T> copy = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      T element = value.get(i);
      if (element == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
      copy.add(element);
    }
    return Collections.unmodifiableList(copy);
  }

  /** An optional list of strings that must each follow {@code rule}. */
  static List<String> strings(String name, List<String> value, Function<String, String> rule) {
    List<String> copy = list(name, value);
    if (copy != null) {
      for (int i = 0; i < copy.size(); i++) {
        optional(name + "[" + i + "]", copy.get(i), rule);
      }
    }
    return copy;
  }

  /** A required list for documents: null becomes empty, otherwise an unmodifiable copy. */
  static <T> List<T> elements(String name, List<T> value) {
    return value == null ? List.of() : list(name, value);
  }

  /** How deep a {@code misc} tree may nest, so that written documents always parse back. */
  static final int MAX_MISC_DEPTH = 64;

  /**
   * A copy of a {@code misc} tree, with numbers in the node types a JSON parser gives them (so a
   * record equals itself read back from its JSON); refuses what JSON cannot hold.
   */
  static ObjectNode misc(ObjectNode value) {
    return value == null ? null : (ObjectNode) canonical(value, "misc", 1);
  }

  private static JsonNode canonical(JsonNode node, String where, int depth) {
    if (depth > MAX_MISC_DEPTH) {
      throw new IllegalArgumentException(where + " is nested deeper than " + MAX_MISC_DEPTH
          + " levels");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (node.getNodeType()) {
      case OBJECT: {
        ObjectNode copy = nodes.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          copy.set(e.getKey(), canonical(e.getValue(), where + "." + e.getKey(), depth + 1));
        }
        return copy;
      }
      case ARRAY: {
        ArrayNode copy = nodes.arrayNode(node.size());
        for (int i = 0; i < node.size(); i++) {
          copy.add(canonical(node.get(i), where + "[" + i + "]", depth + 1));
        }
        return copy;
      }
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToInt() ? nodes.numberNode(node.intValue())
              : node.canConvertToLong() ? nodes.numberNode(node.longValue())
              : nodes.numberNode(node.bigIntegerValue());
        }
        double d = node.isFloat() ? Double.parseDouble(Float.toString(node.floatValue()))
            : node.doubleValue();
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException(where + " is not a finite number: " + d);
        }
        return nodes.numberNode(d);
      case BINARY:
        return nodes.textNode(node.asText());
      case STRING:
      case BOOLEAN:
      case NULL:
        return node.deepCopy();
      default:
        throw new IllegalArgumentException(where + " holds a " + node.getNodeType()
            + " node, which is not JSON");
    }
  }

  /** A value for a message: quoted, control characters escaped, cut after 60 characters. */
  static String quote(String value) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), 64) + 2).append('"');
    int limit = Math.min(value.length(), 60);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (value.length() > limit) {
      b.append("...");
    }
    return b.toString();
  }

  /** For merging: the first non-null value, as KCIDB keeps the first non-null value it stored. */
  static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
