package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/**
 * Test tasks ({@code /api/v1/tests/...}): the results of the AlmaLinux Test System for the
 * packages of a build task, and restarting or cancelling tests. Reads are public. Get it from
 * {@link AlbsClient#testTasks()}.
 *
 * <pre>{@code
 * List<TestTask> latest = albs.testTasks().latest(buildTaskId);
 * if (latest.stream().anyMatch(t -> t.status() == TestTaskStatus.FAILED)) {
 *   albs.testTasks().restartForBuildTask(buildTaskId);
 * }
 * }</pre>
 */
public final class TestTasksApi {
  private static final TypeReference<List<TestTask>> LIST = new TypeReference<>() {};
  private final ApiTransport transport;

  TestTasksApi(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Lists the latest test runs of a build task: {@code GET /api/v1/tests/{id}/latest}.
   *
   * @param buildTaskId the build task, positive
   * @return one test task per package tested, of the latest revision
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<TestTask> latest(long buildTaskId) {
    Checks.positive(buildTaskId, "buildTaskId");
    return Calls.list(transport,
        ApiRequest.get("/tests/{id}/latest", buildTaskId).build(), LIST);
  }

  /**
   * Lists the test runs of a build task in one revision:
   * {@code GET /api/v1/tests/{id}/{revision}}.
   *
   * @param buildTaskId the build task, positive
   * @param revision the revision, from 1
   * @return the test tasks of that revision
   * @throws IllegalArgumentException if the id or revision is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public List<TestTask> revision(long buildTaskId, int revision) {
    Checks.positive(buildTaskId, "buildTaskId");
    Checks.positive(revision, "revision");
    return Calls.list(transport,
        ApiRequest.get("/tests/{id}/{revision}", buildTaskId, revision).build(), LIST);
  }

  /**
   * Runs the tests of every task of a build again, as a new revision:
   * {@code PUT /api/v1/tests/build/{id}/restart}. Not repeated after a failure that may have
   * reached ALBS (a repetition would start another revision).
   *
   * @param buildId the build, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void restartForBuild(long buildId) {
    Checks.positive(buildId, "buildId");
    transport.send(ApiRequest.put("/tests/build/{id}/restart", buildId).idempotent(false)
        .build());
  }

  /**
   * Runs the tests of one build task again: {@code PUT /api/v1/tests/build_task/{id}/restart}.
   * Not repeated after a failure that may have reached ALBS.
   *
   * @param buildTaskId the build task, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void restartForBuildTask(long buildTaskId) {
    Checks.positive(buildTaskId, "buildTaskId");
    transport.send(ApiRequest.put("/tests/build_task/{id}/restart", buildTaskId)
        .idempotent(false).build());
  }

  /**
   * Cancels the running tests of a build: {@code PUT /api/v1/tests/build/{id}/cancel}. Repeated
   * after a transient failure: cancelling twice changes nothing more.
   *
   * @param buildId the build, positive
   * @throws IllegalArgumentException if the id is not positive
   * @throws ApiException as {@link ApiTransport#send}
   */
  public void cancelForBuild(long buildId) {
    Checks.positive(buildId, "buildId");
    transport.send(ApiRequest.put("/tests/build/{id}/cancel", buildId).build());
  }
}
