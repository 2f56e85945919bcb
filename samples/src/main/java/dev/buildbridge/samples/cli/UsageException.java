package dev.buildbridge.samples.cli;

/** A usage error or malformed input: the command exits with 2 and one line on stderr. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String what;

  UsageException(String what, String why) {
    super(why);
    this.what = what;
  }

  UsageException(String what, String why, Throwable cause) {
    super(why, cause);
    this.what = what;
  }

  /** The subject of the error: a command, an option or an input. */
  String what() {
    return what;
  }
}
