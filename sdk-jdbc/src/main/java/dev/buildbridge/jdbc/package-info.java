/**
 * PostgreSQL adapter: delivery dedup and the KCIDB outbox in tables that several gateway
 * instances share.
 *
 * <ul>
 *   <li>{@link dev.buildbridge.jdbc.JdbcDedupStore}: a
 *       {@link dev.buildbridge.webhooks.DeliveryDedupStore} whose {@code firstSeen} is one atomic
 *       {@code INSERT ... ON CONFLICT}, so a delivery is taken by one instance only;
 *   <li>{@link dev.buildbridge.jdbc.JdbcOutboxStore}: a
 *       {@link dev.buildbridge.kcidb.submit.OutboxStore} that every instance appends to and one
 *       instance at a time (the holder of a session advisory lock) drains.
 * </ul>
 *
 * <p>Both take a {@link javax.sql.DataSource} ({@code org.postgresql.ds.PGSimpleDataSource}, or
 * any pool) and table names that are checked, never pasted into SQL unchecked. Each gives its DDL
 * ({@code ddl()}) and can create its table ({@code createTableIfMissing()}). Database failures
 * are {@link dev.buildbridge.jdbc.JdbcException}s (in the outbox, as the cause of a
 * {@code KcidbException} {@code OUTBOX_IO}).
 */
package dev.buildbridge.jdbc;
