package dev.buildbridge.webhooks.tuxsuite;

import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookEvent;
import java.util.Optional;

/**
 * A TuxSuite callback: the envelope {@code {"kind": ..., "status": {...}}}, typed by its kind.
 * {@link #eventName()} is the {@code kind}; callbacks have no action.
 *
 * <pre>{@code
 * TuxSuiteCallback callback = TuxSuiteCallbacks.parse(body);
 * if (callback instanceof TuxBuildCallback build && build.status().isFinished()) {
 *     record(build.status().uid(), build.status().result());
 * } else if (callback instanceof TuxTestCallback test) {
 *     record(test.status().uid(), test.status().result());
 * }
 * }</pre>
 */
public sealed interface TuxSuiteCallback extends WebhookEvent permits TuxBuildCallback,
    TuxTestCallback, TuxOebuildCallback, TuxPlanCallback, TuxUnknownCallback {

  /**
   * Returns {@link Provider#TUXSUITE}.
   *
   * @return {@link Provider#TUXSUITE}
   */
  @Override
  default Provider provider() {
    return Provider.TUXSUITE;
  }

  /**
   * Returns nothing: callbacks have no action.
   *
   * @return an empty optional
   */
  @Override
  default Optional<String> action() {
    return Optional.empty();
  }
}
