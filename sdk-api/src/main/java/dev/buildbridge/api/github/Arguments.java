package dev.buildbridge.api.github;

import java.util.Objects;

/** Argument checks shared by the request records; messages name the argument. */
final class Arguments {
  private Arguments() {}

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

  static String maxChars(String value, int max, String name) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw new IllegalArgumentException(name + " has "
          + value.codePointCount(0, value.length()) + " characters, more than GitHub's limit of "
          + max);
    }
    return value;
  }
}
