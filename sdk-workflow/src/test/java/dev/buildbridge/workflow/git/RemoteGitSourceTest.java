package dev.buildbridge.workflow.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteGitSourceTest {
  private static final String PATH = ".solstice/workflow.kdl";
  private static final String V1 = "workflow name=\"one\" { job id=\"a\" }\n";
  private static final String V2 = "workflow name=\"two\" { job id=\"b\" }\n";

  @TempDir Path tmp;
  private GitFixture work;
  private Path bare;
  private String url;
  private String first;
  private Path cache;
  private RemoteGitSource source;

  @BeforeEach
  void createOrigin() throws Exception {
    work = GitFixture.init(tmp.resolve("work"));
    first = work.commit("first", Map.of(PATH, V1));
    bare = work.cloneBare(tmp.resolve("origin.git"));
    url = bare.toUri().toString();
    cache = tmp.resolve("cache");
    source = RemoteGitSource.newBuilder(cache).allowedSchemes(Set.of("file")).build();
  }

  @AfterEach
  void close() {
    work.close();
  }

  @Test
  void clonesOnFirstReadThenFetchesOnlyForACommitItDoesNotHave() throws Exception {
    assertTrue(url.startsWith("file:/"), url);
    assertEquals(V1, source.read(url, first, PATH).orElseThrow().text());
    Path mirror = source.mirrorDirectory(url);
    assertTrue(Files.isDirectory(mirror.resolve("objects")), "bare mirror at " + mirror);

    String second = work.commit("second", Map.of(PATH, V2));
    work.pushTo(bare);
    WorkflowFile two = source.read(url, second, PATH).orElseThrow();
    assertEquals(V2, two.text());
    assertEquals(second, two.commit());
    assertEquals(V1, source.read(url, first, PATH).orElseThrow().text());
  }

  @Test
  void readsACommitItHasWithoutContactingTheRemote() throws Exception {
    source.read(url, first, PATH);
    FileUtils.delete(bare.toFile(), FileUtils.RECURSIVE);
    assertEquals(V1, source.read(url, first, PATH).orElseThrow().text());
    assertEquals(Optional.empty(), source.read(url, first, ".solstice/absent.kdl"));
  }

  @Test
  void commitOnNoBranchOfTheRemoteIsNotFoundAfterAFetch() throws Exception {
    source.read(url, first, PATH);
    String unpushed = work.commit("local only", Map.of(PATH, V2));
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> source.read(url, unpushed, PATH));
    assertEquals(Reason.COMMIT_NOT_FOUND, e.reason());
    assertEquals("commit " + unpushed + " is not on any branch or tag of " + url
        + " (fetched just now)", e.getMessage());
  }

  @Test
  void failedCloneIsUnreadableAndLeavesNoMirrorBehind() throws Exception {
    String missing = tmp.resolve("no-such-repo.git").toUri().toString();
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> source.read(missing, first, PATH));
    assertEquals(Reason.SOURCE_UNREADABLE, e.reason());
    assertTrue(e.getMessage().startsWith("cannot clone " + missing + ": "), e.getMessage());
    assertTrue(e.isRetryable());
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(List.of(), left.filter(p -> !p.toString().endsWith(".lock")).toList());
    }
  }

  @Test
  void refusesSchemesThatAreNotAllowedBeforeAnyIo() {
    RemoteGitSource strict = RemoteGitSource.newBuilder(cache).build();
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> strict.read(url, first, PATH));
    assertEquals(Reason.SOURCE_UNREADABLE, e.reason());
    assertEquals("repository URL " + url + " uses file, which this source does not allow"
        + " (allowed: https, ssh)", e.getMessage());
    assertThrows(WorkflowException.class, () -> strict.read("/srv/git/x.git", first, PATH));
    assertThrows(WorkflowException.class, () -> strict.read("git://host/x.git", first, PATH));
    assertFalse(Files.exists(cache));
  }

  @Test
  void keepsCredentialsOfTheUrlOutOfMessages() {
    RemoteGitSource https = RemoteGitSource.newBuilder(cache).timeout(Duration.ofSeconds(5))
        .build();
    // loopback port 1: nothing listens there, so the connection is refused at once
    String secretUrl = "https://builder:s3cr%65t@127.0.0.1:1/octo/hello.git";
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> https.read(secretUrl, first, PATH));
    assertEquals(Reason.SOURCE_UNREADABLE, e.reason());
    assertTrue(e.getMessage().startsWith("cannot clone https://127.0.0.1:1/octo/hello.git: "),
        e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage());
      assertFalse(text.contains("s3cr") || text.contains("builder"), text);
    }
    assertEquals(https.mirrorDirectory("https://127.0.0.1:1/octo/hello.git"),
        https.mirrorDirectory(secretUrl));
  }

  @Test
  void mirrorDirectoryIsASafeNameInsideTheCache() {
    RemoteGitSource https = RemoteGitSource.newBuilder(cache).build();
    Path mirror = https.mirrorDirectory("https://github.com/octo/hello.git");
    assertEquals(cache, mirror.getParent());
    assertTrue(mirror.getFileName().toString().matches("hello-[0-9a-f]{32}\\.git"),
        mirror.toString());
    Path hostile = https.mirrorDirectory("https://evil.example/../../etc/..");
    assertEquals(cache, hostile.getParent());
    assertTrue(hostile.getFileName().toString().matches("[A-Za-z0-9_.-]+-[0-9a-f]{32}\\.git"),
        hostile.toString());
    assertFalse(mirror.equals(https.mirrorDirectory("https://github.com/octo/hello2.git")));
  }

  @Test
  void concurrentReadsThroughTwoSourcesSharingACacheCloneOnce() throws Exception {
    String second = work.commit("second", Map.of(PATH, V2));
    work.pushTo(bare);
    RemoteGitSource other = source.toBuilder().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String commit = i % 2 == 0 ? first : second;
        RemoteGitSource reader = i % 4 < 2 ? source : other;
        reads.add(() -> reader.read(url, commit, PATH).orElseThrow().text());
      }
      List<Future<String>> results = pool.invokeAll(reads);
      for (int i = 0; i < results.size(); i++) {
        assertEquals(i % 2 == 0 ? V1 : V2, results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(1, entries.filter(p -> p.toString().endsWith(".git")).count());
    }
  }

  @Test
  void builderChecksItsArguments() {
    RemoteGitSource.Builder b = RemoteGitSource.newBuilder(cache);
    assertEquals("timeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
        () -> b.timeout(Duration.ZERO)).getMessage());
    assertEquals("scheme must be one of [file, git, http, https, ssh]: ftp",
        assertThrows(IllegalArgumentException.class,
            () -> b.allowedSchemes(Set.of("ftp"))).getMessage());
    assertEquals("schemes is empty", assertThrows(IllegalArgumentException.class,
        () -> b.allowedSchemes(Set.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.maxFileBytes(-1));
    assertThrows(NullPointerException.class, () -> RemoteGitSource.newBuilder(null));
    RemoteGitSource built = b.allowedSchemes(Set.of("HTTPS")).build();
    assertEquals(cache, built.toBuilder().build().cacheDirectory());
  }
}
