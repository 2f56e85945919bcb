/**
 * Submitting KCIDB documents: {@link dev.buildbridge.kcidb.submit.KcidbClient} talks to KCIDB-ng's
 * REST service ({@code POST /submit} with a Bearer JWT, {@code GET /status?id=}),
 * {@link dev.buildbridge.kcidb.submit.KcidbSplitter} cuts large documents under a size cap, and
 * {@link dev.buildbridge.kcidb.submit.KcidbOutbox} journals every document durably
 * ({@link dev.buildbridge.kcidb.submit.FileOutboxStore}, or any
 * {@link dev.buildbridge.kcidb.submit.OutboxStore}) before sending it, so that nothing submitted is
 * lost to a crash or an outage.
 *
 * <pre>{@code
 * try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
 *         .store(FileOutboxStore.open(Path.of("/var/lib/bridge/kcidb-outbox")))
 *         .client(KcidbClient.newBuilder().baseUrl(KcidbClient.PRODUCTION).token(jwt).build())
 *         .build()) {
 *     outbox.start();
 *     outbox.submit(document);
 * }
 * }</pre>
 *
 * <p>Documents are handled as JSON (a Jackson {@code ObjectNode} or UTF-8 bytes); validate them
 * before submitting, since KCIDB checks the schema only after it accepted a submission.
 */
package dev.buildbridge.kcidb.submit;
