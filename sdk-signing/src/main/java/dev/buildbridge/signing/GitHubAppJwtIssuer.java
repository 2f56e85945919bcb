package dev.buildbridge.signing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.SignerProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Issues the RS256 JSON Web Tokens a GitHub App authenticates with ({@code GET /app},
 * {@code POST /app/installations/{id}/access_tokens}). Each token has {@code iat} 60 seconds in the
 * past (for clock drift), {@code exp} the configured lifetime ahead (9 minutes by default; GitHub
 * refuses more than 10) and {@code iss} the App's client ID or numeric App ID.
 *
 * <pre>{@code
 * GitHubAppJwtIssuer issuer = GitHubAppJwtIssuer.newBuilder()
 *     .issuer("Iv1.8a61f9b3a7aba766")                              // client ID, or the numeric App ID
 *     .privateKeyPem(Files.readString(Path.of("my-app.private-key.pem")))
 *     .build();
 * GitHubAppJwt jwt = issuer.issue();
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/app"))
 *     .header("Authorization", jwt.authorizationHeader())
 *     .header("Accept", "application/vnd.github+json")
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one per App and share it. Every {@link #issue()}
 * signs a new token; keep it until {@link GitHubAppJwt#isExpired} says otherwise.
 */
public final class GitHubAppJwtIssuer {
  private static final String ALGORITHM = "SHA256withRSA";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  /** {@code {"alg":"RS256","typ":"JWT"}}, base64url. */
  private static final String HEADER = BASE64URL.encodeToString(
      "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final Duration CLOCK_DRIFT = Duration.ofSeconds(60);
  private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

  private final String issuer;
  private final PrivateKey key;
  private final Provider provider;
  private final Duration lifetime;
  private final Clock clock;

  private GitHubAppJwtIssuer(Builder builder, Provider provider) {
    this.issuer = builder.issuer;
    this.key = builder.privateKey;
    this.provider = provider;
    this.lifetime = builder.lifetime;
    this.clock = builder.clock;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the default lifetime (9 minutes) and the system UTC clock
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Signs a new token: {@code iat} = now - 60 s, {@code exp} = now + lifetime (both whole epoch
   * seconds, rounded down), {@code iss} = the issuer.
   *
   * @return the token and its claim instants
   * @throws SignatureVerificationException {@link Reason#KEY_UNAVAILABLE} when the key's provider
   *     fails to sign (a hardware token that went away, say)
   */
  public GitHubAppJwt issue() {
    Instant now = clock.instant();
    long iat = now.minus(CLOCK_DRIFT).getEpochSecond();
    long exp = now.plus(lifetime).getEpochSecond();
    String signingInput = HEADER + '.' + BASE64URL.encodeToString(claims(iat, exp));
    byte[] signed;
    try {
      Signature signature = Signature.getInstance(ALGORITHM, provider);
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      signed = signature.sign();
    } catch (GeneralSecurityException e) {
      throw new SignatureVerificationException(Reason.KEY_UNAVAILABLE, null,
          "signing the GitHub App JWT failed in provider " + provider.getName(), e);
    }
    return new GitHubAppJwt(signingInput + '.' + BASE64URL.encodeToString(signed),
        Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp));
  }

  private byte[] claims(long iat, long exp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + issuer.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("iat", iat);
      json.writeNumberField("exp", exp);
      json.writeStringField("iss", issuer);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JWT claims to memory failed", e); // cannot happen
    }
    return out.toByteArray();
  }

  /**
   * Shows the issuer and lifetime; the key is redacted.
   *
   * @return for example {@code GitHubAppJwtIssuer[issuer=12345, lifetime=PT9M, privateKey=<redacted>]}
   */
  @Override
  public String toString() {
    return "GitHubAppJwtIssuer[issuer=" + issuer + ", lifetime=" + lifetime
        + ", privateKey=<redacted>]";
  }

  /**
   * Configures a {@link GitHubAppJwtIssuer}. Setters check their argument at once; {@link #build()}
   * checks that the issuer and the key are set. Builders are not thread-safe.
   */
  public static final class Builder {
    private String issuer;
    private PrivateKey privateKey;
    private Duration lifetime = Duration.ofMinutes(9);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the {@code iss} claim: the App's client ID ({@code Iv1.}..., recommended by GitHub) or its
     * numeric App ID. Required.
     *
     * @param appIdOrClientId the client ID or App ID, without surrounding blanks
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it is blank or has leading or trailing whitespace
     */
    public Builder issuer(String appIdOrClientId) {
      Objects.requireNonNull(appIdOrClientId, "appIdOrClientId");
      if (appIdOrClientId.isBlank()) {
        throw new IllegalArgumentException("appIdOrClientId is blank");
      }
      if (!appIdOrClientId.strip().equals(appIdOrClientId)) {
        throw new IllegalArgumentException("appIdOrClientId has leading or trailing whitespace");
      }
      this.issuer = appIdOrClientId;
      return this;
    }

    /**
     * Sets the App's RSA private key. Required (this or {@link #privateKeyPem(String)}).
     *
     * @param rsaKey the RSA private key
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when the key is not RSA
     */
    public Builder privateKey(PrivateKey rsaKey) {
      Objects.requireNonNull(rsaKey, "rsaKey");
      if (!"RSA".equals(rsaKey.getAlgorithm())) {
        throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
            "GitHub App JWTs are signed with RS256: expected an RSA private key, got "
                + rsaKey.getAlgorithm());
      }
      this.privateKey = rsaKey;
      return this;
    }

    /**
     * Sets the App's RSA private key from the {@code .pem} file GitHub issues
     * ({@code -----BEGIN RSA PRIVATE KEY-----}, PKCS#1) or its PKCS#8 form
     * ({@code -----BEGIN PRIVATE KEY-----}), read by {@link PrivateKeys#parse(String)}.
     *
     * @param pem the unencrypted key text
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the text cannot be
     *     read; {@link Reason#UNSUPPORTED_KEY} when it holds no RSA private key
     */
    public Builder privateKeyPem(String pem) {
      return privateKey(PrivateKeys.parse(Objects.requireNonNull(pem, "pem")));
    }

    /**
     * Sets how long each token is valid: {@code exp - now}. Default: 9 minutes, which leaves room for
     * a clock running up to a minute ahead of GitHub's.
     *
     * @param d the lifetime, more than zero and at most 10 minutes
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it is zero, negative or longer than 10 minutes
     */
    public Builder lifetime(Duration d) {
      Objects.requireNonNull(d, "lifetime");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("lifetime <= 0");
      }
      if (d.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException("lifetime > 10 minutes (GitHub refuses exp more than"
            + " 10 minutes ahead)");
      }
      this.lifetime = d;
      return this;
    }

    /**
     * Sets the clock {@code iat} and {@code exp} are taken from. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the issuer, choosing the signature provider for the key once.
     *
     * @return the issuer
     * @throws IllegalStateException if the issuer or the private key is not set
     * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when no installed
     *     provider can sign SHA256withRSA with the key
     */
    public GitHubAppJwtIssuer build() {
      if (issuer == null) {
        throw new IllegalStateException("issuer is required");
      }
      if (privateKey == null) {
        throw new IllegalStateException("privateKey is required");
      }
      return new GitHubAppJwtIssuer(this, SignerProvider.select(ALGORITHM, privateKey, "RSA"));
    }
  }
}
