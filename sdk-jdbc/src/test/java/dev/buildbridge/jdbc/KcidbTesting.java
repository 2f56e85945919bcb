package dev.buildbridge.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.kcidb.submit.KcidbClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A KCIDB-ng stand-in on loopback, and the documents the outbox tests send to it. */
final class KcidbTesting {
  static final ObjectMapper MAPPER = HardenedJson.newMapper();
  static final String TOKEN = "test-token-not-a-secret";
  /** Each gateway instance posts to {@code /<gateway>/submit}, so the server tells them apart. */
  static final String SUBMIT = "/[a-z-]+/submit";

  private KcidbTesting() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  /** KCIDB-ng's answer to an accepted submission. */
  static String accepted(String id) {
    return "{\"id\":\"" + id + "\",\"status\":\"ok\",\"message\":\"Received submission " + id
        + " with size 321 bytes\"}";
  }

  /** Accepts every submission, after {@code delay}. */
  static void accept(WireMockExtension wm, Duration delay) {
    wm.stubFor(post(urlPathMatching(SUBMIT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(accepted("a1b2c3d4e5f60718293a4b5c6d7e8f90"))
        .withFixedDelay((int) delay.toMillis())));
  }

  /** A client of the local server for one gateway, without retries (the tests count posts). */
  static KcidbClient client(String baseUrl, String gateway) {
    return KcidbClient.newBuilder()
        .baseUrl(baseUrl + "/" + gateway)
        .token(TOKEN)
        .transport(t -> t.maxAttempts(1).requestTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** A small KCIDB v5.3 document whose checkout id carries the marker. */
  static byte[] document(String marker) {
    return ("{\"version\":{\"major\":5,\"minor\":3},\"checkouts\":[{\"id\":\"buildbridge:c-"
        + marker + "\",\"origin\":\"buildbridge\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  /** The marker of a {@link #document(String)}. */
  static String marker(byte[] document) {
    try {
      JsonNode doc = MAPPER.readTree(document);
      String id = doc.path("checkouts").path(0).path("id").asText();
      if (!id.startsWith("buildbridge:c-")) {
        throw new IllegalArgumentException("not a test document: " + doc);
      }
      return id.substring("buildbridge:c-".length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<LoggedRequest> posts(WireMockExtension wm) {
    return wm.findAll(postRequestedFor(urlPathMatching(SUBMIT)));
  }

  /** How often each marker reached the server, from any gateway. */
  static Map<String, Integer> received(WireMockExtension wm) {
    Map<String, Integer> out = new TreeMap<>();
    for (LoggedRequest r : posts(wm)) {
      out.merge(marker(r.getBody()), 1, Integer::sum);
    }
    return out;
  }

  /** The markers one gateway sent, in the order the server received them. */
  static List<String> sentBy(WireMockExtension wm, String gateway) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : posts(wm)) {
      if (r.getUrl().startsWith("/" + gateway + "/")) {
        out.add(marker(r.getBody()));
      }
    }
    return out;
  }
}
