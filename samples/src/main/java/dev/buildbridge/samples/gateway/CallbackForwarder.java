package dev.buildbridge.samples.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.signing.StandardWebhooks;
import dev.buildbridge.signing.WebhookHeaders;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forwards job results to a configured URL as Standard Webhooks callbacks: the body is
 * {@code {"type":"job.completed","timestamp":...,"data":<jobresult.v1>}}, signed with the
 * configured secret ({@code webhook-id} is {@code msg_<request_id>} on every attempt, so the
 * receiver can drop repeats), with the configured extra headers. A 2xx answer delivers it; a
 * network failure, 408, 429 or 5xx is tried again after 1 s, 4 s, 16 s ... up to the configured
 * attempts; another 4xx ends it. Never blocks the caller: sends are asynchronous and retries are
 * scheduled.
 */
final class CallbackForwarder {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  static final String EVENT_TYPE = "job.completed";

  private final URI url;
  private final StandardWebhooks signer;
  private final Map<String, String> headers;
  private final int attempts;
  private final Duration firstBackoff;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Metrics.Counter outcomes;
  private final Object lock = new Object();
  private int outstanding;

  CallbackForwarder(URI url, String secret, Map<String, String> headers, int attempts,
      Duration firstBackoff, HttpClient http, ScheduledExecutorService scheduler,
      Metrics.Counter outcomes) {
    this.url = url;
    this.signer = StandardWebhooks.newBuilder().secret(secret).build();
    this.headers = Map.copyOf(headers);
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.http = http;
    this.scheduler = scheduler;
    this.outcomes = outcomes;
  }

  /** Starts forwarding a result; progress goes to the job's {@code callback} state. */
  void forward(JobResult result, RecentJobs.Job job) {
    byte[] body = body(result);
    String msgId = "msg_" + result.requestId();
    synchronized (lock) {
      outstanding++;
    }
    job.callback("sending");
    attempt(1, body, msgId, job);
  }

  static byte[] body(JobResult result) {
    ObjectNode envelope = HttpFront.JSON.createObjectNode();
    envelope.put("type", EVENT_TYPE);
    envelope.put("timestamp", result.completedAt().toString());
    try {
      envelope.set("data", HttpFront.JSON.readTree(result.toJson()));
      return HttpFront.JSON.writeValueAsBytes(envelope);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the callback body", e);
    }
  }

  private void attempt(int n, byte[] body, String msgId, RecentJobs.Job job) {
    HttpRequest request;
    try {
      WebhookHeaders signature = signer.sign(msgId, Instant.now(), body);
      HttpRequest.Builder b = HttpRequest.newBuilder(url)
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(b::header);
      b.header("Content-Type", "application/json");
      b.header("User-Agent", Gateway.USER_AGENT);
      signature.asMap().forEach(b::header);
      request = b.build();
    } catch (RuntimeException e) {
      finish(job, false, "failed: cannot build the request: " + e.getMessage());
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
      int status = resp == null ? 0 : resp.statusCode();
      if (err == null && status >= 200 && status < 300) {
        finish(job, true, "delivered: HTTP " + status + " (attempt " + n + ")");
        return;
      }
      String what = err != null ? "no answer (" + rootMessage(err) + ")" : "HTTP " + status;
      boolean retryable = err != null || status == 408 || status == 429 || status >= 500;
      if (!retryable || n >= attempts) {
        finish(job, false, "failed: " + what + " after " + n
            + (n == 1 ? " attempt" : " attempts"));
        return;
      }
      job.callback("retrying: " + what + " on attempt " + n);
      long delay = firstBackoff.toMillis() << (2 * (n - 1));
      try {
        scheduler.schedule(() -> attempt(n + 1, body, msgId, job), delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        finish(job, false, "failed: " + what + "; the gateway stopped before attempt " + (n + 1));
      }
    });
  }

  private void finish(RecentJobs.Job job, boolean delivered, String state) {
    job.callback(state);
    outcomes.inc("callback", delivered ? "ok" : "failed");
    if (!delivered) {
      LOG.log(Level.WARNING, "callback for job " + job.requestId + " to " + url + " " + state);
    }
    synchronized (lock) {
      outstanding--;
      lock.notifyAll();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage()
        : root.getClass().getSimpleName();
  }

  /** Waits until every callback is delivered or given up, or the timeout passes. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (outstanding > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  int outstanding() {
    synchronized (lock) {
      return outstanding;
    }
  }
}
