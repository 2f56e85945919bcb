package dev.buildbridge.workflow.kdl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A number, kept exactly: integers (decimal, {@code 0x}, {@code 0o}, {@code 0b}) as
 * {@link BigInteger}, decimals and exponents as {@link BigDecimal} (so {@code 1.0e10} stays
 * {@code 1.0E+10}), and KDL 2's {@code #inf}, {@code #-inf}, {@code #nan} as {@link Double}.
 * The radix an integer was written in is kept too, because KDL 1's canonical form writes
 * {@code 0x1f} back as {@code 0x1f}; it is a matter of presentation and takes no part in
 * {@link #equals(Object)}: {@code 0x10} and {@code 16} are the same number.
 *
 * <pre>{@code
 * KdlNumber n = (KdlNumber) node.arguments().get(0);
 * long timeout = n.longValueExact();      // throws ArithmeticException if not a whole long
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 * @param value a {@link BigInteger}, a {@link BigDecimal}, or a {@link Double} that is infinite or
 *     NaN
 * @param radix the radix the number was written in: 2, 8 or 16 for a {@link BigInteger} written
 *     {@code 0b}, {@code 0o} or {@code 0x}, otherwise 10
 */
public record KdlNumber(String type, Number value, int radix) implements KdlValue {

  /**
   * Checks the value's class and the radix.
   *
   * @throws IllegalArgumentException when {@code value} is not one of the three kinds above, or
   *     {@code radix} is not 2, 8, 10 or 16, or is not 10 for a value that is not a
   *     {@link BigInteger}
   */
  public KdlNumber {
    Objects.requireNonNull(value, "value");
    if (!(value instanceof BigInteger || value instanceof BigDecimal
        || (value instanceof Double d && (d.isInfinite() || d.isNaN())))) {
      throw new IllegalArgumentException(
          "value must be a BigInteger, a BigDecimal or an infinite/NaN Double, not "
              + value.getClass().getName() + " " + value);
    }
    if (radix != 10
        && (!(value instanceof BigInteger) || (radix != 2 && radix != 8 && radix != 16))) {
      throw new IllegalArgumentException(
          "radix must be 10, or 2, 8 or 16 for an integer: " + radix);
    }
  }

  /**
   * Creates a number written in decimal.
   *
   * @param type the type annotation, or {@code null}
   * @param value a {@link BigInteger}, a {@link BigDecimal}, or a {@link Double} that is infinite
   *     or NaN
   * @throws IllegalArgumentException when {@code value} is none of these
   */
  public KdlNumber(String type, Number value) {
    this(type, value, 10);
  }

  @Override
  public KdlNumber withType(String type) {
    return new KdlNumber(type, value, radix);
  }

  /**
   * Compares type annotation and value; the {@link #radix()} is presentation and not compared.
   *
   * @param o the other object
   * @return whether {@code o} is a number with the same annotation and value
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof KdlNumber other && Objects.equals(type, other.type)
        && value.equals(other.value);
  }

  /**
   * Hashes type annotation and value, consistently with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(type, value);
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
