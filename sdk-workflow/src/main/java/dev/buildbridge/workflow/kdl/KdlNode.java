package dev.buildbridge.workflow.kdl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A node: optional type annotation, name, arguments in order, properties and children.
 *
 * <pre>{@code
 * // job id="build" runs_on="ubuntu-22.04" { step name="Build" run="make" }
 * KdlNode job = doc.nodes().get(0);
 * String id = job.property("id").map(KdlValue::asString).orElse(null);
 * for (KdlNode step : job.children("step")) { ... }
 * }</pre>
 *
 * @param type the type annotation, or {@code null}
 * @param name the node name
 * @param arguments the arguments, in source order
 * @param properties the properties, each name once holding its rightmost value (as KDL requires),
 *     in the order the names first appear
 * @param children the children; empty when the node has no children block or an empty one
 * @param location where the node starts (its type annotation, if any, else its name)
 */
public record KdlNode(
    String type,
    String name,
    List<KdlValue> arguments,
    List<KdlProperty> properties,
    List<KdlNode> children,
    KdlLocation location) {

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when two properties have the same name
   */
  public KdlNode {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    properties = List.copyOf(properties);
    children = List.copyOf(children);
    Objects.requireNonNull(location, "location");
    if (properties.size() > 1) {
      Set<String> seen = new HashSet<>();
      for (KdlProperty p : properties) {
        if (!seen.add(p.name())) {
          throw new IllegalArgumentException("property " + p.name() + " appears twice");
        }
      }
    }
  }

  /**
   * Returns a property's value.
   *
   * @param name the key
   * @return the value (the rightmost one written), or empty
   */
  public Optional<KdlValue> property(String name) {
    return propertyEntry(name).map(KdlProperty::value);
  }

  /**
   * Returns a property with its location.
   *
   * @param name the key
   * @return the property, or empty
   */
  public Optional<KdlProperty> propertyEntry(String name) {
    for (KdlProperty p : properties) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the children with a given name, in order.
   *
   * @param name the node name
   * @return the matching children; empty when none
   */
  public List<KdlNode> children(String name) {
    List<KdlNode> out = new ArrayList<>();
    for (KdlNode child : children) {
      if (child.name().equals(name)) {
        out.add(child);
      }
    }
    return out;
  }
}
