/**
 * RabbitMQ adapter: {@code jobrequest.v1} publishing with Solstice CI's topology and publisher
 * confirms, and {@code jobresult.v1} consumption.
 */
package dev.buildbridge.amqp;
