package dev.buildbridge.workflow.kdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link KdlDocument}s in the canonical form of the official KDL test suites
 * ({@code tests/test_cases/expected_kdl} of kdl-org/kdl): comments and slashdashed parts gone,
 * one node per line, 4-space indents, arguments in order, then properties sorted by name,
 * strings re-quoted with escapes. Immutable and thread-safe.
 *
 * <pre>{@code
 * KdlDocument doc = KdlParser.auto().parse("ci.kdl", "job \"build\" runs_on=\"x\" id=0x1f {}");
 * String v2 = KdlPrinter.canonical(KdlVersion.V2).print(doc);  // job build id=31 runs_on=x
 * String v1 = KdlPrinter.canonical(KdlVersion.V1).print(doc);  // job "build" id=0x1f runs_on="x" {
 *                                                              // }
 * }</pre>
 *
 * <p>KDL 2 form: identifiers and string values bare when they are legal identifier strings,
 * {@code #true}/{@code #false}/{@code #null}/{@code #inf}/{@code #-inf}/{@code #nan}, integers in
 * decimal, decimals as {@link BigDecimal#toString()} writes them ({@code 1.0E+10}), empty children
 * blocks left out. KDL 1 form (the 1.0.0 suite's): string values always quoted, {@code /} escaped
 * as {@code \/}, {@code true}/{@code false}/{@code null}, integers in the radix they were written
 * in ({@code 0x1f}, {@code 0o17}, {@code 0b1}), empty children blocks kept as
 * <code>{</code> and <code>}</code> on two lines. Both end every node with a newline; a document
 * without nodes prints as one newline. In both, a decimal that {@code toString} writes as plain
 * digits (scale 0, such as {@code 1.0e1}) is written with an exponent instead ({@code 1.0E+1}), so
 * that it reads back as the same decimal rather than as an integer.
 */
public final class KdlPrinter {
  private static final KdlPrinter V1 = new KdlPrinter(KdlVersion.V1);
  private static final KdlPrinter V2 = new KdlPrinter(KdlVersion.V2);
  private static final Comparator<KdlProperty> BY_NAME =
      (a, b) -> compareCodePoints(a.name(), b.name());

  private final KdlVersion version;
  private final boolean v2;

  private KdlPrinter(KdlVersion version) {
    this.version = version;
    this.v2 = version == KdlVersion.V2;
  }

  /**
   * Returns the canonical printer of a KDL version.
   *
   * @param version the version to write
   * @return the printer
   * @throws NullPointerException when {@code version} is {@code null}
   */
  public static KdlPrinter canonical(KdlVersion version) {
    Objects.requireNonNull(version, "version");
    return version == KdlVersion.V1 ? V1 : V2;
  }

  /**
   * Returns the version this printer writes.
   *
   * @return the version
   */
  public KdlVersion version() {
    return version;
  }

  /**
   * Prints a document to a string.
   *
   * @param document the document
   * @return the text, ending with a newline
   * @throws IllegalArgumentException when the document holds something the version cannot write:
   *     {@code #inf}, {@code #-inf} or {@code #nan} in KDL 1, or a string with an unpaired
   *     surrogate
   */
  public String print(KdlDocument document) {
    StringBuilder out = new StringBuilder(256);
    try {
      print(document, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * Prints a document to an {@link Appendable}, one top-level node at a time.
   *
   * @param document the document
   * @param out where to write
   * @throws IOException when {@code out} fails
   * @throws IllegalArgumentException as {@link #print(KdlDocument)} does
   */
  public void print(KdlDocument document, Appendable out) throws IOException {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(out, "out");
    List<KdlNode> nodes = document.nodes();
    if (nodes.isEmpty()) {
      out.append('\n');
      return;
    }
    StringBuilder sb = out instanceof StringBuilder b ? b : new StringBuilder(256);
    for (KdlNode node : nodes) {
      printTree(node, sb);
      if (sb != out) {
        out.append(sb);
        sb.setLength(0);
      }
    }
  }

  /** Prints a node and its descendants without recursion (depth is the parser's business). */
  private void printTree(KdlNode root, StringBuilder out) {
    List<Iterator<KdlNode>> stack = new ArrayList<>();
    printHead(root, out, 0);
    if (!opensBlock(root)) {
      return;
    }
    stack.add(root.children().iterator());
    while (!stack.isEmpty()) {
      int depth = stack.size();
      Iterator<KdlNode> it = stack.get(depth - 1);
      if (!it.hasNext()) {
        stack.remove(depth - 1);
        indent(out, depth - 1);
        out.append("}\n");
        continue;
      }
      KdlNode node = it.next();
      printHead(node, out, depth);
      if (opensBlock(node)) {
        stack.add(node.children().iterator());
      }
    }
  }

  private boolean opensBlock(KdlNode node) {
    return !node.children().isEmpty() || (!v2 && node.hasChildrenBlock());
  }

  /** Prints a node's line up to and including " {\n" or "\n". */
  private void printHead(KdlNode node, StringBuilder out, int depth) {
    indent(out, depth);
    if (node.type() != null) {
      out.append('(');
      identifier(node.type(), out);
      out.append(')');
    }
    identifier(node.name(), out);
    for (KdlValue argument : node.arguments()) {
      out.append(' ');
      value(argument, out);
    }
    List<KdlProperty> properties = node.properties();
    if (properties.size() > 1) {
      properties = new ArrayList<>(properties);
      properties.sort(BY_NAME);
    }
    for (KdlProperty property : properties) {
      out.append(' ');
      identifier(property.name(), out);
      out.append('=');
      value(property.value(), out);
    }
    out.append(opensBlock(node) ? " {\n" : "\n");
  }

  private static void indent(StringBuilder out, int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("    ");
    }
  }

  private void value(KdlValue value, StringBuilder out) {
    if (value.type() != null) {
      out.append('(');
      identifier(value.type(), out);
      out.append(')');
    }
    if (value instanceof KdlString s) {
      if (v2) {
        identifier(s.value(), out);
      } else {
        quoted(s.value(), out);
      }
    } else if (value instanceof KdlNumber n) {
      number(n, out);
    } else if (value instanceof KdlBoolean b) {
      out.append(v2 ? (b.value() ? "#true" : "#false") : (b.value() ? "true" : "false"));
    } else {
      out.append(v2 ? "#null" : "null");
    }
  }

  private void number(KdlNumber number, StringBuilder out) {
    Number value = number.value();
    if (value instanceof BigInteger i) {
      int radix = v2 ? 10 : number.radix();
      if (radix == 10) {
        out.append(i.toString());
      } else {
        if (i.signum() < 0) {
          out.append('-');
        }
        out.append(radix == 16 ? "0x" : radix == 8 ? "0o" : "0b").append(i.abs().toString(radix));
      }
    } else if (value instanceof BigDecimal d) {
      if (d.scale() == 0) {
        // toString would write plain digits, which read back as an integer: keep the exponent
        String digits = d.unscaledValue().abs().toString();
        if (d.signum() < 0) {
          out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
          out.append('.').append(digits, 1, digits.length());
        }
        out.append("E+").append(digits.length() - 1);
      } else {
        out.append(d.toString());
      }
    } else {
      double d = value.doubleValue();
      if (!v2) {
        throw new IllegalArgumentException(
            d + " has no KDL 1 form (#inf, #-inf and #nan are KDL 2)");
      }
      out.append(Double.isNaN(d) ? "#nan" : d > 0 ? "#inf" : "#-inf");
    }
  }

  /** Writes a name bare when it can be read back bare, else quoted. */
  private void identifier(String name, StringBuilder out) {
    if (v2 ? isBareV2(name) : isBareV1(name)) {
      out.append(name);
    } else {
      quoted(name, out);
    }
  }

  private void quoted(String value, StringBuilder out) {
    out.append('"');
    int len = value.length();
    for (int i = 0; i < len; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '/':
          out.append(v2 ? "/" : "\\/");
          break;
        default:
          if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < len
                && Character.isLowSurrogate(value.charAt(i + 1))) {
              out.append(c).append(value.charAt(++i));
              break;
            }
            throw new IllegalArgumentException(String.format(
                "string holds an unpaired surrogate U+%04X, which KDL cannot represent", (int) c));
          }
          if (needsEscape(c)) {
            out.append("\\u{").append(Integer.toHexString(c)).append('}');
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** Controls, newlines and what KDL 2 forbids are written as <code>&#92;u{...}</code>. */
  private static boolean needsEscape(char c) {
    return c < 0x20 || KdlChars.isDisallowedV2(c) || KdlChars.isNewline(c, true)
        || (c >= 0x80 && c < 0xA0);
  }

  static boolean isBareV2(String s) {
    int len = s.length();
    if (len == 0) {
      return false;
    }
    char c = s.charAt(0);
    char d = len > 1 ? s.charAt(1) : 0;
    if (KdlChars.isDigit(c)) {
      return false;
    }
    if (c == '+' || c == '-') {
      if (KdlChars.isDigit(d) || (d == '.' && len > 2 && KdlChars.isDigit(s.charAt(2)))) {
        return false;
      }
    } else if (c == '.' && KdlChars.isDigit(d)) {
      return false;
    }
    switch (s) {
      case "true":
      case "false":
      case "null":
      case "inf":
      case "-inf":
      case "nan":
        return false;
      default:
        break;
    }
    for (int i = 0; i < len; i++) {
      char x = s.charAt(i);
      if (Character.isSurrogate(x)) {
        if (!Character.isHighSurrogate(x) || i + 1 >= len
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (!KdlChars.isIdentV2(x) || (x >= 0x80 && x < 0xA0)) {
        return false;
      }
    }
    return true;
  }

  static boolean isBareV1(String s) {
    int len = s.length();
    if (len == 0) {
      return false;
    }
    char c = s.charAt(0);
    char d = len > 1 ? s.charAt(1) : 0;
    if (KdlChars.isDigit(c) || c == '/' || ((c == '+' || c == '-') && KdlChars.isDigit(d))) {
      return false;
    }
    if (c == 'r' && (d == '#' || d == '"')) {
      return false;
    }
    if (s.equals("true") || s.equals("false") || s.equals("null")) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char x = s.charAt(i);
      if (x == '/') {
        char next = i + 1 < len ? s.charAt(i + 1) : 0;
        if (next == '/' || next == '*' || next == '-') {
          return false;
        }
      } else if (Character.isSurrogate(x)) {
        if (!Character.isHighSurrogate(x) || i + 1 >= len
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (!KdlChars.isIdentV1(x) || x == 0x7F || (x >= 0x80 && x < 0xA0)) {
        return false;
      }
    }
    return true;
  }

  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // surrogates (supplementary code points) sort after all other BMP chars
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /**
   * Returns a description, for logs.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "KdlPrinter[canonical " + version + "]";
  }
}
