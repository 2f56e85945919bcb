package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a KCIDB document that is larger than a size cap into several smaller documents, each a
 * complete submission on its own.
 *
 * <pre>{@code
 * List<byte[]> parts = KcidbSplitter.split(document, 4 << 20); // 4 MiB per POST /submit
 * for (byte[] part : parts) {
 *     client.submit(part);
 * }
 * }</pre>
 *
 * <p>A document within the cap comes back as a single part (its own bytes when given bytes, the
 * compact JSON of the tree when given a tree). A larger one is cut between objects, never inside
 * one: every part repeats {@code version} and carries a run of objects taken in the order
 * checkouts, builds, tests, issues, incidents, each list in its original order, so parents go out
 * before their children. KCIDB does not need that order (an object whose parent has not arrived
 * yet is kept and shows up once the chain is complete), but it keeps the dashboards consistent
 * while parts arrive. Together the parts hold every object exactly once; each part, written
 * compactly, is at most the cap.
 *
 * <p>What is checked here is only what splitting needs: the document is a JSON object whose
 * {@code version} is an object and whose lists are arrays of objects; when it must be split it may
 * have no other top-level property. Validating the objects against the KCIDB schema is the
 * validator's work.
 */
public final class KcidbSplitter {
  /** The object lists of a KCIDB v5 document, parents first. */
  public static final List<String> LISTS =
      List.of("checkouts", "builds", "tests", "issues", "incidents");

  /** The smallest cap accepted: room for a version and one small object. */
  public static final int MIN_MAX_BYTES = 64;

  private KcidbSplitter() {}

  /**
   * Splits a document given as a tree.
   *
   * @param document the KCIDB document
   * @param maxBytes the largest part, in bytes of compact UTF-8 JSON, {@value #MIN_MAX_BYTES} to
   *     {@link KcidbClient#MAX_DOCUMENT_BYTES_LIMIT}
   * @return one or more parts, compact UTF-8 JSON, in sending order
   * @throws NullPointerException if the document is null
   * @throws IllegalArgumentException if {@code maxBytes} is out of range
   * @throws KcidbException {@code INVALID_DOCUMENT} when the document lacks a {@code version}
   *     object, has a list that is not an array of objects, has another top-level property and
   *     must be split, or holds an object that alone (with {@code version}) exceeds the cap
   */
  public static List<byte[]> split(ObjectNode document, int maxBytes) {
    Objects.requireNonNull(document, "document");
    checkMaxBytes(maxBytes);
    checkShape(document);
    byte[] whole = Json.write(document, "document");
    if (whole.length <= maxBytes) {
      return List.of(whole);
    }
    return splitTree(document, maxBytes);
  }

  /**
   * Splits a document given as UTF-8 JSON. A document within the cap is returned as is (a copy of
   * the same bytes), after checking that it is JSON of the right shape.
   *
   * @param json the KCIDB document, UTF-8 JSON
   * @param maxBytes the largest part, as for {@link #split(ObjectNode, int)}
   * @return one or more parts, in sending order
   * @throws NullPointerException if the bytes are null
   * @throws IllegalArgumentException if {@code maxBytes} is out of range
   * @throws KcidbException {@code INVALID_DOCUMENT} when the bytes are not JSON (with line and
   *     column), not an object, or for the reasons given on {@link #split(ObjectNode, int)}
   */
  public static List<byte[]> split(byte[] json, int maxBytes) {
    Objects.requireNonNull(json, "json");
    checkMaxBytes(maxBytes);
    JsonNode node = Json.parse(json, "document");
    if (!node.isObject()) {
      throw invalid("document is a JSON "
          + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
    }
    ObjectNode document = (ObjectNode) node;
    checkShape(document);
    if (json.length <= maxBytes) {
      return List.of(json.clone());
    }
    return splitTree(document, maxBytes);
  }

  static void checkMaxBytes(int maxBytes) {
    if (maxBytes < MIN_MAX_BYTES || maxBytes > KcidbClient.MAX_DOCUMENT_BYTES_LIMIT) {
      throw new IllegalArgumentException("maxBytes must be " + MIN_MAX_BYTES + ".."
          + KcidbClient.MAX_DOCUMENT_BYTES_LIMIT + ", was " + maxBytes);
    }
  }

  private static void checkShape(ObjectNode document) {
    JsonNode version = document.get("version");
    if (version == null) {
      throw invalid("document has no \"version\" (KCIDB v5.3 wants {\"major\":5,\"minor\":3})");
    }
    if (!version.isObject()) {
      throw invalid("document's \"version\" is not an object");
    }
    for (String list : LISTS) {
      JsonNode objects = document.get(list);
      if (objects == null) {
        continue;
      }
      if (!objects.isArray()) {
        throw invalid("document's \"" + list + "\" is not an array");
      }
      for (int i = 0; i < objects.size(); i++) {
        if (!objects.get(i).isObject()) {
          throw invalid(list + "[" + i + "] is not an object");
        }
      }
    }
  }

  private static List<byte[]> splitTree(ObjectNode document, int maxBytes) {
    for (Map.Entry<String, JsonNode> property : document.properties()) {
      String name = property.getKey();
      if (!name.equals("version") && !LISTS.contains(name)) {
        throw invalid("document of more than " + maxBytes + " bytes cannot be split: it has"
            + " the top-level property " + Json.quote(name) + ", which is not one of version, "
            + String.join(", ", LISTS));
      }
    }
    JsonNode version = document.get("version");
    // {"version":V} and, per list present, ,"name":[...] with commas between objects
    long base = 2 + keyBytes("version") + Json.write(version, "version").length;
    if (base > maxBytes) {
      throw invalid("document's \"version\" alone takes " + base + " bytes, more than the cap of "
          + maxBytes);
    }
    List<byte[]> parts = new ArrayList<>();
    Part part = new Part(version, base);
    for (String list : LISTS) {
      JsonNode objects = document.get(list);
      if (objects == null) {
        continue;
      }
      long listOverhead = 1 + keyBytes(list) + 2;
      for (int i = 0; i < objects.size(); i++) {
        JsonNode object = objects.get(i);
        long size = Json.write(object, list + "[" + i + "]").length;
        if (base + listOverhead + size > maxBytes) {
          JsonNode id = object.get("id");
          String named = id != null && id.isTextual()
              ? " (id " + Json.quote(id.asText()) + ")" : "";
          throw invalid(list + "[" + i + "]" + named + " takes " + size + " bytes; with the"
              + " document's version it needs " + (base + listOverhead + size)
              + " bytes, more than the cap of " + maxBytes + ": it cannot be split further");
        }
        long added = part.has(list) ? 1 + size : listOverhead + size;
        if (part.size + added > maxBytes) {
          parts.add(part.finish(maxBytes));
          part = new Part(version, base);
          added = listOverhead + size;
        }
        part.add(list, object, added);
      }
    }
    if (part.objects > 0 || parts.isEmpty()) {
      parts.add(part.finish(maxBytes));
    }
    return parts;
  }

  private static long keyBytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8).length + 3; // "key":
  }

  private static KcidbException invalid(String message) {
    return new KcidbException(Reason.INVALID_DOCUMENT, message, null);
  }

  /** One part being filled, with its exact compact size. */
  private static final class Part {
    final ObjectNode node = JsonNodeFactory.instance.objectNode();
    long size;
    int objects;

    Part(JsonNode version, long base) {
      node.set("version", version);
      this.size = base;
    }

    boolean has(String list) {
      return node.has(list);
    }

    void add(String list, JsonNode object, long added) {
      ArrayNode array = node.has(list) ? (ArrayNode) node.get(list) : node.putArray(list);
      array.add(object);
      size += added;
      objects++;
    }

    byte[] finish(int maxBytes) {
      byte[] bytes = Json.write(node, "document part");
      if (bytes.length != size || bytes.length > maxBytes) {
        throw new IllegalStateException("part size " + bytes.length + " differs from the computed "
            + size + " (cap " + maxBytes + ")");
      }
      return bytes;
    }
  }
}
