package dev.buildbridge.api.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Fixtures and request assertions shared by the TuxSuite tests. */
final class TuxWire {
  static final String TOKEN = "tuxsuite-test-token-3f9a2c";
  static final String USER_AGENT = "buildbridge-test/1.0";
  static final String PROJECT = "/v1/groups/demo/projects/riscv";

  private TuxWire() {}

  static String fixture(String name) {
    try (InputStream in = TuxWire.class.getResourceAsStream("/tuxsuite/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource tuxsuite/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void stub(WireMockExtension wm, MappingBuilder mapping, int status, String fixture) {
    wm.stubFor(mapping.willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(fixture(fixture))));
  }

  /** Every request the server received, oldest first. */
  static List<LoggedRequest> requests(WireMockExtension wm) {
    return wm.findAll(anyRequestedFor(anyUrl())).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .collect(Collectors.toList());
  }

  /**
   * Asserts the server received exactly these requests, as {@code METHOD exact-url} lines, each
   * with the raw token (no scheme) and the user agent; returns them oldest first.
   */
  static List<LoggedRequest> assertRequests(WireMockExtension wm, String... expected) {
    List<LoggedRequest> all = requests(wm);
    assertEquals(List.of(expected), all.stream()
        .map(r -> r.getMethod().value() + " " + r.getUrl()).collect(Collectors.toList()));
    for (LoggedRequest r : all) {
      assertEquals(TOKEN, r.getHeader("Authorization"), r.getUrl());
      assertEquals(USER_AGENT, r.getHeader("User-Agent"), r.getUrl());
    }
    return all;
  }
}
