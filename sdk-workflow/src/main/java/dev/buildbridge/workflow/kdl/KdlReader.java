package dev.buildbridge.workflow.kdl;

import dev.buildbridge.workflow.kdl.KdlParseException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * One pass of the KDL grammar of one version over a char array: a hand-written scanner and an
 * explicit stack of open children blocks (no recursion), so nesting depth costs heap, never Java
 * stack. Not thread-safe; {@link KdlParser} makes one per call.
 *
 * <p>Deliberate readings where the written grammars are silent or stricter than the suites: in
 * KDL 2 a slashdash or a children block may follow the previous entry without whitespace
 * ({@code node "a"/-1}, {@code node{}}), as the 2.0 suite requires; in KDL 1 a line continuation
 * may stand between nodes, a {@code /} may appear inside a bare identifier (not first, and not
 * where it would start a comment or a slashdash, so that KDL 2 never reads the same text as
 * other data), a {@code //} comment may be empty and the last node of a
 * children block needs no terminator before the <code>}</code>, as the 1.0 suite and the common
 * KDL 1 parsers do.
 */
final class KdlReader {
  /** Digits allowed in one number literal; more are refused (BigInteger parsing is quadratic). */
  static final int MAX_NUMBER_DIGITS = 1000;
  /** Largest exponent magnitude of a decimal, so that every scale fits BigDecimal's int. */
  static final long MAX_EXPONENT = 999_999_999L;

  private static final int TOK_STRING = 0;
  private static final int TOK_BARE = 1;
  private static final int TOK_NUMBER = 2;
  private static final int TOK_KEYWORD = 3;

  private static final int KW_TRUE = 0;
  private static final int KW_FALSE = 1;
  private static final int KW_NULL = 2;
  private static final int KW_INF = 3;
  private static final int KW_NEG_INF = 4;
  private static final int KW_NAN = 5;
  private static final String[] KEYWORDS = {"true", "false", "null", "inf", "-inf", "nan"};

  private static final KdlBoolean TRUE = new KdlBoolean(null, true);
  private static final KdlBoolean FALSE = new KdlBoolean(null, false);
  private static final KdlNull NULL = new KdlNull(null);

  private static final int ENTRIES = 0;
  private static final int AFTER_BLOCK = 1;
  private static final int AFTER_DASHED_BLOCK = 2;

  private final char[] s;
  private final int n;
  private final boolean v2;
  private final KdlVersion version;
  private final int maxDepth;
  private final SourceText text;

  private int pos;
  private final StringBuilder sb = new StringBuilder(64);
  private int[] marks = new int[64];
  private char[] digits = new char[32];
  private final String[] names = new String[256];

  private int tokKind;
  private String tokString;
  private Number tokNumber;
  private int tokRadix;
  private int tokKeyword;
  /** Whether the last entry consumed node-space after itself while looking for {@code '='}. */
  private boolean pendingSpace;
  /** Where the last bare identifier ended, to explain a character glued to it. */
  private int identifierEnd = -1;

  KdlReader(char[] s, int n, String file, KdlVersion version, int maxDepth) {
    this.s = s;
    this.n = n;
    this.version = version;
    this.v2 = version == KdlVersion.V2;
    this.maxDepth = maxDepth;
    this.text = new SourceText(s, n, file, v2);
  }

  /**
   * Returns the offset of the digit of a leading {@code /- kdl-version N} marker, or -1 when the
   * text does not start with one (after an optional BOM).
   */
  static int versionMarker(char[] s, int n) {
    int p = n > 0 && s[0] == '\uFEFF' ? 1 : 0;
    if (p + 1 >= n || s[p] != '/' || s[p + 1] != '-') {
      return -1;
    }
    p += 2;
    while (p < n && KdlChars.isUnicodeSpace(s[p])) {
      p++;
    }
    String word = "kdl-version";
    if (n - p < word.length() || !regionEquals(s, p, word.length(), word)) {
      return -1;
    }
    p += word.length();
    int spaces = p;
    while (p < n && KdlChars.isUnicodeSpace(s[p])) {
      p++;
    }
    if (p == spaces || p >= n || (s[p] != '1' && s[p] != '2')) {
      return -1;
    }
    int digit = p++;
    while (p < n && KdlChars.isUnicodeSpace(s[p])) {
      p++;
    }
    return p < n && KdlChars.isNewline(s[p], true) ? digit : -1;
  }

  /** Reads the whole text. */
  KdlDocument read() {
    checkCodePoints();
    pos = n > 0 && s[0] == '\uFEFF' ? 1 : 0;
    return new KdlDocument(readNodes(), version);
  }

  KdlParseException error(Reason reason, String detail, int offset) {
    return text.error(reason, detail, offset);
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  private void checkCodePoints() {
    char[] s = this.s;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c >= 0x20 && c < 0x7F) {
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
          i++;
          continue;
        }
        throw error(Reason.INVALID_ENCODING, String.format(
            "unpaired surrogate U+%04X: the text is not valid Unicode", (int) c), i);
      }
      if (v2 && KdlChars.isDisallowedV2(c) && !(c == 0xFEFF && i == 0)) {
        throw error(Reason.INVALID_ENCODING, KdlChars.describe(c)
            + " is not allowed in a KDL 2 document"
            + (c == 0xFEFF ? " (a byte order mark may only be the first character)"
                : "; inside a quoted string write it as \\u{" + Integer.toHexString(c) + "}"), i);
      }
    }
  }

  private List<KdlNode> readNodes() {
    List<KdlNode> top = new ArrayList<>();
    ArrayList<NodeBuilder> open = new ArrayList<>();
    while (true) {
      skipLineSpace();
      NodeBuilder nb;
      if (pos >= n) {
        if (!open.isEmpty()) {
          NodeBuilder b = open.get(open.size() - 1);
          throw syntax("unterminated children block: the '{' at " + where(b.blockStart)
              + " of node " + b.name + " has no matching '}'", n);
        }
        return top;
      }
      if (s[pos] == '}') {
        if (open.isEmpty()) {
          throw syntax("unexpected '}': no children block is open", pos);
        }
        pos++;
        nb = open.remove(open.size() - 1);
        nb.closeBlock();
      } else {
        nb = startNode(open.isEmpty() ? null : open.get(open.size() - 1));
      }
      if (continueNode(nb)) {
        if (open.size() >= maxDepth) {
          throw error(Reason.TOO_DEEP, "children blocks are nested more than " + maxDepth
              + " levels deep", pos - 1);
        }
        open.add(nb);
      } else if (!nb.discard) {
        KdlNode node = nb.build();
        if (open.isEmpty()) {
          top.add(node);
        } else {
          open.get(open.size() - 1).addChild(node);
        }
      }
    }
  }

  /** Reads an optional slashdash, the type annotation and the name of a node. */
  private NodeBuilder startNode(NodeBuilder parent) {
    boolean dashed = false;
    if (s[pos] == '/' && at(pos + 1) == '-') {
      int dash = pos;
      pos += 2;
      if (v2) {
        skipLineSpace();
      } else {
        skipNodeSpace();
      }
      if (pos >= n || s[pos] == '}' || s[pos] == ';') {
        throw syntax("expected a node after the slashdash '/-' at " + where(dash) + ", found "
            + describeAt(pos), pos);
      }
      if (s[pos] == '/' && at(pos + 1) == '-') {
        throw syntax("a slashdash '/-' cannot comment out another slashdash", pos);
      }
      dashed = true;
    }
    NodeBuilder nb = new NodeBuilder(dashed || (parent != null && parent.discardsChildren()));
    int start = pos;
    String type = null;
    if (s[pos] == '(') {
      type = readType();
      if (v2) {
        skipNodeSpace();
      }
    }
    int nameStart = pos;
    scanToken("a node name");
    if (tokKind != TOK_STRING && tokKind != TOK_BARE) {
      throw syntax("a node name cannot be " + tokenKindName() + "; quote it", nameStart);
    }
    nb.type = type;
    nb.name = tokString;
    if (!nb.discard) {
      nb.location = text.locate(start);
    }
    return nb;
  }

  /**
   * Reads entries and children blocks of a node up to its end or to the next '{'.
   *
   * @return {@code true} when a children block was opened (pos is after its '{')
   */
  private boolean continueNode(NodeBuilder nb) {
    boolean space = false;
    while (true) {
      space |= skipNodeSpace();
      if (pos >= n) {
        return false;
      }
      char c = s[pos];
      if (c == ';' || isNewlineChar(c)) {
        pos += c == ';' ? 1 : newlineLen(pos);
        return false;
      }
      if (c == '}') {
        return false;
      }
      if (c == '/' && at(pos + 1) == '/') {
        skipLineComment();
        return false;
      }
      if (c == '/' && at(pos + 1) == '-') {
        int dash = pos;
        if (!v2 && !space) {
          throw syntax("missing whitespace before the slashdash '/-'", pos);
        }
        pos += 2;
        if (v2) {
          skipLineSpace();
        } else {
          skipNodeSpace();
        }
        if (pos >= n || s[pos] == '}' || s[pos] == ';') {
          throw syntax("expected an entry or a children block after the slashdash '/-' at "
              + where(dash) + ", found " + describeAt(pos), pos);
        }
        if (s[pos] == '/' && at(pos + 1) == '-') {
          throw syntax("a slashdash '/-' cannot comment out another slashdash", pos);
        }
        if (s[pos] == '{') {
          if (!v2 && nb.phase != ENTRIES) {
            throw syntax("a KDL 1 node has at most one children block", pos);
          }
          nb.openBlock(true, pos++);
          return true;
        }
        if (nb.phase != ENTRIES) {
          throw syntax("an entry cannot follow a children block, even a slashdashed one", pos);
        }
        parseEntry(nb, false);
        space = pendingSpace;
        continue;
      }
      if (c == '{') {
        if (nb.phase == AFTER_BLOCK || (!v2 && nb.phase != ENTRIES)) {
          throw syntax(v2 ? "a node has at most one children block (slashdash the others with '/-')"
              : "a KDL 1 node has at most one children block", pos);
        }
        nb.openBlock(false, pos++);
        return true;
      }
      if (nb.phase == AFTER_BLOCK) {
        throw syntax("expected ';' or a newline after the children block of " + nb.name
            + ", found " + describeAt(pos), pos);
      }
      if (nb.phase == AFTER_DASHED_BLOCK) {
        throw syntax("an entry cannot follow a children block, even a slashdashed one", pos);
      }
      if (!space) {
        throw syntax(missingSpace(c), pos);
      }
      parseEntry(nb, !nb.discard);
      space = pendingSpace;
    }
  }

  private String missingSpace(char c) {
    if (v2 && (c == '"' || c == '#') && pos > 0 && s[pos - 1] == 'r'
        && (pos < 2 || !KdlChars.isIdentV2(s[pos - 2]))) {
      return "KDL 2 raw strings have no 'r' prefix: write #\"...\"#";
    }
    if (identifierEnd == pos && c != '"' && c > 0x20 && c < 0x7F) {
      return describeAt(pos) + " cannot appear in a bare identifier: quote the name, or put"
          + " whitespace before " + describeAt(pos);
    }
    boolean startsEntry = c == '"' || c == '(' || KdlChars.isDigit(c)
        || (v2 ? c == '#' || KdlChars.isIdentV2(c) : KdlChars.isIdentV1(c));
    return startsEntry ? "missing whitespace before " + describeAt(pos)
        : "unexpected " + describeAt(pos);
  }

  /** Reads an argument or a property; {@code keep == false} for slashdashed and dropped ones. */
  private void parseEntry(NodeBuilder nb, boolean keep) {
    int start = pos;
    pendingSpace = false;
    if (s[pos] == '(') {
      String type = readType();
      if (v2) {
        skipNodeSpace();
      }
      scanToken("a value after the type annotation");
      if (tokKind == TOK_BARE) {
        throw bareValue(start);
      }
      KdlValue value = keep ? makeValue(type) : null;
      boolean space = v2 && skipNodeSpace();
      if (at(pos) == '=') {
        throw syntax("a property name cannot have a type annotation; annotate the value:"
            + " key=(type)value", start);
      }
      pendingSpace = space;
      if (keep) {
        nb.addArgument(value);
      }
      return;
    }
    scanToken("an argument or a property");
    if (tokKind == TOK_STRING || tokKind == TOK_BARE) {
      String key = tokString;
      int kind = tokKind;
      boolean space = v2 && skipNodeSpace();
      if (at(pos) == '=') {
        KdlLocation location = keep ? text.locate(start) : null;
        pos++;
        if (v2) {
          skipNodeSpace();
        }
        KdlValue value = readValue(keep);
        if (keep) {
          nb.putProperty(key, value, location);
        }
        return;
      }
      if (kind == TOK_BARE) {
        throw bareValue(start);
      }
      pendingSpace = space;
      if (keep) {
        nb.addArgument(new KdlString(null, key));
      }
      return;
    }
    if (at(pos) == '=') {
      throw syntax("a property name cannot be " + tokenKindName() + "; quote it", start);
    }
    if (keep) {
      nb.addArgument(makeValue(null));
    }
  }

  /** Reads a value after {@code '='}: an optional type annotation and a value token. */
  private KdlValue readValue(boolean keep) {
    String type = null;
    if (pos < n && s[pos] == '(') {
      type = readType();
      if (v2) {
        skipNodeSpace();
      }
    }
    int start = pos;
    scanToken("a property value");
    if (tokKind == TOK_BARE) {
      throw bareValue(start);
    }
    return keep ? makeValue(type) : null;
  }

  private KdlParseException bareValue(int start) {
    return syntax("bare identifier " + tokString + " cannot be a value in KDL 1; quote it: \""
        + tokString + "\"", start);
  }

  private String readType() {
    int open = pos++;
    if (v2) {
      skipNodeSpace();
    }
    if (at(pos) == ')') {
      throw syntax("a type annotation needs a name: '()' is empty", pos);
    }
    int start = pos;
    scanToken("a type name");
    if (tokKind != TOK_STRING && tokKind != TOK_BARE) {
      throw syntax("a type annotation cannot be " + tokenKindName() + "; quote it", start);
    }
    String type = tokString;
    if (v2) {
      skipNodeSpace();
    }
    if (at(pos) != ')' || pos >= n) {
      throw syntax("expected ')' to close the type annotation opened at " + where(open)
          + ", found " + describeAt(pos), pos);
    }
    pos++;
    return type;
  }

  private KdlValue makeValue(String type) {
    switch (tokKind) {
      case TOK_STRING:
        return new KdlString(type, tokString);
      case TOK_NUMBER:
        return new KdlNumber(type, tokNumber, tokRadix);
      default:
        switch (tokKeyword) {
          case KW_TRUE:
            return type == null ? TRUE : new KdlBoolean(type, true);
          case KW_FALSE:
            return type == null ? FALSE : new KdlBoolean(type, false);
          case KW_NULL:
            return type == null ? NULL : new KdlNull(type);
          case KW_INF:
            return new KdlNumber(type, Double.POSITIVE_INFINITY);
          case KW_NEG_INF:
            return new KdlNumber(type, Double.NEGATIVE_INFINITY);
          default:
            return new KdlNumber(type, Double.NaN);
        }
    }
  }

  private String tokenKindName() {
    return tokKind == TOK_NUMBER ? "a number" : "a keyword";
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens

  /** Scans one string, identifier, number or keyword at {@code pos} into the token fields. */
  private void scanToken(String what) {
    if (pos >= n) {
      throw syntax("expected " + what + ", found the end of the input", pos);
    }
    char c = s[pos];
    if (c == '"') {
      scanQuoted();
      return;
    }
    if (v2) {
      if (c == '#') {
        char d = at(pos + 1);
        if (d == '#' || d == '"') {
          scanRawV2();
        } else {
          scanKeywordV2();
        }
        return;
      }
      if (KdlChars.isDigit(c)) {
        scanNumber();
        return;
      }
      if (c == '+' || c == '-') {
        char d = at(pos + 1);
        if (KdlChars.isDigit(d)) {
          scanNumber();
          return;
        }
        if (d == '.' && KdlChars.isDigit(at(pos + 2))) {
          throw syntax("a number needs a digit before its '.': write " + c + "0.", pos);
        }
      } else if (c == '.' && KdlChars.isDigit(at(pos + 1))) {
        throw syntax("a number needs a digit before its '.': write 0.", pos);
      }
      if (KdlChars.isIdentV2(c)) {
        scanIdentifierV2();
        return;
      }
    } else {
      if (c == 'r') {
        int h = 0;
        while (at(pos + 1 + h) == '#') {
          h++;
        }
        if (at(pos + 1 + h) == '"') {
          scanRawV1(h);
          return;
        }
      }
      if (KdlChars.isDigit(c) || ((c == '+' || c == '-') && KdlChars.isDigit(at(pos + 1)))) {
        scanNumber();
        return;
      }
      if (KdlChars.isIdentV1(c)) {
        scanIdentifierV1();
        return;
      }
    }
    if (c == '/' && at(pos + 1) == '-') {
      throw syntax("a slashdash '/-' cannot stand here: it comments out a whole node, entry or"
          + " children block", pos);
    }
    throw syntax("expected " + what + ", found " + describeAt(pos), pos);
  }

  private void scanIdentifierV2() {
    int start = pos;
    char[] s = this.s;
    int p = pos + 1;
    while (p < n && KdlChars.isIdentV2(s[p])) {
      p++;
    }
    int len = p - start;
    if (len <= 5) {
      for (String kw : KEYWORDS) {
        if (kw.length() == len && regionEquals(s, start, len, kw)) {
          throw syntax(kw + " cannot be written bare in KDL 2: write #" + kw
              + " for the keyword, or \"" + kw + "\" for the string", start);
        }
      }
    }
    pos = p;
    identifierEnd = p;
    tokKind = TOK_STRING;
    tokString = intern(start, p);
  }

  private void scanIdentifierV1() {
    int start = pos;
    char[] s = this.s;
    int p = pos + 1;
    while (p < n) {
      char c = s[p];
      if (c == '/') {
        char d = at(p + 1);
        if (d == '/' || d == '*' || d == '-') {
          break;
        }
      } else if (!KdlChars.isIdentV1(c)) {
        break;
      }
      p++;
    }
    pos = p;
    identifierEnd = p;
    int len = p - start;
    for (int k = KW_TRUE; k <= KW_NULL; k++) {
      if (KEYWORDS[k].length() == len && regionEquals(s, start, len, KEYWORDS[k])) {
        tokKind = TOK_KEYWORD;
        tokKeyword = k;
        return;
      }
    }
    tokKind = TOK_BARE;
    tokString = intern(start, p);
  }

  private void scanKeywordV2() {
    int start = pos;
    int p = pos + 1;
    while (p < n && KdlChars.isIdentV2(s[p])) {
      p++;
    }
    int len = p - start - 1;
    for (int k = 0; k < KEYWORDS.length; k++) {
      if (KEYWORDS[k].length() == len && regionEquals(s, start + 1, len, KEYWORDS[k])) {
        pos = p;
        tokKind = TOK_KEYWORD;
        tokKeyword = k;
        return;
      }
    }
    throw syntax(len == 0 ? "expected a keyword or a raw string after '#'"
        : "unknown keyword #" + new String(s, start + 1, len)
            + "; KDL 2 has #true, #false, #null, #inf, #-inf and #nan", start);
  }

  private boolean isNewlineChar(char c) {
    return (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) && KdlChars.isNewline(c, v2);
  }

  private void scanQuoted() {
    int start = pos;
    if (v2 && at(pos + 1) == '"' && at(pos + 2) == '"') {
      pos += 3;
      readMultiline(start, false, 0);
      return;
    }
    char[] s = this.s;
    int i = pos + 1;
    while (i < n) {
      char c = s[i];
      if (c == '"') {
        tokString = new String(s, pos + 1, i - pos - 1);
        pos = i + 1;
        tokKind = TOK_STRING;
        return;
      }
      if (c == '\\') {
        break;
      }
      if (v2 && isNewlineChar(c)) {
        throw newlineInString(i);
      }
      i++;
    }
    if (i >= n) {
      throw unterminated("string", start);
    }
    sb.setLength(0);
    sb.append(s, pos + 1, i - pos - 1);
    pos = i;
    while (true) {
      if (pos >= n) {
        throw unterminated("string", start);
      }
      char c = s[pos];
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        readEscape(false, start);
        continue;
      }
      if (v2 && isNewlineChar(c)) {
        throw newlineInString(pos);
      }
      sb.append(c);
      pos++;
    }
    tokKind = TOK_STRING;
    tokString = sb.toString();
  }

  private KdlParseException newlineInString(int at) {
    return syntax("a quoted string cannot span lines in KDL 2: write \\n, end the line with '\\'"
        + " to continue it, or use a \"\"\" multi-line string", at);
  }

  /** Reads the escape at {@code pos} (a backslash) into {@link #sb}. */
  private void readEscape(boolean mark, int stringStart) {
    int esc = pos;
    if (pos + 1 >= n) {
      throw unterminated("string", stringStart);
    }
    char e = s[pos + 1];
    char out;
    switch (e) {
      case 'n':
        out = '\n';
        break;
      case 'r':
        out = '\r';
        break;
      case 't':
        out = '\t';
        break;
      case '\\':
        out = '\\';
        break;
      case '"':
        out = '"';
        break;
      case 'b':
        out = '\b';
        break;
      case 'f':
        out = '\f';
        break;
      case 's':
        if (!v2) {
          throw syntax("\\s is not an escape in KDL 1 (it is in KDL 2)", esc);
        }
        out = ' ';
        break;
      case '/':
        if (v2) {
          throw syntax("\\/ is not an escape in KDL 2: write / as it is", esc);
        }
        out = '/';
        break;
      case 'u':
        readUnicodeEscape(mark, esc);
        return;
      default:
        if (v2 && (KdlChars.isUnicodeSpace(e) || KdlChars.isNewline(e, true))) {
          pos++;
          while (pos < n && (KdlChars.isUnicodeSpace(s[pos]) || KdlChars.isNewline(s[pos], true))) {
            pos++;
          }
          return;
        }
        throw syntax("invalid escape \\" + (e > 0x20 && e < 0x7F ? String.valueOf(e)
            : " followed by " + KdlChars.describe(e)) + "; the escapes are \\n \\r \\t \\\\ \\\""
            + " \\b \\f " + (v2 ? "\\s, \\u{hex} and '\\' before whitespace"
                : "\\/ and \\u{hex}"), esc);
    }
    append(out, mark, -1 - esc);
    pos += 2;
  }

  private void readUnicodeEscape(boolean mark, int esc) {
    int p = esc + 2;
    if (at(p) != '{' || p >= n) {
      throw syntax("expected '{' after \\u: a Unicode escape is written \\u{1F600}", p);
    }
    p++;
    int cp = 0;
    int count = 0;
    while (p < n) {
      int d = KdlChars.digit(s[p], 16);
      if (d < 0) {
        break;
      }
      if (count == 6) {
        throw syntax("a \\u{...} escape has at most 6 hex digits", p);
      }
      cp = cp * 16 + d;
      count++;
      p++;
    }
    if (count == 0) {
      throw syntax("expected a hex digit in the \\u{...} escape, found " + describeAt(p), p);
    }
    if (at(p) != '}' || p >= n) {
      throw syntax("expected '}' to close the \\u{...} escape, found " + describeAt(p), p);
    }
    if (cp > 0x10FFFF) {
      throw syntax(String.format("\\u{%X} is above U+10FFFF, the largest code point", cp), esc);
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      throw syntax(String.format("\\u{%X} is a surrogate, not a Unicode scalar value", cp), esc);
    }
    if (cp >= 0x10000) {
      append(Character.highSurrogate(cp), mark, -1 - esc);
      append(Character.lowSurrogate(cp), mark, -1 - esc);
    } else {
      append((char) cp, mark, -1 - esc);
    }
    pos = p + 1;
  }

  /** Appends to {@link #sb}; with {@code mark}, records where the char came from (see dedent). */
  private void append(char c, boolean mark, int source) {
    sb.append(c);
    if (mark) {
      int i = sb.length() - 1;
      if (i >= marks.length) {
        marks = Arrays.copyOf(marks, Math.max(i + 1, marks.length * 2));
      }
      marks[i] = source;
    }
  }

  private void scanRawV2() {
    int start = pos;
    int h = 0;
    while (at(pos) == '#' && pos < n) {
      h++;
      pos++;
    }
    if (at(pos) != '"' || pos >= n) {
      throw syntax("expected '\"' after the '#'s of a raw string, found " + describeAt(pos), pos);
    }
    if (at(pos + 1) == '"' && at(pos + 2) == '"') {
      pos += 3;
      readMultiline(start, true, h);
      return;
    }
    pos++;
    int content = pos;
    char[] s = this.s;
    while (true) {
      if (pos >= n) {
        throw unterminated("raw string", start);
      }
      char c = s[pos];
      if (c == '"' && hashesAt(pos + 1, h)) {
        break;
      }
      if (isNewlineChar(c)) {
        throw syntax("a raw string cannot span lines unless it is a multi-line one: use #\"\"\"",
            pos);
      }
      pos++;
    }
    tokKind = TOK_STRING;
    tokString = new String(s, content, pos - content);
    pos += 1 + h;
  }

  private void scanRawV1(int h) {
    int start = pos;
    pos += h + 2;
    int content = pos;
    char[] s = this.s;
    while (true) {
      if (pos >= n) {
        throw unterminated("raw string", start);
      }
      if (s[pos] == '"' && hashesAt(pos + 1, h)) {
        break;
      }
      pos++;
    }
    tokKind = TOK_STRING;
    tokString = new String(s, content, pos - content);
    pos += 1 + h;
  }

  private boolean hashesAt(int p, int h) {
    if (p + h > n) {
      return false;
    }
    for (int k = 0; k < h; k++) {
      if (s[p + k] != '#') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a KDL 2 multi-line string whose opening quotes end at {@code pos}. Whitespace escapes are
   * resolved while reading and other escapes decoded, each char marked with its source offset
   * (negative for chars an escape produced), so the dedent that follows sees only literal
   * newlines and literal whitespace, as the spec orders: dedent after whitespace escapes, before
   * the others.
   */
  private void readMultiline(int start, boolean raw, int hashes) {
    int nl = newlineLen(pos);
    if (nl == 0) {
      throw syntax("a \"\"\" string must start a new line right after its opening quotes;"
          + " for a one-line string use a single '\"'", pos);
    }
    pos += nl;
    sb.setLength(0);
    char[] s = this.s;
    int close;
    while (true) {
      if (pos >= n) {
        throw unterminated(raw ? "multi-line raw string" : "multi-line string", start);
      }
      char c = s[pos];
      if (c == '"' && at(pos + 1) == '"' && at(pos + 2) == '"' && hashesAt(pos + 3, hashes)) {
        close = pos;
        pos += 3 + hashes;
        break;
      }
      if (c == '\\' && !raw) {
        readEscape(true, start);
        continue;
      }
      int l = newlineLen(pos);
      if (l > 0) {
        append('\n', true, pos);
        pos += l;
        continue;
      }
      append(c, true, pos);
      pos++;
    }
    tokKind = TOK_STRING;
    tokString = dedent(close);
  }

  private String dedent(int close) {
    int len = sb.length();
    int lastNl = -1;
    for (int i = len - 1; i >= 0; i--) {
      if (sb.charAt(i) == '\n' && marks[i] >= 0) {
        lastNl = i;
        break;
      }
    }
    int fin = lastNl + 1;
    for (int i = fin; i < len; i++) {
      if (marks[i] < 0 || !KdlChars.isUnicodeSpace(sb.charAt(i))) {
        throw syntax("the closing \"\"\" of a multi-line string must be on a line of its own,"
            + " after nothing but whitespace", source(i, close));
      }
    }
    if (lastNl < 0) {
      return "";
    }
    int prefix = len - fin;
    StringBuilder out = new StringBuilder(lastNl);
    int ls = 0;
    while (ls <= lastNl) {
      int le = ls;
      while (sb.charAt(le) != '\n' || marks[le] < 0) {
        le++;
      }
      boolean blank = true;
      for (int i = ls; i < le; i++) {
        if (marks[i] < 0 || !KdlChars.isUnicodeSpace(sb.charAt(i))) {
          blank = false;
          break;
        }
      }
      if (!blank) {
        for (int k = 0; k < prefix; k++) {
          int i = ls + k;
          if (i >= le || marks[i] < 0 || sb.charAt(i) != sb.charAt(fin + k)) {
            throw syntax("this line of the multi-line string does not start with the whitespace"
                + " before its closing \"\"\" (" + prefix + " characters, matched exactly)",
                source(Math.min(i, le), close));
          }
        }
        out.append(sb, ls + prefix, le);
      }
      if (le < lastNl) {
        out.append('\n');
      }
      ls = le + 1;
    }
    return out.toString();
  }

  private int source(int i, int fallback) {
    if (i >= sb.length()) {
      return fallback;
    }
    int m = marks[i];
    return m >= 0 ? m : -1 - m;
  }

  private void scanNumber() {
    int start = pos;
    char[] s = this.s;
    int end = pos;
    while (end < n && (v2 ? KdlChars.isIdentV2(s[end]) : KdlChars.isIdentV1(s[end]))) {
      end++;
    }
    int p = start;
    boolean negative = false;
    if (s[p] == '+' || s[p] == '-') {
      negative = s[p] == '-';
      p++;
    }
    int count = 0;
    if (s[p] == '0' && p + 1 < end && (s[p + 1] == 'x' || s[p + 1] == 'o' || s[p + 1] == 'b')) {
      char r = s[p + 1];
      int radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
      String kind = r == 'x' ? "hexadecimal" : r == 'o' ? "octal" : "binary";
      p += 2;
      if (p >= end || KdlChars.digit(s[p], radix) < 0) {
        throw syntax("expected a " + kind + " digit after 0" + r + ", found "
            + (p >= end ? describeAt(p) : KdlChars.describe(s[p])), p);
      }
      for (; p < end; p++) {
        char d = s[p];
        if (d == '_') {
          continue;
        }
        if (KdlChars.digit(d, radix) < 0) {
          throw syntax(KdlChars.describe(d) + " is not a " + kind + " digit", p);
        }
        count = keepDigit(count, d, start);
      }
      int safe = radix == 16 ? 15 : radix == 8 ? 20 : 62;
      BigInteger value;
      if (count <= safe) {
        long v = 0;
        for (int k = 0; k < count; k++) {
          v = v * radix + KdlChars.digit(digits[k], radix);
        }
        value = BigInteger.valueOf(negative ? -v : v);
      } else {
        value = new BigInteger(new String(digits, 0, count), radix);
        value = negative ? value.negate() : value;
      }
      tokNumber = value;
      tokRadix = radix;
    } else {
      for (; p < end; p++) {
        char d = s[p];
        if (KdlChars.isDigit(d)) {
          count = keepDigit(count, d, start);
        } else if (d != '_') {
          break;
        }
      }
      boolean decimal = false;
      int fraction = 0;
      long exponent = 0;
      if (p < end && s[p] == '.') {
        p++;
        if (p >= end || !KdlChars.isDigit(s[p])) {
          throw syntax("expected a digit after the decimal point, found " + (p >= end
              ? describeAt(p) : KdlChars.describe(s[p])), p);
        }
        decimal = true;
        for (; p < end; p++) {
          char d = s[p];
          if (KdlChars.isDigit(d)) {
            count = keepDigit(count, d, start);
            fraction++;
          } else if (d != '_' || !v2) {
            break;
          }
        }
      }
      if (p < end && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        decimal = true;
        boolean negativeExponent = false;
        if (p < end && (s[p] == '+' || s[p] == '-')) {
          negativeExponent = s[p] == '-';
          p++;
        }
        if (p >= end || !KdlChars.isDigit(s[p])) {
          throw syntax("expected a digit in the exponent, found " + (p >= end
              ? describeAt(p) : KdlChars.describe(s[p])), p);
        }
        int exponentStart = p;
        for (; p < end; p++) {
          char d = s[p];
          if (KdlChars.isDigit(d)) {
            if (exponent <= MAX_EXPONENT) {
              exponent = exponent * 10 + (d - '0');
            }
          } else if (d != '_') {
            break;
          }
        }
        if (exponent > MAX_EXPONENT) {
          String digits = new String(s, exponentStart, p - exponentStart);
          throw error(Reason.TOO_LARGE, "exponent " + digits + " is out of range: at most "
              + MAX_EXPONENT + " in magnitude", exponentStart);
        }
        exponent = negativeExponent ? -exponent : exponent;
      }
      if (p < end) {
        throw syntax(KdlChars.describe(s[p]) + " is not allowed in a number"
            + (s[p] == '_' && !v2 ? " fraction in KDL 1" : ""), p);
      }
      if (!decimal) {
        BigInteger value;
        if (count <= 18) {
          long v = 0;
          for (int k = 0; k < count; k++) {
            v = v * 10 + (digits[k] - '0');
          }
          value = BigInteger.valueOf(negative ? -v : v);
        } else {
          value = new BigInteger(new String(digits, 0, count));
          value = negative ? value.negate() : value;
        }
        tokNumber = value;
      } else {
        int scale = (int) (fraction - exponent);
        BigDecimal value;
        if (count <= 18) {
          long v = 0;
          for (int k = 0; k < count; k++) {
            v = v * 10 + (digits[k] - '0');
          }
          value = BigDecimal.valueOf(negative ? -v : v, scale);
        } else {
          BigInteger unscaled = new BigInteger(new String(digits, 0, count));
          value = new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
        }
        tokNumber = value;
      }
      tokRadix = 10;
    }
    tokKind = TOK_NUMBER;
    pos = end;
  }

  /** Stores one more significant digit of the number that starts at {@code start}. */
  private int keepDigit(int count, char d, int start) {
    if (count == MAX_NUMBER_DIGITS) {
      throw error(Reason.TOO_LARGE, "number has more than " + MAX_NUMBER_DIGITS + " digits", start);
    }
    if (count == digits.length) {
      digits = Arrays.copyOf(digits, count * 2);
    }
    digits[count] = d;
    return count + 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Whitespace and comments

  private int newlineLen(int p) {
    if (p >= n) {
      return 0;
    }
    char c = s[p];
    if (c == '\n') {
      return 1;
    }
    if (c == '\r') {
      return p + 1 < n && s[p + 1] == '\n' ? 2 : 1;
    }
    return isNewlineChar(c) ? 1 : 0;
  }

  /** Skips whitespace and block comments; returns whether anything was skipped. */
  private boolean skipWs() {
    int start = pos;
    char[] s = this.s;
    while (pos < n) {
      char c = s[pos];
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '/') {
        if (pos + 1 < n && s[pos + 1] == '*') {
          skipBlockComment();
        } else {
          break;
        }
      } else if (c >= 0xA0 && KdlChars.isSpace(c, v2)) {
        pos++;
      } else {
        break;
      }
    }
    return pos > start;
  }

  private void skipBlockComment() {
    int start = pos;
    pos += 2;
    int depth = 1;
    char[] s = this.s;
    int n = this.n;
    while (pos < n) {
      char c = s[pos];
      if (c == '*' && pos + 1 < n && s[pos + 1] == '/') {
        pos += 2;
        if (--depth == 0) {
          return;
        }
      } else if (c == '/' && pos + 1 < n && s[pos + 1] == '*') {
        pos += 2;
        depth++;
      } else {
        pos++;
      }
    }
    throw syntax("unterminated comment started at " + where(start), n);
  }

  private void skipLineComment() {
    pos += 2;
    char[] s = this.s;
    while (pos < n) {
      char c = s[pos];
      if (c >= 0x20 && c < 0x7F) {
        pos++;
        continue;
      }
      int l = newlineLen(pos);
      if (l > 0) {
        pos += l;
        return;
      }
      pos++;
    }
  }

  /** Skips node-space: whitespace, block comments and line continuations. */
  private boolean skipNodeSpace() {
    int start = pos;
    while (true) {
      skipWs();
      if (pos >= n || s[pos] != '\\') {
        return pos > start;
      }
      int backslash = pos++;
      skipWs();
      if (pos >= n) {
        if (v2) {
          return true;
        }
        throw syntax("expected a newline after the line continuation '\\' at " + where(backslash)
            + ", found the end of the input", pos);
      }
      if (s[pos] == '/' && at(pos + 1) == '/') {
        skipLineComment();
        continue;
      }
      int l = newlineLen(pos);
      if (l == 0) {
        throw syntax("expected a newline or a comment after the line continuation '\\', found "
            + describeAt(pos), pos);
      }
      pos += l;
    }
  }

  /** Skips line-space: node-space, newlines and line comments. */
  private void skipLineSpace() {
    while (true) {
      skipNodeSpace();
      if (pos >= n) {
        return;
      }
      int l = newlineLen(pos);
      if (l > 0) {
        pos += l;
      } else if (s[pos] == '/' && at(pos + 1) == '/') {
        skipLineComment();
      } else {
        return;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private char at(int p) {
    return p < n ? s[p] : '\0';
  }

  private static boolean regionEquals(char[] s, int off, int len, String word) {
    for (int i = 0; i < len; i++) {
      if (s[off + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Returns a string of the chars, reusing an earlier equal one (names repeat a lot). */
  private String intern(int start, int end) {
    int len = end - start;
    if (len > 32) {
      return new String(s, start, len);
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s[i];
    }
    int slot = (h ^ (h >>> 8) ^ (h >>> 16)) & (names.length - 1);
    String cached = names[slot];
    if (cached != null && cached.length() == len && regionEquals(s, start, len, cached)) {
      return cached;
    }
    String fresh = new String(s, start, len);
    names[slot] = fresh;
    return fresh;
  }

  private String describeAt(int p) {
    if (p >= n) {
      return "the end of the input";
    }
    return KdlChars.describe(Character.codePointAt(s, p, n));
  }

  /** Returns {@code line:column} of an offset, for messages. */
  private String where(int offset) {
    KdlLocation l = text.locate(offset);
    return l.line() + ":" + l.column();
  }

  private KdlParseException syntax(String detail, int offset) {
    return text.error(Reason.SYNTAX, detail, offset);
  }

  private KdlParseException unterminated(String what, int start) {
    return syntax("unterminated " + what + " started at " + where(start), n);
  }

  /** A node being read: its head, its entries and, while one is open, its children block. */
  private static final class NodeBuilder {
    /** Slashdashed, or inside something slashdashed: read, checked, but not built. */
    final boolean discard;
    String type;
    String name;
    KdlLocation location;
    private ArrayList<KdlValue> arguments;
    private ArrayList<KdlProperty> properties;
    private HashMap<String, Integer> propertyIndex;
    int phase = ENTRIES;
    private List<KdlNode> children = List.of();
    private boolean hasBlock;
    private ArrayList<KdlNode> block;
    private boolean blockDashed;
    int blockStart;

    NodeBuilder(boolean discard) {
      this.discard = discard;
    }

    boolean discardsChildren() {
      return discard || blockDashed;
    }

    void addArgument(KdlValue value) {
      if (arguments == null) {
        arguments = new ArrayList<>(4);
      }
      arguments.add(value);
    }

    /** Adds a property; a repeated name keeps its first position and takes the new value. */
    void putProperty(String key, KdlValue value, KdlLocation location) {
      KdlProperty property = new KdlProperty(key, value, location);
      if (properties == null) {
        properties = new ArrayList<>(4);
      }
      int index = -1;
      if (propertyIndex != null) {
        Integer i = propertyIndex.get(key);
        index = i == null ? -1 : i;
      } else {
        for (int i = 0; i < properties.size(); i++) {
          if (properties.get(i).name().equals(key)) {
            index = i;
            break;
          }
        }
      }
      if (index >= 0) {
        properties.set(index, property);
        return;
      }
      properties.add(property);
      if (propertyIndex != null) {
        propertyIndex.put(key, properties.size() - 1);
      } else if (properties.size() > 8) {
        propertyIndex = new HashMap<>();
        for (int i = 0; i < properties.size(); i++) {
          propertyIndex.put(properties.get(i).name(), i);
        }
      }
    }

    void openBlock(boolean dashed, int at) {
      blockDashed = dashed;
      blockStart = at;
      block = null;
    }

    void addChild(KdlNode child) {
      if (block == null) {
        block = new ArrayList<>();
      }
      block.add(child);
    }

    void closeBlock() {
      if (blockDashed) {
        if (phase == ENTRIES) {
          phase = AFTER_DASHED_BLOCK;
        }
      } else {
        children = block == null ? List.of() : block;
        hasBlock = true;
        phase = AFTER_BLOCK;
      }
      block = null;
      blockDashed = false;
    }

    KdlNode build() {
      return new KdlNode(type, name, arguments == null ? List.of() : arguments,
          properties == null ? List.of() : properties, children, location, hasBlock);
    }
  }
}
