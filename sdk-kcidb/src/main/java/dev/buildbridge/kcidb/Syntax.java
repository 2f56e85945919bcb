package dev.buildbridge.kcidb;

/**
 * The string rules of the KCIDB v5.3 schema as character loops: each method returns {@code null}
 * when the value is fine and a short message saying what is wrong otherwise. No regular
 * expressions, no allocation unless there is something to report.
 *
 * <p>Patterns follow JSON Schema (ECMA-262) semantics: {@code $} is the end of the string. The
 * official Python validator uses {@code re.search}, whose {@code $} also matches before one final
 * {@code \n}; such values (an origin {@code "abc\n"}) are refused here on purpose.
 */
final class Syntax {
  /** {@code maxLength} of every {@code log_excerpt}, in code points. */
  static final int MAX_LOG_EXCERPT = 16_384;

  private Syntax() {}

  /** Strings outside {@code misc}: {@code ^[^\0]*$}. */
  static String text(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? null : "contains a NUL character at index " + nul;
  }

  /** Origins: {@code ^[a-z0-9_]+$}. */
  static String origin(String s) {
    if (s.isEmpty()) {
      return "must not be empty (a-z, 0-9 and _ only)";
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isOriginChar(s.charAt(i))) {
        return "has " + describe(s.charAt(i)) + " at index " + i + " (a-z, 0-9 and _ only)";
      }
    }
    return null;
  }

  /** Object ids and links: {@code ^[a-z0-9_]+:[^\0]*$}. */
  static String id(String s) {
    int i = 0;
    while (i < s.length() && isOriginChar(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s.isEmpty() ? "must not be empty; expected \"origin:local_id\""
          : "has no ':'; expected \"origin:local_id\"";
    }
    char c = s.charAt(i);
    if (c != ':') {
      return s.indexOf(':') < 0 ? "has no ':'; expected \"origin:local_id\""
          : "origin part has " + describe(c) + " at index " + i + " (a-z, 0-9 and _ only)";
    }
    if (i == 0) {
      return "origin part before ':' is empty";
    }
    int nul = s.indexOf('\0', i);
    return nul < 0 ? null : "contains a NUL character at index " + nul;
  }

  /** {@code architecture}: {@code ^[a-z0-9_]*$}. */
  static String architecture(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isOriginChar(s.charAt(i))) {
        return "has " + describe(s.charAt(i)) + " at index " + i + " (a-z, 0-9 and _ only)";
      }
    }
    return null;
  }

  /** {@code git_commit_hash}: {@code ^[0-9a-f]{40}$}. */
  static String sha1(String s) {
    return lowerHex(s, 40, false);
  }

  /** {@code patchset_hash}: {@code ^$|^[0-9a-f]{64}$}. */
  static String patchsetHash(String s) {
    return lowerHex(s, 64, true);
  }

  private static String lowerHex(String s, int length, boolean emptyAllowed) {
    if (s.isEmpty() && emptyAllowed) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return "has " + describe(c) + " at index " + i + " (lower-case hex only)";
      }
    }
    if (s.length() != length) {
      return "must be " + length + " hex digits" + (emptyAllowed ? " or empty" : "") + ", has "
          + s.length();
    }
    return null;
  }

  /** Test paths and issue categories: {@code ^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$}. */
  static String path(String s) {
    boolean segmentStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (segmentStart) {
          return i == 0 ? "starts with '.'" : "has an empty segment ('..') at index " + (i - 1);
        }
        segmentStart = true;
      } else if (isPathChar(c)) {
        segmentStart = false;
      } else {
        return "has " + describe(c) + " at index " + i
            + " (dot-separated segments of A-Z, a-z, 0-9, _ and - only)";
      }
    }
    return segmentStart && !s.isEmpty() ? "ends with '.'" : null;
  }

  /** Resource names: {@code ^[^/\0]+$}. */
  static String resourceName(String s) {
    if (s.isEmpty()) {
      return "must not be empty";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\0') {
        return "has " + describe(c) + " at index " + i + " (a file name: no '/', no NUL)";
      }
    }
    return null;
  }

  /**
   * Device-tree compatible strings: {@code ^[^ \0]+(,[^ \0]+)*$}. A comma is itself in
   * {@code [^ \0]}, so this is simply "non-empty, no space, no NUL".
   */
  static String compatible(String s) {
    if (s.isEmpty()) {
      return "must not be empty";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\0') {
        return "has " + describe(c) + " at index " + i + " (no spaces, no NUL)";
      }
    }
    return null;
  }

  /** {@code log_excerpt}: no NUL and at most 16384 code points. */
  static String logExcerpt(String s) {
    String nul = text(s);
    if (nul != null) {
      return nul;
    }
    if (s.length() > MAX_LOG_EXCERPT) {
      int codePoints = s.codePointCount(0, s.length());
      if (codePoints > MAX_LOG_EXCERPT) {
        return "is " + codePoints + " code points long, over the limit of " + MAX_LOG_EXCERPT;
      }
    }
    return null;
  }

  /** {@code git_repository_url}: format {@code uri} and pattern {@code ^https://[^\0]*$}. */
  static String httpsUrl(String s) {
    if (!s.startsWith("https://")) {
      return "must start with https:// (KCIDB v5 refuses git:// and http://)";
    }
    return uri(s);
  }

  /**
   * Format {@code email} as the official validator (python-jsonschema) checks it: the value has an
   * {@code @}. A Message-ID such as {@code <id@host>} passes, as it does there.
   */
  static String email(String s) {
    return s.indexOf('@') >= 0 ? null : "is not an e-mail address (no '@')";
  }

  /** {@code message_id} as this SDK writes it: an {@code @} and no NUL. */
  static String messageId(String s) {
    String nul = text(s);
    return nul != null ? nul : email(s);
  }

  /** Format {@code date-time}; see {@link Rfc3339#problem(String)}. */
  static String dateTime(String s) {
    return Rfc3339.problem(s);
  }

  /** Format {@code uri}; see {@link UriSyntax#problem(String)}. */
  static String uri(String s) {
    return UriSyntax.problem(s);
  }

  static boolean isOriginChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
  }

  static boolean isPathChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
        || c == '-';
  }

  /** A character for a message: {@code 'x'}, or {@code U+0000} for controls and the like. */
  static String describe(char c) {
    if (c >= 0x21 && c < 0x7f) {
      return "'" + c + "'";
    }
    if (c == ' ') {
      return "a space";
    }
    return String.format("U+%04X", (int) c);
  }
}
