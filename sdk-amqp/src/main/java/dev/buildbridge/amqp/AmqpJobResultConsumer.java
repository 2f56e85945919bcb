package dev.buildbridge.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.buildbridge.amqp.AmqpException.Reason;
import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.core.job.JobResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Consumes {@code jobresult.v1} messages from the topology's results queue and hands each, parsed,
 * to a {@link JobResultHandler}.
 *
 * <pre>{@code
 * AmqpJobResultConsumer consumer = AmqpJobResultConsumer.newBuilder()
 *     .uri("amqp://gateway:" + password + "@rabbit.internal:5672/ci")
 *     .handler(result -> checks.complete(result.requestId(), result.success(), result.summary()))
 *     .build()
 *     .start();                                   // throws AmqpException if unreachable
 * // ... on shutdown:
 * consumer.close();
 * }</pre>
 *
 * <p><b>Acknowledgement.</b> The consumer asks for at most {@linkplain Builder#prefetch prefetch}
 * unacknowledged messages ({@code basic.qos}). A message is acknowledged after the handler returns.
 * A message that is not a valid {@code jobresult.v1} (not JSON, a missing field, over 1 MiB), and a
 * message whose handler throws, is rejected with {@code requeue=false}, so the broker moves it to
 * the results dead-letter queue, where an operator can inspect it (the handler never sees malformed
 * messages). Delivery is at least once: a result handled just before a lost connection may come
 * again.
 *
 * <p><b>Connection loss.</b> The consumer uses the RabbitMQ client's automatic recovery: after a
 * lost connection it reconnects every {@linkplain Builder#recoveryInterval recovery interval},
 * declares again what it declared, and resumes consuming; messages that were delivered but not
 * acknowledged are redelivered by the broker. Thread-safe.
 */
public final class AmqpJobResultConsumer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AmqpJobResultConsumer.class.getName());
  private static final int ABORT_MILLIS = 250;

  private final Endpoint endpoint;
  private final AmqpTopology topology;
  private final boolean declareTopology;
  private final int prefetch;
  private final JobResultHandler handler;
  private final String connectionName;
  private final Duration connectTimeout;
  private final Duration heartbeat;
  private final Duration recoveryInterval;
  private final Duration closeTimeout;
  private final SSLContext sslContext;

  private final Object lock = new Object();
  // guarded by lock
  private boolean started;
  private boolean closed;
  private int inFlight;
  private Connection connection;
  private Channel channel;
  private String consumerTag;

  private AmqpJobResultConsumer(Builder b) {
    this.endpoint = b.endpoint;
    this.topology = b.topology;
    this.declareTopology = b.declareTopology;
    this.prefetch = b.prefetch;
    this.handler = b.handler;
    this.connectionName = b.connectionName;
    this.connectTimeout = b.connectTimeout;
    this.heartbeat = b.heartbeat;
    this.recoveryInterval = b.recoveryInterval;
    this.closeTimeout = b.closeTimeout;
    this.sslContext = b.sslContext;
  }

  /**
   * Starts a builder. Defaults: Solstice's {@linkplain AmqpTopology#solstice() topology} with its
   * results side declared on start; prefetch 16; connect timeout 5 s; heartbeat 30 s; recovery
   * interval 2 s; close timeout 10 s; connection name {@code buildbridge-result-consumer}; the JVM's
   * default TLS context for {@code amqps}. The URI and the handler are required.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Connects, declares the results side of the topology (unless turned off), and starts consuming.
   *
   * @return this consumer
   * @throws IllegalStateException when already started
   * @throws AmqpException with reason {@link Reason#UNAVAILABLE} when the broker cannot be reached
   *     (call again later), {@link Reason#REFUSED} when it refuses the credentials or a
   *     declaration, {@link Reason#CLOSED} when the consumer was closed
   */
  public AmqpJobResultConsumer start() {
    synchronized (lock) {
      if (closed) {
        throw new AmqpException(Reason.CLOSED, "consumer of " + endpoint + " is closed");
      }
      if (started) {
        throw new IllegalStateException("consumer already started");
      }
      ConnectionFactory factory = endpoint.factory(sslContext, connectTimeout, heartbeat,
          connectTimeout);
      factory.setAutomaticRecoveryEnabled(true);
      factory.setTopologyRecoveryEnabled(true);
      factory.setNetworkRecoveryInterval(recoveryInterval.toMillis());
      Connection c;
      try {
        c = factory.newConnection(connectionName);
      } catch (AuthenticationFailureException e) {
        throw new AmqpException(Reason.REFUSED, endpoint + " refused the credentials: "
            + e.getMessage(), e);
      } catch (IOException | TimeoutException e) {
        throw failure("cannot connect to " + endpoint, e);
      }
      try {
        Channel ch = c.createChannel();
        if (ch == null) {
          throw new IOException("the broker allows no channels on this connection");
        }
        if (declareTopology) {
          topology.declareResults(ch);
        }
        ch.basicQos(prefetch);
        String tag = ch.basicConsume(topology.resultsQueue(), false, new Consumer(ch));
        if (c instanceof Recoverable r) {
          r.addRecoveryListener(new Recovery());
        }
        connection = c;
        channel = ch;
        consumerTag = tag;
        started = true;
      } catch (IOException | RuntimeException e) {
        c.abort(ABORT_MILLIS);
        throw failure("cannot consume from " + topology.resultsQueue() + " on " + endpoint, e);
      }
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "consuming " + topology.resultsQueue() + " on "
        + endpoint);
    return this;
  }

  private static AmqpException failure(String what, Exception e) {
    ShutdownSignalException signal = null;
    for (Throwable t = e; t != null && signal == null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException s) {
        signal = s;
      }
    }
    if (signal != null) {
      Object method = signal.getReason();
      if (method instanceof AMQP.Channel.Close close) {
        return new AmqpException(Reason.REFUSED, what + ": " + close.getReplyCode() + " "
            + close.getReplyText(), e);
      }
      if (method instanceof AMQP.Connection.Close close && close.getReplyCode() != 320) {
        return new AmqpException(Reason.REFUSED, what + ": " + close.getReplyCode() + " "
            + close.getReplyText(), e);
      }
    }
    return new AmqpException(Reason.UNAVAILABLE, what + ": " + e, e);
  }

  /**
   * Returns whether the consumer is started, not closed, and its connection is open (it is not
   * while the client library recovers a lost connection). Meant for health checks.
   *
   * @return whether the consumer is connected
   */
  public boolean isConnected() {
    synchronized (lock) {
      return started && !closed && connection != null && connection.isOpen();
    }
  }

  /**
   * Returns the topology results are consumed with.
   *
   * @return the topology
   */
  public AmqpTopology topology() {
    return topology;
  }

  /**
   * Stops consuming, waits (at most the close timeout) for a handler call in progress to finish and
   * be acknowledged, and closes the connection. Messages prefetched but not handled stay in the
   * queue. Idempotent; a consumer that was never started is just marked closed.
   */
  @Override
  public void close() {
    Connection c;
    Channel ch;
    String tag;
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
      ch = channel;
      tag = consumerTag;
    }
    if (c == null) {
      return;
    }
    try {
      if (ch.isOpen()) {
        ch.basicCancel(tag);
      }
    } catch (IOException | RuntimeException e) {
      // the connection is going away anyway
    }
    synchronized (lock) {
      boolean interrupted = false;
      while (inFlight > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          LOG.log(System.Logger.Level.WARNING, "closing the consumer of " + endpoint
              + " while a handler is still running; its message will be delivered again");
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, remaining);
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      c.close(Endpoint.millis(closeTimeout));
    } catch (IOException | RuntimeException e) {
      c.abort(ABORT_MILLIS);
    }
  }

  /**
   * Describes the consumer: the broker without credentials and the queue.
   *
   * @return a description without secrets
   */
  @Override
  public String toString() {
    return "AmqpJobResultConsumer[" + endpoint + ", queue=" + topology.resultsQueue() + "]";
  }

  private boolean enter() {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  private void exit() {
    synchronized (lock) {
      inFlight--;
      lock.notifyAll();
    }
  }

  private final class Consumer extends DefaultConsumer {
    Consumer(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
        byte[] body) {
      if (!enter()) {
        return; // closing: left unacknowledged, the broker requeues it when the connection closes
      }
      try {
        long deliveryTag = envelope.getDeliveryTag();
        JobResult result;
        try {
          result = JobResult.parse(body);
        } catch (BuildBridgeException e) {
          LOG.log(System.Logger.Level.WARNING, () -> "dead-lettering a malformed message"
              + describe(properties) + " from " + topology.resultsQueue() + ": " + e.code() + ": "
              + e.getMessage());
          reject(deliveryTag);
          return;
        }
        try {
          handler.handle(result);
        } catch (Exception e) {
          LOG.log(System.Logger.Level.WARNING, () -> "dead-lettering the result for "
              + result.requestId() + ": the handler failed", e);
          reject(deliveryTag);
          return;
        }
        try {
          getChannel().basicAck(deliveryTag, false);
        } catch (IOException | RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, () -> "cannot acknowledge the result for "
              + result.requestId() + " (" + e + "); the broker will deliver it again");
        }
      } finally {
        exit();
      }
    }

    private void reject(long deliveryTag) {
      try {
        getChannel().basicNack(deliveryTag, false, false);
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> "cannot reject a message (" + e
            + "); the broker will deliver it again");
      }
    }

    @Override
    public void handleCancel(String tag) {
      LOG.log(System.Logger.Level.WARNING, () -> "the broker cancelled consuming "
          + topology.resultsQueue() + " on " + endpoint + " (was the queue deleted?)");
    }
  }

  /** Names a message by its id, shortened and with anything but [A-Za-z0-9._:-] as '?'. */
  private static String describe(AMQP.BasicProperties properties) {
    String id = properties == null ? null : properties.getMessageId();
    if (id == null) {
      return "";
    }
    int n = Math.min(id.length(), 80);
    char[] safe = new char[n];
    for (int i = 0; i < n; i++) {
      char ch = id.charAt(i);
      boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '.' || ch == '_' || ch == ':' || ch == '-';
      safe[i] = ok ? ch : '?';
    }
    return " (message id " + new String(safe) + (id.length() > n ? "..." : "") + ")";
  }

  private final class Recovery implements RecoveryListener {
    @Override
    public void handleRecovery(Recoverable recoverable) {
      LOG.log(System.Logger.Level.INFO, () -> "consumer of " + topology.resultsQueue()
          + " reconnected to " + endpoint);
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
      LOG.log(System.Logger.Level.WARNING, () -> "consumer of " + topology.resultsQueue()
          + " lost its connection to " + endpoint + "; reconnecting");
    }
  }

  /** Builds an {@link AmqpJobResultConsumer}; not thread-safe. */
  public static final class Builder {
    private Endpoint endpoint;
    private AmqpTopology topology = AmqpTopology.solstice();
    private boolean declareTopology = true;
    private int prefetch = 16;
    private JobResultHandler handler;
    private String connectionName = "buildbridge-result-consumer";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration heartbeat = Duration.ofSeconds(30);
    private Duration recoveryInterval = Duration.ofSeconds(2);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private SSLContext sslContext;

    private Builder() {}

    /**
     * Sets the broker, as {@link AmqpJobPublisher.Builder#uri(String)} does. Required.
     *
     * @param uri {@code amqp://user:password@host:port/vhost} or {@code amqps://...}; the password
     *     is never logged or shown
     * @return this builder
     * @throws IllegalArgumentException when the URI is not an {@code amqp} or {@code amqps} URI
     *     with a host, or has a query; the message does not quote it
     */
    public Builder uri(String uri) {
      this.endpoint = Endpoint.parse(uri, "uri");
      return this;
    }

    /**
     * Sets the exchanges and queues; results are consumed from
     * {@link AmqpTopology#resultsQueue()}. Default {@link AmqpTopology#solstice()}.
     *
     * @param topology the topology
     * @return this builder
     */
    public Builder topology(AmqpTopology topology) {
      this.topology = Objects.requireNonNull(topology, "topology");
      return this;
    }

    /**
     * Sets whether {@link AmqpJobResultConsumer#start()} declares the results side of the topology
     * ({@link AmqpTopology#declareResults}). Default {@code true}.
     *
     * @param declare whether to declare
     * @return this builder
     */
    public Builder declareTopology(boolean declare) {
      this.declareTopology = declare;
      return this;
    }

    /**
     * Sets how many messages the broker may deliver before the first is acknowledged. Default 16.
     *
     * @param prefetch between 1 and 65535
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder prefetch(int prefetch) {
      if (prefetch < 1 || prefetch > 65535) {
        throw new IllegalArgumentException(
            "prefetch must be between 1 and 65535, was " + prefetch);
      }
      this.prefetch = prefetch;
      return this;
    }

    /**
     * Sets what receives the results. Required.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(JobResultHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Sets the connection name shown in the broker's management UI. Default
     * {@code buildbridge-result-consumer}.
     *
     * @param name a non-blank name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public Builder connectionName(String name) {
      this.connectionName = AmqpJobPublisher.checkConnectionName(name, "connectionName");
      return this;
    }

    /**
     * Sets the limit for opening a connection and for a channel operation. Default 5 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = AmqpJobPublisher.checkPositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the AMQP heartbeat, which detects a dead peer on an idle connection. Default 30 seconds;
     * {@link Duration#ZERO} turns heartbeats off.
     *
     * @param heartbeat zero, or at least one second and at most 65535 seconds
     * @return this builder
     * @throws IllegalArgumentException when the duration is negative, under one second but not
     *     zero, or too long
     */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = AmqpJobPublisher.checkHeartbeat(heartbeat, "heartbeat");
      return this;
    }

    /**
     * Sets how long to wait between attempts to reconnect after the connection is lost. Default 2
     * seconds.
     *
     * @param interval a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the interval is not positive
     */
    public Builder recoveryInterval(Duration interval) {
      this.recoveryInterval = AmqpJobPublisher.checkPositive(interval, "recoveryInterval");
      return this;
    }

    /**
     * Sets how long {@link AmqpJobResultConsumer#close()} waits for a running handler and for the
     * broker to confirm the close. Default 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = AmqpJobPublisher.checkPositive(timeout, "closeTimeout");
      return this;
    }

    /**
     * Sets the TLS context for {@code amqps} URIs. Default: the JVM's default context, with host
     * name verification either way.
     *
     * @param context the TLS context
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Builds the consumer; {@link AmqpJobResultConsumer#start()} connects.
     *
     * @return the consumer, not started
     * @throws IllegalStateException when the URI or the handler is missing
     */
    public AmqpJobResultConsumer build() {
      if (endpoint == null) {
        throw new IllegalStateException("uri is required");
      }
      if (handler == null) {
        throw new IllegalStateException("handler is required");
      }
      return new AmqpJobResultConsumer(this);
    }
  }
}
