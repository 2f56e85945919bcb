package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign node protocol ({@code /api/v1/sign-tasks/...}, paths with trailing slash): take a sign
 * task for the keys the node holds, sign, upload the signed packages to Pulp, complete the task.
 * Needs the token of a sign node user. Get it from {@link AlbsClient#signNode()}.
 *
 * <pre>{@code
 * Optional<SignNodeTask> task = albs.signNode().getSignTask(List.of("51D6647EC21AD6EA"));
 * if (task.isEmpty()) {
 *   Thread.sleep(30_000);                                // albs-sign-node waits 30 s when idle
 * } else {
 *   albs.signNode().complete(task.get().id(), sign(task.get()));
 * }
 * }</pre>
 *
 * <p>Neither call is repeated once it may have reached ALBS: a sign task handed out is never
 * handed out again, and a repeated completion is not documented as safe.
 */
public final class SignNodeApi {
  private final ApiTransport transport;

  SignNodeApi(ApiTransport transport) {
    this.transport = transport;
  }

  /** {@code {"key_ids": [...]}}. */
  record SignTaskGet(@JsonProperty("key_ids") List<String> keyIds) {}

  /**
   * Asks for a sign task: {@code POST /api/v1/sign-tasks/get_sign_task/}. ALBS marks the task it
   * hands out in progress.
   *
   * @param keyIds the PGP key ids this node can sign with, at least one
   * @return the task, or empty when there is none (ALBS answers {@code {}}, or an object whose
   *     {@code id} is null)
   * @throws NullPointerException if the collection or a key id is null
   * @throws IllegalArgumentException if no key id is given or one is blank
   * @throws ApiException as {@link ApiTransport#send}
   */
  public Optional<SignNodeTask> getSignTask(Collection<String> keyIds) {
    List<String> keys = Checks.texts(keyIds, "keyIds");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keyIds is empty");
    }
    ApiRequest request = ApiRequest.post("/sign-tasks/get_sign_task/")
        .json(new SignTaskGet(keys)).build();
    ApiResponse<JsonNode> response = transport.exchange(request, JsonNode.class);
    JsonNode node = response.body().orElse(null);
    if (node == null || node.isNull() || (node.isObject() && !BuildNodeApi.hasId(node))) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw Calls.malformed(transport, request, response, "expected a sign task object, got a"
          + " JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(AlbsJson.bind(node, SignNodeTask.class, transport, request, response));
  }

  /**
   * Completes a sign task: {@code POST /api/v1/sign-tasks/{id}/complete/}.
   *
   * @param signTaskId the sign task, positive
   * @param completion the signed packages or the error
   * @throws NullPointerException if the completion is null
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void complete(long signTaskId, SignTaskCompletion completion) {
    Checks.positive(signTaskId, "signTaskId");
    Objects.requireNonNull(completion, "completion");
    transport.send(ApiRequest.post("/sign-tasks/{id}/complete/", signTaskId).json(completion)
        .build());
  }
}
