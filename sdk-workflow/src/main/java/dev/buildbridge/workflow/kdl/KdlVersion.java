package dev.buildbridge.workflow.kdl;

/**
 * A version of the KDL language: the grammar a document was read with.
 *
 * <pre>{@code
 * KdlDocument doc = KdlParser.auto().parse("ci.kdl", text);
 * if (doc.version() == KdlVersion.V1) { ... }   // it was not valid KDL 2.0.0
 * }</pre>
 */
public enum KdlVersion {
  /** KDL 1.0.0 (2021): bare {@code true}/{@code false}/{@code null}, {@code r"..."} raw strings. */
  V1,
  /** KDL 2.0.0 (2024): {@code #true}/{@code #null}/{@code #inf}, bare identifiers as values. */
  V2;

  /**
   * Returns the version's number as written in a {@code /- kdl-version N} marker.
   *
   * @return 1 or 2
   */
  public int number() {
    return this == V1 ? 1 : 2;
  }
}
