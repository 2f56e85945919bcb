package dev.buildbridge.api.albs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codes of ALBS's enums (alws/constants.py) and the unknown-value fallback. */
class EnumsTest {
  @Test
  void buildTaskStatusesHaveAlbsCodes() {
    assertEquals(List.of(0, 1, 2, 3, 4, 5, -1), Arrays.stream(BuildTaskStatus.values())
        .map(BuildTaskStatus::code).collect(Collectors.toList()));
    assertEquals(BuildTaskStatus.EXCLUDED, BuildTaskStatus.fromCode(4));
    assertEquals(BuildTaskStatus.UNKNOWN, BuildTaskStatus.fromCode(6));
    assertEquals(BuildTaskStatus.UNKNOWN, BuildTaskStatus.fromCode(-1));
    assertFalse(BuildTaskStatus.IDLE.isFinished());
    assertFalse(BuildTaskStatus.STARTED.isFinished());
    assertTrue(BuildTaskStatus.CANCELLED.isFinished());
  }

  @Test
  void otherStatusesHaveAlbsCodes() {
    assertEquals(TestTaskStatus.CANCELLED, TestTaskStatus.fromCode(5));
    assertEquals(TestTaskStatus.UNKNOWN, TestTaskStatus.fromCode(0));
    assertEquals(SignTaskStatus.IN_PROGRESS, SignTaskStatus.fromCode(2));
    assertEquals(SignTaskStatus.UNKNOWN, SignTaskStatus.fromCode(5));
    assertEquals(ReleaseStatus.REVERTED, ReleaseStatus.fromCode(5));
    assertEquals(ReleaseStatus.UNKNOWN, ReleaseStatus.fromCode(-1));
    assertEquals(List.of(1, 2, 3, 4, 5), Arrays.stream(TestTaskStatus.values())
        .filter(s -> s != TestTaskStatus.UNKNOWN).map(TestTaskStatus::code)
        .collect(Collectors.toList()));
  }

  @Test
  void refTypesReadCodesCodeTextAndNames() {
    assertEquals(RefType.GIT_TAG, RefType.fromWire(2));
    assertEquals(RefType.GIT_REF, RefType.fromWire("4"));
    assertEquals(RefType.SRPM_URL, RefType.fromWire("srpm_url"));
    assertEquals(RefType.GIT_BRANCH, RefType.fromWire(" GIT_BRANCH "));
    assertEquals(RefType.UNKNOWN, RefType.fromWire("git_commit"));
    assertEquals(RefType.UNKNOWN, RefType.fromWire("9"));
    assertEquals(RefType.UNKNOWN, RefType.fromWire(2.5));
    assertEquals(RefType.UNKNOWN, RefType.fromWire(null));
    assertEquals("git_tag", RefType.GIT_TAG.wireName());
  }

  @Test
  void artifactTypesAndOutcomesHaveAlbsNames() {
    assertEquals(ArtifactType.BUILD_LOG, ArtifactType.fromWire("build_log"));
    assertEquals(ArtifactType.UNKNOWN, ArtifactType.fromWire("test_log"));
    assertEquals(ArtifactType.UNKNOWN, ArtifactType.fromWire(null));
    assertEquals(List.of("done", "failed", "excluded"), Arrays.stream(BuildOutcome.values())
        .map(BuildOutcome::wireName).collect(Collectors.toList()));
  }
}
