package dev.buildbridge.webhooks;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as received: headers (looked up without regard to case) and the raw body bytes,
 * exactly as they came off the wire. Signatures are checked over these bytes, so never build a
 * delivery from a re-serialized body.
 *
 * <pre>{@code
 * // JDK HttpServer
 * Delivery delivery = Delivery.of(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
 * // Servlet / test harness
 * Delivery delivery = Delivery.newBuilder()
 *     .header("X-GitHub-Event", "push")
 *     .header("X-Hub-Signature-256", signature)
 *     .body(bytes)
 *     .build();
 * }</pre>
 *
 * <p>The body array is not copied (bodies can be 25 MiB); the caller must not change it afterwards.
 * When a header occurs several times, the first value counts.
 */
public final class Delivery {
  private final Map<String, String> headers;
  private final byte[] body;

  private Delivery(Map<String, String> headers, byte[] body) {
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  /**
   * Makes a delivery from a multi-valued header map, such as the JDK {@code HttpServer}'s
   * {@code Headers} or a servlet's headers collected into a map.
   *
   * @param headers header names to their values; names in any case
   * @param body the raw body; not copied
   * @return the delivery
   * @throws NullPointerException when an argument is null
   */
  public static Delivery of(Map<String, ? extends List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Builder builder = newBuilder().body(body);
    headers.forEach((name, values) -> {
      if (name != null && values != null && !values.isEmpty()) {
        builder.header(name, values.get(0));
      }
    });
    return builder.build();
  }

  /**
   * Makes a delivery from a single-valued header map.
   *
   * @param headers header names to values; names in any case
   * @param body the raw body; not copied
   * @return the delivery
   * @throws NullPointerException when an argument is null
   */
  public static Delivery ofSingleValued(Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Builder builder = newBuilder().body(body);
    headers.forEach((name, value) -> {
      if (name != null && value != null) {
        builder.header(name, value);
      }
    });
    return builder.build();
  }

  /**
   * Starts a builder with no headers and an empty body.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a header's value.
   *
   * @param name the header name, in any case
   * @return the first value, or {@code null} when absent
   */
  public String header(String name) {
    return headers.get(name);
  }

  /**
   * Returns every header, names case-insensitive.
   *
   * @return an unmodifiable view
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns a copy of the body.
   *
   * @return the body bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the body length in bytes.
   *
   * @return the length
   */
  public int bodyLength() {
    return body.length;
  }

  /** The body without a copy, for the handler. */
  byte[] rawBody() {
    return body;
  }

  /**
   * Describes the delivery by its header names and body length; values are left out, as they may
   * hold tokens.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "Delivery[headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
  }

  /** Builds a {@link Delivery}; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];

    private Builder() {}

    /**
     * Adds a header; a second value for the same name (in any case) is ignored.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.putIfAbsent(name, value);
      return this;
    }

    /**
     * Sets the raw body; not copied. Default: empty.
     *
     * @param body the bytes as received
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Builds the delivery.
     *
     * @return the delivery
     */
    public Delivery build() {
      Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      return new Delivery(copy, body);
    }
  }
}
