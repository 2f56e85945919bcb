package dev.buildbridge.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.buildbridge.core.job.JobRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A channel in publisher-confirm mode, used by one thread at a time, that tracks which messages of
 * the batch being published the broker acknowledged, rejected or returned.
 *
 * <p>The listeners run on the connection's I/O thread. For one message the broker sends
 * {@code basic.return} before {@code basic.ack}, so once every message is acknowledged every return
 * has been recorded.
 */
final class ConfirmChannel implements ConfirmListener, ReturnListener, ShutdownListener {

  /** One job ready to publish. */
  record Outgoing(JobRequest job, String messageId, AMQP.BasicProperties properties, byte[] body) {}

  /**
   * What happened to a batch.
   *
   * @param unconfirmed published (or not yet published) but neither acknowledged nor rejected
   * @param nacked rejected by the broker
   * @param returned message id to the broker's reply ({@code 312 NO_ROUTE}) for returned messages
   * @param failure why the channel stopped, or {@code null}
   * @param timedOut whether the deadline passed with messages unconfirmed
   */
  record Attempt(List<Outgoing> unconfirmed, List<Outgoing> nacked, Map<String, String> returned,
      Exception failure, boolean timedOut) {}

  /** A connection and whether the broker is blocking its publishers (resource alarm). */
  static final class Link implements BlockedListener {
    final Connection connection;
    volatile String blockedReason;

    Link(Connection connection) {
      this.connection = connection;
      connection.addBlockedListener(this);
    }

    @Override
    public void handleBlocked(String reason) {
      blockedReason = reason == null ? "no reason given" : reason;
    }

    @Override
    public void handleUnblocked() {
      blockedReason = null;
    }
  }

  final Link link;
  private final Channel channel;
  private final Object lock = new Object();
  // all guarded by lock
  private final NavigableMap<Long, Outgoing> outstanding = new TreeMap<>();
  private final List<Outgoing> nacked = new ArrayList<>();
  private final Map<String, String> returned = new HashMap<>();
  private ShutdownSignalException shutdown;

  private ConfirmChannel(Link link, Channel channel) {
    this.link = link;
    this.channel = channel;
  }

  static ConfirmChannel open(Link link) throws IOException {
    Channel channel = link.connection.createChannel();
    if (channel == null) {
      throw new IOException("the broker allows no more channels on this connection");
    }
    ConfirmChannel c = new ConfirmChannel(link, channel);
    channel.addShutdownListener(c);
    channel.addConfirmListener(c);
    channel.addReturnListener(c);
    channel.confirmSelect();
    return c;
  }

  boolean isOpen() {
    return channel.isOpen() && link.connection.isOpen();
  }

  /**
   * Publishes the batch with {@code mandatory} set and waits until every message is acknowledged or
   * rejected, the channel fails, or the deadline passes. Never throws for broker or network
   * failures: they come back in {@link Attempt#failure()}.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  Attempt publish(List<Outgoing> batch, String exchange, String routingKey, long deadlineNanos)
      throws InterruptedException {
    synchronized (lock) {
      outstanding.clear();
      nacked.clear();
      returned.clear();
      // only this thread publishes on this channel, so the sequence numbers are known in advance;
      // recording them first means an early ack can never miss its entry
      long seq = channel.getNextPublishSeqNo();
      for (Outgoing o : batch) {
        outstanding.put(seq++, o);
      }
    }
    Exception failure = null;
    try {
      for (Outgoing o : batch) {
        channel.basicPublish(exchange, routingKey, true, o.properties(), o.body());
      }
    } catch (IOException | RuntimeException e) {
      failure = e; // AlreadyClosedException, a socket error: the rest count as unconfirmed
    }
    synchronized (lock) {
      boolean timedOut = false;
      while (failure == null && shutdown == null && !outstanding.isEmpty()) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          timedOut = true;
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      if (failure == null && !outstanding.isEmpty()) {
        failure = shutdown;
      }
      return new Attempt(List.copyOf(outstanding.values()), List.copyOf(nacked),
          Map.copyOf(returned), failure, timedOut);
    }
  }

  @Override
  public void handleAck(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, false);
  }

  @Override
  public void handleNack(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, true);
  }

  private void settle(long deliveryTag, boolean multiple, boolean nack) {
    synchronized (lock) {
      if (multiple) {
        NavigableMap<Long, Outgoing> done = outstanding.headMap(deliveryTag, true);
        if (nack) {
          nacked.addAll(done.values());
        }
        done.clear();
      } else {
        Outgoing o = outstanding.remove(deliveryTag);
        if (nack && o != null) {
          nacked.add(o);
        }
      }
      lock.notifyAll();
    }
  }

  @Override
  public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
      AMQP.BasicProperties properties, byte[] body) {
    String id = properties == null ? null : properties.getMessageId();
    synchronized (lock) {
      returned.put(id == null ? "" : id, replyCode + " " + replyText);
    }
  }

  @Override
  public void shutdownCompleted(ShutdownSignalException cause) {
    synchronized (lock) {
      shutdown = cause;
      lock.notifyAll();
    }
  }

  /** Closes the channel without waiting long; for channels in an unknown state. */
  void abort() {
    if (channel.isOpen()) {
      try {
        channel.abort();
      } catch (IOException | RuntimeException e) {
        // already closing; nothing to do
      }
    }
  }
}
