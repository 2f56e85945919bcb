package dev.buildbridge.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The loop every {@code --batch FILE} command shares: read FILE (or stdin for {@code -}) one bounded
 * line at a time, print one JSON result per line, in order, and exit 0 once every line was
 * processed. A line over the bound gets the command's "unreadable" result and the next line goes on.
 */
final class BatchInput {
  /** A line may carry a 25 MiB body in base64 plus its headers. */
  static final int MAX_LINE_BYTES = 36 << 20;

  /** Turns one input line into the JSON value printed for it. */
  @FunctionalInterface
  interface LineHandler {
    Object handle(int number, byte[] line);
  }

  /** Makes the result printed for a line that cannot be read. */
  @FunctionalInterface
  interface Unreadable {
    Object of(int number, String why);
  }

  private BatchInput() {}

  static int run(Console console, String command, String file, LineHandler handler,
      Unreadable unreadable) throws UsageException {
    if (file.equals("-")) {
      return process(console, command, console.in(), handler, unreadable);
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return process(console, command, in, handler, unreadable);
    } catch (IOException e) {
      throw new UsageException(command, "cannot read " + file + ": " + Console.describe(e), e);
    }
  }

  private static int process(Console console, String command, InputStream in,
      LineHandler handler, Unreadable unreadable) throws UsageException {
    LineReader reader = new LineReader(in, MAX_LINE_BYTES);
    int number = 0;
    try {
      for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        number++;
        console.printJson(line.tooLong()
            ? unreadable.of(number, "line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB")
            : handler.handle(number, line.bytes()));
      }
    } catch (IOException e) {
      throw new UsageException(command, "cannot read batch input after line " + number + ": "
          + Console.describe(e), e);
    }
    return Main.OK;
  }
}
