package dev.buildbridge.signing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.WebhookHmac;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the HMAC signature header parsers (GitHub {@code sha256=} and {@code sha1=}, Gitea and
 * Forgejo bare hex): whatever the header and body, {@link WebhookHmac#verify} accepts or throws
 * {@link SignatureVerificationException}, agrees with {@link WebhookHmac#isValid} and with itself
 * on a slice of a larger array, and a header value {@value FuzzedRequest#SIGN} (replaced by the
 * correct signature) always verifies. The input is a request in {@link FuzzedRequest}'s form.
 */
class WebhookHmacFuzzTest {
  /** The secret of GitHub's documented example; a seed holds its signature of "Hello, World!". */
  private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);

  @FuzzTest
  void verifiesOrRefusesEveryHeaderWithSignatureVerificationException(byte[] input) {
    FuzzedRequest request = FuzzedRequest.read(input);
    byte[] body = request.body();
    byte[] padded = new byte[body.length + 2];
    System.arraycopy(body, 0, padded, 1, body.length);
    for (HmacScheme scheme : HmacScheme.values()) {
      WebhookHmac hmac = WebhookHmac.of(scheme, SECRET);
      String header = request.header(scheme.headerName());
      boolean signedHere = FuzzedRequest.SIGN.equals(header);
      if (signedHere) {
        header = hmac.sign(body);
      }
      boolean valid = verifies(hmac, header, body, 0, body.length);
      assertEquals(valid, hmac.isValid(header, body), scheme + ": isValid agrees with verify");
      assertEquals(valid, verifies(hmac, header, padded, 1, body.length),
          scheme + ": a slice verifies as the array");
      if (signedHere) {
        assertTrue(valid, scheme + ": its own signature verifies");
      }
    }
  }

  private static boolean verifies(WebhookHmac hmac, String header, byte[] body, int offset,
      int length) {
    try {
      hmac.verify(header, body, offset, length);
      return true;
    } catch (SignatureVerificationException e) {
      assertNotNull(e.reason());
      assertNotNull(e.getMessage());
      return false;
    }
  }
}
