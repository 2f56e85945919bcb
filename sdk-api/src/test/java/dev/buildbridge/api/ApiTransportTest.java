package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiTransportTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** An ALBS-like response: snake_case on the wire. */
  record Build(long id, @JsonProperty("created_at") Instant createdAt, List<Task> tasks) {}

  record Task(long id, String arch, int status) {}

  record Ping(@JsonProperty("active_tasks") List<Long> activeTasks, String note) {}

  private ApiTransport.Builder transport() {
    return ApiTransport.newBuilder()
        .baseUrl(wm.baseUrl() + "/api/v1/")
        .userAgent("buildbridge-test/1.0")
        .sleeper(d -> { })
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  @Test
  void getKeepsBasePathPrefixAndParsesRecord() {
    wm.stubFor(get("/api/v1/builds/42/").willReturn(okJson(
        "{\"id\":42,\"created_at\":\"2026-03-01T10:15:30.123Z\",\"mock_options\":{},"
            + "\"tasks\":[{\"id\":7,\"arch\":\"x86_64\",\"status\":2,\"ref\":{}}]}")));
    ApiTransport albs = transport().auth(ApiAuth.bearer("jwt-token")).build();

    Build build = albs.send(ApiRequest.get("/builds/{id}/", 42).build(), Build.class);

    assertEquals(new Build(42, Instant.parse("2026-03-01T10:15:30.123Z"),
        List.of(new Task(7, "x86_64", 2))), build);
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/builds/42/"))
        .withHeader("Authorization", equalTo("Bearer jwt-token"))
        .withHeader("User-Agent", equalTo("buildbridge-test/1.0"))
        .withHeader("Content-Type", absent()));
  }

  @Test
  void postWritesJsonLeavingNullsOutAndSendsRawAuthorization() {
    wm.stubFor(post("/api/v1/build_node/ping").willReturn(okJson("{}")));
    ApiTransport tux = transport().auth(ApiAuth.rawAuthorization("tux-raw-token")).build();

    tux.send(ApiRequest.post("/build_node/ping").json(new Ping(List.of(1L, 2L), null)).build());

    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/build_node/ping"))
        .withHeader("Authorization", equalTo("tux-raw-token"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"active_tasks\":[1,2]}")));
  }

  @Test
  void suppliedRawAuthorizationIsAskedOnEveryRequestSoATokenCanRotate() {
    wm.stubFor(post("/api/v1/build_node/ping").willReturn(okJson("{}")));
    String[] token = {"first-token"};
    ApiAuth auth = ApiAuth.rawAuthorization(() -> token[0]);
    ApiTransport tux = transport().auth(auth).build();

    tux.send(ApiRequest.post("/build_node/ping").json(new Ping(List.of(1L), null)).build());
    token[0] = "second-token";
    tux.send(ApiRequest.post("/build_node/ping").json(new Ping(List.of(1L), null)).build());

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/build_node/ping"))
        .withHeader("Authorization", equalTo("first-token")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/build_node/ping"))
        .withHeader("Authorization", equalTo("second-token")));
    assertEquals("ApiAuth.rawAuthorization(<supplier>)", auth.toString());
  }

  @Test
  void sendsQueryDefaultHeadersAndNoAuthorizationForNone() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/")).willReturn(okJson("[]")));
    ApiTransport transport = transport().defaultHeader("Accept", "application/json").build();

    List<Build> builds = transport.send(ApiRequest.get("/builds/")
        .query("project", "bash 5").query("pageNumber", 1).build(),
        new TypeReference<List<Build>>() { });

    assertEquals(List.of(), builds);
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/builds/"))
        .withQueryParam("project", equalTo("bash 5"))
        .withQueryParam("pageNumber", equalTo("1"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Authorization", absent()));
  }

  @Test
  void requestHeaderOverridesDefaultHeader() {
    wm.stubFor(get("/api/v1/raw").willReturn(aResponse().withStatus(200).withBody("plain")));
    ApiTransport transport = transport().defaultHeader("Accept", "application/json").build();

    byte[] body = transport.send(ApiRequest.get("/raw").accept("text/plain").build(),
        byte[].class);

    assertArrayEquals("plain".getBytes(StandardCharsets.UTF_8), body);
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/raw"))
        .withHeader("Accept", equalTo("text/plain")));
  }

  @Test
  void requestHeadersReplaceTransportHeadersInsteadOfDoublingThem() {
    wm.stubFor(post("/api/v1/form").willReturn(aResponse().withStatus(204)));
    ApiTransport transport = transport().defaultHeader("X-Client", "a").build();

    transport.send(ApiRequest.post("/form").header("User-Agent", "per-request/2")
        .header("x-client", "b").header("Content-Type", "text/plain")
        .body("a=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .build());

    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertEquals(List.of("per-request/2"), sent.getHeaders().getHeader("User-Agent").values());
    assertEquals(List.of("b"), sent.getHeaders().getHeader("X-Client").values());
    assertEquals(List.of("application/x-www-form-urlencoded"),
        sent.getHeaders().getHeader("Content-Type").values());
    assertEquals("a=1", sent.getBodyAsString());
  }

  @Test
  void noContentGivesEmptyBodyAndJsonNullGivesEmptyBody() {
    wm.stubFor(post("/api/v1/builds/run").willReturn(aResponse().withStatus(204)));
    wm.stubFor(post("/api/v1/build_node/get_task").willReturn(okJson("null")));
    ApiTransport transport = transport().build();

    ApiResponse<JsonNode> none = transport.exchange(
        ApiRequest.post("/builds/run").json(Map.of()).build(), JsonNode.class);
    ApiResponse<Task> idle = transport.exchange(
        ApiRequest.post("/build_node/get_task").json(Map.of("supported_arches", List.of("x86_64")))
            .build(), Task.class);

    assertEquals(204, none.status());
    assertEquals(Optional.empty(), none.body());
    assertEquals(200, idle.status());
    assertEquals(Optional.empty(), idle.body());
  }

  @Test
  void sendWithATypeFailsWhenTheBodyIsMissing() {
    wm.stubFor(get("/api/v1/builds/1/").willReturn(aResponse().withStatus(204)));
    ApiException e = assertThrows(ApiException.class,
        () -> transport().build().send(ApiRequest.get("/builds/{id}/", 1).build(), Build.class));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("GET /api/v1/builds/1/: 204 No Content: expected a Build in the response body,"
        + " got none", e.getMessage());
  }

  @Test
  void exchangeExposesStatusAndHeaders() {
    wm.stubFor(post("/api/v1/builds/").willReturn(aResponse().withStatus(201)
        .withHeader("Location", "/api/v1/builds/9/")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":9,\"created_at\":\"2026-03-01T00:00:00Z\"}")));
    ApiResponse<Build> response = transport().build()
        .exchange(ApiRequest.post("/builds/").json(Map.of("platforms", List.of())).build(),
            Build.class);
    assertEquals(201, response.status());
    assertEquals(Optional.of("/api/v1/builds/9/"), response.header("location"));
    assertEquals(9, response.body().orElseThrow().id());
    assertEquals(1, response.attempts());
    assertEquals("ApiResponse[status=201, body=present]", response.toString());
  }

  @Test
  void treatsConflictAsSuccessWhenTheRequestSaysSo() {
    wm.stubFor(post("/api/v1/build_node/build_done")
        .willReturn(aResponse().withStatus(409).withBody("{\"ok\":false}")));
    ApiResponse<JsonNode> response = transport().build().exchange(
        ApiRequest.post("/build_node/build_done").json(Map.of("task_id", 5))
            .idempotent(true).treatAsSuccess(409).build(), JsonNode.class);
    assertEquals(409, response.status());
    assertFalse(response.body().orElseThrow().get("ok").asBoolean());
  }

  @Test
  void mapsFastApiDetailIntoTheMessage() {
    wm.stubFor(get("/api/v1/builds/404/").willReturn(aResponse().withStatus(404)
        .withHeader("x-request-id", "req-1")
        .withBody("{\"detail\":\"Build with id=404 not found\"}")));
    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.get("/builds/{id}/", 404).build(), Build.class));
    assertEquals(Reason.NOT_FOUND, e.reason());
    assertEquals("NOT_FOUND", e.code());
    assertEquals(404, e.status());
    assertEquals("GET", e.method());
    assertEquals("/api/v1/builds/404/", e.path());
    assertEquals(Optional.of("Build with id=404 not found"), e.detail());
    assertEquals(Optional.of("req-1"), e.requestId());
    assertEquals("{\"detail\":\"Build with id=404 not found\"}", e.bodyExcerpt());
    assertEquals("GET /api/v1/builds/404/: 404 Not Found: Build with id=404 not found",
        e.getMessage());
  }

  @Test
  void rendersFastApiValidationListCompactly() {
    wm.stubFor(post("/api/v1/builds/").willReturn(aResponse().withStatus(422).withBody(
        "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"platforms\"],"
            + "\"msg\":\"Field required\",\"input\":{}},"
            + "{\"type\":\"int_parsing\",\"loc\":[\"body\",\"tasks\",0,\"id\"],"
            + "\"msg\":\"Input should be a valid integer\"}]}")));
    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.post("/builds/").json(Map.of()).build(), Build.class));
    assertEquals(Reason.VALIDATION, e.reason());
    assertEquals(Optional.of("body.platforms: Field required; body.tasks.0.id: Input should be a"
        + " valid integer"), e.detail());
  }

  @Test
  void mapsAuthAndConflictStatuses() {
    wm.stubFor(get("/api/v1/a").willReturn(aResponse().withStatus(401)
        .withBody("{\"detail\":\"Unauthorized\"}")));
    wm.stubFor(get("/api/v1/b").willReturn(aResponse().withStatus(403)
        .withBody("{\"detail\":\"Not authenticated\"}")));
    wm.stubFor(get("/api/v1/c").willReturn(aResponse().withStatus(409)));
    wm.stubFor(get("/api/v1/d").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"bad kconfig\"}")));
    ApiTransport t = transport().build();
    assertEquals(Reason.UNAUTHORIZED, reasonOf(t, "/a"));
    assertEquals(Reason.FORBIDDEN, reasonOf(t, "/b"));
    assertEquals(Reason.CONFLICT, reasonOf(t, "/c"));
    ApiException tux = assertThrows(ApiException.class,
        () -> t.send(ApiRequest.get("/d").build()));
    assertEquals(Reason.CLIENT_ERROR, tux.reason());
    assertEquals(Optional.of("bad kconfig"), tux.detail());
  }

  private static Reason reasonOf(ApiTransport t, String path) {
    return assertThrows(ApiException.class, () -> t.send(ApiRequest.get(path).build())).reason();
  }

  @Test
  void doesNotFollowRedirects() {
    wm.stubFor(get("/api/v1/builds").willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://127.0.0.1/api/v1/builds/?token=secret")));
    ApiException e = assertThrows(ApiException.class,
        () -> transport().build().send(ApiRequest.get("/builds").build()));
    assertEquals(Reason.REDIRECT, e.reason());
    assertTrue(e.getMessage().contains("redirect to http://127.0.0.1/api/v1/builds/ not followed"),
        e.getMessage());
    assertFalse(e.getMessage().contains("secret"));
  }

  @Test
  void reportsMalformedJsonWithTheFieldPath() {
    wm.stubFor(get("/api/v1/builds/3/").willReturn(okJson(
        "{\"id\":3,\"tasks\":[{\"id\":\"not-a-number\"}]}")));
    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.get("/builds/{id}/", 3).build(), Build.class));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals(200, e.status());
    assertTrue(e.getMessage().startsWith("GET /api/v1/builds/3/: 200 OK: response body is not"
        + " valid JSON for Build at $.tasks[0].id: "), e.getMessage());
    assertTrue(e.getCause() != null);
  }

  @Test
  void refusesBodiesOverTheLimit() {
    wm.stubFor(get("/api/v1/big").willReturn(okJson("[" + "1,".repeat(600) + "1]")));
    ApiException e = assertThrows(ApiException.class, () -> transport().maxResponseBytes(1000)
        .build().send(ApiRequest.get("/big").build(), JsonNode.class));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertTrue(e.getMessage().contains("exceeds the limit of 1000 bytes"), e.getMessage());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void refusesDeeplyNestedJson() {
    wm.stubFor(get("/api/v1/deep").willReturn(okJson("[".repeat(300) + "]".repeat(300))));
    ApiException e = assertThrows(ApiException.class, () -> transport().build()
        .send(ApiRequest.get("/deep").build(), JsonNode.class));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
  }

  @Test
  void asyncCallsCompleteWithTheBodyOrTheException() {
    wm.stubFor(get("/api/v1/builds/5/").willReturn(okJson("{\"id\":5}")));
    wm.stubFor(get("/api/v1/builds/6/").willReturn(aResponse().withStatus(404)));
    ApiTransport t = transport().build();

    assertEquals(5, t.sendAsync(ApiRequest.get("/builds/{id}/", 5).build(), Build.class)
        .join().id());
    CompletionException e = assertThrows(CompletionException.class,
        () -> t.sendAsync(ApiRequest.get("/builds/{id}/", 6).build(), Build.class).join());
    assertEquals(Reason.NOT_FOUND, ((ApiException) e.getCause()).reason());
    assertNull(t.sendAsync(ApiRequest.get("/builds/{id}/", 5).build()).join());
    assertEquals(200, t.exchangeAsync(ApiRequest.get("/builds/{id}/", 5).build(),
        new TypeReference<Map<String, Object>>() { }).join().status());
  }

  @Test
  void unwritableJsonBodyFailsBeforeSending() {
    Object selfReferencing = new Object() {
      @SuppressWarnings("unused")
      public Object getSelf() {
        return this;
      }
    };
    ApiTransport t = transport().build();
    ApiRequest request = ApiRequest.post("/x").json(selfReferencing).build();
    assertThrows(IllegalArgumentException.class, () -> t.send(request));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void resolvesTheFullUrl() {
    ApiTransport t = ApiTransport.newBuilder().baseUrl("https://build.almalinux.org/api/v1/")
        .build();
    assertEquals(URI.create("https://build.almalinux.org/api/v1"), t.baseUrl());
    assertEquals(URI.create("https://build.almalinux.org/api/v1/builds/?pageNumber=2"),
        t.resolve(ApiRequest.get("/builds/").query("pageNumber", 2).build()));
  }

  @Test
  void refusesUnsafeBaseUrls() {
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().baseUrl("https://user:pw@api.github.com"));
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().baseUrl("ftp://example.org"));
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().baseUrl("https://example.org/api?x=1"));
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().baseUrl("/relative/path"));
    assertThrows(IllegalStateException.class, () -> ApiTransport.newBuilder().build());
  }

  @Test
  void refusesConflictingBuilderSettings() {
    assertThrows(IllegalStateException.class, () -> ApiTransport.newBuilder()
        .baseUrl("https://example.org").httpClient(HttpClient.newHttpClient())
        .connectTimeout(Duration.ofSeconds(1)).build());
    assertThrows(IllegalStateException.class, () -> ApiTransport.newBuilder()
        .baseUrl("https://example.org")
        .retry(io.github.resilience4j.retry.RetryConfig.ofDefaults()).maxAttempts(2).build());
    assertThrows(IllegalArgumentException.class, () -> ApiTransport.newBuilder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> ApiTransport.newBuilder().userAgent(" "));
    assertThrows(IllegalArgumentException.class,
        () -> ApiTransport.newBuilder().defaultHeader("Authorization", "Bearer x"));
  }

  @Test
  void toBuilderSharesTheHttpClientUnlessTheConnectTimeoutChanges() {
    ApiTransport base = transport().build();
    HttpClient shared = base.toBuilder().inheritedClient;
    ApiTransport variant = base.toBuilder().auth(ApiAuth.bearer("t")).build();
    assertSame(shared, variant.toBuilder().inheritedClient);
    ApiTransport slower = base.toBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    assertFalse(shared == slower.toBuilder().inheritedClient);
    HttpClient own = HttpClient.newHttpClient();
    assertSame(own, base.toBuilder().httpClient(own).build().toBuilder().httpClient);
  }
}
