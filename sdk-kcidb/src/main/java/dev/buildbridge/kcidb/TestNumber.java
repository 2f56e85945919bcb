package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The numerical output of a test ({@code number}): a value, optionally its unit and how to scale
 * it for display. It means something only with {@code FAIL}, {@code ERROR}, {@code PASS} or
 * {@code DONE}, normally {@code DONE}.
 *
 * <pre>{@code
 * TestNumber throughput = TestNumber.of(512000)
 *     .withUnit("B/s")
 *     .withPrefix(TestNumber.Prefix.BINARY);
 * }</pre>
 *
 * @param value the value; finite
 * @param unit the (compound) unit symbol such as {@code s} or {@code MiB}, or {@code null} when the
 *     value is dimensionless; no NUL
 * @param prefix how to scale the value for display, or {@code null} for no scaling
 */
public record TestNumber(double value, String unit, Prefix prefix) {

  /** How a value is scaled for display: {@code metric} (K, M, G) or {@code binary} (Ki, Mi). */
  public enum Prefix {
    /** 1000-based, K, M, G. */
    METRIC,
    /** 1024-based, Ki, Mi, Gi. */
    BINARY;

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when the value is not finite or the unit has a NUL
   */
  public TestNumber {
    Checks.finite("value", value);
    Checks.text("unit", unit);
  }

  /**
   * Returns a dimensionless number without scaling.
   *
   * @param value the value; finite
   * @return the number
   * @throws IllegalArgumentException when the value is not finite
   */
  public static TestNumber of(double value) {
    return new TestNumber(value, null, null);
  }

  /**
   * Returns a copy with a unit.
   *
   * @param unit the unit symbol, or {@code null} for none; no NUL
   * @return the copy
   * @throws IllegalArgumentException when the unit has a NUL
   */
  public TestNumber withUnit(String unit) {
    return new TestNumber(value, unit, prefix);
  }

  /**
   * Returns a copy with a display prefix.
   *
   * @param prefix the prefix, or {@code null} for none
   * @return the copy
   */
  public TestNumber withPrefix(Prefix prefix) {
    return new TestNumber(value, unit, prefix);
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    JsonIo.put(o, "value", value);
    JsonIo.put(o, "unit", unit);
    if (prefix != null) {
      o.put("prefix", prefix.json());
    }
    return o;
  }

  static TestNumber read(JsonNode o) {
    String prefix = JsonIo.text(o, "prefix");
    return new TestNumber(o.get("value").doubleValue(), JsonIo.text(o, "unit"),
        prefix == null ? null : Prefix.valueOf(prefix.toUpperCase(Locale.ROOT)));
  }
}
