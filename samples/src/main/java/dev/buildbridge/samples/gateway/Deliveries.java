package dev.buildbridge.samples.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSink;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.ValidationResult;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.kcidb.tuxsuite.MappingResult;
import dev.buildbridge.kcidb.tuxsuite.SkippedResult;
import dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper;
import dev.buildbridge.samples.gateway.HttpFront.Request;
import dev.buildbridge.samples.gateway.HttpFront.Response;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.DeliveryDedupStore;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallback;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbound side: forge webhooks become jobs handed to the sink (the answer waits for the sink),
 * TuxSuite callbacks become KCIDB documents in the outbox (the answer waits for the outbox).
 */
final class Deliveries {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  private final WebhookHandler handler;
  private final DeliveryDedupStore dedup;
  private final JobSink sink;
  private final RecentJobs recent;
  private final Reporter reporter;
  private final TuxSuiteKcidbMapper mapper;
  private final KcidbValidator validator;
  private final KcidbOutbox outbox;
  private final Metrics.Counter deliveries;
  private final Metrics.Counter verifyFailures;
  private final Metrics.Counter jobsPublished;
  private final Metrics.Counter sinkFailures;
  private final Metrics.Counter kcidbQueued;

  Deliveries(WebhookHandler handler, DeliveryDedupStore dedup, JobSink sink, RecentJobs recent,
      Reporter reporter, TuxSuiteKcidbMapper mapper, KcidbOutbox outbox, Metrics metrics) {
    this.handler = handler;
    this.dedup = dedup;
    this.sink = sink;
    this.recent = recent;
    this.reporter = reporter;
    this.mapper = mapper;
    this.validator = KcidbValidator.strict();
    this.outbox = outbox;
    this.deliveries = metrics.counter("buildbridge_deliveries_total",
        "webhook deliveries and callbacks answered, by provider and HTTP status", "provider",
        "status");
    this.verifyFailures = metrics.counter("buildbridge_verify_failures_total",
        "deliveries refused for a missing or wrong signature or token", "provider");
    this.jobsPublished = metrics.counter("buildbridge_jobs_published_total",
        "jobrequest.v1 messages the job sink took durably");
    this.sinkFailures = metrics.counter("buildbridge_job_sink_failures_total",
        "deliveries answered 503 because the job sink did not take their jobs");
    this.kcidbQueued = metrics.counter("buildbridge_kcidb_documents_queued_total",
        "KCIDB documents (or parts) written to the outbox");
  }

  /** {@code POST /webhooks/{github,gitea,gitlab}}. */
  Response forge(Provider provider, Request request) {
    Provider p = provider;
    if (p == Provider.GITEA && request.header("X-Forgejo-Event") != null) {
      p = Provider.FORGEJO;
    }
    Decision decision = handler.handle(p, Delivery.of(request.headers(), request.body()));
    if (decision.outcome() == Outcome.UNAUTHORIZED) {
      verifyFailures.inc(p.wireName());
    }
    Response response;
    if (decision.outcome() == Outcome.ACCEPTED) {
      response = hand(decision);
    } else {
      response = Response.json(decision.status(), json(decision, decision.status(),
          decision.reason()));
    }
    deliveries.inc(p.wireName(), Integer.toString(response.status()));
    return response;
  }

  /** Hands an accepted delivery's jobs to the sink; answers only once the sink took them. */
  private Response hand(Decision decision) {
    List<JobRequest> jobs = decision.jobs();
    try {
      sink.accept(jobs);
    } catch (RuntimeException e) {
      if (decision.deliveryId() != null) {
        // so that the forge's redelivery of this delivery is taken, not refused as a duplicate
        dedup.forget(decision.provider().wireName() + ":" + decision.deliveryId());
      }
      sinkFailures.inc();
      String code = e instanceof BuildBridgeException ? ((BuildBridgeException) e).code()
          : e instanceof IllegalStateException ? "SINK_CLOSED" : "SINK_FAILED";
      String what = "the job sink refused " + jobs.size() + " jobs of "
          + decision.provider().wireName() + " delivery " + decision.deliveryId() + ": " + code
          + ": " + e.getMessage();
      if (e instanceof BuildBridgeException) {
        LOG.log(Level.WARNING, what);
      } else {
        LOG.log(Level.ERROR, what, e); // not a failure the sink documents: a bug to look at
      }
      Map<String, Object> body = json(decision, 503, "the job queue did not take the jobs ("
          + code + "); redeliver later");
      body.put("jobs", List.of());
      return Response.json(503, body).withHeader("Retry-After", "30");
    }
    jobsPublished.add(jobs.size());
    List<RecentJobs.Job> taken = recent.accepted(jobs, decision.provider().wireName(),
        decision.deliveryId());
    reporter.jobsAccepted(taken);
    return Response.json(decision.status(), json(decision, decision.status(),
        decision.reason()));
  }

  private static Map<String, Object> json(Decision d, int status, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("provider", d.provider() == null ? null : d.provider().wireName());
    out.put("event", d.eventName());
    out.put("action", d.action());
    out.put("delivery", d.deliveryId());
    out.put("reason", reason);
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (JobRequest job : d.jobs()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("request_id", job.requestId().toString());
      j.put("workflow_job_id", job.workflowJobId());
      j.put("runs_on", job.runsOn());
      jobs.add(j);
    }
    out.put("jobs", jobs);
    return out;
  }

  /** {@code POST /callbacks/tuxsuite}. */
  Response tuxsuite(Request request) {
    Response response = tuxsuiteCallback(request);
    deliveries.inc(Provider.TUXSUITE.wireName(), Integer.toString(response.status()));
    return response;
  }

  private Response tuxsuiteCallback(Request request) {
    Decision decision = handler.handle(Provider.TUXSUITE,
        Delivery.of(request.headers(), request.body()));
    if (decision.outcome() != Outcome.CALLBACK) {
      if (decision.outcome() == Outcome.UNAUTHORIZED) {
        verifyFailures.inc(Provider.TUXSUITE.wireName());
        if (decision.reason().startsWith("KEY_UNAVAILABLE")) {
          // our side cannot get the key now: TuxSuite should send it again later
          return Response.json(503, callbackJson(503, null, decision.reason()))
              .withHeader("Retry-After", "60");
        }
      }
      return Response.json(decision.status(), callbackJson(decision.status(), null,
          decision.reason()));
    }
    TuxSuiteCallback callback = (TuxSuiteCallback) decision.event();
    String kind = callback.eventName();
    MappingResult mapped;
    try {
      mapped = mapper.map(callback);
    } catch (KcidbException e) {
      return Response.json(422, callbackJson(422, kind, e.code() + ": " + e.getMessage()));
    }
    List<String> skipped = new ArrayList<>();
    for (SkippedResult s : mapped.skipped()) {
      skipped.add(s.toString());
    }
    KcidbDocument document = mapped.document();
    if (document.isEmpty()) {
      Map<String, Object> body = callbackJson(200, kind, "nothing to submit to KCIDB");
      body.put("skipped", skipped);
      return Response.json(200, body);
    }
    ObjectNode json = document.toJsonNode();
    ValidationResult validation = validator.validate(json);
    if (!validation.valid()) {
      LOG.log(Level.ERROR, "a TuxSuite " + kind + " callback mapped to an invalid KCIDB document: "
          + validation.summary(5));
      return Response.json(422, callbackJson(422, kind, "INVALID_DOCUMENT: the KCIDB document"
          + " made from the callback is invalid: " + validation.summary(5)));
    }
    List<EntryId> entries;
    try {
      entries = outbox.submit(json);
    } catch (KcidbException e) {
      LOG.log(Level.WARNING, "the KCIDB outbox refused a document: " + e.getMessage());
      return Response.json(503, callbackJson(503, kind, e.code() + ": the KCIDB outbox did not"
          + " take the document; send it again later")).withHeader("Retry-After", "30");
    }
    kcidbQueued.add(entries.size());
    Map<String, Object> body = callbackJson(200, kind, "KCIDB document validated and queued");
    body.put("checkouts", document.checkouts().size());
    body.put("builds", document.builds().size());
    body.put("tests", document.tests().size());
    List<String> ids = new ArrayList<>();
    entries.forEach(id -> ids.add(id.value()));
    body.put("outbox_entries", ids);
    body.put("skipped", skipped);
    return Response.json(200, body);
  }

  private static Map<String, Object> callbackJson(int status, String kind, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("provider", Provider.TUXSUITE.wireName());
    out.put("kind", kind);
    out.put("reason", reason);
    return out;
  }
}
