package dev.buildbridge.samples.gateway;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports jobs and their results off the request path: GitHub calls run on a small bounded pool,
 * callbacks are sent asynchronously. A result waits for its job's check run to exist before it
 * completes it. When the pool is full, a report is dropped and counted, never queued without end.
 */
final class Reporter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  private final GitHubReporter github;
  private final CallbackForwarder forwarder;
  private final ThreadPoolExecutor pool;
  private final Metrics.Counter outcomes;

  Reporter(GitHubReporter github, CallbackForwarder forwarder, Metrics.Counter outcomes) {
    this.github = github;
    this.forwarder = forwarder;
    this.outcomes = outcomes;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
        r -> {
          Thread t = new Thread(r, "gateway-report-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /** Reports jobs a sink just took (a queued check run or pending status each). */
  void jobsAccepted(List<RecentJobs.Job> jobs) {
    for (RecentJobs.Job job : jobs) {
      if (github == null || !github.reports(job.request)) {
        job.checkRun.complete(null);
        continue;
      }
      submit(job, () -> {
        try {
          Long id = github.queued(job.request);
          job.github(id == null ? "status pending" : "check run " + id + " queued");
          job.checkRun.complete(id);
          outcomes.inc("github", "ok");
        } catch (RuntimeException e) {
          job.checkRun.complete(null);
          failed(job, "queued", e);
        }
      });
    }
  }

  /** Reports a result: completes the job on GitHub and forwards it as a signed callback. */
  void resultReceived(RecentJobs.Job job, JobResult result) {
    JobRequest request = job.request;
    boolean toGitHub = github != null
        && (request != null ? github.reports(request) : github.reports(result));
    if (toGitHub) {
      job.checkRun.whenComplete((id, error) -> submit(job, () -> {
        try {
          job.github(github.completed(result, request, id));
          outcomes.inc("github", "ok");
        } catch (RuntimeException e) {
          failed(job, "completed", e);
        }
      }));
    }
    if (forwarder != null) {
      forwarder.forward(result, job);
    }
  }

  private void submit(RecentJobs.Job job, Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      job.checkRun.complete(null);
      job.github("dropped: " + (pool.isShutdown() ? "the gateway is stopping"
          : "the reporting queue is full"));
      outcomes.inc("github", "dropped");
    }
  }

  private void failed(RecentJobs.Job job, String what, RuntimeException e) {
    job.github("failed to report " + what + ": " + e.getMessage());
    outcomes.inc("github", "failed");
    LOG.log(Level.WARNING, "GitHub report (" + what + ") of job " + job.requestId + " failed: "
        + e.getMessage());
  }

  /** Reports that are queued or running on the GitHub pool. */
  int pending() {
    return pool.getQueue().size() + pool.getActiveCount()
        + (forwarder == null ? 0 : forwarder.outstanding());
  }

  /** Lets queued reports and callbacks finish within the timeout, then stops. */
  void drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    pool.shutdown();
    if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      LOG.log(Level.WARNING, "reporting: " + pool.getQueue().size()
          + " GitHub reports not sent before the drain timeout");
    }
    if (forwarder != null
        && !forwarder.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
      LOG.log(Level.WARNING, "reporting: " + forwarder.outstanding()
          + " callbacks not delivered before the drain timeout");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
