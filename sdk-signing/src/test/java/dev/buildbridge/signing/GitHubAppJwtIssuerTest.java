package dev.buildbridge.signing;

import static dev.buildbridge.signing.SigningKeyFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubAppJwtIssuerTest {
  /** Not on a whole second, to check that claims are whole seconds rounded down. */
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.750Z");
  private static final long NOW_SECONDS = 1748779200L;
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static KeyPair rsa;

  @BeforeAll
  static void generateKey() {
    rsa = SigningKeyFixtures.rsa();
  }

  private static GitHubAppJwtIssuer.Builder builder() {
    return GitHubAppJwtIssuer.newBuilder().issuer("123456").privateKey(rsa.getPrivate()).clock(CLOCK);
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static boolean verifies(PublicKey key, String token) throws Exception {
    int lastDot = token.lastIndexOf('.');
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
  }

  @Test
  void issuesRs256TokenWithExactHeaderAndClaims() throws Exception {
    GitHubAppJwt jwt = builder().build().issue();
    String[] parts = jwt.token().split("\\.", -1);
    assertEquals(3, parts.length);
    assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(parts[0]));
    assertEquals("{\"iat\":" + (NOW_SECONDS - 60) + ",\"exp\":" + (NOW_SECONDS + 540)
        + ",\"iss\":\"123456\"}", decode(parts[1]));
    assertTrue(verifies(rsa.getPublic(), jwt.token()));
  }

  @Test
  void recordCarriesTheClaimInstants() {
    GitHubAppJwt jwt = builder().build().issue();
    assertEquals(Instant.ofEpochSecond(NOW_SECONDS - 60), jwt.issuedAt());
    assertEquals(Instant.ofEpochSecond(NOW_SECONDS + 540), jwt.expiresAt());
    assertEquals("Bearer " + jwt.token(), jwt.authorizationHeader());
  }

  @Test
  void tokenPartsAreBase64UrlWithoutPadding() {
    String token = builder().issuer("Iv1.8a61f9b3a7aba766").build().issue().token();
    assertFalse(token.contains("="), token);
    assertFalse(token.contains("+"), token);
    assertFalse(token.contains("/"), token);
  }

  @Test
  void signatureDoesNotVerifyTamperedClaims() throws Exception {
    String token = builder().build().issue().token();
    String[] parts = token.split("\\.");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        decode(parts[1]).replace("123456", "654321").getBytes(StandardCharsets.UTF_8));
    assertFalse(verifies(rsa.getPublic(), parts[0] + "." + forged + "." + parts[2]));
  }

  @Test
  void customLifetimeSetsExp() {
    GitHubAppJwt jwt = builder().lifetime(Duration.ofMinutes(5)).build().issue();
    assertEquals(Instant.ofEpochSecond(NOW_SECONDS + 300), jwt.expiresAt());
    GitHubAppJwt longest = builder().lifetime(Duration.ofMinutes(10)).build().issue();
    assertEquals(Instant.ofEpochSecond(NOW_SECONDS + 600), longest.expiresAt());
  }

  @Test
  void rejectsLifetimeOutOfBounds() {
    GitHubAppJwtIssuer.Builder builder = GitHubAppJwtIssuer.newBuilder();
    assertEquals("lifetime <= 0", assertThrows(IllegalArgumentException.class,
        () -> builder.lifetime(Duration.ZERO)).getMessage());
    assertEquals("lifetime <= 0", assertThrows(IllegalArgumentException.class,
        () -> builder.lifetime(Duration.ofSeconds(-1))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> builder.lifetime(Duration.ofMinutes(10).plusNanos(1))).getMessage()
        .startsWith("lifetime > 10 minutes"));
    assertEquals("lifetime", assertThrows(NullPointerException.class,
        () -> builder.lifetime(null)).getMessage());
  }

  @Test
  void escapesIssuerInClaims() throws Exception {
    String issuer = "Iv1.\"quoted\"\\back\u0001\u00e9";
    String token = builder().issuer(issuer).build().issue().token();
    JsonNode claims = new ObjectMapper().readTree(decode(token.split("\\.")[1]));
    assertEquals(issuer, claims.get("iss").textValue());
  }

  @Test
  void rejectsEcKey() {
    assertFails(Reason.UNSUPPORTED_KEY, null,
        () -> GitHubAppJwtIssuer.newBuilder().privateKey(SigningKeyFixtures.ec("secp256r1").getPrivate()),
        "RS256", "expected an RSA private key, got EC");
  }

  @Test
  void rejectsEcKeyPem() {
    String pem = SigningKeyFixtures.pkcs8Pem(SigningKeyFixtures.ec("secp256r1").getPrivate());
    assertFails(Reason.UNSUPPORTED_KEY, pem, () -> GitHubAppJwtIssuer.newBuilder().privateKeyPem(pem),
        "expected an RSA private key");
  }

  @Test
  void rejectsUnreadablePem() {
    assertFails(Reason.MALFORMED_KEY, null,
        () -> GitHubAppJwtIssuer.newBuilder().privateKeyPem("-----BEGIN RSA PRIVATE KEY-----\n"),
        "no '-----END RSA PRIVATE KEY-----' line");
  }

  @Test
  void acceptsPkcs8Pem() throws Exception {
    String pem = SigningKeyFixtures.pkcs8Pem(rsa.getPrivate());
    GitHubAppJwt jwt = GitHubAppJwtIssuer.newBuilder().issuer("1").privateKeyPem(pem).build().issue();
    assertTrue(verifies(rsa.getPublic(), jwt.token()));
  }

  @Test
  void acceptsPkcs1PemAsGitHubIssuesIt() throws Exception {
    byte[] pkcs1 = PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).getPrivateKey().getOctets();
    String pem = SigningKeyFixtures.pem("RSA PRIVATE KEY", pkcs1);
    GitHubAppJwt jwt = GitHubAppJwtIssuer.newBuilder().issuer("1").privateKeyPem(pem).build().issue();
    assertTrue(verifies(rsa.getPublic(), jwt.token()));
  }

  @Test
  void rejectsBadIssuer() {
    GitHubAppJwtIssuer.Builder builder = GitHubAppJwtIssuer.newBuilder();
    assertEquals("appIdOrClientId is blank", assertThrows(IllegalArgumentException.class,
        () -> builder.issuer(" \t")).getMessage());
    assertEquals("appIdOrClientId is blank", assertThrows(IllegalArgumentException.class,
        () -> builder.issuer("")).getMessage());
    assertEquals("appIdOrClientId has leading or trailing whitespace",
        assertThrows(IllegalArgumentException.class, () -> builder.issuer("123456\n")).getMessage());
    assertEquals("appIdOrClientId", assertThrows(NullPointerException.class,
        () -> builder.issuer(null)).getMessage());
  }

  @Test
  void buildRequiresIssuerAndKey() {
    assertEquals("issuer is required", assertThrows(IllegalStateException.class,
        () -> GitHubAppJwtIssuer.newBuilder().privateKey(rsa.getPrivate()).build()).getMessage());
    assertEquals("privateKey is required", assertThrows(IllegalStateException.class,
        () -> GitHubAppJwtIssuer.newBuilder().issuer("1").build()).getMessage());
  }

  @Test
  void rejectsNullKeyAndClock() {
    GitHubAppJwtIssuer.Builder builder = GitHubAppJwtIssuer.newBuilder();
    assertEquals("rsaKey", assertThrows(NullPointerException.class,
        () -> builder.privateKey(null)).getMessage());
    assertEquals("pem", assertThrows(NullPointerException.class,
        () -> builder.privateKeyPem(null)).getMessage());
    assertEquals("clock", assertThrows(NullPointerException.class,
        () -> builder.clock(null)).getMessage());
  }

  @Test
  void toStringRedactsKey() {
    assertEquals("GitHubAppJwtIssuer[issuer=123456, lifetime=PT9M, privateKey=<redacted>]",
        builder().build().toString());
  }

  @Test
  void issuedTokenIsNotExpiredUntilNearExp() {
    GitHubAppJwt jwt = builder().build().issue();
    assertFalse(jwt.isExpired(NOW, Duration.ofSeconds(30)));
    assertTrue(jwt.isExpired(NOW.plus(Duration.ofMinutes(9)), Duration.ZERO));
  }

  @Test
  void classExampleBuildsAnAuthorizedRequest(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("my-app.private-key.pem"), SigningKeyFixtures.pem("RSA PRIVATE KEY",
        PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).getPrivateKey().getOctets()));

    GitHubAppJwtIssuer issuer = GitHubAppJwtIssuer.newBuilder()
        .issuer("Iv1.8a61f9b3a7aba766")
        .privateKeyPem(Files.readString(dir.resolve("my-app.private-key.pem")))
        .build();
    GitHubAppJwt jwt = issuer.issue();
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/app"))
        .header("Authorization", jwt.authorizationHeader())
        .header("Accept", "application/vnd.github+json")
        .build();

    String authorization = request.headers().firstValue("Authorization").orElseThrow();
    assertTrue(verifies(rsa.getPublic(), authorization.substring("Bearer ".length())));
  }
}
