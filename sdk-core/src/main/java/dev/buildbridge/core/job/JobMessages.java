package dev.buildbridge.core.job;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import java.io.IOException;

/** Reads and writes job messages with one shared hardened mapper. */
final class JobMessages {
  /** Reason code of every failure to read a job message. */
  static final String MALFORMED = "MALFORMED_JOB_MESSAGE";

  private static final ObjectMapper MAPPER =
      HardenedJson.newMapper(JsonLimits.defaults().withMaxDocumentBytes(1L << 20));

  private JobMessages() {}

  static <T> T read(byte[] json, Class<T> type, String schema) {
    if (json == null) {
      throw new BuildBridgeException(MALFORMED, schema + ": message is null");
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw new BuildBridgeException(MALFORMED, schema + ": " + describe(e), e);
    } catch (IOException e) {
      throw new BuildBridgeException(MALFORMED, schema + ": " + e.getMessage(), e);
    }
  }

  static byte[] write(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialize " + message.getClass().getSimpleName(), e);
    }
  }

  /** A one-line description with the JSON pointer of the field when Jackson knows it. */
  private static String describe(JacksonException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root instanceof IllegalArgumentException || root instanceof NullPointerException
        ? root.getMessage()
        : e.getOriginalMessage();
    StringBuilder out = new StringBuilder();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder pointer = new StringBuilder();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        pointer.append('/');
        pointer.append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
      }
      out.append(pointer).append(": ");
    }
    out.append(what);
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      out.append(" (line ").append(location.getLineNr())
          .append(", column ").append(location.getColumnNr()).append(')');
    }
    return out.toString();
  }
}
