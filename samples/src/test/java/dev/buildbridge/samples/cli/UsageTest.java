package dev.buildbridge.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsageTest {

  /** Every registered command, in the order Main.standard() registers them. */
  static List<Command> registered() {
    return Main.standard().commands();
  }

  static Stream<String> commandNames() {
    return registered().stream().map(Command::name);
  }

  private static String[] words(String name, String... more) {
    List<String> args = new ArrayList<>(List.of(name.split(" ")));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  // ---- overview ---------------------------------------------------------------------------------

  @Test
  void noArgumentsPrintsOverviewOnStdoutAndExitsTwo() {
    Cli.Result r = Cli.exec();
    assertEquals(Main.USAGE, r.exit());
    assertTrue(r.out().startsWith("usage: buildbridge <command> [options]\n"), r.out());
    commandNames().forEach(name -> assertTrue(r.out().contains("  " + name + " "), name));
  }

  @Test
  void noArgumentsAlsoExplainsTheUsageErrorOnStderr() {
    Cli.Result r = Cli.exec();
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("buildbridge: "), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void helpPrintsOverviewAndExitsZero(String help) {
    Cli.Result r = Cli.exec(help);
    assertEquals(Main.OK, r.exit());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("usage: buildbridge <command> [options]\n"), r.out());
    commandNames().forEach(name -> assertTrue(r.out().contains("  " + name + " "), name));
  }

  @Test
  void overviewListsExactlyTheRegisteredCommands() {
    String out = Cli.exec("--help").out();
    List<String> listed = new ArrayList<>();
    boolean inCommands = false;
    for (String line : out.split("\n")) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.isEmpty()) {
        break;
      } else if (inCommands) {
        // the name column is padded to 18 characters after a two-space indent
        listed.add(line.substring(2, Math.min(line.length(), 20)).strip());
      }
    }
    assertEquals(commandNames().toList(), listed);
  }

  @Test
  void verifyHelpListsOnlyVerifySubcommands() {
    Cli.Result r = Cli.exec("verify", "--help");
    assertEquals(Main.OK, r.exit());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("usage: buildbridge verify <command> [options]"), r.out());
    for (String name : List.of("verify github", "verify gitea", "verify tux", "verify standard")) {
      assertTrue(r.out().contains("  " + name + " "), name);
    }
    assertFalse(r.out().contains("sign github"), r.out());
    assertFalse(r.out().contains("demo"), r.out());
  }

  @Test
  void signHelpListsOnlySignSubcommands() {
    Cli.Result r = Cli.exec("sign", "-h");
    assertEquals(Main.OK, r.exit());
    for (String name : List.of("sign github", "sign gitea", "sign tux", "sign standard")) {
      assertTrue(r.out().contains("  " + name + " "), name);
    }
    assertFalse(r.out().contains("verify"), r.out());
  }

  @Test
  void bareGroupPrintsGroupOverviewAndExitsTwo() {
    Cli.Result r = Cli.exec("verify");
    assertEquals(Main.USAGE, r.exit());
    assertTrue(r.out().startsWith("usage: buildbridge verify <command> [options]"), r.out());
  }

  // ---- unknown commands -------------------------------------------------------------------------

  @Test
  void unknownSubcommandOfKnownGroupIsOneStderrLine() {
    String line = Cli.exec("verify", "nope").assertUsageError("buildbridge: verify nope: ");
    assertEquals("buildbridge: verify nope: unknown command (see buildbridge --help)", line);
  }

  @Test
  void unknownTopLevelCommandIsOneStderrLine() {
    String line = Cli.exec("frobnicate", "--secret", "s").assertUsageError("buildbridge: ");
    assertEquals("buildbridge: frobnicate: unknown command (see buildbridge --help)", line);
  }

  @Test
  void commandNamesAreCaseSensitive() {
    Cli.exec("Verify", "github").assertUsageError("buildbridge: Verify: unknown command");
  }

  // ---- options ----------------------------------------------------------------------------------

  @Test
  void unknownOptionIsUsageErrorNamingIt() {
    String line = Cli.run("x", "sign", "github", "--secret", "s", "--nope")
        .assertUsageError("buildbridge: sign github: ");
    assertEquals("buildbridge: sign github: unknown option --nope"
        + " (see buildbridge sign github --help)", line);
  }

  @Test
  void unknownShortOptionIsUsageError() {
    Cli.run("x", "sign", "github", "--secret", "s", "-q")
        .assertUsageError("buildbridge: sign github: unknown option -q");
  }

  @Test
  void optionMissingItsValueIsUsageError() {
    String line = Cli.run("x", "sign", "github", "--secret")
        .assertUsageError("buildbridge: sign github: ");
    assertEquals("buildbridge: sign github: option --secret needs a value (S)", line);
  }

  @Test
  void optionGivenTwiceIsUsageError() {
    String line = Cli.run("x", "sign", "github", "--secret", "a", "--secret", "b")
        .assertUsageError("buildbridge: sign github: ");
    assertEquals("buildbridge: sign github: option --secret given more than once", line);
  }

  @Test
  void flagGivenTwiceIsUsageError() {
    Cli.run("x", "sign", "github", "--secret", "a", "--json", "--json")
        .assertUsageError("buildbridge: sign github: option --json given more than once");
  }

  @Test
  void flagWithInlineValueIsUsageError() {
    Cli.run("x", "sign", "github", "--secret", "a", "--json=yes")
        .assertUsageError("buildbridge: sign github: option --json takes no value");
  }

  @Test
  void optionOfAnotherCommandIsUnknown() {
    Cli.run("x", "sign", "gitea", "--secret", "a", "--signature-256", "sha256=00")
        .assertUsageError("buildbridge: sign gitea: unknown option --signature-256");
  }

  @Test
  void optionValueMayStartWithDash() {
    Cli.Result r = Cli.run("x", "sign", "github", "--secret", "-s3cret-");
    assertEquals(Main.OK, r.exit(), r.err());
    assertTrue(r.outLine().startsWith("sha256="), r.out());
  }

  // ---- help on every command --------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("commandNames")
  void everyCommandHasHelpOnStdoutExitingZero(String name) {
    Cli.Result r = Cli.exec(words(name, "--help"));
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("usage: buildbridge " + name + " [options]\n"), r.out());
    assertTrue(r.out().contains("--help"), r.out());
  }

  @ParameterizedTest
  @MethodSource("commandNames")
  void everyCommandHelpListsEachOfItsOptions(String name) {
    Command command = registered().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow();
    String out = Cli.exec(words(name, "-h")).out();
    assertTrue(out.contains(command.summary()), out);
    for (Option option : command.options()) {
      assertTrue(out.contains(option.usage()) && out.contains(option.help()), option::name);
    }
  }

  @ParameterizedTest
  @MethodSource("commandNames")
  void helpWinsOverOtherwiseInvalidArguments(String name) {
    Cli.Result r = Cli.exec(words(name, "--no-such-option", "--help"));
    assertEquals(Main.OK, r.exit(), r.err());
    assertTrue(r.out().startsWith("usage: buildbridge " + name + " [options]\n"), r.out());
  }

  @ParameterizedTest
  @MethodSource("commandNames")
  void everyCommandReportsUnknownOptionAsOneStderrLine(String name) {
    Cli.exec(words(name, "--no-such-option"))
        .assertUsageError("buildbridge: " + name + ": unknown option --no-such-option");
  }

  @Test
  void registeredCommandNamesAreUnique() {
    List<String> names = commandNames().toList();
    assertEquals(names.size(), names.stream().distinct().count(), names::toString);
  }
}
