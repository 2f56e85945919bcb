package dev.buildbridge.webhooks.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.CharConversionException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads webhook bodies into trees with the hardened mapper and turns every Jackson failure into a
 * {@link WebhookParseException} with a reason and a line:column, never quoting the body.
 */
public final class WebhookJson {
  private static final JsonLimits LIMITS = JsonLimits.defaults();
  private static final ObjectMapper MAPPER = HardenedJson.newMapper(LIMITS);
  private static final ObjectReader STRICT = MAPPER.reader();
  /** Reads one value of a document being walked: what follows it is the walker's business. */
  private static final ObjectReader VALUE = MAPPER.readerFor(JsonNode.class)
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** TuxSuite build callbacks have carried the invalid escape {@code \'}: accept any escaped char. */
  private static final ObjectReader LENIENT_ESCAPES =
      MAPPER.reader().with(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER);

  private WebhookJson() {}

  /**
   * Returns the shared hardened mapper, for binding and writing.
   *
   * @return the mapper; do not reconfigure it
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses strict JSON.
   *
   * @param body the bytes
   * @return the tree, never null
   * @throws WebhookParseException when the body is not one well-formed JSON document within limits
   */
  public static JsonNode read(byte[] body) {
    return read(STRICT, body, 0, body.length);
  }

  /**
   * Parses strict JSON from part of an array.
   *
   * @param body the array
   * @param offset first byte
   * @param length number of bytes
   * @return the tree, never null
   * @throws WebhookParseException when the bytes are not one well-formed JSON document within limits
   */
  public static JsonNode read(byte[] body, int offset, int length) {
    return read(STRICT, body, offset, length);
  }

  /**
   * Parses strict JSON into a tree holding only what {@code shape} names; everything else is read,
   * checked as {@link #read(byte[])} checks it (syntax, UTF-8, duplicate keys, nesting, number
   * and document limits) and dropped without being built. For every path the shape names, readers
   * see what {@link #read(byte[])} would give them; the same bodies are refused, with the same
   * reasons.
   *
   * <p>Skipping a string does not check its length or decode it, so two kinds of body are read
   * whole instead: those of at least {@code maxStringLength} bytes (only they can hold a string
   * over the limit), and those holding the byte {@code 0xED}, which in UTF-8 starts the encodings
   * of U+D000 to U+DFFF, among them the surrogates that decoding refuses.
   *
   * @param body the bytes
   * @param shape what to keep
   * @return the tree, never null
   * @throws WebhookParseException when the body is not one well-formed JSON document within limits
   */
  public static JsonNode read(byte[] body, JsonShape shape) {
    if (body.length >= LIMITS.maxStringLength() || containsByte(body, (byte) 0xED)) {
      return read(body);
    }
    if (body.length == 0) {
      throw new WebhookParseException(Reason.MALFORMED_JSON,
          "body is empty; expected a JSON document");
    }
    try (JsonParser parser = STRICT.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new WebhookParseException(Reason.MALFORMED_JSON,
            "body holds no JSON document (only whitespace)");
      }
      JsonNode node = value(parser, shape);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new WebhookParseException(Reason.MALFORMED_JSON, where(parser.currentLocation())
            + "Trailing token (of type " + trailing + ") found after the document");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new WebhookParseException(Reason.LIMIT_EXCEEDED, describe(e), e);
    } catch (CharConversionException e) {
      throw new WebhookParseException(Reason.INVALID_UTF8, "body is not valid UTF-8: "
          + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new WebhookParseException(classify(e), describe(e), e);
    } catch (IOException e) {
      throw new WebhookParseException(Reason.MALFORMED_JSON, "cannot read body: " + e.getMessage(),
          e);
    }
  }

  /** Reads the value at the parser's current token, keeping what the shape names. */
  private static JsonNode value(JsonParser parser, JsonShape shape) throws IOException {
    JsonToken token = parser.currentToken();
    if (shape.kind() == JsonShape.Kind.OBJECT && token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonShape member = shape.member(name);
        parser.nextToken();
        if (member == null) {
          parser.skipChildren();
        } else {
          object.set(name, value(parser, member));
        }
      }
      return object;
    }
    if (shape.kind() == JsonShape.Kind.ARRAY && token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(value(parser, shape.elements()));
      }
      return array;
    }
    // the nodes Jackson's tree deserializer makes, without a deserialization context per value
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return VALUE.readTree(parser); // containers kept whole, and numbers
    }
  }

  /** Whether {@code data} holds {@code target}, 32 bytes per step. */
  static boolean containsByte(byte[] data, byte target) {
    final long ones = 0x0101010101010101L;
    final long highs = 0x8080808080808080L;
    long pattern = (target & 0xFFL) * ones;
    int i = 0;
    // v = word ^ pattern has a zero byte where the word held target; (v - ones) & ~v & highs is
    // non-zero exactly when v has a zero byte
    for (int end = data.length - 31; i < end; i += 32) {
      long a = (long) LONGS.get(data, i) ^ pattern;
      long b = (long) LONGS.get(data, i + 8) ^ pattern;
      long c = (long) LONGS.get(data, i + 16) ^ pattern;
      long d = (long) LONGS.get(data, i + 24) ^ pattern;
      long zeros = ((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) | ((d - ones) & ~d);
      if ((zeros & highs) != 0) {
        return true;
      }
    }
    for (; i < data.length; i++) {
      if (data[i] == target) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses JSON that may hold backslash escapes JSON does not define, such as {@code \'}.
   *
   * @param body the bytes
   * @return the tree, never null
   * @throws WebhookParseException when the body is not one JSON document within limits
   */
  public static JsonNode readLenientEscapes(byte[] body) {
    return read(LENIENT_ESCAPES, body, 0, body.length);
  }

  private static JsonNode read(ObjectReader reader, byte[] body, int offset, int length) {
    if (length == 0) {
      throw new WebhookParseException(Reason.MALFORMED_JSON, "body is empty; expected a JSON document");
    }
    try {
      JsonNode node = reader.readTree(body, offset, length);
      if (node == null || node.isMissingNode()) {
        throw new WebhookParseException(Reason.MALFORMED_JSON,
            "body holds no JSON document (only whitespace)");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new WebhookParseException(Reason.LIMIT_EXCEEDED, describe(e), e);
    } catch (CharConversionException e) {
      throw new WebhookParseException(Reason.INVALID_UTF8, "body is not valid UTF-8: "
          + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new WebhookParseException(classify(e), describe(e), e);
    } catch (IOException e) {
      throw new WebhookParseException(Reason.MALFORMED_JSON, "cannot read body: " + e.getMessage(),
          e);
    }
  }

  private static Reason classify(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return Reason.MALFORMED_JSON;
    }
    if (message.startsWith("Duplicate field")) {
      return Reason.DUPLICATE_KEY;
    }
    if (message.contains("UTF-8") || message.contains("UTF8")) {
      return Reason.INVALID_UTF8;
    }
    return Reason.MALFORMED_JSON;
  }

  /** Jackson's own message without its source excerpt, plus line:column. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    int cut = message.indexOf('\n');
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    return where(e.getLocation()) + message;
  }

  private static String where(JsonLocation location) {
    if (location != null && location.getLineNr() > 0) {
      return "JSON at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
    return "JSON: ";
  }
}
