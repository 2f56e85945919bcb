package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/**
 * Sign tasks as users see them ({@code /api/v1/sign-tasks/}): list them and ask for a build to be
 * signed. Sign nodes use {@link SignNodeApi}. Get it from {@link AlbsClient#signTasks()}.
 *
 * <pre>{@code
 * SignTask task = albs.signTasks().create(buildId, signKeyId);
 * }</pre>
 */
public final class SignTasksApi {
  private static final TypeReference<List<SignTask>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  SignTasksApi(ApiTransport transport) {
    this.transport = transport;
  }

  /** The body of {@code POST /sign-tasks/}. */
  record Create(@JsonProperty("build_id") long buildId,
      @JsonProperty("sign_key_id") long signKeyId) {}

  /**
   * Lists every sign task: {@code GET /api/v1/sign-tasks/}. Public.
   *
   * @return the sign tasks
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<SignTask> list() {
    return Calls.list(transport, ApiRequest.get("/sign-tasks/").build(), LIST);
  }

  /**
   * Lists the sign tasks of a build: {@code GET /api/v1/sign-tasks/?build_id=}. Public.
   *
   * @param buildId the build, positive
   * @return its sign tasks
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<SignTask> listForBuild(long buildId) {
    Checks.positive(buildId, "buildId");
    return Calls.list(transport,
        ApiRequest.get("/sign-tasks/").query("build_id", buildId).build(), LIST);
  }

  /**
   * Asks for a build to be signed with a key: {@code POST /api/v1/sign-tasks/}. Not repeated
   * after a failure that may have reached ALBS.
   *
   * @param buildId the build, positive
   * @param signKeyId the key's id in ALBS ({@link SignKey#id()}), positive
   * @return the sign task
   * @throws IllegalArgumentException if an id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public SignTask create(long buildId, long signKeyId) {
    Checks.positive(buildId, "buildId");
    Checks.positive(signKeyId, "signKeyId");
    return transport.send(ApiRequest.post("/sign-tasks/")
        .json(new Create(buildId, signKeyId)).build(), SignTask.class);
  }
}
