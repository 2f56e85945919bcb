package dev.buildbridge.api.github;

import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.signing.GitHubAppJwt;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@code Authorization: Bearer <App JWT>}, reusing a JWT until a minute before it expires. */
final class AppJwtAuth implements ApiAuth {
  private static final Duration MARGIN = Duration.ofSeconds(60);

  private final GitHubAppJwtIssuer issuer;
  private final Clock clock;
  private GitHubAppJwt current;

  AppJwtAuth(GitHubAppJwtIssuer issuer, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
  }

  @Override
  public synchronized Optional<String> authorization(ApiRequest request) {
    if (current == null || current.isExpired(clock.instant(), MARGIN)) {
      current = issuer.issue();
    }
    return Optional.of(current.authorizationHeader());
  }

  @Override
  public String toString() {
    return "GitHubAppJwt[" + issuer + "]";
  }
}
