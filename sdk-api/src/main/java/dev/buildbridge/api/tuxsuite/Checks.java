package dev.buildbridge.api.tuxsuite;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Argument checks and copies shared by the request records; messages name the argument and never
 * echo URLs (they may hold credentials).
 */
final class Checks {
  /** Deepest nesting accepted in free-form request values ({@code sources}). */
  static final int MAX_DEPTH = 32;

  private Checks() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  static String nullOrNonBlank(String value, String name) {
    return value == null ? null : nonBlank(value, name);
  }

  /** A run uid: not blank, no '#', no whitespace or control characters. */
  static String uid(String value, String name) {
    nonBlank(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '#' || c <= ' ' || c == 0x7F) {
        throw new IllegalArgumentException(name + " has a '#', space or control character at"
            + " index " + i);
      }
    }
    return value;
  }

  /** An absolute http or https URL that TuxSuite will call or fetch; never echoed. */
  static String httpUrl(String value, String name) {
    nonBlank(value, name);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL (at index " + e.getIndex()
          + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL");
    }
    return value;
  }

  static String nullOrHttpUrl(String value, String name) {
    return value == null ? null : httpUrl(value, name);
  }

  /** A file name that becomes part of an attachment name: no slash, not a dot segment. */
  static String fileName(String value, String name) {
    nonBlank(value, name);
    if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.equals(".")
        || value.equals("..")) {
      throw new IllegalArgumentException(name + " must be a bare file name, without a directory");
    }
    noControls(value, name);
    return value;
  }

  static void noControls(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new IllegalArgumentException(name + " has a control character at index " + i);
      }
    }
  }

  /** A non-empty list of non-blank strings, copied. */
  static List<String> nonEmptyStrings(List<String> values, String name) {
    Objects.requireNonNull(values, name);
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return strings(values, name);
  }

  /** A list of non-blank strings, copied; null reads as empty. */
  static List<String> strings(List<String> values, String name) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(nonBlank(values.get(i), name + "[" + i + "]"));
    }
    return List.copyOf(out);
  }

  /** A map of non-blank names to non-null values, copied in order; null reads as empty. */
  static <V> Map<String, V> map(Map<String, ? extends V> values, String name) {
    if (values == null) {
      return Map.of();
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends V> e : values.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(name + " has a blank or null name");
      }
      out.put(key, Objects.requireNonNull(e.getValue(), name + "[" + key + "]"));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Callback headers: HTTP token names, values without control characters; null stays null. */
  static Map<String, String> headers(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    Map<String, String> copy = map(headers, name);
    for (Map.Entry<String, String> e : copy.entrySet()) {
      String header = e.getKey();
      for (int i = 0; i < header.length(); i++) {
        char c = header.charAt(i);
        boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        if (!token) {
          throw new IllegalArgumentException(name + " has a header name that is not an HTTP"
              + " token: \"" + excerpt(header) + "\"");
        }
      }
      noControls(e.getValue(), name + "[" + header + "]");
    }
    return copy;
  }

  /**
   * Copies a free-form JSON value (maps, lists, strings, numbers, booleans) into unmodifiable
   * collections, refusing other types and nesting deeper than {@link #MAX_DEPTH}.
   */
  static Object jsonValue(Object value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(path + " is nested deeper than " + MAX_DEPTH
          + " levels");
    }
    if (value == null || value instanceof String || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(path + " has a name that is not a string");
        }
        out.put(key, jsonValue(e.getValue(), path + "." + key, depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(jsonValue(list.get(i), path + "[" + i + "]", depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException(path + " holds a " + value.getClass().getName()
        + "; only maps, lists, strings, numbers and booleans are sent");
  }

  /** At most 60 characters of a value, for a message, controls replaced. */
  static String excerpt(String value) {
    int n = Math.min(value.length(), 60);
    StringBuilder out = new StringBuilder(n + 3);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return value.length() > n ? out.append("...").toString() : out.toString();
  }

  /**
   * Names an uploaded file as the TuxSuite client does: the SHA-256 (hex) of its base64 text,
   * a slash, and the file name.
   *
   * @return {name, base64 content}
   */
  static String[] attachment(String fileName, byte[] content, String name) {
    fileName(fileName, name + " file name");
    Objects.requireNonNull(content, name + " content");
    String base64 = Base64.getEncoder().encodeToString(content);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(base64.getBytes(StandardCharsets.US_ASCII));
      return new String[] {HexFormat.of().formatHex(digest) + "/" + fileName, base64};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK does not provide SHA-256", e);
    }
  }
}
