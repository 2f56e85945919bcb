package dev.buildbridge.samples.cli;

import dev.buildbridge.samples.gateway.Gateway;
import dev.buildbridge.samples.gateway.GatewayConfig;
import dev.buildbridge.samples.gateway.GatewayException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code buildbridge serve}: runs the gateway until SIGTERM or SIGINT. Settings come from the
 * environment, flags win; secrets come from the environment only, so they stay out of the process
 * list. Prints the configuration (secrets redacted) and {@code listening on URL} on stderr, one
 * JSON line on stdout when it listens and one when it stopped.
 */
final class ServeCommand implements Command {
  private static final String ALLOW_UNSIGNED = "allow-unsigned";
  private static final String CALLBACK_HEADER = "callback-header";
  private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

  private final Map<String, String> environment;
  private final Consumer<Runnable> onShutdown;
  private final List<Option> options = new ArrayList<>();
  private final Map<String, GatewayConfig.Setting> byFlag = new LinkedHashMap<>();

  ServeCommand() {
    this(System.getenv(), hook -> Runtime.getRuntime().addShutdownHook(
        new Thread(hook, "buildbridge-serve-shutdown")));
  }

  /**
   * Makes the command with an environment and a way to learn about shutdown.
   *
   * @param environment the variables settings are read from
   * @param onShutdown registers what runs when the process is asked to stop
   */
  ServeCommand(Map<String, String> environment, Consumer<Runnable> onShutdown) {
    this.environment = Map.copyOf(environment);
    this.onShutdown = onShutdown;
    for (GatewayConfig.Setting s : GatewayConfig.settings()) {
      if (s.flag().isEmpty()) {
        continue;
      }
      String flag = s.flag().get();
      String help = s.help() + " [" + s.variable()
          + s.defaultValue().map(d -> ", default " + d).orElse("") + "]";
      Option option;
      if (flag.equals(ALLOW_UNSIGNED)) {
        option = Option.flag(flag, help);
      } else if (flag.equals(CALLBACK_HEADER)) {
        option = new Option(flag, null, s.valueName(), true, help);
      } else {
        option = Option.value(flag, s.valueName(), help);
      }
      options.add(option);
      byFlag.put(flag, s);
    }
  }

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "run the gateway: webhooks to jobs, TuxSuite callbacks to KCIDB, results to GitHub";
  }

  @Override
  public List<Option> options() {
    return options;
  }

  @Override
  public String details() {
    StringBuilder out = new StringBuilder();
    out.append("Secrets are read from the environment only:\n");
    for (GatewayConfig.Setting s : GatewayConfig.settings()) {
      if (s.secret()) {
        out.append(String.format("  %-24s %s%n", s.variable(), s.help()));
      }
    }
    out.append("Every flag has its variable (in brackets); a flag wins over its variable.\n"
        + "Without --allow-unsigned, a webhook secret or a TuxSuite key or token is required.\n"
        + "Endpoints: POST /webhooks/github, /webhooks/gitea, /webhooks/gitlab,\n"
        + "/callbacks/tuxsuite, /results (runner token), /jobs/next (runner token);\n"
        + "GET /jobs (runner token), /healthz, /metrics.\n"
        + "Runs until SIGTERM or SIGINT, then drains work in flight (--drain-timeout).");
    return out.toString();
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    GatewayConfig config = configure(args);
    if (System.getProperty(LOG_FORMAT) == null) {
      // one line per log record, before java.util.logging reads it
      System.setProperty(LOG_FORMAT, "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    }
    console.err().println("buildbridge: serve: configuration");
    console.err().print(config.describe());
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (GatewayException e) {
      console.err().println("buildbridge: serve: " + e.getMessage().replace('\n', ' '));
      return Main.REJECTED;
    }
    CountDownLatch reported = new CountDownLatch(1);
    onShutdown.accept(() -> {
      gateway.close();
      try {
        // let this command print that it stopped before the JVM halts
        reported.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    console.err().println("buildbridge: serve: listening on " + gateway.baseUri());
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("status", "listening");
    ready.put("url", gateway.baseUri().toString());
    ready.put("data_dir", config.dataDir().toAbsolutePath().normalize().toString());
    console.printJson(ready);
    try {
      gateway.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      gateway.close();
    }
    console.err().println("buildbridge: serve: stopped");
    console.printJson(Map.of("status", "stopped"));
    reported.countDown();
    return Main.OK;
  }

  /** Reads the environment, then the flags, into a checked configuration. */
  GatewayConfig configure(ParsedArgs args) throws UsageException {
    GatewayConfig.Builder builder = GatewayConfig.newBuilder();
    try {
      builder.environment(environment);
    } catch (GatewayException e) {
      throw new UsageException(name(), e.getMessage(), e);
    }
    for (Map.Entry<String, GatewayConfig.Setting> entry : byFlag.entrySet()) {
      String flag = entry.getKey();
      if (!args.has(flag)) {
        continue;
      }
      try {
        if (flag.equals(ALLOW_UNSIGNED)) {
          builder.allowUnsigned(true);
        } else if (flag.equals(CALLBACK_HEADER)) {
          builder.callbackHeaders(Map.of());
          for (String header : args.all(flag)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
              throw new IllegalArgumentException("expected 'Name: value', got a value without"
                  + " a name");
            }
            builder.callbackHeader(header.substring(0, colon).strip(),
                header.substring(colon + 1).strip());
          }
        } else {
          builder.setting(entry.getValue().variable(), args.get(flag));
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException(name(), "--" + flag + ": " + e.getMessage(), e);
      }
    }
    try {
      return builder.build();
    } catch (GatewayException e) {
      throw new UsageException(name(), e.getMessage(), e);
    }
  }
}
