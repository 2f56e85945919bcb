package dev.buildbridge.samples.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.WebhookHmac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Talks to a gateway over real HTTP with signed deliveries, as forges, TuxSuite and runners do. */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GITHUB_SECRET = "gateway-test-github-secret";
  static final String GITEA_SECRET = "gateway-test-gitea-secret";
  static final String GITLAB_TOKEN = "gateway-test-gitlab-token";
  static final String RUNNER_TOKEN = "gateway-test-runner-token";
  /** A TuxSuite group key made for this test run. */
  static final KeyPair TUX_KEY = ecKey();
  static final String TUX_PUBLIC_KEY = OpenSshPublicKey.from(TUX_KEY.getPublic()).toOpenSshLine();

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Wire() {}

  /** An answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static KeyPair ecKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] fixture(String relative) {
    Path path = SharedData.require("fixtures/" + relative);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply send(URI base, String method, String path, Map<String, String> headers,
      byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> response = CLIENT.send(b.build(),
          HttpResponse.BodyHandlers.ofString(UTF_8));
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Reply get(URI base, String path) {
    return send(base, "GET", path, Map.of(), null);
  }

  static Reply post(URI base, String path, Map<String, String> headers, byte[] body) {
    return send(base, "POST", path, headers, body);
  }

  /** A GitHub delivery signed with {@link #GITHUB_SECRET}. */
  static Reply github(URI base, String event, String deliveryId, byte[] body) {
    return post(base, "/webhooks/github", githubHeaders(event, deliveryId, body, GITHUB_SECRET),
        body);
  }

  static Map<String, String> githubHeaders(String event, String deliveryId, byte[] body,
      String secret) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("X-GitHub-Event", event);
    h.put("X-GitHub-Delivery", deliveryId);
    h.put("X-Hub-Signature-256", WebhookHmac.github(secret).sign(body));
    return h;
  }

  static Reply gitea(URI base, String event, String deliveryId, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("X-Gitea-Event", event);
    h.put("X-Gitea-Delivery", deliveryId);
    h.put("X-Gitea-Signature", WebhookHmac.of(HmacScheme.GITEA, GITEA_SECRET.getBytes(UTF_8))
        .sign(body));
    return post(base, "/webhooks/gitea", h, body);
  }

  /** A TuxSuite callback signed with {@link #TUX_KEY}. */
  static Reply tuxsuite(URI base, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>(
        TuxSuiteCallbackSigner.of(TUX_KEY.getPrivate()).headers(body));
    h.put("Content-Type", "application/json");
    return post(base, "/callbacks/tuxsuite", h, body);
  }

  static Reply runner(URI base, String path, byte[] body) {
    return post(base, path, Map.of("Authorization", "Bearer " + RUNNER_TOKEN,
        "Content-Type", "application/json"), body);
  }

  /** {@code GET /jobs} with the runner token. */
  static Reply jobs(URI base, String query) {
    return send(base, "GET", "/jobs" + query, Map.of("Authorization", "Bearer " + RUNNER_TOKEN),
        null);
  }

  /** Waits up to 10 seconds for a condition that other threads make true. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  /** The value of one sample line of a Prometheus scrape, or -1 when absent. */
  static double sample(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return -1;
  }
}
