package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A build of a checkout ({@code builds[]}). Tests point at it by id. Required are {@code id},
 * {@code origin} and {@code checkout_id}; every other property is {@code null} when absent (lists
 * too: an empty list is a value, "none", and is written as {@code []}).
 *
 * <pre>{@code
 * Build build = Build.newBuilder("tuxsuite", "tuxsuite-build-2ZITcwA6wxeKxh9cZA5HBJ6FkSj")
 *     .checkoutId(checkout.id())
 *     .architecture("arm64")
 *     .compiler("clang-17")
 *     .configName("tinyconfig")
 *     .duration(258.0)
 *     .status(KcidbStatus.PASS)
 *     .build();
 * }</pre>
 *
 * @param id the id, {@code origin:local}; its prefix is {@code origin}
 * @param origin the submitting CI system, {@code [a-z0-9_]+}
 * @param checkoutId the id of the checkout that was built
 * @param comment a human-readable comment, or {@code null}
 * @param startTime when the build started, or {@code null}
 * @param duration how long the build took, in seconds, or {@code null}
 * @param architecture the target architecture such as {@code x86_64}, or {@code null}
 * @param command the full build command line, or {@code null}
 * @param compiler the compiler name and version, or {@code null}
 * @param inputFiles the build inputs, such as the configuration, or {@code null}
 * @param outputFiles the build outputs: images, packages, logs, or {@code null}
 * @param configName a name for the configuration, such as {@code defconfig}, or {@code null}
 * @param configUrl the configuration file, or {@code null}
 * @param logUrl the plain-text build log, or {@code null}
 * @param logExcerpt the most relevant part of the log, or {@code null}
 * @param status the outcome, or {@code null} while scheduled or running
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 * @param timestamp {@code _timestamp}, when the database last updated the object, or {@code null};
 *     metadata, ignored on submission
 */
public record Build(
    String id,
    String origin,
    String checkoutId,
    String comment,
    OffsetDateTime startTime,
    Double duration,
    String architecture,
    String command,
    String compiler,
    List<Resource> inputFiles,
    List<Resource> outputFiles,
    String configName,
    String configUrl,
    String logUrl,
    String logExcerpt,
    KcidbStatus status,
    ObjectNode misc,
    OffsetDateTime timestamp) {

  /**
   * Checks and copies the properties.
   *
   * @throws NullPointerException when a required property, or a list element, is null
   * @throws IllegalArgumentException when a property breaks its KCIDB rule, or the id does not
   *     start with {@code origin:} followed by a non-empty local part; the message names it
   */
  public Build {
    Checks.ownId(id, origin);
    Checks.required("checkoutId", checkoutId, Syntax::id);
    Checks.text("comment", comment);
    Checks.time("startTime", startTime);
    Checks.finite("duration", duration);
    Checks.optional("architecture", architecture, Syntax::architecture);
    Checks.text("command", command);
    Checks.text("compiler", compiler);
    inputFiles = Checks.list("inputFiles", inputFiles);
    outputFiles = Checks.list("outputFiles", outputFiles);
    Checks.text("configName", configName);
    Checks.optional("configUrl", configUrl, Syntax::uri);
    Checks.optional("logUrl", logUrl, Syntax::uri);
    Checks.optional("logExcerpt", logExcerpt, Syntax::logExcerpt);
    misc = Checks.misc(misc);
    Checks.time("timestamp", timestamp);
  }

  /**
   * Starts a builder for the build {@code origin:localId}.
   *
   * @param origin the submitting CI system: a-z, 0-9 and _ only, such as {@code tuxsuite}
   * @param localId the id within that origin: non-empty, no NUL
   * @return a new builder; set {@code checkoutId} before {@code build()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the origin is not {@code [a-z0-9_]+} or the local id
   *     is empty or has a NUL
   */
  public static Builder newBuilder(String origin, String localId) {
    return new Builder(Checks.joinId(origin, localId), origin);
  }

  /**
   * Starts a builder for a build whose full id is known; its origin is the part before the first
   * {@code ':'}.
   *
   * @param id the id, {@code origin:localId}, with a non-empty local part
   * @return a new builder; set {@code checkoutId} before {@code build()}
   * @throws NullPointerException when the id is null
   * @throws IllegalArgumentException when the id is not {@code origin:localId}
   */
  public static Builder newBuilderForId(String id) {
    String origin = Checks.originOf(id);
    return new Builder(Checks.ownId(id, origin), origin);
  }

  /**
   * Returns a builder holding this build's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, origin);
    b.checkoutId = checkoutId;
    b.comment = comment;
    b.startTime = startTime;
    b.duration = duration;
    b.architecture = architecture;
    b.command = command;
    b.compiler = compiler;
    b.inputFiles = inputFiles;
    b.outputFiles = outputFiles;
    b.configName = configName;
    b.configUrl = configUrl;
    b.logUrl = logUrl;
    b.logExcerpt = logExcerpt;
    b.status = status;
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
    o.put("checkout_id", checkoutId);
    JsonIo.put(o, "comment", comment);
    JsonIo.put(o, "start_time", startTime);
    JsonIo.put(o, "duration", duration);
    JsonIo.put(o, "architecture", architecture);
    JsonIo.put(o, "command", command);
    JsonIo.put(o, "compiler", compiler);
    JsonIo.putResources(o, "input_files", inputFiles);
    JsonIo.putResources(o, "output_files", outputFiles);
    JsonIo.put(o, "config_name", configName);
    JsonIo.put(o, "config_url", configUrl);
    JsonIo.put(o, "log_url", logUrl);
    JsonIo.put(o, "log_excerpt", logExcerpt);
    JsonIo.put(o, "status", status);
    JsonIo.putObject(o, "misc", misc);
    JsonIo.put(o, "_timestamp", timestamp);
    return o;
  }

  static Build read(JsonNode o) {
    return new Build(
        JsonIo.text(o, "id"),
        JsonIo.text(o, "origin"),
        JsonIo.text(o, "checkout_id"),
        JsonIo.text(o, "comment"),
        JsonIo.time(o, "start_time"),
        JsonIo.number(o, "duration"),
        JsonIo.text(o, "architecture"),
        JsonIo.text(o, "command"),
        JsonIo.text(o, "compiler"),
        JsonIo.resources(o, "input_files"),
        JsonIo.resources(o, "output_files"),
        JsonIo.text(o, "config_name"),
        JsonIo.text(o, "config_url"),
        JsonIo.text(o, "log_url"),
        JsonIo.text(o, "log_excerpt"),
        JsonIo.status(o, "status"),
        JsonIo.object(o, "misc"),
        JsonIo.time(o, "_timestamp"));
  }

  Build merge(Build later) {
    return new Build(
        id,
        origin,
        checkoutId,
        Checks.first(comment, later.comment),
        Checks.first(startTime, later.startTime),
        Checks.first(duration, later.duration),
        Checks.first(architecture, later.architecture),
        Checks.first(command, later.command),
        Checks.first(compiler, later.compiler),
        Checks.first(inputFiles, later.inputFiles),
        Checks.first(outputFiles, later.outputFiles),
        Checks.first(configName, later.configName),
        Checks.first(configUrl, later.configUrl),
        Checks.first(logUrl, later.logUrl),
        Checks.first(logExcerpt, later.logExcerpt),
        Checks.first(status, later.status),
        Checks.first(misc, later.misc),
        Checks.first(timestamp, later.timestamp));
  }

  /**
   * Builds a {@link Build}. Each setter checks its argument and names it when it is wrong;
   * {@code null} clears an optional property, which is then left out of the JSON.
   */
  public static final class Builder {
    private final String id;
    private final String origin;
    private String checkoutId;
    private String comment;
    private OffsetDateTime startTime;
    private Double duration;
    private String architecture;
    private String command;
    private String compiler;
    private List<Resource> inputFiles;
    private List<Resource> outputFiles;
    private String configName;
    private String configUrl;
    private String logUrl;
    private String logExcerpt;
    private KcidbStatus status;
    private ObjectNode misc;
    private OffsetDateTime timestamp;

    private Builder(String id, String origin) {
      this.id = id;
      this.origin = origin;
    }

    /**
     * Sets {@code checkout_id}: the checkout that was built (required).
     *
     * @param checkoutId an object id {@code origin:local}, of any origin
     * @return this builder
     * @throws NullPointerException when it is null
     * @throws IllegalArgumentException when it is not {@code origin:local}
     */
    public Builder checkoutId(String checkoutId) {
      this.checkoutId = Checks.required("checkoutId", checkoutId, Syntax::id);
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
     * Sets {@code start_time}: when the build started.
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
     * Sets {@code duration}: how long the build took, in seconds.
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
     * Sets {@code architecture}: the target architecture.
     *
     * @param architecture the architecture (a-z, 0-9 and _ only, such as {@code x86_64}), or {@code
     *     null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder architecture(String architecture) {
      this.architecture = Checks.optional("architecture", architecture, Syntax::architecture);
      return this;
    }

    /**
     * Sets {@code command}: the full build command line, with environment variables.
     *
     * @param command the command (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder command(String command) {
      this.command = Checks.text("command", command);
      return this;
    }

    /**
     * Sets {@code compiler}: the compiler name and version.
     *
     * @param compiler the compiler (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder compiler(String compiler) {
      this.compiler = Checks.text("compiler", compiler);
      return this;
    }

    /**
     * Sets {@code input_files}: the build inputs, such as the configuration.
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
     * Sets {@code output_files}: the build outputs: images, packages, logs.
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
     * Sets {@code config_name}: a name for the configuration, such as {@code defconfig}.
     *
     * @param configName the name (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder configName(String configName) {
      this.configName = Checks.text("configName", configName);
      return this;
    }

    /**
     * Sets {@code config_url}: the configuration file.
     *
     * @param configUrl the URL (an absolute RFC 3986 URI), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder configUrl(String configUrl) {
      this.configUrl = Checks.optional("configUrl", configUrl, Syntax::uri);
      return this;
    }

    /**
     * Sets {@code log_url}: the plain-text build log.
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
     * Builds the build.
     *
     * @return the build
     * @throws IllegalStateException when {@code checkoutId} is not set
     */
    public Build build() {
      if (checkoutId == null) {
        throw new IllegalStateException(
            "checkoutId is required: call checkoutId(...) before build()");
      }
      return new Build(
          id,
          origin,
          checkoutId,
          comment,
          startTime,
          duration,
          architecture,
          command,
          compiler,
          inputFiles,
          outputFiles,
          configName,
          configUrl,
          logUrl,
          logExcerpt,
          status,
          misc,
          timestamp);
    }
  }
}
