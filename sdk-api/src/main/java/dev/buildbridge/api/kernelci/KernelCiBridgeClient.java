package dev.buildbridge.api.kernelci;

import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiTransport;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A client for the RISC-V KernelCI bridge ({@code riscv-kcidb-bridge}), which runs RISC-V kernel
 * builds and tests on TuxSuite and reports them to KCIDB. Every endpoint is a {@code POST} under
 * {@code /api/v1} that answers 204 without a body: the bridge keeps the TuxSuite uids to itself.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * KernelCiBridgeClient bridge = KernelCiBridgeClient.newBuilder()
 *     .baseUrl("https://riscv-bridge.example.org")
 *     .build();
 * bridge.runBuild(BuildData.newBuilder("gcc-12",
 *     "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", "master")
 *     .kconfig("defconfig").build());
 * bridge.syncResults();                       // daily: resubmit what KCIDB refused
 * }</pre>
 *
 * <p><b>Authorization.</b> The bridge has none; set {@link Builder#auth(ApiAuth)} when a proxy in
 * front of it asks for some.
 *
 * <p><b>Retries.</b> Only the two sync calls are repeated on 429, 502, 503, 504 and connection
 * failures: each resubmits what is pending and is safe to run twice. Runs and submissions are
 * not repeated after they may have reached the bridge: a second build or test run would start
 * a second TuxSuite job (the bridge's duplicate check does not work), and a second submission
 * would queue the results twice (KCIDB test ids are derived from the uid, so resending by hand
 * only overwrites them).
 */
public final class KernelCiBridgeClient {
  private final Builder settings;
  private final ApiTransport transport;

  private KernelCiBridgeClient(Builder settings, ApiTransport transport) {
    this.settings = settings;
    this.transport = transport;
  }

  /**
   * Starts a builder. The base URL is required.
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
   * Returns the transport, for endpoints this client has no method for.
   *
   * @return the transport
   */
  public ApiTransport transport() {
    return transport;
  }

  /**
   * Asks the bridge to build a RISC-V kernel on TuxSuite: {@code POST /api/v1/builds/run}. The
   * bridge reports the build to KCIDB when TuxSuite calls it back. Not repeated after a failure
   * that may have reached the bridge.
   *
   * @param build the build
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}; {@code VALIDATION} with the
   *     bridge's field errors in {@link ApiException#detail()}
   */
  public void runBuild(BuildData build) {
    post("/api/v1/builds/run", Objects.requireNonNull(build, "build"));
  }

  /**
   * Asks the bridge to run tests on TuxSuite: {@code POST /api/v1/tests/run}. Not repeated after
   * a failure that may have reached the bridge.
   *
   * @param suite the tests
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void runTests(TestSuite suite) {
    post("/api/v1/tests/run", Objects.requireNonNull(suite, "suite"));
  }

  /**
   * Asks the bridge to boot a kernel on TuxSuite: {@code POST /api/v1/boot-test/run}. Not
   * repeated after a failure that may have reached the bridge.
   *
   * @param suite the kernel to boot
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void runBootTest(BootTestSuite suite) {
    post("/api/v1/boot-test/run", Objects.requireNonNull(suite, "suite"));
  }

  /**
   * Hands the bridge results of tests run elsewhere, for KCIDB: {@code POST /api/v1/tests/submit}.
   * Not repeated after a failure that may have reached the bridge.
   *
   * @param results the results
   * @throws NullPointerException if the argument is null
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void submitTests(RunnerTestsResults results) {
    post("/api/v1/tests/submit", Objects.requireNonNull(results, "results"));
  }

  /**
   * Asks the bridge to resubmit the test results KCIDB has not taken yet:
   * {@code POST /api/v1/sync/results}, no body. Safe to repeat, and repeated on transient
   * failures.
   *
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void syncResults() {
    transport.send(ApiRequest.post("/api/v1/sync/results").idempotent(true).build());
  }

  /**
   * Asks the bridge to resubmit the builds KCIDB has not taken yet:
   * {@code POST /api/v1/sync/builds}, no body. Safe to repeat, and repeated on transient
   * failures.
   *
   * @throws ApiException as {@link ApiTransport#send(ApiRequest)}
   */
  public void syncBuilds() {
    transport.send(ApiRequest.post("/api/v1/sync/builds").idempotent(true).build());
  }

  private void post(String path, Object body) {
    transport.send(ApiRequest.post(path).json(body).build());
  }

  /**
   * Shows the base URL.
   *
   * @return for example {@code KernelCiBridgeClient[https://riscv-bridge.example.org]}
   */
  @Override
  public String toString() {
    return "KernelCiBridgeClient[" + transport.baseUrl() + "]";
  }

  /** Configures a {@link KernelCiBridgeClient}. Builders are not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private ApiAuth auth = ApiAuth.none();
    private String userAgent = "BuildBridge-SDK-Java";
    private Consumer<ApiTransport.Builder> transport = b -> { };

    private Builder() {}

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.auth = auth;
      b.userAgent = userAgent;
      b.transport = transport;
      return b;
    }

    /**
     * Sets the bridge's URL. Required. Paths start with {@code /api/v1}; include any prefix the
     * bridge is mounted under.
     *
     * @param baseUrl an absolute http or https URL, such as
     *     {@code https://riscv-bridge.example.org}
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets the bridge's URL from text. Required.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if it is not a valid URI
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
     * Sets how requests are authorized. Default: {@link ApiAuth#none()}, as the bridge has no
     * authorization.
     *
     * @param auth the strategy, such as {@code ApiAuth.bearer(token)} for a proxy
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
     * Adjusts the transport: HTTP client, timeouts, retries, circuit breaker, rate limiter. The
     * customizer runs after the bridge settings and may change them.
     *
     * <pre>{@code
     * .transport(t -> t.requestTimeout(Duration.ofMinutes(2)).maxAttempts(3))
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
     * @throws IllegalStateException if the base URL is missing
     * @throws IllegalArgumentException if the base URL or transport settings are refused
     */
    public KernelCiBridgeClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      ApiTransport.Builder tb = ApiTransport.newBuilder()
          .baseUrl(baseUrl)
          .userAgent(userAgent)
          .auth(auth)
          .name("kernelci-bridge");
      transport.accept(tb);
      return new KernelCiBridgeClient(copy(), tb.build());
    }
  }
}
