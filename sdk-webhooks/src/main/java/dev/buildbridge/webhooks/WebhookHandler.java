package dev.buildbridge.webhooks;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.gitea.GiteaEvents;
import dev.buildbridge.webhooks.github.GitHubEvents;
import dev.buildbridge.webhooks.github.GitHubPingEvent;
import dev.buildbridge.webhooks.gitlab.GitLabEvents;
import dev.buildbridge.webhooks.internal.FormBody;
import dev.buildbridge.webhooks.internal.Glob;
import dev.buildbridge.webhooks.internal.WebhookJson;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallbacks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The framework-free entry point for forge webhooks and TuxSuite callbacks: give it the headers and
 * raw body of a request, get back a {@link Decision} with the HTTP status to answer, the typed event
 * and the {@code jobrequest.v1} jobs to enqueue. Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.newBuilder()
 *     .githubSecret(System.getenv("GITHUB_WEBHOOK_SECRET"))
 *     .branches(List.of("main", "release/*"))
 *     .runsOn(RunsOnResolver.of(Map.of(), "ubuntu-22.04"))
 *     .build();
 *
 * // inside a JDK HttpServer handler, a servlet or a Jenkins endpoint:
 * Decision decision = handler.handle(Delivery.of(exchange.getRequestHeaders(), body));
 * queue.addAll(decision.jobs());                       // before answering
 * exchange.sendResponseHeaders(decision.status(), -1);
 * }</pre>
 *
 * <p>Order of work: size limit (413), provider and event header (400), content type (415),
 * signature or token, checked over the raw bytes before any parsing (401), JSON parsing with the
 * hardened mapper (400), duplicate delivery id (200, no jobs), then mapping: a push to a branch or
 * tag and a pull request that is opened, synchronized or reopened yield jobs (202); everything else
 * that verified is acknowledged with 204, a GitHub {@code ping} with 200, a TuxSuite callback with
 * 200 and its typed event. A delivery id is remembered only once the delivery was accepted, so a
 * delivery refused for a fixable reason can be redelivered.
 *
 * <p>A secret (or token, or TuxSuite key) is required for every provider the handler accepts;
 * {@link Builder#allowUnsignedDeliveries()} turns that off explicitly, for local harnesses only.
 */
public final class WebhookHandler {
  /** Default body limit: GitHub's payload cap, 25 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 25L << 20;

  private final WebhookHmac github;
  private final WebhookHmac githubSha1;
  private final WebhookHmac gitea;
  private final byte[] gitlabToken;
  private final TuxSuiteCallbackVerifier tuxsuite;
  private final boolean allowUnsigned;
  private final long maxBodyBytes;
  private final DeliveryDedupStore dedup;
  private final List<Glob> branches;
  private final List<Glob> excludedBranches;
  private final List<Glob> tags;
  private final List<Glob> excludedTags;
  private final List<Glob> repositories;
  private final boolean draftPullRequests;
  private final RunsOnResolver runsOn;
  private final WorkflowExpander expander;
  private final Clock clock;

  private WebhookHandler(Builder b) {
    this.github = b.githubSecret == null ? null : WebhookHmac.of(HmacScheme.GITHUB_SHA256, b.githubSecret);
    this.githubSha1 = b.githubSecret == null ? null : WebhookHmac.of(HmacScheme.GITHUB_SHA1, b.githubSecret);
    this.gitea = b.giteaSecret == null ? null : WebhookHmac.of(HmacScheme.GITEA, b.giteaSecret);
    this.gitlabToken = b.gitlabToken;
    this.tuxsuite = b.tuxsuite;
    this.allowUnsigned = b.allowUnsigned;
    this.maxBodyBytes = b.maxBodyBytes;
    this.dedup = b.dedup != null ? b.dedup : InMemoryDedupStore.ofDefaults();
    this.branches = List.copyOf(b.branches);
    this.excludedBranches = List.copyOf(b.excludedBranches);
    this.tags = List.copyOf(b.tags);
    this.excludedTags = List.copyOf(b.excludedTags);
    this.repositories = List.copyOf(b.repositories);
    this.draftPullRequests = b.draftPullRequests;
    this.runsOn = b.runsOn;
    this.expander = b.expander;
    this.clock = b.clock;
  }

  /**
   * Starts a builder. Defaults: no secrets (set one per provider you accept), body limit 25 MiB,
   * an {@link InMemoryDedupStore#ofDefaults() in-memory dedup store}, every branch and tag, every
   * repository, draft pull requests not built, no {@code runs_on}, no workflow expansion.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Decides about one delivery, telling the provider from its headers: {@code X-Forgejo-Event},
   * {@code X-Gitea-Event}, {@code X-Gitlab-Event}, {@code X-GitHub-Event}, then
   * {@code x-tux-payload-signature}, in that order (Gitea and Forgejo also send GitHub's headers).
   *
   * @param delivery the request
   * @return the decision; never throws for anything in the request
   */
  public Decision handle(Delivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    Provider provider = detect(delivery);
    if (provider == null) {
      return refuse(Outcome.MALFORMED, null, delivery, null,
          "no event header: expected X-GitHub-Event, X-Gitea-Event, X-Forgejo-Event,"
              + " X-Gitlab-Event or x-tux-payload-signature");
    }
    return handle(provider, delivery);
  }

  /**
   * Decides about one delivery from a known provider, as on an endpoint per provider
   * ({@code /webhooks/github}, {@code /callbacks/tuxsuite}).
   *
   * @param provider who the endpoint is for
   * @param delivery the request
   * @return the decision; never throws for anything in the request
   */
  public Decision handle(Provider provider, Delivery delivery) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(delivery, "delivery");
    String eventName = provider == Provider.TUXSUITE ? null : delivery.header(eventHeader(provider));
    if (delivery.bodyLength() > maxBodyBytes) {
      return refuse(Outcome.TOO_LARGE, provider, delivery, eventName,
          "body is " + delivery.bodyLength() + " bytes, over the limit of " + maxBodyBytes);
    }
    try {
      if (provider == Provider.TUXSUITE) {
        return tuxsuite(delivery);
      }
      if (eventName == null || eventName.isBlank()) {
        return refuse(Outcome.MALFORMED, provider, delivery, null,
            "missing " + eventHeader(provider) + " header");
      }
      eventName = eventName.strip();
      byte[] json = verifiedJson(provider, delivery);
      WebhookEvent event = parse(provider, eventName, json);
      return decide(provider, delivery, event);
    } catch (SignatureVerificationException e) {
      return refuse(Outcome.UNAUTHORIZED, provider, delivery, eventName,
          e.code() + ": " + e.getMessage());
    } catch (WebhookParseException e) {
      Outcome outcome = e.reason() == Reason.UNSUPPORTED_CONTENT_TYPE
          ? Outcome.UNSUPPORTED_MEDIA_TYPE : Outcome.MALFORMED;
      return refuse(outcome, provider, delivery, eventName, e.code() + ": " + e.getMessage());
    }
  }

  private static Provider detect(Delivery delivery) {
    if (delivery.header("X-Forgejo-Event") != null) {
      return Provider.FORGEJO;
    }
    if (delivery.header("X-Gitea-Event") != null) {
      return Provider.GITEA;
    }
    if (delivery.header("X-Gitlab-Event") != null) {
      return Provider.GITLAB;
    }
    if (delivery.header("X-GitHub-Event") != null) {
      return Provider.GITHUB;
    }
    if (delivery.header(TuxSuiteCallbackVerifier.SIGNATURE_HEADER) != null) {
      return Provider.TUXSUITE;
    }
    return null;
  }

  private static String eventHeader(Provider provider) {
    switch (provider) {
      case GITHUB:
        return "X-GitHub-Event";
      case GITEA:
        return "X-Gitea-Event";
      case FORGEJO:
        return "X-Forgejo-Event";
      case GITLAB:
        return "X-Gitlab-Event";
      default:
        return TuxSuiteCallbackVerifier.SIGNATURE_HEADER;
    }
  }

  private static String deliveryId(Provider provider, Delivery delivery) {
    switch (provider) {
      case GITHUB:
        return delivery.header("X-GitHub-Delivery");
      case GITEA:
        return delivery.header("X-Gitea-Delivery");
      case FORGEJO:
        String forgejo = delivery.header("X-Forgejo-Delivery");
        return forgejo != null ? forgejo : delivery.header("X-Gitea-Delivery");
      case GITLAB:
        String uuid = delivery.header("X-Gitlab-Event-UUID");
        return uuid != null ? uuid : delivery.header("Idempotency-Key");
      default:
        return null;
    }
  }

  /** Checks the signature or token and returns the JSON document bytes (unwrapping forms). */
  private byte[] verifiedJson(Provider provider, Delivery delivery) {
    byte[] body = delivery.rawBody();
    boolean form = isForm(delivery.header("Content-Type"));
    switch (provider) {
      case GITHUB:
        if (github != null) {
          // GitHub signs the raw request bytes, form-encoded or not
          String sha256 = delivery.header(HmacScheme.GITHUB_SHA256.headerName());
          String sha1 = delivery.header(HmacScheme.GITHUB_SHA1.headerName());
          if (sha256 == null && sha1 != null) {
            githubSha1.verify(sha1, body);
          } else {
            github.verify(sha256, body);
          }
        } else {
          requireUnsignedAllowed(provider);
        }
        return form ? FormBody.payload(body) : body;
      case GITEA:
      case FORGEJO:
        // Gitea and Forgejo sign the JSON document, also when they send it as a form field
        byte[] json = form ? FormBody.payload(body) : body;
        if (gitea != null) {
          String signature = delivery.header(HmacScheme.FORGEJO.headerName());
          gitea.verify(signature != null ? signature : delivery.header(HmacScheme.GITEA.headerName()),
              json);
        } else {
          requireUnsignedAllowed(provider);
        }
        return json;
      case GITLAB:
        if (gitlabToken != null) {
          checkGitLabToken(delivery.header("X-Gitlab-Token"));
        } else {
          requireUnsignedAllowed(provider);
        }
        return form ? FormBody.payload(body) : body;
      default:
        throw new IllegalStateException("not a forge: " + provider);
    }
  }

  /** JSON or form; anything else is refused before the signature is checked. */
  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false; // forges always send one; a bare body is taken as JSON
    }
    String type = contentType;
    int semicolon = type.indexOf(';');
    if (semicolon >= 0) {
      type = type.substring(0, semicolon);
    }
    type = type.strip().toLowerCase(Locale.ROOT);
    if (type.equals("application/json") || type.endsWith("+json") || type.isEmpty()) {
      return false;
    }
    if (type.equals("application/x-www-form-urlencoded")) {
      return true;
    }
    throw new WebhookParseException(Reason.UNSUPPORTED_CONTENT_TYPE,
        "Content-Type " + printable(type) + " is not supported; expected application/json or"
            + " application/x-www-form-urlencoded");
  }

  private void checkGitLabToken(String token) {
    if (token == null) {
      throw new SignatureVerificationException(SignatureVerificationException.Reason.MISSING_HEADER,
          "X-Gitlab-Token", "missing X-Gitlab-Token header");
    }
    if (token.isEmpty()) {
      throw new SignatureVerificationException(SignatureVerificationException.Reason.EMPTY_HEADER,
          "X-Gitlab-Token", "X-Gitlab-Token header is empty");
    }
    if (!MessageDigest.isEqual(gitlabToken, token.getBytes(StandardCharsets.UTF_8))) {
      throw new SignatureVerificationException(
          SignatureVerificationException.Reason.SIGNATURE_MISMATCH, "X-Gitlab-Token",
          "X-Gitlab-Token does not match the configured token");
    }
  }

  private void requireUnsignedAllowed(Provider provider) {
    if (!allowUnsigned) {
      throw new SignatureVerificationException(SignatureVerificationException.Reason.MISSING_HEADER,
          null, "no secret is configured for " + provider.wireName()
              + " deliveries, and unsigned deliveries are not allowed");
    }
  }

  private static WebhookEvent parse(Provider provider, String eventName, byte[] json) {
    switch (provider) {
      case GITHUB:
        return GitHubEvents.parse(eventName, json); // reads only what the event needs
      case GITEA:
      case FORGEJO:
        return GiteaEvents.parse(provider, eventName, WebhookJson.read(json));
      case GITLAB:
        return GitLabEvents.parse(eventName, WebhookJson.read(json));
      default:
        throw new IllegalStateException("not a forge: " + provider);
    }
  }

  private Decision tuxsuite(Delivery delivery) {
    byte[] payload;
    if (tuxsuite != null) {
      payload = tuxsuite.verify(delivery.headers(), delivery.rawBody()).payload();
    } else {
      requireUnsignedAllowed(Provider.TUXSUITE);
      payload = delivery.rawBody();
    }
    WebhookEvent event = TuxSuiteCallbacks.parse(payload);
    return new Decision(Outcome.CALLBACK, Provider.TUXSUITE, event.eventName(), null, null,
        "verified TuxSuite " + event.eventName() + " callback", event, List.of());
  }

  private Decision decide(Provider provider, Delivery delivery, WebhookEvent event) {
    String id = deliveryId(provider, delivery);
    String action = event.action().orElse(null);
    if (event instanceof GitHubPingEvent) {
      return decision(Outcome.PING, provider, event, id, "pong", List.of());
    }
    JobRequest template = null;
    String ignored;
    if (event instanceof PushEvent push) {
      ignored = ignoredPush(push);
      if (ignored == null) {
        template = job(provider, push.repository(), cloneUrl(push.repository()), push.after());
      }
    } else if (event instanceof PullRequestEvent pr) {
      ignored = ignoredPullRequest(pr);
      if (ignored == null) {
        template = job(provider, pr.repository(), pullRequestCloneUrl(pr), pr.headSha());
      }
    } else {
      ignored = "event " + event.eventName() + " does not start jobs";
    }
    if (template == null) {
      return decision(Outcome.IGNORED, provider, event, id, ignored, List.of());
    }
    String dedupKey = id == null ? null : provider.wireName() + ':' + id;
    if (dedupKey != null && !dedup.firstSeen(dedupKey)) {
      return decision(Outcome.DUPLICATE, provider, event, id,
          "delivery " + id + " was seen before; no new jobs", List.of());
    }
    List<JobRequest> jobs;
    try {
      jobs = expander == null ? List.of(template) : expand(template, event);
    } catch (WorkflowExpansionException e) {
      forget(dedupKey);
      Outcome outcome = e.reason() == WorkflowExpansionException.Reason.INVALID_WORKFLOW
          ? Outcome.INVALID_WORKFLOW : Outcome.WORKFLOW_UNAVAILABLE;
      return decision(outcome, provider, event, id, e.getMessage(), List.of());
    } catch (RuntimeException | Error e) {
      forget(dedupKey);
      throw e;
    }
    if (jobs.isEmpty()) {
      return decision(Outcome.IGNORED, provider, event, id, "the workflow has no job to run",
          List.of());
    }
    return decision(Outcome.ACCEPTED, provider, event, id,
        jobs.size() + (jobs.size() == 1 ? " job" : " jobs") + " for " + template.commitSha(), jobs);
  }

  private void forget(String dedupKey) {
    if (dedupKey != null) {
      dedup.forget(dedupKey);
    }
  }

  private List<JobRequest> expand(JobRequest template, WebhookEvent event) {
    List<JobRequest> expanded = expander.expand(template, event);
    return expanded == null ? List.of() : List.copyOf(expanded);
  }

  private String ignoredPush(PushEvent push) {
    if (push.deleted()) {
      return "ref " + push.ref() + " was deleted";
    }
    if (push.after() == null || push.after().isBlank()) {
      return "push has no after commit";
    }
    if (cloneUrl(push.repository()) == null) {
      return "push names no clone URL for its repository";
    }
    String repoIgnored = ignoredRepository(push.repository());
    if (repoIgnored != null) {
      return repoIgnored;
    }
    if (push.branch().isPresent()) {
      return filtered("branch", push.branch().get(), branches, excludedBranches);
    }
    if (push.tag().isPresent()) {
      return filtered("tag", push.tag().get(), tags, excludedTags);
    }
    return "ref " + push.ref() + " is neither a branch nor a tag";
  }

  private String ignoredPullRequest(PullRequestEvent pr) {
    if (!pr.updatesCode()) {
      return "pull request action " + pr.action().orElse("(none)") + " does not change code";
    }
    if (pr.draft() && !draftPullRequests) {
      return "pull request #" + pr.number() + " is a draft";
    }
    if (pr.headSha() == null || pr.headSha().isBlank()) {
      return "pull request has no head commit";
    }
    if (pullRequestCloneUrl(pr) == null) {
      return "pull request names no clone URL for its head or base repository";
    }
    String repoIgnored = ignoredRepository(pr.repository());
    if (repoIgnored != null) {
      return repoIgnored;
    }
    return pr.baseRef() == null ? null
        : filtered("target branch", pr.baseRef(), branches, excludedBranches);
  }

  /** The clone URL, else the SSH URL, of a repository; null when neither is given (or blank). */
  private static String cloneUrl(RepositoryInfo repository) {
    if (repository.cloneUrl() != null && !repository.cloneUrl().isBlank()) {
      return repository.cloneUrl();
    }
    String ssh = repository.sshUrl();
    return ssh != null && !ssh.isBlank() ? ssh : null;
  }

  /** The head repository's clone URL, else the base repository's, else null. */
  private static String pullRequestCloneUrl(PullRequestEvent pr) {
    String head = cloneUrl(pr.headRepository());
    return head != null ? head : cloneUrl(pr.repository());
  }

  private String ignoredRepository(RepositoryInfo repository) {
    if (repositories.isEmpty()) {
      return null;
    }
    String name = repository.fullNameOrParts();
    if (name != null) {
      for (Glob glob : repositories) {
        if (glob.matches(name)) {
          return null;
        }
      }
    }
    return "repository " + name + " is not in the allow-list";
  }

  private static String filtered(String what, String name, List<Glob> allow, List<Glob> deny) {
    for (Glob glob : deny) {
      if (glob.matches(name)) {
        return what + " " + name + " is excluded by " + glob;
      }
    }
    if (allow.isEmpty()) {
      return null;
    }
    for (Glob glob : allow) {
      if (glob.matches(name)) {
        return null;
      }
    }
    return what + " " + name + " matches no allowed pattern";
  }

  private JobRequest job(Provider provider, RepositoryInfo repository, String repoUrl, String sha) {
    return JobRequest.newBuilder()
        .groupId(UUID.randomUUID())
        .source(provider.jobSource())
        .repoUrl(repoUrl)
        .repoOwner(repository.owner())
        .repoName(repository.name())
        .commitSha(sha)
        .runsOn(runsOn == null ? null : runsOn.runsOn(repository))
        .submittedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  private static Decision decision(Outcome outcome, Provider provider, WebhookEvent event,
      String id, String reason, List<JobRequest> jobs) {
    return new Decision(outcome, provider, event.eventName(), event.action().orElse(null), id,
        reason, event, jobs);
  }

  private static Decision refuse(Outcome outcome, Provider provider, Delivery delivery,
      String eventName, String reason) {
    String id = provider == null ? null : deliveryId(provider, delivery);
    return new Decision(outcome, provider, eventName, null, id, reason, null, List.of());
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 60; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return '"' + out.toString() + (text.length() > 60 ? "...\"" : "\"");
  }

  /** Builds a {@link WebhookHandler}; not thread-safe. */
  public static final class Builder {
    private byte[] githubSecret;
    private byte[] giteaSecret;
    private byte[] gitlabToken;
    private TuxSuiteCallbackVerifier tuxsuite;
    private boolean allowUnsigned;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private DeliveryDedupStore dedup;
    private final List<Glob> branches = new ArrayList<>();
    private final List<Glob> excludedBranches = new ArrayList<>();
    private final List<Glob> tags = new ArrayList<>();
    private final List<Glob> excludedTags = new ArrayList<>();
    private final List<Glob> repositories = new ArrayList<>();
    private boolean draftPullRequests;
    private RunsOnResolver runsOn;
    private WorkflowExpander expander;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Accepts GitHub deliveries signed with this secret ({@code X-Hub-Signature-256}, or the legacy
     * {@code X-Hub-Signature} when only that is sent). Default: GitHub deliveries are refused.
     *
     * @param secret the webhook secret as typed into GitHub (UTF-8)
     * @return this builder
     */
    public Builder githubSecret(String secret) {
      this.githubSecret = secretBytes(secret, "githubSecret");
      return this;
    }

    /**
     * Accepts Gitea and Forgejo deliveries signed with this secret ({@code X-Forgejo-Signature} or
     * {@code X-Gitea-Signature}). Default: refused.
     *
     * @param secret the webhook secret (UTF-8)
     * @return this builder
     */
    public Builder giteaSecret(String secret) {
      this.giteaSecret = secretBytes(secret, "giteaSecret");
      return this;
    }

    /**
     * Accepts GitLab deliveries whose {@code X-Gitlab-Token} equals this token (compared in constant
     * time). Default: refused.
     *
     * @param token the secret token configured on the GitLab hook
     * @return this builder
     */
    public Builder gitlabToken(String token) {
      this.gitlabToken = secretBytes(token, "gitlabToken");
      return this;
    }

    /**
     * Accepts TuxSuite callbacks that this verifier accepts. Default: refused.
     *
     * @param verifier the verifier, with a pinned key or a key provider
     * @return this builder
     */
    public Builder tuxsuite(TuxSuiteCallbackVerifier verifier) {
      this.tuxsuite = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Accepts deliveries from providers without a configured secret, unchecked. For local test
     * harnesses only: anyone who can reach the endpoint can then start jobs. Configured secrets
     * are still checked.
     *
     * @return this builder
     */
    public Builder allowUnsignedDeliveries() {
      this.allowUnsigned = true;
      return this;
    }

    /**
     * Sets the largest body accepted; larger ones get 413 before anything else. Default 25 MiB.
     *
     * @param bytes the limit, positive
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Sets where delivery ids are remembered. Default: {@link InMemoryDedupStore#ofDefaults()}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder dedupStore(DeliveryDedupStore store) {
      this.dedup = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Builds only pushes to, and pull requests targeting, branches matching one of these globs
     * ({@code *}, {@code **}, {@code ?}). Default: every branch.
     *
     * @param globs branch patterns such as {@code main} or {@code release/*}
     * @return this builder
     */
    public Builder branches(List<String> globs) {
      addGlobs(branches, globs, "branches");
      return this;
    }

    /**
     * Never builds branches matching one of these globs, even when allowed. Default: none.
     *
     * @param globs branch patterns
     * @return this builder
     */
    public Builder excludeBranches(List<String> globs) {
      addGlobs(excludedBranches, globs, "excludeBranches");
      return this;
    }

    /**
     * Builds only pushed tags matching one of these globs. Default: every tag.
     *
     * @param globs tag patterns such as {@code v*}
     * @return this builder
     */
    public Builder tags(List<String> globs) {
      addGlobs(tags, globs, "tags");
      return this;
    }

    /**
     * Never builds tags matching one of these globs. Default: none.
     *
     * @param globs tag patterns
     * @return this builder
     */
    public Builder excludeTags(List<String> globs) {
      addGlobs(excludedTags, globs, "excludeTags");
      return this;
    }

    /**
     * Builds only repositories whose {@code owner/name} matches one of these globs (such as
     * {@code octo/*}). Default: every repository.
     *
     * @param globs repository patterns
     * @return this builder
     */
    public Builder repositories(List<String> globs) {
      addGlobs(repositories, globs, "repositories");
      return this;
    }

    /**
     * Whether draft pull requests are built. Default: false.
     *
     * @param build true to build drafts
     * @return this builder
     */
    public Builder buildDraftPullRequests(boolean build) {
      this.draftPullRequests = build;
      return this;
    }

    /**
     * Sets how {@code runs_on} is chosen for every job. Default: none.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder runsOn(RunsOnResolver resolver) {
      this.runsOn = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Expands each delivery's job into one job per workflow job. Default: one job per delivery.
     * A {@link WorkflowExpansionException} from the expander becomes an
     * {@link Outcome#INVALID_WORKFLOW} or {@link Outcome#WORKFLOW_UNAVAILABLE} decision; any other
     * exception propagates. Either way the delivery id is forgotten, so a redelivery is taken.
     *
     * @param expander the expander, such as sdk-workflow's
     * @return this builder
     */
    public Builder workflowExpander(WorkflowExpander expander) {
      this.expander = Objects.requireNonNull(expander, "expander");
      return this;
    }

    /**
     * Sets the clock for {@code submitted_at}. Default: the UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     * @throws IllegalStateException when no provider can be accepted: no secret, token or TuxSuite
     *     verifier, and unsigned deliveries not allowed
     */
    public WebhookHandler build() {
      if (githubSecret == null && giteaSecret == null && gitlabToken == null && tuxsuite == null
          && !allowUnsigned) {
        throw new IllegalStateException("configure at least one of githubSecret, giteaSecret,"
            + " gitlabToken or tuxsuite, or call allowUnsignedDeliveries()");
      }
      return new WebhookHandler(this);
    }

    private static byte[] secretBytes(String secret, String name) {
      Objects.requireNonNull(secret, name);
      if (secret.isEmpty()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static void addGlobs(List<Glob> target, List<String> globs, String name) {
      Objects.requireNonNull(globs, name);
      for (String glob : globs) {
        target.add(Glob.of(Objects.requireNonNull(glob, name + " element")));
      }
    }
  }
}
