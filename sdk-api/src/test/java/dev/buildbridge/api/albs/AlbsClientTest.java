package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.api.albs.AlbsTesting.fixtureResponse;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlbsClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void defaultsToThePublicAlmaLinuxInstance() {
    AlbsClient albs = AlbsClient.newBuilder().build();

    assertEquals(URI.create("https://build.almalinux.org/api/v1"), albs.baseUrl());
  }

  @Test
  void appendsTheApiPathUnlessTheUrlAlreadyEndsWithIt() {
    assertEquals(URI.create("http://albs.example:8000/api/v1"),
        AlbsClient.newBuilder().baseUrl("http://albs.example:8000/").build().baseUrl());
    assertEquals(URI.create("http://web-server:8000/api/v1"),
        AlbsClient.newBuilder().baseUrl("http://web-server:8000/api/v1/").build().baseUrl());
    assertEquals(URI.create("https://ci.example/albs/api/v1"),
        AlbsClient.newBuilder().baseUrl(URI.create("https://ci.example/albs")).build()
            .baseUrl());
  }

  @Test
  void refusesBaseUrlsAtOnce() {
    AlbsClient.Builder b = AlbsClient.newBuilder();
    assertThrows(IllegalArgumentException.class, () -> b.baseUrl("ftp://build.almalinux.org"));
    assertThrows(IllegalArgumentException.class,
        () -> b.baseUrl("https://user:secret@build.almalinux.org"));
    assertThrows(IllegalArgumentException.class,
        () -> b.baseUrl("https://build.almalinux.org/?x=1"));
    assertThrows(IllegalArgumentException.class, () -> b.baseUrl("https://build alma"));
    // albs-node's docker-compose default: java.net.URI sees no host in a name with '_'
    assertEquals("baseUrl has no host", assertThrows(IllegalArgumentException.class,
        () -> b.baseUrl("http://web_server:8000/api/v1/")).getMessage());
    assertThrows(NullPointerException.class, () -> b.baseUrl((URI) null));
  }

  @Test
  void refusesATokenWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AlbsClient.newBuilder().token("eyJh secret-part"));

    assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
  }

  @Test
  void refusesTwoAuthorizations() {
    AlbsClient.Builder b = AlbsClient.newBuilder().token(AlbsTesting.JWT)
        .auth(ApiAuth.bearer("other"));

    assertEquals("choose one of token(...) and auth(...)",
        assertThrows(IllegalStateException.class, b::build).getMessage());
  }

  @Test
  void anAnonymousClientSendsNoAuthorization() {
    wm.stubFor(get("/api/v1/platforms/").willReturn(fixtureResponse("platforms.json")));

    AlbsClient.newBuilder().baseUrl(wm.baseUrl()).build().platforms().list();

    wm.verify(getRequestedFor(urlEqualTo("/api/v1/platforms/"))
        .withHeader("Authorization", absent())
        .withHeader("User-Agent", equalTo("BuildBridge-SDK-Java")));
  }

  @Test
  void aSuppliedTokenIsAskedForOnEveryRequest() {
    wm.stubFor(get("/api/v1/users/all_users").willReturn(fixtureResponse("users.json")));
    AtomicInteger n = new AtomicInteger();
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl())
        .auth(ApiAuth.bearer(() -> "jwt-" + n.incrementAndGet())).build();

    albs.users().list();
    albs.users().list();

    assertEquals(List.of("Bearer jwt-1", "Bearer jwt-2"), requests(wm).stream()
        .map(r -> r.getHeader("Authorization")).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void toBuilderKeepsTheSettingsAndNeverShowsTheToken() {
    wm.stubFor(get("/api/v1/users/all_users").willReturn(fixtureResponse("users.json")));
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(AlbsTesting.JWT)
        .userAgent("node-7/2.1").build();

    AlbsClient other = albs.toBuilder().build();
    other.users().list();

    assertEquals(albs.baseUrl(), other.baseUrl());
    wm.verify(getRequestedFor(urlEqualTo("/api/v1/users/all_users"))
        .withHeader("Authorization", equalTo("Bearer " + AlbsTesting.JWT))
        .withHeader("User-Agent", equalTo("node-7/2.1")));
    assertFalse(albs.toString().contains(AlbsTesting.JWT), albs.toString());
    assertTrue(albs.toString().startsWith("AlbsClient[" + wm.baseUrl() + "/api/v1"),
        albs.toString());
  }

  @Test
  void theTransportCustomizerAppliesAndItsAuthIsUsedWhenNoneIsSet() {
    wm.stubFor(get("/api/v1/platform_flavors/").willReturn(json(200,
        "[{\"id\":4,\"name\":\"EPEL-9\",\"modularity\":null}]")));
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl())
        .transport(t -> t.auth(ApiAuth.bearer("from-customizer"))
            .requestTimeout(Duration.ofSeconds(5)).defaultHeader("X-Node", "aarch64-3"))
        .build();

    JsonNode flavors = albs.transport().send(ApiRequest.get("/platform_flavors/").build(),
        JsonNode.class);

    assertEquals("EPEL-9", flavors.get(0).get("name").asText());
    wm.verify(getRequestedFor(urlEqualTo("/api/v1/platform_flavors/"))
        .withHeader("Authorization", equalTo("Bearer from-customizer"))
        .withHeader("X-Node", equalTo("aarch64-3")));
  }

  @Test
  void theBuildersTokenWinsOverTheCustomizers() {
    wm.stubFor(get("/api/v1/users/all_users").willReturn(fixtureResponse("users.json")));

    AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(AlbsTesting.JWT)
        .transport(t -> t.auth(ApiAuth.bearer("from-customizer"))).build().users().list();

    wm.verify(getRequestedFor(urlEqualTo("/api/v1/users/all_users"))
        .withHeader("Authorization", equalTo("Bearer " + AlbsTesting.JWT)));
  }

  @Test
  void refusesABlankUserAgent() {
    assertThrows(IllegalArgumentException.class, () -> AlbsClient.newBuilder().userAgent(" "));
  }
}
