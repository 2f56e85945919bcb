package dev.buildbridge.api.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import dev.buildbridge.api.Paged;
import dev.buildbridge.api.Pagination;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A GitHub REST client for CI integrations: App installation tokens, Checks, commit Statuses and
 * Contents. Immutable and thread-safe; build one per App (or token) and share it.
 *
 * <pre>{@code
 * GitHubClient app = GitHubClient.newBuilder()
 *     .app(GitHubAppJwtIssuer.newBuilder().issuer(clientId).privateKeyPem(pem).build())
 *     .userAgent("my-ci/1.0")
 *     .build();
 * GitHubClient github = app.withInstallation(app.repositoryInstallation("octo", "repo").id());
 * CheckRun run = github.createCheckRun("octo", "repo",
 *     CheckRunRequest.newBuilder("ci / build", sha).externalId(requestId).build());
 * github.updateCheckRun("octo", "repo", run.id(), CheckRunUpdate.completed(
 *     CheckConclusion.SUCCESS, Instant.now(), CheckRunOutput.of("Passed", "All 3 jobs passed")));
 * }</pre>
 *
 * <p>Every request carries {@code Accept: application/vnd.github+json} and
 * {@code X-GitHub-Api-Version: 2022-11-28}. Retries follow {@link ApiTransport}: creating a check
 * run is a POST that is never repeated after it may have reached GitHub (a retry could create a
 * second run); updating one (PATCH with the same body) and creating a commit status (the latest
 * status per context wins) are marked safe to repeat, as is fetching an installation token (a spare
 * token is harmless).
 */
public final class GitHubClient {
  /** Starts the problem of the MALFORMED_RESPONSE for a path that is not a file. */
  private static final String NOT_A_FILE = "expected a file, got ";

  /** {@code https://api.github.com}. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.github.com");
  /** The REST API version sent in {@code X-GitHub-Api-Version}. */
  public static final String DEFAULT_API_VERSION = "2022-11-28";
  private static final String JSON = "application/vnd.github+json";
  private static final String RAW = "application/vnd.github.raw+json";
  /** One object for every kind of entry; files over 1 MB come with {@code encoding: none}. */
  private static final String OBJECT = "application/vnd.github.object+json";

  private final Builder settings;
  private final ApiTransport transport;
  private final ApiTransport base;
  private final ApiAuth jwt;

  private GitHubClient(Builder settings, ApiTransport base, ApiTransport transport, ApiAuth jwt) {
    this.settings = settings;
    this.base = base;
    this.transport = transport;
    this.jwt = jwt;
  }

  /**
   * Starts a builder. Defaults: {@link #DEFAULT_BASE_URL}, no authorization.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder with this client's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the transport, to call endpoints this client has no method for with the same base
   * URL, headers, authorization and retries.
   *
   * @return the transport
   */
  public ApiTransport transport() {
    return transport;
  }

  // ---------------------------------------------------------------- App

  /**
   * Finds the App's installation on a repository: {@code GET /repos/{owner}/{repo}/installation},
   * authorized with the App JWT.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @return the installation
   * @throws IllegalStateException if the client has no App ({@link Builder#app})
   * @throws ApiException {@code NOT_FOUND} when the App is not installed there, and as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public Installation repositoryInstallation(String owner, String repo) {
    return transport.send(ApiRequest.get("/repos/{owner}/{repo}/installation", owner, repo)
        .auth(requireJwt()).build(), Installation.class);
  }

  /**
   * Creates an installation access token: {@code POST /app/installations/{id}/access_tokens},
   * authorized with the App JWT. Prefer {@link #installationAuth(long)}, which caches it.
   *
   * @param installationId the installation
   * @return the token, valid one hour
   * @throws IllegalStateException if the client has no App
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}; the exception holds no
   *     excerpt of the response
   */
  public InstallationToken createInstallationToken(long installationId) {
    return base.send(tokenRequest(installationId), InstallationToken.class);
  }

  private ApiRequest tokenRequest(long installationId) {
    return ApiRequest.post("/app/installations/{id}/access_tokens", installationId)
        .auth(requireJwt())
        .idempotent(true) // a spare token is harmless
        .sensitive()
        .build();
  }

  /**
   * Returns an authorization strategy for an installation, caching its token until 5 minutes
   * (see {@link Builder#tokenRefreshMargin(Duration)}) before it expires. Keep and share it: each
   * call makes a new cache.
   *
   * @param installationId the installation, positive
   * @return the strategy
   * @throws IllegalStateException if the client has no App
   * @throws IllegalArgumentException if the id is not positive
   */
  public GitHubAppAuth installationAuth(long installationId) {
    requireJwt();
    if (installationId <= 0) {
      throw new IllegalArgumentException("installationId must be positive, was "
          + installationId);
    }
    return new GitHubAppAuth(installationId,
        id -> base.sendAsync(tokenRequest(id), InstallationToken.class),
        settings.clock, settings.tokenRefreshMargin);
  }

  /**
   * Returns a client acting as an installation of this client's App, sharing its HTTP client and
   * settings. Keep and share it: each call makes a new token cache.
   *
   * @param installationId the installation, positive
   * @return the client
   * @throws IllegalStateException if the client has no App
   * @throws IllegalArgumentException if the id is not positive
   */
  public GitHubClient withInstallation(long installationId) {
    GitHubAppAuth auth = installationAuth(installationId);
    Builder b = settings.copy();
    b.installationId = installationId;
    return new GitHubClient(b, base, base.toBuilder().auth(auth).build(), jwt);
  }

  private ApiAuth requireJwt() {
    if (jwt == null) {
      throw new IllegalStateException("this GitHubClient has no App: set app(GitHubAppJwtIssuer)");
    }
    return jwt;
  }

  // ---------------------------------------------------------------- Checks

  /**
   * Creates a check run: {@code POST /repos/{owner}/{repo}/check-runs}. GitHub Apps only. Not
   * repeated after a failure that may have reached GitHub; look the run up by
   * {@link CheckRun#externalId()} with {@link #listCheckRunsForRef} before creating it again.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param request the run
   * @return the created run
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)} ({@code FORBIDDEN} for a
   *     token that is not an App's, {@code VALIDATION} for a bad SHA)
   */
  public CheckRun createCheckRun(String owner, String repo, CheckRunRequest request) {
    return transport.send(createCheckRunRequest(owner, repo, request), CheckRun.class);
  }

  /**
   * Creates a check run without blocking.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param request the run
   * @return a future of the created run, failing with an {@link ApiException}
   */
  public CompletableFuture<CheckRun> createCheckRunAsync(String owner, String repo,
      CheckRunRequest request) {
    return transport.sendAsync(createCheckRunRequest(owner, repo, request), CheckRun.class);
  }

  private static ApiRequest createCheckRunRequest(String owner, String repo,
      CheckRunRequest request) {
    Objects.requireNonNull(request, "request");
    return ApiRequest.post("/repos/{owner}/{repo}/check-runs", owner, repo).json(request).build();
  }

  /**
   * Updates a check run: {@code PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}}. Marked
   * safe to repeat: sending the same changes twice leaves the same run.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param checkRunId the run's id
   * @param update the changes
   * @return the updated run
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public CheckRun updateCheckRun(String owner, String repo, long checkRunId,
      CheckRunUpdate update) {
    return transport.send(updateCheckRunRequest(owner, repo, checkRunId, update), CheckRun.class);
  }

  /**
   * Updates a check run without blocking.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param checkRunId the run's id
   * @param update the changes
   * @return a future of the updated run, failing with an {@link ApiException}
   */
  public CompletableFuture<CheckRun> updateCheckRunAsync(String owner, String repo,
      long checkRunId, CheckRunUpdate update) {
    return transport.sendAsync(updateCheckRunRequest(owner, repo, checkRunId, update),
        CheckRun.class);
  }

  private static ApiRequest updateCheckRunRequest(String owner, String repo, long checkRunId,
      CheckRunUpdate update) {
    Objects.requireNonNull(update, "update");
    return ApiRequest.patch("/repos/{owner}/{repo}/check-runs/{id}", owner, repo, checkRunId)
        .json(update).idempotent(true).build();
  }

  /**
   * Lists the check runs of a commit or ref, 100 per page, following GitHub's {@code Link}
   * header: {@code GET /repos/{owner}/{repo}/commits/{ref}/check-runs}. Lazy: nothing is sent
   * until iteration.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param ref a commit SHA, branch or tag name
   * @return the runs
   */
  public Paged<CheckRun> listCheckRunsForRef(String owner, String repo, String ref) {
    return transport.paginate(
        ApiRequest.get("/repos/{owner}/{repo}/commits/{ref}/check-runs", owner, repo, ref)
            .query("per_page", 100).build(),
        CheckRunList.class, Pagination.linkHeader(CheckRunList::checkRuns));
  }

  // ---------------------------------------------------------------- Statuses

  /**
   * Creates a commit status: {@code POST /repos/{owner}/{repo}/statuses/{sha}}. Marked safe to
   * repeat: the latest status of a context is the one shown.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param sha the commit SHA
   * @param request the status
   * @return the created status
   * @throws ApiException as {@link ApiTransport#send(ApiRequest, Class)}
   */
  public CommitStatus createStatus(String owner, String repo, String sha,
      CommitStatusRequest request) {
    return transport.send(statusRequest(owner, repo, sha, request), CommitStatus.class);
  }

  /**
   * Creates a commit status without blocking.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param sha the commit SHA
   * @param request the status
   * @return a future of the created status, failing with an {@link ApiException}
   */
  public CompletableFuture<CommitStatus> createStatusAsync(String owner, String repo, String sha,
      CommitStatusRequest request) {
    return transport.sendAsync(statusRequest(owner, repo, sha, request), CommitStatus.class);
  }

  private static ApiRequest statusRequest(String owner, String repo, String sha,
      CommitStatusRequest request) {
    Objects.requireNonNull(request, "request");
    return ApiRequest.post("/repos/{owner}/{repo}/statuses/{sha}", owner, repo, sha)
        .json(request).idempotent(true).build();
  }

  // ---------------------------------------------------------------- Contents

  /**
   * Tells whether {@link #getFile} refused a path because it names a directory, a symbolic link
   * or a submodule (rather than because the answer was broken).
   *
   * @param e a failure of {@link #getFile}
   * @return true for "not a file"
   */
  public static boolean isNotAFile(ApiException e) {
    return e.reason() == Reason.MALFORMED_RESPONSE && e.getMessage() != null
        && e.getMessage().contains(NOT_A_FILE);
  }

  /**
   * Reads a file at a ref: {@code GET /repos/{owner}/{repo}/contents/{path}?ref=}. The path's
   * segments are percent-encoded one by one (spaces, {@code #}, non-ASCII). Asked with
   * {@code Accept: application/vnd.github.object+json}: files up to 1 MB come base64-encoded in the
   * answer; larger ones (up to 100 MB) come with {@code encoding: none} and are fetched again with
   * {@code application/vnd.github.raw+json}.
   *
   * @param owner the repository owner
   * @param repo the repository name
   * @param path the file's path, such as {@code .solstice/workflow.kdl}: no leading, trailing or
   *     doubled slash, no {@code .} or {@code ..} segment
   * @param ref a commit SHA, branch or tag name, or null for the default branch
   * @return the file, or empty when GitHub answers 404 (no such file or ref, or a repository the
   *     credentials cannot see)
   * @throws IllegalArgumentException if the path is refused
   * @throws ApiException {@code MALFORMED_RESPONSE} when the path is a directory, symlink or
   *     submodule, or the content cannot be decoded; otherwise as
   *     {@link ApiTransport#send(ApiRequest, Class)}
   */
  public Optional<RepositoryFile> getFile(String owner, String repo, String path, String ref) {
    Objects.requireNonNull(path, "path");
    ApiRequest request = ApiRequest.get("/repos/{owner}/{repo}/contents/{+path}", owner, repo,
        path).query("ref", ref).build();
    ApiResponse<JsonNode> response;
    ApiRequest object = request.toBuilder().accept(OBJECT).build();
    try {
      response = transport.exchange(object, JsonNode.class);
    } catch (ApiException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    JsonNode node = response.body().orElse(null);
    if (node == null || node.isArray()) {
      throw notAFile(request, response, node == null ? "an empty answer" : "a directory");
    }
    String type = text(node, "type");
    if (!"file".equals(type)) {
      throw notAFile(request, response, type == null ? "an entry without type"
          : type.equals("dir") ? "a directory" : "a " + type);
    }
    String encoding = text(node, "encoding");
    long size = node.path("size").asLong(-1);
    byte[] content;
    if ("base64".equals(encoding)) {
      content = decodeBase64(text(node, "content"), request, response);
    } else if ("none".equals(encoding) || (encoding == null && size > 0)) {
      // over 1 MB: the JSON answer has no content
      try {
        content = transport.send(request.toBuilder().accept(RAW).build(), byte[].class);
      } catch (ApiException e) {
        if (e.reason() == Reason.NOT_FOUND) {
          return Optional.empty();
        }
        throw e;
      }
    } else if (encoding == null && size == 0) {
      content = new byte[0];
    } else {
      throw malformed(request, response, "file content has unknown encoding " + encoding);
    }
    if (size >= 0 && size != content.length) {
      throw malformed(request, response, "file content has " + content.length
          + " bytes, but its size is " + size);
    }
    String sha = text(node, "sha");
    String name = text(node, "name");
    String filePath = text(node, "path");
    if (sha == null || name == null || filePath == null) {
      throw malformed(request, response, "file entry lacks sha, name or path");
    }
    return Optional.of(new RepositoryFile(filePath, name, sha, content.length, content,
        text(node, "html_url"), text(node, "download_url")));
  }

  private byte[] decodeBase64(String base64, ApiRequest request, ApiResponse<?> response) {
    if (base64 == null) {
      throw malformed(request, response, "file entry has no content");
    }
    // GitHub wraps the base64 at 60 columns with '\n'; nothing else may appear
    StringBuilder compact = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != '\n' && c != '\r') {
        compact.append(c);
      }
    }
    try {
      return Base64.getDecoder().decode(compact.toString());
    } catch (IllegalArgumentException e) {
      throw malformed(request, response, "file content is not valid base64");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private ApiException notAFile(ApiRequest request, ApiResponse<?> response, String what) {
    return malformed(request, response, NOT_A_FILE + what);
  }

  private ApiException malformed(ApiRequest request, ApiResponse<?> response, String problem) {
    return ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(),
            transport.baseUrl().getRawPath() + request.path())
        .status(response.status())
        .attempts(response.attempts())
        .requestId(response.header("x-github-request-id").orElse(null))
        .problem(problem)
        .build();
  }

  /**
   * Shows the base URL and how the client authorizes; never a token.
   *
   * @return for example {@code GitHubClient[https://api.github.com, GitHubAppAuth[...]]}
   */
  @Override
  public String toString() {
    return "GitHubClient[" + transport.baseUrl() + ", " + transport + "]";
  }

  /**
   * Configures a {@link GitHubClient}. Choose one authorization: {@link #token(String)},
   * {@link #app(GitHubAppJwtIssuer)} (with {@link #installationId(long)} to act as an
   * installation), or {@link #auth(ApiAuth)}. Builders are not thread-safe.
   */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String token;
    private GitHubAppJwtIssuer app;
    private Long installationId;
    private ApiAuth auth;
    private String userAgent = "BuildBridge-SDK-Java";
    private String apiVersion = DEFAULT_API_VERSION;
    private Duration tokenRefreshMargin = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private Consumer<ApiTransport.Builder> transport = b -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.token = token;
      b.app = app;
      b.installationId = installationId;
      b.auth = auth;
      b.userAgent = userAgent;
      b.apiVersion = apiVersion;
      b.tokenRefreshMargin = tokenRefreshMargin;
      b.clock = clock;
      b.transport = transport;
      return b;
    }

    /**
     * Sets the API base URL. Default: {@code https://api.github.com}; GitHub Enterprise Server uses
     * {@code https://HOST/api/v3}.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Authorizes with a personal access token or an installation token obtained elsewhere:
     * {@code Authorization: Bearer <token>}.
     *
     * @param token the token
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with whitespace or control characters
     */
    public Builder token(String token) {
      ApiAuth.bearer(token); // checks it
      this.token = token;
      return this;
    }

    /**
     * Authorizes as a GitHub App: App endpoints ({@link #repositoryInstallation},
     * {@link #createInstallationToken}) use a JWT from the issuer; with
     * {@link #installationId(long)} every other request uses the installation's token, else the
     * JWT.
     *
     * @param issuer the App's JWT issuer
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder app(GitHubAppJwtIssuer issuer) {
      this.app = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Acts as this installation of the App set with {@link #app(GitHubAppJwtIssuer)}. Default:
     * none.
     *
     * @param installationId the installation id, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder installationId(long installationId) {
      if (installationId <= 0) {
        throw new IllegalArgumentException("installationId must be positive, was "
            + installationId);
      }
      this.installationId = installationId;
      return this;
    }

    /**
     * Authorizes with any strategy.
     *
     * @param auth the strategy
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder auth(ApiAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Sets the {@code User-Agent}; GitHub asks for the App's or the user's name. Default:
     * {@code BuildBridge-SDK-Java}.
     *
     * @param userAgent not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder userAgent(String userAgent) {
      ApiTransport.newBuilder().userAgent(userAgent); // checks it
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets {@code X-GitHub-Api-Version}. Default: {@value GitHubClient#DEFAULT_API_VERSION}.
     *
     * @param apiVersion the version date
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = Arguments.nonBlank(apiVersion, "apiVersion");
      return this;
    }

    /**
     * Sets how long before expiry a cached installation token is replaced. Default: 5 minutes.
     *
     * @param margin zero to 30 minutes
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if negative or over 30 minutes
     */
    public Builder tokenRefreshMargin(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative() || margin.compareTo(Duration.ofMinutes(30)) > 0) {
        throw new IllegalArgumentException("tokenRefreshMargin must be 0 to 30 minutes, was "
            + margin);
      }
      this.tokenRefreshMargin = margin;
      return this;
    }

    /**
     * Sets the clock for token expiry and rate-limit resets. Default: {@link Clock#systemUTC()}.
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
     * Adjusts the transport: HTTP client, timeouts, retries, circuit breaker, rate limiter. The
     * customizer runs after the GitHub settings (base URL, user agent, headers) and may change
     * them; authorization it sets is used only when this builder sets none.
     *
     * <pre>{@code
     * .transport(t -> t.httpClient(shared).maxAttempts(5).circuitBreaker(githubBreaker))
     * }</pre>
     *
     * @param customizer changes the transport builder
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder transport(Consumer<ApiTransport.Builder> customizer) {
      this.transport = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if more than one authorization is chosen, or an installation
     *     id is set without an App
     * @throws IllegalArgumentException if the transport settings are refused
     */
    public GitHubClient build() {
      int chosen = (token != null ? 1 : 0) + (app != null ? 1 : 0) + (auth != null ? 1 : 0);
      if (chosen > 1) {
        throw new IllegalStateException("choose one of token(...), app(...) and auth(...)");
      }
      if (installationId != null && app == null) {
        throw new IllegalStateException("installationId needs app(GitHubAppJwtIssuer)");
      }
      ApiTransport.Builder tb = ApiTransport.newBuilder()
          .baseUrl(baseUrl)
          .userAgent(userAgent)
          .defaultHeader("Accept", JSON)
          .defaultHeader("X-GitHub-Api-Version", apiVersion)
          .clock(clock)
          .name("github");
      transport.accept(tb);
      ApiTransport base = tb.build();
      Builder frozen = copy();
      ApiAuth jwt = app == null ? null : new AppJwtAuth(app, clock);
      GitHubClient appClient = new GitHubClient(frozen, base, base, jwt);
      if (installationId != null) {
        return appClient.withInstallation(installationId);
      }
      ApiAuth chosenAuth = token != null ? ApiAuth.bearer(token) : auth != null ? auth : jwt;
      if (chosenAuth == null) {
        return appClient;
      }
      return new GitHubClient(frozen, base, base.toBuilder().auth(chosenAuth).build(), jwt);
    }
  }
}
