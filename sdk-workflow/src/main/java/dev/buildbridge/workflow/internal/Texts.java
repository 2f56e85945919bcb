package dev.buildbridge.workflow.internal;

import java.util.Collection;
import java.util.Iterator;

/** Text for one-line messages: bounded, quoted, without control characters. */
public final class Texts {
  private static final int MAX_LISTED = 20;

  private Texts() {}

  /**
   * Quotes a name or value for a message: {@link #cut(String)} in double quotes.
   *
   * @param s the text
   * @return the quoted text
   */
  public static String quote(String s) {
    return '"' + cut(s) + '"';
  }

  /**
   * Makes a name or value fit a one-line message: cut to 80 characters (then {@code ...}),
   * double quotes and backslashes escaped, control characters as backslash-u escapes.
   *
   * @param s the text
   * @return the text to show
   */
  public static String cut(String s) {
    int end = Math.min(s.length(), 80);
    if (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append("\\u00").append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xf, 16));
      } else {
        sb.append(c);
      }
    }
    return s.length() > end ? sb.append("...").toString() : sb.toString();
  }

  /**
   * Lists names for a message, each {@link #cut(String) cut}, at most 20 then
   * {@code and N more}.
   *
   * @param names the names
   * @return such as {@code a, b, c}
   */
  public static String list(Collection<String> names) {
    StringBuilder sb = new StringBuilder();
    Iterator<String> it = names.iterator();
    int listed = 0;
    while (it.hasNext() && listed < MAX_LISTED) {
      sb.append(listed == 0 ? "" : ", ").append(cut(it.next()));
      listed++;
    }
    if (names.size() > listed) {
      sb.append(", and ").append(names.size() - listed).append(" more");
    }
    return sb.toString();
  }
}
