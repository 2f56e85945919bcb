package dev.buildbridge.api.albs;

import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiTransport;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A client of the AlmaLinux Build System web server ({@code /api/v1}): builds, platforms,
 * products, releases, repositories, sign keys and tasks, test tasks, users, and the build node and
 * sign node protocols. Immutable and thread-safe; build one per server and token and share it.
 * Endpoints are grouped: {@code albs.builds().get(42)}, {@code albs.buildNode().getTask(...)}.
 *
 * <pre>{@code
 * AlbsClient albs = AlbsClient.newBuilder()
 *     .token(System.getenv("ALBS_JWT"))                // Authorization: Bearer <jwt>
 *     .build();                                        // https://build.almalinux.org/api/v1
 * BuildCreated created = albs.builds().create(BuildRequest.newBuilder(1)
 *     .platform("AlmaLinux-9", "x86_64", "aarch64")
 *     .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9", RefType.GIT_BRANCH))
 *     .build());
 * Build build = albs.builds().get(created.id());
 * }</pre>
 *
 * <p><b>Authorization.</b> ALBS takes a JWT as {@code Authorization: Bearer <jwt>} (browser logins
 * last a day; tokens minted for nodes with ALBS's {@code generate_token.py} a year). The user must
 * be active and verified. Without a token only the public reads work: builds, platforms, products,
 * releases, sign tasks and test results. ALBS answers 401 for a bad or expired token and 403 for a
 * user that is not verified or allowed; both surface as {@link dev.buildbridge.api.ApiException}
 * with reason {@code UNAUTHORIZED} or {@code FORBIDDEN}.
 *
 * <p><b>Errors.</b> Every call throws {@link dev.buildbridge.api.ApiException}; FastAPI's
 * {@code {"detail": ...}} (a text, or for a 422 the validation errors as
 * {@code body.product_id: Field required}) is in its {@code detail()}. Paths keep ALBS's trailing
 * slashes exactly: the wrong form gets a 307, which is not followed and surfaces as
 * {@code REDIRECT}.
 *
 * <p><b>Retries</b> follow {@link ApiTransport}: reads, {@code PUT}s and calls ALBS makes safe to
 * repeat ({@code build_done}, {@code ping}, cancelling) are repeated after transient failures;
 * creating builds, releases and sign tasks, and taking tasks, are not once they may have reached
 * the server.
 */
public final class AlbsClient {
  /** {@code https://build.almalinux.org}, the public AlmaLinux instance. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://build.almalinux.org");
  /** The path of the API under the server URL: {@value}. */
  public static final String API_PATH = "/api/v1";

  private final Builder settings;
  private final ApiTransport transport;
  private final BuildsApi builds;
  private final PlatformsApi platforms;
  private final ProductsApi products;
  private final ReleasesApi releases;
  private final RepositoriesApi repositories;
  private final SignKeysApi signKeys;
  private final SignTasksApi signTasks;
  private final TestTasksApi testTasks;
  private final UsersApi users;
  private final BuildNodeApi buildNode;
  private final SignNodeApi signNode;

  private AlbsClient(Builder settings, ApiTransport transport) {
    this.settings = settings;
    this.transport = transport;
    this.builds = new BuildsApi(transport);
    this.platforms = new PlatformsApi(transport);
    this.products = new ProductsApi(transport);
    this.releases = new ReleasesApi(transport);
    this.repositories = new RepositoriesApi(transport);
    this.signKeys = new SignKeysApi(transport);
    this.signTasks = new SignTasksApi(transport);
    this.testTasks = new TestTasksApi(transport);
    this.users = new UsersApi(transport);
    this.buildNode = new BuildNodeApi(transport);
    this.signNode = new SignNodeApi(transport);
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
   * Returns a builder with this client's settings, for a variant (another token, say).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns the transport, to call endpoints this client has no method for with the same base
   * URL (it ends in {@code /api/v1}), authorization and retries.
   *
   * <pre>{@code
   * JsonNode flavors = albs.transport().send(ApiRequest.get("/platform_flavors/").build(),
   *     JsonNode.class);
   * }</pre>
   *
   * @return the transport
   */
  public ApiTransport transport() {
    return transport;
  }

  /**
   * Returns the URL every path is appended to.
   *
   * @return for example {@code https://build.almalinux.org/api/v1}
   */
  public URI baseUrl() {
    return transport.baseUrl();
  }

  /**
   * Returns the build endpoints.
   *
   * @return create, read, list, restart, cancel, delete
   */
  public BuildsApi builds() {
    return builds;
  }

  /**
   * Returns the platform endpoints.
   *
   * @return list
   */
  public PlatformsApi platforms() {
    return platforms;
  }

  /**
   * Returns the product endpoints.
   *
   * @return list, read
   */
  public ProductsApi products() {
    return products;
  }

  /**
   * Returns the release endpoints.
   *
   * @return create, update, commit, read, list
   */
  public ReleasesApi releases() {
    return releases;
  }

  /**
   * Returns the repository endpoints.
   *
   * @return list, read
   */
  public RepositoriesApi repositories() {
    return repositories;
  }

  /**
   * Returns the sign key endpoints.
   *
   * @return list
   */
  public SignKeysApi signKeys() {
    return signKeys;
  }

  /**
   * Returns the sign task endpoints as users see them.
   *
   * @return list, create
   */
  public SignTasksApi signTasks() {
    return signTasks;
  }

  /**
   * Returns the test task endpoints.
   *
   * @return results, restart, cancel
   */
  public TestTasksApi testTasks() {
    return testTasks;
  }

  /**
   * Returns the user endpoints.
   *
   * @return list
   */
  public UsersApi users() {
    return users;
  }

  /**
   * Returns the build node protocol; {@link BuildNodeAgent} runs it in a loop.
   *
   * @return ping, get task, build done
   */
  public BuildNodeApi buildNode() {
    return buildNode;
  }

  /**
   * Returns the sign node protocol.
   *
   * @return get sign task, complete
   */
  public SignNodeApi signNode() {
    return signNode;
  }

  /**
   * Shows the base URL and how the client authorizes; never a token.
   *
   * @return for example {@code AlbsClient[https://build.almalinux.org/api/v1, ...]}
   */
  @Override
  public String toString() {
    return "AlbsClient[" + transport.baseUrl() + ", " + transport + "]";
  }

  /** Returns the API URL of a server URL: {@code /api/v1} appended unless already there. */
  static URI apiUrl(URI server) {
    String text = server.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text.endsWith(API_PATH) ? text : text + API_PATH);
  }

  /**
   * Configures an {@link AlbsClient}. Choose at most one authorization: {@link #token(String)}
   * or {@link #auth(ApiAuth)}. Builders are not thread-safe.
   */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String token;
    private ApiAuth auth;
    private String userAgent = "BuildBridge-SDK-Java";
    private Consumer<ApiTransport.Builder> transport = b -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.token = token;
      b.auth = auth;
      b.userAgent = userAgent;
      b.transport = transport;
      return b;
    }

    /**
     * Sets the server URL. The client appends {@code /api/v1} to it, unless its path already ends
     * so (as albs-node's {@code master_url} does); a server under a path prefix keeps it
     * ({@code https://host/albs} gives {@code https://host/albs/api/v1}). Default:
     * {@code https://build.almalinux.org}.
     *
     * @param baseUrl an absolute http or https URL without user info, query or fragment
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the URL is refused
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      ApiTransport.newBuilder().baseUrl(baseUrl); // checks it
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the server URL from text, as {@link #baseUrl(URI)}.
     *
     * @param baseUrl the URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the URL is not valid or is refused
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      try {
        return baseUrl(new URI(baseUrl));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URI: " + e.getMessage(), e);
      }
    }

    /**
     * Authorizes with an ALBS JWT: {@code Authorization: Bearer <jwt>}. Default: none (public
     * reads only).
     *
     * @param jwt the token
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank or with a space, control or non-ASCII character
     *     (the message does not show it)
     */
    public Builder token(String jwt) {
      ApiAuth.bearer(jwt); // checks it
      this.token = jwt;
      return this;
    }

    /**
     * Authorizes with any strategy, such as {@code ApiAuth.bearer(() -> vault.read("albs-jwt"))}
     * for a token that is replaced while the client lives. Default: none.
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
     * Sets the {@code User-Agent}. Default: {@code BuildBridge-SDK-Java}.
     *
     * @param userAgent not blank, without control characters
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
     * Adjusts the transport: HTTP client, timeouts, retries, circuit breaker, rate limiter. The
     * customizer runs after the ALBS settings (base URL, user agent) and may change them;
     * authorization it sets is used only when this builder sets none.
     *
     * <pre>{@code
     * .transport(t -> t.requestTimeout(Duration.ofSeconds(30)).maxAttempts(5))
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
     * @throws IllegalStateException if both {@link #token(String)} and {@link #auth(ApiAuth)} are
     *     set, or the customized transport settings conflict
     * @throws IllegalArgumentException if the customized transport settings are refused
     */
    public AlbsClient build() {
      if (token != null && auth != null) {
        throw new IllegalStateException("choose one of token(...) and auth(...)");
      }
      ApiTransport.Builder tb = ApiTransport.newBuilder()
          .baseUrl(apiUrl(baseUrl))
          .userAgent(userAgent)
          .name("albs");
      transport.accept(tb);
      if (token != null) {
        tb.auth(ApiAuth.bearer(token));
      } else if (auth != null) {
        tb.auth(auth);
      }
      return new AlbsClient(copy(), tb.build());
    }
  }
}
