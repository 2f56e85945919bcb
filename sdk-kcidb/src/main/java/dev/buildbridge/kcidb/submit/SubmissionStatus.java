package dev.buildbridge.kcidb.submit;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a submission is in KCIDB's pipeline, as {@code GET /status?id=} reports it. KCIDB-ng checks
 * only that a submission is JSON when it answers {@code 200}; the schema is checked later by the
 * ingester, so {@link State#FAILED} is the first sign of a document it refused (or of a database
 * error on its side: a failed batch marks every file in it failed).
 *
 * <pre>{@code
 * SubmissionStatus status = client.status(result.ids().get(0));
 * while (!status.state().isFinal()) {
 *     Thread.sleep(5_000);
 *     status = client.status(status.id());
 * }
 * }</pre>
 *
 * @param id the submission id asked about
 * @param state the state
 * @param message the server's explanation, such as {@code File archived}; empty when none
 */
public record SubmissionStatus(String id, State state, String message) {

  /**
   * Checks the components; a null message becomes empty.
   *
   * @throws NullPointerException if {@code id} or {@code state} is null
   */
  public SubmissionStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    message = message == null ? "" : message;
  }

  /** The states KCIDB-ng reports. */
  public enum State {
    /** {@code inprogress}: the file is still being written. */
    IN_PROGRESS("inprogress", false),
    /** {@code ready}: stored, waiting for the ingester. */
    READY("ready", false),
    /** {@code processed}: ingested into the database and archived. */
    PROCESSED("processed", true),
    /** {@code failed}: refused by validation, or caught in a failed database batch. */
    FAILED("failed", true),
    /** {@code notfound} (HTTP 404): unknown id, or already purged. */
    NOT_FOUND("notfound", true),
    /** A state this version does not know. */
    UNKNOWN("", false);

    private final String wireName;
    private final boolean isFinal;

    State(String wireName, boolean isFinal) {
      this.wireName = wireName;
      this.isFinal = isFinal;
    }

    /**
     * Returns the name KCIDB uses.
     *
     * @return for example {@code inprogress}; empty for {@link #UNKNOWN}
     */
    public String wireName() {
      return wireName;
    }

    /**
     * Returns whether the state will not change any more.
     *
     * @return true for {@link #PROCESSED}, {@link #FAILED} and {@link #NOT_FOUND}
     */
    public boolean isFinal() {
      return isFinal;
    }

    /**
     * Returns the state KCIDB names so.
     *
     * @param wireName the {@code status} field, such as {@code ready}; case-insensitive
     * @return the state, {@link #UNKNOWN} for anything else (null included)
     */
    public static State ofWireName(String wireName) {
      if (wireName == null || wireName.isEmpty()) {
        return UNKNOWN;
      }
      String lower = wireName.toLowerCase(Locale.ROOT);
      for (State s : values()) {
        if (s.wireName.equals(lower)) {
          return s;
        }
      }
      return UNKNOWN;
    }
  }
}
