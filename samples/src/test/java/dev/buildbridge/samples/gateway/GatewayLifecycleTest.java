package dev.buildbridge.samples.gateway;

import static dev.buildbridge.samples.gateway.Wire.eventually;
import static dev.buildbridge.samples.gateway.Wire.fixture;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.samples.gateway.Wire.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saturation, graceful shutdown, restarts and start failures, over real sockets. */
class GatewayLifecycleTest {
  @TempDir
  Path dir;

  private GatewayConfig.Builder config() {
    return GatewayConfig.newBuilder()
        .httpAddress("127.0.0.1:0")
        .dataDir(dir.resolve("data"))
        .githubWebhookSecret(Wire.GITHUB_SECRET)
        .runnerToken(Wire.RUNNER_TOKEN)
        .workflowMode(GatewayConfig.WorkflowMode.NONE);
  }

  /** Opens a connection and sends a request's head and the first {@code sent} body bytes. */
  private static Socket partialRequest(Gateway gateway, String path, Map<String, String> headers,
      byte[] body, int sent) throws IOException {
    InetSocketAddress a = gateway.address();
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), a.getPort());
    socket.setSoTimeout(20_000);
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(head.toString().getBytes(US_ASCII));
    out.write(body, 0, sent);
    out.flush();
    return socket;
  }

  private static String statusLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.write(c);
    }
    return line.toString(US_ASCII).strip();
  }

  @Test
  void everyWorkerBusyAndTheQueueFullIsAnswered503AtOnce() throws IOException {
    try (Gateway gateway = Gateway.start(config().workers(1).queueCapacity(1).build())) {
      URI base = gateway.baseUri();
      byte[] body = fixture(GatewayTest.PUSH);
      Map<String, String> headers = Wire.githubHeaders("push", "slow-1", body,
          Wire.GITHUB_SECRET);
      Socket busy = partialRequest(gateway, "/webhooks/github", headers, body, 10);
      Socket waiting = null;
      try {
        eventually("the worker to be busy", () -> gateway.inFlight() == 1);
        waiting = partialRequest(gateway, "/webhooks/github", headers, body, 10);
        eventually("a request to wait", () -> gateway.waitingForWorker() == 1);
        Reply shed = Wire.get(base, "/healthz");
        assertEquals(503, shed.status(), shed.body());
        assertEquals("1", shed.header("Retry-After"));
        assertTrue(shed.json().get("error").asText().startsWith("busy"), shed.body());
      } finally {
        busy.close();
        if (waiting != null) {
          waiting.close();
        }
      }
      eventually("the worker to be free", () -> gateway.inFlight() == 0
          && gateway.waitingForWorker() == 0);
      assertEquals(200, Wire.get(base, "/healthz").status());
      assertEquals(1, Wire.sample(Wire.get(base, "/metrics").body(),
          "buildbridge_http_shed_total"));
    }
  }

  @Test
  void closeLetsTheRequestInFlightFinishAndTurnsNewOnesAway() throws Exception {
    Gateway gateway = Gateway.start(config().build());
    URI base = gateway.baseUri();
    byte[] body = fixture(GatewayTest.PUSH);
    Map<String, String> headers = Wire.githubHeaders("push", "in-flight-1", body,
        Wire.GITHUB_SECRET);
    Thread closer;
    try (Socket inFlight = partialRequest(gateway, "/webhooks/github", headers, body,
        body.length / 2)) {
      eventually("the request to be in flight", () -> gateway.inFlight() == 1);
      closer = new Thread(gateway::close, "closer");
      closer.start();
      eventually("new requests to be turned away", () -> {
        Reply r = Wire.get(base, "/healthz");
        return r.status() == 503 && r.body().contains("shutting down");
      });
      assertTrue(closer.isAlive(), "close waits for the request in flight");

      OutputStream out = inFlight.getOutputStream();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      assertEquals("HTTP/1.1 202 Accepted", statusLine(inFlight));
    }
    closer.join(10_000);
    assertFalse(closer.isAlive(), "close returns once the request finished");
    assertThrows(UncheckedIOException.class, () -> Wire.get(base, "/healthz"),
        "the listener is closed");

    // the job the last request queued is on disk for the next start
    try (FileJobQueue queue = FileJobQueue.open(dir.resolve("data/jobs"))) {
      assertEquals(1, queue.entries().size());
    }
  }

  @Test
  void queuedJobsSurviveARestartAndCanBeLeasedAfterIt() {
    String id;
    try (Gateway first = Gateway.start(config().build())) {
      Reply r = Wire.github(first.baseUri(), "push", "restart-1", fixture(GatewayTest.PUSH));
      assertEquals(202, r.status(), r.body());
      id = r.json().get("jobs").get(0).get("request_id").asText();
    }
    try (Gateway second = Gateway.start(config().build())) {
      Reply leased = Wire.runner(second.baseUri(), "/jobs/next", new byte[0]);
      assertEquals(200, leased.status(), leased.body());
      assertEquals(id, leased.json().get("request_id").asText());
      Optional<JobRequest> none = second.jobQueue().orElseThrow().lease(null);
      assertTrue(none.isEmpty());
    }
  }

  @Test
  void portInUseFailsTheStartAndReleasesTheDataDirectory() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      GatewayException e = assertThrows(GatewayException.class, () -> Gateway.start(config()
          .httpAddress("127.0.0.1:" + taken.getLocalPort()).build()));
      assertEquals(GatewayException.Reason.START_FAILED, e.reason());
      assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          e.getMessage());
    }
    try (Gateway gateway = Gateway.start(config().build())) {
      assertEquals(200, Wire.get(gateway.baseUri(), "/healthz").status());
    }
  }

  @Test
  void secondGatewayOnTheSameDataDirectoryIsRefused() {
    try (Gateway first = Gateway.start(config().build())) {
      GatewayException e = assertThrows(GatewayException.class,
          () -> Gateway.start(config().build()));
      assertEquals(GatewayException.Reason.JOB_QUEUE_IO, e.reason());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      assertEquals(200, Wire.get(first.baseUri(), "/healthz").status());
    }
  }

  @Test
  void unreadableGitHubAppKeyFailsTheStartNamingTheFile() {
    Path missing = dir.resolve("no-such-key.pem");
    GatewayException e = assertThrows(GatewayException.class, () -> Gateway.start(config()
        .githubAppId("1").githubAppKeyFile(missing).build()));
    assertEquals(GatewayException.Reason.START_FAILED, e.reason());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
