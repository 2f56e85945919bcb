package dev.buildbridge.webhooks.tuxsuite;

import java.util.Objects;

/**
 * A callback about a test run ({@code kind} {@code test}).
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxTestCallback callback) {
 *     TuxTestStatus status = callback.status();
 *     System.out.println(status.uid() + " " + status.state());
 * }
 * }</pre>
 *
 * @param eventName the {@code kind}, such as {@code test}
 * @param status the {@code status} object; all fields null when the payload has none
 */
public record TuxTestCallback(String eventName, TuxTestStatus status) implements TuxSuiteCallback {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when {@code eventName} or {@code status} is null
   */
  public TuxTestCallback {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(status, "status");
  }
}
