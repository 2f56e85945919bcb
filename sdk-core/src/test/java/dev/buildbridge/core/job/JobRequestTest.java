package dev.buildbridge.core.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.BuildBridgeException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobRequestTest {
  private static final Instant NOW = Instant.parse("2026-01-25T15:50:52Z");

  private static JobRequest.Builder sample() {
    return JobRequest.newBuilder()
        .source(JobSource.GITHUB)
        .repoUrl("https://github.com/o/r.git").repoOwner("o").repoName("r")
        .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void builderFillsSchemaRequestIdAndSubmittedAt() {
    JobRequest job = sample().build();
    assertEquals("jobrequest.v1", job.schemaVersion());
    assertEquals(4, job.requestId().version());
    assertEquals(NOW, job.submittedAt());
    assertNotEquals(job.requestId(), sample().build().requestId());
  }

  @Test
  void writesSnakeCaseFieldsInSolsticeOrderWithNullsForAbsentOptionals() {
    UUID id = UUID.fromString("6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1");
    String json = new String(sample().requestId(id).runsOn("ubuntu-22.04").build().toJson(), UTF_8);
    assertEquals("{\"schema_version\":\"jobrequest.v1\",\"request_id\":\"" + id + "\","
        + "\"group_id\":null,\"source\":\"github\",\"repo_url\":\"https://github.com/o/r.git\","
        + "\"repo_owner\":\"o\",\"repo_name\":\"r\","
        + "\"commit_sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\",\"workflow_path\":null,"
        + "\"workflow_job_id\":null,\"runs_on\":\"ubuntu-22.04\",\"script_path\":null,"
        + "\"submitted_at\":\"2026-01-25T15:50:52Z\"}", json);
  }

  @Test
  void roundTripsThroughJson() {
    JobRequest job = sample().groupId(UUID.randomUUID()).workflowPath(".solstice/workflow.kdl")
        .workflowJobId("build").scriptPath(".solstice/build.sh").build();
    assertEquals(job, JobRequest.parse(job.toJson()));
  }

  @Test
  void readsOlderMessagesWithoutGroupOwnerOrNameAndIgnoresUnknownFields() {
    String json = "{\"schema_version\":\"jobrequest.v1\",\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\","
        + "\"source\":\"Github\",\"repo_url\":\"https://x/r.git\",\"commit_sha\":\"abc\","
        + "\"submitted_at\":\"2026-01-25T17:50:52+02:00\",\"future_field\":[1,2]}";
    JobRequest job = JobRequest.parse(json.getBytes(UTF_8));
    assertEquals(JobSource.GITHUB, job.source());
    assertNull(job.groupId());
    assertNull(job.repoOwner());
    assertEquals(NOW, job.submittedAt());
  }

  @Test
  void rejectsMessageMissingCommitShaNamingTheField() {
    String json = "{\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\",\"source\":\"github\","
        + "\"repo_url\":\"https://x/r.git\",\"submitted_at\":\"2026-01-25T15:50:52Z\"}";
    BuildBridgeException e = assertThrows(BuildBridgeException.class,
        () -> JobRequest.parse(json.getBytes(UTF_8)));
    assertEquals("MALFORMED_JOB_MESSAGE", e.code());
    assertTrue(e.getMessage().contains("commit_sha is required"), e.getMessage());
  }

  @Test
  void rejectsUnknownSourceWithItsPointer() {
    String json = "{\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\",\"source\":\"svn\","
        + "\"repo_url\":\"u\",\"commit_sha\":\"c\",\"submitted_at\":\"2026-01-25T15:50:52Z\"}";
    BuildBridgeException e = assertThrows(BuildBridgeException.class,
        () -> JobRequest.parse(json.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("/source"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown job source \"svn\""), e.getMessage());
  }

  @Test
  void rejectsOtherSchemaVersion() {
    String json = "{\"schema_version\":\"jobrequest.v2\",\"request_id\":\"6f1c1a7e-1d59-4f6e-9a43-34f0b1d1b8a1\","
        + "\"source\":\"manual\",\"repo_url\":\"u\",\"commit_sha\":\"c\",\"submitted_at\":\"2026-01-25T15:50:52Z\"}";
    BuildBridgeException e = assertThrows(BuildBridgeException.class,
        () -> JobRequest.parse(json.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("schema_version must be \"jobrequest.v1\""), e.getMessage());
  }

  @Test
  void rejectsTruncatedJsonWithLineAndColumn() {
    BuildBridgeException e = assertThrows(BuildBridgeException.class,
        () -> JobRequest.parse("{\"request_id\":".getBytes(UTF_8)));
    assertEquals("MALFORMED_JOB_MESSAGE", e.code());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void rejectsNullMessage() {
    assertThrows(BuildBridgeException.class, () -> JobRequest.parse(null));
  }

  @Test
  void builderRejectsMissingRepoUrl() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobRequest.newBuilder().source(JobSource.MANUAL).commitSha("c").build());
    assertEquals("repo_url is required and must not be blank", e.getMessage());
  }

  @Test
  void toBuilderKeepsEveryField() {
    JobRequest job = sample().groupId(UUID.randomUUID()).runsOn("x").scriptPath("s").build();
    assertEquals(job, job.toBuilder().build());
    JobRequest other = job.toBuilder().requestId(UUID.randomUUID()).workflowJobId("lint").build();
    assertEquals(job.groupId(), other.groupId());
    assertEquals("lint", other.workflowJobId());
  }

  @Test
  void sourceReadsAnyCaseAndWritesLowerCase() {
    assertEquals(JobSource.FORGEJO, JobSource.parse("FORGEJO"));
    assertEquals("gitlab", JobSource.GITLAB.wireName());
    assertThrows(IllegalArgumentException.class, () -> JobSource.parse(null));
  }
}
