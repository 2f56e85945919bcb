package dev.buildbridge.workflow.kdl;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A value in a KDL document: an argument or the value of a property, with its optional type
 * annotation ({@code (date)"2026-11-21"}).
 *
 * <pre>{@code
 * KdlValue v = node.property("retries").orElseThrow();
 * if (v instanceof KdlNumber n && n.isInteger()) {
 *     int retries = n.intValueExact();
 * } else if (v instanceof KdlString s) {
 *     String text = s.value();
 * }
 * }</pre>
 */
public sealed interface KdlValue permits KdlString, KdlNumber, KdlBoolean, KdlNull {

  /**
   * Returns the type annotation.
   *
   * @return the annotation without parentheses, or {@code null} when there is none
   */
  String type();

  /**
   * Returns the same value with another type annotation.
   *
   * @param type the annotation, or {@code null} for none
   * @return the annotated value
   */
  KdlValue withType(String type);

  /**
   * Returns the string of a string value.
   *
   * @return the string, or {@code null} when this is not a {@link KdlString}
   */
  default String asString() {
    return this instanceof KdlString s ? s.value() : null;
  }

  /**
   * Returns a string value without annotation.
   *
   * @param value the string
   * @return the value
   */
  static KdlString of(String value) {
    return new KdlString(null, value);
  }

  /**
   * Returns an integer value without annotation.
   *
   * @param value the integer
   * @return the value
   */
  static KdlNumber of(long value) {
    return new KdlNumber(null, BigInteger.valueOf(value));
  }

  /**
   * Returns a decimal value without annotation.
   *
   * @param value the decimal, kept exactly (scale included)
   * @return the value
   */
  static KdlNumber of(BigDecimal value) {
    return new KdlNumber(null, value);
  }

  /**
   * Returns a boolean value without annotation.
   *
   * @param value the boolean
   * @return the value
   */
  static KdlBoolean of(boolean value) {
    return new KdlBoolean(null, value);
  }
}
