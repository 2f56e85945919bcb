package dev.buildbridge.kcidb.limits;

import static dev.buildbridge.core.testing.Bounded.MIB;
import static dev.buildbridge.core.testing.Bounded.nested;
import static dev.buildbridge.core.testing.Bounded.refused;
import static dev.buildbridge.core.testing.Bounded.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.testing.Bounded;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbValidationException;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.ValidationResult;
import dev.buildbridge.kcidb.Violation;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile KCIDB documents at the size of the limits (100,000-deep nesting, 30 MiB, 10 MB strings,
 * huge numbers, invalid UTF-8, NUL bytes): {@link KcidbValidator#validate(byte[])} answers each
 * with an invalid verdict and {@link KcidbDocument#parse} with a
 * {@link KcidbValidationException}, within {@link Bounded#TIME} and a bound on the bytes
 * allocated.
 */
class KcidbLimitsTest {
  private static final String HEAD = "{\"version\":{\"major\":5,\"minor\":3},\"builds\":[{"
      + "\"id\":\"limits:1\",\"origin\":\"limits\",\"checkout_id\":\"limits:c\",\"misc\":";

  /** A document with one build whose {@code misc} holds {@code value} (raw JSON bytes). */
  private static byte[] document(byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 256);
    out.writeBytes(HEAD.getBytes(UTF_8));
    out.writeBytes(value);
    out.writeBytes("}]}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static byte[] document(String value) {
    return document(value.getBytes(UTF_8));
  }

  private static byte[] filled(char open, int count, char fill, char close) {
    byte[] value = new byte[count + 2];
    Arrays.fill(value, (byte) fill);
    value[0] = (byte) open;
    value[value.length - 1] = (byte) close;
    return value;
  }

  /** Takes each refusal path once on a small document, so that measured calls allocate for input. */
  @BeforeAll
  static void warmUp() {
    for (String value : new String[] {"{}", "[[[", "\"a\u0000\"", "1e999"}) {
      KcidbValidator.strict().validate(document(value));
      try {
        KcidbDocument.parse(document(value));
      } catch (KcidbValidationException expected) {
        // warming up the refusal too
      }
    }
  }

  /**
   * Asserts that both validators give an invalid verdict on {@code json}, one violation at the
   * document whose message contains {@code says}, and that parsing refuses it the same way.
   */
  private static void assertRefused(byte[] json, long maxBytes, String says) {
    for (KcidbValidator validator : List.of(KcidbValidator.officialSchema(),
        KcidbValidator.strict())) {
      Bounded.Run<ValidationResult> run = run(maxBytes, () -> validator.validate(json));
      assertNull(run.thrown(), () -> "validate threw " + run.thrown());
      assertFalse(run.result().valid());
      Violation violation = run.result().violations().get(0);
      assertEquals("", violation.pointer());
      assertTrue(violation.message().contains(says), violation.message());
    }
    KcidbValidationException e = refused(KcidbValidationException.class, maxBytes,
        () -> KcidbDocument.parse(json));
    assertTrue(e.violations().get(0).message().contains(says), e::getMessage);
  }

  @Test
  void acceptsTheDocumentTheLimitTestsBuildOn() {
    assertTrue(KcidbValidator.strict().validate(document("{\"a\":1}")).valid());
    assertEquals(1, KcidbDocument.parse(document("{\"a\":1}")).builds().size());
  }

  @Test
  void refusesHundredThousandDeepNesting() {
    assertRefused(document(nested(100_000, "[", "1", "]")), 4 * MIB, "nesting depth");
    assertRefused(nested(100_000, "{\"a\":", "1", "}").getBytes(UTF_8), 4 * MIB, "nesting depth");
  }

  @Test
  void refusesThirtyMebibyteDocument() {
    assertRefused(document(filled('"', 30 << 20, 'x', '"')), MIB, "Document length");
  }

  @Test
  void refusesTenMegabyteString() {
    assertRefused(document(filled('"', 10_000_001, 'x', '"')), 48 * MIB, "String value length");
  }

  @Test
  void refusesMillionDigitNumber() {
    assertRefused(document(filled('1', 1_000_000, '7', '7')), 8 * MIB, "Number value length");
  }

  @Test
  void refusesInvalidUtf8() {
    assertRefused(document(new byte[] {'"', 'a', (byte) 0xC3, '(', '"'}), MIB, "UTF-8");
    assertRefused(document(new byte[] {'"', (byte) 0xFF, '"'}), MIB, "UTF-8");
  }

  @Test
  void refusesNulBytes() {
    assertRefused(document(new byte[] {'"', 'a', 0, '"'}), MIB, "CTRL-CHAR");
    assertRefused(new byte[] {0, '{', '}'}, MIB, "not valid JSON");
  }
}
