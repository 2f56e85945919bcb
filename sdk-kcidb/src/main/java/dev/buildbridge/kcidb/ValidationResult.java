package dev.buildbridge.kcidb;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of a {@link KcidbValidator}: valid or not, and every violation found, in document
 * order. A hostile document can break the rules millions of times; past the validator's
 * {@link KcidbValidator.Builder#maxViolations(int) limit} violations are only counted, in
 * {@link #omitted()}.
 *
 * <pre>{@code
 * ValidationResult result = KcidbValidator.officialSchema().validate(json);
 * if (!result.valid()) {
 *     result.violations().forEach(System.err::println);
 * }
 * }</pre>
 *
 * @param valid whether the document follows the rules: no violations at all
 * @param violations the violations listed, at most the validator's limit; unmodifiable
 * @param omitted how many more violations were found but not listed
 */
public record ValidationResult(boolean valid, List<Violation> violations, long omitted)
    implements Serializable {

  /**
   * Checks that the parts agree.
   *
   * @throws NullPointerException when {@code violations} is or holds null
   * @throws IllegalArgumentException when {@code valid} disagrees with the violations, or
   *     {@code omitted} is negative or set without listed violations
   */
  public ValidationResult {
    violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    if (omitted < 0 || omitted > 0 && violations.isEmpty()) {
      throw new IllegalArgumentException("omitted must be >= 0 and needs listed violations, was "
          + omitted);
    }
    if (valid != violations.isEmpty()) {
      throw new IllegalArgumentException("valid is " + valid + " but there are "
          + violations.size() + " violations");
    }
  }

  /**
   * Returns the verdict for a document without violations.
   *
   * @return a valid result
   */
  public static ValidationResult ok() {
    return new ValidationResult(true, List.of(), 0);
  }

  /**
   * Returns a summary: {@code valid}, or the first few violations, one per line.
   *
   * @param limit how many violations to show, at least 1
   * @return the summary
   * @throws IllegalArgumentException when {@code limit} is less than 1
   */
  public String summary(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    if (valid) {
      return "valid";
    }
    long total = violations.size() + omitted;
    StringBuilder b = new StringBuilder();
    b.append(total).append(total == 1 ? " violation" : " violations");
    for (int i = 0; i < Math.min(limit, violations.size()); i++) {
      b.append("\n  ").append(violations.get(i));
    }
    if (total > limit) {
      b.append("\n  ... and ").append(total - Math.min(limit, violations.size())).append(" more");
    }
    return b.toString();
  }
}
