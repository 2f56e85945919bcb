package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.api.albs.AlbsTesting.assertJsonBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertNoBody;
import static dev.buildbridge.api.albs.AlbsTesting.assertRequest;
import static dev.buildbridge.api.albs.AlbsTesting.fixtureResponse;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static dev.buildbridge.api.albs.AlbsTesting.onlyRequest;
import static dev.buildbridge.api.albs.AlbsTesting.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Platforms, products, repositories, users, sign keys, sign tasks and test tasks. */
class CatalogApiTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private AlbsClient albs() {
    return AlbsTesting.client(wm, sleeps).build();
  }

  // ---------------------------------------------------------------- platforms

  @Test
  void listsPlatforms() {
    wm.stubFor(get("/api/v1/platforms/").willReturn(fixtureResponse("platforms.json")));

    List<Platform> platforms = albs().platforms().list();

    assertNoBody(onlyRequest(wm, "GET", "/api/v1/platforms/"));
    assertEquals(2, platforms.size());
    Platform alma9 = platforms.get(1);
    assertEquals(2, alma9.id());
    assertEquals("AlmaLinux-9", alma9.name());
    assertEquals("rhel", alma9.distrType());
    assertEquals("9", alma9.distrVersion());
    assertEquals("D36CB86CB86B3716", alma9.pgpKey());
    assertEquals(List.of("i686", "x86_64", "aarch64", "ppc64le", "s390x"), alma9.archList());
    assertEquals(List.of("shim", "grub2", "kernel"),
        alma9.data().get("secure_boot_required_packages"));
    assertEquals(Map.of(), platforms.get(0).modularity());
  }

  // ---------------------------------------------------------------- products

  @Test
  void listsProductsAcrossTwoPagesWithASearch() {
    for (int page = 1; page <= 2; page++) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/products/"))
          .withQueryParam("pageNumber", equalTo(Integer.toString(page)))
          .willReturn(fixtureResponse("products-page" + page + ".json")));
    }

    List<Product> products = albs().products().list("Alma Linux").stream()
        .collect(Collectors.toList());

    assertEquals(12, products.size());
    assertEquals("AlmaLinux", products.get(0).name());
    assertTrue(products.get(11).community());
    List<LoggedRequest> all = requests(wm);
    assertEquals(2, all.size());
    assertRequest(all.get(0), "GET", "/api/v1/products/?search_string=Alma%20Linux&pageNumber=1");
    assertRequest(all.get(1), "GET", "/api/v1/products/?search_string=Alma%20Linux&pageNumber=2");
  }

  @Test
  void listsAllProductsAsABareList() {
    wm.stubFor(get("/api/v1/products/").willReturn(fixtureResponse("products.json")));

    List<Product> products = albs().products().listAll();

    onlyRequest(wm, "GET", "/api/v1/products/");
    assertEquals(List.of("AlmaLinux", "eabdullin-project-0", "eabdullin-project-1"),
        products.stream().map(Product::name).collect(Collectors.toList()));
  }

  @Test
  void readsOnePageOfProducts() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/products/"))
        .willReturn(fixtureResponse("products-page1.json")));

    AlbsPage<Product> page = albs().products().page(1, null);

    onlyRequest(wm, "GET", "/api/v1/products/?pageNumber=1");
    assertEquals(12L, page.total());
    assertTrue(page.hasNextPage());
  }

  @Test
  void readsAProductWithItsOwnerPlatformsAndRepositories() {
    wm.stubFor(get("/api/v1/products/1/").willReturn(fixtureResponse("product.json")));

    Product product = albs().products().get(1);

    assertNoBody(onlyRequest(wm, "GET", "/api/v1/products/1/"));
    assertEquals("AlmaLinux OS", product.title());
    assertEquals("AlmaLinux OS distribution", product.description());
    assertFalse(product.community());
    assertEquals(new User(17, "eabdullin", "eabdullin@almalinux.org", true, false),
        product.owner());
    assertEquals("AlmaLinux-9", product.platforms().get(0).name());
    assertEquals("almalinux-9-baseos-x86_64", product.repositories().get(0).name());
  }

  // ---------------------------------------------------------------- repositories

  @Test
  void listsRepositories() {
    wm.stubFor(get("/api/v1/repositories/").willReturn(fixtureResponse("repositories.json")));

    List<Repository> repositories = albs().repositories().list();

    onlyRequest(wm, "GET", "/api/v1/repositories/");
    assertEquals(2, repositories.size());
    Repository debug = repositories.get(1);
    assertEquals(Boolean.TRUE, debug.debug());
    assertEquals(Boolean.FALSE, debug.mockEnabled());
    assertNull(debug.pulpHref());
  }

  @Test
  void readsARepository() {
    wm.stubFor(get("/api/v1/repositories/12/").willReturn(fixtureResponse("repository.json")));

    Repository repository = albs().repositories().get(12).orElseThrow();

    onlyRequest(wm, "GET", "/api/v1/repositories/12/");
    assertEquals(new Repository(12, "almalinux-9-baseos-x86_64", "x86_64",
        "https://repo.almalinux.org/almalinux/9/BaseOS/x86_64/os/", "rpm", false, 10, true, true,
        "/pulp/api/v3/repositories/rpm/rpm/018e0c1d-9a34-7b12-8f3e-1a2b3c4d5e6f/"), repository);
  }

  @Test
  void aMissingRepositoryIsEmptyAsAlbsAnswersNull() {
    wm.stubFor(get("/api/v1/repositories/404/").willReturn(json(200, "null")));

    assertEquals(Optional.empty(), albs().repositories().get(404));
    onlyRequest(wm, "GET", "/api/v1/repositories/404/");
  }

  // ---------------------------------------------------------------- users

  @Test
  void listsUsersWithoutTrailingSlash() {
    wm.stubFor(get("/api/v1/users/all_users").willReturn(fixtureResponse("users.json")));

    List<User> users = albs().users().list();

    onlyRequest(wm, "GET", "/api/v1/users/all_users");
    assertEquals(3, users.size());
    assertEquals(new User(1, "albs-admin", "albs-admin@almalinux.org", true, true), users.get(0));
  }

  // ---------------------------------------------------------------- sign keys and tasks

  @Test
  void listsSignKeysWithBothTimestampForms() {
    wm.stubFor(get("/api/v1/sign-keys/").willReturn(fixtureResponse("sign-keys.json")));

    List<SignKey> keys = albs().signKeys().list();

    onlyRequest(wm, "GET", "/api/v1/sign-keys/");
    SignKey alma8 = keys.get(0);
    assertEquals("51D6647EC21AD6EA", alma8.keyid());
    assertEquals(Instant.parse("2021-11-02T09:00:00Z"), alma8.inserted());
    assertEquals(List.of(), alma8.platformIds());
    assertNull(alma8.productId());
    SignKey alma9 = keys.get(1);
    assertEquals(Instant.parse("2022-05-12T14:02:11.902331Z"), alma9.inserted());
    assertEquals("https://repo.almalinux.org/almalinux/RPM-GPG-KEY-AlmaLinux-9",
        alma9.publicUrl());
    assertTrue(alma9.active());
    assertEquals(List.of(2L), alma9.platformIds());
    assertEquals(1L, alma9.productId());
  }

  @Test
  void listsSignTasks() {
    wm.stubFor(get("/api/v1/sign-tasks/").willReturn(fixtureResponse("sign-tasks.json")));

    List<SignTask> tasks = albs().signTasks().list();

    onlyRequest(wm, "GET", "/api/v1/sign-tasks/");
    SignTask failed = tasks.get(0);
    assertEquals(SignTaskStatus.FAILED, failed.status());
    assertTrue(failed.errorMessage().startsWith("Failed to sign bash"));
    assertEquals("/pulp/api/v3/content/file/files/018f7b00-1111-7222-8333-444455556666/",
        failed.logHref());
    assertEquals("D36CB86CB86B3716", failed.signKey().keyid());
  }

  @Test
  void listsTheSignTasksOfABuild() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/sign-tasks/"))
        .willReturn(fixtureResponse("sign-tasks.json")));

    assertEquals(2, albs().signTasks().listForBuild(11573).size());

    onlyRequest(wm, "GET", "/api/v1/sign-tasks/?build_id=11573");
  }

  @Test
  void createsASignTask() {
    wm.stubFor(post("/api/v1/sign-tasks/")
        .willReturn(fixtureResponse("sign-task.json")));

    SignTask task = albs().signTasks().create(11573, 3);

    assertJsonBody(onlyRequest(wm, "POST", "/api/v1/sign-tasks/"),
        "{\"build_id\":11573,\"sign_key_id\":3}");
    assertEquals(3302, task.id());
    assertEquals(11573, task.buildId());
    assertEquals(SignTaskStatus.IDLE, task.status());
  }

  // ---------------------------------------------------------------- test tasks

  @Test
  void readsTheLatestTestTasksOfABuildTask() {
    wm.stubFor(get("/api/v1/tests/187202/latest")
        .willReturn(fixtureResponse("test-tasks-latest.json")));

    List<TestTask> tests = albs().testTasks().latest(187202);

    assertNoBody(onlyRequest(wm, "GET", "/api/v1/tests/187202/latest"));
    TestTask bash = tests.get(0);
    assertEquals("bash", bash.packageName());
    assertEquals("5.1.8", bash.packageVersion());
    assertEquals("9.el9", bash.packageRelease());
    assertEquals(TestTaskStatus.COMPLETED, bash.status());
    assertEquals(2, bash.revision());
    assertEquals("20210512", bash.altsResponse().get("api_version"));
    assertEquals(40011L, bash.performanceStats().get(0).testTaskId());
    TestTask devel = tests.get(1);
    assertEquals(TestTaskStatus.FAILED, devel.status());
    assertEquals(Map.of(), devel.altsResponse());
    assertEquals(List.of(), devel.performanceStats());
  }

  @Test
  void readsTheTestTasksOfARevision() {
    wm.stubFor(get("/api/v1/tests/187202/1").willReturn(fixtureResponse("test-tasks-latest.json")));

    assertEquals(2, albs().testTasks().revision(187202, 1).size());

    onlyRequest(wm, "GET", "/api/v1/tests/187202/1");
  }

  @Test
  void restartsTheTestsOfABuildOnceEvenAfterAServerError() {
    wm.stubFor(put("/api/v1/tests/build/11573/restart").willReturn(json(503, "")));

    ApiException e = assertThrows(ApiException.class,
        () -> albs().testTasks().restartForBuild(11573));

    assertEquals(Reason.SERVER_ERROR, e.reason());
    assertNoBody(onlyRequest(wm, "PUT", "/api/v1/tests/build/11573/restart"));
  }

  @Test
  void restartsTheTestsOfABuildTask() {
    wm.stubFor(put("/api/v1/tests/build_task/187202/restart")
        .willReturn(json(200, "{\"ok\":true}")));

    albs().testTasks().restartForBuildTask(187202);

    assertNoBody(onlyRequest(wm, "PUT", "/api/v1/tests/build_task/187202/restart"));
  }

  @Test
  void cancelsTheTestsOfABuild() {
    wm.stubFor(put("/api/v1/tests/build/11573/cancel").willReturn(json(200, "{\"ok\":true}")));

    albs().testTasks().cancelForBuild(11573);

    assertNoBody(onlyRequest(wm, "PUT", "/api/v1/tests/build/11573/cancel"));
  }
}
