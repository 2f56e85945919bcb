package dev.buildbridge.samples.gateway;

import dev.buildbridge.samples.gateway.GatewayException.Reason;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.StandardWebhooks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything {@link Gateway} needs to run, read from the environment and overridden by flags.
 * Immutable; every instance is complete and consistent (the constructor checks), and
 * {@link #toString()} and {@link #describe()} show every setting with the secrets redacted.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.newBuilder()
 *     .environment(System.getenv())            // BB_HTTP_ADDR, GITHUB_WEBHOOK_SECRET, ...
 *     .httpAddress("127.0.0.1:0")              // flags win over the environment
 *     .dataDir(Path.of("/var/lib/buildbridge"))
 *     .build();
 * System.err.print(config.describe());         // secrets show as <redacted>
 * }</pre>
 *
 * <p>{@link #settings()} lists every setting with its environment variable, its flag of
 * {@code buildbridge serve} (settings that hold secrets have none: they are read from the
 * environment only, so they stay out of the process list), its default and what it does. Without
 * {@link #allowUnsigned()}, at least one way to authenticate inbound deliveries is required (a
 * forge secret, or a TuxSuite key or token); endpoints whose secret is missing then refuse every
 * request with 401.
 *
 * @param httpAddress where the HTTP server listens, unresolved; port 0 picks a free one
 * @param dataDir where the embedded job queue, KCIDB outbox and git cache live
 * @param allowUnsigned accept deliveries, results and runner calls without a signature or token
 *     (local testing only)
 * @param githubWebhookSecret GitHub's webhook secret, or {@code null}
 * @param giteaWebhookSecret Gitea's (and Forgejo's) webhook secret, or {@code null}
 * @param gitlabToken GitLab's webhook secret token ({@code X-Gitlab-Token}), or {@code null}
 * @param tuxsuitePublicKey the TuxSuite group's callback key (an OpenSSH line), or {@code null}
 * @param tuxsuiteUrl the TuxSuite API, where the key is fetched from with a token
 * @param tuxsuiteToken a TuxSuite token to fetch the callback key with, or {@code null}
 * @param tuxsuiteGroup the TuxSuite group of that token, or {@code null}
 * @param tuxsuiteProject the TuxSuite project of that token, or {@code null}
 * @param kcidbUrl the KCIDB REST endpoint documents are submitted to, or {@code null} to keep them
 *     in the outbox
 * @param kcidbToken the KCIDB token, or {@code null}
 * @param kcidbOrigin the KCIDB origin TuxSuite results are submitted as
 * @param githubAppId the GitHub App's id (or client id) for reporting and Contents, or
 *     {@code null}
 * @param githubAppKeyFile the GitHub App's private key (PEM), or {@code null}
 * @param githubApiUrl the GitHub REST API
 * @param githubReport how job results are shown on GitHub
 * @param callbackUrl where job results are forwarded as signed callbacks, or {@code null}
 * @param callbackSecret the Standard Webhooks secret ({@code whsec_...}) callbacks are signed
 *     with, or {@code null}
 * @param callbackHeaders extra headers sent with every callback; unmodifiable
 * @param callbackAttempts how many times a callback is tried before it is given up
 * @param runnerToken the bearer token runners present on {@code POST /results} and
 *     {@code POST /jobs/next}, and {@code GET /jobs} asks for, or {@code null}
 * @param runsOnDefault the {@code runs_on} of jobs no workflow or map labels, or {@code null}
 * @param runsOnMap {@code owner/repo} to {@code runs_on}; unmodifiable
 * @param workflowMode where {@code .solstice/workflow.kdl} is read from
 * @param gitSchemes the URL schemes repositories may be fetched with; unmodifiable
 * @param amqpUrl the RabbitMQ broker jobs are published to and results consumed from, or
 *     {@code null} for the embedded queue
 * @param amqpPrefix the first part of every exchange and queue name ({@code solstice}: Solstice
 *     CI's names)
 * @param jdbcUrl the PostgreSQL database of delivery dedup and the KCIDB outbox, or {@code null}
 *     for memory and files
 * @param jdbcUser the database user, or {@code null}
 * @param jdbcPassword the database password, or {@code null}
 * @param jdbcSchema the schema of the gateway's tables, or {@code null} for the search path
 * @param workers HTTP worker threads
 * @param queueCapacity requests that may wait for a worker before the gateway answers 503
 * @param maxBodyBytes the largest request body; a larger one is answered 413
 * @param drainTimeout how long {@link Gateway#close()} waits for work in flight
 * @param leaseTimeout how long a job leased by a runner stays leased without a result
 */
public record GatewayConfig(
    InetSocketAddress httpAddress,
    Path dataDir,
    boolean allowUnsigned,
    String githubWebhookSecret,
    String giteaWebhookSecret,
    String gitlabToken,
    String tuxsuitePublicKey,
    URI tuxsuiteUrl,
    String tuxsuiteToken,
    String tuxsuiteGroup,
    String tuxsuiteProject,
    URI kcidbUrl,
    String kcidbToken,
    String kcidbOrigin,
    String githubAppId,
    Path githubAppKeyFile,
    URI githubApiUrl,
    GitHubReport githubReport,
    URI callbackUrl,
    String callbackSecret,
    Map<String, String> callbackHeaders,
    int callbackAttempts,
    String runnerToken,
    String runsOnDefault,
    Map<String, String> runsOnMap,
    WorkflowMode workflowMode,
    Set<String> gitSchemes,
    URI amqpUrl,
    String amqpPrefix,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String jdbcSchema,
    int workers,
    int queueCapacity,
    long maxBodyBytes,
    Duration drainTimeout,
    Duration leaseTimeout) {

  /** Default listen address: {@value}. */
  public static final String DEFAULT_HTTP_ADDRESS = "127.0.0.1:8080";
  /** Default data directory: {@value}, relative to the working directory. */
  public static final String DEFAULT_DATA_DIR = "buildbridge-data";
  /** Default TuxSuite API. */
  public static final URI DEFAULT_TUXSUITE_URL = URI.create("https://tuxapi.tuxsuite.com");
  /** Default GitHub API. */
  public static final URI DEFAULT_GITHUB_API_URL = URI.create("https://api.github.com");
  /** Default KCIDB origin: {@value}. */
  public static final String DEFAULT_KCIDB_ORIGIN = "buildbridge";
  /** Default HTTP worker threads: {@value}. */
  public static final int DEFAULT_WORKERS = 16;
  /** Default number of requests waiting for a worker: {@value}. */
  public static final int DEFAULT_QUEUE_CAPACITY = 64;
  /** Default body limit: GitHub's payload cap, 25 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 25L << 20;
  /** Largest body limit that can be set: 256 MiB. */
  public static final long MAX_BODY_BYTES_LIMIT = 256L << 20;
  /** Default attempts per forwarded callback: {@value}. */
  public static final int DEFAULT_CALLBACK_ATTEMPTS = 4;
  /** Default drain timeout: 30 seconds. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  /** Default lease timeout: 1 hour. */
  public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofHours(1);
  /** Default AMQP name prefix: {@value}, which gives Solstice CI's exchange and queue names. */
  public static final String DEFAULT_AMQP_PREFIX = "solstice";
  /** Default git URL schemes: https and ssh. */
  public static final Set<String> DEFAULT_GIT_SCHEMES = Set.of("https", "ssh");

  private static final Set<String> KNOWN_SCHEMES = Set.of("https", "http", "ssh", "git", "file");
  private static final String REDACTED = "<redacted>";

  /** How job results are shown on GitHub (when GitHub App credentials are configured). */
  public enum GitHubReport {
    /** A check run per job: created when the job is queued, completed with its result. */
    CHECKS,
    /** A commit status per job: pending when queued, success or failure with its result. */
    STATUS
  }

  /** Where the workflow file of a pushed commit is read from. */
  public enum WorkflowMode {
    /**
     * GitHub's Contents API (as the App) for deliveries from GitHub when App credentials are set,
     * a git mirror cache for every other delivery.
     */
    AUTO,
    /** A git mirror cache under the data directory, for every repository. */
    GIT,
    /**
     * GitHub's Contents API (App credentials required) for every delivery; repositories the App
     * cannot see read as having no workflow file and get one job.
     */
    GITHUB,
    /** No workflow expansion: each push or pull request yields one job. */
    NONE
  }

  /**
   * Checks the settings and copies the collections.
   *
   * @throws NullPointerException when a required component is null
   * @throws IllegalArgumentException when a value is out of range
   * @throws GatewayException {@code INVALID_CONFIG} when settings contradict each other or a
   *     required one is missing; the message names the environment variables
   */
  public GatewayConfig {
    Objects.requireNonNull(httpAddress, "httpAddress");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tuxsuiteUrl, "tuxsuiteUrl");
    Objects.requireNonNull(kcidbOrigin, "kcidbOrigin");
    Objects.requireNonNull(githubApiUrl, "githubApiUrl");
    Objects.requireNonNull(githubReport, "githubReport");
    Objects.requireNonNull(workflowMode, "workflowMode");
    Objects.requireNonNull(amqpPrefix, "amqpPrefix");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(leaseTimeout, "leaseTimeout");
    callbackHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(callbackHeaders, "callbackHeaders")));
    runsOnMap = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(runsOnMap, "runsOnMap")));
    gitSchemes = Collections.unmodifiableSet(new LinkedHashSet<>(
        Objects.requireNonNull(gitSchemes, "gitSchemes")));
    range("workers", workers, 1, 1024);
    range("queueCapacity", queueCapacity, 1, 100_000);
    range("maxBodyBytes", maxBodyBytes, 1, MAX_BODY_BYTES_LIMIT);
    range("callbackAttempts", callbackAttempts, 1, 10);
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must be 0 or more, was " + drainTimeout);
    }
    if (leaseTimeout.isNegative() || leaseTimeout.isZero()) {
      throw new IllegalArgumentException("leaseTimeout must be positive, was " + leaseTimeout);
    }
    checkConsistent(allowUnsigned, githubWebhookSecret, giteaWebhookSecret, gitlabToken,
        tuxsuitePublicKey, tuxsuiteToken, tuxsuiteGroup, tuxsuiteProject, kcidbUrl, kcidbToken,
        githubAppId, githubAppKeyFile, callbackUrl, callbackSecret, callbackHeaders, jdbcUrl,
        jdbcUser, jdbcPassword, jdbcSchema, workflowMode);
  }

  private static void checkConsistent(boolean allowUnsigned, String github, String gitea,
      String gitlab, String tuxKey, String tuxToken, String tuxGroup, String tuxProject,
      URI kcidbUrl, String kcidbToken, String appId, Path appKey, URI callbackUrl,
      String callbackSecret, Map<String, String> callbackHeaders, String jdbcUrl, String jdbcUser,
      String jdbcPassword, String jdbcSchema, WorkflowMode workflowMode) {
    if (!allowUnsigned && github == null && gitea == null && gitlab == null && tuxKey == null
        && tuxToken == null) {
      throw invalid("no webhook secret is configured: set GITHUB_WEBHOOK_SECRET,"
          + " GITEA_WEBHOOK_SECRET, GITLAB_TOKEN, TUXSUITE_PUBLIC_KEY or TUXSUITE_TOKEN"
          + " (or BB_ALLOW_UNSIGNED=true / --allow-unsigned, for local testing only)");
    }
    if (tuxKey != null && tuxToken != null) {
      throw invalid("set TUXSUITE_PUBLIC_KEY (a pinned key) or TUXSUITE_TOKEN (to fetch the key),"
          + " not both");
    }
    if (tuxToken != null && (tuxGroup == null || tuxProject == null)) {
      throw invalid("TUXSUITE_TOKEN needs TUXSUITE_GROUP and TUXSUITE_PROJECT to fetch the"
          + " callback key");
    }
    if (kcidbToken != null && kcidbUrl == null) {
      throw invalid("KCIDB_TOKEN is set but KCIDB_URL is not");
    }
    if ((appId == null) != (appKey == null)) {
      throw invalid("GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY_FILE go together; "
          + (appId == null ? "GITHUB_APP_ID" : "GITHUB_APP_PRIVATE_KEY_FILE") + " is not set");
    }
    if (callbackUrl != null && callbackSecret == null) {
      throw invalid("BB_CALLBACK_URL needs BB_CALLBACK_SECRET (whsec_...): callbacks are always"
          + " signed");
    }
    if (callbackUrl == null && (callbackSecret != null || !callbackHeaders.isEmpty())) {
      throw invalid("BB_CALLBACK_SECRET and BB_CALLBACK_HEADERS need BB_CALLBACK_URL");
    }
    if (jdbcUrl == null && (jdbcUser != null || jdbcPassword != null || jdbcSchema != null)) {
      throw invalid("BB_JDBC_USER, BB_JDBC_PASSWORD and BB_JDBC_SCHEMA need BB_JDBC_URL");
    }
    if (workflowMode == WorkflowMode.GITHUB && appId == null) {
      throw invalid("BB_WORKFLOW_SOURCE=github needs GitHub App credentials (GITHUB_APP_ID and"
          + " GITHUB_APP_PRIVATE_KEY_FILE)");
    }
  }

  private static GatewayException invalid(String message) {
    return new GatewayException(Reason.INVALID_CONFIG, message);
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was "
          + value);
    }
  }

  /**
   * Starts a builder holding the defaults, which {@link #settings()} lists.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this configuration.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.httpAddress = httpAddress;
    b.dataDir = dataDir;
    b.allowUnsigned = allowUnsigned;
    b.githubWebhookSecret = githubWebhookSecret;
    b.giteaWebhookSecret = giteaWebhookSecret;
    b.gitlabToken = gitlabToken;
    b.tuxsuitePublicKey = tuxsuitePublicKey;
    b.tuxsuiteUrl = tuxsuiteUrl;
    b.tuxsuiteToken = tuxsuiteToken;
    b.tuxsuiteGroup = tuxsuiteGroup;
    b.tuxsuiteProject = tuxsuiteProject;
    b.kcidbUrl = kcidbUrl;
    b.kcidbToken = kcidbToken;
    b.kcidbOrigin = kcidbOrigin;
    b.githubAppId = githubAppId;
    b.githubAppKeyFile = githubAppKeyFile;
    b.githubApiUrl = githubApiUrl;
    b.githubReport = githubReport;
    b.callbackUrl = callbackUrl;
    b.callbackSecret = callbackSecret;
    b.callbackHeaders = new LinkedHashMap<>(callbackHeaders);
    b.callbackAttempts = callbackAttempts;
    b.runnerToken = runnerToken;
    b.runsOnDefault = runsOnDefault;
    b.runsOnMap = new LinkedHashMap<>(runsOnMap);
    b.workflowMode = workflowMode;
    b.gitSchemes = new LinkedHashSet<>(gitSchemes);
    b.amqpUrl = amqpUrl;
    b.amqpPrefix = amqpPrefix;
    b.jdbcUrl = jdbcUrl;
    b.jdbcUser = jdbcUser;
    b.jdbcPassword = jdbcPassword;
    b.jdbcSchema = jdbcSchema;
    b.workers = workers;
    b.queueCapacity = queueCapacity;
    b.maxBodyBytes = maxBodyBytes;
    b.drainTimeout = drainTimeout;
    b.leaseTimeout = leaseTimeout;
    return b;
  }

  /**
   * Returns every setting: environment variable, flag, default and meaning, in the order
   * {@link #describe()} prints them.
   *
   * @return the settings; unmodifiable
   */
  public static List<Setting> settings() {
    return Setting.ALL;
  }

  /**
   * Describes the configuration on several lines, one per setting that is set or has a default,
   * as {@code buildbridge serve} prints it at start; secrets show as {@code <redacted>}, and
   * passwords in URLs as well.
   *
   * @return the description, ending with a line break
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    int width = 0;
    for (Setting s : Setting.ALL) {
      width = Math.max(width, s.variable().length());
    }
    for (Setting s : Setting.ALL) {
      String shown = s.show(this);
      if (shown == null) {
        continue;
      }
      out.append("  ").append(s.variable());
      out.append(" ".repeat(width - s.variable().length() + 2)).append(shown).append('\n');
    }
    return out.toString();
  }

  /**
   * Shows every setting that is set, secrets as {@code <redacted>}.
   *
   * @return such as {@code GatewayConfig[BB_HTTP_ADDR=127.0.0.1:8080, ...,
   *     GITHUB_WEBHOOK_SECRET=<redacted>]}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("GatewayConfig[");
    boolean first = true;
    for (Setting s : Setting.ALL) {
      String shown = s.show(this);
      if (shown == null) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(s.variable()).append('=').append(shown);
    }
    return out.append(']').toString();
  }

  /** Writes a URI with the password of its user info replaced by {@code <redacted>}. */
  static String redactUri(URI uri) {
    if (uri == null) {
      return null;
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return uri.toString();
    }
    int colon = userInfo.indexOf(':');
    String shown = colon < 0 ? REDACTED : userInfo.substring(0, colon) + ":" + REDACTED;
    String text = uri.toString();
    int at = text.indexOf(userInfo + "@");
    return at < 0 ? REDACTED : text.substring(0, at) + shown + text.substring(at
        + userInfo.length());
  }

  /** Writes a JDBC URL with {@code password=...} parameters replaced by {@code <redacted>}. */
  static String redactJdbc(String url) {
    if (url == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(url.length());
    int i = 0;
    String lower = url.toLowerCase(Locale.ROOT);
    while (i < url.length()) {
      int p = lower.indexOf("password=", i);
      if (p < 0 || (p > 0 && lower.charAt(p - 1) != '?' && lower.charAt(p - 1) != '&'
          && lower.charAt(p - 1) != ';')) {
        int end = p < 0 ? url.length() : p + 1;
        out.append(url, i, end);
        i = end;
        continue;
      }
      out.append(url, i, p + "password=".length()).append(REDACTED);
      int next = p;
      while (next < url.length() && url.charAt(next) != '&' && url.charAt(next) != ';') {
        next++;
      }
      i = next;
    }
    return out.toString();
  }

  /**
   * One setting: its environment variable, its flag of {@code buildbridge serve} (none for
   * secrets), its default and its meaning. Apply one to a builder with
   * {@link Builder#setting(String, String)}.
   *
   * <pre>{@code
   * for (GatewayConfig.Setting s : GatewayConfig.settings()) {
   *     System.out.println(s.variable() + "  " + s.flag().orElse("(environment only)"));
   * }
   * }</pre>
   */
  public static final class Setting {
    private final String variable;
    private final String flag;
    private final String valueName;
    private final String defaultValue;
    private final boolean secret;
    private final String help;
    private final BiConsumer<Builder, String> apply;
    private final Function<GatewayConfig, Object> read;

    private Setting(String variable, String flag, String valueName, String defaultValue,
        boolean secret, String help, BiConsumer<Builder, String> apply,
        Function<GatewayConfig, Object> read) {
      this.variable = variable;
      this.flag = flag;
      this.valueName = valueName;
      this.defaultValue = defaultValue;
      this.secret = secret;
      this.help = help;
      this.apply = apply;
      this.read = read;
    }

    /**
     * Returns the environment variable.
     *
     * @return such as {@code BB_HTTP_ADDR}
     */
    public String variable() {
      return variable;
    }

    /**
     * Returns the flag of {@code buildbridge serve}, without dashes.
     *
     * @return such as {@code addr}; empty for secrets, read from the environment only
     */
    public java.util.Optional<String> flag() {
      return java.util.Optional.ofNullable(flag);
    }

    /**
     * Returns the placeholder of the value in help.
     *
     * @return such as {@code HOST:PORT}; {@code true|false} for switches
     */
    public String valueName() {
      return valueName;
    }

    /**
     * Returns the default, as help shows it.
     *
     * @return such as {@code 127.0.0.1:8080}; empty when the setting is off by default
     */
    public java.util.Optional<String> defaultValue() {
      return java.util.Optional.ofNullable(defaultValue);
    }

    /**
     * Tells whether the setting holds a secret (redacted when shown, no flag).
     *
     * @return true for secrets
     */
    public boolean secret() {
      return secret;
    }

    /**
     * Returns one line saying what the setting does.
     *
     * @return the help text
     */
    public String help() {
      return help;
    }

    /** Shows the setting's value in a configuration, or null when it is unset. */
    String show(GatewayConfig config) {
      if (!relevant(config)) {
        return null;
      }
      Object value = read.apply(config);
      if (value == null || (value instanceof Boolean && !((Boolean) value))
          || (value instanceof Map && ((Map<?, ?>) value).isEmpty())) {
        return null;
      }
      if (secret) {
        return REDACTED;
      }
      if (value instanceof URI) {
        return redactUri((URI) value);
      }
      if (variable.equals("BB_JDBC_URL")) {
        return redactJdbc((String) value);
      }
      if (variable.equals("BB_CALLBACK_HEADERS")) {
        List<String> names = new ArrayList<>();
        ((Map<?, ?>) value).keySet().forEach(k -> names.add(k + ": " + REDACTED));
        return String.join(", ", names);
      }
      if (value instanceof Map) {
        List<String> pairs = new ArrayList<>();
        ((Map<?, ?>) value).forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
      }
      if (value instanceof Set) {
        List<String> items = new ArrayList<>();
        ((Set<?>) value).forEach(v -> items.add(String.valueOf(v)));
        return String.join(",", items);
      }
      if (value instanceof InetSocketAddress) {
        InetSocketAddress a = (InetSocketAddress) value;
        return hostPort(a.getHostString(), a.getPort());
      }
      if (value instanceof Duration) {
        return ((Duration) value).toSeconds() + "s";
      }
      if (value instanceof Enum) {
        return ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
      }
      return String.valueOf(value);
    }

    /** Whether a setting with a default matters in this configuration (for the banner). */
    private boolean relevant(GatewayConfig c) {
      switch (variable) {
        case "TUXSUITE_URL":
          return c.tuxsuiteToken() != null;
        case "GITHUB_API_URL":
        case "BB_GITHUB_REPORT":
          return c.githubAppId() != null;
        case "BB_CALLBACK_ATTEMPTS":
          return c.callbackUrl() != null;
        case "BB_AMQP_PREFIX":
          return c.amqpUrl() != null;
        case "BB_GIT_SCHEMES":
          return c.workflowMode() != WorkflowMode.NONE;
        case "BB_LEASE_TIMEOUT":
          return c.amqpUrl() == null;
        default:
          return true;
      }
    }

    private static Setting of(String variable, String flag, String valueName, String defaultValue,
        String help, BiConsumer<Builder, String> apply, Function<GatewayConfig, Object> read) {
      return new Setting(variable, flag, valueName, defaultValue, false, help, apply, read);
    }

    private static Setting secret(String variable, String help, BiConsumer<Builder, String> apply,
        Function<GatewayConfig, Object> read) {
      return new Setting(variable, null, "SECRET", null, true, help, apply, read);
    }

    static final List<Setting> ALL = List.of(
        of("BB_HTTP_ADDR", "addr", "HOST:PORT", DEFAULT_HTTP_ADDRESS,
            "where the HTTP server listens (port 0: any free port)",
            Builder::httpAddress, GatewayConfig::httpAddress),
        of("BB_DATA_DIR", "data-dir", "DIR", DEFAULT_DATA_DIR,
            "job queue, KCIDB outbox and git cache directory",
            (b, v) -> b.dataDir(path(v)), GatewayConfig::dataDir),
        of("BB_ALLOW_UNSIGNED", "allow-unsigned", "true|false", "false",
            "accept unsigned deliveries, results and runner calls (local testing only)",
            (b, v) -> b.allowUnsigned(bool(v)), GatewayConfig::allowUnsigned),
        secret("GITHUB_WEBHOOK_SECRET", "GitHub webhook secret (X-Hub-Signature-256)",
            Builder::githubWebhookSecret, GatewayConfig::githubWebhookSecret),
        secret("GITEA_WEBHOOK_SECRET", "Gitea/Forgejo webhook secret",
            Builder::giteaWebhookSecret, GatewayConfig::giteaWebhookSecret),
        secret("GITLAB_TOKEN", "GitLab webhook secret token (X-Gitlab-Token)",
            Builder::gitlabToken, GatewayConfig::gitlabToken),
        of("TUXSUITE_PUBLIC_KEY", "tuxsuite-public-key", "LINE", null,
            "pinned TuxSuite callback key (OpenSSH line)",
            Builder::tuxsuitePublicKey, GatewayConfig::tuxsuitePublicKey),
        secret("TUXSUITE_TOKEN", "TuxSuite token: fetch the callback key (cached, refreshed)",
            Builder::tuxsuiteToken, GatewayConfig::tuxsuiteToken),
        of("TUXSUITE_GROUP", "tuxsuite-group", "GROUP", null, "TuxSuite group of the token",
            Builder::tuxsuiteGroup, GatewayConfig::tuxsuiteGroup),
        of("TUXSUITE_PROJECT", "tuxsuite-project", "PROJECT", null,
            "TuxSuite project of the token",
            Builder::tuxsuiteProject, GatewayConfig::tuxsuiteProject),
        of("TUXSUITE_URL", "tuxsuite-url", "URL", DEFAULT_TUXSUITE_URL.toString(),
            "TuxSuite API the key is fetched from",
            (b, v) -> b.tuxsuiteUrl(uri(v)), GatewayConfig::tuxsuiteUrl),
        of("KCIDB_URL", "kcidb-url", "URL", null,
            "KCIDB REST endpoint (unset: documents wait in the outbox)",
            (b, v) -> b.kcidbUrl(uri(v)), GatewayConfig::kcidbUrl),
        secret("KCIDB_TOKEN", "KCIDB token", Builder::kcidbToken, GatewayConfig::kcidbToken),
        of("KCIDB_ORIGIN", "kcidb-origin", "ORIGIN", DEFAULT_KCIDB_ORIGIN,
            "KCIDB origin TuxSuite results are submitted as",
            Builder::kcidbOrigin, GatewayConfig::kcidbOrigin),
        of("GITHUB_APP_ID", "github-app-id", "ID", null,
            "GitHub App id: check runs or statuses, and workflow files through Contents",
            Builder::githubAppId, GatewayConfig::githubAppId),
        of("GITHUB_APP_PRIVATE_KEY_FILE", "github-app-key-file", "FILE", null,
            "GitHub App private key (PEM)",
            (b, v) -> b.githubAppKeyFile(path(v)),
            GatewayConfig::githubAppKeyFile),
        of("GITHUB_API_URL", "github-api-url", "URL", DEFAULT_GITHUB_API_URL.toString(),
            "GitHub REST API (GitHub Enterprise: https://HOST/api/v3)",
            (b, v) -> b.githubApiUrl(uri(v)), GatewayConfig::githubApiUrl),
        of("BB_GITHUB_REPORT", "github-report", "checks|status", "checks",
            "show job results on GitHub as check runs or commit statuses",
            (b, v) -> b.githubReport(enumValue(GitHubReport.class, v)),
            GatewayConfig::githubReport),
        of("BB_CALLBACK_URL", "callback-url", "URL", null,
            "forward job results here, signed (Standard Webhooks)",
            (b, v) -> b.callbackUrl(uri(v)), GatewayConfig::callbackUrl),
        secret("BB_CALLBACK_SECRET", "Standard Webhooks secret (whsec_...) callbacks are signed"
            + " with", Builder::callbackSecret, GatewayConfig::callbackSecret),
        of("BB_CALLBACK_HEADERS", "callback-header", "'Name: value'", null,
            "extra callback header (flag: repeat; variable: one per line)",
            (b, v) -> b.callbackHeaders(headers(v)), GatewayConfig::callbackHeaders),
        of("BB_CALLBACK_ATTEMPTS", "callback-attempts", "N",
            Integer.toString(DEFAULT_CALLBACK_ATTEMPTS),
            "tries per callback (backoff 1 s, 4 s, 16 s, ...)",
            (b, v) -> b.callbackAttempts(integer(v)), GatewayConfig::callbackAttempts),
        secret("BB_RUNNER_TOKEN", "bearer token of POST /results, POST /jobs/next and GET /jobs",
            Builder::runnerToken, GatewayConfig::runnerToken),
        of("BB_RUNS_ON_DEFAULT", "runs-on-default", "LABEL", null,
            "runs_on of jobs nothing else labels",
            Builder::runsOnDefault, GatewayConfig::runsOnDefault),
        of("BB_RUNS_ON_MAP", "runs-on-map", "owner/repo=label,...", null,
            "runs_on per repository, before the default",
            (b, v) -> b.runsOnMap(parseRunsOnMap(v)), GatewayConfig::runsOnMap),
        of("BB_WORKFLOW_SOURCE", "workflow-source", "auto|git|github|none", "auto",
            "where .solstice/workflow.kdl is read",
            (b, v) -> b.workflowMode(enumValue(WorkflowMode.class, v)),
            GatewayConfig::workflowMode),
        of("BB_GIT_SCHEMES", "git-schemes", "https,ssh,...", "https,ssh",
            "URL schemes repositories may be fetched with (add file for local repositories)",
            (b, v) -> b.gitSchemes(parseList(v)), GatewayConfig::gitSchemes),
        of("BB_AMQP_URL", "amqp-url", "amqp://USER:PASS@HOST:5672/VHOST", null,
            "publish jobs to RabbitMQ and consume results from it (unset: embedded queue)",
            (b, v) -> b.amqpUrl(uri(v)), GatewayConfig::amqpUrl),
        of("BB_AMQP_PREFIX", "amqp-prefix", "NAME", DEFAULT_AMQP_PREFIX,
            "first part of every exchange and queue name (solstice: Solstice CI's)",
            Builder::amqpPrefix, GatewayConfig::amqpPrefix),
        of("BB_JDBC_URL", "jdbc-url", "jdbc:postgresql://HOST/DB", null,
            "PostgreSQL for delivery dedup and the KCIDB outbox (unset: memory and files)",
            Builder::jdbcUrl, GatewayConfig::jdbcUrl),
        of("BB_JDBC_USER", "jdbc-user", "USER", null, "database user",
            Builder::jdbcUser, GatewayConfig::jdbcUser),
        secret("BB_JDBC_PASSWORD", "database password",
            Builder::jdbcPassword, GatewayConfig::jdbcPassword),
        of("BB_JDBC_SCHEMA", "jdbc-schema", "SCHEMA", null,
            "schema of the gateway's tables (created when missing; unset: the search path)",
            Builder::jdbcSchema, GatewayConfig::jdbcSchema),
        of("BB_WORKERS", "workers", "N", Integer.toString(DEFAULT_WORKERS),
            "HTTP worker threads",
            (b, v) -> b.workers(integer(v)), GatewayConfig::workers),
        of("BB_HTTP_QUEUE", "queue", "N", Integer.toString(DEFAULT_QUEUE_CAPACITY),
            "requests waiting for a worker before 503",
            (b, v) -> b.queueCapacity(integer(v)), GatewayConfig::queueCapacity),
        of("BB_MAX_BODY_BYTES", "max-body-bytes", "BYTES", Long.toString(DEFAULT_MAX_BODY_BYTES),
            "largest request body (413 beyond)",
            (b, v) -> b.maxBodyBytes(longValue(v)), GatewayConfig::maxBodyBytes),
        of("BB_DRAIN_TIMEOUT", "drain-timeout", "SECONDS",
            Long.toString(DEFAULT_DRAIN_TIMEOUT.toSeconds()),
            "how long shutdown waits for work in flight",
            (b, v) -> b.drainTimeout(Duration.ofSeconds(longValue(v))),
            GatewayConfig::drainTimeout),
        of("BB_LEASE_TIMEOUT", "lease-timeout", "SECONDS",
            Long.toString(DEFAULT_LEASE_TIMEOUT.toSeconds()),
            "a leased job without a result goes back to the queue after this",
            (b, v) -> b.leaseTimeout(Duration.ofSeconds(longValue(v))),
            GatewayConfig::leaseTimeout));
  }

  // ---- parsing of setting values ----------------------------------------------------------------

  private static boolean bool(String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        throw new IllegalArgumentException("expected true or false, got " + quote(value));
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, got " + quote(value));
    }
  }

  private static long longValue(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, got " + quote(value));
    }
  }

  private static URI uri(String value) {
    try {
      URI uri = new URI(value.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("expected an absolute URL with a host, got "
            + quote(redactUri(uri)));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL (" + e.getReason() + ")");
    }
  }

  private static Path path(String value) {
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path: " + e.getReason());
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return constant;
      }
      names.add(name);
    }
    throw new IllegalArgumentException("expected one of " + String.join(", ", names) + ", got "
        + quote(value));
  }

  /**
   * Reads a comma-separated list, as {@code BB_GIT_SCHEMES} and the tool's {@code --branches}
   * take it: parts stripped, empty ones left out.
   *
   * @param value the list
   * @return the parts, in order
   */
  public static List<String> parseList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /**
   * Reads {@code owner/repo=label,...}, as {@code BB_RUNS_ON_MAP} and the tool's
   * {@code --runs-on-map} take it.
   *
   * @param value the map
   * @return repository to label, in order
   * @throws IllegalArgumentException naming the entry that is not {@code owner/repo=label}
   */
  public static Map<String, String> parseRunsOnMap(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : parseList(value)) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("expected owner/repo=label, got " + quote(entry));
      }
      out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }
    return out;
  }

  /** Reads {@code Name: value} lines; values are not shown in messages (they may be tokens). */
  static Map<String, String> headers(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : value.split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int colon = l.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected 'Name: value' lines; a line has no name");
      }
      out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
    }
    return out;
  }

  private static String quote(String value) {
    String v = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      out.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return out.append('"').toString();
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Builds a {@link GatewayConfig}. Setters check their argument at once and name it when they
   * refuse it; {@link #build()} checks that the settings fit together. Not thread-safe.
   */
  public static final class Builder {
    private InetSocketAddress httpAddress = parseAddress(DEFAULT_HTTP_ADDRESS);
    private Path dataDir = Path.of(DEFAULT_DATA_DIR);
    private boolean allowUnsigned;
    private String githubWebhookSecret;
    private String giteaWebhookSecret;
    private String gitlabToken;
    private String tuxsuitePublicKey;
    private URI tuxsuiteUrl = DEFAULT_TUXSUITE_URL;
    private String tuxsuiteToken;
    private String tuxsuiteGroup;
    private String tuxsuiteProject;
    private URI kcidbUrl;
    private String kcidbToken;
    private String kcidbOrigin = DEFAULT_KCIDB_ORIGIN;
    private String githubAppId;
    private Path githubAppKeyFile;
    private URI githubApiUrl = DEFAULT_GITHUB_API_URL;
    private GitHubReport githubReport = GitHubReport.CHECKS;
    private URI callbackUrl;
    private String callbackSecret;
    private Map<String, String> callbackHeaders = new LinkedHashMap<>();
    private int callbackAttempts = DEFAULT_CALLBACK_ATTEMPTS;
    private String runnerToken;
    private String runsOnDefault;
    private Map<String, String> runsOnMap = new LinkedHashMap<>();
    private WorkflowMode workflowMode = WorkflowMode.AUTO;
    private Set<String> gitSchemes = new LinkedHashSet<>(List.of("https", "ssh"));
    private URI amqpUrl;
    private String amqpPrefix = DEFAULT_AMQP_PREFIX;
    private String jdbcUrl;
    private String jdbcUser;
    private String jdbcPassword;
    private String jdbcSchema;
    private int workers = DEFAULT_WORKERS;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Duration leaseTimeout = DEFAULT_LEASE_TIMEOUT;

    private Builder() {}

    /**
     * Applies every {@linkplain GatewayConfig#settings() setting} whose environment variable is
     * set and not empty; others keep their current value.
     *
     * @param environment variables, such as {@link System#getenv()}
     * @return this builder
     * @throws NullPointerException when {@code environment} is null
     * @throws GatewayException {@code INVALID_CONFIG} naming the first variable whose value does
     *     not parse (secrets' values are never shown)
     */
    public Builder environment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment");
      for (Setting s : Setting.ALL) {
        String value = environment.get(s.variable());
        if (value == null || value.isEmpty()) {
          continue;
        }
        try {
          s.apply.accept(this, value);
        } catch (IllegalArgumentException e) {
          throw new GatewayException(Reason.INVALID_CONFIG,
              "environment variable " + s.variable() + ": " + e.getMessage(), e);
        }
      }
      return this;
    }

    /**
     * Applies one setting from its text, as its environment variable would.
     *
     * @param variable the setting's environment variable, such as {@code BB_WORKERS}
     * @param value its value as text
     * @return this builder
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the variable is not a setting, or the value does not
     *     parse (the message says why, without the value of a secret)
     */
    public Builder setting(String variable, String value) {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(value, "value");
      for (Setting s : Setting.ALL) {
        if (s.variable().equals(variable)) {
          s.apply.accept(this, value);
          return this;
        }
      }
      throw new IllegalArgumentException("no such setting: " + quote(variable));
    }

    /**
     * Sets where the HTTP server listens. Default: {@value #DEFAULT_HTTP_ADDRESS}.
     *
     * @param hostPort {@code host:port}, {@code [v6]:port} or {@code :port} (every interface);
     *     port 0 picks a free port
     * @return this builder
     * @throws NullPointerException when {@code hostPort} is null
     * @throws IllegalArgumentException when it does not parse or the port is out of range
     */
    public Builder httpAddress(String hostPort) {
      this.httpAddress = parseAddress(Objects.requireNonNull(hostPort, "hostPort"));
      return this;
    }

    /**
     * Sets the data directory. Default: {@value #DEFAULT_DATA_DIR} in the working directory.
     *
     * @param dataDir the directory; created at start when missing
     * @return this builder
     * @throws NullPointerException when {@code dataDir} is null
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /**
     * Accepts deliveries, results and runner calls without a signature or token. For local
     * testing only. Default: off.
     *
     * @param allow whether to accept them
     * @return this builder
     */
    public Builder allowUnsigned(boolean allow) {
      this.allowUnsigned = allow;
      return this;
    }

    /**
     * Sets GitHub's webhook secret. Default: none (GitHub deliveries are refused with 401).
     *
     * @param secret the secret, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder githubWebhookSecret(String secret) {
      this.githubWebhookSecret = secret(secret, "githubWebhookSecret");
      return this;
    }

    /**
     * Sets Gitea's (and Forgejo's) webhook secret. Default: none.
     *
     * @param secret the secret, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder giteaWebhookSecret(String secret) {
      this.giteaWebhookSecret = secret(secret, "giteaWebhookSecret");
      return this;
    }

    /**
     * Sets GitLab's webhook secret token. Default: none.
     *
     * @param token the token, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder gitlabToken(String token) {
      this.gitlabToken = secret(token, "gitlabToken");
      return this;
    }

    /**
     * Pins the TuxSuite group's callback key. Default: none.
     *
     * @param openSshLine such as {@code ecdsa-sha2-nistp256 AAAA...}, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when it is not an OpenSSH ECDSA public key line
     */
    public Builder tuxsuitePublicKey(String openSshLine) {
      if (openSshLine != null) {
        try {
          OpenSshPublicKey key = OpenSshPublicKey.parse(openSshLine.strip());
          if (!key.type().startsWith("ecdsa-sha2-")) {
            throw new IllegalArgumentException("tuxsuitePublicKey: expected an ECDSA key"
                + " (ecdsa-sha2-nistp256), got " + key.type());
          }
        } catch (SignatureVerificationException e) {
          throw new IllegalArgumentException("tuxsuitePublicKey: " + e.getMessage(), e);
        }
        openSshLine = openSshLine.strip();
      }
      this.tuxsuitePublicKey = openSshLine;
      return this;
    }

    /**
     * Sets the TuxSuite API. Default: {@link #DEFAULT_TUXSUITE_URL}.
     *
     * @param url the base URL
     * @return this builder
     * @throws NullPointerException when {@code url} is null
     */
    public Builder tuxsuiteUrl(URI url) {
      this.tuxsuiteUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets a TuxSuite token to fetch the callback key with (with group and project). Default:
     * none.
     *
     * @param token the token, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder tuxsuiteToken(String token) {
      this.tuxsuiteToken = secret(token, "tuxsuiteToken");
      return this;
    }

    /**
     * Sets the TuxSuite group of the token. Default: none.
     *
     * @param group the group, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder tuxsuiteGroup(String group) {
      this.tuxsuiteGroup = text(group, "tuxsuiteGroup");
      return this;
    }

    /**
     * Sets the TuxSuite project of the token. Default: none.
     *
     * @param project the project, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder tuxsuiteProject(String project) {
      this.tuxsuiteProject = text(project, "tuxsuiteProject");
      return this;
    }

    /**
     * Sets the KCIDB REST endpoint. Default: none; documents wait in the outbox and go out after
     * a start with a URL.
     *
     * @param url such as {@code https://db.kernelci.org}, or {@code null}
     * @return this builder
     */
    public Builder kcidbUrl(URI url) {
      this.kcidbUrl = url;
      return this;
    }

    /**
     * Sets the KCIDB token. Default: none.
     *
     * @param token the token, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder kcidbToken(String token) {
      this.kcidbToken = secret(token, "kcidbToken");
      return this;
    }

    /**
     * Sets the KCIDB origin. Default: {@value #DEFAULT_KCIDB_ORIGIN}.
     *
     * @param origin lower-case letters, digits and {@code _}
     * @return this builder
     * @throws NullPointerException when {@code origin} is null
     * @throws IllegalArgumentException when it has other characters or is empty
     */
    public Builder kcidbOrigin(String origin) {
      Objects.requireNonNull(origin, "origin");
      String o = origin.strip();
      if (o.isEmpty()) {
        throw new IllegalArgumentException("kcidbOrigin is empty");
      }
      for (int i = 0; i < o.length(); i++) {
        char c = o.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          throw new IllegalArgumentException("kcidbOrigin may hold a-z, 0-9 and _ only; got "
              + quote(o));
        }
      }
      this.kcidbOrigin = o;
      return this;
    }

    /**
     * Sets the GitHub App's id (or client id). Default: none.
     *
     * @param appId the id, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder githubAppId(String appId) {
      this.githubAppId = text(appId, "githubAppId");
      return this;
    }

    /**
     * Sets the GitHub App's private key file (PEM). Default: none. The file is read at start.
     *
     * @param keyFile the file, or {@code null}
     * @return this builder
     */
    public Builder githubAppKeyFile(Path keyFile) {
      this.githubAppKeyFile = keyFile;
      return this;
    }

    /**
     * Sets the GitHub REST API. Default: {@link #DEFAULT_GITHUB_API_URL}.
     *
     * @param url the base URL
     * @return this builder
     * @throws NullPointerException when {@code url} is null
     */
    public Builder githubApiUrl(URI url) {
      this.githubApiUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets how job results are shown on GitHub. Default: {@link GitHubReport#CHECKS}.
     *
     * @param report checks or statuses
     * @return this builder
     * @throws NullPointerException when {@code report} is null
     */
    public Builder githubReport(GitHubReport report) {
      this.githubReport = Objects.requireNonNull(report, "report");
      return this;
    }

    /**
     * Sets where job results are forwarded. Default: none.
     *
     * @param url the receiver, or {@code null}
     * @return this builder
     */
    public Builder callbackUrl(URI url) {
      this.callbackUrl = url;
      return this;
    }

    /**
     * Sets the Standard Webhooks secret callbacks are signed with. Default: none.
     *
     * @param whsecSecret {@code whsec_} and base64, as {@code StandardWebhooks.generateSecret()}
     *     makes, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is not such a secret (the message does not show it)
     */
    public Builder callbackSecret(String whsecSecret) {
      if (whsecSecret != null) {
        try {
          StandardWebhooks.newBuilder().secret(whsecSecret).build();
        } catch (SignatureVerificationException e) {
          throw new IllegalArgumentException("callbackSecret: " + e.getMessage(), e);
        }
      }
      this.callbackSecret = whsecSecret;
      return this;
    }

    /**
     * Replaces the extra headers sent with every callback. Default: none.
     *
     * @param headers names to values; copied
     * @return this builder
     * @throws NullPointerException when {@code headers} is null
     * @throws IllegalArgumentException when a name is not a valid header name, or a value holds a
     *     line break
     */
    public Builder callbackHeaders(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers");
      Map<String, String> copy = new LinkedHashMap<>();
      headers.forEach((name, value) -> {
        checkHeader(name, value);
        copy.put(name, value);
      });
      this.callbackHeaders = copy;
      return this;
    }

    /**
     * Adds one extra callback header.
     *
     * @param name the header name
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException as {@link #callbackHeaders(Map)}
     */
    public Builder callbackHeader(String name, String value) {
      checkHeader(name, value);
      callbackHeaders.put(name, value);
      return this;
    }

    private static void checkHeader(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("callback header name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
          throw new IllegalArgumentException("callback header name " + quote(name)
              + " is not a valid header name");
        }
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          throw new IllegalArgumentException("callback header " + name
              + " has a line break or NUL in its value");
        }
      }
      Set<String> reserved = Set.of("content-type", "content-length", "host", "webhook-id",
          "webhook-timestamp", "webhook-signature", "connection", "expect", "upgrade");
      if (reserved.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("callback header " + name
            + " is set by the gateway and cannot be configured");
      }
    }

    /**
     * Sets how many times a callback is tried. Default: {@value #DEFAULT_CALLBACK_ATTEMPTS}.
     *
     * @param attempts from 1 to 10
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder callbackAttempts(int attempts) {
      range("callbackAttempts", attempts, 1, 10);
      this.callbackAttempts = attempts;
      return this;
    }

    /**
     * Sets the bearer token runners present. Default: none (runner calls refused with 401).
     *
     * @param token the token, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is empty or has whitespace
     */
    public Builder runnerToken(String token) {
      String t = secret(token, "runnerToken");
      if (t != null) {
        for (int i = 0; i < t.length(); i++) {
          if (t.charAt(i) <= ' ' || t.charAt(i) >= 0x7f) {
            throw new IllegalArgumentException("runnerToken may hold visible ASCII only");
          }
        }
      }
      this.runnerToken = t;
      return this;
    }

    /**
     * Sets the {@code runs_on} of jobs nothing else labels. Default: none.
     *
     * @param label the label, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder runsOnDefault(String label) {
      this.runsOnDefault = text(label, "runsOnDefault");
      return this;
    }

    /**
     * Replaces the {@code runs_on} labels per repository. Default: none.
     *
     * @param perRepository {@code owner/repo} to label; copied
     * @return this builder
     * @throws NullPointerException when the map, a key or a value is null
     */
    public Builder runsOnMap(Map<String, String> perRepository) {
      Objects.requireNonNull(perRepository, "perRepository");
      Map<String, String> copy = new LinkedHashMap<>();
      perRepository.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "repository"),
          Objects.requireNonNull(v, "label")));
      this.runsOnMap = copy;
      return this;
    }

    /**
     * Sets where workflow files are read. Default: {@link WorkflowMode#AUTO}.
     *
     * @param mode the mode
     * @return this builder
     * @throws NullPointerException when {@code mode} is null
     */
    public Builder workflowMode(WorkflowMode mode) {
      this.workflowMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the URL schemes repositories may be fetched with. Repository URLs come from webhook
     * payloads: add {@code file} only for local repositories you trust. Default:
     * {@code https, ssh}.
     *
     * @param schemes some of https, http, ssh, git, file
     * @return this builder
     * @throws NullPointerException when {@code schemes} is null
     * @throws IllegalArgumentException when it is empty or names another scheme
     */
    public Builder gitSchemes(java.util.Collection<String> schemes) {
      Objects.requireNonNull(schemes, "schemes");
      Set<String> copy = new LinkedHashSet<>();
      for (String s : schemes) {
        String scheme = Objects.requireNonNull(s, "scheme").strip().toLowerCase(Locale.ROOT);
        if (!KNOWN_SCHEMES.contains(scheme)) {
          throw new IllegalArgumentException("gitSchemes: unknown scheme " + quote(s)
              + "; expected some of file, git, http, https, ssh");
        }
        copy.add(scheme);
      }
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("gitSchemes is empty");
      }
      this.gitSchemes = copy;
      return this;
    }

    /**
     * Sets the RabbitMQ broker. Default: none (the embedded file queue).
     *
     * @param url {@code amqp://} or {@code amqps://}, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when the scheme is another
     */
    public Builder amqpUrl(URI url) {
      if (url != null && !"amqp".equalsIgnoreCase(url.getScheme())
          && !"amqps".equalsIgnoreCase(url.getScheme())) {
        throw new IllegalArgumentException("amqpUrl must be an amqp:// or amqps:// URL, got "
            + quote(redactUri(url)));
      }
      this.amqpUrl = url;
      return this;
    }

    /**
     * Sets the first part of every exchange and queue name: {@code P.jobs}, {@code P.jobs.v1},
     * {@code P.dlx}, {@code P.jobs.v1.dlq}, {@code P.results}, {@code P.results.v1},
     * {@code P.results.dlx}, {@code P.results.v1.dlq}. Default: {@value #DEFAULT_AMQP_PREFIX},
     * Solstice CI's names.
     *
     * @param prefix letters, digits, {@code .}, {@code _} and {@code -}, not starting with
     *     {@code amq.}
     * @return this builder
     * @throws NullPointerException when {@code prefix} is null
     * @throws IllegalArgumentException when it has other characters, is empty or too long
     */
    public Builder amqpPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      String p = prefix.strip();
      if (p.isEmpty() || p.length() > 200 || p.startsWith("amq.")) {
        throw new IllegalArgumentException("amqpPrefix must be 1 to 200 characters, not starting"
            + " with amq.; got " + quote(p));
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '.' && c != '_' && c != '-') {
          throw new IllegalArgumentException("amqpPrefix may hold letters, digits, '.', '_' and"
              + " '-' only; got " + quote(p));
        }
      }
      this.amqpPrefix = p;
      return this;
    }

    /**
     * Sets the schema of the gateway's tables ({@code buildbridge_delivery_dedup},
     * {@code buildbridge_kcidb_outbox}); it is created at start when missing. Default: none, the
     * tables go where the connection's search path says.
     *
     * @param schema a lower-case SQL identifier, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is not one
     */
    public Builder jdbcSchema(String schema) {
      if (schema != null) {
        String s = schema.strip();
        boolean ok = !s.isEmpty() && s.length() <= 63 && (s.charAt(0) == '_'
            || (s.charAt(0) >= 'a' && s.charAt(0) <= 'z'));
        for (int i = 0; ok && i < s.length(); i++) {
          char c = s.charAt(i);
          ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        if (!ok) {
          throw new IllegalArgumentException("jdbcSchema must be a lower-case SQL identifier"
              + " ([a-z_][a-z0-9_]*, at most 63 characters); got " + quote(s));
        }
        schema = s;
      }
      this.jdbcSchema = schema;
      return this;
    }

    /**
     * Sets the PostgreSQL database. Default: none (memory for dedup, files for the outbox).
     *
     * @param url {@code jdbc:postgresql://...}, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is not a PostgreSQL JDBC URL
     */
    public Builder jdbcUrl(String url) {
      if (url != null && !url.strip().startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, got "
            + quote(redactJdbc(url)));
      }
      this.jdbcUrl = url == null ? null : url.strip();
      return this;
    }

    /**
     * Sets the database user. Default: none (the URL's, or the driver's default).
     *
     * @param user the user, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder jdbcUser(String user) {
      this.jdbcUser = text(user, "jdbcUser");
      return this;
    }

    /**
     * Sets the database password. Default: none.
     *
     * @param password the password, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is empty
     */
    public Builder jdbcPassword(String password) {
      this.jdbcPassword = secret(password, "jdbcPassword");
      return this;
    }

    /**
     * Sets the HTTP worker threads. Default: {@value #DEFAULT_WORKERS}.
     *
     * @param workers from 1 to 1024
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder workers(int workers) {
      range("workers", workers, 1, 1024);
      this.workers = workers;
      return this;
    }

    /**
     * Sets how many requests may wait for a worker before the gateway answers 503. Default:
     * {@value #DEFAULT_QUEUE_CAPACITY}.
     *
     * @param capacity from 1 to 100000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder queueCapacity(int capacity) {
      range("queueCapacity", capacity, 1, 100_000);
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets the largest request body. Default: 25 MiB.
     *
     * @param bytes from 1 to {@link #MAX_BODY_BYTES_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxBodyBytes(long bytes) {
      range("maxBodyBytes", bytes, 1, MAX_BODY_BYTES_LIMIT);
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Sets how long {@link Gateway#close()} waits for requests, callbacks and KCIDB sends in
     * flight. Default: 30 seconds.
     *
     * @param timeout zero or more
     * @return this builder
     * @throws NullPointerException when {@code timeout} is null
     * @throws IllegalArgumentException when negative
     */
    public Builder drainTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("drainTimeout must be 0 or more, was " + timeout);
      }
      this.drainTimeout = timeout;
      return this;
    }

    /**
     * Sets how long a job leased by a runner ({@code POST /jobs/next}) stays leased without a
     * result before it goes back to the queue. Default: 1 hour.
     *
     * @param timeout positive
     * @return this builder
     * @throws NullPointerException when {@code timeout} is null
     * @throws IllegalArgumentException when not positive
     */
    public Builder leaseTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("leaseTimeout must be positive, was " + timeout);
      }
      this.leaseTimeout = timeout;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws GatewayException {@code INVALID_CONFIG} when the settings do not fit together, as
     *     {@link GatewayConfig#GatewayConfig the constructor} says
     */
    public GatewayConfig build() {
      return new GatewayConfig(httpAddress, dataDir, allowUnsigned, githubWebhookSecret,
          giteaWebhookSecret, gitlabToken, tuxsuitePublicKey, tuxsuiteUrl, tuxsuiteToken,
          tuxsuiteGroup, tuxsuiteProject, kcidbUrl, kcidbToken, kcidbOrigin, githubAppId,
          githubAppKeyFile, githubApiUrl, githubReport, callbackUrl, callbackSecret,
          callbackHeaders, callbackAttempts, runnerToken, runsOnDefault, runsOnMap, workflowMode,
          gitSchemes, amqpUrl, amqpPrefix, jdbcUrl, jdbcUser, jdbcPassword, jdbcSchema, workers,
          queueCapacity, maxBodyBytes, drainTimeout, leaseTimeout);
    }

    private static String secret(String value, String name) {
      if (value != null && value.isEmpty()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      return value;
    }

    private static String text(String value, String name) {
      if (value != null && value.isBlank()) {
        throw new IllegalArgumentException(name + " is blank");
      }
      return value == null ? null : value.strip();
    }

    static InetSocketAddress parseAddress(String hostPort) {
      String s = hostPort.strip();
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("httpAddress: expected HOST:PORT, got " + quote(s));
      }
      String host = s.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.indexOf(':') >= 0) {
        throw new IllegalArgumentException("httpAddress: write an IPv6 host in brackets, such as"
            + " [::1]:8080; got " + quote(s));
      }
      if (host.isEmpty()) {
        host = "0.0.0.0";
      }
      int port;
      try {
        port = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("httpAddress: the port of " + quote(s)
            + " is not a number");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("httpAddress: port " + port
            + " is out of range (0 to 65535)");
      }
      return InetSocketAddress.createUnresolved(host, port);
    }
  }
}
