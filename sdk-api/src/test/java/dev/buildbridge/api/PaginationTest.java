package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.ApiException.Reason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  record Build(long id) {}

  record BuildsPage(List<Build> builds, @JsonProperty("total_builds") Long totalBuilds,
      @JsonProperty("current_page") int currentPage) {}

  record TuxPage(List<Build> results, String next) {}

  private ApiTransport transport(String basePath) {
    return ApiTransport.newBuilder().baseUrl(wm.baseUrl() + basePath).sleeper(d -> { }).build();
  }

  private static String albsPage(int page, int from, int count, int total) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < count; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":").append(from + i).append('}');
    }
    return "{\"builds\":[" + items + "],\"total_builds\":" + total + ",\"current_page\":" + page
        + "}";
  }

  private static void stubAlbsPage(int page, String body) {
    wm.stubFor(get(urlPathEqualTo("/api/v1/builds/"))
        .withQueryParam("pageNumber", equalTo(Integer.toString(page)))
        .withQueryParam("project", equalTo("bash"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(body)));
  }

  @Test
  void pageNumberWalksPagesUntilAShortPage() {
    stubAlbsPage(1, albsPage(1, 1, 3, 0));
    stubAlbsPage(2, albsPage(2, 4, 3, 0));
    stubAlbsPage(3, albsPage(3, 7, 1, 0));
    Paged<Build> builds = transport("/api/v1").paginate(
        ApiRequest.get("/builds/").query("project", "bash").build(), BuildsPage.class,
        Pagination.pageNumber("pageNumber", 3, BuildsPage::builds));

    List<Long> ids = builds.stream().map(Build::id).collect(Collectors.toList());

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), ids);
    wm.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/builds/")));
  }

  @Test
  void pageNumberStopsWhenTheTotalIsReached() {
    stubAlbsPage(1, albsPage(1, 1, 3, 6));
    stubAlbsPage(2, albsPage(2, 4, 3, 6));
    Paged<Build> builds = transport("/api/v1").paginate(
        ApiRequest.get("/builds/").query("project", "bash").build(), BuildsPage.class,
        Pagination.pageNumber("pageNumber", 3, BuildsPage::builds, BuildsPage::totalBuilds));

    assertEquals(6, builds.stream().count());
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/builds/")));
  }

  @Test
  void fetchesNothingUntilIteratedAndOnlyWhatIsConsumed() {
    stubAlbsPage(1, albsPage(1, 1, 3, 9));
    stubAlbsPage(2, albsPage(2, 4, 3, 9));
    Paged<Build> builds = transport("/api/v1").paginate(
        ApiRequest.get("/builds/").query("project", "bash").build(), BuildsPage.class,
        Pagination.pageNumber("pageNumber", 3, BuildsPage::builds));
    assertEquals(0, wm.getAllServeEvents().size());

    assertEquals(List.of(new Build(1), new Build(2)),
        builds.stream().limit(2).collect(Collectors.toList()));
    assertEquals(1, wm.getAllServeEvents().size());

    Iterator<Build> again = builds.iterator();
    assertEquals(new Build(1), again.next());
    assertEquals(2, wm.getAllServeEvents().size());
  }

  @Test
  void pageNumberStartsFromTheGivenPage() {
    stubAlbsPage(2, albsPage(2, 4, 1, 0));
    Paged<Build> builds = transport("/api/v1").paginate(
        ApiRequest.get("/builds/").query("project", "bash").query("pageNumber", 2).build(),
        BuildsPage.class, Pagination.pageNumber("pageNumber", 3, BuildsPage::builds));
    assertEquals(List.of(new Build(4)), builds.stream().collect(Collectors.toList()));
    assertThrows(IllegalArgumentException.class, () -> transport("").paginate(
        ApiRequest.get("/builds/").query("pageNumber", "x").build(), BuildsPage.class,
        Pagination.pageNumber("pageNumber", 3, BuildsPage::builds)));
  }

  @Test
  void cursorSendsTheNextTokenInTheStartParameter() {
    String base = "/v1/groups/g/projects/p/builds";
    wm.stubFor(get(urlPathEqualTo(base)).withQueryParam("start", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"results\":[{\"id\":1},{\"id\":2}],\"next\":\"tok/2+=\"}")));
    wm.stubFor(get(urlPathEqualTo(base)).withQueryParam("start", equalTo("tok/2+="))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"results\":[{\"id\":3}],\"next\":null}")));
    Paged<Build> builds = transport("").paginate(
        ApiRequest.get("/v1/groups/{g}/projects/{p}/builds", "g", "p").build(), TuxPage.class,
        Pagination.cursor("start", TuxPage::results, TuxPage::next));

    assertEquals(List.of(1L, 2L, 3L), builds.stream().map(Build::id).collect(Collectors.toList()));
  }

  @Test
  void cursorThatDoesNotAdvanceFailsInsteadOfLooping() {
    wm.stubFor(get(urlPathEqualTo("/builds")).withQueryParam("start", absent())
        .willReturn(aResponse().withBody("{\"results\":[{\"id\":1}],\"next\":\"same\"}")));
    wm.stubFor(get(urlPathEqualTo("/builds")).withQueryParam("start", equalTo("same"))
        .willReturn(aResponse().withBody("{\"results\":[{\"id\":2}],\"next\":\"same\"}")));
    Paged<Build> builds = transport("").paginate(ApiRequest.get("/builds").build(),
        TuxPage.class, Pagination.cursor("start", TuxPage::results, TuxPage::next));

    List<Long> seen = new ArrayList<>();
    ApiException e = assertThrows(ApiException.class,
        () -> builds.forEach(b -> seen.add(b.id())));
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals(List.of(1L, 2L), seen);
  }

  @Test
  void linkHeaderFollowsNextUrlsUnderTheBaseUrl() {
    String next = wm.baseUrl() + "/ghe/api/v3/repos/o/r/commits/abc/check-runs?per_page=2&page=2";
    wm.stubFor(get(urlPathEqualTo("/ghe/api/v3/repos/o/r/commits/abc/check-runs"))
        .withQueryParam("page", absent())
        .willReturn(aResponse().withHeader("Link", "<" + next + ">; rel=\"next\", <" + next
            + ">; rel=\"last\"").withBody("[{\"id\":1},{\"id\":2}]")));
    wm.stubFor(get(urlPathEqualTo("/ghe/api/v3/repos/o/r/commits/abc/check-runs"))
        .withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("2"))
        .willReturn(aResponse().withHeader("Link", "<" + wm.baseUrl()
            + "/ghe/api/v3/repos/o/r/commits/abc/check-runs?per_page=2&page=1>; rel=\"prev\"")
            .withBody("[{\"id\":3}]")));
    Paged<Build> runs = transport("/ghe/api/v3").paginate(
        ApiRequest.get("/repos/{o}/{r}/commits/{ref}/check-runs", "o", "r", "abc")
            .query("per_page", 2).build(),
        new TypeReference<List<Build>>() { }, Pagination.linkHeader(page -> page));

    assertEquals(List.of(1L, 2L, 3L), runs.stream().map(Build::id).collect(Collectors.toList()));
  }

  @Test
  void linkHeaderToAnotherOriginIsNotFollowed() {
    wm.stubFor(get("/items").willReturn(aResponse()
        .withHeader("Link", "<https://evil.example/items?page=2>; rel=\"next\"")
        .withBody("[{\"id\":1}]")));
    Paged<Build> items = transport("").paginate(ApiRequest.get("/items").build(),
        new TypeReference<List<Build>>() { }, Pagination.linkHeader(page -> page));

    Iterator<Build> it = items.iterator();
    assertEquals(new Build(1), it.next());
    ApiException e = assertThrows(ApiException.class, it::hasNext);
    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertTrue(e.getMessage().contains("leaves the base URL"), e.getMessage());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void linkHeaderOutsideTheBasePathIsNotFollowed() {
    wm.stubFor(get("/api/v3/items").willReturn(aResponse()
        .withHeader("Link", "</admin/items?page=2>; rel=\"next\"")
        .withBody("[{\"id\":1}]")));
    Paged<Build> items = transport("/api/v3").paginate(ApiRequest.get("/items").build(),
        new TypeReference<List<Build>>() { }, Pagination.linkHeader(page -> page));
    assertThrows(ApiException.class, () -> items.stream().count());
  }

  @Test
  void linkHeaderToTheSamePageFailsInsteadOfLooping() {
    wm.stubFor(get("/items").willReturn(aResponse()
        .withHeader("Link", "<" + wm.baseUrl() + "/items>; rel=\"next\"")
        .withBody("[{\"id\":1}]")));
    Paged<Build> items = transport("").paginate(ApiRequest.get("/items").build(),
        new TypeReference<List<Build>>() { }, Pagination.linkHeader(page -> page));
    assertThrows(ApiException.class, () -> items.stream().count());
  }

  @Test
  void refusesBadStrategyArguments() {
    assertThrows(IllegalArgumentException.class,
        () -> Pagination.pageNumber("", 10, BuildsPage::builds));
    assertThrows(IllegalArgumentException.class,
        () -> Pagination.pageNumber("pageNumber", 0, BuildsPage::builds));
    assertThrows(NullPointerException.class,
        () -> Pagination.cursor("start", TuxPage::results, null));
  }
}
