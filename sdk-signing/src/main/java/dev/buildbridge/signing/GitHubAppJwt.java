package dev.buildbridge.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed GitHub App JSON Web Token, as {@link GitHubAppJwtIssuer#issue()} returns it, with the
 * instants of its {@code iat} and {@code exp} claims. {@link #toString()} never shows the token.
 *
 * <pre>{@code
 * GitHubAppJwt jwt = issuer.issue();
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/app"))
 *     .header("Authorization", jwt.authorizationHeader())
 *     .build();
 * if (jwt.isExpired(Instant.now(), Duration.ofSeconds(30))) {
 *   jwt = issuer.issue();
 * }
 * }</pre>
 *
 * @param token the compact JWT ({@code header.payload.signature})
 * @param issuedAt the {@code iat} claim (60 seconds before the JWT was made, for clock drift)
 * @param expiresAt the {@code exp} claim
 */
public record GitHubAppJwt(String token, Instant issuedAt, Instant expiresAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code token} is blank or {@code expiresAt} is not after
   *     {@code issuedAt}
   */
  public GitHubAppJwt {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("expiresAt is not after issuedAt");
    }
  }

  /**
   * Returns the value of the {@code Authorization} header for GitHub's App endpoints.
   *
   * @return {@code "Bearer " + token}
   */
  public String authorizationHeader() {
    return "Bearer " + token;
  }

  /**
   * Returns whether the token is expired, or will be within the margin: whether
   * {@code now + margin} is at or after {@link #expiresAt()}. Use a margin that covers the request's
   * time in flight and clock skew, such as 30 seconds.
   *
   * @param now the current time
   * @param margin how long before {@code exp} to treat the token as expired; zero or positive
   * @return true if a new token should be issued
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code margin} is negative
   */
  public boolean isExpired(Instant now, Duration margin) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(margin, "margin");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin < 0");
    }
    return !now.plus(margin).isBefore(expiresAt);
  }

  /**
   * Shows the instants; the token is redacted.
   *
   * @return for example {@code GitHubAppJwt[token=<redacted>, issuedAt=..., expiresAt=...]}
   */
  @Override
  public String toString() {
    return "GitHubAppJwt[token=<redacted>, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
  }
}
