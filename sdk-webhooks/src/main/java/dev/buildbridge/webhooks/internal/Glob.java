package dev.buildbridge.webhooks.internal;

import java.util.Objects;

/**
 * A branch, tag or repository pattern: {@code *} matches any run of characters other than
 * {@code /}, {@code **} any run including {@code /}, {@code ?} one character other than {@code /};
 * everything else matches itself. Each (pattern position, text position) pair after a star is
 * tried at most once, so matching takes O(pattern x text) time without regex, whatever the text.
 */
public final class Glob {
  private final String pattern;

  private Glob(String pattern) {
    this.pattern = pattern;
  }

  /**
   * Compiles a pattern.
   *
   * @param pattern such as {@code release/*} or {@code **}
   * @return the glob
   * @throws IllegalArgumentException when the pattern is empty
   */
  public static Glob of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("glob pattern is empty");
    }
    return new Glob(pattern);
  }

  /**
   * Tells whether the text matches the whole pattern.
   *
   * @param text a branch, tag or repository name
   * @return true on a match
   */
  public boolean matches(String text) {
    Objects.requireNonNull(text, "text");
    return match(0, text, 0, new byte[(pattern.length() + 1) * (text.length() + 1)]);
  }

  /** {@code failed[p * (text.length() + 1) + t] == 1} once (p, t) is known not to match. */
  private boolean match(int p, String text, int t, byte[] failed) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        boolean crossSlash = p + 1 < pattern.length() && pattern.charAt(p + 1) == '*';
        int next = crossSlash ? p + 2 : p + 1;
        for (int i = t; i <= text.length(); i++) {
          int slot = next * (text.length() + 1) + i;
          if (failed[slot] == 0) {
            if (match(next, text, i, failed)) {
              return true;
            }
            failed[slot] = 1;
          }
          if (i < text.length() && !crossSlash && text.charAt(i) == '/') {
            return false;
          }
        }
        return false;
      }
      if (t >= text.length()) {
        return false;
      }
      char actual = text.charAt(t);
      if (c == '?' ? actual == '/' : c != actual) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }

  /**
   * Returns the pattern.
   *
   * @return the pattern text
   */
  @Override
  public String toString() {
    return pattern;
  }
}
