package dev.buildbridge.samples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options and positional arguments given to one command, checked against its option list. */
final class ParsedArgs {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positionals = new ArrayList<>();

  /**
   * Parses {@code args[from..]} against the command's options: {@code --name value},
   * {@code --name=value}, {@code -x value}, flags, and {@code --} ending the options.
   */
  static ParsedArgs parse(String command, List<Option> options, String[] args, int from)
      throws UsageException {
    ParsedArgs parsed = new ParsedArgs();
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        parsed.positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name;
      String inline = null;
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        inline = eq < 0 ? null : arg.substring(eq + 1);
      } else {
        name = arg.substring(1);
      }
      Option option = find(options, name, arg.startsWith("--"));
      if (option == null) {
        throw new UsageException(command, "unknown option " + arg + " (see buildbridge " + command + " --help)");
      }
      String value = null;
      if (option.takesValue()) {
        if (inline != null) {
          value = inline;
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageException(command, "option --" + option.name() + " needs a value ("
              + option.valueName() + ")");
        }
      } else if (inline != null) {
        throw new UsageException(command, "option --" + option.name() + " takes no value");
      }
      List<String> list = parsed.values.computeIfAbsent(option.name(), k -> new ArrayList<>());
      if (!list.isEmpty() && !option.repeatable()) {
        throw new UsageException(command, "option --" + option.name() + " given more than once");
      }
      list.add(value);
    }
    return parsed;
  }

  private static Option find(List<Option> options, String name, boolean longForm) {
    for (Option option : options) {
      if (longForm ? option.name().equals(name) : name.equals(option.shortName())) {
        return option;
      }
    }
    return null;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String get(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.get(0);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  List<String> positionals() {
    return positionals;
  }
}
