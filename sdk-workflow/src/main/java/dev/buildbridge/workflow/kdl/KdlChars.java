package dev.buildbridge.workflow.kdl;

/**
 * Character classes of KDL 1.0.0 and 2.0.0, shared by the reader and the printer. All tests are
 * on UTF-16 units: every class below is made of BMP code points, and supplementary code points
 * (a valid surrogate pair) are ordinary identifier characters in both versions.
 */
final class KdlChars {
  /** ASCII identifier characters of KDL 2: above space, not DEL, none of {@code \/(){};[]"#=}. */
  private static final boolean[] IDENT_V2 = new boolean[128];
  /** ASCII identifier characters of KDL 1: above space, not one of {@code \/(){}<>;[]=,"}. */
  private static final boolean[] IDENT_V1 = new boolean[128];

  static {
    for (int c = 0x21; c < 0x7F; c++) {
      IDENT_V2[c] = "\\/(){};[]\"#=".indexOf(c) < 0;
      IDENT_V1[c] = "\\/(){}<>;[]=,\"".indexOf(c) < 0;
    }
    IDENT_V1[0x7F] = true;
  }

  private KdlChars() {}

  /**
   * Tells whether a character is KDL whitespace that is not a newline (the same table in both
   * versions; KDL 1 also treats the BOM as whitespace, see {@link #isSpace(char, boolean)}).
   */
  static boolean isUnicodeSpace(int c) {
    return c == ' ' || c == '\t' || (c >= 0xA0 && (c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000));
  }

  /** Whitespace of one version: {@link #isUnicodeSpace(int)}, plus the BOM anywhere in KDL 1. */
  static boolean isSpace(char c, boolean v2) {
    return isUnicodeSpace(c) || (!v2 && c == 0xFEFF);
  }

  /**
   * Tells whether a character starts a newline: CR, LF, NEL, FF, LS, PS, and in KDL 2 also VT
   * (the 2.0 test suite reads U+000B as a line break).
   */
  static boolean isNewline(char c, boolean v2) {
    if (c < 0x20) {
      return c == '\n' || c == '\r' || c == 0x0C || (v2 && c == 0x0B);
    }
    return c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /**
   * Tells whether KDL 2 forbids a code point anywhere in a document (the BOM is allowed only as the
   * very first character, which callers check). Surrogates are handled by callers.
   */
  static boolean isDisallowedV2(int c) {
    if (c < 0x20) {
      return c <= 0x08 || c >= 0x0E;
    }
    return c == 0x7F || (c >= 0x200E && (c <= 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF));
  }

  /** Tells whether a character may appear in a KDL 2 identifier string. */
  static boolean isIdentV2(char c) {
    if (c < 128) {
      return IDENT_V2[c];
    }
    return !isUnicodeSpace(c) && !isNewline(c, true) && !isDisallowedV2(c);
  }

  /**
   * Tells whether a character may appear in a KDL 1 bare identifier. {@code '/'} is not one of them
   * here; the reader accepts it inside an identifier when no comment starts there (see
   * {@link KdlReader}).
   */
  static boolean isIdentV1(char c) {
    if (c < 128) {
      return IDENT_V1[c];
    }
    return !isUnicodeSpace(c) && !isNewline(c, false) && c != 0xFEFF;
  }

  /** Tells whether {@code c} is an ASCII decimal digit. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Returns the value of a digit in a radix, or -1.
   *
   * @param c the character
   * @param radix 2, 8, 10 or 16
   */
  static int digit(char c, int radix) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return -1;
    }
    return d < radix ? d : -1;
  }

  /** Describes a character for an error message: {@code 'x'}, or its code point and name. */
  static String describe(int c) {
    if (c == '\n' || c == '\r') {
      return "a newline";
    }
    if (c > 0x20 && c < 0x7F) {
      return "'" + (char) c + "'";
    }
    String name = Character.getName(c);
    String hex = String.format("U+%04X", c);
    if (c >= 0xA0 && Character.isLetterOrDigit(c)) {
      return "'" + new String(Character.toChars(c)) + "' (" + hex + ")";
    }
    return name == null ? hex : hex + " (" + name + ")";
  }
}
