package dev.buildbridge.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The three Standard Webhooks headers of one signed message, as {@link StandardWebhooks#sign} returns
 * them. None of them is secret.
 *
 * <pre>{@code
 * WebhookHeaders headers = webhooks.sign("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Instant.now(), body);
 * HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
 *     .POST(HttpRequest.BodyPublishers.ofByteArray(body));
 * headers.asMap().forEach(request::header);
 * }</pre>
 *
 * @param id the {@code webhook-id} value: the message id, the same for every retry of a message
 * @param timestamp the {@code webhook-timestamp} value: Unix seconds of this attempt, in decimal
 * @param signature the {@code webhook-signature} value: space-separated {@code v1,<base64>} and
 *     {@code v1a,<base64>} entries
 */
public record WebhookHeaders(String id, String timestamp, String signature) {
  /** Name of the header holding the message id: {@value}. */
  public static final String ID = "webhook-id";
  /** Name of the header holding the Unix timestamp in seconds: {@value}. */
  public static final String TIMESTAMP = "webhook-timestamp";
  /** Name of the header holding the signature entries: {@value}. */
  public static final String SIGNATURE = "webhook-signature";

  /**
   * Creates the headers.
   *
   * @throws NullPointerException if a value is null
   */
  public WebhookHeaders {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Returns the headers by name, in the order {@value #ID}, {@value #TIMESTAMP},
   * {@value #SIGNATURE}, ready to copy onto an HTTP request or to pass to
   * {@link StandardWebhooks#verify(Map, byte[])}.
   *
   * @return an unmodifiable map from header name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>(4);
    map.put(ID, id);
    map.put(TIMESTAMP, timestamp);
    map.put(SIGNATURE, signature);
    return Collections.unmodifiableMap(map);
  }
}
