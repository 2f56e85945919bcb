package dev.buildbridge.workflow.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositorySourceTest {
  private static final String PATH = ".solstice/workflow.kdl";
  private static final String V1 = "workflow name=\"one\" { job id=\"a\" }\n";
  private static final String V2 = "workflow name=\"two\" { job id=\"b\" }\n";

  @TempDir Path tmp;
  private GitFixture repo;
  private String first;
  private String second;

  @BeforeEach
  void commitTwoVersions() throws Exception {
    repo = GitFixture.init(tmp.resolve("work"));
    first = repo.commit("first", Map.of(PATH, V1, "README", "hello\n"));
    second = repo.commit("second", Map.of(PATH, V2));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  @Test
  void readsEachVersionOfTheFileAtItsOwnCommit() {
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowFile one = source.read(first, PATH).orElseThrow();
      WorkflowFile two = source.read("https://ignored.example/x.git", second, PATH).orElseThrow();
      assertEquals(V1, one.text());
      assertEquals(first, one.commit());
      assertEquals(PATH, one.path());
      assertEquals(V2, two.text());
      assertEquals(second, two.commit());
    }
  }

  @Test
  void readsTheCommittedBlobNotTheWorkTree() throws Exception {
    Files.writeString(repo.dir().resolve(PATH), "uncommitted edit\n");
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      assertEquals(V2, source.read(second, PATH).orElseThrow().text());
    }
  }

  @Test
  void readsFromABareRepository() throws Exception {
    Path bare = repo.cloneBare(tmp.resolve("bare.git"));
    try (GitRepositorySource source = GitRepositorySource.open(bare)) {
      assertEquals(V1, source.read(first, PATH).orElseThrow().text());
      assertEquals(V2, source.read(second, PATH).orElseThrow().text());
    }
  }

  @Test
  void acceptsAnUpperCaseCommitIdAndReportsItInLowerCase() {
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowFile file = source.read(first.toUpperCase(Locale.ROOT), PATH).orElseThrow();
      assertEquals(first, file.commit());
    }
  }

  @Test
  void missingFileIsEmpty() throws Exception {
    String none = repo.commit("remove", Collections.singletonMap(PATH, null));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      assertEquals(Optional.empty(), source.read(none, PATH));
      assertEquals(Optional.empty(), source.read(first, ".solstice/other.kdl"));
    }
  }

  @Test
  void pathUnderAFileIsMissing() {
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      assertEquals(Optional.empty(), source.read(first, "README/workflow.kdl"));
    }
  }

  @Test
  void unknownCommitIsCommitNotFound() {
    String unknown = "0123456789abcdef0123456789abcdef01234567";
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> source.read(unknown, PATH));
      assertEquals(Reason.COMMIT_NOT_FOUND, e.reason());
      assertEquals("commit " + unknown + " is not in repository " + repo.dir(), e.getMessage());
      assertTrue(e.isRetryable());
    }
  }

  @Test
  void malformedCommitIdIsRejectedBeforeReading() {
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      for (String bad : new String[] {"abc", first.substring(1) + "g", first + "0", "", null}) {
        WorkflowException e = assertThrows(WorkflowException.class, () -> source.read(bad, PATH));
        assertEquals(Reason.COMMIT_NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("is not a full commit id (40 hex digits)"),
            e.getMessage());
      }
    }
  }

  @Test
  void idOfABlobIsNotACommit() throws Exception {
    ObjectId blob = repo.blob("not a commit");
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e =
          assertThrows(WorkflowException.class, () -> source.read(blob.name(), PATH));
      assertEquals(Reason.COMMIT_NOT_FOUND, e.reason());
      assertEquals(blob.name() + " in repository " + repo.dir() + " is not a commit",
          e.getMessage());
    }
  }

  @Test
  void directoryAtThePathIsNotAFile() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(PATH, null);
    files.put(PATH + "/inner.kdl", V1);
    String commit = repo.commit("dir", files);
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> source.read(commit, PATH));
      assertEquals(Reason.NOT_A_FILE, e.reason());
      assertEquals(PATH + " at " + commit + " in repository " + repo.dir()
          + " is a directory, not a file", e.getMessage());
      assertFalse(e.isRetryable());
    }
  }

  @Test
  void submoduleAtThePathIsNotAFile() throws Exception {
    String commit = repo.commitEntry(".solstice", "workflow.kdl", FileMode.GITLINK,
        ObjectId.fromString(first));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> source.read(commit, PATH));
      assertEquals(Reason.NOT_A_FILE, e.reason());
      assertTrue(e.getMessage().endsWith(" is a submodule, not a file"), e.getMessage());
    }
  }

  @Test
  void symbolicLinkAtThePathIsNotFollowed() throws Exception {
    String commit = repo.commitEntry(".solstice", "workflow.kdl", FileMode.SYMLINK,
        repo.blob("../README"));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> source.read(commit, PATH));
      assertEquals(Reason.NOT_A_FILE, e.reason());
      assertTrue(e.getMessage().endsWith(" is a symbolic link; links are not followed"),
          e.getMessage());
    }
  }

  @Test
  void executableFileIsRead() throws Exception {
    String commit = repo.commitEntry(".solstice", "workflow.kdl", FileMode.EXECUTABLE_FILE,
        repo.blob(V1));
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      assertEquals(V1, source.read(commit, PATH).orElseThrow().text());
    }
  }

  @Test
  void fileOverTheLimitIsTooLarge() {
    int size = V1.getBytes(StandardCharsets.UTF_8).length;
    try (GitRepositorySource exact =
            GitRepositorySource.newBuilder(repo.dir()).maxFileBytes(size).build();
        GitRepositorySource smaller =
            GitRepositorySource.newBuilder(repo.dir()).maxFileBytes(size - 1).build()) {
      assertArrayEquals(V1.getBytes(StandardCharsets.UTF_8),
          exact.read(first, PATH).orElseThrow().bytes());
      WorkflowException e = assertThrows(WorkflowException.class, () -> smaller.read(first, PATH));
      assertEquals(Reason.TOO_LARGE, e.reason());
      assertEquals(PATH + " at " + first + " in repository " + repo.dir() + " is " + size
          + " bytes, over the limit of " + (size - 1) + " bytes", e.getMessage());
    }
  }

  @Test
  void directoryThatIsNotARepositoryIsUnreadable() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> GitRepositorySource.open(plain));
    assertEquals(Reason.SOURCE_UNREADABLE, e.reason());
    assertTrue(e.getMessage().startsWith(plain + " is not a git repository"), e.getMessage());

    WorkflowException missing = assertThrows(WorkflowException.class,
        () -> GitRepositorySource.open(tmp.resolve("absent")));
    assertEquals(tmp.resolve("absent") + " is not a directory, so not a git repository",
        missing.getMessage());
  }

  @Test
  void closedSourceRefusesToRead() {
    GitRepositorySource source = GitRepositorySource.open(repo.dir());
    source.close();
    source.close();
    assertThrows(IllegalStateException.class, () -> source.read(first, PATH));
  }

  @Test
  void rejectsPathsThatAreNotRelativeRepositoryPaths() {
    try (GitRepositorySource source = GitRepositorySource.open(repo.dir())) {
      for (String bad : new String[] {"", "/etc/passwd", "../x", "a/../b", "a//b", "a/", "./a",
          "a\\b", "a\nb"}) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> source.read(first, bad), bad);
        assertTrue(e.getMessage().startsWith("path must be a relative path"), e.getMessage());
      }
    }
  }

  @Test
  void builderRejectsALimitOutOfRange() {
    GitRepositorySource.Builder builder = GitRepositorySource.newBuilder(repo.dir());
    assertEquals("maxFileBytes must be between 1 and 2147483639: 0",
        assertThrows(IllegalArgumentException.class, () -> builder.maxFileBytes(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.maxFileBytes(Long.MAX_VALUE));
    assertThrows(NullPointerException.class, () -> GitRepositorySource.newBuilder(null));
  }
}
