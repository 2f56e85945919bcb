package dev.buildbridge.kcidb;

import java.io.Serializable;
import java.util.Objects;

/**
 * One way a KCIDB document breaks the rules: where, as an RFC 6901 JSON pointer into the
 * document, and what, in a short sentence. {@link #toString()} joins them as
 * {@code /builds/0/start_time: needs a timezone offset (Z or ±hh:mm)}.
 *
 * <pre>{@code
 * for (Violation v : KcidbValidator.officialSchema().validate(json).violations()) {
 *     System.err.println(v); // "/tests/3/path: has an empty segment ('..') at index 4"
 * }
 * }</pre>
 *
 * @param pointer the JSON pointer of the offending value ({@code ""} for the document itself); a
 *     missing required property is reported at the pointer it would have
 * @param message what is wrong, such as {@code needs a timezone offset (Z or ±hh:mm)}
 */
public record Violation(String pointer, String message) implements Serializable {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException when either is null
   */
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns {@code pointer: message}; the document itself shows as {@code (document)}.
   *
   * @return the violation on one line
   */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
  }

  /**
   * Escapes one property name or index for a JSON pointer (RFC 6901): {@code ~} becomes
   * {@code ~0} and {@code /} becomes {@code ~1}.
   *
   * @param token the property name
   * @return the escaped token, without the leading {@code /}
   * @throws NullPointerException when {@code token} is null
   */
  public static String escape(String token) {
    StringBuilder b = new StringBuilder(token.length() + 4);
    appendEscaped(b, token);
    return b.toString();
  }

  static void appendEscaped(StringBuilder b, String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        b.append("~0");
      } else if (c == '/') {
        b.append("~1");
      } else {
        b.append(c);
      }
    }
  }
}
