package dev.buildbridge.api.albs;

import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.ApiTransport;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A build node's loop: ping ALBS, take a task for the node's architectures, hand it to the host's
 * {@link TaskBuilder}, report the result with {@code build_done}, and back off while there is
 * nothing to do. One task at a time; run several agents for parallel builds.
 *
 * <pre>{@code
 * BuildNodeAgent agent = BuildNodeAgent.newBuilder(albs,
 *         task -> BuildResult.done(buildAndUpload(task)))  // your mock build and Pulp upload
 *     .supportedArches("x86_64", "i686", "src")
 *     .build()
 *     .start();                                           // or run() on a thread of your own
 * Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
 * }</pre>
 *
 * <p><b>The loop.</b> Each round pings with no active task when {@link Builder#pingInterval
 * pingInterval} has passed since the last ping, then asks for a task. Without a task it waits
 * {@link Builder#idleBackoff idleBackoff}'s initial wait, doubling it each idle round up to its
 * maximum, and back to the initial wait when a task arrives. While the builder works, a
 * background thread pings with the task's id every {@code pingInterval}, keeping ALBS's 20-minute
 * lease. The result is reported with the build's start, end and duration added as the
 * {@code build_node_task} stats (ALBS takes the task's start time from them).
 *
 * <p><b>Failures.</b> An exception from the builder reports the task {@link BuildOutcome#FAILED}
 * without artifacts. An {@link ApiException} while pinging or polling is logged and waited out
 * with the same growing backoff; it never ends the loop, except a 401 or 403: the credentials will
 * not get better, so the loop stops and {@link #failure()} holds the error. A report that fails
 * transiently is repeated (with the backoff, pinging on) for up to
 * {@link Builder#reportTimeout(Duration) reportTimeout}; a report ALBS refuses (a 422, say) is
 * logged and dropped, and ALBS hands the task out again once its lease expires. Logging goes to
 * {@code System.Logger} {@code dev.buildbridge.api.albs.BuildNodeAgent}.
 *
 * <p><b>Stopping.</b> {@link #stop()} takes no new task: an idle agent ends at once, a busy one
 * after its builder returns and the result is reported. {@link #stopNow()} also interrupts the
 * loop thread: a build that ends with an {@link InterruptedException} (or any result after it) is
 * not reported, so ALBS hands the task to another node after 20 minutes rather than marking it
 * failed. Interrupting the thread that calls {@link #run()} does the same. {@link #close()} stops
 * and waits for the end. An {@link Error} from the builder ends the loop too, unreported, and
 * propagates (out of {@code run()}, or to the thread's uncaught exception handler). An agent
 * runs once.
 */
public final class BuildNodeAgent implements Runnable, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BuildNodeAgent.class.getName());
  /** The stage albs-node reports the whole task under; ALBS reads {@code start_ts} from it. */
  static final String NODE_STAGE = "build_node_task";
  /** Python's {@code str(datetime)} of a naive UTC time, as albs-node sends it. */
  private static final DateTimeFormatter PY_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private enum State { NEW, RUNNING, TERMINATED }

  private final Builder settings;
  private final BuildNodeApi api;
  private final List<String> supportedArches;
  private final Supplier<? extends Collection<String>> excludedPackages;
  private final TaskBuilder builder;
  private final Duration pingInterval;
  private final Duration idleInitial;
  private final Duration idleMax;
  private final Duration reportTimeout;
  private final Clock clock;
  private final ApiTransport.Sleeper sleeper;
  private final ThreadFactory threadFactory;

  private final Object lock = new Object();
  private State state = State.NEW; // guarded by lock
  private Thread loopThread; // guarded by lock
  private volatile boolean stopRequested;
  private volatile boolean abandon;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch abandonSignal = new CountDownLatch(1);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile ApiException failure;
  private volatile long currentTask;

  private BuildNodeAgent(Builder b) {
    this.settings = b;
    this.api = b.client.buildNode();
    this.supportedArches = b.supportedArches;
    this.excludedPackages = b.excludedPackages;
    this.builder = b.builder;
    this.pingInterval = b.pingInterval;
    this.idleInitial = b.idleInitial;
    this.idleMax = b.idleMax;
    this.reportTimeout = b.reportTimeout;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.threadFactory = b.threadFactory;
  }

  /**
   * Starts a builder.
   *
   * @param client the client, with a build node's token
   * @param builder builds each task
   * @return a new builder; {@link Builder#supportedArches(String...)} is required
   * @throws NullPointerException if an argument is null
   */
  public static Builder newBuilder(AlbsClient client, TaskBuilder builder) {
    return new Builder(Objects.requireNonNull(client, "client"),
        Objects.requireNonNull(builder, "builder"));
  }

  /**
   * Returns a builder with this agent's settings, for another agent (an agent runs once).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Runs the loop on the calling thread until the agent is stopped, its credentials are refused,
   * or the thread is interrupted. Returns at once if the agent was stopped before.
   *
   * @throws IllegalStateException if the agent is already running
   */
  @Override
  public void run() {
    synchronized (lock) {
      if (state == State.RUNNING) {
        throw new IllegalStateException("the agent is already running");
      }
      if (state == State.TERMINATED) {
        return;
      }
      state = State.RUNNING;
      loopThread = Thread.currentThread();
    }
    execute();
  }

  /**
   * Runs the loop on a new thread from the {@link Builder#threadFactory(ThreadFactory) thread
   * factory}. Does nothing if the agent was stopped before.
   *
   * @return this agent
   * @throws IllegalStateException if the agent is already running
   */
  public BuildNodeAgent start() {
    Thread thread;
    synchronized (lock) {
      if (state == State.RUNNING) {
        throw new IllegalStateException("the agent is already running");
      }
      if (state == State.TERMINATED) {
        return this;
      }
      thread = threadFactory.newThread(this::execute);
      state = State.RUNNING;
      loopThread = thread;
    }
    thread.start();
    return this;
  }

  /**
   * Asks the loop to end without taking another task. An idle wait ends at once (with the
   * default sleeper); a task in progress is built and reported first. Returns at once; an agent
   * not yet started will not start.
   */
  public void stop() {
    stopRequested = true;
    stopSignal.countDown();
    synchronized (lock) {
      if (state == State.NEW) {
        state = State.TERMINATED;
        terminated.countDown();
      }
    }
  }

  /**
   * Stops the loop and interrupts it: a task in progress is abandoned without report (ALBS hands
   * it out again after 20 minutes without ping) and a report being repeated is given up. Returns
   * at once.
   */
  public void stopNow() {
    abandon = true;
    abandonSignal.countDown();
    stop();
    synchronized (lock) {
      if (state == State.RUNNING && loopThread != null) {
        loopThread.interrupt();
      }
    }
  }

  /**
   * Stops the agent as {@link #stop()} does and waits until the loop has ended, the task in
   * progress built and reported included. Called from the builder itself, it only stops. If the
   * waiting thread is interrupted, it returns with its interrupt flag set.
   */
  @Override
  public void close() {
    stop();
    synchronized (lock) {
      if (Thread.currentThread() == loopThread) {
        return;
      }
    }
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until the loop has ended.
   *
   * @param timeout the longest wait
   * @return true if it ended (or was stopped before it started), false on timeout
   * @throws NullPointerException if the timeout is null
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Returns whether the loop is running.
   *
   * @return true between {@link #run()} or {@link #start()} and the loop's end
   */
  public boolean isRunning() {
    synchronized (lock) {
      return state == State.RUNNING;
    }
  }

  /**
   * Returns the task being built or reported.
   *
   * @return its id, or empty when idle
   */
  public OptionalLong currentTask() {
    long id = currentTask;
    return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /**
   * Returns the error that stopped the loop: ALBS refused the credentials (401 or 403).
   *
   * @return the error, or empty while running and after a stop that was asked for
   */
  public Optional<ApiException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Shows the architectures and the state.
   *
   * @return for example {@code BuildNodeAgent[[x86_64, i686], RUNNING]}
   */
  @Override
  public String toString() {
    synchronized (lock) {
      return "BuildNodeAgent[" + supportedArches + ", " + state + "]";
    }
  }

  // ---------------------------------------------------------------- the loop

  private void execute() {
    ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "albs-build-node-keepalive");
      t.setDaemon(true);
      return t;
    });
    LOG.log(Level.INFO, "ALBS build node agent started for " + supportedArches + " at "
        + settings.client.baseUrl());
    try {
      loop(keepAlive);
    } finally {
      keepAlive.shutdownNow();
      synchronized (lock) {
        state = State.TERMINATED;
        loopThread = null;
      }
      if (abandon) {
        Thread.interrupted(); // our own interrupt, from stopNow()
      }
      terminated.countDown();
      LOG.log(Level.INFO, "ALBS build node agent stopped"
          + (failure == null ? "" : ": " + failure.getMessage()));
    }
  }

  private void loop(ScheduledExecutorService keepAlive) {
    Duration backoff = idleInitial;
    Instant nextPing = null;
    while (!stopRequested) {
      try {
        Instant now = clock.instant();
        if (nextPing == null || !now.isBefore(nextPing)) {
          api.ping(List.of());
          nextPing = now.plus(pingInterval);
        }
        if (stopRequested) {
          return;
        }
        Optional<BuildNodeTask> task = api.getTask(supportedArches, excluded());
        if (task.isEmpty()) {
          LOG.log(Level.DEBUG, "no task for " + supportedArches + "; asking again in "
              + backoff.toMillis() + " ms");
          pause(backoff, stopSignal);
          backoff = grow(backoff);
          continue;
        }
        backoff = idleInitial;
        process(task.get(), keepAlive);
      } catch (ApiException e) {
        if (e.reason() == Reason.INTERRUPTED) {
          return;
        }
        if (isAuthFailure(e)) {
          fail(e);
          return;
        }
        LOG.log(e.isTransient() ? Level.WARNING : Level.ERROR, "polling ALBS failed: "
            + e.getMessage() + "; trying again in " + backoff.toMillis() + " ms");
        if (!pauseQuietly(backoff, stopSignal)) {
          return;
        }
        backoff = grow(backoff);
      } catch (InterruptedException e) {
        if (!abandon) {
          Thread.currentThread().interrupt();
        }
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "ALBS build node agent: unexpected failure; trying again in "
            + backoff.toMillis() + " ms", e);
        if (!pauseQuietly(backoff, stopSignal)) {
          return;
        }
        backoff = grow(backoff);
      }
    }
  }

  private List<String> excluded() {
    Collection<String> packages = excludedPackages.get();
    return packages == null ? List.of() : Checks.texts(packages, "excludedPackages");
  }

  private void process(BuildNodeTask task, ScheduledExecutorService keepAlive)
      throws InterruptedException {
    long id = task.id();
    currentTask = id;
    long period = Math.max(1, pingInterval.toMillis());
    ScheduledFuture<?> lease = keepAlive.scheduleWithFixedDelay(() -> keepAlive(id), period,
        period, TimeUnit.MILLISECONDS);
    try {
      LOG.log(Level.INFO, "building task " + id + " (build " + task.buildId() + ", "
          + task.arch() + ")");
      Instant start = clock.instant();
      BuildResult result;
      try {
        result = builder.build(task);
        if (result == null) {
          LOG.log(Level.ERROR, "the builder returned no result for task " + id
              + "; reporting it failed");
          result = BuildResult.failed(List.of());
        }
      } catch (InterruptedException e) {
        abandoned(id);
        throw e;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "task " + id + " failed in the builder; reporting it failed", e);
        result = BuildResult.failed(List.of());
      }
      if (abandon || Thread.currentThread().isInterrupted()) {
        abandoned(id);
        throw new InterruptedException("stopped while building task " + id);
      }
      report(id, withNodeStats(result, start, clock.instant()));
    } finally {
      lease.cancel(false);
      currentTask = 0;
    }
  }

  private static void abandoned(long id) {
    LOG.log(Level.WARNING, "task " + id + " abandoned without report; ALBS hands it out again"
        + " once its lease expires");
  }

  private void keepAlive(long id) {
    try {
      api.ping(List.of(id));
    } catch (RuntimeException e) { // ApiException included: must not end the schedule
      LOG.log(Level.WARNING, "ping for task " + id + " failed: " + e.getMessage());
    }
  }

  private void report(long id, BuildResult result) throws InterruptedException {
    Instant deadline = clock.instant().plus(reportTimeout);
    Duration wait = idleInitial;
    while (true) {
      try {
        BuildDoneOutcome outcome = api.buildDone(id, result);
        LOG.log(Level.INFO, "task " + id + " reported " + result.outcome().wireName()
            + (outcome == BuildDoneOutcome.ALREADY_FINISHED ? " (ALBS had it finished already)"
                : ""));
        return;
      } catch (ApiException e) {
        if (e.reason() == Reason.INTERRUPTED) {
          abandoned(id);
          throw new InterruptedException("stopped while reporting task " + id);
        }
        if (isAuthFailure(e)) {
          LOG.log(Level.ERROR, "task " + id + " not reported: " + e.getMessage());
          fail(e);
          return;
        }
        if (!e.isTransient()) {
          LOG.log(Level.ERROR, "ALBS refused the report of task " + id + ": " + e.getMessage()
              + "; it hands the task out again once its lease expires");
          return;
        }
        if (!clock.instant().plus(wait).isBefore(deadline)) {
          LOG.log(Level.ERROR, "giving up reporting task " + id + " after " + reportTimeout
              + ": " + e.getMessage());
          return;
        }
        LOG.log(Level.WARNING, "reporting task " + id + " failed: " + e.getMessage()
            + "; trying again in " + wait.toMillis() + " ms");
        pause(wait, abandonSignal);
        if (abandon) {
          abandoned(id);
          throw new InterruptedException("stopped while reporting task " + id);
        }
        wait = grow(wait);
      }
    }
  }

  /** Adds the {@code build_node_task} timings unless the builder set them. */
  static BuildResult withNodeStats(BuildResult result, Instant start, Instant end) {
    if (result.stats().containsKey(NODE_STAGE)) {
      return result;
    }
    Map<String, String> node = new LinkedHashMap<>();
    node.put("start_ts", PY_DATETIME.format(start));
    node.put("end_ts", PY_DATETIME.format(end));
    node.put("delta", pythonDelta(Duration.between(start, end)));
    return result.toBuilder().stat(NODE_STAGE, node).build();
  }

  /** Python's {@code str(timedelta)}: {@code H:MM:SS[.ffffff]}, with days in front. */
  static String pythonDelta(Duration d) {
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    long micros = d.toNanosPart() / 1000;
    StringBuilder out = new StringBuilder(32);
    if (days > 0) {
      out.append(days).append(days == 1 ? " day, " : " days, ");
    }
    out.append(hours).append(':');
    if (minutes < 10) {
      out.append('0');
    }
    out.append(minutes).append(':');
    if (seconds < 10) {
      out.append('0');
    }
    out.append(seconds);
    if (micros > 0) {
      String digits = Long.toString(micros);
      out.append('.').append("000000", 0, 6 - digits.length()).append(digits);
    }
    return out.toString();
  }

  private static boolean isAuthFailure(ApiException e) {
    return e.reason() == Reason.UNAUTHORIZED || e.reason() == Reason.FORBIDDEN;
  }

  private void fail(ApiException e) {
    failure = e;
    LOG.log(Level.ERROR, "ALBS refused the build node's credentials; stopping: "
        + e.getMessage());
    stopRequested = true;
    stopSignal.countDown();
  }

  private Duration grow(Duration d) {
    Duration doubled = d.multipliedBy(2);
    return doubled.compareTo(idleMax) > 0 ? idleMax : doubled;
  }

  private void pause(Duration d, CountDownLatch wake) throws InterruptedException {
    if (sleeper != null) {
      sleeper.sleep(d);
    } else {
      wake.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Pauses; false when interrupted (the loop then ends). */
  private boolean pauseQuietly(Duration d, CountDownLatch wake) {
    try {
      pause(d, wake);
      return true;
    } catch (InterruptedException e) {
      if (!abandon) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  /**
   * Configures a {@link BuildNodeAgent}. Setters check their arguments at once and name the bad
   * one. Builders are not thread-safe.
   */
  public static final class Builder {
    private final AlbsClient client;
    private final TaskBuilder builder;
    private List<String> supportedArches = List.of();
    private Supplier<? extends Collection<String>> excludedPackages = List::of;
    private Duration pingInterval = Duration.ofSeconds(10);
    private Duration idleInitial = Duration.ofSeconds(10);
    private Duration idleMax = Duration.ofMinutes(1);
    private Duration reportTimeout = Duration.ofMinutes(20);
    private Clock clock = Clock.systemUTC();
    private ApiTransport.Sleeper sleeper;
    private ThreadFactory threadFactory = r -> new Thread(r, "albs-build-node-agent");

    private Builder(AlbsClient client, TaskBuilder builder) {
      this.client = client;
      this.builder = builder;
    }

    Builder copy() {
      Builder b = new Builder(client, builder);
      b.supportedArches = supportedArches;
      b.excludedPackages = excludedPackages;
      b.pingInterval = pingInterval;
      b.idleInitial = idleInitial;
      b.idleMax = idleMax;
      b.reportTimeout = reportTimeout;
      b.clock = clock;
      b.sleeper = sleeper;
      b.threadFactory = threadFactory;
      return b;
    }

    /**
     * Sets the architectures the node builds, sent with every {@code get_task}. Required. List
     * them all: albs-node on x86_64 asks for {@code x86_64} and {@code i686}, and adds
     * {@code src} when it builds source RPMs. (ALBS knows a node by its token; there is no node
     * id on the wire.)
     *
     * @param arches at least one, none blank
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     * @throws IllegalArgumentException if empty or an element is blank
     */
    public Builder supportedArches(String... arches) {
      Objects.requireNonNull(arches, "arches");
      return supportedArches(Arrays.asList(arches));
    }

    /**
     * Sets the architectures the node builds, as {@link #supportedArches(String...)}.
     *
     * @param arches at least one, none blank
     * @return this builder
     * @throws NullPointerException if the collection or an element is null
     * @throws IllegalArgumentException if empty or an element is blank
     */
    public Builder supportedArches(Collection<String> arches) {
      List<String> copy = Checks.texts(arches, "supportedArches");
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("supportedArches is empty");
      }
      this.supportedArches = copy;
      return this;
    }

    /**
     * Sets packages this node must not build. Default: none.
     *
     * @param packages package names, none blank (copied)
     * @return this builder
     * @throws NullPointerException if the collection or an element is null
     * @throws IllegalArgumentException if an element is blank
     */
    public Builder excludedPackages(Collection<String> packages) {
      List<String> copy = Checks.texts(packages, "excludedPackages");
      this.excludedPackages = () -> copy;
      return this;
    }

    /**
     * Sets where the packages this node must not build come from, asked before every
     * {@code get_task} (albs-node reads them from a URL and caches them for 10 minutes). A
     * supplier that throws makes the round fail and be retried after the backoff. Default: none.
     *
     * @param packages supplies package names; null is read as none
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder excludedPackages(Supplier<? extends Collection<String>> packages) {
      this.excludedPackages = Objects.requireNonNull(packages, "packages");
      return this;
    }

    /**
     * Sets how often the node pings: at most once per round while idle, and with the task's id
     * every interval while building (ALBS hands a task out again after 20 minutes without a
     * ping). Default: 10 seconds, as albs-node.
     *
     * @param interval 1 ms to 5 minutes
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if out of range
     */
    public Builder pingInterval(Duration interval) {
      Objects.requireNonNull(interval, "pingInterval");
      if (interval.toMillis() < 1 || interval.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("pingInterval must be 1 ms to 5 minutes, was "
            + interval);
      }
      this.pingInterval = interval;
      return this;
    }

    /**
     * Sets the wait after a round without task (or with a failed request): {@code initial}
     * first, doubling each such round up to {@code max}, back to {@code initial} once a task
     * arrives. Default: 10 seconds (albs-node's idle wait) growing to 1 minute.
     *
     * @param initial more than zero
     * @param max at least {@code initial}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code initial} is not positive or {@code max} is less
     */
    public Builder idleBackoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || initial.isZero()) {
        throw new IllegalArgumentException("idleBackoff initial must be positive, was "
            + initial);
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("idleBackoff max " + max + " is less than initial "
            + initial);
      }
      this.idleInitial = initial;
      this.idleMax = max;
      return this;
    }

    /**
     * Sets how long a report that fails transiently (ALBS down, say) is repeated, after the
     * transport's own retries, before the result is given up. Default: 20 minutes.
     *
     * @param timeout zero (no repetition) or more
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if negative
     */
    public Builder reportTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "reportTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("reportTimeout is negative: " + timeout);
      }
      this.reportTimeout = timeout;
      return this;
    }

    /**
     * Sets the clock for ping intervals, report deadlines and build timings. Default:
     * {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the loop waits (tests record the waits instead of sleeping). It should return
     * promptly: {@link BuildNodeAgent#stop()} takes effect when it does. Default: a wait that
     * {@code stop()} ends at once.
     *
     * @param sleeper the sleeper
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder sleeper(ApiTransport.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the factory of the thread {@link BuildNodeAgent#start()} runs the loop on. Default:
     * a non-daemon thread named {@code albs-build-node-agent}.
     *
     * @param threadFactory the factory
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Builds the agent; it does nothing until {@link BuildNodeAgent#run()} or
     * {@link BuildNodeAgent#start()}.
     *
     * @return the agent
     * @throws IllegalStateException if no architecture is set
     */
    public BuildNodeAgent build() {
      if (supportedArches.isEmpty()) {
        throw new IllegalStateException("supportedArches(...) is required");
      }
      return new BuildNodeAgent(copy());
    }
  }
}
