package dev.buildbridge.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the model records. */
final class Names {
  private Names() {}

  static String requireNonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return value;
  }

  static void optionalNonEmpty(String value, String name) {
    if (value != null && value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
  }

  /** Like {@link #requireNonEmpty} but throws IllegalArgumentException for null too (builders). */
  static String checkArgument(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is " + (value == null ? "null" : "empty"));
    }
    return value;
  }

  /**
   * Tells whether a string is a portable environment variable name: ASCII letters, digits and
   * {@code _}, not starting with a digit.
   */
  static boolean isEnvName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !(digit && i > 0)) {
        return false;
      }
    }
    return true;
  }

  static Map<String, String> copyEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "env name");
      if (!isEnvName(name)) {
        throw new IllegalArgumentException("env name " + name + " is not a valid variable name");
      }
      copy.put(name, Objects.requireNonNull(e.getValue(), "env " + name));
    }
    return Collections.unmodifiableMap(copy);
  }
}
