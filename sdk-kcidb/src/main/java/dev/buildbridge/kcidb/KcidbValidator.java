package dev.buildbridge.kcidb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Checks KCIDB documents against the v5.3 I/O schema, written by hand for speed and clear
 * messages: one walk over the tree, character loops instead of regular expressions, and every
 * violation reported with its JSON pointer ({@code /builds/0/start_time: needs a timezone offset
 * (Z or ±hh:mm)}). Immutable and thread-safe.
 *
 * <pre>{@code
 * ValidationResult result = KcidbValidator.officialSchema().validate(bytes);
 * if (!result.valid()) {
 *     System.err.println(result.summary(10));
 * }
 * KcidbValidator.strict().requireValid(document.toJsonNode()); // before submitting
 * }</pre>
 *
 * <p>{@link #officialSchema()} gives the verdict of the official schema ({@code kcidb-io}'s v5.3,
 * Draft-07 with format checking, as KCIDB's ingester runs it): required properties, types, no
 * unknown properties outside {@code misc}, id and origin patterns, the hash patterns, test paths,
 * enums, {@code log_excerpt} length in code points, and the formats {@code date-time},
 * {@code uri} and {@code email} with the official checker's semantics. Where that checker is
 * Python-specific this validator follows JSON Schema instead, and is stricter: a pattern's
 * {@code $} is the end of the string (Python's also matches before a final newline, so it takes
 * the origin {@code "abc\n"}), and a number too large for a double ({@code 1e400}) is refused.
 *
 * <p>{@link #strict()} adds what kcidb-io and this SDK require beyond the JSON schema: every
 * object's id starts with its own {@code origin:} and has a non-empty local part; properties newer
 * than the document's declared minor version are refused (kcidb-io validates against the declared
 * version, a missing minor being 0); {@code message_id} has no NUL; issue versions fit 64 bits;
 * numbers fit a double (in {@code misc} too); {@code misc} nests at most 64 levels. Documents
 * this SDK writes always pass it, and documents that pass it can be read into the SDK's records.
 */
public final class KcidbValidator {
  /** Default {@link Builder#maxViolations(int)}. */
  public static final int DEFAULT_MAX_VIOLATIONS = 1000;

  private static final KcidbValidator OFFICIAL = newBuilder().build();
  private static final KcidbValidator STRICT = newBuilder().conventions(true).build();

  private final boolean conventions;
  private final int maxViolations;
  private final JsonLimits limits;
  private final ObjectMapper mapper;

  private KcidbValidator(Builder b) {
    this.conventions = b.conventions;
    this.maxViolations = b.maxViolations;
    this.limits = b.limits;
    this.mapper = HardenedJson.newMapper(b.limits);
  }

  /**
   * Returns the validator that gives the official v5.3 schema's verdict.
   *
   * @return a shared instance
   */
  public static KcidbValidator officialSchema() {
    return OFFICIAL;
  }

  /**
   * Returns the validator for the official schema plus the conventions described above.
   *
   * @return a shared instance
   */
  public static KcidbValidator strict() {
    return STRICT;
  }

  /**
   * Starts a builder. Defaults: the official schema only (no conventions), at most
   * {@value #DEFAULT_MAX_VIOLATIONS} violations listed, {@link JsonLimits#defaults()} for bytes.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this validator's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().conventions(conventions).maxViolations(maxViolations).jsonLimits(limits);
  }

  /**
   * Tells whether this validator checks the conventions beyond the JSON schema.
   *
   * @return true for {@link #strict()}-like validators
   */
  public boolean conventions() {
    return conventions;
  }

  /**
   * Returns how many violations a result lists at most.
   *
   * @return the limit
   */
  public int maxViolations() {
    return maxViolations;
  }

  /**
   * Validates a parsed document.
   *
   * @param document the document, any JSON value; not modified
   * @return the verdict with every violation (up to the limit)
   * @throws NullPointerException when {@code document} is null
   */
  public ValidationResult validate(JsonNode document) {
    Objects.requireNonNull(document, "document");
    DocumentWalker walker = new DocumentWalker(conventions, maxViolations);
    walker.document(document);
    return walker.result();
  }

  /**
   * Parses and validates a document. Bytes that are not JSON within the limits (malformed, not
   * UTF-8, duplicate keys, too deep or too large) give one violation at the document.
   *
   * @param json the document as UTF-8 JSON
   * @return the verdict; never throws for anything in {@code json}
   * @throws NullPointerException when {@code json} is null
   */
  public ValidationResult validate(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (IOException e) {
      return new ValidationResult(false, List.of(new Violation("", notJson(e))), 0);
    }
    if (tree == null || tree.isMissingNode()) {
      return new ValidationResult(false, List.of(new Violation("", "is empty, not JSON")), 0);
    }
    return validate(tree);
  }

  /**
   * Validates a parsed document and throws if it is invalid.
   *
   * @param document the document; not modified
   * @throws KcidbValidationException when it is invalid, with every violation
   * @throws NullPointerException when {@code document} is null
   */
  public void requireValid(JsonNode document) {
    ValidationResult result = validate(document);
    if (!result.valid()) {
      throw new KcidbValidationException("KCIDB document", result);
    }
  }

  /**
   * Parses and validates a document, and throws if it is invalid.
   *
   * @param json the document as UTF-8 JSON
   * @return the parsed document, valid
   * @throws KcidbValidationException when it is not JSON or invalid, with every violation
   * @throws NullPointerException when {@code json} is null
   */
  public JsonNode requireValid(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (IOException e) {
      throw new KcidbValidationException("KCIDB document",
          new ValidationResult(false, List.of(new Violation("", notJson(e))), 0));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new KcidbValidationException("KCIDB document",
          new ValidationResult(false, List.of(new Violation("", "is empty, not JSON")), 0));
    }
    requireValid(tree);
    return tree;
  }

  static String notJson(IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      JsonLocation at = j.getLocation();
      String where = at == null || at.getLineNr() < 0 ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return "is not valid JSON" + where + ": " + j.getOriginalMessage();
    }
    return "cannot be read: " + e.getMessage();
  }

  /** Builds a {@link KcidbValidator}. */
  public static final class Builder {
    private boolean conventions;
    private int maxViolations = DEFAULT_MAX_VIOLATIONS;
    private JsonLimits limits = JsonLimits.defaults();

    private Builder() {}

    /**
     * Turns the conventions beyond the JSON schema on or off (default off); see
     * {@link KcidbValidator#strict()}.
     *
     * @param conventions whether to check them
     * @return this builder
     */
    public Builder conventions(boolean conventions) {
      this.conventions = conventions;
      return this;
    }

    /**
     * Sets how many violations a result lists at most (default
     * {@value KcidbValidator#DEFAULT_MAX_VIOLATIONS}); more are counted in
     * {@link ValidationResult#omitted()}. The verdict does not depend on it.
     *
     * @param maxViolations at least 1
     * @return this builder
     * @throws IllegalArgumentException when it is less than 1
     */
    public Builder maxViolations(int maxViolations) {
      if (maxViolations < 1) {
        throw new IllegalArgumentException("maxViolations must be >= 1, was " + maxViolations);
      }
      this.maxViolations = maxViolations;
      return this;
    }

    /**
     * Sets the bounds for {@link KcidbValidator#validate(byte[])} (default
     * {@link JsonLimits#defaults()}: 25 MiB, nesting 128).
     *
     * @param limits the limits
     * @return this builder
     * @throws NullPointerException when {@code limits} is null
     */
    public Builder jsonLimits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     */
    public KcidbValidator build() {
      return new KcidbValidator(this);
    }
  }
}
