package dev.buildbridge.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The exchanges, queues and routing keys jobs and results travel through. {@link #solstice()} is
 * Solstice CI's topology for jobs:
 *
 * <ul>
 *   <li>durable direct exchange {@code solstice.jobs}, routing key {@code jobrequest.v1},
 *       durable queue {@code solstice.jobs.v1} bound to it with that key;
 *   <li>the queue dead-letters (argument {@code x-dead-letter-exchange}) to the durable fanout
 *       exchange {@code solstice.dlx}, which feeds the durable queue {@code solstice.jobs.v1.dlq}.
 * </ul>
 *
 * <p>Solstice does not publish a name for a results queue, so the results side is this SDK's choice,
 * in the same style: durable direct exchange {@code solstice.results}, routing key
 * {@code jobresult.v1}, queue {@code solstice.results.v1}, dead letters through the fanout
 * exchange {@code solstice.results.dlx} to {@code solstice.results.v1.dlq}. The results side has
 * its own dead-letter exchange because a fanout exchange copies every dead letter to every queue
 * bound to it.
 *
 * <pre>{@code
 * AmqpTopology topology = AmqpTopology.solstice().toBuilder()
 *     .resultsQueue("gateway-7.results")          // one results queue per gateway, say
 *     .resultsDeadLetterQueue("gateway-7.results.dlq")
 *     .build();
 * try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
 *     topology.declare(channel);                  // idempotent
 * }
 * }</pre>
 *
 * <p>Names are AMQP short strings: not blank, at most 255 UTF-8 bytes, and not starting with
 * {@code amq.} (reserved by the broker). The two dead-letter exchanges differ from each other and
 * from the two main exchanges, and the four queues all differ.
 *
 * @param exchange durable direct exchange jobs are published to
 * @param routingKey routing key of published jobs, binding the job queue
 * @param queue durable queue runners consume jobs from
 * @param deadLetterExchange fanout exchange the job queue dead-letters to
 * @param deadLetterQueue durable queue bound to {@code deadLetterExchange}
 * @param resultsExchange durable direct exchange runners publish results to
 * @param resultsRoutingKey routing key of results, binding the results queue
 * @param resultsQueue durable queue results are consumed from
 * @param resultsDeadLetterExchange fanout exchange the results queue dead-letters to
 * @param resultsDeadLetterQueue durable queue bound to {@code resultsDeadLetterExchange}
 */
public record AmqpTopology(
    String exchange,
    String routingKey,
    String queue,
    String deadLetterExchange,
    String deadLetterQueue,
    String resultsExchange,
    String resultsRoutingKey,
    String resultsQueue,
    String resultsDeadLetterExchange,
    String resultsDeadLetterQueue) {

  /** The queue argument naming a queue's dead-letter exchange. */
  public static final String DEAD_LETTER_EXCHANGE_ARGUMENT = "x-dead-letter-exchange";

  private static final AmqpTopology SOLSTICE = new AmqpTopology("solstice.jobs", "jobrequest.v1",
      "solstice.jobs.v1", "solstice.dlx", "solstice.jobs.v1.dlq", "solstice.results",
      "jobresult.v1", "solstice.results.v1", "solstice.results.dlx", "solstice.results.v1.dlq");

  /**
   * Validates the names.
   *
   * @throws NullPointerException naming a missing name
   * @throws IllegalArgumentException naming a name that is blank, too long, reserved, or shared
   *     where names must differ
   */
  public AmqpTopology {
    checkName(exchange, "exchange");
    checkRoutingKey(routingKey, "routingKey");
    checkName(queue, "queue");
    checkName(deadLetterExchange, "deadLetterExchange");
    checkName(deadLetterQueue, "deadLetterQueue");
    checkName(resultsExchange, "resultsExchange");
    checkRoutingKey(resultsRoutingKey, "resultsRoutingKey");
    checkName(resultsQueue, "resultsQueue");
    checkName(resultsDeadLetterExchange, "resultsDeadLetterExchange");
    checkName(resultsDeadLetterQueue, "resultsDeadLetterQueue");
    distinct("exchange", new String[] {"deadLetterExchange", "resultsDeadLetterExchange",
        "exchange", "resultsExchange"}, new String[] {deadLetterExchange,
        resultsDeadLetterExchange, exchange, resultsExchange}, 2);
    distinct("queue", new String[] {"queue", "deadLetterQueue", "resultsQueue",
        "resultsDeadLetterQueue"}, new String[] {queue, deadLetterQueue, resultsQueue,
        resultsDeadLetterQueue}, 4);
  }

  /**
   * Returns Solstice CI's topology, with this SDK's results side (see the type's description).
   *
   * @return the default topology
   */
  public static AmqpTopology solstice() {
    return SOLSTICE;
  }

  /**
   * Starts a builder holding the {@link #solstice()} names.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return SOLSTICE.toBuilder();
  }

  /**
   * Returns a builder holding this topology's names.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Declares the job side: both exchanges, both queues and their bindings, the job queue with
   * {@value #DEAD_LETTER_EXCHANGE_ARGUMENT}. Declaring what already exists with the same settings
   * does nothing, so every publisher may call this on every connection.
   *
   * @param channel an open channel; closed by the broker if a declaration fails
   * @throws IOException when the broker refuses a declaration (for example, the queue exists with
   *     other arguments: reply code 406) or the connection fails
   */
  public void declareJobs(Channel channel) throws IOException {
    declare(channel, exchange, routingKey, queue, deadLetterExchange, deadLetterQueue);
  }

  /**
   * Declares the results side, as {@link #declareJobs(Channel)} does the job side.
   *
   * @param channel an open channel; closed by the broker if a declaration fails
   * @throws IOException when the broker refuses a declaration or the connection fails
   */
  public void declareResults(Channel channel) throws IOException {
    declare(channel, resultsExchange, resultsRoutingKey, resultsQueue, resultsDeadLetterExchange,
        resultsDeadLetterQueue);
  }

  /**
   * Declares the job side and the results side.
   *
   * @param channel an open channel; closed by the broker if a declaration fails
   * @throws IOException when the broker refuses a declaration or the connection fails
   */
  public void declare(Channel channel) throws IOException {
    declareJobs(channel);
    declareResults(channel);
  }

  private static void declare(Channel channel, String exchange, String routingKey, String queue,
      String dlx, String dlq) throws IOException {
    Objects.requireNonNull(channel, "channel");
    channel.exchangeDeclare(dlx, BuiltinExchangeType.FANOUT, true, false, false, null);
    channel.queueDeclare(dlq, true, false, false, null);
    channel.queueBind(dlq, dlx, "");
    channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true, false, false, null);
    channel.queueDeclare(queue, true, false, false, Map.of(DEAD_LETTER_EXCHANGE_ARGUMENT, dlx));
    channel.queueBind(queue, exchange, routingKey);
  }

  private static void checkName(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.startsWith("amq.")) {
      throw new IllegalArgumentException(
          field + " \"" + value + "\" starts with \"amq.\", which the broker reserves");
    }
    shortString(value, field);
  }

  private static void checkRoutingKey(String value, String field) {
    Objects.requireNonNull(value, field);
    shortString(value, field);
  }

  private static void shortString(String value, String field) {
    // at most 3 bytes per UTF-16 unit, so only long strings need encoding
    if (value.length() > 85 && value.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException(field + " is longer than 255 UTF-8 bytes");
    }
  }

  /** Names [0, distinctPrefix) must differ from all others; the rest may equal each other. */
  private static void distinct(String kind, String[] fields, String[] values, int distinctPrefix) {
    for (int i = 0; i < distinctPrefix; i++) {
      for (int j = 0; j < values.length; j++) {
        if (i != j && values[i].equals(values[j])) {
          throw new IllegalArgumentException(fields[Math.min(i, j)] + " and "
              + fields[Math.max(i, j)] + " must name different " + kind + "s, both are \""
              + values[i] + "\"");
        }
      }
    }
  }

  /** Builds an {@link AmqpTopology}; starts from the Solstice names. Not thread-safe. */
  public static final class Builder {
    private String exchange;
    private String routingKey;
    private String queue;
    private String deadLetterExchange;
    private String deadLetterQueue;
    private String resultsExchange;
    private String resultsRoutingKey;
    private String resultsQueue;
    private String resultsDeadLetterExchange;
    private String resultsDeadLetterQueue;

    private Builder(AmqpTopology t) {
      exchange = t.exchange;
      routingKey = t.routingKey;
      queue = t.queue;
      deadLetterExchange = t.deadLetterExchange;
      deadLetterQueue = t.deadLetterQueue;
      resultsExchange = t.resultsExchange;
      resultsRoutingKey = t.resultsRoutingKey;
      resultsQueue = t.resultsQueue;
      resultsDeadLetterExchange = t.resultsDeadLetterExchange;
      resultsDeadLetterQueue = t.resultsDeadLetterQueue;
    }

    /**
     * Sets the exchange jobs are published to. Default {@code solstice.jobs}.
     *
     * @param name the exchange name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder exchange(String name) {
      checkName(name, "exchange");
      this.exchange = name;
      return this;
    }

    /**
     * Sets the routing key of jobs. Default {@code jobrequest.v1}.
     *
     * @param key the routing key, possibly empty
     * @return this builder
     * @throws IllegalArgumentException when the key is longer than 255 UTF-8 bytes
     */
    public Builder routingKey(String key) {
      checkRoutingKey(key, "routingKey");
      this.routingKey = key;
      return this;
    }

    /**
     * Sets the job queue. Default {@code solstice.jobs.v1}.
     *
     * @param name the queue name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder queue(String name) {
      checkName(name, "queue");
      this.queue = name;
      return this;
    }

    /**
     * Sets the job queue's dead-letter exchange. Default {@code solstice.dlx}.
     *
     * @param name the exchange name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder deadLetterExchange(String name) {
      checkName(name, "deadLetterExchange");
      this.deadLetterExchange = name;
      return this;
    }

    /**
     * Sets the job dead-letter queue. Default {@code solstice.jobs.v1.dlq}.
     *
     * @param name the queue name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder deadLetterQueue(String name) {
      checkName(name, "deadLetterQueue");
      this.deadLetterQueue = name;
      return this;
    }

    /**
     * Sets the exchange results are published to. Default {@code solstice.results}.
     *
     * @param name the exchange name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder resultsExchange(String name) {
      checkName(name, "resultsExchange");
      this.resultsExchange = name;
      return this;
    }

    /**
     * Sets the routing key of results. Default {@code jobresult.v1}.
     *
     * @param key the routing key, possibly empty
     * @return this builder
     * @throws IllegalArgumentException when the key is longer than 255 UTF-8 bytes
     */
    public Builder resultsRoutingKey(String key) {
      checkRoutingKey(key, "resultsRoutingKey");
      this.resultsRoutingKey = key;
      return this;
    }

    /**
     * Sets the results queue. Default {@code solstice.results.v1}.
     *
     * @param name the queue name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder resultsQueue(String name) {
      checkName(name, "resultsQueue");
      this.resultsQueue = name;
      return this;
    }

    /**
     * Sets the results queue's dead-letter exchange. Default {@code solstice.results.dlx}.
     *
     * @param name the exchange name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder resultsDeadLetterExchange(String name) {
      checkName(name, "resultsDeadLetterExchange");
      this.resultsDeadLetterExchange = name;
      return this;
    }

    /**
     * Sets the results dead-letter queue. Default {@code solstice.results.v1.dlq}.
     *
     * @param name the queue name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, too long or reserved
     */
    public Builder resultsDeadLetterQueue(String name) {
      checkName(name, "resultsDeadLetterQueue");
      this.resultsDeadLetterQueue = name;
      return this;
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     * @throws IllegalArgumentException when names that must differ are equal
     */
    public AmqpTopology build() {
      return new AmqpTopology(exchange, routingKey, queue, deadLetterExchange, deadLetterQueue,
          resultsExchange, resultsRoutingKey, resultsQueue, resultsDeadLetterExchange,
          resultsDeadLetterQueue);
    }
  }
}
