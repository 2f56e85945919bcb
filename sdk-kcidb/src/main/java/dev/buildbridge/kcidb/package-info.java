/**
 * KCIDB v5.3 for Java: immutable records for the I/O document ({@link
 * dev.buildbridge.kcidb.KcidbDocument} with {@link dev.buildbridge.kcidb.Checkout}s, {@link
 * dev.buildbridge.kcidb.Build}s, {@link dev.buildbridge.kcidb.TestRun}s, {@link
 * dev.buildbridge.kcidb.Issue}s and {@link dev.buildbridge.kcidb.Incident}s), builders that
 * produce ids of the form {@code origin:local_id}, and a fast {@link
 * dev.buildbridge.kcidb.KcidbValidator} that reports every violation with its JSON pointer and
 * agrees with the official schema.
 *
 * <p>Every optional property is {@code null} when absent and is then left out of the JSON; KCIDB
 * never takes {@code null}. Times are {@link java.time.OffsetDateTime}s, written as RFC 3339 with
 * an offset.
 */
package dev.buildbridge.kcidb;
