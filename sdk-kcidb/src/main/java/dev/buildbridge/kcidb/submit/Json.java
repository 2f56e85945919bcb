package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import dev.buildbridge.kcidb.KcidbException;
import java.io.IOException;

/** The one mapper of this package: documents in and out, within generous but finite limits. */
final class Json {
  /**
   * Documents may be as large as KCIDB accepts (512 MiB) before they are split; strings as long
   * as a log excerpt or a {@code misc} blob reasonably gets.
   */
  static final JsonLimits LIMITS = JsonLimits.defaults()
      .withMaxDocumentBytes(KcidbClient.MAX_DOCUMENT_BYTES_LIMIT);
  static final ObjectMapper MAPPER = HardenedJson.newMapper(LIMITS);
  /** Compact UTF-8, characters outside the BMP as their 4 bytes rather than two escapes. */
  private static final ObjectWriter WRITER =
      MAPPER.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

  private Json() {}

  /**
   * Parses a document.
   *
   * @param json UTF-8 JSON
   * @param what names the input in messages, such as {@code "document"}
   * @return the tree
   * @throws KcidbException {@code INVALID_DOCUMENT} with line and column when not JSON
   */
  static JsonNode parse(byte[] json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new KcidbException(KcidbException.Reason.INVALID_DOCUMENT, what + " is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new KcidbException(KcidbException.Reason.INVALID_DOCUMENT,
          what + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new KcidbException(KcidbException.Reason.INVALID_DOCUMENT,
          what + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a tree as compact UTF-8 JSON.
   *
   * @param node the tree
   * @param what names the input in messages
   * @return the bytes
   * @throws KcidbException {@code INVALID_DOCUMENT} when the tree cannot be written (too deep)
   */
  static byte[] write(JsonNode node, String what) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new KcidbException(KcidbException.Reason.INVALID_DOCUMENT,
          what + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Quotes a value for a message: at most 100 characters, control characters escaped.
   *
   * @param text the value
   * @return the quoted value
   */
  static String quote(String text) {
    return '"' + escape(text, 100, true) + '"';
  }

  /**
   * Makes text safe for a message or a log line: at most {@code max} characters (then
   * {@code ...}), control characters escaped.
   *
   * @param text the text
   * @param max the most characters kept
   * @return the cleaned text
   */
  static String clean(String text, int max) {
    return escape(text, max, false);
  }

  private static String escape(String text, int max, boolean quoted) {
    int n = Math.min(text.length(), max);
    StringBuilder out = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xF, 16));
      } else if (quoted && (c == '"' || c == '\\')) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    if (text.length() > n) {
      out.append("...");
    }
    return out.toString();
  }
}
