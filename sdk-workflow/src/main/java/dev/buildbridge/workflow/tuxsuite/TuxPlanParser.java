package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.internal.Texts;
import dev.buildbridge.workflow.internal.YamlChecks;
import dev.buildbridge.workflow.internal.YamlNode;
import dev.buildbridge.workflow.internal.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads TuxSuite plan files ({@code plan.yaml}) with Jackson's YAML data format and checks them:
 * every problem of a file is reported at once, each with its {@code file:line:column}. Immutable
 * and thread-safe. Needs no sdk-api: expanding and submitting do ({@link TuxPlanExpansion}).
 *
 * <pre>{@code
 * try {
 *     TuxPlanFile plan = TuxPlanParser.ofDefaults().parse("plan.yaml", text);
 * } catch (WorkflowException e) {
 *     e.problems().forEach(System.err::println);   // plan.yaml:7:5: unknown key "toolchian" ...
 * }
 * }</pre>
 *
 * <h2>Format</h2>
 *
 * <pre>
 * version: 1                                 # required; the only version
 * name: kernel validation                    # optional
 * description: builds, then boot and LTP     # optional
 * jobs:                                      # required, at least one
 * - name: arm64                              # optional; what --job-name selects
 *   builds:                                  # or build: {...}
 *   - {toolchain: gcc-13, target_arch: arm64, kconfig: defconfig}
 *   - {toolchain: clang-17, target_arch: arm64, kconfig: [defconfig, "CONFIG_KASAN=y"]}
 *   sanity_test: {device: qemu-arm64}        # optional; runs first on each build
 *   tests:                                   # or test: {...}; run on each build
 *   - {device: qemu-arm64, tests: [ltp-smoke]}
 *   - {device: qemu-arm64, tests: [ltp-syscalls], sharding: 4}
 * - tests:                                   # standalone tests: each needs kernel
 *   - {device: qemu-riscv64, kernel: "https://storage.tuxboot.com/riscv64/Image"}
 * </pre>
 *
 * <p>Build keys are listed on {@link TuxPlanBuild}, test keys on {@link TuxPlanTest}; a test
 * may add {@code sharding: N} (1 to 1000). Callback headers ({@code callback_headers} of a
 * build, {@code callback_header} of a test, as the {@code tuxsuite} client names them) are a
 * mapping of names to values or a list of {@code "Name: value"} lines. Errors: a {@code version} other than 1; a key the
 * format does not know (at the top, in a job, a build or a test; with a suggestion when one is
 * close); a job with none of {@code build}, {@code builds}, {@code test}, {@code tests} and
 * {@code sanity_test}, or with both {@code build} and {@code builds} (or {@code test} and
 * {@code tests}); OpenEmbedded {@code bake}/{@code bakes} jobs, which this reader does not
 * support; a build without {@code target_arch}, {@code toolchain} or {@code kconfig}, or with
 * both {@code git_ref} and {@code git_sha}; a test without {@code device}; a standalone test (or
 * sanity test) without {@code kernel}; a sharded sanity test; a value of the wrong type; an
 * empty list; a duplicate key. YAML features: anchors, aliases and merge keys ({@code <<})
 * work, within the limits of {@link Builder#maxAliases(int)}; input beyond
 * {@link Builder#maxBytes(int)} is {@link WorkflowException.Reason#TOO_LARGE}; YAML syntax
 * errors and the other limits are {@link WorkflowException.Reason#INVALID} with one problem.
 */
public final class TuxPlanParser {
  /** Default largest file: {@value} bytes (1 MiB). */
  public static final int DEFAULT_MAX_BYTES = YamlReader.DEFAULT_MAX_BYTES;
  /** Default deepest nesting of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = YamlReader.DEFAULT_MAX_DEPTH;
  /** Default most aliases of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_ALIASES = YamlReader.DEFAULT_MAX_ALIASES;
  /** Most nodes a file may expand to through aliases, each use counted: {@value}. */
  public static final long MAX_NODES = YamlReader.MAX_NODES;

  private static final TuxPlanParser DEFAULTS = new Builder().build();
  private static final List<String> TOP_KEYS = List.of("version", "name", "description", "jobs");
  private static final List<String> JOB_KEYS =
      List.of("name", "build", "builds", "test", "tests", "sanity_test");
  private static final List<String> BUILD_KEYS = List.copyOf(PlanFields.BUILD.keySet());
  private static final List<String> TEST_KEYS;

  static {
    List<String> keys = new ArrayList<>(PlanFields.TEST.keySet());
    keys.add("sharding");
    TEST_KEYS = List.copyOf(keys);
  }

  private final YamlReader reader;

  private TuxPlanParser(Builder b) {
    this.reader = new YamlReader(b.maxBytes, b.maxDepth, b.maxAliases);
  }

  /**
   * Returns the parser with the default limits.
   *
   * @return the default parser
   */
  public static TuxPlanParser ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the default limits: {@value #DEFAULT_MAX_BYTES} bytes,
   * {@value #DEFAULT_MAX_DEPTH} levels, {@value #DEFAULT_MAX_ALIASES}
   * aliases.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this parser's limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxBytes = reader.maxBytes();
    b.maxDepth = reader.maxDepth();
    b.maxAliases = reader.maxAliases();
    return b;
  }

  /**
   * Parses a plan file.
   *
   * @param file the file name used in locations, such as {@code plan.yaml}
   * @param text the file's text
   * @return the plan
   * @throws WorkflowException {@link WorkflowException.Reason#INVALID} with every problem,
   *     {@link WorkflowException.Reason#TOO_LARGE} above the size limit
   */
  public TuxPlanFile parse(String file, CharSequence text) {
    List<WorkflowProblem> errors = new ArrayList<>();
    return read(file, reader.read(file, text, errors), errors);
  }

  /**
   * Parses a plan file given as UTF-8 bytes.
   *
   * @param file the file name used in locations
   * @param utf8 the file's content
   * @return the plan
   * @throws WorkflowException as {@link #parse(String, CharSequence)}; also
   *     {@link WorkflowException.Reason#INVALID} when the bytes are not UTF-8
   */
  public TuxPlanFile parse(String file, byte[] utf8) {
    List<WorkflowProblem> errors = new ArrayList<>();
    return read(file, reader.read(file, utf8, errors), errors);
  }

  /**
   * Parses a plan file from disk; locations name it as {@code file.toString()}. A file above the
   * size limit is not read.
   *
   * @param file the file
   * @return the plan
   * @throws IOException when the file cannot be read
   * @throws WorkflowException as {@link #parse(String, byte[])}
   */
  public TuxPlanFile parse(Path file) throws IOException {
    return parse(file.toString(), readBounded(file, reader.maxBytes()));
  }

  /** Reads a file, failing with TOO_LARGE above the limit without reading all of it. */
  static byte[] readBounded(Path file, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new WorkflowException(WorkflowException.Reason.TOO_LARGE, file + " is over the"
            + " limit of " + maxBytes + " bytes", null);
      }
      return bytes;
    }
  }

  private static TuxPlanFile read(String file, YamlNode root, List<WorkflowProblem> errors) {
    YamlChecks checks = new YamlChecks(true, errors);
    if (root instanceof YamlNode.Scalar s && s.isNull() && s.text().isEmpty()) {
      checks.error(root.location(), "the file is empty; a plan file is a mapping with"
          + " \"version: 1\" and \"jobs\"");
      checks.throwIfInvalid();
    }
    YamlNode.Mapping top = checks.mapping(root, "a plan file");
    if (top == null) {
      checks.throwIfInvalid();
    }
    checks.unknownKeys(top, TOP_KEYS, "a plan file", true);
    YamlNode.Entry version = top.entry("version");
    if (version == null) {
      checks.error(top.location(), "a plan file needs \"version: " + TuxPlanFile.VERSION + "\"");
    } else if (!(version.value() instanceof YamlNode.Scalar s) || s.integer() == null
        || s.integer() != TuxPlanFile.VERSION) {
      checks.error(version.value().location(), "\"version\" must be " + TuxPlanFile.VERSION
          + ", the only version of the plan format, not " + version.value().describe());
    }
    String name = optionalText(checks, top.entry("name"));
    String description = optionalText(checks, top.entry("description"));
    List<TuxPlanJob> jobs = new ArrayList<>();
    YamlNode.Entry jobsEntry = top.entry("jobs");
    if (jobsEntry == null) {
      checks.error(top.location(), "a plan file needs \"jobs\", a list of jobs");
    } else {
      List<YamlNode> items = checks.list(jobsEntry, true);
      if (items != null) {
        for (YamlNode item : items) {
          TuxPlanJob job = job(checks, item);
          if (job != null) {
            jobs.add(job);
          }
        }
      }
    }
    checks.throwIfInvalid();
    return new TuxPlanFile(file, name, description, jobs);
  }

  private static String optionalText(YamlChecks checks, YamlNode.Entry entry) {
    return entry == null ? null : checks.text(entry);
  }

  private static TuxPlanJob job(YamlChecks checks, YamlNode node) {
    YamlNode.Mapping job = checks.mapping(node, "a job");
    if (job == null) {
      return null;
    }
    int before = checks.errorCount();
    for (YamlNode.Entry e : job.entries().values()) {
      if (e.key().equals("bake") || e.key().equals("bakes")) {
        checks.error(e.keyLocation(), "OpenEmbedded " + Texts.quote(e.key()) + " jobs are not"
            + " supported; jobs here hold build, builds, test, tests and sanity_test");
      } else if (!JOB_KEYS.contains(e.key())) {
        checks.unknownKey(e, JOB_KEYS, "a job", true);
      }
    }
    boolean any = false;
    for (String key : List.of("build", "builds", "test", "tests", "sanity_test")) {
      any |= job.entry(key) != null;
    }
    if (!any && job.entry("bake") == null && job.entry("bakes") == null) {
      checks.error(job.location(), "a job needs build, builds, test, tests or sanity_test");
    }
    both(checks, job, "build", "builds");
    both(checks, job, "test", "tests");
    String name = optionalText(checks, job.entry("name"));

    List<TuxPlanBuild> builds = new ArrayList<>();
    YamlNode.Entry build = job.entry("build");
    if (build != null) {
      add(builds, build(checks, build.value()));
    }
    YamlNode.Entry buildList = job.entry("builds");
    if (buildList != null) {
      List<YamlNode> items = checks.list(buildList, true);
      for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
        add(builds, build(checks, item));
      }
    }
    boolean standalone = build == null && buildList == null;
    List<TuxPlanTest> tests = new ArrayList<>();
    YamlNode.Entry test = job.entry("test");
    if (test != null) {
      add(tests, test(checks, test.value(), "a test", standalone, true));
    }
    YamlNode.Entry testList = job.entry("tests");
    if (testList != null) {
      List<YamlNode> items = checks.list(testList, true);
      for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
        add(tests, test(checks, item, "a test", standalone, true));
      }
    }
    YamlNode.Entry sanity = job.entry("sanity_test");
    TuxPlanTest sanityTest = sanity == null ? null
        : test(checks, sanity.value(), "a sanity test", standalone, false);
    if (checks.errorCount() > before) {
      return null;
    }
    return new TuxPlanJob(job.location(), name, builds, tests, sanityTest);
  }

  private static void both(YamlChecks checks, YamlNode.Mapping job, String one, String many) {
    if (job.entry(one) != null && job.entry(many) != null) {
      YamlNode.Entry later = job.entry(one).keyLocation().line() > job.entry(many).keyLocation()
          .line() ? job.entry(one) : job.entry(many);
      checks.error(later.keyLocation(), "a job takes " + one + " or " + many + ", not both");
    }
  }

  private static <T> void add(List<T> list, T item) {
    if (item != null) {
      list.add(item);
    }
  }

  private static TuxPlanBuild build(YamlChecks checks, YamlNode node) {
    YamlNode.Mapping build = checks.mapping(node, "a build");
    if (build == null) {
      return null;
    }
    int before = checks.errorCount();
    for (YamlNode.Entry e : build.entries().values()) {
      if (e.key().equals("kernel_patch_file") || e.key().equals("patch_series")) {
        checks.error(e.keyLocation(), Texts.quote(e.key()) + " is not supported in plan files"
            + " here; submit such a build with TuxBuildRequest.Builder.patchSeries");
      }
    }
    Map<String, Object> fields = fields(checks, build, PlanFields.BUILD, BUILD_KEYS, "a build",
        Set.of("kernel_patch_file", "patch_series"));
    for (String required : List.of("target_arch", "toolchain", "kconfig")) {
      if (build.entry(required) == null) {
        checks.error(build.location(), "a build needs " + required);
      }
    }
    YamlNode.Entry kconfig = build.entry("kconfig");
    if (kconfig != null && kconfig.value() instanceof YamlNode.Sequence s
        && s.items().isEmpty()) {
      checks.error(kconfig.value().location(), "\"kconfig\" must not be empty");
    }
    if (build.entry("git_ref") != null && build.entry("git_sha") != null) {
      checks.error(build.entry("git_sha").keyLocation(), "a build takes git_ref or git_sha, not"
          + " both");
    }
    if (checks.errorCount() > before) {
      return null;
    }
    return new TuxPlanBuild(build.location(), fields);
  }

  private static TuxPlanTest test(YamlChecks checks, YamlNode node, String what,
      boolean standalone, boolean shardable) {
    YamlNode.Mapping test = checks.mapping(node, what);
    if (test == null) {
      return null;
    }
    int before = checks.errorCount();
    Map<String, Object> fields = fields(checks, test, PlanFields.TEST, TEST_KEYS, what,
        Set.of("sharding"));
    if (test.entry("device") == null) {
      checks.error(test.location(), what + " needs device");
    }
    if (standalone && test.entry("kernel") == null) {
      checks.error(test.location(), what + " of a job without builds needs kernel, the image"
          + " to boot");
    }
    int sharding = 0;
    YamlNode.Entry shards = test.entry("sharding");
    if (shards != null) {
      if (!shardable) {
        checks.error(shards.keyLocation(), "a sanity test cannot be sharded");
      } else {
        Long n = checks.integer(shards, 1, PlanFields.MAX_SHARDS);
        sharding = n == null ? 0 : n.intValue();
      }
    }
    if (checks.errorCount() > before) {
      return null;
    }
    return new TuxPlanTest(test.location(), fields, sharding);
  }

  /**
   * Reads the fields of the schema; reports the other keys as unknown (listing {@code known})
   * but those in {@code handled}, which the caller reads or reports itself.
   */
  private static Map<String, Object> fields(YamlChecks checks, YamlNode.Mapping mapping,
      Map<String, PlanFields.Kind> schema, List<String> known, String what,
      Set<String> handled) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (YamlNode.Entry e : mapping.entries().values()) {
      PlanFields.Kind kind = schema.get(e.key());
      if (kind != null) {
        Object value = PlanFields.read(checks, e, kind);
        if (value != null) {
          fields.put(e.key(), value);
        }
      } else if (!handled.contains(e.key())) {
        checks.unknownKey(e, known, what, true);
      }
    }
    return fields;
  }

  /** Builds a {@link TuxPlanParser}; not thread-safe. */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAliases = DEFAULT_MAX_ALIASES;

    private Builder() {}

    /**
     * Sets the largest file read; a larger one fails with
     * {@link WorkflowException.Reason#TOO_LARGE}. Default:
     * {@value #DEFAULT_MAX_BYTES} (1 MiB).
     *
     * @param maxBytes the limit in bytes (characters for text), at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxBytes(int maxBytes) {
      this.maxBytes = YamlReader.checkMaxBytes(maxBytes);
      return this;
    }

    /**
     * Sets how deep lists and mappings may nest. Default:
     * {@value #DEFAULT_MAX_DEPTH}.
     *
     * @param maxDepth the limit, 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = YamlReader.checkMaxDepth(maxDepth);
      return this;
    }

    /**
     * Sets how many aliases of lists and mappings ({@code *name}, merge keys included) a file
     * may use. Whatever the limit, aliases may not expand a file past
     * {@value #MAX_NODES} nodes. Default: {@value #DEFAULT_MAX_ALIASES}.
     *
     * @param maxAliases the limit, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxAliases(int maxAliases) {
      this.maxAliases = YamlReader.checkMaxAliases(maxAliases);
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public TuxPlanParser build() {
      return new TuxPlanParser(this);
    }
  }
}
