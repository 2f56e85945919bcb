package dev.buildbridge.workflow.kdl;

import java.util.Objects;

/**
 * Where something starts in a KDL source: file name, 1-based line and 1-based column (counted in
 * Unicode code points, so a caret lines up under the character a terminal shows).
 *
 * <pre>{@code
 * KdlNode job = doc.nodes().get(0);
 * System.err.println(job.location() + ": job has no id");   // ci.kdl:3:5: job has no id
 * }</pre>
 *
 * @param file the file name given to the parser (never {@code null}; {@code "<input>"} when none)
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record KdlLocation(String file, int line, int column) {

  /**
   * Checks the location.
   *
   * @throws IllegalArgumentException when {@code line} or {@code column} is below 1
   */
  public KdlLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line < 1: " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column < 1: " + column);
    }
  }

  /**
   * Returns {@code file:line:column}, the form editors and compilers use.
   *
   * @return the location as text
   */
  @Override
  public String toString() {
    return file + ':' + line + ':' + column;
  }
}
