package dev.buildbridge.kcidb;

/**
 * Format {@code uri} as the official KCIDB validator checks it (python-jsonschema with
 * {@code rfc3987.parse(value, rule="URI")}): the {@code URI} rule of RFC 3986, appendix A. An
 * absolute URI with a scheme; ASCII only; every other character percent-encoded. One pass, no
 * regular expression.
 *
 * <p>Where RFC 3986 and the rfc3987 package differ, this follows the package: an IPv4 part inside
 * an IPv6 literal may have leading zeros ({@code [::01.2.3.4]}), and {@code IPvFuture} starts with
 * a lower-case {@code v}.
 */
final class UriSyntax {
  private UriSyntax() {}

  static String problem(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return s.isEmpty() ? "is not a URI: empty" : "is not a URI: no scheme (such as https:)";
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok = isAlpha(c) || i > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.');
      if (!ok) {
        return "is not a URI: no scheme (such as https:); " + Syntax.describe(c) + " at index "
            + i;
      }
    }
    int n = s.length();
    int hash = s.indexOf('#', colon);
    int end = hash < 0 ? n : hash;
    int question = s.indexOf('?', colon);
    int pathEnd = question >= 0 && question < end ? question : end;
    String problem;
    int start = colon + 1;
    if (pathEnd - start >= 2 && s.charAt(start) == '/' && s.charAt(start + 1) == '/') {
      int authorityEnd = s.indexOf('/', start + 2);
      if (authorityEnd < 0 || authorityEnd > pathEnd) {
        authorityEnd = pathEnd;
      }
      problem = authority(s, start + 2, authorityEnd);
      if (problem != null) {
        return problem;
      }
      start = authorityEnd;
    }
    problem = chars(s, start, pathEnd, false);
    if (problem == null && pathEnd < end) {
      problem = chars(s, pathEnd + 1, end, true);
    }
    if (problem == null && hash >= 0) {
      problem = chars(s, hash + 1, n, true);
    }
    return problem;
  }

  /** Path (pchar and '/'), or query and fragment (also '?'). */
  private static String chars(String s, int from, int to, boolean questionAllowed) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        String bad = percent(s, i, to);
        if (bad != null) {
          return bad;
        }
        i += 2;
      } else if (!(isPchar(c) || c == '/' || questionAllowed && c == '?')) {
        return unexpected(c, i);
      }
    }
    return null;
  }

  private static String authority(String s, int from, int to) {
    int at = s.indexOf('@', from);
    int hostStart = from;
    if (at >= 0 && at < to) {
      for (int i = from; i < at; i++) {
        char c = s.charAt(i);
        if (c == '%') {
          String bad = percent(s, i, at);
          if (bad != null) {
            return bad;
          }
          i += 2;
        } else if (!(isUnreserved(c) || isSubDelim(c) || c == ':')) {
          return unexpected(c, i);
        }
      }
      hostStart = at + 1;
    }
    int portStart;
    if (hostStart < to && s.charAt(hostStart) == '[') {
      int close = s.indexOf(']', hostStart);
      if (close < 0 || close >= to) {
        return "is not a URI: '[' without ']' in the host";
      }
      if (!ipLiteral(s, hostStart + 1, close)) {
        return "is not a URI: bad IP literal in the host";
      }
      if (close + 1 == to) {
        return null;
      }
      if (s.charAt(close + 1) != ':') {
        return unexpected(s.charAt(close + 1), close + 1);
      }
      portStart = close + 2;
    } else {
      int i = hostStart;
      for (; i < to; i++) {
        char c = s.charAt(i);
        if (c == ':') {
          break;
        }
        if (c == '%') {
          String bad = percent(s, i, to);
          if (bad != null) {
            return bad;
          }
          i += 2;
        } else if (!(isUnreserved(c) || isSubDelim(c))) {
          return unexpected(c, i);
        }
      }
      if (i == to) {
        return null;
      }
      portStart = i + 1;
    }
    for (int i = portStart; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return "is not a URI: the port has " + Syntax.describe(s.charAt(i)) + " at index " + i;
      }
    }
    return null;
  }

  private static boolean ipLiteral(String s, int from, int to) {
    if (from < to && s.charAt(from) == 'v') {
      int i = from + 1;
      while (i < to && isHex(s.charAt(i))) {
        i++;
      }
      if (i == from + 1 || i >= to || s.charAt(i) != '.' || i + 1 == to) {
        return false;
      }
      for (i++; i < to; i++) {
        char c = s.charAt(i);
        if (!(isUnreserved(c) || isSubDelim(c) || c == ':')) {
          return false;
        }
      }
      return true;
    }
    return ipv6(s, from, to);
  }

  /**
   * RFC 3986 {@code IPv6address}: eight 16-bit pieces, or fewer around one {@code ::} (which
   * stands for at least one); an IPv4 address may take the place of the last two.
   */
  static boolean ipv6(String s, int from, int to) {
    int pieces = 0;
    boolean compressed = false;
    int i = from;
    if (to - from >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
      compressed = true;
      i += 2;
      if (i == to) {
        return true;
      }
    } else if (i < to && s.charAt(i) == ':') {
      return false;
    }
    while (i < to) {
      int start = i;
      while (i < to && isHex(s.charAt(i)) && i - start < 5) {
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        // the dotted IPv4 tail: must be last and take two pieces
        if (!ipv4(s, start, to)) {
          return false;
        }
        pieces += 2;
        i = to;
        break;
      }
      int length = i - start;
      if (length < 1 || length > 4) {
        return false;
      }
      pieces++;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < to && s.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
        if (i == to) {
          break;
        }
      } else if (i == to) {
        return false;
      }
    }
    return compressed ? pieces <= 7 : pieces == 8;
  }

  /** Four dotted decimal octets, each one to three digits and at most 255. */
  private static boolean ipv4(String s, int from, int to) {
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int value = 0;
      while (i < to && isDigit(s.charAt(i)) && i - start < 3) {
        value = value * 10 + s.charAt(i) - '0';
        i++;
      }
      if (i == start || value > 255) {
        return false;
      }
      octets++;
      if (i == to) {
        return octets == 4;
      }
      if (s.charAt(i) != '.' || octets == 4) {
        return false;
      }
      i++;
    }
  }

  private static String percent(String s, int i, int to) {
    if (i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
      return null;
    }
    return "is not a URI: bad percent-encoding at index " + i + " (expected %XX)";
  }

  private static String unexpected(char c, int i) {
    return "is not a URI: " + Syntax.describe(c) + " at index " + i
        + (c > 0x7f ? " (non-ASCII must be percent-encoded)" : " must be percent-encoded");
  }

  private static boolean isPchar(char c) {
    return isUnreserved(c) || isSubDelim(c) || c == ':' || c == '@';
  }

  private static boolean isUnreserved(char c) {
    return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isSubDelim(char c) {
    switch (c) {
      case '!': case '$': case '&': case '\'': case '(': case ')':
      case '*': case '+': case ',': case ';': case '=':
        return true;
      default:
        return false;
    }
  }

  private static boolean isAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
