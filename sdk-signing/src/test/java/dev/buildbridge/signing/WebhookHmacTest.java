package dev.buildbridge.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WebhookHmacTest {
  // GitHub docs, "Validating webhook deliveries"; confirmed with
  // printf 'Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to Everybody"
  private static final String SECRET = "It's a Secret to Everybody";
  private static final byte[] BODY = "Hello, World!".getBytes(UTF_8);
  private static final String HEX256 =
      "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  private static final String GITHUB_256 = "sha256=" + HEX256;
  // printf 'Hello, World!' | openssl dgst -sha1 -hmac "It's a Secret to Everybody"
  private static final String HEX1 = "01dc10d0c83e72ed246219cdd91669667fe2ca59";

  private final WebhookHmac github = WebhookHmac.github(SECRET);

  @Test
  void signsGitHubPublishedTestVector() {
    assertEquals(GITHUB_256, github.sign(BODY));
  }

  @Test
  void verifiesGitHubPublishedTestVector() {
    assertDoesNotThrow(() -> github.verify(GITHUB_256, BODY));
    assertTrue(github.isValid(GITHUB_256, BODY));
  }

  @Test
  void stringSecretIsKeyedWithItsUtf8Bytes() {
    WebhookHmac fromBytes = WebhookHmac.github(SECRET.getBytes(UTF_8));
    assertEquals(GITHUB_256, fromBytes.sign(BODY));
    assertEquals(HmacScheme.GITHUB_SHA256, fromBytes.scheme());
    WebhookHmac unicode = WebhookHmac.github("sécret ✓");
    assertEquals(
        WebhookHmac.of(HmacScheme.GITHUB_SHA256, "sécret ✓".getBytes(UTF_8)).sign(BODY),
        unicode.sign(BODY));
  }

  @Test
  void signsAndVerifiesLegacySha1Header() {
    WebhookHmac sha1 = WebhookHmac.of(HmacScheme.GITHUB_SHA1, SECRET.getBytes(UTF_8));
    assertEquals("sha1=" + HEX1, sha1.sign(BODY));
    assertDoesNotThrow(() -> sha1.verify("sha1=" + HEX1, BODY));
    assertEquals("X-Hub-Signature", sha1.scheme().headerName());
    assertEquals(20, sha1.scheme().digestLength());
  }

  @Test
  void signsAndVerifiesGiteaAndForgejoBareHex() {
    for (HmacScheme scheme : new HmacScheme[] {HmacScheme.GITEA, HmacScheme.FORGEJO}) {
      WebhookHmac hmac = WebhookHmac.of(scheme, SECRET.getBytes(UTF_8));
      assertEquals(HEX256, hmac.sign(BODY));
      assertDoesNotThrow(() -> hmac.verify(HEX256, BODY));
      assertEquals("", scheme.prefix());
      assertEquals(32, scheme.digestLength());
    }
    assertEquals("X-Gitea-Signature", HmacScheme.GITEA.headerName());
    assertEquals("X-Forgejo-Signature", HmacScheme.FORGEJO.headerName());
  }

  @Test
  void acceptsUpperCaseHexUpperCasePrefixAndSurroundingWhitespace() {
    assertTrue(github.isValid("sha256=" + HEX256.toUpperCase(), BODY));
    assertTrue(github.isValid("SHA256=" + HEX256, BODY));
    assertTrue(github.isValid(" \t" + GITHUB_256 + " \r\n", BODY));
  }

  @Test
  void rejectsMissingHeader() {
    SignatureVerificationException e = assertFails(Reason.MISSING_HEADER, github, null, BODY);
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void rejectsEmptyAndBlankHeader() {
    assertFails(Reason.EMPTY_HEADER, github, "", BODY);
    SignatureVerificationException e = assertFails(Reason.EMPTY_HEADER, github, " \t ", BODY);
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void rejectsHeaderWithWrongPrefix() {
    SignatureVerificationException e =
        assertFails(Reason.WRONG_PREFIX, github, "sha1=" + HEX256, BODY);
    assertTrue(e.getMessage().contains("does not start with sha256="), e.getMessage());
    assertFails(Reason.WRONG_PREFIX, github, HEX256, BODY); // bare hex sent to the GitHub header
  }

  @Test
  void rejectsPrefixedValueInBareHexHeader() {
    WebhookHmac gitea = WebhookHmac.of(HmacScheme.GITEA, SECRET.getBytes(UTF_8));
    SignatureVerificationException e = assertFails(Reason.WRONG_PREFIX, gitea, GITHUB_256, BODY);
    assertTrue(e.getMessage().startsWith("X-Gitea-Signature: "), e.getMessage());
    assertTrue(e.getMessage().contains("expected <64 hex digits>"), e.getMessage());
  }

  @Test
  void rejectsHeaderWithNonHexCharacter() {
    SignatureVerificationException e =
        assertFails(Reason.NON_HEX, github, "sha256=" + HEX256.substring(0, 63) + "g", BODY);
    assertTrue(e.getMessage().contains("character 64 of the digest is not a hex digit"),
        e.getMessage());
  }

  @Test
  void reportsNonHexBeforeOddLength() {
    assertFails(Reason.NON_HEX, github, "sha256=xyz", BODY);
  }

  @Test
  void rejectsHeaderWithOddLengthHex() {
    SignatureVerificationException e =
        assertFails(Reason.ODD_LENGTH, github, "sha256=" + HEX256.substring(1), BODY);
    assertTrue(e.getMessage().contains("odd number of hex digits (63)"), e.getMessage());
  }

  @Test
  void rejectsHeaderWithWrongDigestLength() {
    SignatureVerificationException e = assertFails(Reason.WRONG_LENGTH, github, "sha256=" + HEX1, BODY);
    assertTrue(e.getMessage().contains("digest has 40 hex digits"), e.getMessage());
    assertFails(Reason.WRONG_LENGTH, github, "sha256=", BODY);
    assertFails(Reason.WRONG_LENGTH, github, GITHUB_256 + "00", BODY);
  }

  @Test
  void rejectsTamperedBody() {
    byte[] tampered = "Hello, World?".getBytes(UTF_8);
    SignatureVerificationException e =
        assertFails(Reason.SIGNATURE_MISMATCH, github, GITHUB_256, tampered);
    assertTrue(e.getMessage().contains("does not match the body"), e.getMessage());
  }

  @Test
  void rejectsSignatureMadeWithAnotherSecret() {
    String other = WebhookHmac.github("another secret").sign(BODY);
    assertFails(Reason.SIGNATURE_MISMATCH, github, other, BODY);
    assertFalse(github.isValid("sha256=" + HEX256.replace('7', '8'), BODY));
  }

  @Test
  void isValidReturnsFalseInsteadOfThrowingForBadHeaders() {
    for (String bad :
        new String[] {null, "", "   ", "sha1=00", "sha256=zz", "sha256=abc", "sha256=abcd",
          "sha256=" + "0".repeat(10_000), "\u0000", "sha256=" + HEX256 + "\u00e9"}) {
      assertFalse(github.isValid(bad, BODY), String.valueOf(bad));
    }
  }

  @Test
  void signsAndVerifiesSliceOfArray() {
    byte[] buffer = ("xx" + "Hello, World!" + "yyy").getBytes(UTF_8);
    assertEquals(GITHUB_256, github.sign(buffer, 2, BODY.length));
    assertDoesNotThrow(() -> github.verify(GITHUB_256, buffer, 2, BODY.length));
    assertFails(Reason.SIGNATURE_MISMATCH, github, GITHUB_256, buffer);
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class,
            () -> github.verify(GITHUB_256, buffer, 1, BODY.length));
    assertEquals(Reason.SIGNATURE_MISMATCH, e.reason());
  }

  @Test
  void rejectsSliceOutsideArray() {
    assertThrows(IndexOutOfBoundsException.class, () -> github.sign(BODY, 1, BODY.length));
    assertThrows(IndexOutOfBoundsException.class, () -> github.verify(GITHUB_256, BODY, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> github.verify(GITHUB_256, BODY, 0, -1));
  }

  @Test
  void toStringRedactsSecret() {
    String text = github.toString();
    assertEquals("WebhookHmac[scheme=GITHUB_SHA256, secret=<redacted>]", text);
    assertFalse(text.contains("Secret to Everybody"));
  }

  @Test
  void messagesNameTheHeaderButNeverItsValue() {
    String forged = "sha256=" + "ab".repeat(32);
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> github.verify(forged, BODY));
    assertFalse(e.getMessage().contains("abab"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals("SIGNATURE_MISMATCH", e.code());
  }

  @Test
  void changingSecretArrayAfterConstructionHasNoEffect() {
    byte[] secret = SECRET.getBytes(UTF_8);
    WebhookHmac hmac = WebhookHmac.of(HmacScheme.GITHUB_SHA256, secret);
    secret[0] ^= 1;
    assertEquals(GITHUB_256, hmac.sign(BODY));
  }

  @Test
  void keepsNoBodyStateBetweenCalls() {
    byte[] body = BODY.clone();
    String first = github.sign(body);
    body[0] = 'J';
    assertFalse(github.isValid(first, body));
    String second = github.sign(body);
    body[0] = 'H';
    assertTrue(github.isValid(first, body));
    assertFalse(github.isValid(second, body));
  }

  @Test
  void rejectsEmptySecret() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WebhookHmac.github(new byte[0]));
    assertTrue(e.getMessage().contains("secret"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WebhookHmac.github(""));
  }

  @Test
  void rejectsNullArgumentsNamingThem() {
    assertEquals("secret",
        assertThrows(NullPointerException.class, () -> WebhookHmac.github((String) null))
            .getMessage());
    assertEquals("scheme",
        assertThrows(NullPointerException.class, () -> WebhookHmac.of(null, new byte[1]))
            .getMessage());
    assertEquals("body",
        assertThrows(NullPointerException.class, () -> github.verify(GITHUB_256, null))
            .getMessage());
    assertEquals("body",
        assertThrows(NullPointerException.class, () -> github.sign(null)).getMessage());
  }

  @Test
  void sharedInstanceGivesSameResultsFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            byte[] body = ("delivery " + thread + "/" + i).getBytes(UTF_8);
            String header = WebhookHmac.github(SECRET).sign(body);
            if (!github.sign(body).equals(header) || !github.isValid(header, body)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void classJavadocExampleRuns() {
    byte[] body = BODY;
    WebhookHmac hmac = WebhookHmac.github(SECRET);
    hmac.verify(GITHUB_256, body);
    // SignatureVerificationException's example: a missing header maps to 400
    int status;
    try {
      WebhookHmac.github(SECRET).verify(null, body);
      status = 200;
    } catch (SignatureVerificationException e) {
      status = e.reason() == Reason.MISSING_HEADER ? 400 : 401;
    }
    assertEquals(400, status);
  }

  private static SignatureVerificationException assertFails(
      Reason reason, WebhookHmac hmac, String header, byte[] body) {
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> hmac.verify(header, body));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(Optional.of(hmac.scheme().headerName()), e.header());
    assertTrue(e.getMessage().startsWith(hmac.scheme().headerName() + ": "), e.getMessage());
    if (reason != Reason.SIGNATURE_MISMATCH) {
      String form = hmac.scheme().prefix() + "<" + hmac.scheme().digestLength() * 2 + " hex digits>";
      assertTrue(e.getMessage().endsWith("; expected " + form), e.getMessage());
    }
    assertFalse(hmac.isValid(header, body));
    return e;
  }
}
