package dev.buildbridge.workflow.kdl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A number, kept exactly: integers (decimal, {@code 0x}, {@code 0o}, {@code 0b}) as
 * {@link BigInteger}, decimals and exponents as {@link BigDecimal} (so {@code 1.0e10} stays
 * {@code 1.0E+10}), and KDL 2's {@code #inf}, {@code #-inf}, {@code #nan} as {@link Double}.
 *
 * <pre>{@code
 * KdlNumber n = (KdlNumber) node.arguments().get(0);
 * long timeout = n.longValueExact();      // throws ArithmeticException if not a whole long
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 * @param value a {@link BigInteger}, a {@link BigDecimal}, or a {@link Double} that is infinite or
 *     NaN
 */
public record KdlNumber(String type, Number value) implements KdlValue {

  /**
   * Checks the value's class.
   *
   * @throws IllegalArgumentException when {@code value} is not one of the three kinds above
   */
  public KdlNumber {
    Objects.requireNonNull(value, "value");
    if (!(value instanceof BigInteger || value instanceof BigDecimal
        || (value instanceof Double d && (d.isInfinite() || d.isNaN())))) {
      throw new IllegalArgumentException(
          "value must be a BigInteger, a BigDecimal or an infinite/NaN Double, not "
              + value.getClass().getName() + " " + value);
    }
  }

  @Override
  public KdlNumber withType(String type) {
    return new KdlNumber(type, value);
  }

  /**
   * Tells whether the number was written as an integer.
   *
   * @return {@code true} for a {@link BigInteger} value
   */
  public boolean isInteger() {
    return value instanceof BigInteger;
  }

  /**
   * Tells whether the number is {@code #inf}, {@code #-inf} or {@code #nan}.
   *
   * @return {@code true} for those three
   */
  public boolean isSpecial() {
    return value instanceof Double;
  }

  /**
   * Returns the number as an exact decimal.
   *
   * @return the decimal
   * @throws ArithmeticException for {@code #inf}, {@code #-inf} and {@code #nan}
   */
  public BigDecimal bigDecimalValue() {
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    throw new ArithmeticException(value + " has no decimal value");
  }

  /**
   * Returns the number as a {@code long} if it is a whole number in range.
   *
   * @return the value
   * @throws ArithmeticException when it has a fraction, is out of range or is special
   */
  public long longValueExact() {
    return bigDecimalValue().longValueExact();
  }

  /**
   * Returns the number as an {@code int} if it is a whole number in range.
   *
   * @return the value
   * @throws ArithmeticException when it has a fraction, is out of range or is special
   */
  public int intValueExact() {
    return bigDecimalValue().intValueExact();
  }

  /**
   * Returns the nearest {@code double}.
   *
   * @return the value, possibly rounded
   */
  public double doubleValue() {
    return value.doubleValue();
  }
}
