package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlPrinter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code buildbridge kdl canonical}: parses KDL with sdk-workflow's parser and prints the official
 * test suites' canonical form, one file or (with {@code --batch}) a whole directory in one process.
 */
final class KdlCommand implements Command {
  private static final Option VERSION = Option.value("kdl-version", "1|2|auto",
      "the KDL version to read (default auto: 2, then 1; a /- kdl-version marker decides)");
  private static final Option BATCH = Option.flag("batch",
      "arguments are DIR_IN DIR_OUT: write one canonical file per input, NAME.err on failure");

  @Override
  public String name() {
    return "kdl canonical";
  }

  @Override
  public String summary() {
    return "print a KDL document in the test suites' canonical form";
  }

  @Override
  public List<Option> options() {
    return List.of(VERSION, BATCH);
  }

  @Override
  public boolean acceptsArguments() {
    return true;
  }

  @Override
  public String details() {
    return "Reads FILE (or stdin when absent or -) and prints the canonical form in the version it\n"
        + "was read as. A parse error exits 2 with FILE:LINE:COL: message on stderr.\n"
        + "With --batch DIR_IN DIR_OUT, every regular file of DIR_IN is parsed; DIR_OUT/NAME gets\n"
        + "its canonical form, or DIR_OUT/NAME.err the error line; stdout gets\n"
        + "{\"parsed\":N,\"failed\":M} and the exit code is 0 once every file was processed.";
  }

  @Override
  public int run(ParsedArgs args, Console console) throws UsageException {
    KdlParser parser = parser(args.get(VERSION.name()));
    List<String> positionals = args.positionals();
    if (args.has(BATCH.name())) {
      if (positionals.size() != 2) {
        throw new UsageException(name(), "--batch takes two arguments, DIR_IN DIR_OUT");
      }
      return batch(parser, Path.of(positionals.get(0)), Path.of(positionals.get(1)), console);
    }
    if (positionals.size() > 1) {
      throw new UsageException(name(), "one FILE at most, got " + positionals.size());
    }
    String file = positionals.isEmpty() ? "-" : positionals.get(0);
    byte[] source = console.readBody(name(), file);
    String fileName = file.equals("-") ? "<stdin>" : file;
    try {
      KdlDocument document = parser.parse(fileName, source);
      console.out().print(KdlPrinter.canonical(document.version()).print(document));
      console.out().flush();
      return Main.OK;
    } catch (KdlParseException e) {
      console.err().println(e.getMessage());
      return Main.USAGE;
    }
  }

  private KdlParser parser(String version) throws UsageException {
    if (version == null || version.equals("auto")) {
      return KdlParser.auto();
    }
    if (version.equals("1")) {
      return KdlParser.v1();
    }
    if (version.equals("2")) {
      return KdlParser.v2();
    }
    throw new UsageException(name(), "--kdl-version expects 1, 2 or auto, got " + version);
  }

  private int batch(KdlParser parser, Path in, Path out, Console console) throws UsageException {
    if (!Files.isDirectory(in)) {
      throw new UsageException(name(), in + " is not a directory");
    }
    List<Path> inputs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(in)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          inputs.add(entry);
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UsageException(name(), "cannot list " + in + " or create " + out + ": "
          + Console.describe(e), e);
    }
    inputs.sort(null);
    int parsed = 0;
    int failed = 0;
    for (Path input : inputs) {
      String fileName = input.getFileName().toString();
      byte[] source = console.readFile(name(), input.toString());
      String text;
      Path target;
      Path stale;
      try {
        KdlDocument document = parser.parse(input.toString(), source);
        text = KdlPrinter.canonical(document.version()).print(document);
        target = out.resolve(fileName);
        stale = out.resolve(fileName + ".err");
        parsed++;
      } catch (KdlParseException e) {
        text = e.getMessage() + '\n';
        target = out.resolve(fileName + ".err");
        stale = out.resolve(fileName);
        failed++;
      }
      try {
        Files.write(target, text.getBytes(UTF_8));
        Files.deleteIfExists(stale);   // left by an earlier run with another outcome
      } catch (IOException e) {
        throw new UsageException(name(), "cannot write " + target + ": " + Console.describe(e), e);
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("parsed", parsed);
    summary.put("failed", failed);
    console.printJson(summary);
    return Main.OK;
  }
}
