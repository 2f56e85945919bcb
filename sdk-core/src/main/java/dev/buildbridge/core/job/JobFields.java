package dev.buildbridge.core.job;

/** Field checks shared by the job message records. */
final class JobFields {
  private JobFields() {}

  static String schema(String given, String expected) {
    if (given == null) {
      return expected;
    }
    if (!given.equals(expected)) {
      throw new IllegalArgumentException(
          "schema_version must be \"" + expected + "\", was \"" + given + "\"");
    }
    return given;
  }

  static void required(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  static void requiredText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
  }
}
