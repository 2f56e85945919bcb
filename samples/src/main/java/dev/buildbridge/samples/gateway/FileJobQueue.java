package dev.buildbridge.samples.gateway;

import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.core.job.JobSink;
import dev.buildbridge.samples.gateway.GatewayException.Reason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The gateway's embedded job queue: a {@link JobSink} that keeps each job as one file in a local
 * directory, synced to disk before {@link #accept(List)} returns, and hands jobs to runners that
 * ask for them. Nothing to install; one process owns a directory at a time.
 *
 * <pre>{@code
 * try (FileJobQueue queue = FileJobQueue.open(Path.of("/var/lib/buildbridge/jobs"))) {
 *     queue.accept(decision.jobs());                       // durable when this returns
 *     Optional<JobRequest> job = queue.lease("ubuntu-22.04");  // a runner takes one
 *     queue.complete(JobResult.of(job.get(), 0, "ok", Instant.now()));
 * }
 * }</pre>
 *
 * <p><b>Layout.</b> A job is {@code <sequence>-<request_id>.json} (its {@code jobrequest.v1}
 * message; 16-digit sequence numbers, so names sort in arrival order) in {@code pending/}, then in
 * {@code leased/} while a runner has it (the file's modification time is the lease time), then in
 * {@code done/} beside its {@code .result.json}. Every file is written to {@code tmp/}, forced to
 * disk, renamed into place (atomic) and its directory forced; moves between states are atomic
 * renames. A crash leaves each job in exactly one state: {@link #open} deletes unfinished writes,
 * finishes a completion whose result was already stored, and moves files it cannot read to
 * {@code quarantine/} with a WARNING on {@code System.Logger}
 * {@code dev.buildbridge.samples.gateway.FileJobQueue}; nothing is deleted silently.
 *
 * <p><b>Leases.</b> {@link #lease(String)} hands out the oldest pending job (for a label, or
 * without one); a lease that sees no result within a timeout goes back to the queue with
 * {@link #requeueExpired(Duration)}, in its original place. The most recent completed jobs are kept
 * (1000 by default, {@link Builder#keepDone(int)}), older ones deleted.
 *
 * <p><b>One process at a time.</b> {@link #open} takes an exclusive lock on {@value #LOCK_FILE};
 * several gateways sharing jobs need a broker ({@code --amqp-url}) instead. Thread-safe.
 */
public final class FileJobQueue implements JobSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FileJobQueue.class.getName());

  /** The lock file's name. */
  public static final String LOCK_FILE = "queue.lock";
  /** Default number of completed jobs kept: {@value}. */
  public static final int DEFAULT_KEEP_DONE = 1000;

  private static final String JSON = ".json";
  private static final String RESULT = ".result.json";
  private static final int SEQUENCE_DIGITS = 16;
  private static final long MAX_FILE_BYTES = 1L << 20;

  /** Where a job is. */
  public enum State {
    /** Waiting for a runner. */
    PENDING,
    /** Handed to a runner, no result yet. */
    LEASED,
    /** Its result was recorded. */
    DONE
  }

  /** What {@link #complete(JobResult)} did with a result. */
  public enum Completion {
    /** The result was stored and the job moved to {@code done/}. */
    RECORDED,
    /** The job already had a result; the first one is kept. */
    ALREADY_RECORDED,
    /** No job with this request id is in the queue (never was, or pruned). */
    UNKNOWN
  }

  /**
   * One job in the queue, as {@link #entries()} lists it.
   *
   * @param sequence its place in arrival order
   * @param requestId its {@code request_id}
   * @param state where it is
   * @param since when it got there (queued, leased or completed)
   * @param runsOn its {@code runs_on}, or {@code null}
   */
  public record Entry(long sequence, UUID requestId, State state, Instant since, String runsOn) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when the id, state or time is null
     */
    public Entry {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(since, "since");
    }
  }

  /** Mutable bookkeeping of one job, guarded by the queue's monitor. */
  private static final class Meta {
    final long sequence;
    final UUID id;
    final String runsOn;
    State state;
    Instant since;

    Meta(long sequence, UUID id, String runsOn, State state, Instant since) {
      this.sequence = sequence;
      this.id = id;
      this.runsOn = runsOn;
      this.state = state;
      this.since = since;
    }

    String name() {
      return fileName(sequence, id);
    }

    Entry entry() {
      return new Entry(sequence, id, state, since, runsOn);
    }
  }

  private final Path directory;
  private final Path pending;
  private final Path leased;
  private final Path done;
  private final Path tmp;
  private final Path quarantine;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Clock clock;
  private final int keepDone;
  private final TreeMap<Long, Meta> active = new TreeMap<>();
  private final Map<UUID, Meta> byId = new HashMap<>();
  private final ArrayDeque<Meta> doneOldestFirst = new ArrayDeque<>();
  private boolean syncDirectories = true;
  private long nextSequence = 1;
  private boolean closed;

  private FileJobQueue(Path directory, FileChannel lockChannel, FileLock lock, Builder b) {
    this.directory = directory;
    this.pending = directory.resolve("pending");
    this.leased = directory.resolve("leased");
    this.done = directory.resolve("done");
    this.tmp = directory.resolve("tmp");
    this.quarantine = directory.resolve("quarantine");
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.clock = b.clock;
    this.keepDone = b.keepDone;
  }

  /**
   * Opens (creating it when needed) a queue directory with the defaults.
   *
   * @param directory the directory, used by this queue alone
   * @return the open queue; close it to release the lock
   * @throws NullPointerException when {@code directory} is null
   * @throws GatewayException {@code JOB_QUEUE_IO} when the directory cannot be created or read, or
   *     another process or queue has it
   */
  public static FileJobQueue open(Path directory) {
    return newBuilder(directory).open();
  }

  /**
   * Starts a builder. Defaults: {@value #DEFAULT_KEEP_DONE} completed jobs kept, the system
   * clock.
   *
   * @param directory the directory, used by this queue alone
   * @return a new builder
   * @throws NullPointerException when {@code directory} is null
   */
  public static Builder newBuilder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Returns the queue's directory.
   *
   * @return the absolute directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Queues jobs durably, all or none: each is written and synced in {@code tmp/}, then renamed
   * into {@code pending/}. A job whose request id is already in the queue is not queued again, so
   * handing the same jobs over twice is harmless.
   *
   * @param jobs the jobs, in order; an empty list is a no-op
   * @throws NullPointerException when the list or a job is null
   * @throws IllegalStateException when the queue is closed
   * @throws GatewayException {@code JOB_QUEUE_IO} when a job could not be stored; none of the
   *     jobs is then queued (as far as the file system lets the queue take back what it wrote)
   */
  @Override
  public synchronized void accept(List<JobRequest> jobs) {
    Objects.requireNonNull(jobs, "jobs");
    ensureOpen();
    List<Meta> staged = new ArrayList<>();
    Map<UUID, JobRequest> toWrite = new HashMap<>();
    Instant now = clock.instant();
    for (JobRequest job : jobs) {
      Objects.requireNonNull(job, "job");
      if (byId.containsKey(job.requestId()) || toWrite.containsKey(job.requestId())) {
        continue;
      }
      toWrite.put(job.requestId(), job);
      staged.add(new Meta(nextSequence++, job.requestId(), job.runsOn(), State.PENDING, now));
    }
    if (staged.isEmpty()) {
      return;
    }
    List<Path> written = new ArrayList<>();
    List<Path> moved = new ArrayList<>();
    try {
      for (Meta meta : staged) {
        Path file = tmp.resolve(meta.name());
        written.add(file);
        writeSynced(file, toWrite.get(meta.id).toJson());
      }
      for (Meta meta : staged) {
        Path target = pending.resolve(meta.name());
        Files.move(tmp.resolve(meta.name()), target, StandardCopyOption.ATOMIC_MOVE);
        moved.add(target);
      }
      syncDirectory(pending);
    } catch (IOException e) {
      for (Path p : moved) {
        deleteQuietly(p);
      }
      for (Path p : written) {
        deleteQuietly(p);
      }
      throw new GatewayException(Reason.JOB_QUEUE_IO, "cannot queue " + staged.size()
          + (staged.size() == 1 ? " job" : " jobs") + " in " + pending + ": " + describe(e), e);
    }
    for (Meta meta : staged) {
      active.put(meta.sequence, meta);
      byId.put(meta.id, meta);
    }
  }

  /**
   * Hands the oldest pending job to a runner: moves it to {@code leased/} and returns it.
   *
   * @param runsOn the runner's label: only jobs with this {@code runs_on} or none are handed
   *     out; {@code null} for any job
   * @return the job, or empty when none is pending for the label
   * @throws IllegalStateException when the queue is closed
   * @throws GatewayException {@code JOB_QUEUE_IO} when the job could not be moved or read (it then
   *     stays pending, or is quarantined when it cannot be read)
   */
  public synchronized Optional<JobRequest> lease(String runsOn) {
    ensureOpen();
    while (true) {
      Meta meta = null;
      for (Meta candidate : active.values()) {
        if (candidate.state == State.PENDING && (runsOn == null || candidate.runsOn == null
            || candidate.runsOn.equals(runsOn))) {
          meta = candidate;
          break;
        }
      }
      if (meta == null) {
        return Optional.empty();
      }
      Path from = pending.resolve(meta.name());
      Path to = leased.resolve(meta.name());
      Instant now = clock.instant();
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(to, FileTime.from(now));
        syncDirectory(leased);
        syncDirectory(pending);
      } catch (IOException e) {
        throw new GatewayException(Reason.JOB_QUEUE_IO, "cannot lease job " + meta.id + " ("
            + from + "): " + describe(e), e);
      }
      meta.state = State.LEASED;
      meta.since = now;
      JobRequest job = readJob(to, meta);
      if (job != null) {
        return Optional.of(job);
      }
      // unreadable: quarantined and dropped from the index; try the next one
    }
  }

  /**
   * Records a job's result: stores it in {@code done/} and moves the job there. The first result
   * of a job wins; a second one is not stored.
   *
   * @param result the result; its {@code request_id} names the job
   * @return what was done
   * @throws NullPointerException when {@code result} is null
   * @throws IllegalStateException when the queue is closed
   * @throws GatewayException {@code JOB_QUEUE_IO} when the result could not be stored (the job
   *     then keeps its state)
   */
  public synchronized Completion complete(JobResult result) {
    Objects.requireNonNull(result, "result");
    ensureOpen();
    Meta meta = byId.get(result.requestId());
    if (meta == null) {
      return Completion.UNKNOWN;
    }
    if (meta.state == State.DONE) {
      return Completion.ALREADY_RECORDED;
    }
    Path from = (meta.state == State.PENDING ? pending : leased).resolve(meta.name());
    String resultName = resultName(meta.sequence, meta.id);
    try {
      Path staged = tmp.resolve(resultName);
      writeSynced(staged, result.toJson());
      Files.move(staged, done.resolve(resultName), StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(done);
    } catch (IOException e) {
      deleteQuietly(tmp.resolve(resultName));
      throw new GatewayException(Reason.JOB_QUEUE_IO, "cannot store the result of job "
          + meta.id + " in " + done + ": " + describe(e), e);
    }
    try {
      // the result is stored: from here on the job counts as done, also after a crash (open
      // finishes the move)
      Files.move(from, done.resolve(meta.name()), StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(done);
      syncDirectory(from.getParent());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "job " + meta.id + " has its result but could not be moved to "
          + done + " (the next open finishes it): " + describe(e));
    }
    active.remove(meta.sequence);
    meta.state = State.DONE;
    meta.since = clock.instant();
    doneOldestFirst.addLast(meta);
    prune();
    return Completion.RECORDED;
  }

  /**
   * Puts jobs leased longer than a timeout back in the queue, in their original place, for
   * another runner.
   *
   * @param timeout how long a lease may last
   * @return how many jobs went back
   * @throws NullPointerException when {@code timeout} is null
   * @throws IllegalStateException when the queue is closed
   * @throws GatewayException {@code JOB_QUEUE_IO} when a job could not be moved back
   */
  public synchronized int requeueExpired(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    ensureOpen();
    Instant cutoff = clock.instant().minus(timeout);
    int count = 0;
    for (Meta meta : active.values()) {
      if (meta.state != State.LEASED || meta.since.isAfter(cutoff)) {
        continue;
      }
      try {
        Files.move(leased.resolve(meta.name()), pending.resolve(meta.name()),
            StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(pending);
        syncDirectory(leased);
      } catch (IOException e) {
        throw new GatewayException(Reason.JOB_QUEUE_IO, "cannot put job " + meta.id
            + " back in " + pending + ": " + describe(e), e);
      }
      meta.state = State.PENDING;
      meta.since = clock.instant();
      count++;
    }
    return count;
  }

  /**
   * Lists the pending and leased jobs, oldest first.
   *
   * @return a snapshot
   * @throws IllegalStateException when the queue is closed
   */
  public synchronized List<Entry> entries() {
    ensureOpen();
    List<Entry> out = new ArrayList<>(active.size());
    for (Meta meta : active.values()) {
      out.add(meta.entry());
    }
    return List.copyOf(out);
  }

  /**
   * Lists the completed jobs kept, newest first.
   *
   * @param limit the most to list
   * @return a snapshot
   * @throws IllegalArgumentException when {@code limit} is negative
   * @throws IllegalStateException when the queue is closed
   */
  public synchronized List<Entry> completed(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
    }
    ensureOpen();
    List<Entry> out = new ArrayList<>();
    Iterator<Meta> newest = doneOldestFirst.descendingIterator();
    while (newest.hasNext() && out.size() < limit) {
      out.add(newest.next().entry());
    }
    return List.copyOf(out);
  }

  /**
   * Counts the jobs in a state.
   *
   * @param state the state
   * @return how many jobs are in it
   * @throws NullPointerException when {@code state} is null
   * @throws IllegalStateException when the queue is closed
   */
  public synchronized int count(State state) {
    Objects.requireNonNull(state, "state");
    ensureOpen();
    if (state == State.DONE) {
      return doneOldestFirst.size();
    }
    int n = 0;
    for (Meta meta : active.values()) {
      if (meta.state == state) {
        n++;
      }
    }
    return n;
  }

  /**
   * Reads a job of the queue, in whatever state.
   *
   * @param requestId its request id
   * @return the job, or empty when it is not in the queue or cannot be read
   * @throws NullPointerException when {@code requestId} is null
   * @throws IllegalStateException when the queue is closed
   */
  public synchronized Optional<JobRequest> job(UUID requestId) {
    Objects.requireNonNull(requestId, "requestId");
    ensureOpen();
    Meta meta = byId.get(requestId);
    if (meta == null) {
      return Optional.empty();
    }
    Path dir = meta.state == State.PENDING ? pending : meta.state == State.LEASED ? leased : done;
    return Optional.ofNullable(readJob(dir.resolve(meta.name()), meta));
  }

  /**
   * Reads the result of a completed job.
   *
   * @param requestId its request id
   * @return the result, or empty when the job has none or is not kept
   * @throws NullPointerException when {@code requestId} is null
   * @throws IllegalStateException when the queue is closed
   */
  public synchronized Optional<JobResult> result(UUID requestId) {
    Objects.requireNonNull(requestId, "requestId");
    ensureOpen();
    Meta meta = byId.get(requestId);
    if (meta == null || meta.state != State.DONE) {
      return Optional.empty();
    }
    try {
      return Optional.of(JobResult.parse(readBounded(done.resolve(resultName(meta.sequence,
          meta.id)))));
    } catch (IOException | BuildBridgeException e) {
      LOG.log(Level.WARNING, "cannot read the result of job " + meta.id + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Releases the lock. Jobs stay on disk for the next {@link #open}. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "releasing " + LOCK_FILE + ": " + e.getMessage());
    }
    try {
      lockChannel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing " + LOCK_FILE + ": " + e.getMessage());
    }
  }

  /**
   * Shows the directory and the counts.
   *
   * @return such as {@code FileJobQueue[/var/lib/buildbridge/jobs, pending=3, leased=1]}
   */
  @Override
  public synchronized String toString() {
    if (closed) {
      return "FileJobQueue[" + directory + ", closed]";
    }
    return "FileJobQueue[" + directory + ", pending=" + count(State.PENDING) + ", leased="
        + count(State.LEASED) + "]";
  }

  // ---- loading ----------------------------------------------------------------------------------

  private void load() throws IOException {
    for (Path dir : List.of(pending, leased, done, tmp, quarantine)) {
      Files.createDirectories(dir);
    }
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p); // a write that never returned
      }
    }
    TreeMap<Long, Meta> finished = new TreeMap<>();
    Map<Long, Path> results = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(done)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        boolean isResult = name.endsWith(RESULT);
        Meta meta = parseName(isResult ? name.substring(0, name.length() - RESULT.length()) + JSON
            : name, State.DONE, null, Files.getLastModifiedTime(p).toInstant());
        if (meta == null) {
          quarantineFile(p, "not a job file name");
          continue;
        }
        if (isResult) {
          results.put(meta.sequence, p);
        } else {
          finished.put(meta.sequence, meta);
        }
        nextSequence = Math.max(nextSequence, meta.sequence + 1);
      }
    }
    for (State state : List.of(State.PENDING, State.LEASED)) {
      Path dir = state == State.PENDING ? pending : leased;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path p : files) {
          Meta named = parseName(p.getFileName().toString(), state, null,
              Files.getLastModifiedTime(p).toInstant());
          if (named == null) {
            quarantineFile(p, "not a job file name");
            continue;
          }
          nextSequence = Math.max(nextSequence, named.sequence + 1);
          if (results.containsKey(named.sequence)) {
            // crashed after storing the result, before moving the job: finish the completion
            Files.move(p, done.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            finished.put(named.sequence, new Meta(named.sequence, named.id, null, State.DONE,
                named.since));
            continue;
          }
          JobRequest job = readJob(p, named);
          if (job == null) {
            continue; // quarantined
          }
          Meta meta = new Meta(named.sequence, named.id, job.runsOn(), state, named.since);
          active.put(meta.sequence, meta);
          byId.put(meta.id, meta);
        }
      }
    }
    for (Meta meta : finished.values()) {
      if (!results.containsKey(meta.sequence)) {
        quarantineFile(done.resolve(meta.name()), "a completed job without its result");
        continue;
      }
      doneOldestFirst.addLast(meta);
      byId.put(meta.id, meta);
    }
    for (Map.Entry<Long, Path> orphan : results.entrySet()) {
      if (!finished.containsKey(orphan.getKey())) {
        quarantineFile(orphan.getValue(), "a result without its job");
      }
    }
    prune();
  }

  private static Meta parseName(String name, State state, String runsOn, Instant since) {
    if (!name.endsWith(JSON) || name.length() != SEQUENCE_DIGITS + 1 + 36 + JSON.length()
        || name.charAt(SEQUENCE_DIGITS) != '-') {
      return null;
    }
    long sequence = 0;
    for (int i = 0; i < SEQUENCE_DIGITS; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      sequence = sequence * 10 + (c - '0');
    }
    UUID id;
    try {
      String text = name.substring(SEQUENCE_DIGITS + 1, SEQUENCE_DIGITS + 1 + 36);
      id = UUID.fromString(text);
      if (!id.toString().equals(text)) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return sequence == 0 ? null : new Meta(sequence, id, runsOn, state, since);
  }

  private JobRequest readJob(Path file, Meta meta) {
    try {
      JobRequest job = JobRequest.parse(readBounded(file));
      if (!job.requestId().equals(meta.id)) {
        throw new BuildBridgeException("MALFORMED_JOB_MESSAGE", "its request_id "
            + job.requestId() + " is not the one in its name");
      }
      return job;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | BuildBridgeException e) {
      String why = e instanceof IOException ? describe((IOException) e) : e.getMessage();
      if (meta.state != State.DONE) {
        active.remove(meta.sequence);
        byId.remove(meta.id);
      }
      quarantineFile(file, why);
      return null;
    }
  }

  private static byte[] readBounded(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException("file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES);
    }
    return Files.readAllBytes(file);
  }

  private void quarantineFile(Path file, String why) {
    Path target = quarantine.resolve(file.getFileName().toString() + "." + System.nanoTime());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(quarantine.resolve(target.getFileName() + ".reason"), why + "\n");
      LOG.log(Level.WARNING, "job queue: moved " + file + " to " + target + ": " + why);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "job queue: cannot read " + file + " (" + why
          + ") and cannot move it to " + quarantine + ": " + describe(e));
    }
  }

  private void prune() {
    while (doneOldestFirst.size() > keepDone) {
      Meta oldest = doneOldestFirst.removeFirst();
      byId.remove(oldest.id);
      deleteQuietly(done.resolve(resultName(oldest.sequence, oldest.id)));
      deleteQuietly(done.resolve(oldest.name()));
    }
  }

  // ---- files ------------------------------------------------------------------------------------

  private static String fileName(long sequence, UUID id) {
    String digits = Long.toString(sequence);
    return "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits + "-" + id + JSON;
  }

  private static String resultName(long sequence, UUID id) {
    String name = fileName(sequence, id);
    return name.substring(0, name.length() - JSON.length()) + RESULT;
  }

  private static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private void syncDirectory(Path dir) throws IOException {
    if (!syncDirectories) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (AccessDeniedException | UnsupportedOperationException e) {
      // some platforms cannot open or force a directory; the renames are still atomic
      syncDirectories = false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "job queue: cannot delete " + file + ": " + describe(e));
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the job queue is closed");
    }
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + message;
  }

  /** Configures and opens a {@link FileJobQueue}. Not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private int keepDone = DEFAULT_KEEP_DONE;
    private Clock clock = Clock.systemUTC();

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Sets how many completed jobs are kept (with their results) before the oldest are deleted.
     * Default: {@value #DEFAULT_KEEP_DONE}.
     *
     * @param count 0 or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder keepDone(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("keepDone must be 0 or more, was " + count);
      }
      this.keepDone = count;
      return this;
    }

    /**
     * Sets the clock queue, lease and completion times are read from. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the queue: creates the directory when needed, takes its lock, deletes unfinished
     * writes, finishes interrupted completions and quarantines files it cannot read.
     *
     * @return the open queue
     * @throws GatewayException {@code JOB_QUEUE_IO} when the directory cannot be created or read,
     *     or another process or queue has it
     */
    public FileJobQueue open() {
      Path dir = directory.toAbsolutePath().normalize();
      FileChannel channel = null;
      try {
        Files.createDirectories(dir);
        channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          throw new GatewayException(Reason.JOB_QUEUE_IO, "the job queue " + dir
              + " is in use by another process or queue (" + LOCK_FILE + " is locked)");
        }
        FileJobQueue queue = new FileJobQueue(dir, channel, lock, this);
        try {
          queue.load();
        } catch (IOException | RuntimeException e) {
          queue.close();
          throw e;
        }
        return queue;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new GatewayException(Reason.JOB_QUEUE_IO, "cannot open the job queue " + dir + ": "
            + describe(e), e);
      } catch (RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
    }

    private static void closeQuietly(FileChannel channel) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          LOG.log(Level.DEBUG, "closing " + LOCK_FILE + ": " + e.getMessage());
        }
      }
    }
  }
}
