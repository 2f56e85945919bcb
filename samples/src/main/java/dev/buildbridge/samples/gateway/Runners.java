package dev.buildbridge.samples.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.buildbridge.amqp.AmqpTopology;
import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.samples.gateway.HttpFront.Request;
import dev.buildbridge.samples.gateway.HttpFront.Response;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner side: {@code jobresult.v1} results coming back (over HTTP or from a broker), jobs
 * handed to runners from the embedded queue, and the {@code GET /jobs} listing. All three carry
 * {@code Authorization: Bearer <BB_RUNNER_TOKEN>} (unless unsigned calls are allowed and no token
 * is set).
 */
final class Runners {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  static final int DEFAULT_LIST = 50;
  static final int MAX_LIST = 500;

  /** What happened to a result. */
  enum Recorded {
    /** First time: recorded and reported. */
    NEW,
    /** Its job already had a result; not reported again. */
    DUPLICATE
  }

  private final FileJobQueue queue;
  private final AmqpTopology topology;
  private final RecentJobs recent;
  private final Reporter reporter;
  private final byte[] token;
  private final boolean allowUnsigned;
  private final Duration leaseTimeout;
  private final Metrics.Counter results;
  private final Metrics.Counter leases;
  private final Metrics.Counter unauthorized;

  Runners(FileJobQueue queue, AmqpTopology topology, RecentJobs recent, Reporter reporter,
      String token, boolean allowUnsigned, Duration leaseTimeout, Metrics metrics) {
    this.queue = queue;
    this.topology = topology;
    this.recent = recent;
    this.reporter = reporter;
    this.token = token == null ? null : token.getBytes(UTF_8);
    this.allowUnsigned = allowUnsigned;
    this.leaseTimeout = leaseTimeout;
    this.results = metrics.counter("buildbridge_job_results_total",
        "jobresult.v1 results received, by source and outcome", "source", "outcome");
    this.leases = metrics.counter("buildbridge_job_leases_total",
        "jobs handed to runners from the embedded queue");
    this.unauthorized = metrics.counter("buildbridge_runner_unauthorized_total",
        "runner calls refused for a missing or wrong token");
  }

  /**
   * Records a result and starts reporting it.
   *
   * @throws GatewayException {@code JOB_QUEUE_IO} when the embedded queue could not store it
   */
  Recorded record(JobResult result, String source) {
    JobRequest request = null;
    if (queue != null) {
      FileJobQueue.Completion completion = queue.complete(result);
      if (completion == FileJobQueue.Completion.ALREADY_RECORDED) {
        results.inc(source, "duplicate");
        return Recorded.DUPLICATE;
      }
      RecentJobs.Job known = recent.get(result.requestId());
      if (known == null || known.request == null) {
        request = queue.job(result.requestId()).orElse(null);
      }
    }
    RecentJobs.Job job = recent.resulted(result, request);
    if (job == null) {
      results.inc(source, "duplicate");
      return Recorded.DUPLICATE;
    }
    results.inc(source, result.success() ? "success" : "failure");
    reporter.resultReceived(job, result);
    return Recorded.NEW;
  }

  /** {@code POST /results}. */
  Response postResult(Request request) {
    Response refused = authorize(request);
    if (refused != null) {
      return refused;
    }
    JobResult result;
    try {
      result = JobResult.parse(request.body());
    } catch (BuildBridgeException e) {
      return Response.error(400, e.code() + ": " + e.getMessage());
    }
    Recorded recorded;
    try {
      recorded = record(result, "http");
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "cannot record the result of job " + result.requestId() + ": "
          + e.getMessage());
      return Response.error(503, e.code() + ": the result could not be stored; send it again")
          .withHeader("Retry-After", "30");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", recorded == Recorded.NEW ? 202 : 200);
    body.put("request_id", result.requestId().toString());
    body.put("duplicate", recorded == Recorded.DUPLICATE);
    body.put("reason", recorded == Recorded.NEW ? "result recorded; reporting it"
        : "this job already has a result; the first one is kept");
    return Response.json(recorded == Recorded.NEW ? 202 : 200, body);
  }

  /** {@code POST /jobs/next?runs_on=LABEL}: the oldest pending job, or 204. */
  Response nextJob(Request request) {
    Response refused = authorize(request);
    if (refused != null) {
      return refused;
    }
    if (queue == null) {
      return Response.error(409, "jobs are published to the message broker; consume them there");
    }
    String label = request.query().get("runs_on");
    try {
      queue.requeueExpired(leaseTimeout);
      Optional<JobRequest> job = queue.lease(label == null || label.isBlank() ? null : label);
      if (job.isEmpty()) {
        return Response.empty(204);
      }
      leases.inc();
      return new Response(200, "application/json", job.get().toJson(), Map.of());
    } catch (GatewayException e) {
      return Response.error(503, e.code() + ": " + e.getMessage())
          .withHeader("Retry-After", "30");
    }
  }

  /**
   * {@code GET /jobs?limit=N}: recent jobs with results, and the queue. It names repositories and
   * commits, so it asks for the runner token too.
   */
  Response listJobs(Request request) {
    Response refused = authorize(request);
    if (refused != null) {
      return refused;
    }
    int limit = DEFAULT_LIST;
    String asked = request.query().get("limit");
    if (asked != null) {
      try {
        limit = Integer.parseInt(asked);
      } catch (NumberFormatException e) {
        return Response.error(400, "limit must be a whole number");
      }
      if (limit < 0 || limit > MAX_LIST) {
        return Response.error(400, "limit must be from 0 to " + MAX_LIST);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("recent", recent.newest(limit));
    if (queue != null) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("kind", "file");
      q.put("directory", queue.directory().toString());
      q.put("pending", queue.count(FileJobQueue.State.PENDING));
      q.put("leased", queue.count(FileJobQueue.State.LEASED));
      q.put("done", queue.count(FileJobQueue.State.DONE));
      List<Map<String, Object>> waiting = new ArrayList<>();
      for (FileJobQueue.Entry e : queue.entries()) {
        if (waiting.size() >= limit) {
          break;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequence", e.sequence());
        entry.put("request_id", e.requestId().toString());
        entry.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("since", e.since().toString());
        entry.put("runs_on", e.runsOn());
        if (recent.get(e.requestId()) == null) {
          entry.put("request", queue.job(e.requestId()).orElse(null));
        }
        waiting.add(entry);
      }
      q.put("jobs", waiting);
      body.put("queue", q);
    } else {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("kind", "amqp");
      q.put("exchange", topology.exchange());
      q.put("routing_key", topology.routingKey());
      q.put("queue", topology.queue());
      q.put("results_queue", topology.resultsQueue());
      body.put("queue", q);
    }
    return Response.json(200, body);
  }

  private Response authorize(Request request) {
    if (token == null) {
      if (allowUnsigned) {
        return null;
      }
      unauthorized.inc();
      return Response.error(401, "runner calls are refused: no BB_RUNNER_TOKEN is configured")
          .withHeader("WWW-Authenticate", "Bearer");
    }
    String header = request.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(UTF_8))) {
      return null;
    }
    unauthorized.inc();
    return Response.error(401, header == null ? "missing Authorization: Bearer <runner token>"
        : "the runner token does not match").withHeader("WWW-Authenticate", "Bearer");
  }
}
