package dev.buildbridge.workflow.kdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed KDL document: its top-level nodes and the language version it was read as.
 *
 * <pre>{@code
 * KdlDocument doc = KdlParser.auto().parse(Path.of(".solstice/workflow.kdl"));
 * for (KdlNode node : doc.nodes("workflow")) { ... }
 * String canonical = KdlPrinter.canonical(KdlVersion.V2).print(doc);
 * }</pre>
 *
 * @param nodes the top-level nodes, in order (slashdashed ones are not here)
 * @param version the grammar the document was read with
 */
public record KdlDocument(List<KdlNode> nodes, KdlVersion version) {

  /** Checks and copies the components. */
  public KdlDocument {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(version, "version");
  }

  /**
   * Returns the top-level nodes with a given name, in order.
   *
   * @param name the node name
   * @return the matching nodes; empty when none
   */
  public List<KdlNode> nodes(String name) {
    List<KdlNode> out = new ArrayList<>();
    for (KdlNode node : nodes) {
      if (node.name().equals(name)) {
        out.add(node);
      }
    }
    return out;
  }
}
