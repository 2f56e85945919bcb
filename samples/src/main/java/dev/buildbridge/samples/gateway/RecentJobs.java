package dev.buildbridge.samples.gateway;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The last jobs the gateway took and the results that came back, bounded in memory, for
 * {@code GET /jobs}, for telling a repeated result from a first one, and for the GitHub check run
 * each job got. Thread-safe.
 */
final class RecentJobs {

  /** One job: what was asked, what came back, and how it was reported. */
  static final class Job {
    final UUID requestId;
    final JobRequest request;
    final String provider;
    final String deliveryId;
    final Instant acceptedAt;
    /** The GitHub check run made for the job, when there is one (completes with null if not). */
    final CompletableFuture<Long> checkRun = new CompletableFuture<>();
    private JobResult result;
    private Instant resultAt;
    private String github;
    private String callback;

    Job(UUID requestId, JobRequest request, String provider, String deliveryId,
        Instant acceptedAt) {
      this.requestId = requestId;
      this.request = request;
      this.provider = provider;
      this.deliveryId = deliveryId;
      this.acceptedAt = acceptedAt;
    }

    synchronized JobResult result() {
      return result;
    }

    synchronized void github(String state) {
      this.github = state;
    }

    synchronized void callback(String state) {
      this.callback = state;
    }

    synchronized Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("request_id", requestId.toString());
      out.put("provider", provider);
      out.put("delivery", deliveryId);
      out.put("accepted_at", acceptedAt == null ? null : acceptedAt.toString());
      out.put("request", request);
      out.put("result", result);
      out.put("result_at", resultAt == null ? null : resultAt.toString());
      out.put("github", github);
      out.put("callback", callback);
      return out;
    }
  }

  private final int capacity;
  private final Clock clock;
  private final LinkedHashMap<UUID, Job> jobs = new LinkedHashMap<>();

  RecentJobs(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Remembers jobs a delivery produced, after the sink took them. */
  synchronized List<Job> accepted(List<JobRequest> requests, String provider, String deliveryId) {
    List<Job> out = new ArrayList<>(requests.size());
    Instant now = clock.instant();
    for (JobRequest request : requests) {
      Job job = new Job(request.requestId(), request, provider, deliveryId, now);
      jobs.remove(request.requestId());
      jobs.put(request.requestId(), job);
      out.add(job);
    }
    trim();
    return out;
  }

  synchronized Job get(UUID requestId) {
    return jobs.get(requestId);
  }

  /**
   * Records a result on its job (making an entry for a job this process did not take).
   *
   * @param request the job's request when it is known from elsewhere (the queue), or null
   * @return the job, or null when it already had a result
   */
  synchronized Job resulted(JobResult result, JobRequest request) {
    Job job = jobs.get(result.requestId());
    if (job == null) {
      job = new Job(result.requestId(), request, null, null, null);
      job.checkRun.complete(null);
      jobs.put(result.requestId(), job);
      trim();
    }
    synchronized (job) {
      if (job.result != null) {
        return null;
      }
      job.result = result;
      job.resultAt = clock.instant();
    }
    return job;
  }

  /** The newest jobs first, as JSON-ready maps. */
  synchronized List<Map<String, Object>> newest(int limit) {
    List<Job> all = new ArrayList<>(jobs.values());
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(all.get(i).json());
    }
    return out;
  }

  synchronized int size() {
    return jobs.size();
  }

  private void trim() {
    Iterator<Job> oldest = jobs.values().iterator();
    while (jobs.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}
