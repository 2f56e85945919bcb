package dev.buildbridge.workflow.kdl;

import dev.buildbridge.workflow.kdl.KdlParseException.Reason;

/**
 * The text being read, turning char offsets into {@link KdlLocation}s and error snippets. Line
 * breaks are the KDL newlines of the version read; columns count code points. Locations asked for
 * in increasing order (as the reader does) cost O(1) amortized: a cursor moves forward only.
 */
final class SourceText {
  /** Longest line, in code points, shown whole in a snippet; longer ones are cut around it. */
  static final int SNIPPET_WIDTH = 120;

  private final char[] s;
  private final int n;
  private final String file;
  private final boolean v2;

  private int curOffset;
  private int curLine = 1;
  private int curCol;

  SourceText(char[] s, int n, String file, boolean v2) {
    this.s = s;
    this.n = n;
    this.file = file;
    this.v2 = v2;
  }

  /** Returns the location of the character at {@code offset} (which may be the end of the text). */
  KdlLocation locate(int offset) {
    if (offset < curOffset) {
      curOffset = 0;
      curLine = 1;
      curCol = 0;
    }
    int end = Math.min(offset, n);
    int line = curLine;
    int col = curCol;
    char[] s = this.s;
    for (int i = curOffset; i < end; i++) {
      char c = s[i];
      if (c >= 0x20 && c < 0x7F) {
        col++;
      } else if (c == '\r') {
        if (i + 1 >= n || s[i + 1] != '\n') {
          line++;
          col = 0;
        }
      } else if (KdlChars.isNewline(c, v2)) {
        line++;
        col = 0;
      } else if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s[i - 1]))) {
        col++;
      }
    }
    curOffset = end;
    curLine = line;
    curCol = col;
    return new KdlLocation(file, line, col + 1);
  }

  /** Creates the exception for a failure at {@code offset}. */
  KdlParseException error(Reason reason, String detail, int offset) {
    KdlLocation location = locate(offset);
    return new KdlParseException(reason, detail, location, snippet(offset));
  }

  private boolean isBreak(char c) {
    return KdlChars.isNewline(c, v2);
  }

  /**
   * Returns the line holding {@code offset} and a caret line under it. Control, format and
   * separator characters (tabs, bidi controls...) are shown as spaces, so the caret stays aligned
   * and the terminal shows what is really there.
   */
  String snippet(int offset) {
    int at = Math.min(Math.max(offset, 0), n);
    int ls = at;
    while (ls > 0 && !isBreak(s[ls - 1])) {
      ls--;
    }
    int le = at;
    while (le < n && !isBreak(s[le])) {
      le++;
    }
    int caret = Character.codePointCount(s, ls, at - ls);
    int total = caret + Character.codePointCount(s, at, le - at);
    int from = 0;
    int to = total;
    if (total > SNIPPET_WIDTH) {
      from = Math.max(0, Math.min(caret - SNIPPET_WIDTH / 2, total - SNIPPET_WIDTH));
      to = Math.min(total, from + SNIPPET_WIDTH);
    }
    StringBuilder out = new StringBuilder(Math.min(le - ls, SNIPPET_WIDTH * 2) + 16);
    String lead = from > 0 ? "..." : "";
    out.append(lead);
    int i = ls;
    for (int cp = 0; i < le && cp < to; cp++) {
      int c = Character.codePointAt(s, i, le);
      i += Character.charCount(c);
      if (cp >= from) {
        appendVisible(out, c);
      }
    }
    if (to < total) {
      out.append("...");
    }
    out.append('\n');
    for (int k = lead.length() + caret - from; k > 0; k--) {
      out.append(' ');
    }
    return out.append('^').toString();
  }

  private static void appendVisible(StringBuilder out, int c) {
    int type = Character.getType(c);
    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      out.append(' ');
    } else {
      out.appendCodePoint(c);
    }
  }
}
