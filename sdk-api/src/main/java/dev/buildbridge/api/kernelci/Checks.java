package dev.buildbridge.api.kernelci;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the request records; messages name the argument, never a URL. */
final class Checks {
  /** The only runner the bridge accepts. */
  static final String RUNNER = "tuxsuite";

  private Checks() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  static String runner(String runner) {
    if (!RUNNER.equals(runner)) {
      throw new IllegalArgumentException("runner must be \"tuxsuite\", the only runner the bridge"
          + " accepts");
    }
    return runner;
  }

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
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String name) {
    Objects.requireNonNull(values, name);
    List<T> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      T value = Objects.requireNonNull(values.get(i), name + "[" + i + "]");
      if (value instanceof String text) {
        nonBlank(text, name + "[" + i + "]");
      }
      out.add(value);
    }
    return List.copyOf(out);
  }
}
