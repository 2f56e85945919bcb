package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * An incident ({@code incidents[]}): an issue occurring (or found absent) in a build or test.
 * Required are {@code id}, {@code origin}, {@code issue_id} and {@code issue_version}; every other
 * property is {@code null} when absent.
 *
 * <pre>{@code
 * Incident incident = Incident.newBuilder("tuxsuite", "incident-1")
 *     .issue(issue)
 *     .testId(test.id())
 *     .present(true)
 *     .build();
 * }</pre>
 *
 * @param id the id, {@code origin:local}; its prefix is {@code origin}
 * @param origin the submitting CI system, {@code [a-z0-9_]+}
 * @param issueId the id of the issue
 * @param issueVersion the version of the issue, at least 0
 * @param buildId the build exhibiting (or missing) the issue, or {@code null}
 * @param testId the test exhibiting (or missing) the issue, or {@code null}
 * @param present whether the issue occurred, or {@code null} while triage is ongoing
 * @param comment a human-readable comment, or {@code null}
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 * @param timestamp {@code _timestamp}, when the database last updated the object, or {@code null};
 *     metadata, ignored on submission
 */
public record Incident(
    String id,
    String origin,
    String issueId,
    long issueVersion,
    String buildId,
    String testId,
    Boolean present,
    String comment,
    ObjectNode misc,
    OffsetDateTime timestamp) {

  /**
   * Checks and copies the properties.
   *
   * @throws NullPointerException when a required property, or a list element, is null
   * @throws IllegalArgumentException when a property breaks its KCIDB rule, or the id does not
   *     start with {@code origin:} followed by a non-empty local part; the message names it
   */
  public Incident {
    Checks.ownId(id, origin);
    Checks.required("issueId", issueId, Syntax::id);
    Checks.notNegative("issueVersion", issueVersion);
    Checks.optional("buildId", buildId, Syntax::id);
    Checks.optional("testId", testId, Syntax::id);
    Checks.text("comment", comment);
    misc = Checks.misc(misc);
    Checks.time("timestamp", timestamp);
  }

  /**
   * Starts a builder for the incident {@code origin:localId}.
   *
   * @param origin the submitting CI system: a-z, 0-9 and _ only, such as {@code tuxsuite}
   * @param localId the id within that origin: non-empty, no NUL
   * @return a new builder; set {@code issueId} and {@code issueVersion} (or {@code issue}) before
   *     {@code build()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the origin is not {@code [a-z0-9_]+} or the local id
   *     is empty or has a NUL
   */
  public static Builder newBuilder(String origin, String localId) {
    return new Builder(Checks.joinId(origin, localId), origin);
  }

  /**
   * Starts a builder for an incident whose full id is known; its origin is the part before the
   * first
   * {@code ':'}.
   *
   * @param id the id, {@code origin:localId}, with a non-empty local part
   * @return a new builder; set {@code issueId} and {@code issueVersion} (or {@code issue}) before
   *     {@code build()}
   * @throws NullPointerException when the id is null
   * @throws IllegalArgumentException when the id is not {@code origin:localId}
   */
  public static Builder newBuilderForId(String id) {
    String origin = Checks.originOf(id);
    return new Builder(Checks.ownId(id, origin), origin);
  }

  /**
   * Returns a builder holding this incident's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, origin);
    b.issueId = issueId;
    b.issueVersion = issueVersion;
    b.buildId = buildId;
    b.testId = testId;
    b.present = present;
    b.comment = comment;
    b.misc = misc;
    b.timestamp = timestamp;
    return b;
  }

  /**
   * Returns the free-form extra data.
   *
   * @return a deep copy, or {@code null} when absent
   */
  @Override
  public ObjectNode misc() {
    return misc == null ? null : misc.deepCopy();
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    o.put("id", id);
    o.put("origin", origin);
    o.put("issue_id", issueId);
    o.put("issue_version", issueVersion);
    JsonIo.put(o, "build_id", buildId);
    JsonIo.put(o, "test_id", testId);
    JsonIo.put(o, "present", present);
    JsonIo.put(o, "comment", comment);
    JsonIo.putObject(o, "misc", misc);
    JsonIo.put(o, "_timestamp", timestamp);
    return o;
  }

  static Incident read(JsonNode o) {
    return new Incident(
        JsonIo.text(o, "id"),
        JsonIo.text(o, "origin"),
        JsonIo.text(o, "issue_id"),
        o.get("issue_version").longValue(),
        JsonIo.text(o, "build_id"),
        JsonIo.text(o, "test_id"),
        JsonIo.bool(o, "present"),
        JsonIo.text(o, "comment"),
        JsonIo.object(o, "misc"),
        JsonIo.time(o, "_timestamp"));
  }

  Incident merge(Incident later) {
    return new Incident(
        id,
        origin,
        issueId,
        issueVersion,
        Checks.first(buildId, later.buildId),
        Checks.first(testId, later.testId),
        Checks.first(present, later.present),
        Checks.first(comment, later.comment),
        Checks.first(misc, later.misc),
        Checks.first(timestamp, later.timestamp));
  }

  /**
   * Builds a {@link Incident}. Each setter checks its argument and names it when it is wrong;
   * {@code null} clears an optional property, which is then left out of the JSON.
   */
  public static final class Builder {
    private final String id;
    private final String origin;
    private String issueId;
    private Long issueVersion;
    private String buildId;
    private String testId;
    private Boolean present;
    private String comment;
    private ObjectNode misc;
    private OffsetDateTime timestamp;

    private Builder(String id, String origin) {
      this.id = id;
      this.origin = origin;
    }

    /**
     * Sets {@code issue_id}: the issue that occurred or was absent (required).
     *
     * @param issueId an object id {@code origin:local}, of any origin
     * @return this builder
     * @throws NullPointerException when it is null
     * @throws IllegalArgumentException when it is not {@code origin:local}
     */
    public Builder issueId(String issueId) {
      this.issueId = Checks.required("issueId", issueId, Syntax::id);
      return this;
    }

    /**
     * Sets {@code issue_version}: the version of the issue (required).
     *
     * @param issueVersion the version number, at least 0
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     */
    public Builder issueVersion(long issueVersion) {
      this.issueVersion = Checks.notNegative("issueVersion", issueVersion);
      return this;
    }

    /**
     * Sets {@code build_id}: the build exhibiting or missing the issue.
     *
     * @param buildId the build id (an object id {@code origin:local}, of any origin), or {@code
     *     null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder buildId(String buildId) {
      this.buildId = Checks.optional("buildId", buildId, Syntax::id);
      return this;
    }

    /**
     * Sets {@code test_id}: the test exhibiting or missing the issue.
     *
     * @param testId the test id (an object id {@code origin:local}, of any origin), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder testId(String testId) {
      this.testId = Checks.optional("testId", testId, Syntax::id);
      return this;
    }

    /**
     * Sets {@code present}: whether the issue occurred (false: it was absent); leave it out while
     * triage is ongoing.
     *
     * @param present the flag, or {@code null}
     * @return this builder
     */
    public Builder present(Boolean present) {
      this.present = present;
      return this;
    }

    /**
     * Sets {@code comment}: a human-readable comment.
     *
     * @param comment the comment (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder comment(String comment) {
      this.comment = Checks.text("comment", comment);
      return this;
    }

    /**
     * Sets {@code misc}: free-form extra data.
     *
     * @param misc a JSON object, at most 64 levels deep, numbers finite (copied), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it nests deeper or holds a non-finite number
     */
    public Builder misc(ObjectNode misc) {
      this.misc = Checks.misc(misc);
      return this;
    }

    /**
     * Sets {@code _timestamp}: metadata, when the database last updated the object; ignored on
     * submission.
     *
     * @param timestamp the time (years 1 to 9999, offset in whole minutes), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder timestamp(OffsetDateTime timestamp) {
      this.timestamp = Checks.time("timestamp", timestamp);
      return this;
    }

    /**
     * Sets {@code issue_id} and {@code issue_version} to those of an issue.
     *
     * @param issue the issue that occurred or was absent
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder issue(Issue issue) {
      this.issueId = issue.id();
      this.issueVersion = issue.version();
      return this;
    }

    /**
     * Builds the incident.
     *
     * @return the incident
     * @throws IllegalStateException when {@code issueId} or {@code issueVersion} is not set
     */
    public Incident build() {
      if (issueId == null) {
        throw new IllegalStateException(
            "issueId is required: call issueId(...) before build()");
      }
      if (issueVersion == null) {
        throw new IllegalStateException(
            "issueVersion is required: call issueVersion(...) before build()");
      }
      return new Incident(
          id,
          origin,
          issueId,
          issueVersion,
          buildId,
          testId,
          present,
          comment,
          misc,
          timestamp);
    }
  }
}
