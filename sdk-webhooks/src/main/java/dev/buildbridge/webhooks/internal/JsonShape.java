package dev.buildbridge.webhooks.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which parts of a JSON document an event reads, so that
 * {@link WebhookJson#read(byte[], JsonShape)} builds only those into the tree and skips the rest
 * after checking it. A shape is {@link #whole()}
 * (keep the value as it is), an object shape (keep the named members, each with its own shape) or
 * an array shape (keep every element, each with the element shape). A value whose JSON type is not
 * the one its shape expects is kept whole, so readers see exactly what a full read gives them for
 * every path the shape names. Immutable.
 *
 * <pre>{@code
 * JsonShape repo = JsonShape.keep("name", "clone_url").with("owner", JsonShape.keep("login"));
 * JsonShape push = JsonShape.keep("ref", "after").with("repository", repo)
 *     .with("commits", JsonShape.arrayOf(JsonShape.keep()));   // the count, not the commits
 * }</pre>
 */
public final class JsonShape {
  private static final JsonShape WHOLE = new JsonShape(Kind.WHOLE, Map.of(), null);

  /** What a shape keeps. */
  enum Kind {
    WHOLE,
    OBJECT,
    ARRAY
  }

  private final Kind kind;
  private final Map<String, JsonShape> members;
  private final JsonShape elements;

  private JsonShape(Kind kind, Map<String, JsonShape> members, JsonShape elements) {
    this.kind = kind;
    this.members = members;
    this.elements = elements;
  }

  /**
   * Returns the shape that keeps a value whole.
   *
   * @return the shape
   */
  public static JsonShape whole() {
    return WHOLE;
  }

  /**
   * Returns an object shape keeping these members whole (none: an empty object, which keeps
   * only the fact that the value is an object).
   *
   * @param names member names
   * @return the shape
   */
  public static JsonShape keep(String... names) {
    Map<String, JsonShape> members = new LinkedHashMap<>();
    for (String name : names) {
      members.put(Objects.requireNonNull(name, "name"), WHOLE);
    }
    return new JsonShape(Kind.OBJECT, copy(members), null);
  }

  /**
   * Returns an array shape: every element is kept, in the element shape.
   *
   * @param elements the shape of each element
   * @return the shape
   */
  public static JsonShape arrayOf(JsonShape elements) {
    return new JsonShape(Kind.ARRAY, Map.of(), Objects.requireNonNull(elements, "elements"));
  }

  /**
   * Returns this object shape with one more member.
   *
   * @param name the member name
   * @param shape what to keep of it
   * @return a new shape
   * @throws IllegalStateException when this is not an object shape
   */
  public JsonShape with(String name, JsonShape shape) {
    if (kind != Kind.OBJECT) {
      throw new IllegalStateException("only an object shape has members");
    }
    Map<String, JsonShape> more = new LinkedHashMap<>(members);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(shape, "shape"));
    return new JsonShape(Kind.OBJECT, copy(more), null);
  }

  /** A HashMap: its lookup compares keys by identity first, and Jackson's names are interned. */
  private static Map<String, JsonShape> copy(Map<String, JsonShape> members) {
    return Collections.unmodifiableMap(new HashMap<>(members));
  }

  Kind kind() {
    return kind;
  }

  /** The shape of a member of an object shape, or null when the member is skipped. */
  JsonShape member(String name) {
    return members.get(name);
  }

  JsonShape elements() {
    return elements;
  }

  /**
   * Describes the shape, such as {@code {ref, repository: {name}}}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    switch (kind) {
      case WHOLE:
        return "*";
      case ARRAY:
        return "[" + elements + "]";
      default:
        StringBuilder b = new StringBuilder("{");
        members.forEach((name, shape) -> {
          b.append(b.length() == 1 ? "" : ", ").append(name);
          if (shape.kind != Kind.WHOLE) {
            b.append(": ").append(shape);
          }
        });
        return b.append('}').toString();
    }
  }
}
