package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A callback whose {@code kind} is missing or not one this SDK types. It keeps the whole payload.
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxUnknownCallback other) {
 *     log("callback of kind '" + other.eventName() + "': " + other.payload().path("status"));
 * }
 * }</pre>
 *
 * @param eventName the {@code kind}, or the empty string when the payload has none
 * @param payload the whole payload (copied in, and copied again by {@link #payload()})
 */
public record TuxUnknownCallback(String eventName, JsonNode payload) implements TuxSuiteCallback {

  /**
   * Checks the components and copies the payload.
   *
   * @throws NullPointerException when {@code eventName} or {@code payload} is null
   */
  public TuxUnknownCallback {
    Objects.requireNonNull(eventName, "eventName");
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  /**
   * Returns a copy of the whole payload; changing it does not change this callback.
   *
   * @return a deep copy of the payload
   */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }
}
