package dev.buildbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark inputs, made the same way for the JMH benchmarks and (through {@link #main}) for
 * the Node and Python peers, so that every side measures the same bytes. Everything but the
 * TuxSuite key pair is deterministic: the samples come from {@code ../shared} and the large
 * documents are generated from a fixed recipe.
 *
 * <p>{@code ../shared} is found from the system property {@code buildbridge.shared}, else as a
 * sibling {@code shared} directory of the working directory or one of its parents.
 */
public final class BenchInputs {
  /** The GitHub webhook secret of every GitHub delivery here (the one GitHub's docs use). */
  public static final String GITHUB_SECRET = "It's a Secret to Everybody";

  /** Size the generated push and workflow documents reach (at least): 1 MiB. */
  public static final int ONE_MIB = 1 << 20;

  /** Results in the generated TuxSuite test callback. */
  public static final int KCIDB_RESULTS = 5_000;

  /**
   * KDL 2 suite inputs left out of the concatenation although the SDK parses them: kdljs 0.3.0
   * rejects the first four, and a byte order mark is only allowed at the start of a document.
   */
  static final Set<String> KDL_LEFT_OUT = Set.of(
      "braces_in_bare_id.kdl",
      "zero_space_before_slashdash_arg.kdl",
      "zero_space_before_slashdash_children.kdl",
      "zero_space_before_slashdash_prop.kdl",
      "bom_initial.kdl");

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchInputs() {}

  /**
   * Writes every input for the peers into a directory: {@code push-octokit.json},
   * {@code push-octokit-new-branch.json}, {@code push-1mib.json} with their {@code .sig}
   * ({@code X-Hub-Signature-256} values),
   * {@code tux-build.json} with {@code tux-build.sig} and {@code tux.pub} (a fresh P-256 key),
   * {@code kdl-suite.kdl}, {@code kdl-workflow-1mib.kdl}, {@code tux-test-5000.json} and
   * {@code github-secret.txt}.
   *
   * @param args the output directory
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchInputs OUTPUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    WebhookHmac hmac = WebhookHmac.github(GITHUB_SECRET);
    byte[] sample = octokitPush();
    byte[] big = push1MiB();
    Files.write(out.resolve("push-octokit.json"), sample);
    Files.writeString(out.resolve("push-octokit.sig"), hmac.sign(sample));
    byte[] newBranch = octokitNewBranchPush();
    Files.write(out.resolve("push-octokit-new-branch.json"), newBranch);
    Files.writeString(out.resolve("push-octokit-new-branch.sig"), hmac.sign(newBranch));
    Files.write(out.resolve("push-1mib.json"), big);
    Files.writeString(out.resolve("push-1mib.sig"), hmac.sign(big));
    Files.writeString(out.resolve("github-secret.txt"), GITHUB_SECRET);

    TuxKeys tux = TuxKeys.generate();
    byte[] build = tuxBuildCallback();
    Files.write(out.resolve("tux-build.json"), build);
    Files.writeString(out.resolve("tux-build.sig"), tux.signer().sign(build));
    Files.writeString(out.resolve("tux.pub"), tux.publicKeyLine());

    Files.write(out.resolve("kdl-suite.kdl"), kdlSuite());
    Files.write(out.resolve("kdl-workflow-1mib.kdl"), kdlWorkflow1MiB());
    Files.write(out.resolve("tux-test-5000.json"), tuxTestCallback(KCIDB_RESULTS));
    System.out.println("inputs written to " + out.toAbsolutePath());
  }

  // ---- shared data ----------------------------------------------------------------------------

  /**
   * Returns the {@code shared} directory.
   *
   * @return the directory
   * @throws IllegalStateException when it cannot be found
   */
  public static Path shared() {
    String configured = System.getProperty("buildbridge.shared");
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
      throw new IllegalStateException("-Dbuildbridge.shared=" + configured + " is not a directory");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no ../shared found from " + Path.of("").toAbsolutePath()
        + "; pass -Dbuildbridge.shared=DIR");
  }

  private static byte[] read(String relative) {
    try {
      return Files.readAllBytes(shared().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- GitHub ---------------------------------------------------------------------------------

  /**
   * Returns octokit's {@code push/payload.json} sample as stored (7,324 bytes, pretty-printed).
   *
   * @return the body
   */
  public static byte[] octokitPush() {
    return read("fixtures/github/push/payload.json");
  }

  /**
   * Returns octokit's {@code push/with-new-branch.payload.json} sample as stored: a push that
   * creates a branch, so unlike {@link #octokitPush()} (a tag deletion) it yields a job.
   *
   * @return the body
   */
  public static byte[] octokitNewBranchPush() {
    return read("fixtures/github/push/with-new-branch.payload.json");
  }

  /**
   * Returns a push to {@code refs/heads/main} of the octokit sample's shape carrying as many
   * commits (long messages, file lists, some non-ASCII names) as make it at least 1 MiB of compact
   * JSON, as GitHub sends it.
   *
   * @return the body
   */
  public static byte[] push1MiB() {
    try {
      ObjectNode push = (ObjectNode) JSON.readTree(octokitPush());
      push.put("ref", "refs/heads/main");
      push.put("created", false);
      push.put("deleted", false);
      push.put("before", sha(0));
      ArrayNode commits = push.putArray("commits");
      ObjectNode last = null;
      int size = JSON.writeValueAsBytes(push).length;
      for (int i = 1; size < ONE_MIB; i++) {
        last = commit(i);
        commits.add(last);
        size += JSON.writeValueAsBytes(last).length + 1;
      }
      push.put("after", last.get("id").textValue());
      push.set("head_commit", last.deepCopy());
      push.put("compare", "https://github.com/Codertocat/Hello-World/compare/"
          + sha(0).substring(0, 12) + "..." + last.get("id").textValue().substring(0, 12));
      return JSON.writeValueAsBytes(push);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode commit(int i) {
    ObjectNode c = JSON.createObjectNode();
    String id = sha(i);
    c.put("id", id);
    c.put("tree_id", sha(i + 1_000_000));
    c.put("distinct", true);
    StringBuilder message = new StringBuilder("subsystem: fix handling of case ").append(i)
        .append("\n\n");
    for (int line = 0; line < 12; line++) {
      message.append("Line ").append(line).append(" of the body explains why the change to")
          .append(" subsystem ").append(i % 37)
          .append(" is needed, with \"quotes\" and a tab\t.\n");
    }
    message.append("\nSigned-off-by: Zoë Ångström <zoe@example.org>\n");
    c.put("message", message.toString());
    c.put("timestamp", String.format(Locale.ROOT, "2026-11-%02dT%02d:%02d:%02d+01:00",
        1 + i % 28, i % 24, i % 60, (i * 7) % 60));
    c.put("url", "https://github.com/Codertocat/Hello-World/commit/" + id);
    ObjectNode author = c.putObject("author");
    author.put("name", i % 3 == 0 ? "José Müller" : "Codertocat");
    author.put("email", "dev" + (i % 50) + "@example.org");
    author.put("username", "dev" + (i % 50));
    c.set("committer", author.deepCopy());
    ArrayNode added = c.putArray("added");
    ArrayNode removed = c.putArray("removed");
    ArrayNode modified = c.putArray("modified");
    for (int f = 0; f < 8; f++) {
      modified.add("drivers/subsystem" + (i % 37) + "/component_" + f + "/source_file_" + i + ".c");
    }
    added.add("Documentation/subsystem" + (i % 37) + "/notes-" + i + ".rst");
    if (i % 5 == 0) {
      removed.add("drivers/obsolete/legacy_" + i + ".c");
    }
    return c;
  }

  /** A 40-hex-digit commit id derived from {@code n}. */
  private static String sha(long n) {
    StringBuilder b = new StringBuilder(40);
    long x = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    while (b.length() < 40) {
      x ^= x >>> 29;
      x *= 0xBF58476D1CE4E5B9L;
      x ^= x >>> 32;
      b.append(String.format(Locale.ROOT, "%016x", x));
    }
    return b.substring(0, 40);
  }

  // ---- TuxSuite -------------------------------------------------------------------------------

  /**
   * Returns TuxSuite's build callback sample as stored.
   *
   * @return the body
   */
  public static byte[] tuxBuildCallback() {
    return read("fixtures/tuxsuite/build-callback.json");
  }

  /**
   * Returns TuxSuite's test callback sample with its {@code results} replaced by {@code count}
   * LTP-style results (mostly {@code pass}, some {@code fail} and {@code skip}) and {@code tests}
   * listing their suites.
   *
   * @param count how many results
   * @return the body, compact JSON
   */
  public static byte[] tuxTestCallback(int count) {
    try {
      ObjectNode callback =
          (ObjectNode) JSON.readTree(read("fixtures/tuxsuite/test-callback.json"));
      ObjectNode status = (ObjectNode) callback.get("status");
      String[] suites = {"ltp-syscalls", "ltp-mm", "ltp-fs", "ltp-sched", "kselftest-net"};
      ArrayNode tests = status.putArray("tests");
      tests.add("boot");
      for (String suite : suites) {
        tests.add(suite);
      }
      ObjectNode results = status.putObject("results");
      results.put("boot", "pass");
      for (int i = 1; i < count; i++) {
        String suite = suites[i % suites.length];
        String result = i % 97 == 0 ? "fail" : i % 31 == 0 ? "skip" : "pass";
        results.put(suite + ".case_" + String.format(Locale.ROOT, "%05d", i), result);
      }
      status.put("result", "fail");
      return JSON.writeValueAsBytes(callback);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh P-256 key pair with its signer and OpenSSH public key line. */
  public record TuxKeys(TuxSuiteCallbackSigner signer, String publicKeyLine) {
    /**
     * Generates a key pair.
     *
     * @return the keys
     */
    public static TuxKeys generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        return new TuxKeys(TuxSuiteCallbackSigner.of(pair.getPrivate()),
            OpenSshPublicKey.from(pair.getPublic(), "benchmark").toOpenSshLine());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no P-256 key pair generator", e);
      }
    }
  }

  // ---- KDL ------------------------------------------------------------------------------------

  /**
   * Returns the KDL 2 suite's valid inputs ({@code conformance/kdl/v2/input}, names not ending in
   * {@code _fail}, in name order, less {@link #KDL_LEFT_OUT}) joined by newlines into one
   * document, which is checked to parse.
   *
   * @return the document, UTF-8
   */
  public static byte[] kdlSuite() {
    Path dir = shared().resolve("conformance/kdl/v2/input");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(dir)) {
      listing.filter(p -> p.getFileName().toString().endsWith(".kdl"))
          .filter(p -> !p.getFileName().toString().endsWith("_fail.kdl"))
          .filter(p -> !KDL_LEFT_OUT.contains(p.getFileName().toString()))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        KdlParser.v2().parse(file.getFileName().toString(), text);
        all.append(text).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
    try {
      KdlParser.v2().parse("kdl-suite.kdl", bytes);
    } catch (KdlParseException e) {
      throw new IllegalStateException("the concatenated suite does not parse: " + e.report(), e);
    }
    return bytes;
  }

  /**
   * Returns a Solstice-style {@code workflow.kdl} of at least 1 MiB: one {@code workflow} node
   * with jobs that have properties, {@code needs}, {@code env} children, setup and steps with
   * shell commands, comments, raw strings, numbers and keywords.
   *
   * @return the document, UTF-8
   */
  public static byte[] kdlWorkflow1MiB() {
    StringBuilder b = new StringBuilder(ONE_MIB + 4096);
    b.append("// Solstice CI workflow, generated for the KDL benchmark\n");
    b.append("workflow name=\"Kernel CI matrix\" version=2 {\n");
    String[] runners = {"ubuntu-22.04", "illumos-latest", "fedora-40", "debian-12-arm64"};
    for (int job = 0; b.length() < ONE_MIB; job++) {
      b.append("    // job ").append(job).append(": build and test one configuration\n");
      b.append("    job id=\"build-").append(job).append("\" runs_on=\"")
          .append(runners[job % runners.length]).append("\" timeout=").append(1800 + job % 7 * 60)
          .append(" allow_failure=").append(job % 9 == 0 ? "#true" : "#false").append(" {\n");
      if (job > 0) {
        b.append("        needs \"build-").append(job - 1).append("\"");
        if (job > 1) {
          b.append(" \"build-").append(job / 2).append("\"");
        }
        b.append('\n');
      }
      b.append("        env {\n");
      b.append("            ARCH \"").append(job % 2 == 0 ? "arm64" : "x86_64").append("\"\n");
      b.append("            JOBS ").append(2 + job % 6).append('\n');
      b.append("            LLVM #").append(job % 3 == 0 ? "true" : "false").append('\n');
      b.append("            CFLAGS \"-O2 -pipe -Wall -Werror=implicit-function-declaration\"\n");
      b.append("        }\n");
      b.append("        setup path=\".solstice/setup-").append(runners[job % runners.length])
          .append(".sh\"\n");
      b.append("        step name=\"Configure\" run=\"make ARCH=$ARCH defconfig")
          .append(" && ./scripts/config -e CONFIG_KUNIT -e CONFIG_DEBUG_INFO_DWARF5\"\n");
      b.append("        step name=\"Build\" run=\"make -j$JOBS ARCH=$ARCH LLVM=$LLVM all 2>&1")
          .append(" | tee build.log\"\n");
      b.append("        step name=\"Test\" run=#\"./tools/testing/kunit/kunit.py run")
          .append(" --arch=\"$ARCH\" --kunitconfig=lib/kunit\"#\n");
      b.append("        /- step name=\"Disabled\" run=\"true\"\n");
      b.append("        artifact path=\"build.log\" retention_days=").append(7 + job % 23)
          .append(" ratio=0.").append(25 + job % 50).append('\n');
      b.append("    }\n");
    }
    b.append("}\n");
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    try {
      KdlParser.v2().parse("workflow-1mib.kdl", bytes);
    } catch (KdlParseException e) {
      throw new IllegalStateException("the generated workflow does not parse: " + e.report(), e);
    }
    return bytes;
  }

  /**
   * Checks a JSON body parses (used by the benchmarks' setup).
   *
   * @param body the body
   * @return its tree
   */
  static JsonNode tree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
