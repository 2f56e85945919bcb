package dev.buildbridge.webhooks.tuxsuite;

import java.util.Objects;

/**
 * A callback about an OpenEmbedded/Yocto build ({@code kind} {@code oebuild}).
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxOebuildCallback callback) {
 *     TuxOebuildStatus status = callback.status();
 *     System.out.println(status.uid() + " " + status.state());
 * }
 * }</pre>
 *
 * @param eventName the {@code kind}, such as {@code oebuild}
 * @param status the {@code status} object; all fields null when the payload has none
 */
public record TuxOebuildCallback(String eventName, TuxOebuildStatus status) implements TuxSuiteCallback {

  /**
   * Checks the components.
   *
   * @throws NullPointerException when {@code eventName} or {@code status} is null
   */
  public TuxOebuildCallback {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(status, "status");
  }
}
