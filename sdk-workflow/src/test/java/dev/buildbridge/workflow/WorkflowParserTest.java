package dev.buildbridge.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlLocation;
import dev.buildbridge.workflow.kdl.KdlNode;
import dev.buildbridge.workflow.kdl.KdlParseException;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlProperty;
import dev.buildbridge.workflow.kdl.KdlValue;
import dev.buildbridge.workflow.kdl.KdlVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowParserTest {
  private static final String FILE = ".solstice/workflow.kdl";
  private static final WorkflowParser LENIENT = WorkflowParser.ofDefaults();
  private static final WorkflowParser STRICT = WorkflowParser.newBuilder().strict(true).build();

  /** The issue's example, verbatim. */
  static final String ISSUE_EXAMPLE = """
      workflow name="CI" {
          env RUST_LOG="info"
          job id="lint" runs_on="ubuntu-22.04" { step name="fmt" run="cargo fmt --check" }
          job id="build" runs_on="illumos-latest" script=".solstice/build.sh" needs="lint" group="illumos" {
              setup path=".solstice/setup-illumos.sh"
              env CARGO_TERM_COLOR="always"
              step name="Build" run="cargo build"
          }
      }
      """;

  private static List<String> problems(WorkflowException e) {
    List<String> out = new ArrayList<>();
    e.problems().forEach(p -> out.add(p.toString()));
    return out;
  }

  private static WorkflowException invalid(WorkflowParser parser, String text) {
    WorkflowException e = assertThrows(WorkflowException.class, () -> parser.parse(FILE, text));
    assertEquals(WorkflowException.Reason.INVALID, e.reason(), e.getMessage());
    return e;
  }

  /** Asserts the only problem (lenient and strict alike). */
  private static void rejects(String text, String problem) {
    for (WorkflowParser parser : List.of(LENIENT, STRICT)) {
      WorkflowException e = invalid(parser, text);
      assertEquals(List.of(problem), problems(e));
      assertEquals(problem, e.getMessage());
    }
  }

  // ---- good files ------------------------------------------------------------------------------

  @Test
  void readsTheIssueExample() {
    Workflow w = STRICT.parse(FILE, ISSUE_EXAMPLE);
    assertEquals("CI", w.name());
    assertEquals(Map.of("RUST_LOG", "info"), w.env());
    assertEquals(List.of("lint", "build"), w.jobIds());
    assertEquals(List.of(), w.warnings());

    WorkflowJob lint = w.jobs().get(0);
    assertEquals("ubuntu-22.04", lint.runsOn());
    assertEquals(List.of(new WorkflowStep("fmt", "cargo fmt --check",
        new KdlLocation(FILE, 3, 44))), lint.steps());
    assertEquals(new KdlLocation(FILE, 3, 5), lint.location());
    assertEquals(List.of(), lint.needs());
    assertNull(lint.scriptPath());

    WorkflowJob build = w.jobs().get(1);
    assertEquals("illumos-latest", build.runsOn());
    assertEquals(".solstice/build.sh", build.scriptPath());
    assertEquals(List.of("lint"), build.needs());
    assertEquals("illumos", build.group());
    assertEquals(List.of(".solstice/setup-illumos.sh"), build.setupPaths());
    assertEquals(Map.of("CARGO_TERM_COLOR", "always"), build.env());
    assertEquals("Build", build.steps().get(0).name());
    assertEquals("cargo build", build.steps().get(0).run());
    assertEquals(new KdlLocation(FILE, 7, 9), build.steps().get(0).location());
  }

  @Test
  void readsSolsticesOwnWorkflowWithCommentsAndNoNeeds() {
    String text = """
        // Solstice CI for solstice-ci
        workflow name="Solstice CI for solstice-ci" {
            job id="linux-build" runs_on="ubuntu-22.04" {
                setup path=".solstice/setup-linux.sh"
                step name="Build" run="cargo build --workspace"
                step name="Legacy job.sh" run=".solstice/job.sh"
            }
            /* illumos */
            job id="illumos-build" runs_on="illumos-latest" {
                setup path=".solstice/setup-illumos.sh"
                step name="Build" run="cargo build --workspace"
            }
        }
        """;
    Workflow w = STRICT.parse(FILE, text);
    assertEquals(List.of("linux-build", "illumos-build"), w.jobIds());
    assertEquals(2, w.jobs().get(0).steps().size());
  }

  @Test
  void acceptsRunsOnWithADash() {
    Workflow w = STRICT.parse(FILE, "workflow { job id=\"a\" runs-on=\"ubuntu-22.04\" }");
    assertEquals("ubuntu-22.04", w.jobs().get(0).runsOn());
    assertNull(w.name());
  }

  @Test
  void readsKdl1AndKdl2Spellings() {
    Workflow v1 = STRICT.parse(FILE,
        "workflow {\n    job id=r\"a\" {\n        step run=r#\"echo \"hi\"\"#\n"
            + "        env DEBUG=true\n    }\n}\n");
    assertEquals("echo \"hi\"", v1.jobs().get(0).steps().get(0).run());
    assertEquals(Map.of("DEBUG", "true"), v1.jobs().get(0).env());
    Workflow v2 = STRICT.parse(FILE,
        "workflow {\n    job id=a {\n        step run=#\"echo \"hi\"\"#\n"
            + "        env DEBUG=#true\n    }\n}\n");
    assertEquals(v1, v2);
  }

  @Test
  void needsComeFromThePropertyAndFromNeedsNodes() {
    String text = """
        workflow {
            job id="deploy" needs="build" {
                needs "test" "lint"
                needs "build"
            }
            job id="lint"
            job id="test" { needs "build"; }
            job id="build"
        }
        """;
    Workflow w = STRICT.parse(FILE, text);
    assertEquals(List.of("build", "test", "lint"), w.job("deploy").orElseThrow().needs());
    assertEquals(List.of("lint", "build", "test", "deploy"),
        w.jobsInDependencyOrder().stream().map(WorkflowJob::id).toList());
  }

  @Test
  void envTakesStringsNumbersAndBooleansAndKeepsTheirOrder() {
    String text = """
        workflow {
            env Z="z" CARGO_INCREMENTAL=0 RATIO=1.5 VERBOSE=true
            env A="a"
        }
        """;
    Workflow w = STRICT.parse(FILE, text);
    assertEquals(List.of("Z", "CARGO_INCREMENTAL", "RATIO", "VERBOSE", "A"),
        new ArrayList<>(w.env().keySet()));
    assertEquals("0", w.env().get("CARGO_INCREMENTAL"));
    assertEquals("1.5", w.env().get("RATIO"));
    assertEquals("true", w.env().get("VERBOSE"));
    assertEquals(List.of(), w.jobs());
  }

  @Test
  void parsesBytesAndFiles(@TempDir Path tmp) throws Exception {
    byte[] utf8 = ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    assertEquals(STRICT.parse(FILE, ISSUE_EXAMPLE), STRICT.parse(FILE, utf8));
    Path file = tmp.resolve("workflow.kdl");
    Files.write(file, utf8);
    Workflow fromDisk = STRICT.parse(file);
    assertEquals(List.of("lint", "build"), fromDisk.jobIds());
    assertEquals(file.toString(), fromDisk.jobs().get(0).location().file());
  }

  // ---- broken files: one error each, with its line and column -----------------------------------

  @Test
  void rejectsAFileWithoutAWorkflowNode() {
    rejects("", FILE + ":1:1: no workflow node; the file must hold one:"
        + " workflow name=\"...\" { job id=\"...\" { ... } }");
  }

  @Test
  void rejectsASecondWorkflowNode() {
    rejects("workflow name=\"a\"\n\nworkflow name=\"b\"\n",
        FILE + ":3:1: only one workflow node is allowed; the first is at " + FILE + ":1:1");
  }

  @Test
  void rejectsAnIdThatIsNotAString() {
    rejects("workflow {\n    job id=1\n}\n",
        FILE + ":2:9: job property \"id\" must be a string, not the number 1");
    rejects("workflow {\n    job id=true\n}\n",
        FILE + ":2:9: job property \"id\" must be a string, not the boolean true");
    rejects("workflow {\n    job id=null\n}\n",
        FILE + ":2:9: job property \"id\" must be a string, not null");
  }

  @Test
  void rejectsEmptyStrings() {
    rejects("workflow {\n    job id=\"a\" runs_on=\"\"\n}\n",
        FILE + ":2:16: job \"a\" property \"runs_on\" must not be empty");
  }

  @Test
  void rejectsAJobWithoutId() {
    rejects("workflow {\n    job runs_on=\"x\" { step run=\"make\" }\n}\n",
        FILE + ":2:5: job has no id; add id=\"...\"");
  }

  @Test
  void rejectsADuplicateIdNamingBothPlaces() {
    rejects("workflow {\n    job id=\"a\"\n    job id=\"b\"\n    job  id=\"a\"\n}\n",
        FILE + ":4:10: duplicate job id \"a\"; the first is at " + FILE + ":2:9");
  }

  @Test
  void rejectsBothSpellingsOfRunsOn() {
    rejects("workflow {\n    job id=\"a\" runs_on=\"x\" runs-on=\"y\"\n}\n",
        FILE + ":2:28: job \"a\" sets both runs_on and runs-on; keep one");
  }

  @Test
  void rejectsNeedsOfAnUnknownJobListingTheKnownOnes() {
    rejects("workflow {\n    job id=\"lint\"\n    job id=\"build\" needs=\"lnt\"\n}\n",
        FILE + ":3:20: job \"build\" needs unknown job \"lnt\"; known jobs: lint, build");
  }

  @Test
  void hintsAtNeedsNodesWhenANeedsValueListsSeveralJobs() {
    rejects("workflow {\n    job id=\"a\"\n    job id=\"b\"\n    job id=\"c\" needs=\"a, b\"\n}\n",
        FILE + ":4:16: job \"c\" needs unknown job \"a, b\"; known jobs: a, b, c"
            + " (to need several jobs, write a child node: needs \"a\" \"b\")");
  }

  @Test
  void rejectsAJobThatNeedsItself() {
    rejects("workflow {\n    job id=\"a\" { needs \"a\"; }\n}\n",
        FILE + ":2:18: job \"a\" needs itself");
  }

  @Test
  void rejectsANeedsCycleNamingIt() {
    String text = """
        workflow {
            job id="a" needs="b"
            job id="b" needs="c"
            job id="c" needs="a"
            job id="d" needs="a"
        }
        """;
    rejects(text, FILE + ":2:16: needs cycle: a -> b -> c -> a");
  }

  @Test
  void reportsEachSeparateCycleOnce() {
    String text = """
        workflow {
            job id="a" needs="b"
            job id="b" { needs "a" "c"; }
            job id="c" needs="a"
            job id="x" needs="y"
            job id="y" needs="x"
        }
        """;
    WorkflowException e = invalid(LENIENT, text);
    assertEquals(List.of(FILE + ":2:16: needs cycle: a -> b -> a",
        FILE + ":5:16: needs cycle: x -> y -> x"), problems(e));
  }

  @Test
  void rejectsAStepWithoutRunAndASetupWithoutPath() {
    rejects("workflow {\n    job id=\"a\" {\n        step name=\"fmt\"\n    }\n}\n",
        FILE + ":3:9: step \"fmt\" has no run; add run=\"...\"");
    rejects("workflow {\n    job id=\"a\" {\n        setup\n    }\n}\n",
        FILE + ":3:9: setup has no path; add path=\"...\"");
  }

  @Test
  void rejectsNeedsNodesWithoutJobIdsOrWithOtherValues() {
    rejects("workflow {\n    job id=\"a\" {\n        needs\n    }\n}\n",
        FILE + ":3:9: needs names no job; write needs \"job-id\" ...");
    rejects("workflow {\n    job id=\"a\" {\n        needs 1\n    }\n}\n",
        FILE + ":3:9: needs arguments must be job ids (strings), not the number 1");
  }

  @Test
  void rejectsEnvNamesThatAreNotVariablesAndNullValues() {
    rejects("workflow {\n    env \"1X\"=\"v\"\n}\n",
        FILE + ":2:9: env name \"1X\" is not a variable name (ASCII letters, digits and _,"
            + " not starting with a digit)");
    rejects("workflow {\n    env X=null\n}\n",
        FILE + ":2:9: env X must be a string, a number or a boolean, not null");
  }

  @Test
  void collectsEveryErrorInFileOrder() {
    String text = """
        workflow {
            job id="b" needs="nope" {
                step name="x"
            }
            job id=2
            job id="b"
        }
        """;
    WorkflowException e = invalid(LENIENT, text);
    assertEquals(List.of(
        FILE + ":2:16: job \"b\" needs unknown job \"nope\"; known jobs: b",
        FILE + ":3:9: step \"x\" has no run; add run=\"...\"",
        FILE + ":5:9: job property \"id\" must be a string, not the number 2",
        FILE + ":6:9: duplicate job id \"b\"; the first is at " + FILE + ":2:9"), problems(e));
    assertEquals(FILE + ":2:16: job \"b\" needs unknown job \"nope\"; known jobs: b (and 3 more)",
        e.getMessage());
    assertEquals(new KdlLocation(FILE, 2, 16), e.location().orElseThrow());
  }

  // ---- unknown things: warnings, or errors when strict ------------------------------------------

  @Test
  void unknownNodesAndPropertiesAreWarningsListingWhatIsKnown() {
    String text = """
        workflow name="CI" timeout=5 {
            jobs
            job id="a" timeout="1h" {
                stepz run="x"
                step run="make" shell="bash"
            }
        }
        extra
        """;
    List<String> expected = List.of(
        FILE + ":1:20: unknown property \"timeout\" on workflow; known: name",
        FILE + ":2:5: unknown node \"jobs\" in workflow; known: env, job",
        FILE + ":3:16: unknown property \"timeout\" on job \"a\"; known: id, runs_on, runs-on,"
            + " script, needs, group",
        FILE + ":4:9: unknown node \"stepz\" in job \"a\"; known: env, needs, setup, step",
        FILE + ":5:25: unknown property \"shell\" on step; known: name, run",
        FILE + ":8:1: unknown top-level node \"extra\"; known: workflow");
    Workflow w = LENIENT.parse(FILE, text);
    assertEquals(expected, w.warnings().stream().map(WorkflowProblem::toString).toList());
    assertEquals(List.of("make"), w.jobs().get(0).steps().stream().map(WorkflowStep::run).toList());

    WorkflowException e = invalid(STRICT, text);
    assertEquals(expected, problems(e));
    assertEquals(expected.get(0) + " (and 5 more)", e.getMessage());
  }

  @Test
  void argumentsWhereTheGrammarHasNoneAreWarnings() {
    String text = "workflow \"CI\" {\n    job id=\"a\" { step \"make\" run=\"make\"; }\n}\n";
    Workflow w = LENIENT.parse(FILE, text);
    assertEquals(List.of(
        FILE + ":1:1: workflow takes no arguments (found the string \"CI\"); its properties are"
            + " name",
        FILE + ":2:18: step takes no arguments (found the string \"make\"); its properties are"
            + " name, run"),
        w.warnings().stream().map(WorkflowProblem::toString).toList());
    assertEquals(2, invalid(STRICT, text).problems().size());
  }

  @Test
  void positionalJobIdIsAWarningAndAMissingIdAnError() {
    WorkflowException e = invalid(LENIENT, "workflow {\n    job \"build\"\n}\n");
    assertEquals(List.of(FILE + ":2:5: job has no id; add id=\"...\""), problems(e));
    WorkflowException strict = invalid(STRICT, "workflow {\n    job \"build\"\n}\n");
    assertEquals(List.of(FILE + ":2:5: job has no id; add id=\"...\"",
        FILE + ":2:5: job takes no arguments (found the string \"build\"); its properties are"
            + " id, runs_on, runs-on, script, needs, group"), problems(strict));
  }

  @Test
  void childrenOfLeafNodesAreWarnings() {
    String text = "workflow {\n    job id=\"a\" {\n        step run=\"x\" { retry 3; }\n    }\n}\n";
    Workflow w = LENIENT.parse(FILE, text);
    assertEquals(List.of(FILE + ":3:24: unknown node \"retry\" in step; step takes no children"),
        w.warnings().stream().map(WorkflowProblem::toString).toList());
  }

  @Test
  void envSetTwiceKeepsTheLaterValueWithAWarning() {
    String text = "workflow {\n    env A=\"1\"\n    env A=\"2\"\n}\n";
    Workflow w = LENIENT.parse(FILE, text);
    assertEquals(Map.of("A", "2"), w.env());
    assertEquals(List.of(FILE + ":3:9: env A is set twice; the first is at " + FILE
        + ":2:9 and this value wins"), w.warnings().stream().map(WorkflowProblem::toString)
        .toList());
    invalid(STRICT, text);
  }

  // ---- syntax and input handling ---------------------------------------------------------------

  @Test
  void syntaxErrorsWrapTheKdlParseException() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> LENIENT.parse(FILE, "workflow {\n    job id=\"a\n"));
    assertEquals(WorkflowException.Reason.SYNTAX, e.reason());
    KdlParseException cause = assertInstanceOf(KdlParseException.class, e.getCause());
    assertEquals(cause.getMessage(), e.getMessage());
    assertTrue(e.getMessage().startsWith(FILE + ":"), e.getMessage());
    assertEquals(List.of(new WorkflowProblem(cause.location(), cause.detail())), e.problems());
  }

  @Test
  void invalidUtf8IsASyntaxError() {
    byte[] bad = {'w', 'o', 'r', 'k', (byte) 0xff};
    WorkflowException e = assertThrows(WorkflowException.class, () -> LENIENT.parse(FILE, bad));
    assertEquals(WorkflowException.Reason.SYNTAX, e.reason());
  }

  @Test
  void honoursTheKdlParsersLimits() {
    WorkflowParser tiny = WorkflowParser.newBuilder()
        .kdlParser(KdlParser.newBuilder().maxLength(16).build()).build();
    WorkflowException e =
        assertThrows(WorkflowException.class, () -> tiny.parse(FILE, ISSUE_EXAMPLE));
    assertEquals(WorkflowException.Reason.SYNTAX, e.reason());
    assertEquals(KdlParseException.Reason.TOO_LARGE,
        ((KdlParseException) e.getCause()).reason());
    assertFalse(tiny.toBuilder().build().strict());
  }

  @Test
  void readsADocumentParsedElsewhere() {
    KdlLocation at = new KdlLocation("built.kdl", 1, 1);
    KdlNode job = new KdlNode(null, "job", List.of(),
        List.of(new KdlProperty("id", KdlValue.of("a"), at)), List.of(), at);
    KdlNode root = new KdlNode(null, "workflow", List.of(), List.of(), List.of(job), at);
    Workflow w = STRICT.from(new KdlDocument(List.of(root), KdlVersion.V2));
    assertEquals(List.of("a"), w.jobIds());
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> STRICT.from(new KdlDocument(List.of(), KdlVersion.V2)));
    assertTrue(e.getMessage().startsWith("<input>:1:1: no workflow node"), e.getMessage());
  }

  @Test
  void pinnedKdlVersionIsUsed() {
    WorkflowParser v1 = WorkflowParser.newBuilder().kdlParser(KdlParser.v1()).build();
    assertEquals(WorkflowException.Reason.SYNTAX, assertThrows(WorkflowException.class,
        () -> v1.parse(FILE, "workflow { job id=#\"a\"# }")).reason());
    assertEquals("a", WorkflowParser.ofDefaults().parse(FILE, "workflow { job id=#\"a\"# }")
        .jobs().get(0).id());
  }

  @Test
  void classExampleCompiles() {
    WorkflowParser parser = WorkflowParser.newBuilder().strict(true).build();
    try {
      Workflow workflow = parser.parse(".solstice/workflow.kdl", ISSUE_EXAMPLE);
      assertEquals(2, workflow.jobs().size());
    } catch (WorkflowException e) {
      e.problems().forEach(System.err::println);
      throw e;
    }
  }
}
