package dev.buildbridge.samples.gateway;

import dev.buildbridge.jdbc.JdbcOutboxStore;
import dev.buildbridge.kcidb.submit.KcidbClient;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.samples.gateway.HttpFront.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: liveness (the process answers) and readiness, with one check per
 * dependency. A failed critical check (the data directory, the job sink, the database) makes the
 * gateway not ready (503); a failed non-critical one (KCIDB, whose documents wait in the outbox)
 * only shows.
 */
final class Health {

  /** One check's verdict. */
  record Status(boolean ok, String detail) {}

  /** A named check. */
  record Check(String name, boolean critical, Supplier<Status> probe) {}

  private final List<Check> checks = new ArrayList<>();
  private volatile Status kcidb = new Status(true, "not checked yet");

  Health(Path dataDir, FileJobQueue queue, KcidbOutbox outbox, JdbcOutboxStore sharedOutbox,
      KcidbClient kcidbClient, ScheduledExecutorService scheduler) {
    checks.add(new Check("data_dir", true, () -> writable(dataDir)));
    if (queue != null) {
      checks.add(new Check("job_queue", true, () -> {
        try {
          return new Status(true, "file queue: " + queue.count(FileJobQueue.State.PENDING)
              + " pending, " + queue.count(FileJobQueue.State.LEASED) + " leased");
        } catch (IllegalStateException e) {
          return new Status(false, "file queue closed");
        }
      }));
    }
    checks.add(new Check("kcidb_outbox", false, () -> {
      if (sharedOutbox != null) {
        try {
          return new Status(true, sharedOutbox.countPending() + " pending in "
              + sharedOutbox.table() + (sharedOutbox.holdsDrainLock() ? " (this instance sends)"
              : " (another instance sends)"));
        } catch (RuntimeException e) {
          return new Status(false, "outbox table unavailable: " + e.getMessage());
        }
      }
      try {
        List<OutboxEntry> pending = outbox.pending();
        long parked = pending.stream().filter(OutboxEntry::parked).count();
        return new Status(parked == 0, pending.size() + " pending, " + parked + " parked"
            + (kcidbClient == null ? " (no KCIDB_URL: documents wait)" : ""));
      } catch (RuntimeException e) {
        return new Status(false, "outbox unavailable: " + e.getMessage());
      }
    }));
    if (kcidbClient != null) {
      checks.add(new Check("kcidb", false, () -> kcidb));
      scheduler.scheduleWithFixedDelay(() -> {
        boolean up = kcidbClient.healthy();
        kcidb = new Status(up, kcidbClient.baseUrl() + (up ? " answers" : " does not answer")
            + " (checked " + Instant.now() + ")");
      }, 0, 30, TimeUnit.SECONDS);
    }
  }

  /** Adds a check of a dependency wired after construction (a broker, a database). */
  void add(Check check) {
    checks.add(check);
  }

  private static Status writable(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".healthz-", ".tmp");
      Files.delete(probe);
      return new Status(true, dir + " is writable");
    } catch (IOException e) {
      return new Status(false, dir + " is not writable: " + FileJobQueue.describe(e));
    }
  }

  Response respond(boolean draining) {
    boolean ready = !draining;
    Map<String, Object> results = new LinkedHashMap<>();
    for (Check check : checks) {
      Status status;
      try {
        status = check.probe().get();
      } catch (RuntimeException e) {
        status = new Status(false, "check failed: " + e);
      }
      if (check.critical() && !status.ok()) {
        ready = false;
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("ok", status.ok());
      c.put("critical", check.critical());
      c.put("detail", status.detail());
      results.put(check.name(), c);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", draining ? "draining" : ready ? "ready" : "not_ready");
    body.put("live", true);
    body.put("ready", ready);
    body.put("checks", results);
    return Response.json(ready ? 200 : 503, body);
  }
}
