package dev.buildbridge.workflow.kdl;

import dev.buildbridge.workflow.kdl.KdlParseException.Reason;

/**
 * Strict UTF-8 decoding (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF, no
 * truncated sequence. A bad byte is reported at the line and column it would have had.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Decodes {@code bytes} into a new array; {@code length[0]} receives the number of chars.
   *
   * @param v2 whether to count lines as KDL 2 does (for the error location)
   */
  static char[] decode(byte[] bytes, String file, boolean v2, int[] length) {
    int n = bytes.length;
    char[] out = new char[n];
    int o = 0;
    int i = 0;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        out[o++] = (char) b;
        i++;
        continue;
      }
      b &= 0xFF;
      int need;
      int min;
      int max = 0xBF;
      int cp;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        min = 0x80;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        min = b == 0xE0 ? 0xA0 : 0x80;
        max = b == 0xED ? 0x9F : 0xBF;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        min = b == 0xF0 ? 0x90 : 0x80;
        max = b == 0xF4 ? 0x8F : 0xBF;
        cp = b & 0x07;
      } else {
        throw invalid(out, o, file, v2, b >= 0x80 && b <= 0xBF
            ? String.format("invalid UTF-8: unexpected continuation byte 0x%02X", b)
            : String.format("invalid UTF-8: byte 0x%02X cannot start a character", b));
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
          throw invalid(out, o, file, v2, String.format(
              "invalid UTF-8: the input ends inside a character that starts with byte 0x%02X", b));
        }
        int c = bytes[i + k] & 0xFF;
        int lo = k == 1 ? min : 0x80;
        int hi = k == 1 ? max : 0xBF;
        if (c < lo || c > hi) {
          String detail = String.format("invalid UTF-8: byte 0x%02X cannot follow 0x%02X in a"
              + " character", c, bytes[i + k - 1] & 0xFF);
          if (c >= 0x80 && c <= 0xBF) {
            detail += " (an overlong form, a surrogate or above U+10FFFF)";
          }
          throw invalid(out, o, file, v2, detail);
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      i += need + 1;
      if (cp >= 0x10000) {
        out[o++] = Character.highSurrogate(cp);
        out[o++] = Character.lowSurrogate(cp);
      } else {
        out[o++] = (char) cp;
      }
    }
    length[0] = o;
    return out;
  }

  /**
   * Counts the chars that UTF-8 bytes decode to, without decoding them: one per byte that is not a
   * continuation byte, two for a four-byte sequence. Exact for valid UTF-8; for other bytes only
   * an estimate, which {@link #decode} then refuses anyway.
   */
  static long countChars(byte[] bytes) {
    long chars = 0;
    for (byte b : bytes) {
      if ((b & 0xC0) != 0x80) {
        chars += (b & 0xF8) == 0xF0 ? 2 : 1;
      }
    }
    return chars;
  }

  private static KdlParseException invalid(char[] decoded, int count, String file, boolean v2,
      String detail) {
    return new SourceText(decoded, count, file, v2).error(Reason.INVALID_ENCODING, detail, count);
  }
}
