package dev.buildbridge.workflow.kdl;

import java.util.Objects;

/**
 * A string value: quoted, raw, multi-line or (KDL 2) a bare identifier. Escapes are resolved and
 * multi-line strings dedented; the source form is not kept.
 *
 * <pre>{@code
 * String run = node.property("run").map(KdlValue::asString).orElse(null);
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 * @param value the string
 */
public record KdlString(String type, String value) implements KdlValue {

  /** Checks the value. */
  public KdlString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public KdlString withType(String type) {
    return new KdlString(type, value);
  }
}
