package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The javadoc examples of this package, run against a local server so they keep compiling. */
class ExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  record Build(long id) {}

  record BuildsPage(List<Build> builds, @JsonProperty("total_builds") Long totalBuilds) {}

  /** How a client declares its endpoints on the transport (the pattern for ALBS, TuxSuite...). */
  static final class AlbsBuilds {
    private final ApiTransport transport;

    AlbsBuilds(ApiTransport transport) {
      this.transport = transport;
    }

    Build build(long id) {
      return transport.send(ApiRequest.get("/builds/{id}/", id).build(), Build.class);
    }

    Paged<Build> builds(String project) {
      return transport.paginate(ApiRequest.get("/builds/").query("project", project).build(),
          BuildsPage.class,
          Pagination.pageNumber("pageNumber", 10, BuildsPage::builds, BuildsPage::totalBuilds));
    }
  }

  @Test
  void transportClassExample() {
    wm.stubFor(get("/api/v1/builds/42/").willReturn(okJson("{\"id\":42}")));
    ApiTransport albs = ApiTransport.newBuilder()
        .baseUrl(URI.create(wm.baseUrl() + "/api/v1"))
        .auth(ApiAuth.bearer("albs-jwt"))
        .userAgent("my-build-node/1.0")
        .build();
    Build build = albs.send(ApiRequest.get("/builds/{id}/", 42).build(), Build.class);

    assertEquals(42, build.id());
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/builds/42/"))
        .withHeader("Authorization", equalTo("Bearer albs-jwt")));
  }

  @Test
  void clientDeclaringEndpoints() {
    wm.stubFor(get("/api/v1/builds/7/").willReturn(okJson("{\"id\":7}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/")).willReturn(okJson(
        "{\"builds\":[{\"id\":1},{\"id\":2}],\"total_builds\":2,\"current_page\":1}")));
    AlbsBuilds client = new AlbsBuilds(ApiTransport.newBuilder()
        .baseUrl(wm.baseUrl() + "/api/v1").build());

    assertEquals(7, client.build(7).id());
    assertEquals(List.of(1L, 2L), client.builds("bash").stream().map(Build::id)
        .collect(Collectors.toList()));
  }

  @Test
  void exceptionExample() {
    wm.stubFor(get("/x").willReturn(aResponse().withStatus(429).withHeader("Retry-After",
        "600")));
    ApiTransport transport = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).build();
    Duration requeueAfter = null;
    try {
      transport.send(ApiRequest.get("/x").build());
    } catch (ApiException e) {
      if (e.reason() == ApiException.Reason.RATE_LIMITED) {
        requeueAfter = e.retryAfter().orElse(Duration.ofMinutes(1));
      }
    }
    assertEquals(Duration.ofMinutes(10), requeueAfter);
    ApiException built = ApiException.newBuilder(ApiException.Reason.MALFORMED_RESPONSE, "GET",
        "/repos/o/r/contents/dir").status(200).problem("expected a file, got a directory")
        .build();
    assertEquals("GET /repos/o/r/contents/dir: 200 OK: expected a file, got a directory",
        built.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ApiException.Reason.ofStatus(200));
  }
}
