package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A test run against a build ({@code tests[]}): one test, a suite, or the summary of all tests of
 * a build, told apart by {@link #path()}. Required are {@code id}, {@code origin} and
 * {@code build_id}; every other property is {@code null} when absent (lists too: an empty list is
 * a value, "none", and is written as {@code []}). The schema calls these "test runs"; the name
 * also keeps clear of JUnit's {@code @Test}.
 *
 * <pre>{@code
 * TestRun boot = TestRun.newBuilder("tuxsuite", "tuxsuite-test-2MBYa8FhoBHkRCX2BMMPusjuClf-boot")
 *     .buildId(build.id())
 *     .path("boot")
 *     .status(KcidbStatus.PASS)
 *     .startTime(OffsetDateTime.parse("2023-02-24T12:42:27.314447Z"))
 *     .build();
 * }</pre>
 *
 * @param id the id, {@code origin:local}; its prefix is {@code origin}
 * @param origin the submitting CI system, {@code [a-z0-9_]+}
 * @param buildId the id of the build that was tested
 * @param environment where the test ran, or {@code null}
 * @param path the dot-separated test path such as {@code ltp.sem01}, {@code ""} for all tests of
 *     the build, or {@code null}
 * @param comment a human-readable comment, or {@code null}
 * @param logUrl the main plain-text log, or {@code null}
 * @param logExcerpt the most relevant part of the log, or {@code null}
 * @param status the outcome, or {@code null} while scheduled or running
 * @param number the numerical output, or {@code null}
 * @param startTime when the test started, or {@code null}
 * @param duration how long the test took, in seconds, or {@code null}
 * @param inputFiles the test inputs: rootfs, initramfs, or {@code null}
 * @param outputFiles the test outputs other than the log, or {@code null}
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 * @param timestamp {@code _timestamp}, when the database last updated the object, or {@code null};
 *     metadata, ignored on submission
 */
public record TestRun(
    String id,
    String origin,
    String buildId,
    TestEnvironment environment,
    String path,
    String comment,
    String logUrl,
    String logExcerpt,
    KcidbStatus status,
    TestNumber number,
    OffsetDateTime startTime,
    Double duration,
    List<Resource> inputFiles,
    List<Resource> outputFiles,
    ObjectNode misc,
    OffsetDateTime timestamp) {

  /**
   * Checks and copies the properties.
   *
   * @throws NullPointerException when a required property, or a list element, is null
   * @throws IllegalArgumentException when a property breaks its KCIDB rule, or the id does not
   *     start with {@code origin:} followed by a non-empty local part; the message names it
   */
  public TestRun {
    Checks.ownId(id, origin);
    Checks.required("buildId", buildId, Syntax::id);
    Checks.optional("path", path, Syntax::path);
    Checks.text("comment", comment);
    Checks.optional("logUrl", logUrl, Syntax::uri);
    Checks.optional("logExcerpt", logExcerpt, Syntax::logExcerpt);
    Checks.time("startTime", startTime);
    Checks.finite("duration", duration);
    inputFiles = Checks.list("inputFiles", inputFiles);
    outputFiles = Checks.list("outputFiles", outputFiles);
    misc = Checks.misc(misc);
    Checks.time("timestamp", timestamp);
  }

  /**
   * Starts a builder for the test run {@code origin:localId}.
   *
   * @param origin the submitting CI system: a-z, 0-9 and _ only, such as {@code tuxsuite}
   * @param localId the id within that origin: non-empty, no NUL
   * @return a new builder; set {@code buildId} before {@code build()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the origin is not {@code [a-z0-9_]+} or the local id
   *     is empty or has a NUL
   */
  public static Builder newBuilder(String origin, String localId) {
    return new Builder(Checks.joinId(origin, localId), origin);
  }

  /**
   * Starts a builder for a test run whose full id is known; its origin is the part before the first
   * {@code ':'}.
   *
   * @param id the id, {@code origin:localId}, with a non-empty local part
   * @return a new builder; set {@code buildId} before {@code build()}
   * @throws NullPointerException when the id is null
   * @throws IllegalArgumentException when the id is not {@code origin:localId}
   */
  public static Builder newBuilderForId(String id) {
    String origin = Checks.originOf(id);
    return new Builder(Checks.ownId(id, origin), origin);
  }

  /**
   * Returns a builder holding this test run's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, origin);
    b.buildId = buildId;
    b.environment = environment;
    b.path = path;
    b.comment = comment;
    b.logUrl = logUrl;
    b.logExcerpt = logExcerpt;
    b.status = status;
    b.number = number;
    b.startTime = startTime;
    b.duration = duration;
    b.inputFiles = inputFiles;
    b.outputFiles = outputFiles;
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
    o.put("build_id", buildId);
    if (environment != null) {
      o.set("environment", environment.toJsonNode());
    }
    JsonIo.put(o, "path", path);
    JsonIo.put(o, "comment", comment);
    JsonIo.put(o, "log_url", logUrl);
    JsonIo.put(o, "log_excerpt", logExcerpt);
    JsonIo.put(o, "status", status);
    if (number != null) {
      o.set("number", number.toJsonNode());
    }
    JsonIo.put(o, "start_time", startTime);
    JsonIo.put(o, "duration", duration);
    JsonIo.putResources(o, "input_files", inputFiles);
    JsonIo.putResources(o, "output_files", outputFiles);
    JsonIo.putObject(o, "misc", misc);
    JsonIo.put(o, "_timestamp", timestamp);
    return o;
  }

  static TestRun read(JsonNode o) {
    return new TestRun(
        JsonIo.text(o, "id"),
        JsonIo.text(o, "origin"),
        JsonIo.text(o, "build_id"),
        o.has("environment") ? TestEnvironment.read(o.get("environment")) : null,
        JsonIo.text(o, "path"),
        JsonIo.text(o, "comment"),
        JsonIo.text(o, "log_url"),
        JsonIo.text(o, "log_excerpt"),
        JsonIo.status(o, "status"),
        o.has("number") ? TestNumber.read(o.get("number")) : null,
        JsonIo.time(o, "start_time"),
        JsonIo.number(o, "duration"),
        JsonIo.resources(o, "input_files"),
        JsonIo.resources(o, "output_files"),
        JsonIo.object(o, "misc"),
        JsonIo.time(o, "_timestamp"));
  }

  TestRun merge(TestRun later) {
    return new TestRun(
        id,
        origin,
        buildId,
        environment == null ? later.environment : environment.merge(later.environment),
        Checks.first(path, later.path),
        Checks.first(comment, later.comment),
        Checks.first(logUrl, later.logUrl),
        Checks.first(logExcerpt, later.logExcerpt),
        Checks.first(status, later.status),
        Checks.first(number, later.number),
        Checks.first(startTime, later.startTime),
        Checks.first(duration, later.duration),
        Checks.first(inputFiles, later.inputFiles),
        Checks.first(outputFiles, later.outputFiles),
        Checks.first(misc, later.misc),
        Checks.first(timestamp, later.timestamp));
  }

  /**
   * Builds a {@link TestRun}. Each setter checks its argument and names it when it is wrong;
   * {@code null} clears an optional property, which is then left out of the JSON.
   */
  public static final class Builder {
    private final String id;
    private final String origin;
    private String buildId;
    private TestEnvironment environment;
    private String path;
    private String comment;
    private String logUrl;
    private String logExcerpt;
    private KcidbStatus status;
    private TestNumber number;
    private OffsetDateTime startTime;
    private Double duration;
    private List<Resource> inputFiles;
    private List<Resource> outputFiles;
    private ObjectNode misc;
    private OffsetDateTime timestamp;

    private Builder(String id, String origin) {
      this.id = id;
      this.origin = origin;
    }

    /**
     * Sets {@code build_id}: the build that was tested (required).
     *
     * @param buildId an object id {@code origin:local}, of any origin
     * @return this builder
     * @throws NullPointerException when it is null
     * @throws IllegalArgumentException when it is not {@code origin:local}
     */
    public Builder buildId(String buildId) {
      this.buildId = Checks.required("buildId", buildId, Syntax::id);
      return this;
    }

    /**
     * Sets {@code environment}: where the test ran.
     *
     * @param environment the environment, or {@code null}
     * @return this builder
     */
    public Builder environment(TestEnvironment environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Sets {@code path}: the dot-separated test path such as {@code ltp.sem01}; {@code ""} is all
     * tests of the build.
     *
     * @param path the path (dot-separated segments of A-Z, a-z, 0-9, _ and -, or empty for the
     *     root), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder path(String path) {
      this.path = Checks.optional("path", path, Syntax::path);
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
     * Sets {@code log_url}: the main plain-text log; other outputs go to output files.
     *
     * @param logUrl the URL (an absolute RFC 3986 URI), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder logUrl(String logUrl) {
      this.logUrl = Checks.optional("logUrl", logUrl, Syntax::uri);
      return this;
    }

    /**
     * Sets {@code log_excerpt}: the most relevant part of the log.
     *
     * @param logExcerpt the excerpt (at most 16384 code points, no NUL; see {@link
     *     KcidbFormats#logExcerptTail(String)}), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder logExcerpt(String logExcerpt) {
      this.logExcerpt = Checks.optional("logExcerpt", logExcerpt, Syntax::logExcerpt);
      return this;
    }

    /**
     * Sets {@code status}: the outcome; leave it out until it is final, KCIDB keeps the first one
     * stored.
     *
     * @param status the status, or {@code null}
     * @return this builder
     */
    public Builder status(KcidbStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code number}: the numerical output.
     *
     * @param number the number, or {@code null}
     * @return this builder
     */
    public Builder number(TestNumber number) {
      this.number = number;
      return this;
    }

    /**
     * Sets {@code start_time}: when the test started.
     *
     * @param startTime the time (years 1 to 9999, offset in whole minutes), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder startTime(OffsetDateTime startTime) {
      this.startTime = Checks.time("startTime", startTime);
      return this;
    }

    /**
     * Sets {@code duration}: how long the test took, in seconds.
     *
     * @param duration the seconds (finite), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder duration(Double duration) {
      this.duration = Checks.finite("duration", duration);
      return this;
    }

    /**
     * Sets {@code input_files}: the test inputs: rootfs, initramfs (KCIDB v5.3).
     *
     * @param inputFiles the files, or {@code null}
     * @return this builder
     * @throws NullPointerException when an element is null
     */
    public Builder inputFiles(List<Resource> inputFiles) {
      this.inputFiles = Checks.list("inputFiles", inputFiles);
      return this;
    }

    /**
     * Sets {@code output_files}: the test outputs other than the log.
     *
     * @param outputFiles the files, or {@code null}
     * @return this builder
     * @throws NullPointerException when an element is null
     */
    public Builder outputFiles(List<Resource> outputFiles) {
      this.outputFiles = Checks.list("outputFiles", outputFiles);
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
     * Builds the test run.
     *
     * @return the test run
     * @throws IllegalStateException when {@code buildId} is not set
     */
    public TestRun build() {
      if (buildId == null) {
        throw new IllegalStateException(
            "buildId is required: call buildId(...) before build()");
      }
      return new TestRun(
          id,
          origin,
          buildId,
          environment,
          path,
          comment,
          logUrl,
          logExcerpt,
          status,
          number,
          startTime,
          duration,
          inputFiles,
          outputFiles,
          misc,
          timestamp);
    }
  }
}
