package dev.buildbridge.api.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README and class javadoc example of the GitHub client, against a local server. */
class GitHubExamplesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void appToCheckRunExample() throws Exception {
    wm.stubFor(get("/repos/octo/repo/installation").willReturn(aResponse()
        .withBody(GitHubClientTest.fixture("installation.json"))));
    wm.stubFor(post("/app/installations/1/access_tokens").willReturn(aResponse().withStatus(201)
        .withBody(GitHubClientTest.fixture("installation-token.json"))));
    wm.stubFor(post("/repos/octo/repo/check-runs").willReturn(aResponse().withStatus(201)
        .withBody(GitHubClientTest.fixture("check-run-created.json"))));
    wm.stubFor(patch("/repos/octo/repo/check-runs/4").willReturn(aResponse()
        .withBody(GitHubClientTest.fixture("check-run-completed.json"))));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    java.security.PrivateKey key = rsa.generateKeyPair().getPrivate();
    String clientId = "Iv1.8a61f9b3a7aba766";
    String sha = "ce587453ced02b1526dfb4cb910479d431683101";
    String requestId = "6f1c1b9e-3f1e-4c55-9d59-8d2f1a6e3b10";

    // --- the example ---
    GitHubClient app = GitHubClient.newBuilder()
        .baseUrl(URI.create(wm.baseUrl()))             // omitted in the docs: api.github.com
        .app(GitHubAppJwtIssuer.newBuilder().issuer(clientId).privateKey(key).build())
        .userAgent("my-ci/1.0")
        .build();
    GitHubClient github = app.withInstallation(app.repositoryInstallation("octo", "repo").id());
    CheckRun run = github.createCheckRun("octo", "repo",
        CheckRunRequest.newBuilder("ci / build", sha).externalId(requestId).build());
    github.updateCheckRun("octo", "repo", run.id(), CheckRunUpdate.completed(
        CheckConclusion.SUCCESS, Instant.now(), CheckRunOutput.of("Passed", "All 3 jobs passed")));
    // ---

    assertEquals(4, run.id());
    assertEquals(4, wm.getAllServeEvents().size());
  }
}
