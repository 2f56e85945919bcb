package dev.buildbridge.core.json;

/**
 * Bounds on the JSON documents a hardened mapper accepts. Hostile input is normal input for a webhook
 * endpoint: these limits turn deep nesting, huge strings and oversized documents into a clear parse
 * error instead of a stack overflow or an out-of-memory.
 *
 * <pre>{@code
 * JsonLimits limits = JsonLimits.defaults().withMaxDocumentBytes(1 << 20);
 * ObjectMapper mapper = HardenedJson.newMapper(limits);
 * }</pre>
 *
 * @param maxNestingDepth deepest allowed nesting of arrays and objects (default 128)
 * @param maxStringLength longest allowed string value, in characters (default 10,000,000)
 * @param maxNameLength longest allowed property name, in characters (default 1,024)
 * @param maxNumberLength longest allowed number literal, in characters (default 200)
 * @param maxDocumentBytes largest allowed document, in bytes (default 25 MiB, GitHub's payload cap)
 */
public record JsonLimits(
    int maxNestingDepth,
    int maxStringLength,
    int maxNameLength,
    int maxNumberLength,
    long maxDocumentBytes) {

  private static final JsonLimits DEFAULTS = new JsonLimits(128, 10_000_000, 1_024, 200, 25L << 20);

  /**
   * Checks that every limit is positive.
   *
   * @throws IllegalArgumentException when a limit is zero or negative, naming it
   */
  public JsonLimits {
    requirePositive(maxNestingDepth, "maxNestingDepth");
    requirePositive(maxStringLength, "maxStringLength");
    requirePositive(maxNameLength, "maxNameLength");
    requirePositive(maxNumberLength, "maxNumberLength");
    requirePositive(maxDocumentBytes, "maxDocumentBytes");
  }

  /**
   * Returns the defaults: nesting 128, strings 10,000,000 chars, names 1,024 chars, numbers 200
   * chars, documents 25 MiB.
   *
   * @return the default limits
   */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another nesting limit.
   *
   * @param depth deepest allowed nesting, positive
   * @return the new limits
   */
  public JsonLimits withMaxNestingDepth(int depth) {
    return new JsonLimits(depth, maxStringLength, maxNameLength, maxNumberLength, maxDocumentBytes);
  }

  /**
   * Returns a copy with another string length limit.
   *
   * @param chars longest allowed string value, positive
   * @return the new limits
   */
  public JsonLimits withMaxStringLength(int chars) {
    return new JsonLimits(maxNestingDepth, chars, maxNameLength, maxNumberLength, maxDocumentBytes);
  }

  /**
   * Returns a copy with another document size limit.
   *
   * @param bytes largest allowed document, positive
   * @return the new limits
   */
  public JsonLimits withMaxDocumentBytes(long bytes) {
    return new JsonLimits(maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, bytes);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
