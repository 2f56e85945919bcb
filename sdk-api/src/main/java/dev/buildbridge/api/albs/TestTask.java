package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A test run of one package of a build task by the AlmaLinux Test System. A task is tested again
 * in a new revision when its tests are restarted.
 *
 * <pre>{@code
 * for (TestTask test : albs.testTasks().latest(buildTaskId)) {
 *   System.out.println(test.packageName() + " " + test.status());
 * }
 * }</pre>
 *
 * @param id the test task id
 * @param packageName the package tested
 * @param packageVersion its version
 * @param packageRelease its release, or null
 * @param status the status ({@link TestTaskStatus#UNKNOWN} for a code this version does not know)
 * @param revision the revision, 1 for the first run
 * @param altsResponse the test system's result, empty when none; nested values are unmodifiable
 * @param performanceStats the timings; empty when none
 */
public record TestTask(
    long id,
    @JsonProperty("package_name") String packageName,
    @JsonProperty("package_version") String packageVersion,
    @JsonProperty("package_release") String packageRelease,
    TestTaskStatus status,
    int revision,
    @JsonProperty("alts_response") Map<String, Object> altsResponse,
    @JsonProperty("performance_stats") List<PerformanceStats> performanceStats) {

  /** Copies the collections; null reads as empty. */
  public TestTask {
    altsResponse = Copies.tree(altsResponse);
    performanceStats = Copies.list(performanceStats);
  }
}
