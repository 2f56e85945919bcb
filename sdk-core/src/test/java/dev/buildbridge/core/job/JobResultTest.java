package dev.buildbridge.core.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.BuildBridgeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobResultTest {
  private final JobRequest job = JobRequest.newBuilder().source(JobSource.FORGEJO)
      .repoUrl("https://codeberg.org/o/r.git").repoOwner("o").repoName("r").commitSha("abc").build();

  @Test
  void ofCarriesTheRequestIdAndRepositoryAndDerivesSuccessFromExitCode() {
    JobResult ok = JobResult.of(job, 0, "fine", Instant.parse("2026-01-25T16:00:00Z"));
    assertEquals(job.requestId(), ok.requestId());
    assertEquals("abc", ok.commitSha());
    assertTrue(ok.success());
    assertFalse(JobResult.of(job, 2, null, Instant.now()).success());
  }

  @Test
  void roundTripsThroughJsonWithWireFieldNames() {
    JobResult result = JobResult.of(job, 1, "2 tests failed", Instant.parse("2026-01-25T16:00:00Z"));
    String json = new String(result.toJson(), UTF_8);
    assertTrue(json.startsWith("{\"schema_version\":\"jobresult.v1\",\"request_id\":"), json);
    assertTrue(json.contains("\"success\":false,\"exit_code\":1,\"summary\":\"2 tests failed\","
        + "\"completed_at\":\"2026-01-25T16:00:00Z\""), json);
    assertEquals(result, JobResult.parse(result.toJson()));
  }

  @Test
  void rejectsResultWithoutExitCode() {
    String json = "{\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\",\"repo_url\":\"u\","
        + "\"commit_sha\":\"c\",\"success\":true,\"completed_at\":\"2026-01-25T16:00:00Z\"}";
    BuildBridgeException e = assertThrows(BuildBridgeException.class,
        () -> JobResult.parse(json.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("exit_code"), e.getMessage());
  }
}
