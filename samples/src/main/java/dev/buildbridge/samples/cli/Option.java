package dev.buildbridge.samples.cli;

/**
 * One command-line option of a command.
 *
 * @param name the long name without dashes, such as {@code secret}
 * @param shortName a one-letter alias without the dash, or {@code null}
 * @param valueName the placeholder of its value in help, or {@code null} for a flag
 * @param repeatable whether it may be given more than once
 * @param help one line of help
 */
record Option(String name, String shortName, String valueName, boolean repeatable, String help) {

  static Option value(String name, String valueName, String help) {
    return new Option(name, null, valueName, false, help);
  }

  static Option flag(String name, String help) {
    return new Option(name, null, null, false, help);
  }

  boolean takesValue() {
    return valueName != null;
  }

  String usage() {
    String head = (shortName != null ? "-" + shortName + ", " : "") + "--" + name;
    return takesValue() ? head + " " + valueName : head;
  }
}
