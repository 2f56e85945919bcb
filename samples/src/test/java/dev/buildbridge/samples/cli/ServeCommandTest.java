package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.samples.gateway.GatewayConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private static final String SECRET = "serve-test-github-secret";

  @TempDir
  Path dir;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BB_DATA_DIR", dir.resolve("data").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static Cli.Result run(ServeCommand serve, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      exit = new Main(List.of(serve)).run(args, new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Cli.Result(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  private static ServeCommand serve(Map<String, String> env) {
    return new ServeCommand(env, hook -> fail("a command that did not start registers no hook"));
  }

  private static GatewayConfig configure(ServeCommand serve, String... args) throws Exception {
    List<Option> options = new ArrayList<>(serve.options());
    String[] line = new String[args.length + 1];
    line[0] = "serve";
    System.arraycopy(args, 0, line, 1, args.length);
    return serve.configure(ParsedArgs.parse("serve", options, line, 1));
  }

  /** A stream that test threads read while the command writes it. */
  private static final class Captured extends ByteArrayOutputStream {
    synchronized String text() {
      return toString(UTF_8);
    }
  }

  @Test
  void servesUntilAskedToStopAndPrintsItsRedactedConfiguration() throws Exception {
    AtomicReference<Runnable> shutdown = new AtomicReference<>();
    ServeCommand serve = new ServeCommand(env("GITHUB_WEBHOOK_SECRET", SECRET,
        "BB_RUNNER_TOKEN", "serve-test-runner-token"), shutdown::set);
    Captured out = new Captured();
    Captured err = new Captured();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread main = new Thread(() -> {
      try (PrintStream o = new PrintStream(out, true, UTF_8);
          PrintStream e = new PrintStream(err, true, UTF_8)) {
        exit.set(new Main(List.of(serve)).run(new String[] {"serve", "--addr", "127.0.0.1:0",
            "--workflow-source", "none"}, new ByteArrayInputStream(new byte[0]), o, e));
      }
    }, "serve");
    main.start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!out.text().contains("\n") && main.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    JsonNode listening = Cli.MAPPER.readTree(out.text().split("\n")[0]);
    assertEquals("listening", listening.get("status").asText(), err.text());
    URI url = URI.create(listening.get("url").asText());
    assertEquals(dir.resolve("data").toAbsolutePath().toString(),
        listening.get("data_dir").asText());

    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(url.resolve("/healthz")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());

    assertNotNull(shutdown.get(), "a shutdown hook is registered once the gateway listens");
    shutdown.get().run(); // what SIGTERM does
    main.join(20_000);
    assertFalse(main.isAlive());
    assertEquals(Main.OK, exit.get(), err.text());
    String[] lines = out.text().split("\n");
    assertEquals("{\"status\":\"stopped\"}", lines[lines.length - 1]);

    String stderr = err.text();
    assertTrue(stderr.contains("GITHUB_WEBHOOK_SECRET        <redacted>"), stderr);
    assertTrue(stderr.contains("BB_RUNNER_TOKEN              <redacted>"), stderr);
    assertFalse(stderr.contains(SECRET) || stderr.contains("serve-test-runner-token"), stderr);
    assertTrue(stderr.contains("buildbridge: serve: listening on " + url), stderr);
    assertTrue(stderr.endsWith("buildbridge: serve: stopped\n"), stderr);
  }

  @Test
  void withoutAnySecretItRefusesToStartNamingTheVariables() {
    Cli.Result r = run(serve(env()), "serve", "--addr", "127.0.0.1:0");
    String line = r.assertUsageError("buildbridge: serve: no webhook secret is configured");
    assertTrue(line.contains("GITHUB_WEBHOOK_SECRET") && line.contains("--allow-unsigned"), line);
  }

  @Test
  void allowUnsignedStartsWithoutSecrets() throws Exception {
    GatewayConfig config = configure(serve(env()), "--allow-unsigned", "--addr", "127.0.0.1:0");
    assertTrue(config.allowUnsigned());
    assertEquals(0, config.httpAddress().getPort());
  }

  @Test
  void badFlagValueIsAUsageErrorNamingTheFlag() {
    Cli.Result r = run(serve(env("GITHUB_WEBHOOK_SECRET", SECRET)), "serve", "--workers", "lots");
    assertEquals("buildbridge: serve: --workers: expected a whole number, got \"lots\"",
        r.assertUsageError("buildbridge: serve: --workers"));
  }

  @Test
  void badEnvironmentValueIsAUsageErrorNamingTheVariable() {
    Cli.Result r = run(serve(env("GITHUB_WEBHOOK_SECRET", SECRET, "BB_WORKERS", "0")), "serve");
    assertEquals("buildbridge: serve: environment variable BB_WORKERS: workers must be from 1 to"
        + " 1024, was 0", r.assertUsageError("buildbridge: serve: environment variable"));
  }

  @Test
  void aFlagWinsOverItsVariable() throws Exception {
    GatewayConfig config = configure(serve(env("GITHUB_WEBHOOK_SECRET", SECRET,
        "BB_WORKERS", "3", "BB_HTTP_ADDR", "127.0.0.1:9999")), "--workers", "5");
    assertEquals(5, config.workers());
    assertEquals(9999, config.httpAddress().getPort(), "the variable counts without its flag");
    assertEquals(SECRET, config.githubWebhookSecret());
  }

  @Test
  void callbackHeaderRepeatsAndNeedsTheCallbackSecretFromTheEnvironment() throws Exception {
    String secret = dev.buildbridge.signing.StandardWebhooks.generateSecret();
    GatewayConfig config = configure(serve(env("GITHUB_WEBHOOK_SECRET", SECRET,
        "BB_CALLBACK_SECRET", secret)), "--callback-url", "https://ci.example.org/hook",
        "--callback-header", "X-Team: kernel", "--callback-header", "Authorization: Bearer t");
    assertEquals(Map.of("X-Team", "kernel", "Authorization", "Bearer t"),
        config.callbackHeaders());
    assertFalse(config.toString().contains("Bearer t"), config.toString());

    Cli.Result r = run(serve(env("GITHUB_WEBHOOK_SECRET", SECRET)), "serve", "--callback-url",
        "https://ci.example.org/hook");
    r.assertUsageError("buildbridge: serve: BB_CALLBACK_URL needs BB_CALLBACK_SECRET");
  }

  @Test
  void portInUseExitsOneSayingWhere() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Result r = run(serve(env("GITHUB_WEBHOOK_SECRET", SECRET)), "serve", "--addr",
          "127.0.0.1:" + taken.getLocalPort(), "--workflow-source", "none");
      assertEquals(Main.REJECTED, r.exit());
      List<String> err = r.errLines();
      assertEquals("buildbridge: serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()
          + ": Address already in use", err.get(err.size() - 1));
      assertEquals("", r.out());
    }
  }

  @Test
  void helpListsEveryFlagWithItsVariableAndTheSecretsReadFromTheEnvironment() {
    Cli.Result r = run(serve(env()), "serve", "--help");
    assertEquals(Main.OK, r.exit());
    for (GatewayConfig.Setting s : GatewayConfig.settings()) {
      if (s.secret()) {
        assertTrue(s.flag().isEmpty(), s.variable());
        assertTrue(r.out().contains("  " + s.variable() + " "), s.variable());
      } else {
        assertTrue(r.out().contains("--" + s.flag().orElseThrow() + " "), s.variable());
        assertTrue(r.out().contains("[" + s.variable()), s.variable());
      }
    }
    assertTrue(r.out().contains("[BB_HTTP_ADDR, default 127.0.0.1:8080]"), r.out());
  }
}
