package dev.buildbridge.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/**
 * Factory for Jackson mappers configured for untrusted input. Every SDK module parses webhook bodies,
 * callbacks and API answers through a mapper from here.
 *
 * <p>A hardened mapper:
 * <ul>
 *   <li>enforces {@link JsonLimits} (nesting depth, string, name and number length, document size);
 *   <li>rejects duplicate object keys and trailing content after the document;
 *   <li>ignores unknown properties, so new upstream fields never break parsing;
 *   <li>never copies the source document into error locations (it may hold secrets);
 *   <li>reads and writes {@code java.time} values as RFC 3339 strings.
 * </ul>
 * Invalid UTF-8 is always rejected by Jackson's byte parser. Mappers are thread-safe once built; build
 * one and keep it.
 *
 * <pre>{@code
 * ObjectMapper mapper = HardenedJson.newMapper();
 * JsonNode tree = mapper.readTree(body); // throws JsonProcessingException on hostile input
 * }</pre>
 */
public final class HardenedJson {

  private HardenedJson() {}

  /**
   * Returns a new hardened mapper with {@link JsonLimits#defaults()}.
   *
   * @return a new mapper; share it, building one is not cheap
   */
  public static ObjectMapper newMapper() {
    return newMapper(JsonLimits.defaults());
  }

  /**
   * Returns a new hardened mapper with the given limits.
   *
   * @param limits the bounds to enforce
   * @return a new mapper; share it, building one is not cheap
   */
  public static ObjectMapper newMapper(JsonLimits limits) {
    return JsonMapper.builder(newFactory(limits))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .addModule(new JavaTimeModule())
        .build();
  }

  /**
   * Returns a new streaming factory with the given limits, for code that reads only a few fields
   * with a {@link JsonParser} instead of binding the whole document.
   *
   * @param limits the bounds to enforce
   * @return a new factory; share it
   */
  public static JsonFactory newFactory(JsonLimits limits) {
    Objects.requireNonNull(limits, "limits");
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxNameLength())
            .maxNumberLength(limits.maxNumberLength())
            .maxDocumentLength(limits.maxDocumentBytes())
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    return factory;
  }
}
