package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which layers caused an issue ({@code culprit}): the code under test, the tool (compiler, static
 * analyzer, test) or the harness. {@code null} means unknown; an issue whose culprits are all
 * {@code false} is considered invalid by KCIDB.
 *
 * <pre>{@code
 * IssueCulprit culprit = IssueCulprit.ofCode(); // {"code": true}
 * }</pre>
 *
 * @param code whether the built or tested code is responsible, or {@code null} if unknown
 * @param tool whether the tool is responsible, or {@code null} if unknown
 * @param harness whether the harness is responsible, or {@code null} if unknown
 */
public record IssueCulprit(Boolean code, Boolean tool, Boolean harness) {

  /**
   * Returns the culprit "the code under test", the others unknown.
   *
   * @return {@code {"code": true}}
   */
  public static IssueCulprit ofCode() {
    return new IssueCulprit(true, null, null);
  }

  /**
   * Returns the culprit "the tool", the others unknown.
   *
   * @return {@code {"tool": true}}
   */
  public static IssueCulprit ofTool() {
    return new IssueCulprit(null, true, null);
  }

  /**
   * Returns the culprit "the harness", the others unknown.
   *
   * @return {@code {"harness": true}}
   */
  public static IssueCulprit ofHarness() {
    return new IssueCulprit(null, null, true);
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    JsonIo.put(o, "code", code);
    JsonIo.put(o, "tool", tool);
    JsonIo.put(o, "harness", harness);
    return o;
  }

  static IssueCulprit read(JsonNode o) {
    return new IssueCulprit(JsonIo.bool(o, "code"), JsonIo.bool(o, "tool"),
        JsonIo.bool(o, "harness"));
  }
}
