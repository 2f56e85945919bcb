package dev.buildbridge.signing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.StandardWebhooks;
import dev.buildbridge.signing.WebhookHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes the Standard Webhooks header parsers ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature} with {@code v1} and {@code v1a} entries): whatever the headers and
 * body, {@link StandardWebhooks#verify} accepts or throws {@link SignatureVerificationException},
 * by header map and by header values alike, and only signatures made by the test verify. The input
 * is a request in {@link FuzzedRequest}'s form; a {@code webhook-signature} of {@code @sign} is
 * replaced by the test's own signatures of the id and body at the clock's time (and the timestamp
 * with that time), which must verify. The clock stands at the specification's example time, so
 * its example message (a seed) verifies too.
 */
class StandardWebhooksFuzzTest {
  /** The Standard Webhooks specification's example secret and message time. */
  private static final String EXAMPLE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.ofEpochSecond(1614265330);
  private static final StandardWebhooks SIGNING;
  private static final StandardWebhooks VERIFY_ONLY;

  static {
    StandardWebhooks.SigningKeyPair pair = StandardWebhooks.generateKeyPair();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SIGNING = StandardWebhooks.newBuilder().secret(EXAMPLE_SECRET)
        .secret(StandardWebhooks.generateSecret()).signingKey(pair.signingKey()).clock(clock)
        .build();
    VERIFY_ONLY = StandardWebhooks.newBuilder().publicKey(pair.publicKey()).clock(clock).build();
  }

  @FuzzTest
  void verifiesOrRefusesEveryMessageWithSignatureVerificationException(byte[] input) {
    FuzzedRequest request = FuzzedRequest.read(input);
    boolean selfSigned = false;
    String id = request.header(WebhookHeaders.ID);
    if (FuzzedRequest.SIGN.equals(request.header(WebhookHeaders.SIGNATURE)) && signable(id)) {
      WebhookHeaders signed = SIGNING.sign(id, NOW, request.body());
      request = request.signed((name, marker) -> name.equalsIgnoreCase(WebhookHeaders.SIGNATURE)
          ? signed.signature() : null);
      request = request.withTimestamp(signed.timestamp());
      selfSigned = isOnlySpelling(request);
    }
    for (StandardWebhooks webhooks : new StandardWebhooks[] {SIGNING, VERIFY_ONLY}) {
      FuzzedRequest r = request;
      boolean byMap = verifies(() -> webhooks.verify(r.headers(), r.body()));
      boolean byValues = verifies(() -> webhooks.verify(r.header(WebhookHeaders.ID),
          r.header(WebhookHeaders.TIMESTAMP), r.header(WebhookHeaders.SIGNATURE), r.body()));
      if (isOnlySpelling(request)) {
        assertEquals(byMap, byValues, "the header map and the header values verify alike");
      }
      if (selfSigned) {
        assertTrue(byMap, "the test's own signature verifies");
      }
    }
  }

  /** Whether {@link StandardWebhooks#sign} takes this id: visible ASCII without a dot. */
  private static boolean signable(String id) {
    if (id == null || id.isEmpty()) {
      return false;
    }
    return id.chars().allMatch(c -> c > ' ' && c <= '~' && c != '.');
  }

  /** Whether each of the three headers is present in one spelling at most. */
  private static boolean isOnlySpelling(FuzzedRequest request) {
    for (String name : new String[] {WebhookHeaders.ID, WebhookHeaders.TIMESTAMP,
        WebhookHeaders.SIGNATURE}) {
      if (request.headers().keySet().stream().filter(name::equalsIgnoreCase).count() > 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean verifies(Runnable verification) {
    try {
      verification.run();
      return true;
    } catch (SignatureVerificationException e) {
      assertNotNull(e.reason());
      assertNotNull(e.getMessage());
      return false;
    }
  }
}
