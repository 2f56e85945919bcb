package dev.buildbridge.workflow.kdl;

/**
 * The null value: {@code #null} in KDL 2, {@code null} in KDL 1.
 *
 * <pre>{@code
 * boolean unset = node.property("runs_on").orElseThrow() instanceof KdlNull;
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 */
public record KdlNull(String type) implements KdlValue {

  @Override
  public KdlNull withType(String type) {
    return new KdlNull(type);
  }
}
