package dev.buildbridge.workflow.kdl;

import java.util.Objects;

/**
 * A property of a node: {@code name=value}, with where it was written.
 *
 * <pre>{@code
 * node.propertyEntry("needs").ifPresent(p ->
 *     System.err.println(p.location() + ": unknown job " + p.value().asString()));
 * }</pre>
 *
 * @param name the key
 * @param value the value
 * @param location where the key starts
 */
public record KdlProperty(String name, KdlValue value, KdlLocation location) {

  /** Checks the components. */
  public KdlProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }
}
