package dev.buildbridge.webhooks.tuxsuite;

import java.util.Objects;

/**
 * A callback about a finished plan ({@code kind} {@code plan}).
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxPlanCallback callback) {
 *     TuxPlanStatus status = callback.status();
 *     System.out.println(status.uid() + " " + status.state());
 * }
 * }</pre>
 *
 * @param eventName the {@code kind}, such as {@code plan}
 * @param status the {@code status} object; all fields null when the payload has none
 */
public record TuxPlanCallback(String eventName, TuxPlanStatus status) implements TuxSuiteCallback {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when {@code eventName} or {@code status} is null
   */
  public TuxPlanCallback {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(status, "status");
  }
}
