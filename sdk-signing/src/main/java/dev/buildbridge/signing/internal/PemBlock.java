package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 7468 / RFC 1421 block: its label ({@code EC PRIVATE KEY}), its RFC 1421 headers
 * ({@code Proc-Type}, {@code DEK-Info}; empty for RFC 7468 blocks) and its base64 body, not yet decoded.
 * Labels are checked by {@link PemScanner} to be short printable ASCII, so they may appear in messages;
 * the body never does.
 *
 * @param label the text between {@code -----BEGIN } and {@code -----}
 * @param headers RFC 1421 headers, name to value
 * @param base64Body the body with line breaks and surrounding blanks removed
 */
public record PemBlock(String label, Map<String, String> headers, String base64Body) {

  /** Compact constructor: copies the headers. */
  public PemBlock {
    Objects.requireNonNull(label, "label");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(base64Body, "base64Body");
  }

  /**
   * Returns whether the label names a private key ({@code ... PRIVATE KEY}).
   *
   * @return true for private-key labels
   */
  public boolean isPrivateKey() {
    return label.endsWith("PRIVATE KEY");
  }

  /**
   * Decodes the body.
   *
   * @return the DER bytes
   * @throws SignatureVerificationException MALFORMED_KEY when the body is empty or not base64
   */
  public byte[] decodeBody() {
    if (base64Body.isEmpty()) {
      throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
          "PEM block '" + label + "' has an empty body");
    }
    try {
      return Base64.getDecoder().decode(base64Body);
    } catch (IllegalArgumentException e) {
      // the decoder's message names the offending character: do not keep it
      throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
          "PEM block '" + label + "' body is not valid base64");
    }
  }

  /** Redacts the body: only the label and header names are shown. */
  @Override
  public String toString() {
    return "PemBlock[label=" + label + ", headers=" + headers.keySet() + ", body=<redacted>]";
  }
}
