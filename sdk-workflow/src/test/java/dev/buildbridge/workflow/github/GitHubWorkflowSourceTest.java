package dev.buildbridge.workflow.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.github.GitHubClient;
import dev.buildbridge.api.github.RepositoryFile;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.api.github.GitHubClient;
import dev.buildbridge.signing.GitHubAppJwtIssuer;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowFanOut;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubWorkflowSourceTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String SHA = "ce587453ced02b1526dfb4cb910479d431683101";
  private static final String WORKFLOW_PATH = "/repos/octo/hello/contents/.solstice/workflow.kdl";
  private static final String WORKFLOW = """
      workflow name="CI" {
          job id="build" needs="lint" { step name="Build" run="make" }
          job id="lint" runs_on="ubuntu-22.04" { step name="fmt" run="make fmt" }
      }
      """;

  private static GitHubClient.Builder client() {
    return GitHubClient.newBuilder().baseUrl(URI.create(wm.baseUrl())).userAgent("bb-test/1.0")
        .transport(t -> t.sleeper(d -> { }).backoff(Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  private static JobRequest template(String repoUrl) {
    return JobRequest.newBuilder().source(JobSource.GITHUB).repoUrl(repoUrl).commitSha(SHA)
        .build();
  }

  private static String file(String path, byte[] content) {
    return "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" + content.length
        + ",\"name\":\"workflow.kdl\",\"path\":\"" + path + "\",\"sha\":\"3d21ec53a331a6f037a91c36"
        + "8710b99387d012c1\",\"content\":\"" + Base64.getMimeEncoder().encodeToString(content)
            .replace("\r\n", "\\n") + "\"}";
  }

  private static void stubWorkflow(String body) {
    wm.stubFor(get(urlPathEqualTo(WORKFLOW_PATH)).withQueryParam("ref", equalTo(SHA))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void appSourceLooksUpEachRepositorysInstallationOnceAndExpandsTheWorkflowAtTheCommit()
      throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    GitHubAppJwtIssuer issuer = GitHubAppJwtIssuer.newBuilder().issuer("12345")
        .privateKey(rsa.generateKeyPair().getPrivate()).build();
    wm.stubFor(get("/repos/octo/hello/installation").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"id\":42,\"app_id\":12345}")));
    wm.stubFor(post("/app/installations/42/access_tokens").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token\":\"ghs_abc\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
    stubWorkflow(file(".solstice/workflow.kdl", WORKFLOW.getBytes(UTF_8)));
    WorkflowFanOut fanOut = WorkflowFanOut.of(GitHubWorkflowSource.ofApp(client().app(issuer)
        .build()));

    List<JobRequest> jobs = fanOut.expand(template("https://github.com/octo/hello.git"));
    fanOut.expand(template("git@github.com:octo/hello.git"));

    assertEquals(List.of("lint", "build"), jobs.stream().map(JobRequest::workflowJobId).toList());
    assertEquals("ubuntu-22.04", jobs.get(0).runsOn());
    assertEquals(jobs.get(0).groupId(), jobs.get(1).groupId());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/repos/octo/hello/installation")));
    wm.verify(2, getRequestedFor(urlPathEqualTo(WORKFLOW_PATH))
        .withHeader("Authorization", equalTo("Bearer ghs_abc")));
  }

  @Test
  void aCommitWithoutAWorkflowFileYieldsThePlainJob() {
    wm.stubFor(get(urlPathEqualTo(WORKFLOW_PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
    JobRequest template = template("https://github.com/octo/hello");
    List<JobRequest> jobs = WorkflowFanOut.of(GitHubWorkflowSource.of(client().token("t").build()))
        .expand(template);
    assertEquals(List.of(template), jobs);
  }

  @Test
  void readsTheBytesOfTheFileAtTheCommit() {
    byte[] content = WORKFLOW.getBytes(UTF_8);
    stubWorkflow(file(".solstice/workflow.kdl", content));
    assertArrayEquals(content, GitHubWorkflowSource.of(client().token("t").build())
        .read("https://github.com/octo/hello.git", SHA, ".solstice/workflow.kdl").orElseThrow()
        .bytes());
  }

  @Test
  void aDirectoryAtTheWorkflowPathIsNotAFile() {
    wm.stubFor(get(urlPathEqualTo(WORKFLOW_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"type\":\"file\",\"name\":\"a\",\"path\":\".solstice/workflow.kdl/a\"}]")));
    WorkflowException e = assertThrows(WorkflowException.class, () -> GitHubWorkflowSource
        .of(client().token("t").build())
        .read("https://github.com/octo/hello.git", SHA, ".solstice/workflow.kdl"));
    assertEquals(WorkflowException.Reason.NOT_A_FILE, e.reason());
    assertFalse(e.isRetryable());
  }

  @Test
  void aServerFailureIsARetryableUnreadableSourceKeepingTheApiException() {
    wm.stubFor(get(urlPathEqualTo(WORKFLOW_PATH)).willReturn(aResponse().withStatus(500)));
    WorkflowException e = assertThrows(WorkflowException.class, () -> GitHubWorkflowSource
        .of(client().token("secret-token").build())
        .read("https://github.com/octo/hello.git", SHA, ".solstice/workflow.kdl"));
    assertEquals(WorkflowException.Reason.SOURCE_UNREADABLE, e.reason());
    assertTrue(e.isRetryable());
    assertInstanceOf(ApiException.class, e.getCause());
    assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
  }

  @Test
  void aFileOverTheLimitIsTooLarge() {
    stubWorkflow(file(".solstice/workflow.kdl", new byte[64]));
    WorkflowException e = assertThrows(WorkflowException.class, () -> GitHubWorkflowSource
        .of(client().token("t").build()).withMaxFileBytes(63)
        .read("https://github.com/octo/hello.git", SHA, ".solstice/workflow.kdl"));
    assertEquals(WorkflowException.Reason.TOO_LARGE, e.reason());
  }

  @Test
  void ownerAndRepoComeFromHttpsScpAndSshCloneUrls() {
    for (String url : List.of("https://github.com/octo/hello.git", "https://github.com/octo/hello/",
        "git@github.com:octo/hello.git", "ssh://git@github.com/octo/hello.git",
        "https://ghe.example.com:8443/octo/hello")) {
      assertArrayEquals(new String[] {"octo", "hello"}, GitHubWorkflowSource.ownerAndRepo(url),
          url);
    }
  }

  @Test
  void aUrlWithoutOwnerAndRepoIsRefusedWithoutItsPassword() {
    for (String url : List.of("https://github.com/hello", "hello", "https://github.com/octo/",
        "https://user:pw@github.com/hello")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GitHubWorkflowSource.ownerAndRepo(url), url);
      assertFalse(e.getMessage().contains("pw@"), e.getMessage());
    }
  }
}
