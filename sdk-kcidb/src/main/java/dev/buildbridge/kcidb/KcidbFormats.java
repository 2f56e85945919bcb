package dev.buildbridge.kcidb;

import java.util.Objects;

/**
 * Checks and repairs for KCIDB's string rules, for code that turns foreign data (CI results, log
 * files, test names) into KCIDB objects: the same rules the {@link KcidbValidator} applies.
 *
 * <pre>{@code
 * String path = KcidbFormats.toTestPath("ltp-syscalls/accept01"); // "ltp-syscalls.accept01"
 * String excerpt = KcidbFormats.logExcerptTail(wholeLog);        // last 16384 code points
 * if (KcidbFormats.isUri(url)) {
 *     builder.logUrl(url);
 * }
 * }</pre>
 */
public final class KcidbFormats {
  /** The longest {@code log_excerpt} KCIDB takes, in Unicode code points. */
  public static final int MAX_LOG_EXCERPT_CODE_POINTS = Syntax.MAX_LOG_EXCERPT;

  private KcidbFormats() {}

  /**
   * Tells whether a string is a valid origin: {@code [a-z0-9_]+}.
   *
   * @param origin the string
   * @return true when valid
   * @throws NullPointerException when it is null
   */
  public static boolean isOrigin(String origin) {
    return Syntax.origin(Objects.requireNonNull(origin, "origin")) == null;
  }

  /**
   * Tells whether a string is a valid object id: {@code [a-z0-9_]+:} followed by anything
   * without NUL.
   *
   * @param id the string
   * @return true when valid
   * @throws NullPointerException when it is null
   */
  public static boolean isId(String id) {
    return Syntax.id(Objects.requireNonNull(id, "id")) == null;
  }

  /**
   * Tells whether a string is a URI as KCIDB's format {@code uri} requires: absolute, RFC 3986,
   * ASCII only.
   *
   * @param uri the string
   * @return true when valid
   * @throws NullPointerException when it is null
   */
  public static boolean isUri(String uri) {
    return Syntax.uri(Objects.requireNonNull(uri, "uri")) == null;
  }

  /**
   * Tells whether a string is a date-time as KCIDB's format {@code date-time} requires: RFC 3339
   * with a timezone offset.
   *
   * @param dateTime the string
   * @return true when valid
   * @throws NullPointerException when it is null
   */
  public static boolean isDateTime(String dateTime) {
    return Syntax.dateTime(Objects.requireNonNull(dateTime, "dateTime")) == null;
  }

  /**
   * Tells whether a string is a test path: dot-separated segments of {@code A-Z a-z 0-9 _ -}, or
   * empty.
   *
   * @param path the string
   * @return true when valid
   * @throws NullPointerException when it is null
   */
  public static boolean isTestPath(String path) {
    return Syntax.path(Objects.requireNonNull(path, "path")) == null;
  }

  /**
   * Turns a free-form test name into a test path: {@code /}, {@code :} and whitespace separate
   * segments like {@code .}; other characters outside {@code A-Z a-z 0-9 _ -} become {@code _};
   * empty segments are dropped. The result is deterministic, so the same name always gives the
   * same path.
   *
   * @param name a test name such as {@code ltp-syscalls/accept01}
   * @return a valid path such as {@code ltp-syscalls.accept01}; empty when the name has no
   *     segment
   * @throws NullPointerException when it is null
   */
  public static String toTestPath(String name) {
    Objects.requireNonNull(name, "name");
    StringBuilder b = new StringBuilder(name.length());
    boolean segmentOpen = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '/' || c == ':' || Character.isWhitespace(c)) {
        segmentOpen = false;
        continue;
      }
      if (!segmentOpen && b.length() > 0) {
        b.append('.');
      }
      segmentOpen = true;
      if (Character.isHighSurrogate(c) && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      }
      b.append(Syntax.isPathChar(c) ? c : '_');
    }
    return b.toString();
  }

  /**
   * Removes NUL characters, which KCIDB refuses in every string outside {@code misc}.
   *
   * @param text the text
   * @return the text without NUL (the same instance when it had none)
   * @throws NullPointerException when it is null
   */
  public static String stripNul(String text) {
    Objects.requireNonNull(text, "text");
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  /**
   * Makes a {@code log_excerpt} from a whole log: NUL removed, then the last
   * {@value #MAX_LOG_EXCERPT_CODE_POINTS} code points (a log's end usually says why it failed),
   * never splitting a surrogate pair.
   *
   * @param log the log text
   * @return a valid excerpt
   * @throws NullPointerException when it is null
   */
  public static String logExcerptTail(String log) {
    String text = stripNul(log);
    if (text.length() <= MAX_LOG_EXCERPT_CODE_POINTS) {
      return text;
    }
    int count = text.codePointCount(0, text.length());
    if (count <= MAX_LOG_EXCERPT_CODE_POINTS) {
      return text;
    }
    return text.substring(text.offsetByCodePoints(0, count - MAX_LOG_EXCERPT_CODE_POINTS));
  }
}
