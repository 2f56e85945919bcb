package dev.buildbridge.workflow.internal;

import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of a YAML document as {@link YamlReader} reads it, with where it starts. Aliases are
 * resolved (an alias is the anchored node itself, located where the anchor is), merge keys
 * ({@code <<}) are applied, and mapping keys are unique.
 */
public abstract sealed class YamlNode permits YamlNode.Scalar, YamlNode.Sequence,
    YamlNode.Mapping {
  private final KdlLocation location;
  /** Nodes in this subtree, aliases counted as often as they are used. */
  final long size;
  /** Levels of this subtree: 1 for a scalar. */
  final int height;

  private YamlNode(KdlLocation location, long size, int height) {
    this.location = Objects.requireNonNull(location, "location");
    this.size = size;
    this.height = height;
  }

  /**
   * Returns where the node starts.
   *
   * @return the location
   */
  public KdlLocation location() {
    return location;
  }

  /**
   * Describes the node for a message: {@code a mapping}, {@code a list}, {@code null},
   * {@code the string "x"}, {@code the number 5}, {@code the boolean true}.
   *
   * @return the description
   */
  public abstract String describe();

  /** The type of a scalar as YAML resolves it. */
  public enum Type {
    /** A string: quoted, or plain text that is not another type. */
    STRING,
    /** An integer, such as {@code 5} or {@code 0x1F}. */
    INTEGER,
    /** A floating point number, such as {@code 1.5}. */
    FLOAT,
    /** {@code true} or {@code false} (also YAML 1.1's {@code yes}, {@code no} ...). */
    BOOLEAN,
    /** {@code null}, {@code ~} or nothing. */
    NULL
  }

  /** A scalar: its text as written and its resolved type. */
  public static final class Scalar extends YamlNode {
    private final Type type;
    private final String text;
    private final Long integer;
    private final boolean bool;

    Scalar(KdlLocation location, Type type, String text, Long integer, boolean bool) {
      super(location, 1, 1);
      this.type = Objects.requireNonNull(type, "type");
      this.text = Objects.requireNonNull(text, "text");
      this.integer = integer;
      this.bool = bool;
    }

    /**
     * Returns the type.
     *
     * @return the type
     */
    public Type type() {
      return type;
    }

    /**
     * Returns the text as written (without quotes); empty for an empty null.
     *
     * @return the text
     */
    public String text() {
      return text;
    }

    /**
     * Returns the value of an {@link Type#INTEGER} that fits a {@code long}.
     *
     * @return the value, or null for another type or a larger integer
     */
    public Long integer() {
      return integer;
    }

    /**
     * Returns the value of a {@link Type#BOOLEAN}.
     *
     * @return the value; false for other types
     */
    public boolean bool() {
      return bool;
    }

    /**
     * Tells whether this is a null.
     *
     * @return true for {@link Type#NULL}
     */
    public boolean isNull() {
      return type == Type.NULL;
    }

    @Override
    public String describe() {
      switch (type) {
        case NULL:
          return "null";
        case BOOLEAN:
          return "the boolean " + Texts.cut(text);
        case INTEGER:
        case FLOAT:
          return "the number " + Texts.cut(text);
        default:
          return "the string " + Texts.quote(text);
      }
    }
  }

  /** A sequence (a YAML list). */
  public static final class Sequence extends YamlNode {
    private final List<YamlNode> items;

    Sequence(KdlLocation location, List<YamlNode> items, long size, int height) {
      super(location, size, height);
      this.items = Collections.unmodifiableList(items);
    }

    /**
     * Returns the items, in order.
     *
     * @return an unmodifiable list
     */
    public List<YamlNode> items() {
      return items;
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** One key of a mapping with its value. */
  public record Entry(String key, KdlLocation keyLocation, YamlNode value) { }

  /** A mapping with unique keys, in the order written (merged keys after the own ones). */
  public static final class Mapping extends YamlNode {
    private final Map<String, Entry> entries;

    Mapping(KdlLocation location, LinkedHashMap<String, Entry> entries, long size, int height) {
      super(location, size, height);
      this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Returns the entries by key, in order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Entry> entries() {
      return entries;
    }

    /**
     * Returns the entry of a key.
     *
     * @param key the key
     * @return the entry, or null when the key is absent
     */
    public Entry entry(String key) {
      return entries.get(key);
    }

    /**
     * Returns the value of a key.
     *
     * @param key the key
     * @return the value, or null when the key is absent
     */
    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
