package dev.buildbridge.kcidb.submit;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of one outbox entry: random, fixed when the document is journaled, and kept until KCIDB
 * accepted it. A send repeated after a crash sends the same entry, hence the same bytes.
 *
 * <pre>{@code
 * List<EntryId> ids = outbox.submit(document);
 * boolean stillPending = outbox.pending().stream().anyMatch(e -> e.id().equals(ids.get(0)));
 * }</pre>
 *
 * @param value 1 to 64 ASCII letters, digits, {@code -} and {@code _} (a UUID for the ids
 *     {@link #random()} makes), so that it fits a file name or a database key
 */
public record EntryId(String value) {

  /**
   * Checks the value.
   *
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, longer than 64 characters, or has another
   *     character than letters, digits, {@code -} and {@code _}
   */
  public EntryId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("entry id must be 1 to 64 ASCII letters, digits, '-' or"
          + " '_', was " + Json.quote(value));
    }
  }

  /**
   * Returns a new random id.
   *
   * @return a random UUID as id
   */
  public static EntryId random() {
    return new EntryId(UUID.randomUUID().toString());
  }

  static boolean isValid(String value) {
    if (value.isEmpty() || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the value.
   *
   * @return the id as text
   */
  @Override
  public String toString() {
    return value;
  }
}
