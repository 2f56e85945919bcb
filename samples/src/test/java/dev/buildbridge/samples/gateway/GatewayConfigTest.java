package dev.buildbridge.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.samples.gateway.GatewayConfig.GitHubReport;
import dev.buildbridge.samples.gateway.GatewayConfig.WorkflowMode;
import dev.buildbridge.signing.StandardWebhooks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  private static final String CALLBACK_SECRET = StandardWebhooks.generateSecret();

  private static GatewayConfig.Builder signed() {
    return GatewayConfig.newBuilder().githubWebhookSecret("s");
  }

  private static String invalid(Consumer<GatewayConfig.Builder> change) {
    GatewayConfig.Builder b = signed();
    change.accept(b);
    GatewayException e = assertThrows(GatewayException.class, b::build);
    assertEquals(GatewayException.Reason.INVALID_CONFIG, e.reason());
    return e.getMessage();
  }

  private static String refused(Runnable setter) {
    return assertThrows(IllegalArgumentException.class, setter::run).getMessage();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    GatewayConfig c = signed().build();
    assertEquals("127.0.0.1", c.httpAddress().getHostString());
    assertEquals(8080, c.httpAddress().getPort());
    assertEquals(Path.of("buildbridge-data"), c.dataDir());
    assertEquals(16, c.workers());
    assertEquals(64, c.queueCapacity());
    assertEquals(25L << 20, c.maxBodyBytes());
    assertEquals(Duration.ofSeconds(30), c.drainTimeout());
    assertEquals(Duration.ofHours(1), c.leaseTimeout());
    assertEquals(URI.create("https://api.github.com"), c.githubApiUrl());
    assertEquals(GitHubReport.CHECKS, c.githubReport());
    assertEquals(WorkflowMode.AUTO, c.workflowMode());
    assertEquals(Set.of("https", "ssh"), c.gitSchemes());
    assertEquals("buildbridge", c.kcidbOrigin());
    assertEquals("solstice", c.amqpPrefix());
    assertEquals(4, c.callbackAttempts());
    assertFalse(c.allowUnsigned());
    assertNull(c.amqpUrl());
    assertNull(c.jdbcUrl());
  }

  @Test
  void everySettingIsReadFromItsEnvironmentVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("BB_HTTP_ADDR", "[::1]:9090");
    env.put("BB_DATA_DIR", "/var/lib/bb");
    env.put("BB_ALLOW_UNSIGNED", "yes");
    env.put("GITHUB_WEBHOOK_SECRET", "gh");
    env.put("GITEA_WEBHOOK_SECRET", "gt");
    env.put("GITLAB_TOKEN", "gl");
    env.put("TUXSUITE_TOKEN", "tux-token");
    env.put("TUXSUITE_GROUP", "linaro");
    env.put("TUXSUITE_PROJECT", "lkft");
    env.put("TUXSUITE_URL", "https://tux.example.org");
    env.put("KCIDB_URL", "https://db.kernelci.org");
    env.put("KCIDB_TOKEN", "kt");
    env.put("KCIDB_ORIGIN", "my_lab");
    env.put("GITHUB_APP_ID", "12345");
    env.put("GITHUB_APP_PRIVATE_KEY_FILE", "/etc/bb/app.pem");
    env.put("GITHUB_API_URL", "https://ghe.example.org/api/v3");
    env.put("BB_GITHUB_REPORT", "status");
    env.put("BB_CALLBACK_URL", "https://ci.example.org/hook");
    env.put("BB_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("BB_CALLBACK_HEADERS", "X-Team: kernel\nAuthorization: Bearer abc\n");
    env.put("BB_CALLBACK_ATTEMPTS", "2");
    env.put("BB_RUNNER_TOKEN", "rt");
    env.put("BB_RUNS_ON_DEFAULT", "ubuntu-22.04");
    env.put("BB_RUNS_ON_MAP", "octo/kernel=riscv64, octo/docs=small");
    env.put("BB_WORKFLOW_SOURCE", "GitHub");
    env.put("BB_GIT_SCHEMES", "https,file");
    env.put("BB_AMQP_URL", "amqp://gw:pw@rabbit:5672/ci");
    env.put("BB_AMQP_PREFIX", "lab7");
    env.put("BB_JDBC_URL", "jdbc:postgresql://db/bb");
    env.put("BB_JDBC_USER", "bb");
    env.put("BB_JDBC_PASSWORD", "pw");
    env.put("BB_JDBC_SCHEMA", "gateway");
    env.put("BB_WORKERS", "8");
    env.put("BB_HTTP_QUEUE", "16");
    env.put("BB_MAX_BODY_BYTES", "1048576");
    env.put("BB_DRAIN_TIMEOUT", "5");
    env.put("BB_LEASE_TIMEOUT", "600");
    Set<String> variables = new HashSet<>();
    GatewayConfig.settings().forEach(s -> variables.add(s.variable()));
    variables.remove("TUXSUITE_PUBLIC_KEY"); // exclusive with TUXSUITE_TOKEN, tested apart
    assertEquals(variables, env.keySet(), "the test sets every setting");

    GatewayConfig c = GatewayConfig.newBuilder().environment(env).build();
    assertEquals("::1", c.httpAddress().getHostString());
    assertEquals(9090, c.httpAddress().getPort());
    assertEquals(Path.of("/var/lib/bb"), c.dataDir());
    assertTrue(c.allowUnsigned());
    assertEquals("gh", c.githubWebhookSecret());
    assertEquals("gt", c.giteaWebhookSecret());
    assertEquals("gl", c.gitlabToken());
    assertEquals("tux-token", c.tuxsuiteToken());
    assertEquals("linaro", c.tuxsuiteGroup());
    assertEquals("lkft", c.tuxsuiteProject());
    assertEquals(URI.create("https://tux.example.org"), c.tuxsuiteUrl());
    assertEquals(URI.create("https://db.kernelci.org"), c.kcidbUrl());
    assertEquals("kt", c.kcidbToken());
    assertEquals("my_lab", c.kcidbOrigin());
    assertEquals("12345", c.githubAppId());
    assertEquals(Path.of("/etc/bb/app.pem"), c.githubAppKeyFile());
    assertEquals(URI.create("https://ghe.example.org/api/v3"), c.githubApiUrl());
    assertEquals(GitHubReport.STATUS, c.githubReport());
    assertEquals(URI.create("https://ci.example.org/hook"), c.callbackUrl());
    assertEquals(CALLBACK_SECRET, c.callbackSecret());
    assertEquals(Map.of("X-Team", "kernel", "Authorization", "Bearer abc"), c.callbackHeaders());
    assertEquals(2, c.callbackAttempts());
    assertEquals("rt", c.runnerToken());
    assertEquals("ubuntu-22.04", c.runsOnDefault());
    assertEquals(Map.of("octo/kernel", "riscv64", "octo/docs", "small"), c.runsOnMap());
    assertEquals(WorkflowMode.GITHUB, c.workflowMode());
    assertEquals(Set.of("https", "file"), c.gitSchemes());
    assertEquals(URI.create("amqp://gw:pw@rabbit:5672/ci"), c.amqpUrl());
    assertEquals("lab7", c.amqpPrefix());
    assertEquals("jdbc:postgresql://db/bb", c.jdbcUrl());
    assertEquals("bb", c.jdbcUser());
    assertEquals("pw", c.jdbcPassword());
    assertEquals("gateway", c.jdbcSchema());
    assertEquals(8, c.workers());
    assertEquals(16, c.queueCapacity());
    assertEquals(1 << 20, c.maxBodyBytes());
    assertEquals(Duration.ofSeconds(5), c.drainTimeout());
    assertEquals(Duration.ofMinutes(10), c.leaseTimeout());
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void emptyVariablesCountAsUnset() {
    GatewayConfig c = GatewayConfig.newBuilder().environment(Map.of("GITHUB_WEBHOOK_SECRET", "s",
        "BB_WORKERS", "", "KCIDB_URL", "")).build();
    assertEquals(16, c.workers());
    assertNull(c.kcidbUrl());
  }

  @Test
  void aVariableThatDoesNotParseIsNamedButASecretValueIsNeverShown() {
    GatewayException e = assertThrows(GatewayException.class, () -> GatewayConfig.newBuilder()
        .environment(Map.of("BB_WORKERS", "many")));
    assertEquals("environment variable BB_WORKERS: expected a whole number, got \"many\"",
        e.getMessage());
    String secret = "whsec_this-is-not-base64!!";
    e = assertThrows(GatewayException.class, () -> GatewayConfig.newBuilder()
        .environment(Map.of("BB_CALLBACK_SECRET", secret)));
    assertTrue(e.getMessage().startsWith("environment variable BB_CALLBACK_SECRET: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("this-is-not-base64"), e.getMessage());
    e = assertThrows(GatewayException.class, () -> GatewayConfig.newBuilder()
        .environment(Map.of("BB_AMQP_URL", "http://gw:hunter2@rabbit/")));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void withoutAnyWayToAuthenticateDeliveriesTheConfigurationIsRefused() {
    GatewayException e = assertThrows(GatewayException.class,
        () -> GatewayConfig.newBuilder().build());
    assertTrue(e.getMessage().startsWith("no webhook secret is configured"), e.getMessage());
    assertTrue(GatewayConfig.newBuilder().allowUnsigned(true).build().allowUnsigned());
    assertEquals("k", GatewayConfig.newBuilder().gitlabToken("k").build().gitlabToken());
    assertEquals(Wire.TUX_PUBLIC_KEY, GatewayConfig.newBuilder()
        .tuxsuitePublicKey(Wire.TUX_PUBLIC_KEY).build().tuxsuitePublicKey());
  }

  @Test
  void settingsThatContradictEachOtherAreRefusedNamingThem() {
    assertTrue(invalid(b -> b.tuxsuitePublicKey(Wire.TUX_PUBLIC_KEY).tuxsuiteToken("t")
        .tuxsuiteGroup("g").tuxsuiteProject("p")).contains("not both"));
    assertTrue(invalid(b -> b.tuxsuiteToken("t").tuxsuiteGroup("g"))
        .contains("TUXSUITE_PROJECT"));
    assertTrue(invalid(b -> b.kcidbToken("t")).contains("KCIDB_URL"));
    assertTrue(invalid(b -> b.githubAppId("1")).contains("GITHUB_APP_PRIVATE_KEY_FILE is not"));
    assertTrue(invalid(b -> b.githubAppKeyFile(Path.of("k.pem")))
        .contains("GITHUB_APP_ID is not"));
    assertTrue(invalid(b -> b.callbackUrl(URI.create("https://x.example/h")))
        .contains("BB_CALLBACK_SECRET"));
    assertTrue(invalid(b -> b.callbackSecret(CALLBACK_SECRET)).contains("BB_CALLBACK_URL"));
    assertTrue(invalid(b -> b.callbackHeader("X-A", "1")).contains("BB_CALLBACK_URL"));
    assertTrue(invalid(b -> b.jdbcUser("u")).contains("BB_JDBC_URL"));
    assertTrue(invalid(b -> b.jdbcSchema("s")).contains("BB_JDBC_URL"));
    assertTrue(invalid(b -> b.workflowMode(WorkflowMode.GITHUB)).contains("GITHUB_APP_ID"));
  }

  @Test
  void listenAddressesParseOrSayWhatIsWrong() {
    assertEquals("0.0.0.0", signed().httpAddress(":9090").build().httpAddress().getHostString());
    assertEquals(0, signed().httpAddress("localhost:0").build().httpAddress().getPort());
    assertTrue(refused(() -> signed().httpAddress("localhost")).contains("HOST:PORT"));
    assertTrue(refused(() -> signed().httpAddress("localhost:http")).contains("not a number"));
    assertTrue(refused(() -> signed().httpAddress("localhost:70000")).contains("out of range"));
    assertTrue(refused(() -> signed().httpAddress("::1:80")).contains("brackets"));
  }

  @Test
  void builderMethodsNameTheArgumentTheyRefuse() {
    GatewayConfig.Builder b = signed();
    assertTrue(refused(() -> b.kcidbOrigin("My-Lab")).startsWith("kcidbOrigin"));
    assertTrue(refused(() -> b.gitSchemes(List.of("ftp"))).startsWith("gitSchemes"));
    assertTrue(refused(() -> b.gitSchemes(List.of())).startsWith("gitSchemes"));
    assertTrue(refused(() -> b.callbackHeader("Bad Name", "v")).contains("not a valid header"));
    assertTrue(refused(() -> b.callbackHeader("webhook-signature", "v")).contains("set by the"));
    assertTrue(refused(() -> b.callbackHeader("X-A", "a\r\nB: c")).contains("line break"));
    assertTrue(refused(() -> b.runnerToken("has space")).startsWith("runnerToken"));
    assertTrue(refused(() -> b.githubWebhookSecret("")).startsWith("githubWebhookSecret"));
    assertTrue(refused(() -> b.amqpUrl(URI.create("http://rabbit/"))).startsWith("amqpUrl"));
    assertTrue(refused(() -> b.amqpPrefix("amq.gateway")).startsWith("amqpPrefix"));
    assertTrue(refused(() -> b.jdbcUrl("jdbc:mysql://db/x")).startsWith("jdbcUrl"));
    assertTrue(refused(() -> b.jdbcSchema("Gateway")).startsWith("jdbcSchema"));
    assertTrue(refused(() -> b.tuxsuitePublicKey("ssh-rsa AAAA")).startsWith("tuxsuitePublicKey"));
    assertTrue(refused(() -> b.workers(0)).startsWith("workers"));
    assertTrue(refused(() -> b.queueCapacity(0)).startsWith("queueCapacity"));
    assertTrue(refused(() -> b.maxBodyBytes(0)).startsWith("maxBodyBytes"));
    assertTrue(refused(() -> b.callbackAttempts(11)).startsWith("callbackAttempts"));
    assertTrue(refused(() -> b.drainTimeout(Duration.ofSeconds(-1))).startsWith("drainTimeout"));
    assertTrue(refused(() -> b.leaseTimeout(Duration.ZERO)).startsWith("leaseTimeout"));
    assertTrue(refused(() -> b.setting("BB_NOPE", "1")).contains("no such setting"));
    assertThrows(NullPointerException.class, () -> b.dataDir(null));
  }

  @Test
  void toStringAndDescribeRedactEverySecret() {
    GatewayConfig c = signed()
        .giteaWebhookSecret("gitea-secret-value")
        .runnerToken("runner-token-value")
        .kcidbUrl(URI.create("https://kcidb:kcidb-password@db.kernelci.org"))
        .kcidbToken("kcidb-token-value")
        .callbackUrl(URI.create("https://ci.example.org/hook"))
        .callbackSecret(CALLBACK_SECRET)
        .callbackHeader("Authorization", "Bearer header-token-value")
        .amqpUrl(URI.create("amqp://gw:amqp-password@rabbit:5672/ci"))
        .jdbcUrl("jdbc:postgresql://db/bb?user=bb&password=jdbc-password&ssl=true")
        .jdbcPassword("jdbc-password-2")
        .build();
    String shown = c.toString() + "\n" + c.describe();
    for (String secret : List.of("gitea-secret-value", "runner-token-value", "kcidb-password",
        "kcidb-token-value", CALLBACK_SECRET, "header-token-value", "amqp-password",
        "jdbc-password", "jdbc-password-2")) {
      assertFalse(shown.contains(secret), secret + " in " + shown);
    }
    assertTrue(shown.contains("BB_AMQP_URL=amqp://gw:<redacted>@rabbit:5672/ci"), shown);
    assertTrue(shown.contains("password=<redacted>&ssl=true"), shown);
    assertTrue(shown.contains("Authorization: <redacted>"), shown);
    assertTrue(shown.contains("GITEA_WEBHOOK_SECRET=<redacted>"), shown);
    assertFalse(shown.contains("GITLAB_TOKEN"), "unset settings are not shown: " + shown);
  }

  @Test
  void settingsAreUniqueAndSecretsHaveNoFlag() {
    Set<String> variables = new HashSet<>();
    Set<String> flags = new HashSet<>();
    for (GatewayConfig.Setting s : GatewayConfig.settings()) {
      assertTrue(variables.add(s.variable()), s.variable());
      assertFalse(s.help().isBlank(), s.variable());
      if (s.secret()) {
        assertTrue(s.flag().isEmpty(), s.variable() + " must stay out of the process list");
      } else {
        assertTrue(flags.add(s.flag().orElseThrow()), s.variable());
      }
    }
  }
}
