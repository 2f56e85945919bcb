package dev.buildbridge.kcidb;

import java.util.List;
import java.util.Objects;

/**
 * A KCIDB document that breaks the rules: {@link #reason()} is
 * {@link KcidbException.Reason#INVALID_DOCUMENT}, {@link #violations()} says where and what, and
 * the message shows the first few, one per line, such as
 * {@code /builds/0/start_time: needs a timezone offset (Z or ±hh:mm)}.
 *
 * <pre>{@code
 * try {
 *     KcidbDocument document = KcidbDocument.parse(bytes);
 * } catch (KcidbValidationException e) {
 *     e.violations().forEach(v -> System.err.println(v.pointer() + " " + v.message()));
 * }
 * }</pre>
 */
public final class KcidbValidationException extends KcidbException {
  private static final long serialVersionUID = 1L;

  /** Violations shown in the message; all are in {@link #violations()}. */
  private static final int SHOWN = 10;

  private final ValidationResult result;

  /**
   * Creates the failure for an invalid result.
   *
   * @param what what was invalid, such as {@code KCIDB document}
   * @param result the verdict; must be invalid
   * @throws IllegalArgumentException when the result is valid
   * @throws NullPointerException when an argument is null
   */
  public KcidbValidationException(String what, ValidationResult result) {
    this(what, result, null);
  }

  /**
   * Creates the failure for an invalid result found because of another failure.
   *
   * @param what what was invalid, such as {@code KCIDB document}
   * @param result the verdict; must be invalid
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException when the result is valid
   * @throws NullPointerException when {@code what} or {@code result} is null
   */
  public KcidbValidationException(String what, ValidationResult result, Throwable cause) {
    super(Reason.INVALID_DOCUMENT, Objects.requireNonNull(what, "what") + " is invalid: "
        + Objects.requireNonNull(result, "result").summary(SHOWN), cause);
    if (result.valid()) {
      throw new IllegalArgumentException("result is valid");
    }
    this.result = result;
  }

  /**
   * Returns the violations listed by the validator.
   *
   * @return the violations in document order; unmodifiable, not empty
   */
  public List<Violation> violations() {
    return result.violations();
  }

  /**
   * Returns the whole verdict, including how many violations were not listed.
   *
   * @return the result
   */
  public ValidationResult result() {
    return result;
  }
}
