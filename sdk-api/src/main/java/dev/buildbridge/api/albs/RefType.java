package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a build task's {@code git_ref} names (ALBS's {@code BuildTaskRefType}). Sent as the
 * integer code; read from the code, the code as text, or the name ({@code git_tag}), which ALBS
 * accepts on input. Anything else reads as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * BuildTaskRef ref = BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git",
 *     "imports/c9/bash-5.1.8-9.el9", RefType.GIT_TAG);
 * }</pre>
 */
public enum RefType {
  /** 1: a branch. */
  GIT_BRANCH(1, "git_branch"),
  /** 2: a tag. */
  GIT_TAG(2, "git_tag"),
  /** 3: the URL of a source RPM; {@code git_ref} is unused. */
  SRPM_URL(3, "srpm_url"),
  /** 4: any git ref (branch, tag or commit). */
  GIT_REF(4, "git_ref"),
  /** A value this version does not know; never sent. */
  UNKNOWN(-1, "unknown");

  private final int code;
  private final String wireName;

  RefType(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  /**
   * Returns the code ALBS uses.
   *
   * @return 1 to 4, or -1 for {@link #UNKNOWN}
   */
  @JsonValue
  public int code() {
    return code;
  }

  /**
   * Returns the name ALBS also accepts on input.
   *
   * @return for example {@code git_tag}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a code.
   *
   * @param code the code
   * @return the type, or {@link #UNKNOWN}
   */
  public static RefType fromCode(int code) {
    for (RefType t : values()) {
      if (t != UNKNOWN && t.code == code) {
        return t;
      }
    }
    return UNKNOWN;
  }

  /**
   * Reads the value as ALBS sends or accepts it: an integer code, a code as text, or a name.
   *
   * @param value an {@code Integer}, a {@code String}, or anything else
   * @return the type, or {@link #UNKNOWN} for anything this version does not know
   */
  @JsonCreator
  public static RefType fromWire(Object value) {
    if (value instanceof Integer) {
      return fromCode((Integer) value);
    }
    if (!(value instanceof String)) {
      return UNKNOWN;
    }
    String text = ((String) value).strip();
    if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
      return fromCode(text.charAt(0) - '0');
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (RefType t : values()) {
      if (t != UNKNOWN && t.wireName.equals(lower)) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
