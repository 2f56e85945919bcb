package dev.buildbridge.api.albs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.buildbridge.api.albs.AlbsTesting.fixture;
import static dev.buildbridge.api.albs.AlbsTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README, package and class examples of the ALBS client, against a local server. */
class AlbsExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String ALBS_JWT = AlbsTesting.JWT;

  /** The host's build: here, "uploads" one package. */
  private static List<BuildArtifact> buildAndUpload(BuildNodeTask task) {
    return List.of(BuildArtifact.of("bash-5.1.8-9.el9." + task.arch() + ".rpm",
        "/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/",
        "5f0c1f6f3c0d1e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"));
  }

  private static void stubBuildNode() {
    wm.stubFor(post("/api/v1/build_node/ping").willReturn(json(200, "{}")));
    wm.stubFor(post("/api/v1/build_node/get_task").inScenario("node")
        .whenScenarioStateIs(STARTED).willReturn(json(200, fixture("build-node-task.json")))
        .willSetStateTo("idle"));
    wm.stubFor(post("/api/v1/build_node/get_task").inScenario("node")
        .whenScenarioStateIs("idle").willReturn(json(200, "null")));
    wm.stubFor(post("/api/v1/build_node/build_done").willReturn(json(200, "{\"ok\":true}")));
  }

  private static void awaitBuildDone() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (wm.findAll(postRequestedFor(urlEqualTo("/api/v1/build_node/build_done")))
        .isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no build_done");
      Thread.sleep(5);
    }
  }

  @Test
  void readmeExample() throws Exception {
    wm.stubFor(post("/api/v1/builds/").willReturn(json(201, fixture("build-created.json"))));
    stubBuildNode();

    // --- the README example (the docs omit baseUrl: https://build.almalinux.org) ---
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(ALBS_JWT).build();
    long id = albs.builds().create(BuildRequest.newBuilder(1).platform("AlmaLinux-9", "x86_64")
        .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9",
            RefType.GIT_BRANCH)).build()).id();
    BuildNodeAgent agent = BuildNodeAgent.newBuilder(albs,
        task -> BuildResult.done(buildAndUpload(task)))
        .supportedArches("x86_64", "i686", "src").build().start();
    // ---

    awaitBuildDone();
    agent.close();
    assertEquals(11574, id);
    assertFalse(agent.isRunning());
  }

  @Test
  void clientClassExample() {
    wm.stubFor(post("/api/v1/builds/").willReturn(json(201, fixture("build-created.json"))));
    wm.stubFor(get("/api/v1/builds/11574/").willReturn(json(200, fixture("build.json"))));

    AlbsClient albs = AlbsClient.newBuilder()
        .baseUrl(wm.baseUrl())                            // omitted in the docs
        .token(ALBS_JWT)
        .build();
    BuildCreated created = albs.builds().create(BuildRequest.newBuilder(1)
        .platform("AlmaLinux-9", "x86_64", "aarch64")
        .task(BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9",
            RefType.GIT_BRANCH))
        .build());
    Build build = albs.builds().get(created.id());

    assertEquals(11573, build.id());
  }

  @Test
  void agentClassAndPackageExample() throws Exception {
    stubBuildNode();
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(ALBS_JWT).build();

    BuildNodeAgent agent = BuildNodeAgent.newBuilder(albs,
            task -> BuildResult.done(buildAndUpload(task)))
        .supportedArches("x86_64", "i686", "src")
        .build()
        .start();
    Thread hook = new Thread(agent::close);
    Runtime.getRuntime().addShutdownHook(hook);

    awaitBuildDone();
    Runtime.getRuntime().removeShutdownHook(hook);
    hook.start();
    hook.join(10_000);
    assertFalse(agent.isRunning());
    assertTrue(agent.failure().isEmpty());
  }

  @Test
  void buildNodeApiExample() {
    stubBuildNode();
    AlbsClient albs = AlbsClient.newBuilder().baseUrl(wm.baseUrl()).token(ALBS_JWT).build();

    BuildNodeApi node = albs.buildNode();
    node.ping(List.of());
    java.util.Optional<BuildNodeTask> task =
        node.getTask(List.of("x86_64", "i686", "src"), List.of());
    if (task.isPresent()) {
      BuildResult result = BuildResult.done(buildAndUpload(task.get()));
      node.buildDone(task.get().id(), result);
    }

    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/api/v1/build_node/build_done")))
        .size());
  }
}
