/**
 * PostgreSQL adapter: delivery dedup and the KCIDB outbox in tables that several gateway
 * instances share.
 */
package dev.buildbridge.jdbc;
