package dev.buildbridge.webhooks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading with a shape keeps what the shape names and refuses exactly what a full read refuses. */
class WebhookJsonShapeTest {
  private static final JsonShape SHAPE = JsonShape.keep("ref", "after")
      .with("repository", JsonShape.keep("name").with("owner", JsonShape.keep("login")))
      .with("commits", JsonShape.arrayOf(JsonShape.keep()));

  @Test
  void keepsTheNamedPathsAsAFullReadGivesThem() {
    String json = "{\"ref\":\"refs/heads/main\",\"skipped\":{\"deep\":[1,2,{\"x\":null}]},"
        + "\"after\":\"abc\",\"repository\":{\"name\":\"r\",\"size\":3,"
        + "\"owner\":{\"login\":\"o\",\"id\":7}},\"commits\":[{\"id\":\"1\",\"message\":\"m\"},{}],"
        + "\"tail\":\"t\"}";
    JsonNode full = WebhookJson.read(json.getBytes(UTF_8));
    JsonNode sparse = WebhookJson.read(json.getBytes(UTF_8), SHAPE);

    assertEquals(full.get("ref"), sparse.get("ref"));
    assertEquals(full.get("after"), sparse.get("after"));
    assertEquals(full.at("/repository/name"), sparse.at("/repository/name"));
    assertEquals(full.at("/repository/owner/login"), sparse.at("/repository/owner/login"));
    assertEquals(full.get("commits").size(), sparse.get("commits").size());
    assertFalse(sparse.has("skipped"), "unnamed members are dropped");
    assertFalse(sparse.has("tail"));
    assertFalse(sparse.get("repository").has("size"));
    assertTrue(sparse.at("/commits/0").isEmpty(), "commit content is dropped");
  }

  @Test
  void keepsScalarsAsTheNodesAFullReadMakes() {
    String json = "{\"ref\":\"\",\"after\":true,\"repository\":{\"name\":null,"
        + "\"owner\":{\"login\":false}},\"commits\":[1,2.5,-3e400,12345678901234567890123,"
        + "\"s\",{\"a\":[{}]}]}";
    JsonNode full = WebhookJson.read(json.getBytes(UTF_8));
    JsonNode sparse = WebhookJson.read(json.getBytes(UTF_8),
        JsonShape.keep("ref", "after")
            .with("repository", JsonShape.keep("name").with("owner", JsonShape.keep("login")))
            .with("commits", JsonShape.arrayOf(JsonShape.whole())));
    assertEquals(full, sparse);
    for (String pointer : new String[] {"/ref", "/after", "/repository/name",
        "/repository/owner/login", "/commits/0", "/commits/1", "/commits/2", "/commits/3"}) {
      assertEquals(full.at(pointer).getClass(), sparse.at(pointer).getClass(), pointer);
    }
  }

  @Test
  void keepsAValueWholeWhenItsTypeIsNotTheShapesType() {
    String json = "{\"repository\":[\"not\",\"an\",\"object\"],\"commits\":{\"n\":1},\"ref\":null}";
    JsonNode full = WebhookJson.read(json.getBytes(UTF_8));
    JsonNode sparse = WebhookJson.read(json.getBytes(UTF_8), SHAPE);
    assertEquals(full, sparse);
  }

  @Test
  void keepsARootThatIsNotAnObjectWhole() {
    assertEquals(WebhookJson.read("[1,{\"a\":2}]".getBytes(UTF_8)),
        WebhookJson.read("[1,{\"a\":2}]".getBytes(UTF_8), SHAPE));
    assertEquals(WebhookJson.read(" \"text\" ".getBytes(UTF_8)),
        WebhookJson.read(" \"text\" ".getBytes(UTF_8), SHAPE));
  }

  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        Arguments.of("bad UTF-8 continuation in a skipped string",
            bytes("{\"x\":\"", new byte[] {(byte) 0xC3, 0x28}, "\",\"ref\":\"r\"}")),
        Arguments.of("bad UTF-8 start byte in a skipped string",
            bytes("{\"x\":\"", new byte[] {(byte) 0xFF}, "\"}")),
        Arguments.of("encoded surrogate in a skipped string",
            bytes("{\"x\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}")),
        Arguments.of("control character in a skipped string", bytes("{\"x\":\"a\u0001b\"}")),
        Arguments.of("bad escape in a skipped string", bytes("{\"x\":\"\\q\"}")),
        Arguments.of("duplicate key in a skipped object", bytes("{\"x\":{\"a\":1,\"a\":2}}")),
        Arguments.of("duplicate key in a kept object", bytes("{\"ref\":1,\"ref\":2}")),
        Arguments.of("duplicate key in a skipped member of a kept object",
            bytes("{\"repository\":{\"size\":{\"b\":1,\"b\":1}}}")),
        Arguments.of("nesting over the limit in a skipped member",
            bytes("{\"x\":" + "[".repeat(200) + "]".repeat(200) + "}")),
        Arguments.of("number over the length limit in a skipped member",
            bytes("{\"x\":" + "9".repeat(300) + "}")),
        Arguments.of("NaN in a skipped member", bytes("{\"x\":NaN}")),
        Arguments.of("leading zero in a commit", bytes("{\"commits\":[{\"n\":01}]}")),
        Arguments.of("missing comma in a skipped object", bytes("{\"x\":{\"a\":1 \"b\":2}}")),
        Arguments.of("unterminated document", bytes("{\"ref\":\"r\",\"x\":[1,2")),
        Arguments.of("garbage after the document", bytes("{\"ref\":\"r\"} x")),
        Arguments.of("a second document", bytes("{\"ref\":\"r\"} {}")),
        Arguments.of("only whitespace", bytes(" \n\t ")),
        Arguments.of("empty", new byte[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void refusesWhatAFullReadRefusesForTheSameReason(String what, byte[] body) {
    WebhookParseException full = assertThrows(WebhookParseException.class,
        () -> WebhookJson.read(body), what);
    WebhookParseException sparse = assertThrows(WebhookParseException.class,
        () -> WebhookJson.read(body, SHAPE), what);
    assertEquals(full.reason(), sparse.reason(), what);
    if (!what.equals("a second document")) {
      assertEquals(full.getMessage(), sparse.getMessage(), what);
    }
  }

  @Test
  void namesWhereASecondDocumentStarts() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> WebhookJson.read(bytes("{\"ref\":\"r\"}\n  {}"), SHAPE));
    assertEquals(Reason.MALFORMED_JSON, e.reason());
    assertTrue(e.getMessage().startsWith("JSON at line 2, column"), e.getMessage());
    assertTrue(e.getMessage().contains("Trailing token (of type START_OBJECT)"), e.getMessage());
  }

  @Test
  void refusesAStringOverTheLengthLimitInASkippedMember() {
    String big = "a".repeat(10_000_001);
    byte[] body = bytes("{\"ref\":\"r\",\"x\":\"" + big + "\"}");
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> WebhookJson.read(body, SHAPE));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
  }

  @Test
  void readsBodiesWithByteEdLikeAFullRead() {
    // U+D55C (Hangul) is ED 95 9C: valid, and read whole because of its first byte
    byte[] body = bytes("{\"ref\":\"\uD55C\",\"x\":\"\uD55C\"}");
    assertEquals(WebhookJson.read(body).get("ref"), WebhookJson.read(body, SHAPE).get("ref"));
  }

  @Test
  void findsAByteAtEveryPositionAndNoOther() {
    for (int length = 0; length <= 80; length++) {
      byte[] data = new byte[length];
      Arrays.fill(data, (byte) 0xEC);
      assertFalse(WebhookJson.containsByte(data, (byte) 0xED), "length " + length);
      for (int at = 0; at < length; at++) {
        byte[] copy = data.clone();
        copy[at] = (byte) 0xED;
        assertTrue(WebhookJson.containsByte(copy, (byte) 0xED), at + " of " + length);
      }
    }
    byte[] near = {
        0x6D, (byte) 0xEE, (byte) 0xFD, (byte) 0xE9, 0x01, 0x00, (byte) 0x80, 0x7F, 0x0D};
    assertFalse(WebhookJson.containsByte(near, (byte) 0xED));
  }

  @Test
  void describesItself() {
    assertEquals("*", JsonShape.whole().toString());
    assertEquals("[{}]", JsonShape.arrayOf(JsonShape.keep()).toString());
    assertTrue(SHAPE.toString().contains("owner: {login}"), SHAPE.toString());
    assertThrows(IllegalStateException.class, () -> JsonShape.whole().with("a", JsonShape.whole()));
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] b = part instanceof byte[] ? (byte[]) part : ((String) part).getBytes(UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }
}
