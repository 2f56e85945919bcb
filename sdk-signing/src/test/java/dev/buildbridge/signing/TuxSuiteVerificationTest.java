package dev.buildbridge.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TuxSuiteVerificationTest {

  @Test
  void copiesThePayloadInAndOut() {
    byte[] body = "{\"kind\": \"plan\"}".getBytes(UTF_8);
    TuxSuiteVerification verification = new TuxSuiteVerification(false, body);

    body[0] = 'X';
    assertEquals('{', verification.payload()[0]);
    verification.payload()[0] = 'Y';
    assertEquals('{', verification.payload()[0]);
  }

  @Test
  void comparesByLegacyFlagAndPayloadContent() {
    TuxSuiteVerification a = new TuxSuiteVerification(true, "{}".getBytes(UTF_8));
    TuxSuiteVerification b = new TuxSuiteVerification(true, "{}".getBytes(UTF_8));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new TuxSuiteVerification(false, "{}".getBytes(UTF_8)));
    assertNotEquals(a, new TuxSuiteVerification(true, "[]".getBytes(UTF_8)));
    assertArrayEquals("{}".getBytes(UTF_8), a.payload());
  }

  @Test
  void toStringShowsPayloadLengthNotContent() {
    TuxSuiteVerification verification =
        new TuxSuiteVerification(false, "{\"token\": \"s3cr3t\"}".getBytes(UTF_8));

    assertEquals("TuxSuiteVerification[legacy=false, payload=19 bytes]", verification.toString());
  }

  @Test
  void rejectsNullPayload() {
    assertEquals("payload", assertThrows(NullPointerException.class,
        () -> new TuxSuiteVerification(false, null)).getMessage());
  }
}
