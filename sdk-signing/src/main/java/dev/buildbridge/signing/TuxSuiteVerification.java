package dev.buildbridge.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of a successful TuxSuite callback verification: the bytes to parse as the callback's
 * JSON, and whether they came from the legacy double-encoded form.
 *
 * <pre>{@code
 * TuxSuiteVerification verified = verifier.verify(signatureHeader, body);
 * JsonNode callback = mapper.readTree(verified.payload()); // {"kind": ..., "status": {...}}
 * }</pre>
 *
 * @param legacy true when the body was a JSON string literal and the signature covered the string it
 *     holds (TuxSuite's form from about 2023-07 to 2024-12)
 * @param payload the signed JSON document: the raw body, or for {@code legacy} the UTF-8 bytes of the
 *     decoded string
 */
public record TuxSuiteVerification(boolean legacy, byte[] payload) {

  /**
   * Copies the payload.
   *
   * @throws NullPointerException when {@code payload} is null
   */
  public TuxSuiteVerification {
    payload = Objects.requireNonNull(payload, "payload").clone();
  }

  /**
   * Returns the signed JSON document to parse.
   *
   * @return a copy of the payload bytes
   */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Compares the legacy flag and the payload bytes.
   *
   * @param other the object to compare with
   * @return true when both are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof TuxSuiteVerification
        && legacy == ((TuxSuiteVerification) other).legacy
        && Arrays.equals(payload, ((TuxSuiteVerification) other).payload);
  }

  /**
   * Hashes the legacy flag and the payload bytes.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(legacy) + Arrays.hashCode(payload);
  }

  /**
   * Describes the outcome without the payload, such as
   * {@code TuxSuiteVerification[legacy=false, payload=1460 bytes]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "TuxSuiteVerification[legacy=" + legacy + ", payload=" + payload.length + " bytes]";
  }
}
