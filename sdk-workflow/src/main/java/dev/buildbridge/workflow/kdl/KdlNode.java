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
 * @param hasChildrenBlock whether the node has a children block, empty or not (slashdashed blocks
 *     do not count); KDL 1's canonical form writes an empty block as {@code node {}}
 */
public record KdlNode(
    String type,
    String name,
    List<KdlValue> arguments,
    List<KdlProperty> properties,
    List<KdlNode> children,
    KdlLocation location,
    boolean hasChildrenBlock) {

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when two properties have the same name, or there are children
   *     but {@code hasChildrenBlock} is {@code false}
   */
  public KdlNode {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    properties = List.copyOf(properties);
    children = List.copyOf(children);
    Objects.requireNonNull(location, "location");
    if (!hasChildrenBlock && !children.isEmpty()) {
      throw new IllegalArgumentException("node " + name + " has children but no children block");
    }
    int size = properties.size();
    if (size > 1 && size <= 8) {
      for (int i = 1; i < size; i++) {
        String key = properties.get(i).name();
        for (int j = 0; j < i; j++) {
          if (properties.get(j).name().equals(key)) {
            throw new IllegalArgumentException("property " + key + " appears twice");
          }
        }
      }
    } else if (size > 8) {
      Set<String> seen = new HashSet<>();
      for (KdlProperty p : properties) {
        if (!seen.add(p.name())) {
          throw new IllegalArgumentException("property " + p.name() + " appears twice");
        }
      }
    }
  }

  /**
   * Creates a node with a children block exactly when it has children.
   *
   * @param type the type annotation, or {@code null}
   * @param name the node name
   * @param arguments the arguments, in order
   * @param properties the properties, each name once
   * @param children the children
   * @param location where the node starts
   * @throws IllegalArgumentException when two properties have the same name
   */
  public KdlNode(String type, String name, List<KdlValue> arguments, List<KdlProperty> properties,
      List<KdlNode> children, KdlLocation location) {
    this(type, name, arguments, properties, children, location, !children.isEmpty());
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
