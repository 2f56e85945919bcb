/**
 * A client for the TuxSuite REST API, on the {@code dev.buildbridge.api} transport:
 * {@link dev.buildbridge.api.tuxsuite.TuxSuiteClient} submits kernel builds
 * ({@link dev.buildbridge.api.tuxsuite.TuxBuildRequest}), tests
 * ({@link dev.buildbridge.api.tuxsuite.TuxTestRequest}), OpenEmbedded builds
 * ({@link dev.buildbridge.api.tuxsuite.TuxOebuildRequest}) and plans
 * ({@link dev.buildbridge.api.tuxsuite.TuxPlanRequest}); gets, lists and cancels them as
 * {@link dev.buildbridge.api.tuxsuite.TuxBuild}, {@link dev.buildbridge.api.tuxsuite.TuxTest},
 * {@link dev.buildbridge.api.tuxsuite.TuxOebuild} and {@link dev.buildbridge.api.tuxsuite.TuxPlan};
 * waits for a run to finish; and provides the project's callback key to
 * {@code dev.buildbridge.signing.TuxSuiteCallbackVerifier}.
 *
 * <p>The statuses here are the API's own records; sdk-webhooks has its own for callbacks (same
 * field names), so this module does not depend on it.
 */
package dev.buildbridge.api.tuxsuite;
