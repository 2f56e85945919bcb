package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.albs.AlbsTesting.assertJsonBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertNoBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertRequest;
import static dev.buildbridge.api.albs.AlbsTesting.fixture;
import static dev.buildbridge.api.albs.AlbsTesting.fixtureResponse;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.onlyRequest;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReleasesApiTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private ReleasesApi releases() {
    return AlbsTesting.client(wm, sleeps).build().releases();
  }

  @Test
  void createsAReleaseAndReadsItsPlan() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/releases/new/"))
        .willReturn(json(200, fixture("release.json"))));

    Release release = releases().create(new ReleaseRequest(List.of(11573L),
        List.of(187201L, 187202L), 2, 1));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/releases/new/"),
        "{\"builds\":[11573],\"build_tasks\":[187201,187202],\"platform_id\":2,"
            + "\"product_id\":1}");
    assertEquals(812, release.id());
    assertEquals(ReleaseStatus.SCHEDULED, release.status());
    assertEquals(List.of(11573L), release.buildIds());
    assertEquals(List.of(187201L, 187202L), release.buildTaskIds());
    assertEquals("AlmaLinux-9", release.platform().name());
    assertEquals("AlmaLinux", release.product().name());
    assertFalse(release.product().community());
    assertEquals(List.of(), release.product().platforms());
    assertEquals(Boolean.FALSE, release.owner().superuser());
    assertEquals(Instant.parse("2024-05-15T09:12:44.700001Z"), release.createdAt());
    List<?> packages = (List<?>) release.plan().get("packages");
    assertEquals("bash-5.1.8-9.el9.src.rpm",
        ((Map<?, ?>) ((Map<?, ?>) packages.get(0)).get("package")).get("full_name"));
    assertThrows(UnsupportedOperationException.class, () -> release.plan().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> packages.remove(0));
  }

  @Test
  void creatingWholeBuildsLeavesBuildTasksOut() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/releases/new/"))
        .willReturn(json(200, fixture("release.json"))));

    releases().create(ReleaseRequest.of(List.of(11573L, 11574L), 2, 1));

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/releases/new/"),
        "{\"builds\":[11573,11574],\"platform_id\":2,\"product_id\":1}");
  }

  @Test
  void updatesThePlanWithPut() {
    wm.stubFor(put(urlPathEqualTo("/api/v1/releases/812/"))
        .willReturn(fixtureResponse("release.json")));

    Release release = releases().update(812, ReleaseUpdate.ofPlan(Map.of("packages", List.of(),
        "repositories", List.of())));

    assertJsonBody(onlyRequest(wm, "PUT", "/api/v1/releases/812/"),
        "{\"plan\":{\"packages\":[],\"repositories\":[]}}");
    assertEquals(812, release.id());
  }

  @Test
  void updateIsRepeatedAfterAGatewayTimeout() {
    wm.stubFor(put(urlPathEqualTo("/api/v1/releases/812/")).inScenario("put")
        .whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(504)).willSetStateTo("up"));
    wm.stubFor(put(urlPathEqualTo("/api/v1/releases/812/")).inScenario("put")
        .whenScenarioStateIs("up").willReturn(fixtureResponse("release.json")));

    releases().update(812, ReleaseUpdate.ofBuilds(List.of(11573L)));

    List<LoggedRequest> all = requests(wm);
    assertEquals(2, all.size());
    for (LoggedRequest request : all) {
      assertRequest(request, "PUT", "/api/v1/releases/812/");
      assertJsonBody(request, "{\"builds\":[11573]}");
    }
  }

  @Test
  void commitsAReleaseAndReturnsAlbsMessage() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/releases/812/commit/")).willReturn(json(200,
        "{\"message\":\"Release plan execution has been started\"}")));

    String message = releases().commit(812);

    assertEquals("Release plan execution has been started", message);
    assertNoBody(onlyRequest(wm, "POST", "/api/v1/releases/812/commit/"));
  }

  @Test
  void commitIsNotRepeatedAfterAServerError() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/releases/812/commit/"))
        .willReturn(aResponse().withStatus(503)));

    ApiException e = assertThrows(ApiException.class, () -> releases().commit(812));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertEquals(1, requests(wm).size());
  }

  @Test
  void readsARelease() {
    wm.stubFor(get("/api/v1/releases/812/").willReturn(fixtureResponse("release.json")));

    assertEquals(ReleaseStatus.SCHEDULED, releases().get(812).status());

    assertNoBody(onlyRequest(wm, "GET", "/api/v1/releases/812/"));
  }

  @Test
  void listsReleasesAcrossTwoPagesWithFilters() {
    for (int page = 1; page <= 2; page++) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/releases/"))
          .withQueryParam("pageNumber", equalTo(Integer.toString(page)))
          .willReturn(fixtureResponse("releases-page" + page + ".json")));
    }

    List<Release> all = releases().list(ReleaseQuery.newBuilder().productId(1).platformId(2)
        .status(ReleaseStatus.COMPLETED).packageName("bash").build())
        .stream().collect(Collectors.toList());

    assertEquals(14, all.size());
    assertEquals(900, all.get(0).id());
    assertEquals(887, all.get(13).id());
    List<LoggedRequest> requests = requests(wm);
    assertEquals(2, requests.size());
    for (int page = 1; page <= 2; page++) {
      assertRequest(requests.get(page - 1), "GET", "/api/v1/releases/?product_id=1"
          + "&platform_id=2&status=3&package_name=bash&pageNumber=" + page);
    }
  }

  @Test
  void readsOnePageOfReleases() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/releases/"))
        .willReturn(fixtureResponse("releases-page2.json")));

    AlbsPage<Release> page = releases().page(ReleaseQuery.all(), 2);

    assertEquals(4, page.items().size());
    assertEquals(14L, page.total());
    assertFalse(page.hasNextPage());
    onlyRequest(wm, "GET", "/api/v1/releases/?pageNumber=2");
  }

  @Test
  void listsAllReleasesAsABareListWithUnknownStatuses() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/releases/"))
        .willReturn(fixtureResponse("releases.json")));

    List<Release> all = releases().listAll(ReleaseQuery.newBuilder().productId(1).build());

    onlyRequest(wm, "GET", "/api/v1/releases/?product_id=1");
    assertEquals(List.of(ReleaseStatus.FAILED, ReleaseStatus.UNKNOWN),
        all.stream().map(Release::status).collect(Collectors.toList()));
    assertEquals(Map.of(), all.get(0).plan());
  }

  @Test
  void aBareListWithANullItemIsAMalformedResponse() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/releases/")).willReturn(json(200, "[null]")));

    ApiException e = assertThrows(ApiException.class,
        () -> releases().listAll(ReleaseQuery.all()));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("item 0 of the array is null", e.detail().orElseThrow());
  }

  @Test
  void aReleaseThatCannotChangeAnyMoreIsRefused() {
    wm.stubFor(put(urlPathEqualTo("/api/v1/releases/812/")).willReturn(json(400,
        "{\"detail\":\"Cannot update release 812: it is already released\"}")));

    ApiException e = assertThrows(ApiException.class,
        () -> releases().update(812, ReleaseUpdate.ofBuilds(List.of(1L))));

    assertEquals(Reason.CLIENT_ERROR, e.reason());
    assertEquals("Cannot update release 812: it is already released", e.detail().orElseThrow());
    assertEquals(1, requests(wm).size());
  }
}
