package dev.buildbridge.samples.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.samples.gateway.FileJobQueue.Completion;
import dev.buildbridge.samples.gateway.FileJobQueue.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJobQueueTest {
  @TempDir
  Path dir;

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-05-01T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static JobRequest job(String runsOn) {
    return JobRequest.newBuilder()
        .source(JobSource.GITHUB)
        .repoUrl("https://github.com/octo/hello.git").repoOwner("octo").repoName("hello")
        .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e")
        .runsOn(runsOn)
        .build();
  }

  private Path jobs() {
    return dir.resolve("jobs");
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void acceptedJobsAreFilesInArrivalOrderAndSurviveAReopen() throws IOException {
    JobRequest a = job("x");
    JobRequest b = job("y");
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      queue.accept(List.of(a, b));
      assertEquals(List.of(a.requestId(), b.requestId()),
          queue.entries().stream().map(FileJobQueue.Entry::requestId).toList());
    }
    assertEquals(List.of("0000000000000001-" + a.requestId() + ".json",
        "0000000000000002-" + b.requestId() + ".json"), names(jobs().resolve("pending")));
    assertTrue(names(jobs().resolve("tmp")).isEmpty());
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      assertEquals(2, queue.count(State.PENDING));
      assertEquals(a, queue.job(a.requestId()).orElseThrow());
      JobRequest c = job(null);
      queue.accept(List.of(c));
      assertEquals(3, queue.entries().get(2).sequence(), "sequence numbers go on after a reopen");
    }
  }

  @Test
  void acceptingTheSameJobTwiceQueuesItOnce() {
    JobRequest a = job(null);
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      queue.accept(List.of(a, a));
      queue.accept(List.of(a));
      queue.accept(List.of());
      assertEquals(1, queue.entries().size());
    }
  }

  @Test
  void aRefusedWriteQueuesNoneOfTheJobsAndLeavesNothingBehind() throws IOException {
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      Path pending = jobs().resolve("pending");
      Files.delete(pending);
      Files.writeString(pending, "in the way");
      GatewayException e = assertThrows(GatewayException.class,
          () -> queue.accept(List.of(job(null), job(null))));
      assertEquals(GatewayException.Reason.JOB_QUEUE_IO, e.reason());
      assertTrue(e.getMessage().startsWith("cannot queue 2 jobs in " + pending), e.getMessage());
      assertTrue(queue.entries().isEmpty());
      assertTrue(names(jobs().resolve("tmp")).isEmpty(), "staged files are removed");

      Files.delete(pending);
      Files.createDirectory(pending);
      queue.accept(List.of(job(null)));
      assertEquals(1, queue.entries().size());
    }
  }

  @Test
  void leaseHandsOutTheOldestJobForTheLabelOrWithoutOne() {
    JobRequest riscv = job("riscv64");
    JobRequest any = job(null);
    JobRequest x86 = job("x86_64");
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      queue.accept(List.of(riscv, any, x86));
      assertEquals(any, queue.lease("x86_64").orElseThrow(), "unlabelled jobs run anywhere");
      assertEquals(x86, queue.lease("x86_64").orElseThrow());
      assertTrue(queue.lease("x86_64").isEmpty());
      assertEquals(riscv, queue.lease(null).orElseThrow());
      assertTrue(queue.lease(null).isEmpty());
      assertEquals(3, queue.count(State.LEASED));
    }
  }

  @Test
  void completionStoresTheFirstResultAndMovesTheJobToDone() throws IOException {
    JobRequest a = job(null);
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      queue.accept(List.of(a));
      queue.lease(null);
      JobResult first = JobResult.of(a, 0, "ok", Instant.parse("2026-05-01T12:30:00Z"));
      assertEquals(Completion.RECORDED, queue.complete(first));
      JobResult second = JobResult.of(a, 1, "again", Instant.parse("2026-05-01T12:31:00Z"));
      assertEquals(Completion.ALREADY_RECORDED, queue.complete(second));
      assertEquals(first, queue.result(a.requestId()).orElseThrow());
      assertEquals(Completion.UNKNOWN, queue.complete(JobResult.of(job(null), 0, null,
          Instant.now())));
      assertTrue(queue.entries().isEmpty());
      assertEquals(State.DONE, queue.completed(10).get(0).state());
    }
    String base = "0000000000000001-" + a.requestId();
    assertEquals(List.of(base + ".json", base + ".result.json"), names(jobs().resolve("done")));
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      assertEquals(1, queue.count(State.DONE));
      assertEquals(Completion.ALREADY_RECORDED, queue.complete(JobResult.of(a, 0, null,
          Instant.now())));
    }
  }

  @Test
  void expiredLeasesGoBackToTheQueueInTheirOriginalPlace() {
    MovableClock clock = new MovableClock();
    JobRequest a = job(null);
    JobRequest b = job(null);
    try (FileJobQueue queue = FileJobQueue.newBuilder(jobs()).clock(clock).open()) {
      queue.accept(List.of(a, b));
      assertEquals(a, queue.lease(null).orElseThrow());
      clock.now = clock.now.plus(Duration.ofMinutes(30));
      assertEquals(0, queue.requeueExpired(Duration.ofHours(1)));
      clock.now = clock.now.plus(Duration.ofMinutes(31));
      assertEquals(1, queue.requeueExpired(Duration.ofHours(1)));
      assertEquals(a, queue.lease(null).orElseThrow(), "the oldest job first again");
    }
  }

  @Test
  void aLeaseSurvivesAReopenWithItsTime() {
    MovableClock clock = new MovableClock();
    JobRequest a = job(null);
    try (FileJobQueue queue = FileJobQueue.newBuilder(jobs()).clock(clock).open()) {
      queue.accept(List.of(a));
      queue.lease(null);
    }
    try (FileJobQueue queue = FileJobQueue.newBuilder(jobs()).clock(clock).open()) {
      FileJobQueue.Entry entry = queue.entries().get(0);
      assertEquals(State.LEASED, entry.state());
      assertEquals(clock.now, entry.since());
      clock.now = clock.now.plus(Duration.ofHours(2));
      assertEquals(1, queue.requeueExpired(Duration.ofHours(1)));
    }
  }

  @Test
  void aSecondQueueOnTheSameDirectoryIsRefused() {
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      GatewayException e = assertThrows(GatewayException.class, () -> FileJobQueue.open(jobs()));
      assertEquals(GatewayException.Reason.JOB_QUEUE_IO, e.reason());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      assertFalse(queue.toString().contains("closed"));
    }
    FileJobQueue.open(jobs()).close(); // released
  }

  @Test
  void aDamagedJobFileIsQuarantinedWithItsReason() throws IOException {
    UUID id = UUID.randomUUID();
    Files.createDirectories(jobs().resolve("pending"));
    Files.writeString(jobs().resolve("pending").resolve("0000000000000007-" + id + ".json"),
        "{\"schema_version\":\"jobrequest.v1\"");
    Files.writeString(jobs().resolve("pending").resolve("notes.txt"), "hello");
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      assertTrue(queue.entries().isEmpty());
      List<String> quarantined = names(jobs().resolve("quarantine"));
      assertEquals(4, quarantined.size(), quarantined.toString());
      Path reason = jobs().resolve("quarantine").resolve(quarantined.stream()
          .filter(n -> n.startsWith("0000000000000007") && n.endsWith(".reason")).findFirst()
          .orElseThrow());
      assertTrue(Files.readString(reason).startsWith("jobrequest.v1: "), Files.readString(reason));
      JobRequest next = job(null);
      queue.accept(List.of(next));
      assertEquals(8, queue.entries().get(0).sequence(), "no sequence number is reused");
    }
  }

  @Test
  void aCompletionInterruptedAfterItsResultWasStoredIsFinishedOnOpen() throws IOException {
    JobRequest a = job(null);
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      queue.accept(List.of(a));
      queue.lease(null);
    }
    String base = "0000000000000001-" + a.requestId();
    Files.write(jobs().resolve("done").resolve(base + ".result.json"),
        JobResult.of(a, 0, "ok", Instant.now()).toJson());
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      assertTrue(queue.entries().isEmpty());
      assertEquals(1, queue.count(State.DONE));
      assertEquals("ok", queue.result(a.requestId()).orElseThrow().summary());
    }
    assertTrue(names(jobs().resolve("leased")).isEmpty());
  }

  @Test
  void onlyTheNewestCompletedJobsAreKept() throws IOException {
    try (FileJobQueue queue = FileJobQueue.newBuilder(jobs()).keepDone(2).open()) {
      List<JobRequest> all = List.of(job(null), job(null), job(null));
      queue.accept(all);
      for (JobRequest j : all) {
        queue.complete(JobResult.of(j, 0, null, Instant.now()));
      }
      assertEquals(2, queue.count(State.DONE));
      assertEquals(all.get(2).requestId(), queue.completed(1).get(0).requestId());
      assertTrue(queue.job(all.get(0).requestId()).isEmpty());
      assertEquals(4, names(jobs().resolve("done")).size());
    }
  }

  @Test
  void aClosedQueueRefusesEveryCall() {
    FileJobQueue queue = FileJobQueue.open(jobs());
    queue.close();
    queue.close();
    assertThrows(IllegalStateException.class, () -> queue.accept(List.of(job(null))));
    assertThrows(IllegalStateException.class, () -> queue.lease(null));
    assertThrows(IllegalStateException.class, queue::entries);
    assertTrue(queue.toString().endsWith("closed]"));
  }

  @Test
  void builderAndQueriesNameTheirBadArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileJobQueue.newBuilder(jobs()).keepDone(-1));
    assertTrue(e.getMessage().startsWith("keepDone"), e.getMessage());
    assertThrows(NullPointerException.class, () -> FileJobQueue.newBuilder(null));
    try (FileJobQueue queue = FileJobQueue.open(jobs())) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> queue.completed(-1))
          .getMessage().startsWith("limit"));
      assertThrows(NullPointerException.class, () -> queue.accept(null));
      assertThrows(NullPointerException.class, () -> queue.complete(null));
    }
  }

  @Test
  void aFileWhereTheDirectoryShouldBeFailsTheOpenNamingIt() throws IOException {
    Files.writeString(jobs(), "not a directory", UTF_8);
    GatewayException e = assertThrows(GatewayException.class, () -> FileJobQueue.open(jobs()));
    assertEquals(GatewayException.Reason.JOB_QUEUE_IO, e.reason());
    assertTrue(e.getMessage().startsWith("cannot open the job queue " + jobs()), e.getMessage());
  }
}
