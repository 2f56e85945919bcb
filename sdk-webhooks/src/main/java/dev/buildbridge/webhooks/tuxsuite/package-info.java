/**
 * TuxSuite callbacks as typed values: {@link dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallbacks}
 * parses a callback body into a {@link dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallback} whose
 * status record keeps every field, typed or not.
 */
package dev.buildbridge.webhooks.tuxsuite;
