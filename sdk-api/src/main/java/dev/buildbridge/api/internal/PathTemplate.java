package dev.buildbridge.api.internal;

import java.util.Objects;

/**
 * Expands request path templates such as {@code /repos/{owner}/{repo}/contents/{+path}}.
 *
 * <ul>
 *   <li>{@code {name}} takes one path segment: every character outside {@code A-Z a-z 0-9 - . _ ~}
 *       is percent-encoded, a slash included, so an argument can never add a segment.
 *   <li>{@code {+name}} takes a slash-separated path (a file in a repository): the slashes are kept
 *       and each segment is encoded as above.
 * </ul>
 * Literal text must start with a slash and may hold only characters legal in a URL path; a trailing
 * slash is kept exactly (FastAPI servers answer 307 when it is wrong). Empty segments and the dot
 * segments {@code .} and {@code ..} are refused in arguments and literals alike: they would be
 * normalised away by a proxy or server and could reach another endpoint.
 */
public final class PathTemplate {
  private PathTemplate() {}

  /**
   * Expands a template with positional arguments.
   *
   * @param template the template, starting with {@code /}
   * @param args one argument per placeholder, in order; {@code toString()} gives the value
   * @return the encoded path, starting with {@code /}
   * @throws NullPointerException if the template or an argument is null (naming its placeholder)
   * @throws IllegalArgumentException if the template is malformed, the number of arguments does not
   *     match, or an argument is empty, a dot segment, or (for {@code {+name}}) has an empty segment
   */
  public static String expand(String template, Object... args) {
    Objects.requireNonNull(template, "pathTemplate");
    Objects.requireNonNull(args, "pathArgs");
    if (template.isEmpty() || template.charAt(0) != '/') {
      throw new IllegalArgumentException("path template must start with '/': " + quote(template));
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int argIndex = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '{' at index " + i + " in path template "
              + quote(template));
        }
        boolean multi = i + 1 < close && template.charAt(i + 1) == '+';
        String name = template.substring(i + (multi ? 2 : 1), close);
        checkName(name, template);
        if (argIndex >= args.length) {
          throw new IllegalArgumentException("path template " + quote(template) + " has more"
              + " placeholders than the " + args.length + " arguments given");
        }
        Object arg = args[argIndex++];
        if (arg == null) {
          throw new NullPointerException("path argument " + name + " is null");
        }
        String value = arg.toString();
        if (multi) {
          appendMultiSegment(out, value, name);
        } else {
          checkSegment(value, "path argument " + name);
          out.append(UriEncoding.encode(value, "path argument " + name));
        }
        i = close + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("unmatched '}' at index " + i + " in path template "
            + quote(template));
      } else if (c == '%') {
        if (i + 2 >= template.length() || Character.digit(template.charAt(i + 1), 16) < 0
            || Character.digit(template.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("bad percent escape at index " + i
              + " in path template " + quote(template));
        }
        out.append(template, i, i + 3);
        i += 3;
      } else if (isPathChar(c)) {
        out.append(c);
        i++;
      } else {
        throw new IllegalArgumentException("character " + describe(c) + " at index " + i
            + " is not allowed in path template " + quote(template)
            + (c == '?' ? "; add query parameters with query(name, value)" : ""));
      }
    }
    if (argIndex != args.length) {
      throw new IllegalArgumentException("path template " + quote(template) + " has "
          + argIndex + " placeholders but " + args.length + " arguments were given");
    }
    String path = out.toString();
    checkEncodedPath(path);
    return path;
  }

  /**
   * Checks an already encoded path (from a template, or from a {@code Link} header): it starts
   * with a slash, has only legal characters, no empty segment before the last, and no dot segment.
   *
   * @param path the encoded path
   * @throws IllegalArgumentException naming the problem
   */
  public static void checkEncodedPath(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("path must start with '/': " + quote(path));
    }
    int start = 1;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      boolean last = end < 0;
      if (last) {
        end = path.length();
      }
      String segment = path.substring(start, end);
      if (segment.isEmpty() && !last) {
        throw new IllegalArgumentException("path has an empty segment ('//'): " + quote(path));
      }
      for (int k = 0; k < segment.length(); k++) {
        char c = segment.charAt(k);
        if (!isPathChar(c) && c != '%') {
          throw new IllegalArgumentException("character " + describe(c)
              + " is not allowed in path " + quote(path));
        }
      }
      String decoded = segment.indexOf('%') < 0 ? segment : UriEncoding.decode(segment);
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new IllegalArgumentException("path has a dot segment ('" + decoded + "'): "
            + quote(path));
      }
      start = end + 1;
    }
  }

  private static void appendMultiSegment(StringBuilder out, String value, String name) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path argument " + name + " is empty");
    }
    int start = 0;
    while (start <= value.length()) {
      int end = value.indexOf('/', start);
      if (end < 0) {
        end = value.length();
      }
      String segment = value.substring(start, end);
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("path argument " + name + " has an empty segment"
            + " (a leading, trailing or doubled '/')");
      }
      checkSegment(segment, "path argument " + name);
      if (start > 0) {
        out.append('/');
      }
      out.append(UriEncoding.encode(segment, "path argument " + name));
      start = end + 1;
    }
  }

  private static void checkSegment(String value, String what) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(what + " is a dot segment ('" + value + "')");
    }
  }

  private static void checkName(String name, String template) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty placeholder name in path template "
          + quote(template));
    }
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException("placeholder name " + quote(name)
            + " in path template " + quote(template) + " has character " + describe(c)
            + "; use letters, digits, '_' or '-'");
      }
    }
  }

  /** Characters legal in a path, unencoded: unreserved, sub-delims, ':', '@' and '/'. */
  private static boolean isPathChar(char c) {
    if (UriEncoding.isUnreserved(c)) {
      return true;
    }
    switch (c) {
      case '/': case ':': case '@': case '!': case '$': case '&': case '\'': case '(': case ')':
      case '*': case '+': case ',': case ';': case '=':
        return true;
      default:
        return false;
    }
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private static String quote(String s) {
    return '"' + Texts.escapeControls(s, 200) + '"';
  }
}
