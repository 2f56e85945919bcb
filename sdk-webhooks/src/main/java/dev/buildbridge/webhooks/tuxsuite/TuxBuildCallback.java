package dev.buildbridge.webhooks.tuxsuite;

import java.util.Objects;

/**
 * A callback about a kernel build ({@code kind} {@code build}, or {@code kbuild} as some senders spell it).
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxBuildCallback callback) {
 *     TuxBuildStatus status = callback.status();
 *     System.out.println(status.uid() + " " + status.state());
 * }
 * }</pre>
 *
 * @param eventName the {@code kind}, such as {@code build}
 * @param status the {@code status} object; all fields null when the payload has none
 */
public record TuxBuildCallback(String eventName, TuxBuildStatus status) implements TuxSuiteCallback {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when {@code eventName} or {@code status} is null
   */
  public TuxBuildCallback {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(status, "status");
  }
}
