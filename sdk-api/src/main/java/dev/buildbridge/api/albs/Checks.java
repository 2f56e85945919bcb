package dev.buildbridge.api.albs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the client and the request records; messages name the argument. */
final class Checks {
  private Checks() {}

  static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static Long nullOrPositive(Long value, String name) {
    if (value != null) {
      positive(value, name);
    }
    return value;
  }

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  static String nullOrNonBlank(String value, String name) {
    return value == null ? null : nonBlank(value, name);
  }

  /** Copies a collection of texts, refusing null or blank elements by index. */
  static List<String> texts(Collection<String> values, String name) {
    Objects.requireNonNull(values, name);
    List<String> out = new ArrayList<>(values.size());
    int i = 0;
    for (String value : values) {
      if (value == null) {
        throw new NullPointerException(name + "[" + i + "] is null");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + "[" + i + "] is blank");
      }
      out.add(value);
      i++;
    }
    return List.copyOf(out);
  }

  /** Copies a collection of ids, refusing null or non-positive elements by index. */
  static List<Long> ids(Collection<Long> values, String name) {
    Objects.requireNonNull(values, name);
    List<Long> out = new ArrayList<>(values.size());
    int i = 0;
    for (Long value : values) {
      if (value == null) {
        throw new NullPointerException(name + "[" + i + "] is null");
      }
      positive(value, name + "[" + i + "]");
      out.add(value);
      i++;
    }
    return List.copyOf(out);
  }

  /** Checks a hex SHA-256 digest and returns it in lower case, as Pulp reports it. */
  static String sha256(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.length() != 64) {
      throw new IllegalArgumentException(name + " must be 64 hex digits (SHA-256), has "
          + value.length() + " characters");
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        throw new IllegalArgumentException(name + " has a character that is not a hex digit at"
            + " index " + i);
      }
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
