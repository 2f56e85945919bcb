/**
 * RabbitMQ adapter: {@code jobrequest.v1} publishing with Solstice CI's topology and publisher
 * confirms, and {@code jobresult.v1} consumption.
 *
 * <ul>
 *   <li>{@link dev.buildbridge.amqp.AmqpJobPublisher}: a {@link dev.buildbridge.core.job.JobSink}
 *       that returns only once the broker confirmed every job; reconnects and publishes again what
 *       was not confirmed (at least once, consumers deduplicate by {@code request_id}).
 *   <li>{@link dev.buildbridge.amqp.AmqpJobResultConsumer}: hands results to a
 *       {@link dev.buildbridge.amqp.JobResultHandler}, acknowledges after it returns, dead-letters
 *       malformed messages and failed results, recovers lost connections.
 *   <li>{@link dev.buildbridge.amqp.AmqpTopology}: exchange, routing key, queue and dead-letter
 *       names ({@code solstice.jobs}, {@code jobrequest.v1}, {@code solstice.jobs.v1},
 *       {@code solstice.dlx}, {@code solstice.jobs.v1.dlq} by default) and their declaration.
 *   <li>{@link dev.buildbridge.amqp.AmqpException}: why the broker did not take the jobs.
 * </ul>
 *
 * <p>The only dependency beyond sdk-core is the RabbitMQ Java client (its blocking-socket
 * transport; Netty is not needed).
 */
package dev.buildbridge.amqp;
