package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.workflow.internal.Texts;
import dev.buildbridge.workflow.internal.YamlChecks;
import dev.buildbridge.workflow.internal.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys of builds and tests in a plan file, the type of each, and how they are read from
 * YAML and checked when a {@link TuxPlanBuild} or {@link TuxPlanTest} is made by hand.
 */
final class PlanFields {
  /** Most copies {@code sharding} may ask for. */
  static final int MAX_SHARDS = 1000;
  /** Longest timeout, in minutes: a week. */
  static final int MAX_MINUTES = 7 * 24 * 60;

  /** The type of a field, and of its Java value. */
  enum Kind {
    /** A string ({@code String}). */
    TEXT("a string"),
    /** A {@code git://}, {@code http://} or {@code https://} URL ({@code String}). */
    GIT_URL("a git://, http:// or https:// URL"),
    /** An {@code http://} or {@code https://} URL ({@code String}). */
    HTTP_URL("an http:// or https:// URL"),
    /** {@code true} or {@code false} ({@code Boolean}). */
    BOOLEAN("true or false"),
    /** A string or a list of strings ({@code List<String>}). */
    TEXTS("a list of strings"),
    /** Names to strings ({@code Map<String, String>}). */
    TEXT_MAP("a mapping of names to strings"),
    /** HTTP header names to values ({@code Map<String, String>}). */
    HEADERS("a mapping of header names to values"),
    /** Names to positive minutes ({@code Map<String, Integer>}). */
    MINUTES("a mapping of names to minutes"),
    /** {@code [url, destination]} pairs ({@code List<List<String>>}). */
    OVERLAYS("a list of [url, destination] pairs");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /** The keys of a build, in the order of the TuxSuite API. */
  static final Map<String, Kind> BUILD = schema(
      "git_repo", Kind.GIT_URL, "git_ref", Kind.TEXT, "git_sha", Kind.TEXT,
      "target_arch", Kind.TEXT, "toolchain", Kind.TEXT, "kconfig", Kind.TEXTS,
      "environment", Kind.TEXT_MAP, "targets", Kind.TEXTS, "make_variables", Kind.TEXT_MAP,
      "is_public", Kind.BOOLEAN, "kernel_image", Kind.TEXT, "build_name", Kind.TEXT,
      "image_sha", Kind.TEXT, "no_cache", Kind.BOOLEAN, "callback", Kind.HTTP_URL,
      "callback_headers", Kind.HEADERS, "notify_emails", Kind.TEXTS);

  /** The keys of a test but {@code sharding}, in the order of the TuxSuite API. */
  static final Map<String, Kind> TEST = schema(
      "device", Kind.TEXT, "kernel", Kind.TEXT, "ap_romfw", Kind.TEXT, "bios", Kind.TEXT,
      "dtb", Kind.TEXT, "fip", Kind.TEXT, "mcp_fw", Kind.TEXT, "mcp_romfw", Kind.TEXT,
      "scp_fw", Kind.TEXT, "scp_romfw", Kind.TEXT, "rootfs", Kind.TEXT,
      "parameters", Kind.TEXT_MAP, "lava_test_plans_project", Kind.TEXT, "lab", Kind.TEXT,
      "is_public", Kind.BOOLEAN, "modules", Kind.TEXT, "overlays", Kind.OVERLAYS,
      "tests", Kind.TEXTS, "test_name", Kind.TEXT, "timeouts", Kind.MINUTES,
      "boot_args", Kind.TEXT, "callback", Kind.HTTP_URL, "callback_header", Kind.HEADERS,
      "commands", Kind.TEXTS, "qemu_image", Kind.TEXT, "shared", Kind.BOOLEAN,
      "host", Kind.TEXT, "tuxbuild", Kind.TEXT, "notify_emails", Kind.TEXTS,
      "job_definition", Kind.HTTP_URL);

  private PlanFields() {}

  private static Map<String, Kind> schema(Object... pairs) {
    Map<String, Kind> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Kind) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  // ---------------------------------------------------------------- from YAML

  /**
   * Reads one field's value with its kind.
   *
   * @return the value, or null (reported)
   */
  static Object read(YamlChecks checks, YamlNode.Entry entry, Kind kind) {
    switch (kind) {
      case TEXT:
        return checks.text(entry);
      case GIT_URL:
      case HTTP_URL: {
        String url = checks.text(entry);
        if (url != null && urlProblem(url, kind) != null) {
          checks.error(entry.value().location(), Texts.quote(entry.key()) + " "
              + urlProblem(url, kind));
          return null;
        }
        return url;
      }
      case BOOLEAN:
        return checks.bool(entry);
      case TEXTS:
        return checks.texts(entry);
      case TEXT_MAP:
        return checks.textMap(entry);
      case HEADERS:
        return headers(checks, entry);
      case MINUTES:
        return minutes(checks, entry);
      default:
        return overlays(checks, entry);
    }
  }

  private static Map<String, String> headers(YamlChecks checks, YamlNode.Entry entry) {
    Map<String, String> out = new LinkedHashMap<>();
    if (entry.value() instanceof YamlNode.Sequence s) {
      // the command line's form: "Name: value"
      boolean ok = true;
      for (YamlNode item : s.items()) {
        String line = checks.text(item, "each of " + Texts.quote(entry.key()));
        if (line == null) {
          ok = false;
          continue;
        }
        int colon = line.indexOf(':');
        String problem = colon <= 0 ? "must be \"Name: value\", not " + Texts.quote(line)
            : headerProblem(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        if (problem != null) {
          checks.error(item.location(), Texts.quote(entry.key()) + " " + problem);
          ok = false;
        } else {
          out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      return ok ? out : null;
    }
    Map<String, String> map = checks.textMap(entry);
    if (map == null) {
      return null;
    }
    boolean ok = true;
    YamlNode.Mapping m = (YamlNode.Mapping) entry.value();
    for (Map.Entry<String, String> e : map.entrySet()) {
      String problem = headerProblem(e.getKey(), e.getValue());
      if (problem != null) {
        checks.error(m.entry(e.getKey()).keyLocation(), Texts.quote(entry.key()) + " "
            + problem);
        ok = false;
      }
    }
    return ok ? map : null;
  }

  private static Map<String, Integer> minutes(YamlChecks checks, YamlNode.Entry entry) {
    YamlNode.Mapping m = checks.mapping(entry.value(), Texts.quote(entry.key()));
    if (m == null) {
      return null;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : m.entries().values()) {
      Long value = checks.integer(e.value(), Texts.quote(entry.key()) + "."
          + Texts.cut(e.key()), 1, MAX_MINUTES);
      if (value == null || e.key().isBlank()) {
        if (value != null) {
          checks.error(e.keyLocation(), "a name in " + Texts.quote(entry.key()) + " is empty");
        }
        ok = false;
      } else {
        out.put(e.key(), value.intValue());
      }
    }
    return ok ? out : null;
  }

  private static List<List<String>> overlays(YamlChecks checks, YamlNode.Entry entry) {
    List<YamlNode> items = checks.list(entry, false);
    if (items == null) {
      return null;
    }
    List<List<String>> out = new ArrayList<>(items.size());
    boolean ok = true;
    for (YamlNode item : items) {
      String what = "each of " + Texts.quote(entry.key());
      if (item instanceof YamlNode.Sequence pair) {
        if (pair.items().size() != 2) {
          checks.error(item.location(), what + " must be [url, destination], not a list of "
              + pair.items().size());
          ok = false;
          continue;
        }
        String url = checks.text(pair.items().get(0), "an overlay's url");
        String destination = checks.text(pair.items().get(1), "an overlay's destination");
        ok &= url != null && destination != null;
        out.add(url == null || destination == null ? List.of() : List.of(url, destination));
      } else {
        String url = checks.text(item, what);
        ok &= url != null;
        out.add(url == null ? List.of() : List.of(url, "/"));
      }
    }
    return ok ? List.copyOf(out) : null;
  }

  /** Returns why a URL is not of the kind, or null when it is. */
  static String urlProblem(String url, Kind kind) {
    boolean ok = url.startsWith("https://") || url.startsWith("http://")
        || (kind == Kind.GIT_URL && url.startsWith("git://"));
    if (ok) {
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c <= ' ' || c == 0x7f) {
          return "must be " + kind.description + " without spaces or control characters";
        }
      }
      return null;
    }
    return "must be " + kind.description + (kind == Kind.GIT_URL
        ? " (TuxSuite does not fetch over ssh)" : "") + ", not " + Texts.quote(url);
  }

  /** Returns why a callback header is not one, or null when it is. */
  static String headerProblem(String name, String value) {
    if (name.isEmpty()) {
      return "has a header without a name";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return "has a header name that is not an HTTP token: " + Texts.quote(name);
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return "has a control character in the value of header " + Texts.quote(name);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- by hand

  /**
   * Checks fields given to a record constructor and copies them, unmodifiable.
   *
   * @throws IllegalArgumentException naming a key that is not in the schema or a value of the
   *     wrong type
   * @throws NullPointerException when the map, a key or a value is null
   */
  static Map<String, Object> copy(Map<String, Object> fields, Map<String, Kind> schema,
      String what) {
    Objects.requireNonNull(fields, "fields");
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), what + " field name");
      Kind kind = schema.get(key);
      if (kind == null) {
        throw new IllegalArgumentException("unknown " + what + " field " + Texts.quote(key)
            + "; known: " + Texts.list(schema.keySet()));
      }
      Object value = Objects.requireNonNull(e.getValue(), what + " field " + key);
      out.put(key, copyValue(key, value, kind));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object copyValue(String key, Object value, Kind kind) {
    String wrong = "field " + key + " must be " + kind.description + ", not "
        + value.getClass().getSimpleName();
    switch (kind) {
      case TEXT:
      case GIT_URL:
      case HTTP_URL:
        if (!(value instanceof String s)) {
          throw new IllegalArgumentException(wrong);
        }
        if (s.isBlank()) {
          throw new IllegalArgumentException("field " + key + " is blank");
        }
        if (kind != Kind.TEXT && urlProblem(s, kind) != null) {
          throw new IllegalArgumentException("field " + key + " " + urlProblem(s, kind));
        }
        return s;
      case BOOLEAN:
        if (!(value instanceof Boolean)) {
          throw new IllegalArgumentException(wrong);
        }
        return value;
      case TEXTS:
        return strings(value, key, wrong);
      case TEXT_MAP:
      case HEADERS:
      case MINUTES: {
        if (!(value instanceof Map<?, ?> map)) {
          throw new IllegalArgumentException(wrong);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("field " + key + " has a name that is not a"
                + " string or is blank");
          }
          Object v = e.getValue();
          boolean ok = kind == Kind.MINUTES
              ? v instanceof Integer i && i >= 1 && i <= MAX_MINUTES
              : v instanceof String;
          if (!ok) {
            throw new IllegalArgumentException("field " + key + "." + name + " must be "
                + (kind == Kind.MINUTES ? "minutes from 1 to " + MAX_MINUTES : "a string"));
          }
          if (kind == Kind.HEADERS && headerProblem(name, (String) v) != null) {
            throw new IllegalArgumentException("field " + key + " "
                + headerProblem(name, (String) v));
          }
          out.put(name, v);
        }
        return Collections.unmodifiableMap(out);
      }
      default: {
        if (!(value instanceof List<?> list)) {
          throw new IllegalArgumentException(wrong);
        }
        List<List<String>> out = new ArrayList<>(list.size());
        for (Object pair : list) {
          List<String> strings = strings(pair, key, wrong);
          if (strings.size() != 2) {
            throw new IllegalArgumentException("field " + key + " must hold [url, destination]"
                + " pairs");
          }
          out.add(strings);
        }
        return List.copyOf(out);
      }
    }
  }

  private static List<String> strings(Object value, String key, String wrong) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(wrong);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException("field " + key + " must hold strings, not blank");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** Returns a field's string, or null when absent. */
  static String text(Map<String, Object> fields, String key) {
    return (String) fields.get(key);
  }

  /** Returns a field's list, or an empty list when absent. */
  @SuppressWarnings("unchecked")
  static List<String> texts(Map<String, Object> fields, String key) {
    Object v = fields.get(key);
    return v == null ? List.of() : (List<String>) v;
  }
}
