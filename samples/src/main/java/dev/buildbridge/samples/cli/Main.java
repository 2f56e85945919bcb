package dev.buildbridge.samples.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code buildbridge} command-line tool. Every subcommand prints JSON on stdout and exits 0 on
 * success (valid, accepted), 1 when verification failed or input was rejected, and 2 on a usage error
 * or malformed input, with one line {@code buildbridge: <what>: <why>} on stderr.
 *
 * <pre>{@code
 * printf 'Hello, World!' | buildbridge sign github --secret "It's a Secret to Everybody"
 * buildbridge verify tux --public-key-file tux.pub --signature "$SIG" --body-file callback.json
 * }</pre>
 */
public final class Main {
  /** Exit code: success, valid, accepted. */
  static final int OK = 0;
  /** Exit code: verification failed, rejected, invalid document. */
  static final int REJECTED = 1;
  /** Exit code: usage error or malformed input. */
  static final int USAGE = 2;

  private static final Option HELP = new Option("help", "h", null, false,
      "print this help and exit");

  private final List<Command> commands;

  Main(List<Command> commands) {
    this.commands = List.copyOf(commands);
  }

  /** The registered commands, in the order help lists them. */
  List<Command> commands() {
    return commands;
  }

  static Main standard() {
    List<Command> all = new ArrayList<>();
    all.addAll(SignCommands.all());
    all.addAll(VerifyCommands.all());
    all.add(new WebhookCommand());
    all.add(new KdlCommand());
    all.add(new WorkflowCommand());
    all.addAll(KcidbCommands.all());
    all.addAll(TuxPlanCommands.all());
    all.add(new AutobuilderCommand());
    all.add(new ServeCommand());
    all.add(new DemoCommand());
    return new Main(all);
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = standard().run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line against the given streams and returns the exit code. */
  int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Console console = new Console(in, out, err);
    if (args.length == 0) {
      out.print(overview(""));
      err.println("buildbridge: no command given (see buildbridge --help)");
      return USAGE;
    }
    if (isHelp(args[0])) {
      out.print(overview(""));
      return OK;
    }
    Command command = null;
    int consumed = 0;
    for (Command candidate : commands) {
      String[] words = candidate.name().split(" ");
      if (words.length > consumed && matches(words, args)) {
        command = candidate;
        consumed = words.length;
      }
    }
    if (command == null) {
      return unknownCommand(args, out, err);
    }
    try {
      ParsedArgs parsed = parse(command, args, consumed);
      if (parsed == null || parsed.has(HELP.name())) {
        out.print(help(command));
        return OK;
      }
      if (!command.acceptsArguments() && !parsed.positionals().isEmpty()) {
        throw new UsageException(command.name(), "unexpected argument "
            + parsed.positionals().get(0) + " (see buildbridge " + command.name() + " --help)");
      }
      return command.run(parsed, console);
    } catch (UsageException e) {
      err.println("buildbridge: " + e.what() + ": " + oneLine(e.getMessage()));
      return USAGE;
    } catch (RuntimeException e) {
      err.println("buildbridge: " + command.name() + ": internal error: " + e);
      return USAGE;
    }
  }

  /**
   * Parses the command's options plus {@code --help}; returns null when the line does not parse but
   * asks for help anyway, so {@code --help} works next to a mistake.
   */
  private static ParsedArgs parse(Command command, String[] args, int consumed)
      throws UsageException {
    List<Option> options = new ArrayList<>(command.options());
    options.add(HELP);
    try {
      return ParsedArgs.parse(command.name(), options, args, consumed);
    } catch (UsageException e) {
      for (int i = consumed; i < args.length && !args[i].equals("--"); i++) {
        if (args[i].equals("--help") || args[i].equals("-h")) {
          return null;
        }
      }
      throw e;
    }
  }

  private int unknownCommand(String[] args, PrintStream out, PrintStream err) {
    String group = args[0];
    boolean known = commands.stream().anyMatch(c -> c.name().startsWith(group + " "));
    if (known && args.length > 1 && isHelp(args[1])) {
      out.print(overview(group + " "));
      return OK;
    }
    if (known && args.length == 1) {
      out.print(overview(group + " "));
      err.println("buildbridge: " + group + ": no subcommand given (see buildbridge " + group
          + " --help)");
      return USAGE;
    }
    String tried = known ? group + " " + args[1] : group;
    err.println("buildbridge: " + tried + ": unknown command (see buildbridge --help)");
    return USAGE;
  }

  private static boolean matches(String[] words, String[] args) {
    if (args.length < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!words[i].equals(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static String oneLine(String message) {
    return message == null ? "failed" : message.replace('\n', ' ').replace('\r', ' ');
  }

  private String overview(String prefix) {
    StringBuilder out = new StringBuilder();
    out.append("usage: buildbridge ").append(prefix).append("<command> [options]\n\n");
    out.append("Commands:\n");
    for (Command command : commands) {
      if (command.name().startsWith(prefix)) {
        out.append(String.format("  %-18s %s%n", command.name(), command.summary()));
      }
    }
    out.append("\nEvery command prints JSON on stdout; exit 0 = success/valid, 1 = verification failed"
        + " or rejected,\n2 = usage error or malformed input. Run 'buildbridge <command> --help'"
        + " for its options.\n");
    return out.toString();
  }

  private static String help(Command command) {
    StringBuilder out = new StringBuilder();
    out.append("usage: buildbridge ").append(command.name()).append(" [options]\n\n");
    out.append(command.summary()).append("\n\nOptions:\n");
    List<Option> options = new ArrayList<>(command.options());
    options.add(HELP);
    for (Option option : options) {
      out.append(String.format("  %-30s %s%n", option.usage(), option.help()));
    }
    if (!command.details().isEmpty()) {
      out.append('\n').append(command.details().strip()).append('\n');
    }
    return out.toString();
  }
}
