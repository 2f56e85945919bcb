package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a build artifact. A build node reports {@link #RPM} for {@code *.rpm} files and
 * {@link #BUILD_LOG} for everything else; other names ALBS may show read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * BuildArtifact log = BuildArtifact.of("mock.x86_64.log", href, sha256);   // BUILD_LOG
 * assert log.type() == ArtifactType.BUILD_LOG;
 * }</pre>
 */
public enum ArtifactType {
  /** {@code rpm}: a binary or source package. */
  RPM("rpm"),
  /** {@code build_log}: a log or any other file. */
  BUILD_LOG("build_log"),
  /** A value this version does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  ArtifactType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name ALBS uses.
   *
   * @return for example {@code build_log}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads ALBS's name.
   *
   * @param wireName the name
   * @return the type, or {@link #UNKNOWN} for a name this version does not know
   */
  @JsonCreator
  public static ArtifactType fromWire(String wireName) {
    for (ArtifactType t : values()) {
      if (t != UNKNOWN && t.wireName.equals(wireName)) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
