package dev.buildbridge.samples.cli;

/** Reads a secret from {@code --secret S} or, kept out of the process list, {@code --secret-env VAR}. */
final class Secrets {
  static final Option SECRET = Option.value("secret", "S", "the shared webhook secret");
  static final Option SECRET_ENV = Option.value("secret-env", "VAR",
      "read the secret from environment variable VAR instead (keeps it out of ps)");

  private Secrets() {}

  static String require(String command, ParsedArgs args) throws UsageException {
    String direct = args.get(SECRET.name());
    String env = args.get(SECRET_ENV.name());
    if (direct != null && env != null) {
      throw new UsageException(command, "give either --secret or --secret-env, not both");
    }
    if (env != null) {
      return fromEnvironment(command, env);
    }
    if (direct == null || direct.isEmpty()) {
      throw new UsageException(command, "a secret is required (--secret S or --secret-env VAR)");
    }
    return direct;
  }

  /** Reads a secret or token from an environment variable named on the command line. */
  static String fromEnvironment(String command, String variable) throws UsageException {
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new UsageException(command, "environment variable " + variable
          + " is not set or empty");
    }
    return value;
  }
}
