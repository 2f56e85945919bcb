package dev.buildbridge.workflow;

import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads {@code .solstice/workflow.kdl} files: KDL (1 or 2) holding one {@code workflow} node, with
 * properties as Solstice CI writes them. Collects every problem of a file, then throws one
 * {@link WorkflowException} listing them with their {@code file:line:column}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * WorkflowParser parser = WorkflowParser.newBuilder().strict(true).build();
 * try {
 *     Workflow workflow = parser.parse(".solstice/workflow.kdl", text);
 * } catch (WorkflowException e) {
 *     e.problems().forEach(System.err::println);   // .solstice/workflow.kdl:7:27: ...
 * }
 * }</pre>
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * workflow name="CI" {                                  // exactly one, at the top level
 *     env RUST_LOG="info"                               // any number; NAME=value properties
 *     job id="lint" runs_on="ubuntu-22.04" {            // id required and unique
 *         step name="fmt" run="cargo fmt --check"       // run required; name optional
 *     }
 *     job id="build" runs-on="illumos-latest" script=".solstice/build.sh" needs="lint"
 *         group="illumos" {
 *         needs "lint" "test"                           // more needs: one job id per argument
 *         setup path=".solstice/setup-illumos.sh"       // path required
 *         env CARGO_TERM_COLOR="always"
 *         step name="Build" run="cargo build"
 *     }
 * }
 * </pre>
 *
 * <ul>
 *   <li>Property values are strings, except {@code env} values, which may also be numbers and
 *       booleans (kept as written, {@code true}/{@code false}); strings must not be empty
 *       (again except {@code env} values). Type annotations are ignored.
 *   <li>{@code runs_on} and {@code runs-on} mean the same; a job may not set both.
 *   <li>A job's {@code needs} are the {@code needs="id"} property (one job) plus the arguments of
 *       its {@code needs} child nodes, in that order; a job named twice counts once. Each must be
 *       another job of the workflow and the jobs may not need each other in a cycle.
 *   <li>An {@code env} variable set twice at one level keeps the later value (with a warning).
 * </ul>
 *
 * <p>Errors (the file is rejected): no {@code workflow} node or more than one; a value of the
 * wrong type or empty; a job without {@code id}, two jobs with one id; both {@code runs_on} and
 * {@code runs-on}; a {@code needs} naming the job itself or no job of the workflow; a
 * {@code needs} cycle ({@code needs cycle: a -> b -> a}); a {@code step} without {@code run}; a
 * {@code setup} without {@code path}; an {@code env} name that is not a variable name. Warnings
 * (kept in {@link Workflow#warnings()}, or errors when {@link Builder#strict(boolean) strict}):
 * unknown nodes, unknown properties, arguments where the grammar has none, children of a node
 * that takes none, an {@code env} variable set twice; each lists what is known there.
 */
public final class WorkflowParser {
  private static final WorkflowParser DEFAULTS = new Builder().build();

  private final boolean strict;
  private final KdlParser kdlParser;

  private WorkflowParser(Builder b) {
    this.strict = b.strict;
    this.kdlParser = b.kdlParser;
  }

  /**
   * Returns the lenient parser with KDL version detection: {@code newBuilder().build()}.
   *
   * @return the default parser
   */
  public static WorkflowParser ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder. Defaults: lenient (unknown nodes and properties are warnings) and
   * {@link KdlParser#auto()}, which reads KDL 2 and falls back to KDL 1.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this parser's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strict = strict;
    b.kdlParser = kdlParser;
    return b;
  }

  /**
   * Tells whether unknown nodes and properties are errors.
   *
   * @return true for a strict parser
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Parses a workflow file.
   *
   * @param file the file name used in locations, such as {@code .solstice/workflow.kdl}
   * @param text the file's text
   * @return the workflow
   * @throws WorkflowException {@link WorkflowException.Reason#SYNTAX} when the text is not KDL
   *     (within the KDL parser's size and depth limits), {@link WorkflowException.Reason#INVALID}
   *     with every problem when it is not a valid workflow
   */
  public Workflow parse(String file, CharSequence text) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    KdlDocument document;
    try {
      document = kdlParser.parse(file, text);
    } catch (KdlParseException e) {
      throw WorkflowException.syntax(e);
    }
    return WorkflowReader.read(document, file, strict);
  }

  /**
   * Parses a workflow file given as UTF-8 bytes, as a {@link WorkflowSource} reads it.
   *
   * @param file the file name used in locations
   * @param utf8 the file's content
   * @return the workflow
   * @throws WorkflowException as {@link #parse(String, CharSequence)}; also
   *     {@link WorkflowException.Reason#SYNTAX} when the bytes are not UTF-8
   */
  public Workflow parse(String file, byte[] utf8) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(utf8, "utf8");
    KdlDocument document;
    try {
      document = kdlParser.parse(file, utf8);
    } catch (KdlParseException e) {
      throw WorkflowException.syntax(e);
    }
    return WorkflowReader.read(document, file, strict);
  }

  /**
   * Parses a workflow file from disk; locations name it as {@code file.toString()}.
   *
   * @param file the file
   * @return the workflow
   * @throws IOException when the file cannot be read
   * @throws WorkflowException as {@link #parse(String, byte[])}
   */
  public Workflow parse(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    KdlDocument document;
    try {
      document = kdlParser.parse(file);
    } catch (KdlParseException e) {
      throw WorkflowException.syntax(e);
    }
    return WorkflowReader.read(document, file.toString(), strict);
  }

  /**
   * Reads a workflow from a KDL document parsed elsewhere. A problem with no node to point at
   * (an empty document) is reported at {@code <input>:1:1}.
   *
   * @param document the document
   * @return the workflow
   * @throws WorkflowException {@link WorkflowException.Reason#INVALID} with every problem when it
   *     is not a valid workflow
   */
  public Workflow from(KdlDocument document) {
    Objects.requireNonNull(document, "document");
    String file = document.nodes().isEmpty() ? "<input>"
        : document.nodes().get(0).location().file();
    return WorkflowReader.read(document, file, strict);
  }

  /** Builds a {@link WorkflowParser}; not thread-safe. */
  public static final class Builder {
    private boolean strict;
    private KdlParser kdlParser = KdlParser.auto();

    private Builder() {}

    /**
     * Sets whether unknown nodes, properties and arguments are errors rather than warnings.
     * Default: {@code false}.
     *
     * @param strict true to reject them
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets the KDL parser, to pin the KDL version or change its limits. Default:
     * {@link KdlParser#auto()}.
     *
     * @param kdlParser the parser
     * @return this builder
     * @throws NullPointerException when {@code kdlParser} is null
     */
    public Builder kdlParser(KdlParser kdlParser) {
      this.kdlParser = Objects.requireNonNull(kdlParser, "kdlParser");
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public WorkflowParser build() {
      return new WorkflowParser(this);
    }
  }
}
