package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one {@code status} object into Java types and remembers which it read.
 * A field whose value does not fit its type reads as absent and stays unread, so
 * {@link #unread()} keeps it with the fields no record models: nothing in the payload is lost.
 */
final class StatusFields {
  private final JsonNode status;
  private final Set<String> read = new HashSet<>();

  /** {@code status} that is absent or not an object reads as all absent. */
  StatusFields(JsonNode status) {
    this.status = status != null && status.isObject() ? status : null;
  }

  /** Returns the value, or null for absent and JSON null (both count as read). */
  private JsonNode value(String name) {
    if (status == null) {
      return null;
    }
    JsonNode value = status.get(name);
    if (value == null || value.isNull()) {
      read.add(name);
      return null;
    }
    return value;
  }

  private <T> T accept(String name, T value) {
    read.add(name);
    return value;
  }

  String text(String name) {
    JsonNode value = value(name);
    return value != null && value.isTextual() ? accept(name, value.textValue()) : null;
  }

  Boolean bool(String name) {
    JsonNode value = value(name);
    return value != null && value.isBoolean() ? accept(name, value.booleanValue()) : null;
  }

  /** Whole numbers, including a float with no fraction such as {@code 258.0}. */
  Long count(String name) {
    JsonNode value = value(name);
    Long number = value == null ? null : wholeNumber(value);
    return number != null ? accept(name, number) : null;
  }

  private static Long wholeNumber(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? value.longValue() : null;
    }
    if (value.isFloatingPointNumber()) {
      double d = value.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63) {
        return (long) d;
      }
    }
    return null;
  }

  LocalDateTime time(String name) {
    JsonNode value = value(name);
    if (value == null || !value.isTextual()) {
      return null;
    }
    LocalDateTime time = parseTime(value.textValue());
    return time != null ? accept(name, time) : null;
  }

  /**
   * TuxSuite writes {@code 2023-12-09T08:08:24.822016}: UTC without a zone. Also taken: a space for
   * the {@code T}, and a zone ({@code Z} or an offset), converted to UTC.
   */
  static LocalDateTime parseTime(String text) {
    if (text.length() < 16) {
      return null;
    }
    String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    char last = iso.charAt(iso.length() - 1);
    boolean zoned = last == 'Z' || last == 'z' || iso.indexOf('+', 10) > 0
        || iso.indexOf('-', 10) > 0;
    try {
      return zoned
          ? OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
          : LocalDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An array of strings; null elements are dropped. Empty when absent. */
  List<String> strings(String name) {
    return strings(name, false);
  }

  /** Like {@link #strings(String)}, and a single string reads as a one-element list. */
  List<String> stringOrStrings(String name) {
    return strings(name, true);
  }

  private List<String> strings(String name, boolean singleAllowed) {
    JsonNode value = value(name);
    if (value == null) {
      return List.of();
    }
    if (singleAllowed && value.isTextual()) {
      return accept(name, List.of(value.textValue()));
    }
    if (!value.isArray()) {
      return List.of();
    }
    List<String> list = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (element.isTextual()) {
        list.add(element.textValue());
      } else if (!element.isNull()) {
        return List.of();
      }
    }
    return accept(name, list);
  }

  /** An object of scalars, as text (numbers and booleans too); null values are dropped. */
  Map<String, String> stringMap(String name) {
    JsonNode value = value(name);
    if (value == null || !value.isObject()) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode element = entry.getValue();
      if (element.isValueNode() && !element.isNull()) {
        map.put(entry.getKey(), element.asText());
      } else if (!element.isNull()) {
        return Map.of();
      }
    }
    return accept(name, map);
  }

  /** An object of whole numbers; null values are dropped. */
  Map<String, Long> countMap(String name) {
    JsonNode value = value(name);
    if (value == null || !value.isObject()) {
      return Map.of();
    }
    Map<String, Long> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode element = entry.getValue();
      Long number = wholeNumber(element);
      if (number != null) {
        map.put(entry.getKey(), number);
      } else if (!element.isNull()) {
        return Map.of();
      }
    }
    return accept(name, map);
  }

  /** Any value, kept as a tree (the record copies it). */
  JsonNode tree(String name) {
    JsonNode value = value(name);
    return value != null ? accept(name, value) : null;
  }

  /** {@code false} (or an empty string) reads as empty, a string as that string. */
  Optional<String> fileOrFalse(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBoolean() && !value.booleanValue()) {
      return accept(name, Optional.empty());
    }
    if (value.isTextual()) {
      String file = value.textValue();
      return accept(name, file.isEmpty() ? Optional.empty() : Optional.of(file));
    }
    return Optional.empty();
  }

  /** The fields not read into a typed slot, in payload order; call after all reads. */
  Map<String, JsonNode> unread() {
    if (status == null) {
      return Map.of();
    }
    Map<String, JsonNode> unread = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : status.properties()) {
      if (!read.contains(entry.getKey())) {
        unread.put(entry.getKey(), entry.getValue());
      }
    }
    return unread;
  }
}
