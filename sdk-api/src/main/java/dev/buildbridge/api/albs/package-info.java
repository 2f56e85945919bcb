/**
 * A client of the AlmaLinux Build System (ALBS) web server, on the {@code dev.buildbridge.api}
 * transport: {@link dev.buildbridge.api.albs.AlbsClient} with its endpoint groups (builds,
 * platforms, products, releases, repositories, sign keys and tasks, test tasks, users), the build
 * node and sign node protocols ({@link dev.buildbridge.api.albs.BuildNodeApi},
 * {@link dev.buildbridge.api.albs.SignNodeApi}), and
 * {@link dev.buildbridge.api.albs.BuildNodeAgent}, a build node loop around a host-supplied
 * {@link dev.buildbridge.api.albs.TaskBuilder}.
 *
 * <pre>{@code
 * AlbsClient albs = AlbsClient.newBuilder().token(System.getenv("ALBS_JWT")).build();
 * BuildNodeAgent agent = BuildNodeAgent.newBuilder(albs,
 *     task -> BuildResult.done(buildAndUpload(task))).supportedArches("aarch64").build().start();
 * }</pre>
 *
 * <p>Status codes, which ALBS sends as integers, are enums with an {@code UNKNOWN} value for codes
 * added later; timestamps without offset are read as UTC; unknown fields are ignored. Not covered:
 * errata, teams and roles, platform flavors, test repositories, uploads, the COPR-compatible
 * routes, key generation for community products, and the sign task web socket; reach them through
 * {@link dev.buildbridge.api.albs.AlbsClient#transport()}.
 */
package dev.buildbridge.api.albs;
