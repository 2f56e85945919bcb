package dev.buildbridge.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.samples.gateway.GatewayConfig;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.RunsOnResolver;
import dev.buildbridge.webhooks.WebhookHandler;
import dev.buildbridge.workflow.Workflow;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowExpansion;
import dev.buildbridge.workflow.WorkflowParser;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code buildbridge webhook}: runs one delivery (or a batch) through sdk-webhooks' handler and prints
 * the decision, as a server would answer it.
 */
final class WebhookCommand implements Command {
  private static final Option HEADER = new Option("header", "H", "'Name: value'", true,
      "a request header (repeat for each)");
  private static final Option ALLOW_UNSIGNED = Option.flag("allow-unsigned",
      "accept deliveries without a signature (local testing only)");
  private static final Option TUX_KEY = Option.value("tux-public-key", "LINE",
      "accept TuxSuite callbacks signed by this OpenSSH public key");
  private static final Option BATCH = Option.value("batch", "FILE",
      "many deliveries: one {\"headers\":{...},\"body_b64\":...} object a line (- = stdin)");
  static final Option RUNS_ON_DEFAULT = Option.value("runs-on-default", "LABEL",
      "runs_on for every job");
  static final Option RUNS_ON_MAP = Option.value("runs-on-map", "owner/repo=label,...",
      "runs_on per repository, before the default");
  private static final Option WORKFLOW = Option.value("workflow", "FILE",
      "expand each delivery's job by this .solstice/workflow.kdl (one job per workflow job)");
  private static final Option BRANCHES = Option.value("branches", "GLOB,...",
      "build only these branches (and pull requests targeting them)");

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public String summary() {
    return "decide about a webhook delivery: status, event, reason and the jobrequest.v1 jobs";
  }

  @Override
  public List<Option> options() {
    return List.of(Secrets.SECRET, Secrets.SECRET_ENV, ALLOW_UNSIGNED, TUX_KEY, HEADER,
        SignCommands.BODY_FILE, BATCH, RUNS_ON_DEFAULT, RUNS_ON_MAP, BRANCHES, WORKFLOW);
  }

  @Override
  public String details() {
    return "The secret checks GitHub and Gitea/Forgejo signatures and GitLab's X-Gitlab-Token.\n"
        + "Prints {\"status\",\"provider\",\"event\",\"action\",\"delivery\",\"reason\",\"jobs\"};\n"
        + "exit 0 for 2xx, 1 for 401/403, 2 for other 4xx. With --batch, one decision per line,\n"
        + "duplicate delivery ids detected across lines, exit 0 once every line was processed.\n"
        + "With --workflow F, each job is expanded by that workflow file, one per workflow job;\n"
        + "an invalid file exits 2 with one FILE:LINE:COL: message line per problem.";
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    WebhookHandler.Builder builder = handler(args);
    if (args.has(WORKFLOW.name())) {
      String file = args.get(WORKFLOW.name());
      Workflow workflow;
      try {
        workflow = WorkflowParser.ofDefaults().parse(file, console.readFile(name(), file));
      } catch (WorkflowException e) {
        WorkflowCommand.printProblems(console, e);
        return Main.USAGE;
      }
      WorkflowCommand.printWarnings(console, workflow);
      WorkflowExpansion expansion = WorkflowExpansion.ofDefaults();
      builder.workflowExpander((template, event) -> expansion.expand(workflow, template));
    }
    WebhookHandler handler = builder.build();
    if (args.has(BATCH.name())) {
      if (args.has(HEADER.name()) || args.has(SignCommands.BODY_FILE.name())) {
        throw new UsageException(name(), "--batch takes headers and bodies from its lines");
      }
      return batch(handler, console, args.get(BATCH.name()));
    }
    Delivery.Builder delivery = Delivery.newBuilder();
    for (String header : args.all(HEADER.name())) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new UsageException(name(), "-H expects 'Name: value', got " + header);
      }
      delivery.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    delivery.body(console.readBody(name(), args.get(SignCommands.BODY_FILE.name())));
    Decision decision = handler.handle(delivery.build());
    console.printJson(json(decision));
    int status = decision.status();
    return status < 300 ? Main.OK : status == 401 || status == 403 ? Main.REJECTED : Main.USAGE;
  }

  private WebhookHandler.Builder handler(ParsedArgs args) throws UsageException {
    WebhookHandler.Builder builder = WebhookHandler.newBuilder();
    boolean hasSecret = args.has(Secrets.SECRET.name()) || args.has(Secrets.SECRET_ENV.name());
    if (hasSecret) {
      String secret = Secrets.require(name(), args);
      builder.githubSecret(secret).giteaSecret(secret).gitlabToken(secret);
    }
    if (args.has(TUX_KEY.name())) {
      try {
        builder.tuxsuite(TuxSuiteCallbackVerifier.of(args.get(TUX_KEY.name())));
      } catch (SignatureVerificationException e) {
        throw new UsageException(name(), "--tux-public-key: " + e.getMessage(), e);
      }
    }
    if (args.has(ALLOW_UNSIGNED.name())) {
      if (hasSecret) {
        throw new UsageException(name(), "give --secret or --allow-unsigned, not both");
      }
      builder.allowUnsignedDeliveries();
    } else if (!hasSecret && !args.has(TUX_KEY.name())) {
      throw new UsageException(name(), "a secret is required (--secret S, --secret-env VAR or"
          + " --tux-public-key LINE), or --allow-unsigned");
    }
    Map<String, String> perRepo = runsOnMap(name(), args);
    if (!perRepo.isEmpty() || args.has(RUNS_ON_DEFAULT.name())) {
      builder.runsOn(RunsOnResolver.of(perRepo, args.get(RUNS_ON_DEFAULT.name())));
    }
    if (args.has(BRANCHES.name())) {
      builder.branches(GatewayConfig.parseList(args.get(BRANCHES.name())));
    }
    return builder;
  }

  /** Reads {@code --runs-on-map owner/repo=label,...}; empty when the option is absent. */
  static Map<String, String> runsOnMap(String command, ParsedArgs args) throws UsageException {
    if (!args.has(RUNS_ON_MAP.name())) {
      return Map.of();
    }
    try {
      return GatewayConfig.parseRunsOnMap(args.get(RUNS_ON_MAP.name()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(command, "--runs-on-map: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> json(Decision decision) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", decision.status());
    out.put("provider", decision.provider() == null ? null : decision.provider().wireName());
    out.put("event", decision.eventName());
    out.put("action", decision.action());
    out.put("delivery", decision.deliveryId());
    out.put("reason", decision.reason());
    out.put("jobs", decision.jobs());
    return out;
  }

  private int batch(WebhookHandler handler, Console console, String file) throws UsageException {
    return BatchInput.run(console, name(), file, (number, line) -> {
      try {
        return json(handler.handle(delivery(line)));
      } catch (UsageException e) {
        return unreadable(number, e.getMessage());
      }
    }, WebhookCommand::unreadable);
  }

  private Delivery delivery(byte[] line) throws UsageException {
    JsonNode node;
    try {
      node = Console.JSON.readTree(line);
    } catch (IOException e) {
      throw new UsageException(name(), "not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new UsageException(name(), "not a JSON object");
    }
    Delivery.Builder delivery = Delivery.newBuilder();
    JsonNode headers = node.get("headers");
    if (headers != null && !headers.isNull()) {
      if (!headers.isObject()) {
        throw new UsageException(name(), "headers is not an object");
      }
      for (Map.Entry<String, JsonNode> header : headers.properties()) {
        if (!header.getValue().isTextual()) {
          throw new UsageException(name(), "header " + header.getKey() + " is not a string");
        }
        delivery.header(header.getKey(), header.getValue().textValue());
      }
    }
    JsonNode body = node.get("body_b64");
    if (body == null || !body.isTextual()) {
      throw new UsageException(name(), "body_b64 is missing or not a string");
    }
    try {
      delivery.body(Base64.getDecoder().decode(body.textValue()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(name(), "body_b64 is not base64");
    }
    return delivery.build();
  }

  private static Map<String, Object> unreadable(int number, String why) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", 400);
    out.put("provider", null);
    out.put("event", null);
    out.put("action", null);
    out.put("delivery", null);
    out.put("reason", "UNREADABLE_LINE: line " + number + ": " + why);
    out.put("jobs", List.of());
    return out;
  }
}
