package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An issue found in results ({@code issues[]}): a bug, a regression, a known failure. Incidents
 * link it to builds and tests. It is identified by {@code id} and {@code version} together: to
 * change an issue, submit it again with the same id and a higher version. Required are
 * {@code id}, {@code version} and {@code origin}; every other property is {@code null} when absent.
 *
 * <pre>{@code
 * Issue issue = Issue.newBuilder("tuxsuite", "ltp-accept01-timeout", 1)
 *     .reportSubject("ltp-syscalls.accept01 times out on qemu-arm64")
 *     .culprit(IssueCulprit.ofCode())
 *     .categories(List.of("runtime.timeout"))
 *     .build();
 * }</pre>
 *
 * @param id the id, {@code origin:local}; its prefix is {@code origin}
 * @param origin the submitting CI system, {@code [a-z0-9_]+}
 * @param version the modification version, at least 0; the highest is used for triage
 * @param reportUrl a report describing the issue, or {@code null}
 * @param reportSubject the subject of that report, or {@code null}
 * @param culprit which layers are responsible, or {@code null}
 * @param comment a human-readable comment, or {@code null}
 * @param categories dot-separated paths in the categorization tree, or {@code null}
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 * @param timestamp {@code _timestamp}, when the database last updated the object, or {@code null};
 *     metadata, ignored on submission
 */
public record Issue(
    String id,
    String origin,
    long version,
    String reportUrl,
    String reportSubject,
    IssueCulprit culprit,
    String comment,
    List<String> categories,
    ObjectNode misc,
    OffsetDateTime timestamp) {

  /**
   * Checks and copies the properties.
   *
   * @throws NullPointerException when a required property, or a list element, is null
   * @throws IllegalArgumentException when a property breaks its KCIDB rule, or the id does not
   *     start with {@code origin:} followed by a non-empty local part; the message names it
   */
  public Issue {
    Checks.ownId(id, origin);
    Checks.notNegative("version", version);
    Checks.optional("reportUrl", reportUrl, Syntax::uri);
    Checks.text("reportSubject", reportSubject);
    Checks.text("comment", comment);
    categories = Checks.strings("categories", categories, Syntax::path);
    misc = Checks.misc(misc);
    Checks.time("timestamp", timestamp);
  }

  /**
   * Starts a builder for the issue {@code origin:localId}.
   *
   * @param origin the submitting CI system: a-z, 0-9 and _ only, such as {@code tuxsuite}
   * @param localId the id within that origin: non-empty, no NUL
   * @param version the modification version, at least 0; the highest is used for triage
   * @return a new builder; set the other properties, then {@code build()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the origin is not {@code [a-z0-9_]+} or the local id
   *     is empty or has a NUL, or the version is negative
   */
  public static Builder newBuilder(String origin, String localId, long version) {
    return new Builder(Checks.joinId(origin, localId), origin, version);
  }

  /**
   * Starts a builder for an issue whose full id is known; its origin is the part before the first
   * {@code ':'}.
   *
   * @param id the id, {@code origin:localId}, with a non-empty local part
   * @param version the modification version, at least 0; the highest is used for triage
   * @return a new builder; set the other properties, then {@code build()}
   * @throws NullPointerException when the id is null
   * @throws IllegalArgumentException when the id is not {@code origin:localId}, or the version is
   *     negative
   */
  public static Builder newBuilderForId(String id, long version) {
    String origin = Checks.originOf(id);
    return new Builder(Checks.ownId(id, origin), origin, version);
  }

  /**
   * Returns a builder holding this issue's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, origin, version);
    b.reportUrl = reportUrl;
    b.reportSubject = reportSubject;
    b.culprit = culprit;
    b.comment = comment;
    b.categories = categories;
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
    o.put("version", version);
    JsonIo.put(o, "report_url", reportUrl);
    JsonIo.put(o, "report_subject", reportSubject);
    if (culprit != null) {
      o.set("culprit", culprit.toJsonNode());
    }
    JsonIo.put(o, "comment", comment);
    JsonIo.putStrings(o, "categories", categories);
    JsonIo.putObject(o, "misc", misc);
    JsonIo.put(o, "_timestamp", timestamp);
    return o;
  }

  static Issue read(JsonNode o) {
    return new Issue(
        JsonIo.text(o, "id"),
        JsonIo.text(o, "origin"),
        o.get("version").longValue(),
        JsonIo.text(o, "report_url"),
        JsonIo.text(o, "report_subject"),
        o.has("culprit") ? IssueCulprit.read(o.get("culprit")) : null,
        JsonIo.text(o, "comment"),
        JsonIo.strings(o, "categories"),
        JsonIo.object(o, "misc"),
        JsonIo.time(o, "_timestamp"));
  }

  Issue merge(Issue later) {
    return new Issue(
        id,
        origin,
        version,
        Checks.first(reportUrl, later.reportUrl),
        Checks.first(reportSubject, later.reportSubject),
        Checks.first(culprit, later.culprit),
        Checks.first(comment, later.comment),
        Checks.first(categories, later.categories),
        Checks.first(misc, later.misc),
        Checks.first(timestamp, later.timestamp));
  }

  /**
   * Builds a {@link Issue}. Each setter checks its argument and names it when it is wrong;
   * {@code null} clears an optional property, which is then left out of the JSON.
   */
  public static final class Builder {
    private final String id;
    private final String origin;
    private final long version;
    private String reportUrl;
    private String reportSubject;
    private IssueCulprit culprit;
    private String comment;
    private List<String> categories;
    private ObjectNode misc;
    private OffsetDateTime timestamp;

    private Builder(String id, String origin, long version) {
      this.id = id;
      this.origin = origin;
      this.version = Checks.notNegative("version", version);
    }

    /**
     * Sets {@code report_url}: a report describing the issue.
     *
     * @param reportUrl the URL (an absolute RFC 3986 URI), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder reportUrl(String reportUrl) {
      this.reportUrl = Checks.optional("reportUrl", reportUrl, Syntax::uri);
      return this;
    }

    /**
     * Sets {@code report_subject}: the subject of the report.
     *
     * @param reportSubject the subject (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder reportSubject(String reportSubject) {
      this.reportSubject = Checks.text("reportSubject", reportSubject);
      return this;
    }

    /**
     * Sets {@code culprit}: which layers are responsible.
     *
     * @param culprit the culprit, or {@code null}
     * @return this builder
     */
    public Builder culprit(IssueCulprit culprit) {
      this.culprit = culprit;
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
     * Sets {@code categories}: dot-separated paths in the categorization tree, such as {@code
     * build.error}.
     *
     * @param categories the categories (each a dot-separated path), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     * @throws NullPointerException when an element is null
     */
    public Builder categories(List<String> categories) {
      this.categories = Checks.strings("categories", categories, Syntax::path);
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
     * Builds the issue.
     *
     * @return the issue
     */
    public Issue build() {
      return new Issue(
          id,
          origin,
          version,
          reportUrl,
          reportSubject,
          culprit,
          comment,
          categories,
          misc,
          timestamp);
    }
  }
}
