package dev.buildbridge.kcidb.submit;

import java.util.Objects;

/**
 * One document KCIDB accepted: the submission id from its {@code 200} answer and the size sent.
 * The id is what {@link KcidbClient#status(String)} asks about.
 *
 * <pre>{@code
 * for (Submission s : client.submit(document).submissions()) {
 *     log.log(INFO, "KCIDB submission " + s.id() + " (" + s.bytes() + " bytes)");
 * }
 * }</pre>
 *
 * @param id the submission id KCIDB gave, 1 to 128 ASCII letters and digits (32 in KCIDB-ng)
 * @param bytes the size of the document sent, in bytes
 */
public record Submission(String id, long bytes) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is not 1 to 128 letters and digits, or
   *     {@code bytes} is negative
   */
  public Submission {
    Objects.requireNonNull(id, "id");
    if (!isSubmissionId(id)) {
      throw new IllegalArgumentException("id must be 1 to 128 ASCII letters and digits, was "
          + Json.quote(id));
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be 0 or more, was " + bytes);
    }
  }

  /** KCIDB-ng's ids are alphanumeric; its status endpoint refuses anything else. */
  static boolean isSubmissionId(String id) {
    if (id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
