package dev.buildbridge.kcidb.submit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.core.json.HardenedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Documents, answers and clients the submit tests share. */
final class SubmitTesting {
  static final ObjectMapper MAPPER = HardenedJson.newMapper();
  /** A JWT-shaped token; the tests check it never shows up where it should not. */
  static final String TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJvcmlnaW4iOiJidWlsZGJyaWRnZSJ9.S3cr3tS1gnatur3xyzzy";
  static final String SUBMISSION_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

  private SubmitTesting() {}

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

  /** KCIDB-ng's error answer. */
  static String error(String message) {
    return "{\"id\":\"0\",\"status\":\"error\",\"message\":\"" + message + "\"}";
  }

  /** A client of the local server that does not retry (the outbox tests count requests). */
  static KcidbClient.Builder client(WireMockExtension wm) {
    return KcidbClient.newBuilder()
        .baseUrl(wm.baseUrl())
        .token(TOKEN)
        .transport(t -> t.maxAttempts(1).requestTimeout(Duration.ofSeconds(5)));
  }

  /** The fixture under src/test/resources/submit. */
  static byte[] fixture(String name) {
    try (InputStream in = SubmitTesting.class.getResourceAsStream("/submit/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource submit/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode fixtureTree(String name) {
    try {
      return (ObjectNode) MAPPER.readTree(fixture(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A small v5.3 document whose objects all carry the marker in their ids: one checkout, one
   * build, one test.
   */
  static ObjectNode document(String marker) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5).put("minor", 3);
    doc.putArray("checkouts").addObject()
        .put("id", "buildbridge:c-" + marker).put("origin", "buildbridge");
    doc.putArray("builds").addObject()
        .put("id", "buildbridge:b-" + marker).put("origin", "buildbridge")
        .put("checkout_id", "buildbridge:c-" + marker).put("status", "PASS");
    doc.putArray("tests").addObject()
        .put("id", "buildbridge:t-" + marker).put("origin", "buildbridge")
        .put("build_id", "buildbridge:b-" + marker).put("path", "boot").put("status", "PASS");
    return doc;
  }

  /** A document with {@code tests} tests of about {@code padding} bytes each. */
  static ObjectNode bigDocument(String marker, int tests, int padding) {
    ObjectNode doc = document(marker);
    ArrayNode list = (ArrayNode) doc.get("tests");
    String pad = "x".repeat(padding);
    for (int i = 0; i < tests; i++) {
      list.addObject().put("id", "buildbridge:t-" + marker + "-" + i).put("origin", "buildbridge")
          .put("build_id", "buildbridge:b-" + marker).put("path", "ltp.case" + i)
          .put("status", "PASS").put("log_excerpt", pad);
    }
    return doc;
  }

  static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of every object of a document, list by list in KCIDB order. */
  static List<String> ids(JsonNode document) {
    List<String> out = new ArrayList<>();
    for (String list : KcidbSplitter.LISTS) {
      for (JsonNode o : document.path(list)) {
        out.add(list + "/" + o.path("id").asText());
      }
    }
    return out;
  }

  /** The marker of a {@link #document(String)}: the checkout id without its prefix. */
  static String marker(JsonNode document) {
    String id = document.path("checkouts").path(0).path("id").asText();
    return id.startsWith("buildbridge:c-") ? id.substring("buildbridge:c-".length()) : null;
  }
}
