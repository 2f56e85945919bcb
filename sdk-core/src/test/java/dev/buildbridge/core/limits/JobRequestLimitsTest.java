package dev.buildbridge.core.limits;

import static dev.buildbridge.core.testing.Bounded.MIB;
import static dev.buildbridge.core.testing.Bounded.nested;
import static dev.buildbridge.core.testing.Bounded.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.testing.Bounded;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile {@code jobrequest.v1} messages at the size of the limits (100,000-deep nesting, 30 MiB,
 * 10 MB strings, huge numbers, invalid UTF-8, NUL bytes): {@link JobRequest#parse} refuses each
 * with {@code MALFORMED_JOB_MESSAGE} within {@link Bounded#TIME} and a bound on the bytes
 * allocated.
 */
class JobRequestLimitsTest {
  private static final String HEAD = "{\"schema_version\":\"jobrequest.v1\","
      + "\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\",\"source\":\"github\","
      + "\"repo_url\":\"https://github.com/octo/hello.git\","
      + "\"commit_sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\","
      + "\"submitted_at\":\"2026-03-01T12:00:00Z\",\"hostile\":";

  /** A message whose unknown field {@code hostile} holds {@code value} (raw JSON bytes). */
  private static byte[] message(byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 512);
    out.writeBytes(HEAD.getBytes(UTF_8));
    out.writeBytes(value);
    out.writeBytes("}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static byte[] message(String value) {
    return message(value.getBytes(UTF_8));
  }

  private static byte[] filled(char open, int count, char fill, char close) {
    byte[] value = new byte[count + 2];
    Arrays.fill(value, (byte) fill);
    value[0] = (byte) open;
    value[value.length - 1] = (byte) close;
    return value;
  }

  /** Takes each refusal path once on a small message, so that measured calls allocate for input. */
  @BeforeAll
  static void warmUp() {
    for (String value : new String[] {"\"x\"", "[[[", "\"a\u0000\"", "1e999"}) {
      try {
        JobRequest.parse(message(value));
      } catch (BuildBridgeException expected) {
        // warming up the refusal too
      }
    }
  }

  private static String refusedMessage(byte[] json, long maxBytes) {
    BuildBridgeException e = refused(BuildBridgeException.class, maxBytes,
        () -> JobRequest.parse(json));
    assertEquals("MALFORMED_JOB_MESSAGE", e.code());
    return e.getMessage();
  }

  @Test
  void readsTheMessageTheLimitTestsBuildOn() {
    assertEquals("6dcb09b5b57875f334f61aebed695e2e4193db5e",
        JobRequest.parse(message("[{\"a\":1e999}]")).commitSha());
  }

  @Test
  void refusesHundredThousandDeepNesting() {
    String says = refusedMessage(message(nested(100_000, "[", "1", "]")), 4 * MIB);
    assertTrue(says.contains("nesting depth"), says);
  }

  @Test
  void refusesThirtyMebibyteMessage() {
    String says = refusedMessage(message(filled('"', 30 << 20, 'x', '"')), MIB);
    assertTrue(says.contains("Document length"), says);
  }

  @Test
  void refusesTenMegabyteStringAsLongerThanTheMessageLimit() {
    String says = refusedMessage(message(filled('"', 10_000_001, 'x', '"')), MIB);
    assertTrue(says.contains("Document length"), says);
  }

  @Test
  void refusesMillionDigitNumber() {
    String says = refusedMessage(message(filled('1', 1_000_000, '7', '7')), 8 * MIB);
    assertTrue(says.contains("Number value length"), says);
  }

  @Test
  void refusesAHundredAndFiftyDigitSubmissionTime() {
    String json = new String(message("0"), UTF_8)
        .replace("\"2026-03-01T12:00:00Z\"", "9".repeat(150));
    String says = refusedMessage(json.getBytes(UTF_8), MIB);
    assertTrue(says.startsWith("jobrequest.v1: /submitted_at: "), says);
  }

  @Test
  void refusesInvalidUtf8() {
    String says = refusedMessage(message(new byte[] {'"', 'a', (byte) 0xC3, '(', '"'}), MIB);
    assertTrue(says.contains("UTF-8") || says.contains("UTF8"), says);
  }

  @Test
  void refusesNulBytes() {
    assertTrue(refusedMessage(message(new byte[] {'"', 'a', 0, '"'}), MIB)
        .contains("CTRL-CHAR"));
    assertTrue(refusedMessage(new byte[] {0, '{', '}'}, MIB).startsWith("jobrequest.v1: "));
  }
}
