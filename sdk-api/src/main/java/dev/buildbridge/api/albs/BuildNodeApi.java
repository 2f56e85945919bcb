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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The build node protocol ({@code /api/v1/build_node/...}, paths without trailing slash): ping,
 * take a task, report it done. Needs the token of a build node user. {@link BuildNodeAgent} runs
 * the whole loop; use these methods for a loop of your own. Get it from
 * {@link AlbsClient#buildNode()}.
 *
 * <pre>{@code
 * BuildNodeApi node = albs.buildNode();
 * node.ping(List.of());
 * Optional<BuildNodeTask> task = node.getTask(List.of("x86_64", "i686", "src"), List.of());
 * if (task.isPresent()) {
 *   BuildResult result = build(task.get());           // upload artifacts to Pulp first
 *   node.buildDone(task.get().id(), result);
 * }
 * }</pre>
 *
 * <p><b>Leases.</b> ALBS hands a task to one node and hands it out again when no ping has listed
 * it for 20 minutes: ping with the ids of the tasks in progress about every 10 seconds while they
 * build.
 *
 * <p><b>Retries.</b> {@code ping} and {@code build_done} are repeated after transient failures
 * (a 5xx, a reset connection): a ping only refreshes leases, and ALBS answers a repeated
 * {@code build_done} with 409, which counts as success. {@code get_task} is not repeated once it
 * may have reached ALBS: the task it handed out would be lost (ALBS hands it out again after 20
 * minutes).
 */
public final class BuildNodeApi {
  private final ApiTransport transport;

  BuildNodeApi(ApiTransport transport) {
    this.transport = transport;
  }

  /** {@code {"active_tasks": [...]}}. */
  record Ping(@JsonProperty("active_tasks") List<Long> activeTasks) {}

  /** {@code {"supported_arches": [...], "excluded_packages": [...]}}. */
  record TaskRequest(@JsonProperty("supported_arches") List<String> supportedArches,
      @JsonProperty("excluded_packages") List<String> excludedPackages) {}

  /** The body of {@code build_done}. */
  record BuildDone(
      @JsonProperty("task_id") long taskId,
      BuildOutcome status,
      List<BuildArtifact> artifacts,
      Map<String, Map<String, String>> stats,
      @JsonProperty("is_cas_authenticated") boolean casAuthenticated,
      @JsonProperty("alma_commit_cas_hash") String almaCommitCasHash,
      @JsonProperty("git_commit_hash") String gitCommitHash) {}

  /**
   * Tells ALBS the node is alive and which tasks it is building:
   * {@code POST /api/v1/build_node/ping}. Refreshes the lease of every task listed. Repeated after
   * a transient failure.
   *
   * @param activeTasks the ids of the tasks in progress; empty when idle
   * @throws NullPointerException if the collection or an id is null
   * @throws IllegalArgumentException if an id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void ping(Collection<Long> activeTasks) {
    Ping body = new Ping(Checks.ids(activeTasks, "activeTasks"));
    transport.send(ApiRequest.post("/build_node/ping").json(body).idempotent(true).build());
  }

  /**
   * Asks for a task: {@code POST /api/v1/build_node/get_task}. ALBS hands out the oldest task for
   * one of the architectures whose dependencies are built, marks it started, and answers JSON
   * {@code null} when there is none. Not repeated once the request may have reached ALBS.
   *
   * @param supportedArches the architectures this node builds, at least one; list {@code i686}
   *     next to {@code x86_64}, and {@code src} to build source RPMs, as albs-node does
   * @param excludedPackages packages this node must not build (matched against the source URL);
   *     empty for none
   * @return the task, or empty when there is nothing to do (JSON {@code null}, an empty body, or
   *     an object without {@code id})
   * @throws NullPointerException if a collection or an element is null
   * @throws IllegalArgumentException if no architecture is given or a name is blank
   * @throws ApiException as {@link ApiTransport#send}
   */
  public Optional<BuildNodeTask> getTask(Collection<String> supportedArches,
      Collection<String> excludedPackages) {
    List<String> arches = Checks.texts(supportedArches, "supportedArches");
    if (arches.isEmpty()) {
      throw new IllegalArgumentException("supportedArches is empty");
    }
    TaskRequest body = new TaskRequest(arches,
        Checks.texts(excludedPackages, "excludedPackages"));
    ApiRequest request = ApiRequest.post("/build_node/get_task").json(body).build();
    ApiResponse<JsonNode> response = transport.exchange(request, JsonNode.class);
    JsonNode node = response.body().orElse(null);
    if (node == null || node.isNull() || (node.isObject() && !hasId(node))) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw Calls.malformed(transport, request, response,
          "expected a task object or null, got a JSON "
              + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(AlbsJson.bind(node, BuildNodeTask.class, transport, request, response));
  }

  static boolean hasId(JsonNode node) {
    JsonNode id = node.get("id");
    return id != null && !id.isNull();
  }

  /**
   * Reports a task finished: {@code POST /api/v1/build_node/build_done}. Upload the artifacts to
   * Pulp first: ALBS checks each href and SHA-256 against Pulp. Marked safe to repeat: a
   * repetition that finds the result already recorded gets 409, returned as
   * {@link BuildDoneOutcome#ALREADY_FINISHED}.
   *
   * @param taskId the task, positive
   * @param result the outcome, artifacts and timings
   * @return whether ALBS took the result now or had it already
   * @throws NullPointerException if the result is null
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send} ({@code VALIDATION} when ALBS refuses the
   *     body; a {@code SERVER_ERROR} for an unknown task id)
   */
  public BuildDoneOutcome buildDone(long taskId, BuildResult result) {
    Checks.positive(taskId, "taskId");
    Objects.requireNonNull(result, "result");
    BuildDone body = new BuildDone(taskId, result.outcome(), result.artifacts(), result.stats(),
        result.casAuthenticated(), result.almaCommitCasHash(), result.gitCommitHash());
    ApiResponse<Void> response = transport.exchange(ApiRequest.post("/build_node/build_done")
        .json(body).idempotent(true).treatAsSuccess(409).build(), Void.class);
    return response.status() == 409 ? BuildDoneOutcome.ALREADY_FINISHED
        : BuildDoneOutcome.ACCEPTED;
  }
}
