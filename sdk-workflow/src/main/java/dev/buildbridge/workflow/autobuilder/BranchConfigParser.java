package dev.buildbridge.workflow.autobuilder;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.WorkflowSource;
import dev.buildbridge.workflow.internal.Texts;
import dev.buildbridge.workflow.internal.YamlChecks;
import dev.buildbridge.workflow.internal.YamlNode;
import dev.buildbridge.workflow.internal.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads 0-autobuilder branch configs ({@code <owner>/<repo>/<branch>.yaml}) with Jackson's YAML
 * data format and checks them: every problem of a file is reported at once, each with its
 * {@code file:line:column}. Immutable and thread-safe.
 *
 * <pre>{@code
 * try {
 *     BranchConfig config = BranchConfigParser.ofDefaults().parse("octo/hello/main.yaml", text);
 *     config.warnings().forEach(System.err::println);
 * } catch (WorkflowException e) {
 *     e.problems().forEach(System.err::println);   // octo/hello/main.yaml:4:3: ...
 * }
 * }</pre>
 *
 * <h2>Format</h2>
 *
 * <pre>
 * buildscripts: [autobuild/a.sh, autobuild/b.sh]   # required: the scripts, at least one
 * autobuild/a.sh:                                  # one section per script
 *   artifact: result.tar.gz                        # required: the file the build makes
 *   archives: /target                              # optional, default /target
 *   baseimage: ubuntu:18.04                        # optional, default ubuntu:16.04
 *   tag: special-tag                               # optional extra tag on the build's name
 * autobuild/b.sh:
 *   artifact: other.tar.gz
 * </pre>
 *
 * <p>Errors: no {@code buildscripts}, or one that is not a non-empty list of relative paths,
 * or lists a script twice; a script without its section, a section that is not a mapping or has
 * no {@code artifact}; a value that is not a string; YAML that does not parse or exceeds the
 * limits (as {@code TuxPlanParser}). Warnings (kept in {@link BranchConfig#warnings()}, errors
 * when {@link Builder#strict(boolean) strict}): a section for a script {@code buildscripts}
 * does not list, and an unknown key in a section; the autobuilder ignores both.
 *
 * <p>The path decides what the config watches, as in the autobuilder: only files exactly two
 * directories deep are configs, so a branch whose name holds a {@code /} (such as
 * {@code feature/x}) cannot be watched.
 */
public final class BranchConfigParser {
  /** The file name suffix of a branch config: {@value}. */
  public static final String SUFFIX = ".yaml";

  /** Default largest file: {@value} bytes (1 MiB). */
  public static final int DEFAULT_MAX_BYTES = YamlReader.DEFAULT_MAX_BYTES;
  /** Default deepest nesting of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = YamlReader.DEFAULT_MAX_DEPTH;
  /** Default most aliases of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_ALIASES = YamlReader.DEFAULT_MAX_ALIASES;
  /** Most nodes a file may expand to through aliases, each use counted: {@value}. */
  public static final long MAX_NODES = YamlReader.MAX_NODES;

  private static final BranchConfigParser DEFAULTS = new Builder().build();
  private static final String BUILDSCRIPTS = "buildscripts";
  private static final List<String> SECTION_KEYS =
      List.of("artifact", "archives", "baseimage", "tag");

  private final boolean strict;
  private final YamlReader reader;

  private BranchConfigParser(Builder b) {
    this.strict = b.strict;
    this.reader = new YamlReader(b.maxBytes, b.maxDepth, b.maxAliases);
  }

  /**
   * Returns the lenient parser with the default limits.
   *
   * @return the default parser
   */
  public static BranchConfigParser ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder. Defaults: lenient, {@value #DEFAULT_MAX_BYTES} bytes,
   * {@value #DEFAULT_MAX_DEPTH} levels, {@value #DEFAULT_MAX_ALIASES}
   * aliases.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this parser's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strict = strict;
    b.maxBytes = reader.maxBytes();
    b.maxDepth = reader.maxDepth();
    b.maxAliases = reader.maxAliases();
    return b;
  }

  /**
   * Tells whether unknown sections and keys are errors.
   *
   * @return true for a strict parser
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns the largest file this parser reads.
   *
   * @return the limit in bytes
   */
  public int maxBytes() {
    return reader.maxBytes();
  }

  /**
   * Tells whether a path of a configuration repository is a branch config's:
   * {@code <owner>/<repo>/<branch>.yaml}, three non-empty segments, none {@code .} or
   * {@code ..}, the last ending in {@value #SUFFIX} after at least one character.
   *
   * @param path a repository-relative path with {@code /} separators
   * @return whether the autobuilder reads it as a branch config
   */
  public static boolean isConfigPath(String path) {
    if (path == null) {
      return false;
    }
    try {
      WorkflowSource.checkPath(path);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int first = path.indexOf('/');
    int second = first < 0 ? -1 : path.indexOf('/', first + 1);
    return second > 0 && path.indexOf('/', second + 1) < 0
        && path.endsWith(SUFFIX) && path.length() - second - 1 > SUFFIX.length();
  }

  /**
   * Parses a branch config.
   *
   * @param path its path in the configuration repository, {@code <owner>/<repo>/<branch>.yaml};
   *     also the file name in locations
   * @param text the file's text
   * @return the config
   * @throws IllegalArgumentException when the path is not a config's ({@link #isConfigPath})
   * @throws WorkflowException {@link WorkflowException.Reason#INVALID} with every problem,
   *     {@link WorkflowException.Reason#TOO_LARGE} above the size limit
   */
  public BranchConfig parse(String path, CharSequence text) {
    checkConfigPath(path);
    List<WorkflowProblem> errors = new ArrayList<>();
    return read(path, reader.read(path, text, errors), errors);
  }

  /**
   * Parses a branch config given as UTF-8 bytes.
   *
   * @param path its path in the configuration repository
   * @param utf8 the file's content
   * @return the config
   * @throws IllegalArgumentException when the path is not a config's
   * @throws WorkflowException as {@link #parse(String, CharSequence)}; also
   *     {@link WorkflowException.Reason#INVALID} when the bytes are not UTF-8
   */
  public BranchConfig parse(String path, byte[] utf8) {
    checkConfigPath(path);
    List<WorkflowProblem> errors = new ArrayList<>();
    return read(path, reader.read(path, utf8, errors), errors);
  }

  private static void checkConfigPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!isConfigPath(path)) {
      throw new IllegalArgumentException("a branch config's path is <owner>/<repo>/<branch>"
          + SUFFIX + ", not " + Texts.quote(path));
    }
  }

  private BranchConfig read(String path, YamlNode root, List<WorkflowProblem> errors) {
    YamlChecks checks = new YamlChecks(strict, errors);
    if (root instanceof YamlNode.Scalar s && s.isNull() && s.text().isEmpty()) {
      checks.error(root.location(), "the file is empty; a branch config needs buildscripts");
      checks.throwIfInvalid();
    }
    YamlNode.Mapping top = checks.mapping(root, "a branch config");
    if (top == null) {
      checks.throwIfInvalid();
    }
    Map<String, YamlNode> scripts = new LinkedHashMap<>();
    YamlNode.Entry list = top.entry(BUILDSCRIPTS);
    if (list == null) {
      checks.error(top.location(), "a branch config needs \"buildscripts\", the list of build"
          + " scripts to run");
    } else {
      List<YamlNode> items = checks.list(list, true);
      for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
        String script = checks.text(item, "each build script");
        if (script == null) {
          continue;
        }
        try {
          WorkflowSource.checkPath(script);
        } catch (IllegalArgumentException e) {
          checks.error(item.location(), "build script " + Texts.quote(script) + " is not a"
              + " relative path in the repository");
          continue;
        }
        YamlNode first = scripts.putIfAbsent(script, item);
        if (first != null) {
          checks.error(item.location(), "build script " + Texts.quote(script) + " is listed"
              + " twice (first at " + first.location().line() + ":" + first.location().column()
              + ")");
        }
      }
    }
    List<BuildScript> buildScripts = new ArrayList<>();
    for (Map.Entry<String, YamlNode> script : scripts.entrySet()) {
      BuildScript b = section(checks, top, script.getKey(), script.getValue());
      if (b != null) {
        buildScripts.add(b);
      }
    }
    for (YamlNode.Entry e : top.entries().values()) {
      if (!e.key().equals(BUILDSCRIPTS) && !scripts.containsKey(e.key())) {
        checks.unknown(e.keyLocation(), "section " + Texts.quote(e.key()) + " is for no build"
            + " script: \"buildscripts\" does not list it");
      }
    }
    checks.throwIfInvalid();
    String[] segments = path.split("/", 3);
    return new BranchConfig(segments[0], segments[1],
        segments[2].substring(0, segments[2].length() - SUFFIX.length()), buildScripts,
        checks.warnings());
  }

  private static BuildScript section(YamlChecks checks, YamlNode.Mapping top, String script,
      YamlNode listed) {
    YamlNode.Entry entry = top.entry(script);
    if (entry == null) {
      checks.error(listed.location(), "build script " + Texts.quote(script) + " has no section"
          + " (" + Texts.cut(script) + ": with at least artifact)");
      return null;
    }
    YamlNode.Mapping section = checks.mapping(entry.value(), "the section of "
        + Texts.quote(script));
    if (section == null) {
      return null;
    }
    checks.unknownKeys(section, SECTION_KEYS, "the section of " + Texts.quote(script), false);
    int before = checks.errorCount();
    String artifact = null;
    YamlNode.Entry artifactEntry = section.entry("artifact");
    if (artifactEntry == null) {
      checks.error(section.location(), "the section of " + Texts.quote(script) + " needs"
          + " artifact, the file the build makes");
    } else {
      artifact = checks.text(artifactEntry);
    }
    String archives = optional(checks, section, "archives", BuildScript.DEFAULT_ARCHIVES);
    String baseImage = optional(checks, section, "baseimage", BuildScript.DEFAULT_BASE_IMAGE);
    String tag = optional(checks, section, "tag", null);
    if (checks.errorCount() > before) {
      return null;
    }
    return new BuildScript(script, artifact, archives, baseImage, tag);
  }

  private static String optional(YamlChecks checks, YamlNode.Mapping section, String key,
      String defaultValue) {
    YamlNode.Entry e = section.entry(key);
    return e == null ? defaultValue : checks.text(e);
  }

  /** Returns {@code owner/repo/branch.yaml}. */
  static String pathOf(String owner, String repository, String branch) {
    return owner + '/' + repository + '/' + branch + SUFFIX;
  }

  /** Checks one segment of a config path: an owner, repository or branch name. */
  static String checkSegment(String value, String name) {
    Objects.requireNonNull(value, name);
    boolean ok = !value.isEmpty() && !value.equals(".") && !value.equals("..");
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c != '/' && c != '\\' && c >= 0x20 && c != 0x7f;
    }
    if (!ok) {
      throw new IllegalArgumentException(name + " must be one path segment (no /, not . or"
          + " ..), not " + Texts.quote(value));
    }
    return value;
  }

  /** Builds a {@link BranchConfigParser}; not thread-safe. */
  public static final class Builder {
    private boolean strict;
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAliases = DEFAULT_MAX_ALIASES;

    private Builder() {}

    /**
     * Sets whether sections for no build script and unknown keys in a section are errors
     * rather than warnings. Default: false (the autobuilder ignores them).
     *
     * @param strict true to reject them
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

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
     * Sets how many aliases of lists and mappings a file may use; whatever the limit, aliases
     * may not expand a file past {@value #MAX_NODES} nodes. Default:
     * {@value #DEFAULT_MAX_ALIASES}.
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
    public BranchConfigParser build() {
      return new BranchConfigParser(this);
    }
  }
}
