package dev.buildbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the results table (Markdown) from one run of {@code run.sh}: JMH's JSON, the Node and
 * Python peers' JSON and the run's facts, all in one results directory.
 *
 * <p>Throughput is compared per CPU-second: each side's operations divided by the CPU time its
 * whole process used meanwhile (JVM with JIT and GC threads, Node with V8's helper threads,
 * Python), which is the per-core throughput and stays meaningful when other work shares the
 * machine. Wall-clock throughput is printed beside it. Every figure is the median over the
 * measured iterations (JMH: all forks) or rounds (Node, Python).
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PKG = "dev.buildbridge.benchmarks.";

  private final Map<String, Stats> jmh = new LinkedHashMap<>();
  private final Map<String, Stats> jmhAlt = new LinkedHashMap<>();
  private final Map<String, Stats> peers = new LinkedHashMap<>();
  private final Properties meta = new Properties();
  private final Path inputs;
  private final PrintStream target;
  private PrintStream out;

  /** Medians of one measured operation. */
  record Stats(double wall, double perCpu, double min, double max, double allocPerOp) {}

  private Report(Path results, Path inputs, PrintStream out) throws IOException {
    this.inputs = inputs;
    this.target = out;
    this.out = out;
    try (Reader in = Files.newBufferedReader(results.resolve("meta.properties"))) {
      meta.load(in);
    }
    readJmh(results.resolve("jmh.json"), jmh);
    if (Files.exists(results.resolve("jmh-alt.json"))) {
      readJmh(results.resolve("jmh-alt.json"), jmhAlt);
    }
    readPeers(results.resolve("node-github.json"));
    readPeers(results.resolve("node-kdl.json"));
    readPeers(results.resolve("python-tuxsuite.json"));
  }

  /**
   * Prints the table.
   *
   * @param args the results directory and the inputs directory
   * @throws IOException when a result file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Report RESULTS_DIR INPUTS_DIR");
      System.exit(2);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    new Report(Path.of(args[0]), Path.of(args[1]), out).print();
  }

  // ---- reading --------------------------------------------------------------------------------

  private static void readJmh(Path file, Map<String, Stats> into) throws IOException {
    for (JsonNode run : JSON.readTree(file.toFile())) {
      String name = run.get("benchmark").asText().replace(PKG, "");
      JsonNode params = run.path("params");
      if (params.size() > 0) {
        name += "[" + params.elements().next().asText() + "]";
      }
      List<Double> wall = flatten(run.path("primaryMetric").path("rawData"));
      JsonNode secondary = run.path("secondaryMetrics");
      List<Double> cpu = flatten(secondary.path("cpuNanos").path("rawData"));
      List<Double> perCpu = new ArrayList<>();
      for (int i = 0; i < wall.size() && i < cpu.size(); i++) {
        perCpu.add(wall.get(i) / (cpu.get(i) / 1e9));
      }
      double alloc = secondary.path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
      into.put(name, new Stats(median(wall), median(perCpu), Collections.min(perCpu),
          Collections.max(perCpu), alloc));
    }
  }

  private void readPeers(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    JsonNode root = JSON.readTree(file.toFile());
    root.properties().forEach(e -> {
      if (!e.getKey().equals("results")) {
        meta.setProperty("peer." + e.getKey(), e.getValue().asText());
      }
    });
    for (JsonNode r : root.path("results")) {
      String name = r.path("name").asText()
          + (r.hasNonNull("param") ? "[" + r.get("param").asText() + "]" : "");
      List<Double> perCpu = new ArrayList<>();
      for (JsonNode round : r.path("rounds")) {
        perCpu.add(round.path("cpu").asDouble());
      }
      peers.put(name, new Stats(r.path("opsPerSec").asDouble(), r.path("opsPerCpuSec").asDouble(),
          Collections.min(perCpu), Collections.max(perCpu), Double.NaN));
    }
  }

  private static List<Double> flatten(JsonNode rawData) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : rawData) {
      for (JsonNode value : fork) {
        values.add(value.asDouble());
      }
    }
    return values;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private long size(String file) {
    try {
      return Files.size(inputs.resolve(file));
    } catch (IOException e) {
      return -1;
    }
  }

  private Stats jmh(String name) {
    Stats stats = jmh.get(name);
    if (stats == null) {
      throw new IllegalStateException("no JMH result for " + name + "; have " + jmh.keySet());
    }
    return stats;
  }

  private Stats peer(String name) {
    Stats stats = peers.get(name);
    if (stats == null) {
      throw new IllegalStateException("no peer result for " + name + "; have " + peers.keySet());
    }
    return stats;
  }

  // ---- printing -------------------------------------------------------------------------------

  private void print() {
    out.println("Run " + meta.getProperty("date") + " on " + meta.getProperty("cpus") + " × "
        + meta.getProperty("cpu") + " (nproc " + meta.getProperty("nproc") + ", "
        + meta.getProperty("memory") + "); " + meta.getProperty("java") + "; Node "
        + meta.getProperty("peer.node") + "; Python " + meta.getProperty("peer.python")
        + " with cryptography " + meta.getProperty("peer.cryptography") + " ("
        + meta.getProperty("peer.openssl") + "); load average " + meta.getProperty("load.start")
        + " at the start, " + meta.getProperty("load.end") + " at the end.");
    out.println();
    out.println("JMH " + meta.getProperty("jmh") + "; Node and Python: "
        + meta.getProperty("peers") + ". Figures are medians; \"per CPU-s\" is operations per"
        + " CPU-second of the whole process (the per-core throughput, used for every ratio),"
        + " \"wall\" operations per second of wall-clock time.");
    out.println();
    section(this::github, "GitHub push");
    section(this::tuxsuite, "TuxSuite");
    section(this::kdl, "KDL");
    section(this::kcidb, "KCIDB");
  }

  /** Prints a section, or says it was not run (a run of some benchmarks only). */
  private void section(Runnable section, String name) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    try {
      section.run();
      target.print(buffer.toString(StandardCharsets.UTF_8));
    } catch (IllegalStateException e) {
      target.println("(" + name + ": not run: " + e.getMessage() + ")");
      target.println();
    } finally {
      out = target;
    }
  }

  private void github() {
    out.println("### 1. GitHub push: verify X-Hub-Signature-256, parse, map to a JobRequest");
    out.println();
    out.println("| payload | bytes | BuildBridge | hub4j github-api 1.330 + javax.crypto"
        + " | @octokit/webhooks-methods 6.0.0 + JSON.parse | vs hub4j | vs Node | goal ≥ 2× both"
        + " | floor: HMAC + Jackson check only |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---|---:|");
    String[][] payloads = {
        {"octokit", "push-octokit.json", "octokit `push/payload.json` (a tag deletion: no job)"},
        {"octokit-new-branch", "push-octokit-new-branch.json",
            "octokit `push/with-new-branch.payload.json` (one job)"},
        {"1mib", "push-1mib.json", "generated 1 MiB push (one job)"}};
    for (String[] p : payloads) {
      Stats sdk = jmh("GitHubPushBenchmark.buildbridge[" + p[0] + "]");
      Stats hub4j = jmh("GitHubPushBenchmark.hub4j[" + p[0] + "]");
      Stats node = peer("octokit[" + p[0] + "]");
      Stats floor = jmh("GitHubPushBenchmark.jacksonFloor[" + p[0] + "]");
      double vsHub4j = sdk.perCpu / hub4j.perCpu;
      double vsNode = sdk.perCpu / node.perCpu;
      out.println("| " + p[2] + " | " + count(size(p[1])) + " | " + ops(sdk) + " | " + ops(hub4j)
          + " | " + ops(node) + " | " + ratio(vsHub4j) + " | " + ratio(vsNode) + " | "
          + goal(Math.min(vsHub4j, vsNode) >= 2) + " | " + count(Math.round(floor.perCpu))
          + "/CPU-s: " + ratio(floor.perCpu / hub4j.perCpu) + ", "
          + ratio(floor.perCpu / node.perCpu) + " |");
    }
    out.println();
    Stats verify = jmh("HmacBenchmark.sdkVerify");
    Stats bare = jmh("HmacBenchmark.bareMac");
    double share = verify.perCpu / bare.perCpu;
    out.println("HMAC-SHA256 alone over the 1 MiB push: `WebhookHmac.verify` " + ops(verify)
        + ", a bare `javax.crypto.Mac` loop " + ops(bare) + ": **"
        + String.format(Locale.ROOT, "%.0f%%", 100 * share) + "** of the bare loop (goal ≥ 90%: "
        + goal(share >= 0.9) + ").");
    out.println();
  }

  private void tuxsuite() {
    out.println("### 2. TuxSuite callback verification (build sample, P-256, "
        + count(size("tux-build.json")) + " bytes)");
    out.println();
    Stats python = peer("python-docs");
    out.println("| verifier | verifications per CPU-s | wall | vs Python (docs code) |");
    out.println("|---|---:|---:|---:|");
    row("BuildBridge `TuxSuiteCallbackVerifier` (JDK SunEC)", jmh("TuxSuiteVerifyBenchmark.sdk"),
        python);
    row("JDK `SHA256withECDSA` alone, the floor of any SunEC verifier",
        jmh("TuxSuiteVerifyBenchmark.jcaFloor"), python);
    row("BouncyCastle lightweight ECDSA (`bcprov`, evidence only)",
        jmh("TuxSuiteVerifyBenchmark.bouncyCastle"), python);
    if (jmhAlt.containsKey("TuxSuiteVerifyBenchmark.sdk")) {
      String alt = meta.getProperty("alt.java", "another JDK");
      row("BuildBridge on " + alt + " (evidence only)", jmhAlt.get("TuxSuiteVerifyBenchmark.sdk"),
          python);
      row("BouncyCastle on " + alt + " (evidence only)",
          jmhAlt.get("TuxSuiteVerifyBenchmark.bouncyCastle"), python);
    }
    row("Python: TuxSuite docs' `verify` (loads the key each call)", python, python);
    row("Python: the same with the key loaded once", peer("python-cached-key"), python);
    double ratio = jmh("TuxSuiteVerifyBenchmark.sdk").perCpu / python.perCpu;
    out.println();
    out.println("Goal: at least the Python docs code's per-core throughput: " + ratio(ratio) + ", "
        + goal(ratio >= 1) + ".");
    out.println();
  }

  private void row(String name, Stats stats, Stats base) {
    out.println("| " + name + " | " + count(Math.round(stats.perCpu)) + " | "
        + count(Math.round(stats.wall)) + " | " + ratio(stats.perCpu / base.perCpu) + " |");
  }

  private void kdl() {
    out.println("### 3. KDL 2 parsing");
    out.println();
    out.println("| input | bytes | BuildBridge MB/s | kdljs 0.3.0 MB/s | ratio | goal ≥ 5× |");
    out.println("|---|---:|---:|---:|---:|---|");
    String[][] docs = {
        {"suite", "kdl-suite.kdl", "KDL 2 suite's valid inputs concatenated (all but "
            + BenchInputs.KDL_LEFT_OUT.size() + ")"},
        {"workflow-1mib", "kdl-workflow-1mib.kdl", "generated 1 MiB Solstice workflow"}};
    for (String[] d : docs) {
      long bytes = size(d[1]);
      Stats sdk = jmh("KdlParseBenchmark.sdkV2[" + d[0] + "]");
      Stats kdljs = peer("kdljs[" + d[0] + "]");
      double ratio = sdk.perCpu / kdljs.perCpu;
      out.println("| " + d[2] + " | " + count(bytes) + " | " + mbps(sdk, bytes) + " | "
          + mbps(kdljs, bytes) + " | " + ratio(ratio) + " | " + goal(ratio >= 5) + " |");
    }
    out.println();
  }

  private void kcidb() {
    int results = BenchInputs.KCIDB_RESULTS;
    out.println("### 4. KCIDB: TuxSuite test callback with " + count(results) + " results ("
        + count(size("tux-test-5000.json")) + " bytes)");
    out.println();
    out.println("| stage | callbacks per CPU-s | results per CPU-s | results/s wall"
        + " | allocated per result |");
    out.println("|---|---:|---:|---:|---:|");
    String[][] stages = {
        {"pipeline", "map + validate (strict) + serialize"},
        {"map", "parse and map (`TuxSuiteKcidbMapper.map`)"},
        {"validate", "validate the tree (`KcidbValidator.strict()`)"},
        {"serialize", "serialize (`KcidbDocument.toJson()`)"}};
    for (String[] s : stages) {
      Stats stats = jmh("KcidbBenchmark." + s[0]);
      out.println("| " + s[1] + " | " + String.format(Locale.ROOT, "%.1f", stats.perCpu) + " | "
          + count(Math.round(stats.perCpu * results)) + " | "
          + count(Math.round(stats.wall * results)) + " | "
          + (Double.isNaN(stats.allocPerOp) ? "n/a"
              : count(Math.round(stats.allocPerOp / results)) + " B") + " |");
    }
    out.println();
  }

  private static String ops(Stats stats) {
    return count(Math.round(stats.perCpu)) + "/CPU-s (wall " + count(Math.round(stats.wall))
        + "/s)";
  }

  private static String mbps(Stats stats, long bytes) {
    return String.format(Locale.ROOT, "%.2f (wall %.2f)", stats.perCpu * bytes / 1e6,
        stats.wall * bytes / 1e6);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String goal(boolean met) {
    return met ? "met" : "**missed**";
  }
}
