package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fixtures, a client pointed at WireMock, and checks of what was sent. */
final class AlbsTesting {
  /** A token shaped like ALBS's: HS256, {"sub": "17", "aud": ["fastapi-users:auth"]}. */
  static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxNyIsImF1ZCI6WyJmYXN0YXBpLXVzZXJzOmF1dGgiXSwiZXhwIjoxNzkzNTQ0MDAwfQ"
      + ".5d3bmTIHvjIDXkbc6N2Ea8Axc9M2RvwmlIg0Xb9yd0c";
  static final String USER_AGENT = "buildbridge-albs-test/1.0";

  private AlbsTesting() {}

  static String fixture(String name) {
    try (InputStream in = AlbsTesting.class.getResourceAsStream("/albs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource albs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req-7f3a")
        .withBody(body);
  }

  static ResponseDefinitionBuilder fixtureResponse(String name) {
    return json(200, fixture(name));
  }

  /** A client with the test token, fast retries and recorded waits. */
  static AlbsClient.Builder client(WireMockExtension wm, List<Duration> sleeps) {
    return AlbsClient.newBuilder()
        .baseUrl(wm.baseUrl())
        .token(JWT)
        .userAgent(USER_AGENT)
        .transport(t -> t.sleeper(sleeps::add).backoff(Duration.ofMillis(1),
            Duration.ofMillis(5)));
  }

  static void stub(WireMockExtension wm, MappingBuilder mapping,
      ResponseDefinitionBuilder response) {
    wm.stubFor(mapping.willReturn(response));
  }

  /** Returns the requests received, oldest first. */
  static List<LoggedRequest> requests(WireMockExtension wm) {
    List<LoggedRequest> out = new ArrayList<>();
    for (ServeEvent event : wm.getAllServeEvents()) {
      out.add(event.getRequest());
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * Asserts that exactly one request was received, with this method and exact URL (path with its
   * trailing slash, and query in order), the bearer token and the user agent; returns it.
   */
  static LoggedRequest onlyRequest(WireMockExtension wm, String method, String url) {
    List<LoggedRequest> all = requests(wm);
    assertEquals(1, all.size(), "requests received: " + describe(all));
    LoggedRequest request = all.get(0);
    assertRequest(request, method, url);
    return request;
  }

  static void assertRequest(LoggedRequest request, String method, String url) {
    assertEquals(method, request.getMethod().getName());
    assertEquals(url, request.getUrl());
    assertEquals("Bearer " + JWT, request.getHeader("Authorization"));
    assertEquals(USER_AGENT, request.getHeader("User-Agent"));
    if (method.equals("GET") || method.equals("DELETE")) {
      assertNoBody(request);
      assertFalse(request.containsHeader("Content-Type"), "Content-Type without body");
    }
  }

  /** Asserts a JSON body equal to the expected one: same fields, no extra ones, arrays in order. */
  static void assertJsonBody(LoggedRequest request, String expected) {
    assertEquals("application/json", request.getHeader("Content-Type"));
    StringValuePattern pattern = equalToJson(expected);
    assertTrue(pattern.match(request.getBodyAsString()).isExactMatch(),
        "body " + request.getBodyAsString() + " is not " + expected);
  }

  /** Asserts that a request had no body. */
  static void assertNoBody(LoggedRequest request) {
    assertEquals(0, request.getBody().length, "unexpected body " + request.getBodyAsString());
  }

  static String describe(List<LoggedRequest> requests) {
    StringBuilder out = new StringBuilder();
    for (LoggedRequest r : requests) {
      out.append(r.getMethod().getName()).append(' ').append(r.getUrl()).append(' ')
          .append(r.getBodyAsString()).append('\n');
    }
    return out.toString();
  }
}
