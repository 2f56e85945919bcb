package dev.buildbridge.webhooks.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.RepositoryInfo;
import dev.buildbridge.webhooks.internal.JsonFields;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code workflow_dispatch} event: someone ran a workflow by hand, with inputs.
 *
 * <pre>{@code
 * if (event instanceof GitHubWorkflowDispatchEvent dispatch) {
 *     String target = dispatch.inputs().getOrDefault("target", "all");
 *     build(dispatch.repository().cloneUrlOrSsh(), dispatch.ref(), target);
 * }
 * }</pre>
 *
 * @param ref the ref the workflow runs on, such as {@code refs/heads/main}, or {@code null}
 * @param workflow the workflow file's path, such as {@code .github/workflows/build.yml}, or
 *     {@code null}
 * @param inputs the inputs in payload order: strings, numbers and booleans as their text, arrays
 *     and objects as their JSON text; inputs whose value is JSON {@code null} are left out
 * @param repository the repository; fields may be null
 * @param installationId {@code installation.id} for GitHub App deliveries, else empty
 * @param senderLogin {@code sender.login}, or empty
 */
public record GitHubWorkflowDispatchEvent(
    String ref,
    String workflow,
    Map<String, String> inputs,
    RepositoryInfo repository,
    Optional<Long> installationId,
    Optional<String> senderLogin) implements GitHubEvent {

  /**
   * Creates the event, copying {@code inputs} (keeping its iteration order).
   *
   * @throws NullPointerException when {@code inputs} (or a key or value in it), {@code repository},
   *     {@code installationId} or {@code senderLogin} is null
   */
  public GitHubWorkflowDispatchEvent {
    inputs = GitHubFields.copyOrdered(inputs, "inputs");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(senderLogin, "senderLogin");
  }

  static GitHubWorkflowDispatchEvent from(JsonNode payload) {
    return new GitHubWorkflowDispatchEvent(
        JsonFields.text(payload, "ref"),
        JsonFields.text(payload, "workflow"),
        GitHubFields.scalarTexts(JsonFields.at(payload, "inputs")),
        GitHubFields.repository(payload),
        GitHubFields.installationId(payload),
        GitHubFields.senderLogin(payload));
  }

  /**
   * Returns {@code workflow_dispatch}.
   *
   * @return {@code workflow_dispatch}
   */
  @Override
  public String eventName() {
    return "workflow_dispatch";
  }

  /**
   * Returns empty: workflow dispatch payloads have no {@code action}.
   *
   * @return empty
   */
  @Override
  public Optional<String> action() {
    return Optional.empty();
  }
}
