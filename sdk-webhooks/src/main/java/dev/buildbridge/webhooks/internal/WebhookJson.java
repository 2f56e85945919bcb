package dev.buildbridge.webhooks.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * Reads webhook bodies into trees with the hardened mapper and turns every Jackson failure into a
 * {@link WebhookParseException} with a reason and a line:column, never quoting the body.
 */
public final class WebhookJson {
  private static final ObjectMapper MAPPER = HardenedJson.newMapper(JsonLimits.defaults());
  private static final ObjectReader STRICT = MAPPER.reader();
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
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      return "JSON at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
          + message;
    }
    return "JSON: " + message;
  }
}
