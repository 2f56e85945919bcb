package dev.buildbridge.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a job request came from: the {@code source} field of {@code jobrequest.v1}. Written in lower
 * case; read in any case, because some Solstice-compatible senders write {@code "Github"}.
 *
 * <pre>{@code
 * JobSource source = JobSource.parse("Forgejo"); // FORGEJO
 * String wire = source.wireName();                // "forgejo"
 * }</pre>
 */
public enum JobSource {
  /** A GitHub webhook delivery. */
  GITHUB,
  /** A Forgejo or Gitea webhook delivery. */
  FORGEJO,
  /** A GitLab webhook delivery. */
  GITLAB,
  /** Submitted by hand or by a tool, not by a forge. */
  MANUAL;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /**
   * Returns the lower-case name used on the wire.
   *
   * @return {@code github}, {@code forgejo}, {@code gitlab} or {@code manual}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a source name in any case.
   *
   * @param name the wire name, such as {@code "github"} or {@code "Github"}
   * @return the source
   * @throws IllegalArgumentException when the name is none of the known sources
   */
  @JsonCreator
  public static JobSource parse(String name) {
    if (name != null) {
      for (JobSource source : values()) {
        if (source.wireName.equalsIgnoreCase(name)) {
          return source;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown job source \"" + name + "\" (expected github, forgejo, gitlab or manual)");
  }
}
