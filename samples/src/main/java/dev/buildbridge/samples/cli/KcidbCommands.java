package dev.buildbridge.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.ValidationResult;
import dev.buildbridge.kcidb.Violation;
import dev.buildbridge.kcidb.submit.EntryId;
import dev.buildbridge.kcidb.submit.FileOutboxStore;
import dev.buildbridge.kcidb.submit.FlushResult;
import dev.buildbridge.kcidb.submit.KcidbClient;
import dev.buildbridge.kcidb.submit.KcidbOutbox;
import dev.buildbridge.kcidb.submit.OutboxEntry;
import dev.buildbridge.kcidb.tuxsuite.MappingResult;
import dev.buildbridge.kcidb.tuxsuite.SkippedResult;
import dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper;
import dev.buildbridge.webhooks.WebhookParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code buildbridge kcidb ...}: TuxSuite callbacks mapped to KCIDB, documents validated, and
 * submission through the durable outbox.
 */
final class KcidbCommands {
  static final Option ORIGIN = Option.value("origin", "ORIGIN",
      "the KCIDB origin the ids are prefixed with (e.g. tuxsuite)");
  static final Option URL = Option.value("url", "URL",
      "the KCIDB REST service (e.g. https://db.kernelci.org)");
  static final Option TOKEN_ENV = Option.value("token-env", "VAR",
      "the environment variable holding the KCIDB bearer token");
  static final Option OUTBOX = Option.value("outbox", "DIR",
      "the outbox directory; documents wait there until KCIDB accepted them");

  private KcidbCommands() {}

  static List<Command> all() {
    return List.of(new FromTux(), new Validate(), new Submit(), new Flush());
  }

  /** {@code kcidb from-tux}. */
  static final class FromTux implements Command {
    @Override
    public String name() {
      return "kcidb from-tux";
    }

    @Override
    public String summary() {
      return "map a TuxSuite build or test callback to a KCIDB v5.3 document";
    }

    @Override
    public List<Option> options() {
      return List.of(ORIGIN, SignCommands.BODY_FILE);
    }

    @Override
    public String details() {
      return "Reads the callback body from --body-file or stdin and prints the KCIDB document.\n"
          + "Results the policy leaves out (canceled, unknown) are listed on stderr as\n"
          + "'skipped: ...'. A callback that cannot be mapped exits 2 with the reason.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String origin = args.get(ORIGIN.name());
      if (origin == null) {
        throw new UsageException(name(), "--origin ORIGIN is required");
      }
      TuxSuiteKcidbMapper mapper;
      try {
        mapper = TuxSuiteKcidbMapper.newBuilder(origin).build();
      } catch (IllegalArgumentException e) {
        throw new UsageException(name(), "--origin: " + e.getMessage(), e);
      }
      byte[] body = console.readBody(name(), args.get(SignCommands.BODY_FILE.name()));
      MappingResult result;
      try {
        result = mapper.map(body);
      } catch (KcidbException | WebhookParseException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
      for (SkippedResult skipped : result.skipped()) {
        console.err().println("skipped: " + skipped);
      }
      console.printJson(result.document().toJsonNode());
      return Main.OK;
    }
  }

  /** {@code kcidb validate}. */
  static final class Validate implements Command {
    @Override
    public String name() {
      return "kcidb validate";
    }

    @Override
    public String summary() {
      return "validate a KCIDB I/O document against the v5.3 schema";
    }

    @Override
    public List<Option> options() {
      return List.of();
    }

    @Override
    public boolean acceptsArguments() {
      return true;
    }

    @Override
    public String details() {
      return "Reads FILE (or stdin when absent or -) and prints\n"
          + "{\"valid\":bool,\"errors\":[{\"pointer\":...,\"message\":...}]}; exit 0 when valid, 1 when not.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      List<String> files = args.positionals();
      if (files.size() > 1) {
        throw new UsageException(name(), "one FILE at most, got " + files.size());
      }
      byte[] document = console.readBody(name(), files.isEmpty() ? "-" : files.get(0));
      ValidationResult result = KcidbValidator.officialSchema().validate(document);
      List<Map<String, Object>> errors = new ArrayList<>();
      for (Violation violation : result.violations()) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("pointer", violation.pointer());
        error.put("message", violation.message());
        errors.add(error);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("valid", result.valid());
      out.put("errors", errors);
      if (result.omitted() > 0) {
        out.put("omitted", result.omitted());
      }
      console.printJson(out);
      return result.valid() ? Main.OK : Main.REJECTED;
    }
  }

  /** {@code kcidb submit}. */
  static final class Submit implements Command {
    @Override
    public String name() {
      return "kcidb submit";
    }

    @Override
    public String summary() {
      return "journal a KCIDB document in the outbox, then send everything pending";
    }

    @Override
    public List<Option> options() {
      return List.of(URL, TOKEN_ENV, OUTBOX);
    }

    @Override
    public boolean acceptsArguments() {
      return true;
    }

    @Override
    public String details() {
      return "Reads FILE (or stdin), validates it, writes it to the outbox (fsync'ed) and flushes.\n"
          + "Prints {\"journaled\":[ids],\"delivered\":[...],\"pending\":[...],\"error\":...}. Exit 0\n"
          + "when the outbox is empty afterwards, 1 when something stays pending (it is kept and\n"
          + "sent by the next submit or flush), 2 for an invalid document or a usage error.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      List<String> files = args.positionals();
      if (files.size() > 1) {
        throw new UsageException(name(), "one FILE at most, got " + files.size());
      }
      Target target = target(name(), args);
      byte[] document = console.readBody(name(), files.isEmpty() ? "-" : files.get(0));
      JsonNode tree;
      try {
        tree = KcidbValidator.officialSchema().requireValid(document);
      } catch (KcidbException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
      try (KcidbOutbox outbox = target.open()) {
        List<EntryId> journaled = outbox.submit((ObjectNode) tree);
        return report(console, journaled, outbox, outbox.flush());
      } catch (KcidbException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
    }
  }

  /** {@code kcidb flush}. */
  static final class Flush implements Command {
    @Override
    public String name() {
      return "kcidb flush";
    }

    @Override
    public String summary() {
      return "send every document pending in the outbox (parked ones too)";
    }

    @Override
    public List<Option> options() {
      return List.of(URL, TOKEN_ENV, OUTBOX);
    }

    @Override
    public String details() {
      return "Tries every pending entry in order, refused ones included, and prints\n"
          + "{\"delivered\":[...],\"pending\":[...],\"error\":...}. Exit 0 when the outbox is empty\n"
          + "afterwards, 1 when something stays pending.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      try (KcidbOutbox outbox = target(name(), args).open()) {
        outbox.retryParked();
        return report(console, null, outbox, outbox.flush());
      } catch (KcidbException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
    }
  }

  /** The KCIDB service and the outbox directory a command works on, checked before any input. */
  private record Target(KcidbClient client, Path directory) {
    KcidbOutbox open() {
      return KcidbOutbox.newBuilder().store(FileOutboxStore.open(directory)).client(client).build();
    }
  }

  private static Target target(String command, ParsedArgs args) throws UsageException {
    String url = args.get(URL.name());
    String tokenEnv = args.get(TOKEN_ENV.name());
    String dir = args.get(OUTBOX.name());
    if (url == null || tokenEnv == null || dir == null) {
      throw new UsageException(command, "--url URL, --token-env VAR and --outbox DIR are required");
    }
    String token = Secrets.fromEnvironment(command, tokenEnv);
    try {
      return new Target(KcidbClient.newBuilder().baseUrl(url).token(token).build(), Path.of(dir));
    } catch (IllegalArgumentException e) {
      throw new UsageException(command, e.getMessage(), e);
    }
  }

  private static int report(Console console, List<EntryId> journaled, KcidbOutbox outbox,
      FlushResult flush) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (journaled != null) {
      out.put("journaled", journaled.stream().map(EntryId::value).toList());
    }
    List<Map<String, Object>> delivered = new ArrayList<>();
    for (FlushResult.Delivered d : flush.delivered()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("entry", d.entry().value());
      entry.put("submission_ids", d.submissionIds());
      delivered.add(entry);
    }
    out.put("delivered", delivered);
    List<Map<String, Object>> pending = new ArrayList<>();
    for (OutboxEntry e : outbox.pending()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("entry", e.id().value());
      entry.put("attempts", e.attempts());
      entry.put("parked", e.parked());
      entry.put("last_error", e.lastError().orElse(null));
      pending.add(entry);
    }
    out.put("pending", pending);
    out.put("error", flush.failure().map(Throwable::getMessage).orElse(null));
    console.printJson(out);
    return pending.isEmpty() ? Main.OK : Main.REJECTED;
  }
}
