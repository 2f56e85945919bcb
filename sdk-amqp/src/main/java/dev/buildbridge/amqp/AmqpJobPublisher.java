package dev.buildbridge.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.buildbridge.amqp.AmqpException.Reason;
import dev.buildbridge.amqp.ConfirmChannel.Attempt;
import dev.buildbridge.amqp.ConfirmChannel.Link;
import dev.buildbridge.amqp.ConfirmChannel.Outgoing;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * A {@link JobSink} that publishes {@code jobrequest.v1} messages to RabbitMQ and returns only once
 * the broker has confirmed every one of them, so a webhook gateway can answer the forge after
 * {@link #accept(List)} and lose no job.
 *
 * <pre>{@code
 * try (AmqpJobPublisher publisher = AmqpJobPublisher.newBuilder()
 *     .uri("amqp://gateway:" + password + "@rabbit.internal:5672/ci")
 *     .build()) {                                   // Solstice's topology, declared on connect
 *   Decision decision = handler.handle(delivery);
 *   try {
 *     publisher.accept(decision.jobs());            // broker-confirmed when it returns
 *     respond(decision.status());
 *   } catch (AmqpException e) {
 *     respond(503);                                 // the forge redelivers
 *   }
 * }
 * }</pre>
 *
 * <p><b>Messages.</b> Each job goes to the topology's exchange with its routing key, with
 * {@code mandatory} set, as a persistent message ({@code delivery_mode 2}) with content type
 * {@code application/json}, {@code message_id} = {@code request_id}, {@code type}
 * {@code jobrequest.v1}, {@code timestamp} = {@code submitted_at}, {@code app_id}
 * {@code buildbridge}, and the headers {@code source}, {@code group_id} and {@code runs_on} (the
 * last two when set). The body is {@link JobRequest#toJson()}.
 *
 * <p><b>Delivery contract: at least once.</b> {@code accept} returns normally only when the broker
 * acknowledged every job (for a durable queue: after writing it to disk) and returned none. If the
 * connection or channel fails first, the publisher reconnects and publishes again every job not yet
 * acknowledged, until every job is acknowledged or the {@linkplain Builder#confirmTimeout deadline}
 * passes; a job whose acknowledgement was lost with the connection may therefore be queued twice.
 * Consumers deduplicate by {@code request_id} ({@code message_id}), as Solstice's do. When
 * {@code accept} throws, some jobs may have been queued anyway; a redelivery of the webhook then
 * queues them again under new request ids, so runners may build a commit twice but never miss one.
 *
 * <p><b>Failures.</b> {@link AmqpException} with reason {@link Reason#UNROUTABLE} (a job was
 * returned: no queue bound, or the exchange does not exist), {@link Reason#NOT_CONFIRMED} (a job was
 * nacked), {@link Reason#REFUSED} (credentials, permissions, a conflicting declaration),
 * {@link Reason#UNAVAILABLE} (the broker could not be reached before the deadline),
 * {@link Reason#TIMEOUT} (published but not confirmed in time; the connection is then dropped and
 * the next call reconnects), {@link Reason#INTERRUPTED} and {@link Reason#CLOSED}. The first three
 * fail at once; connection failures are retried until the deadline.
 *
 * <p><b>Connections.</b> One connection, opened on the first {@code accept} (so building never
 * blocks and a broker that is down at start-up is not fatal), reopened after it fails. The client
 * library's automatic recovery is off: it cannot know which confirms were lost. Each call borrows a
 * confirm-mode channel from a small pool ({@link Builder#maxChannels}), so calls from many threads
 * run concurrently. While the broker blocks publishers (memory or disk alarm), calls fail at once
 * with {@link Reason#UNAVAILABLE} instead of hanging. Thread-safe.
 */
public final class AmqpJobPublisher implements JobSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AmqpJobPublisher.class.getName());

  /** The {@code app_id} of published messages. */
  public static final String APP_ID = "buildbridge";

  private static final int NO_ROUTE = 312;
  private static final int ACCESS_REFUSED = 403;
  private static final int NOT_FOUND = 404;
  private static final int PRECONDITION_FAILED = 406;
  private static final int NOT_ALLOWED = 530;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final int ABORT_MILLIS = 250;
  private static final int IDS_SHOWN = 5;

  private final Endpoint endpoint;
  private final AmqpTopology topology;
  private final boolean declareTopology;
  private final Duration confirmTimeout;
  private final Duration connectTimeout;
  private final Duration heartbeat;
  private final Duration reconnectBackoff;
  private final String connectionName;
  private final SSLContext sslContext;
  private final int maxChannels;

  private final Semaphore permits;
  private final ReentrantLock connectLock = new ReentrantLock();
  private Link link; // guarded by connectLock
  private final Deque<ConfirmChannel> idle = new ArrayDeque<>(); // guarded by itself
  private volatile boolean closed;

  private AmqpJobPublisher(Builder b) {
    this.endpoint = b.endpoint;
    this.topology = b.topology;
    this.declareTopology = b.declareTopology;
    this.confirmTimeout = b.confirmTimeout;
    this.connectTimeout = b.connectTimeout;
    this.heartbeat = b.heartbeat;
    this.reconnectBackoff = b.reconnectBackoff;
    this.connectionName = b.connectionName;
    this.sslContext = b.sslContext;
    this.maxChannels = b.maxChannels;
    this.permits = new Semaphore(maxChannels, true);
  }

  /**
   * Starts a builder. Defaults: Solstice's {@linkplain AmqpTopology#solstice() topology}, declared
   * on every new connection; confirm timeout 10 s; connect timeout 5 s; heartbeat 30 s; reconnect
   * backoff 250 ms (doubling, at most 5 s); connection name {@code buildbridge-job-publisher}; at
   * most 8 channels; the JVM's default TLS context for {@code amqps}. The URI is required.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns the topology jobs are published with.
   *
   * @return the topology
   */
  public AmqpTopology topology() {
    return topology;
  }

  /**
   * Publishes the jobs and waits until the broker confirmed all of them (see the type's
   * description for the at-least-once contract and the retries).
   *
   * @param jobs the jobs, in order; an empty list returns at once without connecting
   * @throws NullPointerException when {@code jobs} or one of its elements is {@code null}
   * @throws AmqpException when not every job was confirmed before the
   *     {@linkplain Builder#confirmTimeout confirm timeout}; the caller answers with a retryable
   *     status
   */
  @Override
  public void accept(List<JobRequest> jobs) {
    Objects.requireNonNull(jobs, "jobs");
    List<Outgoing> pending = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      pending.add(outgoing(Objects.requireNonNull(jobs.get(i), "jobs[" + i + "]")));
    }
    if (pending.isEmpty()) {
      return;
    }
    ensureOpen(pending.size());
    long deadline = System.nanoTime() + confirmTimeout.toNanos();
    try {
      if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new AmqpException(Reason.TIMEOUT, "all " + maxChannels + " channels to "
            + endpoint + " stayed busy for " + confirmTimeout + "; " + pending.size()
            + " jobs not published");
      }
    } catch (InterruptedException e) {
      throw interrupted(pending.size(), jobs.size());
    }
    try {
      publish(pending, jobs.size(), deadline);
    } finally {
      permits.release();
    }
  }

  private void publish(List<Outgoing> pending, int total, long deadline) {
    Exception lastFailure = null;
    long backoff = 0; // the first retry after a lost connection is immediate
    while (true) {
      ensureOpen(pending.size());
      ConfirmChannel channel = null;
      try {
        channel = borrow(deadline);
        Attempt attempt = channel.publish(pending, topology.exchange(), topology.routingKey(),
            deadline);
        if (!attempt.returned().isEmpty()) {
          release(channel);
          throw unroutable(attempt.returned(), total);
        }
        if (!attempt.nacked().isEmpty()) {
          release(channel);
          throw new AmqpException(Reason.NOT_CONFIRMED, endpoint + " rejected (basic.nack) "
              + attempt.nacked().size() + " of " + total + " jobs: " + ids(attempt.nacked()));
        }
        if (attempt.unconfirmed().isEmpty()) {
          release(channel);
          return;
        }
        if (attempt.timedOut()) {
          dropConnection(channel.link, "no confirms within " + confirmTimeout);
          throw new AmqpException(Reason.TIMEOUT, endpoint + " did not confirm "
              + attempt.unconfirmed().size() + " of " + total + " jobs within " + confirmTimeout
              + ": " + ids(attempt.unconfirmed()));
        }
        if (channel.isOpen()) {
          // a write failed but the connection has not noticed yet: start afresh
          dropConnection(channel.link, describe(attempt.failure()));
        }
        permanentFailure(attempt.failure(), total);
        if (closed) {
          throw new AmqpException(Reason.CLOSED, "publisher closed while "
              + attempt.unconfirmed().size() + " of " + total + " jobs were unconfirmed");
        }
        LOG.log(System.Logger.Level.WARNING, () -> "lost the channel to " + endpoint + " ("
            + describe(attempt.failure()) + "); publishing " + attempt.unconfirmed().size()
            + " unconfirmed jobs again");
        pending = attempt.unconfirmed();
        lastFailure = attempt.failure();
      } catch (InterruptedException e) {
        if (channel != null) {
          channel.abort();
        }
        throw interrupted(pending.size(), total);
      } catch (IOException | TimeoutException | ShutdownSignalException e) {
        // connecting or opening a channel failed
        if (channel != null) {
          channel.abort();
        }
        permanentFailure(e, total);
        lastFailure = e;
      }
      // wait, then reconnect and publish what is unconfirmed
      long remaining = deadline - System.nanoTime();
      if (remaining <= backoff) {
        throw new AmqpException(Reason.UNAVAILABLE, "cannot publish to " + endpoint + " within "
            + confirmTimeout + " (" + describe(lastFailure) + "); " + pending.size() + " of "
            + total + " jobs unconfirmed", lastFailure);
      }
      if (backoff > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(backoff);
        } catch (InterruptedException e) {
          throw interrupted(pending.size(), total);
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toNanos());
      } else {
        backoff = reconnectBackoff.toNanos();
      }
    }
  }

  private Outgoing outgoing(JobRequest job) {
    String id = job.requestId().toString();
    Map<String, Object> headers = new HashMap<>();
    headers.put("source", job.source().wireName());
    if (job.groupId() != null) {
      headers.put("group_id", job.groupId().toString());
    }
    if (job.runsOn() != null) {
      headers.put("runs_on", job.runsOn());
    }
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .deliveryMode(2)
        .messageId(id)
        .type(JobRequest.SCHEMA_VERSION)
        .timestamp(Date.from(job.submittedAt()))
        .appId(APP_ID)
        .headers(headers)
        .build();
    return new Outgoing(job, id, properties, job.toJson());
  }

  private ConfirmChannel borrow(long deadline)
      throws IOException, TimeoutException, InterruptedException {
    while (true) {
      ConfirmChannel c;
      synchronized (idle) {
        c = idle.pollFirst();
      }
      if (c == null) {
        break;
      }
      if (c.isOpen()) {
        if (c.link.blockedReason != null) {
          release(c);
          checkNotBlocked(c.link);
        }
        return c;
      }
    }
    Link l = link(deadline);
    checkNotBlocked(l);
    return ConfirmChannel.open(l);
  }

  private void checkNotBlocked(Link l) {
    String blocked = l.blockedReason;
    if (blocked != null) {
      throw new AmqpException(Reason.UNAVAILABLE,
          endpoint + " is blocking publishers (" + blocked + ")");
    }
  }

  private void release(ConfirmChannel channel) {
    if (!closed && channel.isOpen()) {
      synchronized (idle) {
        idle.addFirst(channel);
        return;
      }
    }
    channel.abort();
  }

  /** Returns the open connection, opening (and declaring the topology on) a new one if needed. */
  private Link link(long deadline) throws IOException, TimeoutException, InterruptedException {
    long remaining = deadline - System.nanoTime();
    if (!connectLock.tryLock(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException("another thread is still connecting to " + endpoint);
    }
    try {
      if (closed) {
        throw new AmqpException(Reason.CLOSED, "publisher to " + endpoint + " is closed");
      }
      if (link != null && link.connection.isOpen()) {
        return link;
      }
      boolean reconnect = link != null;
      link = null;
      remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new TimeoutException("no time left to connect to " + endpoint);
      }
      Duration timeout = Duration.ofNanos(Math.min(remaining, connectTimeout.toNanos()));
      Connection connection = endpoint.factory(sslContext, timeout, heartbeat, connectTimeout)
          .newConnection(connectionName);
      try {
        if (declareTopology) {
          Channel channel = connection.createChannel();
          if (channel == null) {
            throw new IOException("the broker allows no channels on this connection");
          }
          topology.declareJobs(channel);
          channel.close();
        }
      } catch (IOException | TimeoutException | RuntimeException e) {
        connection.abort(ABORT_MILLIS);
        throw e;
      }
      link = new Link(connection);
      LOG.log(reconnect ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
          () -> (reconnect ? "reconnected to " : "connected to ") + endpoint);
      return link;
    } finally {
      connectLock.unlock();
    }
  }

  private void dropConnection(Link l, String why) {
    LOG.log(System.Logger.Level.WARNING, () -> "dropping the connection to " + endpoint + ": "
        + why);
    l.connection.abort(ABORT_MILLIS);
  }

  private void ensureOpen(int unpublished) {
    if (closed) {
      throw new AmqpException(Reason.CLOSED, "publisher to " + endpoint + " is closed; "
          + unpublished + " jobs not published");
    }
  }

  /** Throws when retrying cannot help. */
  private void permanentFailure(Exception failure, int total) {
    if (failure instanceof AuthenticationFailureException) {
      throw new AmqpException(Reason.REFUSED, endpoint + " refused the credentials: "
          + failure.getMessage(), failure);
    }
    ShutdownSignalException signal = signal(failure);
    if (signal == null) {
      return;
    }
    Object method = signal.getReason();
    int code;
    String text;
    if (method instanceof AMQP.Channel.Close close) {
      code = close.getReplyCode();
      text = close.getReplyText();
    } else if (method instanceof AMQP.Connection.Close close) {
      code = close.getReplyCode();
      text = close.getReplyText();
    } else {
      return;
    }
    if (code == NOT_FOUND && method instanceof AMQP.Channel.Close
        && !(failure instanceof IOException)) {
      // a publish to a missing exchange closes the channel asynchronously
      throw new AmqpException(Reason.UNROUTABLE, endpoint + " has no exchange \""
          + topology.exchange() + "\" (" + text + "); " + total + " jobs not queued", failure);
    }
    if (code == ACCESS_REFUSED || code == NOT_FOUND || code == PRECONDITION_FAILED
        || code == NOT_ALLOWED) {
      throw new AmqpException(Reason.REFUSED, endpoint + " refused: " + code + " " + text
          + (declareTopology ? " (declaring " + topology.queue() + " and its exchanges)" : ""),
          failure);
    }
  }

  private static ShutdownSignalException signal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException s) {
        return s;
      }
    }
    return null;
  }

  private AmqpException unroutable(Map<String, String> returned, int total) {
    String reply = returned.values().iterator().next();
    boolean noRoute = reply.startsWith(NO_ROUTE + " ");
    List<String> ids = new ArrayList<>(returned.keySet());
    ids.sort(null);
    return new AmqpException(Reason.UNROUTABLE, endpoint + " returned " + returned.size() + " of "
        + total + " jobs (" + reply + ")"
        + (noRoute ? ": no queue is bound to exchange \"" + topology.exchange()
            + "\" with routing key \"" + topology.routingKey() + "\"" : "")
        + "; request ids " + join(ids));
  }

  private AmqpException interrupted(int unconfirmed, int total) {
    Thread.currentThread().interrupt();
    return new AmqpException(Reason.INTERRUPTED, "interrupted while publishing to " + endpoint
        + "; " + unconfirmed + " of " + total + " jobs unconfirmed");
  }

  private static String ids(List<Outgoing> outgoing) {
    List<String> ids = new ArrayList<>(Math.min(outgoing.size(), IDS_SHOWN + 1));
    for (Outgoing o : outgoing) {
      ids.add(o.messageId());
      if (ids.size() > IDS_SHOWN) {
        break;
      }
    }
    return "request ids " + join(ids);
  }

  private static String join(List<String> ids) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ids.size() && i < IDS_SHOWN; i++) {
      sb.append(i == 0 ? "" : ", ").append(ids.get(i));
    }
    return ids.size() > IDS_SHOWN ? sb.append(", ...").toString() : sb.toString();
  }

  private static String describe(Exception e) {
    if (e == null) {
      return "no error";
    }
    ShutdownSignalException s = signal(e);
    if (s != null && s.getReason() instanceof AMQP.Connection.Close close) {
      return "connection closed: " + close.getReplyCode() + " " + close.getReplyText();
    }
    if (s != null && s.getReason() instanceof AMQP.Channel.Close close) {
      return "channel closed: " + close.getReplyCode() + " " + close.getReplyText();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * Stops taking jobs, waits (at most the confirm timeout plus the connect timeout) for calls in
   * progress to finish, and closes the connection. Later calls of {@link #accept(List)} throw
   * {@link AmqpException} with reason {@link Reason#CLOSED}. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean drained = false;
    try {
      drained = permits.tryAcquire(maxChannels, confirmTimeout.plus(connectTimeout).toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connectLock.lock();
    try {
      if (link != null) {
        try {
          link.connection.close(Endpoint.millis(connectTimeout));
        } catch (IOException | RuntimeException e) {
          link.connection.abort(ABORT_MILLIS);
        }
        link = null;
      }
    } finally {
      connectLock.unlock();
      if (drained) {
        permits.release(maxChannels);
      }
    }
    synchronized (idle) {
      idle.clear();
    }
  }

  /**
   * Describes the publisher: the broker without credentials, the exchange and routing key.
   *
   * @return a description without secrets
   */
  @Override
  public String toString() {
    return "AmqpJobPublisher[" + endpoint + ", exchange=" + topology.exchange() + ", routingKey="
        + topology.routingKey() + "]";
  }

  /** Builds an {@link AmqpJobPublisher}; not thread-safe. */
  public static final class Builder {
    private Endpoint endpoint;
    private AmqpTopology topology = AmqpTopology.solstice();
    private boolean declareTopology = true;
    private Duration confirmTimeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration heartbeat = Duration.ofSeconds(30);
    private Duration reconnectBackoff = Duration.ofMillis(250);
    private String connectionName = "buildbridge-job-publisher";
    private SSLContext sslContext;
    private int maxChannels = 8;

    private Builder() {}

    /**
     * Sets the broker: {@code amqp://user:password@host:port/vhost}, or {@code amqps://} for TLS
     * (port 5671 by default, host name verified). User name, password and virtual host are
     * percent-decoded; write the virtual host {@code /} as {@code %2F} or leave the path empty.
     * Without user info the client's default {@code guest}/{@code guest} applies. Required.
     *
     * @param uri the broker URI; the password is never logged or shown
     * @return this builder
     * @throws IllegalArgumentException when the URI is not an {@code amqp} or {@code amqps} URI
     *     with a host, or has a query; the message does not quote it
     */
    public Builder uri(String uri) {
      this.endpoint = Endpoint.parse(uri, "uri");
      return this;
    }

    /**
     * Sets the exchanges and queues. Default {@link AmqpTopology#solstice()}.
     *
     * @param topology the topology
     * @return this builder
     */
    public Builder topology(AmqpTopology topology) {
      this.topology = Objects.requireNonNull(topology, "topology");
      return this;
    }

    /**
     * Sets whether each new connection declares the job side of the topology
     * ({@link AmqpTopology#declareJobs}) before publishing. Default {@code true}; turn it off when
     * the broker's operators own the topology (the user then needs no configure permission).
     *
     * @param declare whether to declare
     * @return this builder
     */
    public Builder declareTopology(boolean declare) {
      this.declareTopology = declare;
      return this;
    }

    /**
     * Sets how long one {@link AmqpJobPublisher#accept(List)} may take in all: connecting,
     * publishing, reconnecting and publishing again, waiting for confirms. Default 10 seconds. (A
     * channel operation under way when the time runs out, such as opening a channel, may add up
     * to the {@linkplain #connectTimeout connect timeout}.)
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public Builder confirmTimeout(Duration timeout) {
      this.confirmTimeout = checkPositive(timeout, "confirmTimeout");
      return this;
    }

    /**
     * Sets the limit for opening a connection (TCP, TLS and AMQP handshake) and for a channel
     * operation such as a declaration. Default 5 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkPositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the AMQP heartbeat the publisher asks for, which detects a dead peer on an idle
     * connection. Default 30 seconds; {@link Duration#ZERO} turns heartbeats off.
     *
     * @param heartbeat zero, or at least one second and at most 65535 seconds
     * @return this builder
     * @throws IllegalArgumentException when the duration is negative, under one second but not
     *     zero, or too long
     */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = checkHeartbeat(heartbeat, "heartbeat");
      return this;
    }

    /**
     * Sets the wait before the second attempt to reconnect within one call; it doubles for every
     * further attempt, up to 5 seconds. The first attempt after a lost connection is immediate.
     * Default 250 milliseconds.
     *
     * @param backoff a positive duration
     * @return this builder
     * @throws IllegalArgumentException when the duration is not positive
     */
    public Builder reconnectBackoff(Duration backoff) {
      this.reconnectBackoff = checkPositive(backoff, "reconnectBackoff");
      return this;
    }

    /**
     * Sets the connection name shown in the broker's management UI. Default
     * {@code buildbridge-job-publisher}.
     *
     * @param name a non-blank name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public Builder connectionName(String name) {
      this.connectionName = checkConnectionName(name, "connectionName");
      return this;
    }

    /**
     * Sets the TLS context for {@code amqps} URIs. Default: the JVM's default context (its trust
     * store), with host name verification either way.
     *
     * @param context the TLS context
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets how many calls may publish at the same time, each on its own channel; further calls
     * wait for a free channel within their confirm timeout. Default 8.
     *
     * @param max between 1 and 2047
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxChannels(int max) {
      if (max < 1 || max > 2047) {
        throw new IllegalArgumentException("maxChannels must be between 1 and 2047, was " + max);
      }
      this.maxChannels = max;
      return this;
    }

    /**
     * Builds the publisher. It connects on the first non-empty {@code accept}.
     *
     * @return the publisher
     * @throws IllegalStateException when no URI was set
     */
    public AmqpJobPublisher build() {
      if (endpoint == null) {
        throw new IllegalStateException("uri is required");
      }
      return new AmqpJobPublisher(this);
    }
  }

  static Duration checkPositive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
    return d;
  }

  static Duration checkHeartbeat(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (!d.isZero() && (d.isNegative() || d.compareTo(Duration.ofSeconds(1)) < 0
        || d.compareTo(Duration.ofSeconds(65535)) > 0)) {
      throw new IllegalArgumentException(
          field + " must be zero or between 1 and 65535 seconds, was " + d);
    }
    return d;
  }

  static String checkConnectionName(String name, String field) {
    Objects.requireNonNull(name, field);
    if (name.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return name;
  }
}
