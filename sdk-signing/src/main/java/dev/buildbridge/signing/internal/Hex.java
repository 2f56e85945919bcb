package dev.buildbridge.signing.internal;

/**
 * Hexadecimal encoding and decoding without regular expressions or intermediate strings. Not part of
 * the public API: no compatibility promise.
 *
 * <p>Decoding is split in two steps so that callers can report precisely what is wrong with a header:
 * {@link #indexOfNonHex} finds the first character that is not a hex digit, then {@link #decode}
 * converts a range already known to be valid and of even length. Both accept upper- and lower-case
 * digits. Decoding branches on the digits it reads; use it on attacker-supplied values (a received
 * signature), never on secrets.
 */
public final class Hex {
  private static final char[] LOWER_DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Returns the value of one hex digit.
   *
   * @param c a character
   * @return 0 to 15, or -1 when {@code c} is not {@code 0-9}, {@code a-f} or {@code A-F}
   */
  public static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int lower = c | 0x20; // maps 'A'-'F' onto 'a'-'f' and leaves no other character in that range
    if (lower >= 'a' && lower <= 'f') {
      return lower - 'a' + 10;
    }
    return -1;
  }

  /**
   * Finds the first character in {@code s[from, to)} that is not a hex digit.
   *
   * @param s the text
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @return the index of the first non-hex character, or -1 when all are hex digits
   */
  public static int indexOfNonHex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (digit(s.charAt(i)) < 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes {@code s[from, to)} into {@code out}, which must have room for exactly
   * {@code (to - from) / 2} bytes.
   *
   * @param s text holding only hex digits in the range (check with {@link #indexOfNonHex} first)
   * @param from first index, inclusive
   * @param to last index, exclusive; {@code to - from} must be even
   * @param out receives the bytes
   * @throws IllegalArgumentException if the range has odd length, does not fit {@code out}, or holds a
   *     non-hex character
   */
  public static void decode(CharSequence s, int from, int to, byte[] out) {
    int digits = to - from;
    if ((digits & 1) != 0 || digits / 2 != out.length) {
      throw new IllegalArgumentException(
          "range of " + digits + " hex digits does not decode to " + out.length + " bytes");
    }
    for (int i = 0, j = from; i < out.length; i++, j += 2) {
      int high = digit(s.charAt(j));
      int low = digit(s.charAt(j + 1));
      if ((high | low) < 0) {
        throw new IllegalArgumentException("non-hex character at index " + (high < 0 ? j : j + 1));
      }
      out[i] = (byte) (high << 4 | low);
    }
  }

  /**
   * Encodes bytes as lower-case hex after a prefix, in a single string allocation.
   *
   * @param prefix text to put first, such as {@code "sha256="}; may be empty
   * @param bytes the bytes to encode
   * @return {@code prefix} followed by two lower-case hex digits per byte
   */
  public static String encode(String prefix, byte[] bytes) {
    int p = prefix.length();
    char[] chars = new char[p + bytes.length * 2];
    prefix.getChars(0, p, chars, 0);
    for (int i = 0, j = p; i < bytes.length; i++, j += 2) {
      int b = bytes[i] & 0xff;
      chars[j] = LOWER_DIGITS[b >>> 4];
      chars[j + 1] = LOWER_DIGITS[b & 0x0f];
    }
    return new String(chars);
  }
}
