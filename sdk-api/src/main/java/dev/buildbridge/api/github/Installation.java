package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A GitHub App installation, as {@code GET /repos/{owner}/{repo}/installation} returns it.
 *
 * <pre>{@code
 * Installation installation = app.repositoryInstallation("octo", "repo");
 * GitHubClient github = app.withInstallation(installation.id());
 * }</pre>
 *
 * @param id the installation id, for installation tokens
 * @param account the user or organization the App is installed on
 * @param appId the App id
 * @param targetType {@code Organization} or {@code User}
 * @param repositorySelection {@code all} or {@code selected}
 * @param htmlUrl the installation's settings page
 * @param permissions permission name to level ({@code read}, {@code write})
 */
public record Installation(
    long id,
    Account account,
    @JsonProperty("app_id") long appId,
    @JsonProperty("target_type") String targetType,
    @JsonProperty("repository_selection") String repositorySelection,
    @JsonProperty("html_url") String htmlUrl,
    Map<String, String> permissions) {

  /**
   * Copies the permissions.
   */
  public Installation {
    permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
  }

  /**
   * The account an App is installed on.
   *
   * <pre>{@code
   * String owner = installation.account().login();
   * }</pre>
   *
   * @param login the user or organization login
   * @param id the account id
   * @param type {@code User} or {@code Organization}
   */
  public record Account(String login, long id, String type) {}
}
