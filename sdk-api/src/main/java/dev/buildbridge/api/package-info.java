/**
 * The HTTP core of the BuildBridge API clients: {@link dev.buildbridge.api.ApiTransport} (base URL,
 * {@link dev.buildbridge.api.ApiAuth authorization}, JSON, timeouts, retries with backoff, optional
 * circuit breaker and rate limiter, blocking and asynchronous calls),
 * {@link dev.buildbridge.api.ApiRequest} (one call, with encoded path templates),
 * {@link dev.buildbridge.api.ApiResponse}, lazy {@link dev.buildbridge.api.Paged pagination} by
 * page number, cursor or {@code Link} header, and the one failure type
 * {@link dev.buildbridge.api.ApiException}.
 *
 * <p>A client declares each endpoint as a method that builds an {@code ApiRequest} and sends it:
 * <pre>{@code
 * public Build build(long id) {
 *   return transport.send(ApiRequest.get("/builds/{id}/", id).build(), Build.class);
 * }
 * }</pre>
 * The clients: {@code dev.buildbridge.api.github} (GitHub), {@code dev.buildbridge.api.albs} (the
 * AlmaLinux Build System), {@code dev.buildbridge.api.tuxsuite} (TuxSuite) and
 * {@code dev.buildbridge.api.kernelci} (the RISC-V KernelCI bridge).
 */
package dev.buildbridge.api;
