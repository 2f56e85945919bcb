package dev.buildbridge.samples.cli;

import java.util.List;

/** One {@code buildbridge} subcommand, such as {@code verify tux}. */
interface Command {

  /** The words that select it, such as {@code "verify tux"}. */
  String name();

  /** One line saying what it does. */
  String summary();

  /** Its options; {@code --help} is added by the dispatcher. */
  List<Option> options();

  /** Whether it takes positional arguments; when not, any is a usage error. */
  default boolean acceptsArguments() {
    return false;
  }

  /** Extra help text after the option list, or an empty string. */
  default String details() {
    return "";
  }

  /**
   * Runs the command.
   *
   * @return the exit code: 0 success/valid, 1 verification failed or rejected
   * @throws UsageException a usage error or malformed input (exit 2)
   */
  int run(ParsedArgs args, Console console) throws UsageException;
}
