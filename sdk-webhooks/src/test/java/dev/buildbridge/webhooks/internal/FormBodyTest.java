package dev.buildbridge.webhooks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.webhooks.WebhookParseException;
import java.net.URLEncoder;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  private static String payloadOf(String form) {
    return new String(FormBody.payload(form.getBytes(UTF_8)), UTF_8);
  }

  @Test
  void decodesThePayloadFieldWhateverItsPosition() {
    String json = "{\"a\": \"b&c=d+é\"}";
    String encoded = URLEncoder.encode(json, UTF_8);
    assertEquals(json, payloadOf("payload=" + encoded));
    assertEquals(json, payloadOf("x=1&payload=" + encoded + "&y=2"));
  }

  @Test
  void plusIsASpace() {
    assertEquals("a b", payloadOf("payload=a+b"));
  }

  @Test
  void rejectsFormWithoutPayload() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> FormBody.payload("x=1".getBytes(UTF_8)));
    assertEquals(WebhookParseException.Reason.MALFORMED_FORM, e.reason());
    assertTrue(e.getMessage().contains("no payload field"), e.getMessage());
  }

  @Test
  void rejectsTwoPayloadFields() {
    assertThrows(WebhookParseException.class, () -> FormBody.payload("payload=1&payload=2".getBytes(UTF_8)));
  }

  @Test
  void rejectsBadPercentEscapesNamingTheOffset() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> FormBody.payload("payload=%4".getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("byte 8"), e.getMessage());
    assertThrows(WebhookParseException.class, () -> FormBody.payload("payload=%zz".getBytes(UTF_8)));
  }
}
