package dev.buildbridge.workflow.kdl;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;

/**
 * A KDL source that cannot be read: what was wrong ({@link #reason()}, {@link #detail()}), where
 * ({@link #location()}) and the source line with a caret under the spot ({@link #snippet()}).
 * {@link #getMessage()} is one line, {@code file:line:column: detail}; {@link #report()} adds the
 * snippet. The parser throws nothing else, whatever its input.
 *
 * <pre>{@code
 * try {
 *     KdlDocument doc = KdlParser.auto().parse("ci.kdl", "workflow {\n    job id=\n}\n");
 * } catch (KdlParseException e) {
 *     System.err.println(e.report());
 *     // ci.kdl:2:12: expected a property value, found a newline
 *     //     job id=
 *     //            ^
 * }
 * }</pre>
 */
public final class KdlParseException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a source could not be read. */
  public enum Reason {
    /** The text is not valid KDL of the version(s) tried. */
    SYNTAX,
    /** Nodes are nested deeper than the parser's limit. */
    TOO_DEEP,
    /**
     * The source is longer than the parser's limit, or holds a number too large to keep exactly
     * (more than 1000 digits, or an exponent beyond ±999999999).
     */
    TOO_LARGE,
    /** The bytes are not valid UTF-8, or the text holds a code point KDL forbids. */
    INVALID_ENCODING
  }

  private final Reason reason;
  private final String detail;
  private final KdlLocation location;
  private final String snippet;

  /**
   * Creates a failure.
   *
   * @param reason why the source cannot be read
   * @param detail what was wrong, without the location
   * @param location where
   * @param snippet the source line and a caret line under the column, or {@code ""} when the
   *     source is not available
   */
  public KdlParseException(Reason reason, String detail, KdlLocation location, String snippet) {
    super("KDL_" + Objects.requireNonNull(reason, "reason").name(),
        Objects.requireNonNull(location, "location") + ": "
            + Objects.requireNonNull(detail, "detail"));
    this.reason = reason;
    this.detail = detail;
    this.location = location;
    this.snippet = Objects.requireNonNull(snippet, "snippet");
  }

  /**
   * Returns why the source cannot be read.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns what was wrong, without the location.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns where it went wrong.
   *
   * @return the location
   */
  public KdlLocation location() {
    return location;
  }

  /**
   * Returns the file name given to the parser.
   *
   * @return the file name
   */
  public String file() {
    return location.file();
  }

  /**
   * Returns the 1-based line.
   *
   * @return the line
   */
  public int line() {
    return location.line();
  }

  /**
   * Returns the 1-based column, in code points.
   *
   * @return the column
   */
  public int column() {
    return location.column();
  }

  /**
   * Returns the offending source line and, below it, a caret under the column. Long lines are cut
   * around the column; control characters are shown as spaces.
   *
   * @return two lines joined by {@code '\n'}, or {@code ""} when no source is available
   */
  public String snippet() {
    return snippet;
  }

  /**
   * Returns the message followed by the snippet, for people.
   *
   * @return the report
   */
  public String report() {
    return snippet.isEmpty() ? getMessage() : getMessage() + '\n' + snippet;
  }
}
