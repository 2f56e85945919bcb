package dev.buildbridge.api.internal;

import java.util.Locale;

/**
 * Reads the {@code rel="next"} target of an RFC 8288 {@code Link} header, such as GitHub's
 * {@code <https://api.github.com/repositories/1/check-runs?page=2>; rel="next", <...>; rel="last"}.
 * A hand-written scanner: the header comes from the network and is bounded before reading.
 */
public final class LinkHeader {
  /** Longest header read. */
  public static final int MAX_LENGTH = 16 * 1024;

  private LinkHeader() {}

  /**
   * Returns the target of the first link whose {@code rel} includes {@code next}.
   *
   * @param header the header value
   * @return the target URI reference as written, or null when there is no next link
   * @throws IllegalArgumentException if the header is too long or malformed
   */
  public static String next(String header) {
    if (header.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("Link header is longer than " + MAX_LENGTH + " chars");
    }
    int i = 0;
    int n = header.length();
    while (true) {
      i = skip(header, i, " \t,");
      if (i >= n) {
        return null;
      }
      if (header.charAt(i) != '<') {
        throw new IllegalArgumentException("Link header: expected '<' at index " + i);
      }
      int close = header.indexOf('>', i + 1);
      if (close < 0) {
        throw new IllegalArgumentException("Link header: no '>' after index " + i);
      }
      String target = header.substring(i + 1, close).strip();
      i = close + 1;
      boolean next = false;
      // parameters: ; name=value | ; name="quoted"
      while (true) {
        i = skip(header, i, " \t");
        if (i >= n || header.charAt(i) == ',') {
          break;
        }
        if (header.charAt(i) != ';') {
          throw new IllegalArgumentException("Link header: expected ';' or ',' at index " + i);
        }
        i = skip(header, i + 1, " \t");
        int nameStart = i;
        while (i < n && " \t=;,".indexOf(header.charAt(i)) < 0) {
          i++;
        }
        String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
        i = skip(header, i, " \t");
        String value = "";
        if (i < n && header.charAt(i) == '=') {
          i = skip(header, i + 1, " \t");
          if (i < n && header.charAt(i) == '"') {
            int end = header.indexOf('"', i + 1);
            if (end < 0) {
              throw new IllegalArgumentException("Link header: unclosed quote at index " + i);
            }
            value = header.substring(i + 1, end);
            i = end + 1;
          } else {
            int start = i;
            while (i < n && " \t;,".indexOf(header.charAt(i)) < 0) {
              i++;
            }
            value = header.substring(start, i);
          }
        }
        if (name.equals("rel") && hasToken(value, "next")) {
          next = true;
        }
      }
      if (next) {
        return target;
      }
    }
  }

  private static boolean hasToken(String value, String token) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      i = skip(value, i, " \t");
      int start = i;
      while (i < n && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
        i++;
      }
      if (i > start && value.substring(start, i).equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  private static int skip(String s, int i, String chars) {
    while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
