package dev.buildbridge.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardenedJsonTest {
  private final ObjectMapper mapper = HardenedJson.newMapper();

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> mapper.readTree(nested(129).getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  @Test
  void acceptsNestingAtTheLimit() throws IOException {
    assertEquals(1, mapper.readTree(nested(128).getBytes(UTF_8)).size());
  }

  @Test
  void rejectsHundredThousandDeepNestingWithoutStackOverflow() {
    assertThrows(JsonProcessingException.class, () -> mapper.readTree(nested(100_000).getBytes(UTF_8)));
  }

  @Test
  void rejectsDuplicateKeys() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> mapper.readTree("{\"a\":1,\"a\":2}".getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
  }

  @Test
  void rejectsTrailingContentWhenBinding() {
    assertThrows(JsonProcessingException.class,
        () -> mapper.readValue("{\"a\":1} {\"b\":2}".getBytes(UTF_8), Map.class));
  }

  @Test
  void rejectsStringsLongerThanTheLimit() {
    ObjectMapper small = HardenedJson.newMapper(JsonLimits.defaults().withMaxStringLength(10));
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> small.readTree("[\"01234567890\"]".getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("String value length"), e.getMessage());
  }

  @Test
  void rejectsDocumentsLargerThanTheLimit() {
    ObjectMapper small = HardenedJson.newMapper(JsonLimits.defaults().withMaxDocumentBytes(100));
    byte[] doc = ("[" + "1,".repeat(100) + "1]").getBytes(UTF_8);
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> small.readTree(doc));
    assertTrue(e.getMessage().contains("Document length"), e.getMessage());
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] doc = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readTree(doc));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void errorLocationsNeverQuoteTheSource() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> mapper.readTree("{\"token\":\"s3cr3t\" oops}".getBytes(UTF_8)));
    assertTrue(!e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void writesInstantsAsRfc3339() throws IOException {
    assertEquals("\"2026-01-25T15:50:52Z\"",
        mapper.writeValueAsString(Instant.parse("2026-01-25T15:50:52Z")));
  }

  @Test
  void ignoresUnknownProperties() throws IOException {
    record Small(int a) {}
    assertEquals(new Small(1), mapper.readValue("{\"a\":1,\"b\":2}", Small.class));
  }

  @Test
  void limitsRejectNonPositiveValuesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonLimits.defaults().withMaxNestingDepth(0));
    assertEquals("maxNestingDepth must be positive, was 0", e.getMessage());
  }
}
