package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding of a public key blob (RFC 4251 section 5): a sequence of {@code string}
 * fields, each a big-endian uint32 length followed by that many bytes. Every failure is a
 * {@link Reason#MALFORMED_KEY} whose message names the field, never the key bytes. Not thread-safe;
 * use one reader per blob.
 */
public final class SshWireReader {
  private final byte[] data;
  private int position;

  /**
   * Starts reading at the first byte of {@code data}; the array is read, not copied.
   *
   * @param data the decoded blob
   */
  public SshWireReader(byte[] data) {
    this.data = data;
  }

  /**
   * Reads the next {@code string} field.
   *
   * @param field what the field holds, for the error message (such as {@code "curve name"})
   * @return a copy of the field's bytes
   * @throws SignatureVerificationException when the length prefix or the bytes run past the end
   */
  public byte[] readString(String field) {
    int remaining = data.length - position;
    if (remaining < 4) {
      throw truncated(field);
    }
    long length = ((data[position] & 0xffL) << 24)
        | ((data[position + 1] & 0xffL) << 16)
        | ((data[position + 2] & 0xffL) << 8)
        | (data[position + 3] & 0xffL);
    if (length > remaining - 4) {
      throw truncated(field);
    }
    int start = position + 4;
    position = start + (int) length;
    return Arrays.copyOfRange(data, start, position);
  }

  /**
   * Reads the next {@code string} field as a name (key type, curve name). Bytes are mapped one to one
   * onto characters (ISO-8859-1), so a comparison with an ASCII name is exact.
   *
   * @param field what the field holds, for the error message
   * @return the field as text
   * @throws SignatureVerificationException when the field runs past the end
   */
  public String readName(String field) {
    return new String(readString(field), StandardCharsets.ISO_8859_1);
  }

  /**
   * Checks that every byte has been read.
   *
   * @throws SignatureVerificationException when bytes are left over
   */
  public void requireEnd() {
    int left = data.length - position;
    if (left != 0) {
      throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
          "OpenSSH public key data has " + left + " unexpected trailing byte(s)");
    }
  }

  private static SignatureVerificationException truncated(String field) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null,
        "OpenSSH public key data is truncated: the " + field + " field is missing or cut short");
  }
}
