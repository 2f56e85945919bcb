package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where a test ran ({@code environment}): a comment, the device tree's root {@code compatible}
 * strings, and free-form {@code misc} (the KernelCI dashboard reads {@code misc.platform}).
 * Absent properties are {@code null}.
 *
 * <pre>{@code
 * TestEnvironment environment = TestEnvironment.newBuilder()
 *     .compatible(List.of("qemu,virt", "arm,armv8"))
 *     .misc(new ObjectMapper().createObjectNode().put("platform", "qemu-arm64"))
 *     .build();
 * }</pre>
 *
 * @param comment a human-readable comment, or {@code null}; no NUL
 * @param compatible the device tree's root {@code compatible} values in order (each non-empty, no
 *     spaces, no NUL), or {@code null} when unknown
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 */
public record TestEnvironment(String comment, List<String> compatible, ObjectNode misc) {

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException when the comment has a NUL or a compatible value is empty or
   *     has a space or NUL
   * @throws NullPointerException when {@code compatible} has a null element
   */
  public TestEnvironment {
    Checks.text("comment", comment);
    compatible = Checks.strings("compatible", compatible, Syntax::compatible);
    misc = Checks.misc(misc);
  }

  /**
   * Starts a builder with every property absent.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this environment's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().comment(comment).compatible(compatible).misc(misc);
  }

  /**
   * Returns the free-form extra data.
   *
   * @return a deep copy, or {@code null} when absent
   */
  @Override
  public ObjectNode misc() {
    return misc == null ? null : misc.deepCopy();
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    JsonIo.put(o, "comment", comment);
    JsonIo.putStrings(o, "compatible", compatible);
    JsonIo.putObject(o, "misc", misc);
    return o;
  }

  static TestEnvironment read(JsonNode o) {
    return new TestEnvironment(JsonIo.text(o, "comment"), JsonIo.strings(o, "compatible"),
        JsonIo.object(o, "misc"));
  }

  TestEnvironment merge(TestEnvironment later) {
    return later == null ? this : new TestEnvironment(Checks.first(comment, later.comment),
        Checks.first(compatible, later.compatible), Checks.first(misc, later.misc));
  }

  /** Builds a {@link TestEnvironment}; each setter checks its argument, {@code null} clears it. */
  public static final class Builder {
    private String comment;
    private List<String> compatible;
    private ObjectNode misc;

    private Builder() {}

    /**
     * Sets the comment.
     *
     * @param comment free text without NUL, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it has a NUL
     */
    public Builder comment(String comment) {
      this.comment = Checks.text("comment", comment);
      return this;
    }

    /**
     * Sets the device tree's root {@code compatible} values.
     *
     * @param compatible the values in order (each non-empty, no spaces, no NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when a value breaks the rule
     * @throws NullPointerException when an element is null
     */
    public Builder compatible(List<String> compatible) {
      this.compatible = Checks.strings("compatible", compatible, Syntax::compatible);
      return this;
    }

    /**
     * Sets the free-form extra data.
     *
     * @param misc a JSON object, at most 64 levels deep, numbers finite (copied), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it nests deeper or holds a non-finite number
     */
    public Builder misc(ObjectNode misc) {
      this.misc = Checks.misc(misc);
      return this;
    }

    /**
     * Builds the environment.
     *
     * @return the environment
     */
    public TestEnvironment build() {
      return new TestEnvironment(comment, compatible, misc);
    }
  }
}
