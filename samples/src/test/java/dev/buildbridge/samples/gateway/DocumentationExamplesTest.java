package dev.buildbridge.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.core.job.JobSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage examples of the public types' javadoc, kept compiling and true. */
class DocumentationExamplesTest {
  @TempDir
  Path dir;

  @Test
  void gatewayExample() throws InterruptedException {
    Map<String, String> environment = Map.of("GITHUB_WEBHOOK_SECRET", "s",
        "BB_HTTP_ADDR", "127.0.0.1:0", "BB_DATA_DIR", dir.toString(),
        "BB_WORKFLOW_SOURCE", "none");
    GatewayConfig config = GatewayConfig.newBuilder()
        .environment(environment)
        .build();
    try (Gateway gateway = Gateway.start(config)) {
      System.err.println("listening on " + gateway.baseUri());
      Thread stopper = new Thread(gateway::close);
      stopper.start();
      gateway.awaitClose();                       // until another thread calls close()
    }
  }

  @Test
  void gatewayConfigExample() {
    GatewayConfig config = GatewayConfig.newBuilder()
        .environment(Map.of("GITHUB_WEBHOOK_SECRET", "s"))   // BB_HTTP_ADDR, ...
        .httpAddress("127.0.0.1:0")              // flags win over the environment
        .dataDir(Path.of("/var/lib/buildbridge"))
        .build();
    String banner = config.describe();           // secrets show as <redacted>
    assertTrue(banner.contains("GITHUB_WEBHOOK_SECRET") && banner.contains("<redacted>"), banner);
    for (GatewayConfig.Setting s : GatewayConfig.settings()) {
      assertTrue(!(s.variable() + "  " + s.flag().orElse("(environment only)")).isBlank());
    }
  }

  @Test
  void fileJobQueueExample() {
    JobRequest job = JobRequest.newBuilder().source(JobSource.GITHUB)
        .repoUrl("https://github.com/octo/hello.git")
        .commitSha("6dcb09b5b57875f334f61aebed695e2e4193db5e").runsOn("ubuntu-22.04").build();
    try (FileJobQueue queue = FileJobQueue.open(dir.resolve("jobs"))) {
      queue.accept(List.of(job));                                   // durable when this returns
      Optional<JobRequest> leased = queue.lease("ubuntu-22.04");    // a runner takes one
      queue.complete(JobResult.of(leased.get(), 0, "ok", Instant.now()));
      assertEquals(1, queue.count(FileJobQueue.State.DONE));
    }
  }

  @Test
  void gatewayExceptionExample() {
    try (Gateway gateway = Gateway.start(GatewayConfig.newBuilder()
        .environment(Map.of("GITHUB_WEBHOOK_SECRET", "s"))
        .httpAddress("127.0.0.1:0").dataDir(dir).jdbcUser("nobody")
        .build())) {
      gateway.awaitClose();
    } catch (GatewayException e) {
      System.err.println(e.reason() + ": " + e.getMessage());
      assertEquals(GatewayException.Reason.INVALID_CONFIG, e.reason());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
