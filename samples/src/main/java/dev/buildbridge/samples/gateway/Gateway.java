package dev.buildbridge.samples.gateway;

import dev.buildbridge.amqp.AmqpJobPublisher;
import dev.buildbridge.amqp.AmqpJobResultConsumer;
import dev.buildbridge.amqp.AmqpTopology;
import dev.buildbridge.api.github.GitHubClient;
import dev.buildbridge.api.tuxsuite.TuxSuiteClient;
import dev.buildbridge.core.job.JobSink;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.jdbc.JdbcOutboxStore;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.submit.FileOutboxStore;
import dev.buildbridge.kcidb.submit.KcidbClient;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.kcidb.submit.OutboxStore;
import dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper;
import dev.buildbridge.samples.gateway.GatewayConfig.WorkflowMode;
import dev.buildbridge.samples.gateway.GatewayException.Reason;
import dev.buildbridge.samples.gateway.HttpFront.Request;
import dev.buildbridge.samples.gateway.HttpFront.Response;
import dev.buildbridge.samples.gateway.HttpFront.Route;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.webhooks.DeliveryDedupStore;
import dev.buildbridge.webhooks.InMemoryDedupStore;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.RunsOnResolver;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.webhooks.WorkflowExpander;
import dev.buildbridge.workflow.WebhookWorkflowExpander;
import dev.buildbridge.workflow.WorkflowFanOut;
import dev.buildbridge.workflow.WorkflowSource;
import dev.buildbridge.workflow.git.RemoteGitSource;
import dev.buildbridge.workflow.github.GitHubWorkflowSource;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The BuildBridge gateway: every SDK module wired into one HTTP service. Forge webhooks become
 * {@code jobrequest.v1} jobs (expanded by the repository's {@code .solstice/workflow.kdl}) handed
 * to a durable job sink before the forge gets its answer; TuxSuite callbacks become validated KCIDB
 * documents in a durable outbox, sent when a KCIDB URL is configured; job results coming back are
 * shown on GitHub and forwarded as signed callbacks.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.newBuilder()
 *     .environment(System.getenv())
 *     .build();
 * try (Gateway gateway = Gateway.start(config)) {
 *     System.err.println("listening on " + gateway.baseUri());
 *     gateway.awaitClose();                       // until another thread calls close()
 * }
 * }</pre>
 *
 * <p>Endpoints:
 * <ul>
 *   <li>{@code POST /webhooks/github}, {@code /webhooks/gitea} (Gitea and Forgejo),
 *       {@code /webhooks/gitlab}: the sdk-webhooks decision; an accepted delivery's jobs are
 *       handed to the sink and the answer (202) is sent only after the sink took them; when it
 *       did not, the answer is 503 and the delivery id is forgotten so that the forge's
 *       redelivery is taken;
 *   <li>{@code POST /callbacks/tuxsuite}: verified with the configured key, mapped to KCIDB,
 *       validated, written to the outbox, then answered 200;
 *   <li>{@code POST /results}: a {@code jobresult.v1} from a runner ({@code Authorization: Bearer}
 *       the runner token), 202 once recorded; with a broker, results are also consumed from it;
 *   <li>{@code POST /jobs/next?runs_on=LABEL}: a runner takes the oldest pending job of the
 *       embedded queue (200), or there is none (204);
 *   <li>{@code GET /jobs} (recent jobs and results, the queue; with the runner token),
 *       {@code GET /healthz} (liveness and readiness per dependency: 200 ready, 503 not),
 *       {@code GET /metrics} (Prometheus text).
 * </ul>
 *
 * <p><b>Embedded or scaled out.</b> Without {@code amqpUrl} and {@code jdbcUrl}, jobs go to a
 * {@link FileJobQueue} and the KCIDB outbox to files under the data directory, delivery dedup stays
 * in memory; one process, nothing else to install. {@link #close()} drains: new requests are
 * answered 503, requests in flight finish, queued reports and callbacks get the drain timeout,
 * the outbox's send in flight finishes, then the sinks close.
 */
public final class Gateway implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  static final String USER_AGENT = "buildbridge-gateway/0.1";
  /** How many jobs {@code GET /jobs} remembers in memory. */
  static final int RECENT_JOBS = 500;
  /** How often an outbox in a shared table looks for entries other instances appended. */
  static final Duration SHARED_OUTBOX_POLL = Duration.ofSeconds(2);

  private final GatewayConfig config;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private Metrics metrics;
  private HttpFront http;
  private FileJobQueue queue;
  private KcidbOutbox outbox;
  private Reporter reporter;
  private Health health;
  private Runners runners;
  private ScheduledThreadPoolExecutor scheduler;
  private AmqpJobResultConsumer consumer;
  private boolean closing;

  private Gateway(GatewayConfig config) {
    this.config = config;
  }

  /**
   * Builds every part from the configuration and starts listening.
   *
   * @param config the configuration
   * @return the running gateway; close it to stop
   * @throws NullPointerException when {@code config} is null
   * @throws GatewayException {@code START_FAILED} when a part cannot be opened (the data
   *     directory, the port, the GitHub App key, a broker); whatever was opened is closed again
   */
  public static Gateway start(GatewayConfig config) {
    Gateway gateway = new Gateway(java.util.Objects.requireNonNull(config, "config"));
    try {
      gateway.open();
    } catch (RuntimeException | Error e) {
      gateway.closeResources();
      if (e instanceof GatewayException) {
        throw e;
      }
      throw new GatewayException(Reason.START_FAILED, "the gateway did not start: " + e, e);
    }
    return gateway;
  }

  private void open() {
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot create the data directory "
          + dataDir + ": " + FileJobQueue.describe(e), e);
    }
    metrics = new Metrics();
    scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "gateway-scheduler");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    resources.push(scheduler::shutdownNow);

    // ---- where jobs, delivery ids and KCIDB documents go: files and memory, or a broker and a
    // database that several instances share
    List<Health.Check> checks = new ArrayList<>();
    JobSink sink;
    AmqpTopology topology = null;
    if (config.amqpUrl() != null) {
      topology = ScaleOut.topology(config.amqpPrefix());
      AmqpJobPublisher publisher = ScaleOut.publisher(config, topology);
      resources.push(publisher);
      sink = publisher;
    } else {
      queue = FileJobQueue.open(dataDir.resolve("jobs"));
      resources.push(queue);
      sink = queue;
    }
    DeliveryDedupStore dedup;
    OutboxStore outboxStore;
    JdbcOutboxStore sharedOutbox = null;
    if (config.jdbcUrl() != null) {
      ScaleOut.Database db = ScaleOut.database(config);
      dedup = db.dedup();
      sharedOutbox = db.outbox();
      outboxStore = sharedOutbox;
      checks.add(new Health.Check("database", true, db::probe));
    } else {
      dedup = InMemoryDedupStore.ofDefaults();
      outboxStore = openOutboxStore(dataDir.resolve("kcidb-outbox"));
    }
    resources.push(outboxStore); // the outbox closes it too; closing is idempotent

    // ---- KCIDB
    Metrics.Histogram submitLatency = metrics.histogram("buildbridge_kcidb_submit_seconds",
        "time of each KCIDB submission (POST /submit), seconds",
        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    Metrics.Counter submits = metrics.counter("buildbridge_kcidb_submits_total",
        "KCIDB submissions by answer class", "outcome");
    HttpClient kcidbHttp = new TimedHttpClient(HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10)).build(), submitLatency, submits);
    KcidbClient.Builder kcidbBuilder = KcidbClient.newBuilder()
        .baseUrl(config.kcidbUrl() != null ? config.kcidbUrl() : KcidbClient.PRODUCTION)
        .transport(t -> t.httpClient(kcidbHttp).userAgent(USER_AGENT));
    if (config.kcidbToken() != null) {
      kcidbBuilder.token(config.kcidbToken());
    }
    KcidbClient kcidb = kcidbBuilder.build();
    KcidbOutbox.Builder outboxBuilder = KcidbOutbox.newBuilder().store(outboxStore).client(kcidb)
        .shutdownTimeout(config.drainTimeout());
    if (sharedOutbox != null) {
      // the sender also sends what other instances appended, and takes over when the instance
      // holding the table's drain lock dies
      outboxBuilder.pollInterval(SHARED_OUTBOX_POLL);
    }
    outbox = outboxBuilder.build();
    resources.push(outbox);
    JdbcOutboxStore shared = sharedOutbox;
    metrics.gauge("buildbridge_kcidb_outbox_pending",
        "KCIDB documents in the outbox waiting to be sent (parked ones included)",
        () -> shared != null ? shared.countPending() : outbox.pending().size());
    if (config.kcidbUrl() != null) {
      outbox.start();
    }

    // ---- GitHub App, workflow source, webhook handler
    GitHubClient app = githubApp();
    WebhookHandler.Builder handler = WebhookHandler.newBuilder()
        .maxBodyBytes(config.maxBodyBytes())
        .dedupStore(dedup);
    if (config.githubWebhookSecret() != null) {
      handler.githubSecret(config.githubWebhookSecret());
    }
    if (config.giteaWebhookSecret() != null) {
      handler.giteaSecret(config.giteaWebhookSecret());
    }
    if (config.gitlabToken() != null) {
      handler.gitlabToken(config.gitlabToken());
    }
    TuxSuiteCallbackVerifier tux = tuxsuiteVerifier();
    if (tux != null) {
      handler.tuxsuite(tux);
    }
    if (config.allowUnsigned()) {
      handler.allowUnsignedDeliveries();
    }
    if (config.runsOnDefault() != null || !config.runsOnMap().isEmpty()) {
      handler.runsOn(RunsOnResolver.of(config.runsOnMap(), config.runsOnDefault()));
    }
    WorkflowExpander expander = workflowExpander(dataDir, app);
    if (expander != null) {
      handler.workflowExpander(expander);
    }

    // ---- reporting
    Metrics.Counter reports = metrics.counter("buildbridge_reports_total",
        "reports of jobs and results, by target (github, callback) and outcome", "target",
        "outcome");
    GitHubReporter github = app == null ? null
        : new GitHubReporter(app, config.githubReport(), config.githubApiUrl());
    CallbackForwarder forwarder = null;
    if (config.callbackUrl() != null) {
      forwarder = new CallbackForwarder(config.callbackUrl(), config.callbackSecret(),
          config.callbackHeaders(), config.callbackAttempts(), Duration.ofSeconds(1),
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), scheduler,
          reports);
    }
    reporter = new Reporter(github, forwarder, reports);
    resources.push(reporter);
    metrics.gauge("buildbridge_reports_pending", "GitHub reports and callbacks not finished yet",
        () -> reporter.pending());

    RecentJobs recent = new RecentJobs(RECENT_JOBS, Clock.systemUTC());
    TuxSuiteKcidbMapper mapper = TuxSuiteKcidbMapper.newBuilder(config.kcidbOrigin()).build();
    Deliveries deliveries = new Deliveries(handler.build(), dedup, sink, recent, reporter, mapper,
        outbox, metrics);
    runners = new Runners(queue, topology, recent, reporter, config.runnerToken(),
        config.allowUnsigned(), config.leaseTimeout(), metrics);
    if (queue != null) {
      metrics.gauge("buildbridge_job_queue_pending", "jobs in the embedded queue waiting for a"
          + " runner", () -> queue.count(FileJobQueue.State.PENDING));
      metrics.gauge("buildbridge_job_queue_leased", "jobs of the embedded queue a runner has",
          () -> queue.count(FileJobQueue.State.LEASED));
      scheduler.scheduleWithFixedDelay(this::requeueExpired, 1, 1, TimeUnit.MINUTES);
    }
    health = new Health(dataDir, queue, outbox, sharedOutbox,
        config.kcidbUrl() != null ? kcidb : null, scheduler);
    checks.forEach(health::add);
    if (topology != null) {
      consumer = ScaleOut.consumer(config, topology, result -> runners.record(result, "amqp"));
      resources.push(consumer::close);
      AmqpJobResultConsumer c = consumer;
      health.add(new Health.Check("amqp", true, () -> new Health.Status(c.isConnected(),
          (c.isConnected() ? "consuming " : "reconnecting to ") + GatewayConfig.redactUri(
              config.amqpUrl()) + " queue " + c.topology().resultsQueue())));
    }

    // ---- HTTP
    List<String> post = List.of("POST");
    List<String> get = List.of("GET", "HEAD");
    List<Route> routes = List.of(
        new Route("/webhooks/github", post, true, r -> deliveries.forge(Provider.GITHUB, r)),
        new Route("/webhooks/gitea", post, true, r -> deliveries.forge(Provider.GITEA, r)),
        new Route("/webhooks/gitlab", post, true, r -> deliveries.forge(Provider.GITLAB, r)),
        new Route("/callbacks/tuxsuite", post, true, deliveries::tuxsuite),
        new Route("/results", post, true, runners::postResult),
        new Route("/jobs/next", post, true, runners::nextJob),
        new Route("/jobs", get, false, runners::listJobs),
        new Route("/healthz", get, false, r -> health.respond(http.isDraining())),
        new Route("/metrics", get, false, this::scrape));
    try {
      http = new HttpFront(config.httpAddress(), config.workers(), config.queueCapacity(),
          config.maxBodyBytes(), routes, metrics);
    } catch (IOException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot listen on "
          + hostPort(config.httpAddress()) + ": " + e.getMessage(), e);
    }
    resources.push(http);
    http.start();
    LOG.log(Level.INFO, "listening on " + baseUri());
  }

  private static OutboxStore openOutboxStore(Path directory) {
    try {
      return FileOutboxStore.open(directory);
    } catch (KcidbException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot open the KCIDB outbox: "
          + e.getMessage(), e);
    }
  }

  private GitHubClient githubApp() {
    if (config.githubAppId() == null) {
      return null;
    }
    String pem;
    try {
      pem = Files.readString(config.githubAppKeyFile(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new GatewayException(Reason.START_FAILED, "cannot read the GitHub App key "
          + config.githubAppKeyFile() + ": " + FileJobQueue.describe(e), e);
    }
    GitHubAppJwtIssuer issuer;
    try {
      issuer = GitHubAppJwtIssuer.newBuilder().issuer(config.githubAppId()).privateKeyPem(pem)
          .build();
    } catch (RuntimeException e) {
      throw new GatewayException(Reason.START_FAILED, "the GitHub App key "
          + config.githubAppKeyFile() + " is not usable: " + e.getMessage(), e);
    }
    return GitHubClient.newBuilder().baseUrl(config.githubApiUrl()).app(issuer)
        .userAgent(USER_AGENT).build();
  }

  private TuxSuiteCallbackVerifier tuxsuiteVerifier() {
    if (config.tuxsuitePublicKey() != null) {
      return TuxSuiteCallbackVerifier.of(config.tuxsuitePublicKey());
    }
    if (config.tuxsuiteToken() != null) {
      TuxSuiteClient client = TuxSuiteClient.newBuilder().baseUrl(config.tuxsuiteUrl())
          .token(config.tuxsuiteToken()).group(config.tuxsuiteGroup())
          .project(config.tuxsuiteProject()).build();
      return TuxSuiteCallbackVerifier.newBuilder().keyProvider(client.callbackKeyProvider())
          .build();
    }
    return null;
  }

  /**
   * Where workflow files are read: GitHub's Contents API (as the App) for deliveries from GitHub,
   * a git mirror cache under the data directory for the others, or only one of them.
   */
  private WorkflowExpander workflowExpander(Path dataDir, GitHubClient app) {
    WorkflowMode mode = config.workflowMode();
    if (mode == WorkflowMode.NONE) {
      return null;
    }
    if (mode == WorkflowMode.GITHUB) {
      return expander(GitHubWorkflowSource.ofApp(app));
    }
    WorkflowExpander git = expander(RemoteGitSource.newBuilder(dataDir.resolve("git-cache"))
        .allowedSchemes(config.gitSchemes()).build());
    if (mode == WorkflowMode.GIT || app == null) {
      return git;
    }
    WorkflowExpander github = expander(GitHubWorkflowSource.ofApp(app));
    return (template, event) -> (template.source() == JobSource.GITHUB ? github : git)
        .expand(template, event);
  }

  private static WorkflowExpander expander(WorkflowSource source) {
    return WebhookWorkflowExpander.of(WorkflowFanOut.of(source));
  }

  private void requeueExpired() {
    try {
      int n = queue.requeueExpired(config.leaseTimeout());
      if (n > 0) {
        LOG.log(Level.INFO, n + " leased jobs had no result within " + config.leaseTimeout()
            + " and went back to the queue");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot put expired leases back: " + e.getMessage());
    }
  }

  private Response scrape(Request request) {
    return Response.text(200, Metrics.CONTENT_TYPE, metrics.scrape());
  }

  /**
   * Returns the configuration the gateway runs with.
   *
   * @return the configuration
   */
  public GatewayConfig config() {
    return config;
  }

  /**
   * Returns the address the HTTP server listens on, with the port it got.
   *
   * @return the bound address
   */
  public InetSocketAddress address() {
    return http.address();
  }

  /**
   * Returns the base URL of the endpoints.
   *
   * @return such as {@code http://127.0.0.1:8080}
   */
  public URI baseUri() {
    InetSocketAddress a = http.address();
    String host = config.httpAddress().getHostString();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + hostPort(InetSocketAddress.createUnresolved(host, a.getPort())));
  }

  /**
   * Returns the embedded job queue, when jobs go to one (no broker configured).
   *
   * @return the queue, or empty with a broker
   */
  public Optional<FileJobQueue> jobQueue() {
    return Optional.ofNullable(queue);
  }

  /**
   * Lists the KCIDB documents waiting in the outbox.
   *
   * @return the pending entries, oldest first
   * @throws IllegalStateException when the gateway is closed
   */
  public List<OutboxEntry> kcidbPending() {
    return outbox.pending();
  }

  /**
   * Waits until the gateway is closed (by {@link #close()} from another thread, or a shutdown
   * hook).
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /**
   * Stops gracefully: new requests are answered 503, requests in flight finish, queued GitHub
   * reports and callbacks get what is left of the drain timeout, the KCIDB sender finishes its
   * send in flight, then the listener, the outbox and the job sink close. Everything durable
   * (queued jobs, outbox documents) stays on disk for the next start. Idempotent; a second call
   * waits for the first.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      closing = true;
    }
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    try {
      if (http != null && !http.drain(left(deadline))) {
        LOG.log(Level.WARNING, http.inFlight() + " requests were still running after the drain"
            + " timeout");
      }
      if (consumer != null) {
        consumer.close(); // no new results; unacknowledged ones go back to the broker
      }
      if (reporter != null) {
        reporter.drain(left(deadline));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeResources();
      closed.countDown();
      LOG.log(Level.INFO, "stopped");
    }
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private void closeResources() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing " + resource + " failed: " + e.getMessage());
      }
    }
  }

  /**
   * Shows where the gateway listens; secrets never appear.
   *
   * @return such as {@code Gateway[http://127.0.0.1:8080]}
   */
  @Override
  public String toString() {
    return "Gateway[" + (http == null ? "not started" : baseUri().toString()) + "]";
  }

  /** Requests being handled now. */
  int inFlight() {
    return http.inFlight();
  }

  /** Requests waiting for a worker now. */
  int waitingForWorker() {
    return http.waiting();
  }

  static String hostPort(InetSocketAddress a) {
    String host = a.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
