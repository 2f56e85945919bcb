package dev.buildbridge.workflow.autobuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import dev.buildbridge.workflow.WorkflowProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BranchConfigParserTest {
  static String resource(String path) {
    try (InputStream in = BranchConfigParserTest.class.getResourceAsStream(
        "/autobuilder/config/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource autobuilder/config/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> problems(BranchConfigParser parser, String path, String text) {
    WorkflowException e = assertThrows(WorkflowException.class, () -> parser.parse(path, text));
    assertEquals(Reason.INVALID, e.reason());
    return e.problems().stream().map(WorkflowProblem::toString).toList();
  }

  private static List<String> problems(String text) {
    return problems(BranchConfigParser.ofDefaults(), "o/r/main.yaml", text);
  }

  @Test
  void readsEveryKeyAndTheAutobuildersDefaults() {
    BranchConfig config = BranchConfigParser.ofDefaults()
        .parse("threefoldtech/zos/main.yaml", resource("threefoldtech/zos/main.yaml"));
    assertEquals("threefoldtech", config.owner());
    assertEquals("zos", config.repository());
    assertEquals("main", config.branch());
    assertEquals("threefoldtech/zos", config.ownerRepo());
    assertEquals("threefoldtech/zos/main.yaml", config.path());
    assertEquals(List.of(
        new BuildScript("autobuild/zos.sh", "zos.tar.gz", "/output", "ubuntu:18.04", "zos-main"),
        new BuildScript("autobuild/kernel.sh", "zero-os.efi", "/target", "ubuntu:16.04", null)),
        config.buildScripts());
    assertEquals(List.of(), config.warnings());
    assertEquals("zero-os.efi", config.buildScript("autobuild/kernel.sh").orElseThrow()
        .artifact());
    assertTrue(config.buildScript("autobuild/none.sh").isEmpty());
  }

  @Test
  void readsFlowStyleAndBytes() {
    BranchConfig config = BranchConfigParser.ofDefaults().parse(
        "threefoldtech/zos/development.yaml", resource("threefoldtech/zos/development.yaml")
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(new BuildScript("autobuild/zos.sh", "zos-dev.tar.gz", "/target",
        "ubuntu:20.04", null)), config.buildScripts());
  }

  @Test
  void reportsEveryProblemOfABrokenConfigAtOnce() {
    assertEquals(List.of(
        "threefoldtech/0-core/master.yaml:2:5: build script \"autobuild/core.sh\" has no"
            + " section (autobuild/core.sh: with at least artifact)",
        "threefoldtech/0-core/master.yaml:5:3: the section of \"autobuild/flist.sh\" needs"
            + " artifact, the file the build makes"),
        problems(BranchConfigParser.ofDefaults(), "threefoldtech/0-core/master.yaml",
            resource("threefoldtech/0-core/master.yaml")));
  }

  @Test
  void strictParserAlsoRejectsUnknownKeysSuggestingTheCloseOne() {
    BranchConfigParser strict = BranchConfigParser.newBuilder().strict(true).build();
    assertTrue(strict.strict());
    assertEquals(List.of(
        "threefoldtech/0-core/master.yaml:2:5: build script \"autobuild/core.sh\" has no"
            + " section (autobuild/core.sh: with at least artifact)",
        "threefoldtech/0-core/master.yaml:5:3: unknown key \"archive\" in the section of"
            + " \"autobuild/flist.sh\" (did you mean \"archives\"?); known keys: artifact,"
            + " archives, baseimage, tag",
        "threefoldtech/0-core/master.yaml:5:3: the section of \"autobuild/flist.sh\" needs"
            + " artifact, the file the build makes"),
        problems(strict, "threefoldtech/0-core/master.yaml",
            resource("threefoldtech/0-core/master.yaml")));
  }

  @Test
  void sectionsForNoScriptAndUnknownKeysAreWarningsWhenLenient() {
    String text = """
        buildscripts: [a.sh]
        a.sh: {artifact: a.tar.gz, tags: x}
        b.sh: {artifact: b.tar.gz}
        """;
    BranchConfig config = BranchConfigParser.ofDefaults().parse("o/r/main.yaml", text);
    assertEquals(List.of(
        "o/r/main.yaml:2:28: unknown key \"tags\" in the section of \"a.sh\" (did you mean"
            + " \"tag\"?); known keys: artifact, archives, baseimage, tag",
        "o/r/main.yaml:3:1: section \"b.sh\" is for no build script: \"buildscripts\" does not"
            + " list it"),
        config.warnings().stream().map(WorkflowProblem::toString).toList());
    assertEquals(2, problems(BranchConfigParser.newBuilder().strict(true).build(),
        "o/r/main.yaml", text).size());
  }

  @Test
  void rejectsAConfigWithoutBuildScripts() {
    assertEquals(List.of("o/r/main.yaml:1:1: a branch config needs \"buildscripts\", the list of"
        + " build scripts to run"), problems("a.sh: {artifact: x}\n"));
    assertEquals(List.of("o/r/main.yaml:1:15: \"buildscripts\" must not be empty"),
        problems("buildscripts: []\n"));
    assertEquals(List.of("o/r/main.yaml:1:15: \"buildscripts\" must be a list, not the string"
        + " \"a.sh\""), problems("buildscripts: a.sh\na.sh: {artifact: x}\n"));
  }

  @Test
  void rejectsScriptsThatAreNotRelativePathsOrListedTwice() {
    assertEquals(List.of(
        "o/r/main.yaml:1:16: build script \"/abs.sh\" is not a relative path in the repository",
        "o/r/main.yaml:1:31: build script \"a.sh\" is listed twice (first at 1:25)",
        "o/r/main.yaml:1:37: each build script must be a string, not a mapping"),
        problems("buildscripts: [/abs.sh, a.sh, a.sh, {x: y}]\na.sh: {artifact: x}\n"
            + "/abs.sh: {artifact: y}\n").subList(0, 3));
  }

  @Test
  void rejectsSectionsOfTheWrongShape() {
    assertEquals(List.of(
        "o/r/main.yaml:2:7: the section of \"a.sh\" must be a mapping, not a list",
        "o/r/main.yaml:3:18: \"artifact\" must be a string, not a list",
        "o/r/main.yaml:3:34: \"baseimage\" must not be empty"),
        problems("buildscripts: [a.sh, b.sh]\na.sh: [artifact]\nb.sh: {artifact: [x], "
            + "baseimage: ''}\n"));
  }

  @Test
  void rejectsAnEmptyFileOrOneThatIsNotAMapping() {
    assertEquals(List.of("o/r/main.yaml:1:1: the file is empty; a branch config needs"
        + " buildscripts"), problems(""));
    assertEquals(List.of("o/r/main.yaml:1:1: a branch config must be a mapping, not a list"),
        problems("- buildscripts\n"));
  }

  @Test
  void hostileYamlFailsFastWithOneProblem() {
    StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 8; i++) {
        laughs.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      laughs.append("]\n");
    }
    List<String> all = problems(laughs.toString());
    assertEquals(1, all.size());
    assertTrue(all.get(0).endsWith(": aliases expand the document to more than 1000000 nodes"),
        all.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"o/r/main.yaml", "threefoldtech/0-core/v1.2.yaml", "o/.github/x.yaml"})
  void configPathsAreExactlyTwoDirectoriesDeepAndEndInYaml(String path) {
    assertTrue(BranchConfigParser.isConfigPath(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"main.yaml", "o/main.yaml", "o/r/feature/x.yaml", "o/r/main.yml",
      "o/r/.yaml", "o/r/main.yaml/", "/o/r/main.yaml", "o//main.yaml", "o/../main.yaml",
      "o/r/main.YAML"})
  void otherPathsAreNotConfigs(String path) {
    assertFalse(BranchConfigParser.isConfigPath(path), path);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BranchConfigParser.ofDefaults().parse(path, "buildscripts: [a]\n"));
    assertTrue(e.getMessage().startsWith("a branch config's path is <owner>/<repo>/<branch>"
        + ".yaml, not "), e.getMessage());
  }

  @Test
  void buildScriptBuilderHasTheAutobuildersDefaultsAndChecksArguments() {
    BuildScript script = BuildScript.newBuilder("autobuild/a.sh", "a.tar.gz").build();
    assertEquals(new BuildScript("autobuild/a.sh", "a.tar.gz", "/target", "ubuntu:16.04", null),
        script);
    assertEquals(script.toBuilder().tag("t").baseImage("alpine:3").archives("/out").build(),
        new BuildScript("autobuild/a.sh", "a.tar.gz", "/out", "alpine:3", "t"));
    assertThrows(IllegalArgumentException.class, () -> BuildScript.newBuilder("../a.sh", "x"));
    assertEquals("artifact is blank", assertThrows(IllegalArgumentException.class,
        () -> BuildScript.newBuilder("a.sh", " ")).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BuildScript.newBuilder("a.sh", "x").tag(""));
  }

  @Test
  void branchConfigChecksItsNamesAndScripts() {
    BuildScript a = BuildScript.newBuilder("a.sh", "x").build();
    assertEquals("branch must be one path segment (no /, not . or ..), not \"feature/x\"",
        assertThrows(IllegalArgumentException.class,
            () -> new BranchConfig("o", "r", "feature/x", List.of(a), List.of())).getMessage());
    assertEquals("build script a.sh is listed twice", assertThrows(
        IllegalArgumentException.class,
        () -> new BranchConfig("o", "r", "main", List.of(a, a), List.of())).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new BranchConfig("o", "r", "main", List.of(), List.of()));
  }

  @Test
  void builderKeepsItsSettings() {
    BranchConfigParser parser = BranchConfigParser.newBuilder().strict(true).maxBytes(10)
        .maxDepth(3).maxAliases(1).build();
    BranchConfigParser copy = parser.toBuilder().build();
    assertTrue(copy.strict());
    assertEquals(10, copy.maxBytes());
    assertEquals(Reason.TOO_LARGE, assertThrows(WorkflowException.class,
        () -> copy.parse("o/r/m.yaml", "buildscripts: [a]\n")).reason());
  }
}
