/**
 * TuxSuite to KCIDB: {@link dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper} turns a TuxSuite
 * build callback into a checkout and a build, and a test callback into one test per result,
 * with deterministic ids so that resubmitting the same callback changes nothing in KCIDB.
 */
package dev.buildbridge.kcidb.tuxsuite;
