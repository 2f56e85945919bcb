package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes record fields into JSON trees (absent fields are left out, never written as null) and
 * reads them back from trees the validator accepted.
 */
final class JsonIo {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonIo() {}

  static void put(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  static void put(ObjectNode o, String key, Boolean value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  /** A number; whole values within 2^53 are written without a fraction ({@code 258}, not 258.0). */
  static void put(ObjectNode o, String key, Double value) {
    if (value != null) {
      double d = value;
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53 && !(d == 0 && 1 / d < 0)) {
        o.put(key, (long) d);
      } else {
        o.put(key, d);
      }
    }
  }

  static void put(ObjectNode o, String key, OffsetDateTime value) {
    if (value != null) {
      o.put(key, Rfc3339.format(value));
    }
  }

  static void put(ObjectNode o, String key, KcidbStatus value) {
    if (value != null) {
      o.put(key, value.name());
    }
  }

  static void putObject(ObjectNode o, String key, ObjectNode value) {
    if (value != null) {
      o.set(key, value.deepCopy());
    }
  }

  static void putStrings(ObjectNode o, String key, List<String> values) {
    if (values != null) {
      ArrayNode array = o.putArray(key);
      for (String value : values) {
        array.add(value);
      }
    }
  }

  static void putResources(ObjectNode o, String key, List<Resource> values) {
    if (values != null) {
      ArrayNode array = o.putArray(key);
      for (Resource value : values) {
        array.add(value.toJsonNode());
      }
    }
  }

  static String text(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : value.textValue();
  }

  static Boolean bool(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : value.booleanValue();
  }

  static Double number(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : value.doubleValue();
  }

  static OffsetDateTime time(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : Rfc3339.parse(value.textValue());
  }

  static KcidbStatus status(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : KcidbStatus.valueOf(value.textValue());
  }

  static ObjectNode object(JsonNode o, String key) {
    JsonNode value = o.get(key);
    return value == null ? null : (ObjectNode) value.deepCopy();
  }

  static List<String> strings(JsonNode o, String key) {
    JsonNode value = o.get(key);
    if (value == null) {
      return null;
    }
    List<String> list = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      list.add(element.textValue());
    }
    return list;
  }

  static List<Resource> resources(JsonNode o, String key) {
    JsonNode value = o.get(key);
    if (value == null) {
      return null;
    }
    List<Resource> list = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      list.add(new Resource(element.get("name").textValue(), element.get("url").textValue()));
    }
    return list;
  }
}
