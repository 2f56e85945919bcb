package dev.buildbridge.workflow.tuxsuite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The plan files under src/test/resources/tuxsuite. */
final class PlanFixtures {
  private PlanFixtures() {}

  static String text(String name) {
    try (InputStream in = PlanFixtures.class.getResourceAsStream("/tuxsuite/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource tuxsuite/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TuxPlanFile parse(String name) {
    return TuxPlanParser.ofDefaults().parse(name, text(name));
  }
}
