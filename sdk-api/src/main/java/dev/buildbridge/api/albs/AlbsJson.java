package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.core.json.HardenedJson;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** JSON helpers of the ALBS client: the timestamp reader and tree-to-record conversion. */
final class AlbsJson {
  /** Reads trees the transport already bounded; never writes. */
  private static final ObjectMapper MAPPER = HardenedJson.newMapper();
  private static final int MAX_TIMESTAMP_CHARS = 64;

  private AlbsJson() {}

  /**
   * Reads the timestamps ALBS sends. Its database columns are mostly naive ({@code DateTime}
   * without time zone, filled with UTC), so pydantic writes {@code 2024-05-14T10:23:45.123456}
   * without offset; columns with a zone come as {@code ...+00:00}. A naive value is read as UTC.
   * The space separator of Python's {@code str(datetime)} is accepted too.
   */
  static final class InstantReader extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantReader() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().strip();
      Instant instant = parse(text);
      if (instant == null) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class,
            text.length() > MAX_TIMESTAMP_CHARS ? text.substring(0, MAX_TIMESTAMP_CHARS) : text,
            "not an ISO-8601 date-time");
      }
      return instant;
    }
  }

  /** Parses an ISO-8601 date-time with or without offset (then UTC); null when it is not one. */
  static Instant parse(String text) {
    if (text.length() < 16 || text.length() > MAX_TIMESTAMP_CHARS) {
      return null;
    }
    String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      // no offset: a naive UTC value
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Binds a JSON object the transport read to a record; a tree that does not fit fails like a
   * body that does not, with {@link Reason#MALFORMED_RESPONSE}.
   */
  static <T> T bind(JsonNode node, Class<T> type, ApiTransport transport, ApiRequest request,
      ApiResponse<?> response) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String original = e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      throw ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(),
              transport.baseUrl().getRawPath() + request.path())
          .status(response.status())
          .attempts(response.attempts())
          .problem("response body is not valid JSON for " + type.getSimpleName() + ": "
              + original)
          .cause(e)
          .build();
    }
  }
}
