package dev.buildbridge.webhooks.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.core.testing.SharedSeeds;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallbacks;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes TuxSuite callback envelope parsing: whatever the body, {@link TuxSuiteCallbacks#parse}
 * returns a callback or throws {@link WebhookParseException}, nothing else. Seeds: the TuxSuite
 * samples in {@code ../shared/fixtures/tuxsuite} and {@code TuxSuiteCallbacksFuzzTestInputs}.
 */
class TuxSuiteCallbacksFuzzTest {

  static List<Named<byte[]>> samples() {
    return SharedSeeds.files("fixtures/tuxsuite", ".json");
  }

  @MethodSource("samples")
  @FuzzTest
  void parsesEveryBodyOrRefusesItWithWebhookParseException(byte[] body) {
    TuxSuiteCallback callback;
    try {
      callback = TuxSuiteCallbacks.parse(body);
    } catch (WebhookParseException e) {
      assertNotNull(e.reason());
      assertNotNull(e.getMessage());
      return;
    }
    assertEquals(Provider.TUXSUITE, callback.provider());
    assertNotNull(callback.eventName());
    // the records' accessors, equals and toString reach every field and copy
    assertNotNull(callback.toString());
    assertEquals(callback, TuxSuiteCallbacks.parse(body), "parsing is deterministic");
  }
}
