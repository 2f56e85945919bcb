package dev.buildbridge.workflow.kdl;

/**
 * A boolean value: {@code #true}/{@code #false} in KDL 2, {@code true}/{@code false} in KDL 1.
 *
 * <pre>{@code
 * boolean strict = node.property("strict").orElse(KdlValue.of(false)) instanceof KdlBoolean b
 *     && b.value();
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 * @param value the boolean
 */
public record KdlBoolean(String type, boolean value) implements KdlValue {

  @Override
  public KdlBoolean withType(String type) {
    return new KdlBoolean(type, value);
  }
}
