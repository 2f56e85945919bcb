package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A GitHub App installation access token ({@code POST /app/installations/{id}/access_tokens}),
 * valid for one hour. {@link #toString()} never shows the token. Do not assume a length or format:
 * GitHub is rolling out longer stateless tokens.
 *
 * <pre>{@code
 * InstallationToken token = github.installationAuth(installationId).token();
 * git.cloneRepository("https://x-access-token:" + token.token() + "@github.com/octo/repo.git");
 * }</pre>
 *
 * @param token the token
 * @param expiresAt when it expires
 * @param permissions permission name to level granted to the token
 * @param repositorySelection {@code all} or {@code selected}
 */
public record InstallationToken(
    String token,
    @JsonProperty("expires_at") Instant expiresAt,
    Map<String, String> permissions,
    @JsonProperty("repository_selection") String repositorySelection) {

  /**
   * Checks the token and expiry and copies the permissions.
   *
   * @throws NullPointerException if the token or expiry is null
   * @throws IllegalArgumentException if the token is blank or has whitespace or control characters
   *     (the message does not show it)
   */
  public InstallationToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
    dev.buildbridge.api.internal.StaticAuth.checkToken(token, IllegalArgumentException::new);
    permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
  }

  /**
   * Returns whether the token has expired, or will within the margin.
   *
   * @param now the current time
   * @param margin how long before expiry to count it expired; zero or more
   * @return true if {@code now + margin} is at or after {@link #expiresAt()}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the margin is negative
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
   * Shows the expiry and permissions; the token is redacted.
   *
   * @return for example {@code InstallationToken[token=<redacted>, expiresAt=..., ...]}
   */
  @Override
  public String toString() {
    return "InstallationToken[token=<redacted>, expiresAt=" + expiresAt + ", permissions="
        + permissions + ", repositorySelection=" + repositorySelection + "]";
  }
}
