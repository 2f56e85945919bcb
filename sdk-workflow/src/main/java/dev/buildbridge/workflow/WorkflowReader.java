package dev.buildbridge.workflow;

import dev.buildbridge.workflow.kdl.KdlBoolean;
import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlLocation;
import dev.buildbridge.workflow.kdl.KdlNode;
import dev.buildbridge.workflow.kdl.KdlNull;
import dev.buildbridge.workflow.kdl.KdlNumber;
import dev.buildbridge.workflow.kdl.KdlProperty;
import dev.buildbridge.workflow.kdl.KdlString;
import dev.buildbridge.workflow.kdl.KdlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one KDL document as a workflow, collecting every problem before deciding. One instance per
 * document; not thread-safe.
 */
final class WorkflowReader {
  static final List<String> TOP_NODES = List.of("workflow");
  static final List<String> WORKFLOW_PROPERTIES = List.of("name");
  static final List<String> WORKFLOW_NODES = List.of("env", "job");
  static final List<String> JOB_PROPERTIES =
      List.of("id", "runs_on", "runs-on", "script", "needs", "group");
  static final List<String> JOB_NODES = List.of("env", "needs", "setup", "step");
  static final List<String> SETUP_PROPERTIES = List.of("path");
  static final List<String> STEP_PROPERTIES = List.of("name", "run");
  /** How many job ids an "unknown job" message lists at most. */
  private static final int MAX_IDS_LISTED = 10;

  private static final Comparator<WorkflowProblem> FILE_ORDER =
      Comparator.comparingInt((WorkflowProblem p) -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  private final String file;
  private final boolean strict;
  private final List<WorkflowProblem> errors = new ArrayList<>();
  private final List<WorkflowProblem> warnings = new ArrayList<>();

  private WorkflowReader(String file, boolean strict) {
    this.file = file;
    this.strict = strict;
  }

  /**
   * Reads a document.
   *
   * @param file the file name for a problem that has no node to point at (an empty document)
   * @throws WorkflowException {@link WorkflowException.Reason#INVALID} with every error
   */
  static Workflow read(KdlDocument document, String file, boolean strict) {
    return new WorkflowReader(file, strict).read(document);
  }

  private Workflow read(KdlDocument document) {
    KdlNode root = null;
    for (KdlNode node : document.nodes()) {
      if (!node.name().equals("workflow")) {
        unknown(node.location(), "unknown top-level node " + quote(node.name()) + "; known: "
            + String.join(", ", TOP_NODES));
      } else if (root == null) {
        root = node;
      } else {
        error(node.location(), "only one workflow node is allowed; the first is at "
            + root.location());
      }
    }
    Workflow workflow = null;
    if (root == null) {
      error(new KdlLocation(file, 1, 1), "no workflow node; the file must hold one:"
          + " workflow name=\"...\" { job id=\"...\" { ... } }");
    } else {
      workflow = workflow(root);
    }
    if (!errors.isEmpty()) {
      errors.sort(FILE_ORDER);
      throw WorkflowException.invalid(errors);
    }
    return workflow;
  }

  // ---- nodes -----------------------------------------------------------------------------------

  private Workflow workflow(KdlNode node) {
    noArguments(node, "workflow", WORKFLOW_PROPERTIES);
    knownProperties(node, "workflow", WORKFLOW_PROPERTIES);
    String name = string(node, "name", "workflow");
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, KdlLocation> envWhere = new HashMap<>();
    List<JobDraft> drafts = new ArrayList<>();
    for (KdlNode child : node.children()) {
      switch (child.name()) {
        case "env" -> env(child, env, envWhere);
        case "job" -> drafts.add(job(child));
        default -> unknown(child.location(), "unknown node " + quote(child.name())
            + " in workflow; known: " + String.join(", ", WORKFLOW_NODES));
      }
    }
    List<WorkflowJob> jobs = checkGraph(drafts);
    if (!errors.isEmpty()) {
      return null;
    }
    warnings.sort(FILE_ORDER);
    return new Workflow(name, env, jobs, warnings);
  }

  private JobDraft job(KdlNode node) {
    JobDraft d = new JobDraft(node.location());
    d.id = string(node, "id", "job");
    d.idLocation = node.propertyEntry("id").map(KdlProperty::location).orElse(node.location());
    String what = d.id == null ? "job" : "job " + quote(d.id);
    if (node.propertyEntry("id").isEmpty()) {
      error(node.location(), "job has no id; add id=\"...\"");
    }
    noArguments(node, what, JOB_PROPERTIES);
    knownProperties(node, what, JOB_PROPERTIES);
    String underscore = string(node, "runs_on", what);
    String dash = string(node, "runs-on", what);
    Optional<KdlProperty> a = node.propertyEntry("runs_on");
    Optional<KdlProperty> b = node.propertyEntry("runs-on");
    if (a.isPresent() && b.isPresent()) {
      KdlLocation later = isBefore(a.get().location(), b.get().location())
          ? b.get().location() : a.get().location();
      error(later, what + " sets both runs_on and runs-on; keep one");
    }
    d.runsOn = underscore != null ? underscore : dash;
    d.script = string(node, "script", what);
    d.group = string(node, "group", what);
    String need = string(node, "needs", what);
    if (need != null) {
      d.need(need, node.propertyEntry("needs").get().location());
    }
    Map<String, KdlLocation> envWhere = new HashMap<>();
    for (KdlNode child : node.children()) {
      switch (child.name()) {
        case "env" -> env(child, d.env, envWhere);
        case "needs" -> needs(child, d);
        case "setup" -> setup(child, d);
        case "step" -> step(child, d);
        default -> unknown(child.location(), "unknown node " + quote(child.name()) + " in "
            + what + "; known: " + String.join(", ", JOB_NODES));
      }
    }
    return d;
  }

  /** {@code needs "a" "b"}: each argument names a job. */
  private void needs(KdlNode node, JobDraft d) {
    for (KdlProperty p : node.properties()) {
      unknown(p.location(), "unknown property " + quote(p.name())
          + " on needs; needs takes job ids as arguments: needs \"lint\" \"test\"");
    }
    noChildren(node, "needs");
    if (node.arguments().isEmpty()) {
      error(node.location(), "needs names no job; write needs \"job-id\" ...");
    }
    for (KdlValue value : node.arguments()) {
      if (!(value instanceof KdlString s)) {
        error(node.location(), "needs arguments must be job ids (strings), not "
            + describe(value));
      } else if (s.value().isEmpty()) {
        error(node.location(), "needs arguments must not be empty");
      } else {
        d.need(s.value(), node.location());
      }
    }
  }

  private void setup(KdlNode node, JobDraft d) {
    noArguments(node, "setup", SETUP_PROPERTIES);
    knownProperties(node, "setup", SETUP_PROPERTIES);
    noChildren(node, "setup");
    String path = string(node, "path", "setup");
    if (path != null) {
      d.setup.add(path);
    } else if (node.propertyEntry("path").isEmpty()) {
      error(node.location(), "setup has no path; add path=\"...\"");
    }
  }

  private void step(KdlNode node, JobDraft d) {
    String name = string(node, "name", "step");
    String what = name == null ? "step" : "step " + quote(name);
    noArguments(node, what, STEP_PROPERTIES);
    knownProperties(node, what, STEP_PROPERTIES);
    noChildren(node, what);
    String run = string(node, "run", what);
    if (run != null) {
      d.steps.add(new WorkflowStep(name, run, node.location()));
    } else if (node.propertyEntry("run").isEmpty()) {
      error(node.location(), what + " has no run; add run=\"...\"");
    }
  }

  /** {@code env NAME="value" ...}: strings, integers, decimals and booleans, as text. */
  private void env(KdlNode node, Map<String, String> env, Map<String, KdlLocation> where) {
    if (!node.arguments().isEmpty()) {
      unknown(node.location(), "env takes NAME=value properties, not arguments (found "
          + describe(node.arguments().get(0)) + ")");
    }
    noChildren(node, "env");
    for (KdlProperty p : node.properties()) {
      String name = p.name();
      if (!Names.isEnvName(name)) {
        error(p.location(), "env name " + quote(name) + " is not a variable name (ASCII letters,"
            + " digits and _, not starting with a digit)");
        continue;
      }
      String value = envValue(p.value());
      if (value == null) {
        error(p.location(), "env " + cut(name) + " must be a string, a number or a boolean, not "
            + describe(p.value()));
        continue;
      }
      KdlLocation first = where.putIfAbsent(name, p.location());
      if (first != null) {
        unknown(p.location(), "env " + cut(name) + " is set twice; the first is at " + first
            + " and this value wins");
      }
      env.put(name, value);
    }
  }

  private static String envValue(KdlValue value) {
    if (value instanceof KdlString s) {
      return s.value();
    }
    if (value instanceof KdlBoolean b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof KdlNumber n && !n.isSpecial()) {
      return n.value().toString();
    }
    return null;
  }

  // ---- jobs as a graph -------------------------------------------------------------------------

  private List<WorkflowJob> checkGraph(List<JobDraft> drafts) {
    Map<String, Integer> index = new HashMap<>();
    List<JobDraft> unique = new ArrayList<>();
    for (JobDraft d : drafts) {
      if (d.id == null) {
        continue;
      }
      Integer first = index.get(d.id);
      if (first != null) {
        error(d.idLocation, "duplicate job id " + quote(d.id) + "; the first is at "
            + unique.get(first).idLocation);
      } else {
        index.put(d.id, unique.size());
        unique.add(d);
      }
    }
    int[][] needs = new int[unique.size()][];
    KdlLocation[][] needWhere = new KdlLocation[unique.size()][];
    for (int i = 0; i < unique.size(); i++) {
      JobDraft d = unique.get(i);
      int[] edges = new int[d.needs.size()];
      KdlLocation[] where = new KdlLocation[d.needs.size()];
      int count = 0;
      for (int k = 0; k < d.needs.size(); k++) {
        String need = d.needs.get(k);
        Integer target = index.get(need);
        if (need.equals(d.id)) {
          error(d.needWhere.get(k), "job " + quote(d.id) + " needs itself");
        } else if (target == null) {
          error(d.needWhere.get(k), "job " + quote(d.id) + " needs unknown job " + quote(need)
              + "; " + knownJobs(unique) + hint(need));
        } else {
          where[count] = d.needWhere.get(k);
          edges[count++] = target;
        }
      }
      needs[i] = Arrays.copyOf(edges, count);
      needWhere[i] = where;
    }
    for (int[] cycle : new JobGraph(needs).cycles()) {
      int start = cycle[0];
      int next = cycle.length > 1 ? cycle[1] : cycle[0];
      KdlLocation at = unique.get(start).location;
      for (int k = 0; k < needs[start].length; k++) {
        if (needs[start][k] == next) {
          at = needWhere[start][k];
          break;
        }
      }
      error(at, JobGraph.describe(cycle, v -> cut(unique.get(v).id)));
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    List<WorkflowJob> jobs = new ArrayList<>(unique.size());
    for (JobDraft d : unique) {
      jobs.add(new WorkflowJob(d.id, d.runsOn, d.script, d.needs, d.group, d.env, d.setup, d.steps,
          d.location));
    }
    return jobs;
  }

  private static String knownJobs(List<JobDraft> jobs) {
    if (jobs.isEmpty()) {
      return "the workflow has no job with an id";
    }
    StringBuilder sb = new StringBuilder("known jobs: ");
    int listed = Math.min(jobs.size(), MAX_IDS_LISTED);
    for (int i = 0; i < listed; i++) {
      sb.append(i == 0 ? "" : ", ").append(cut(jobs.get(i).id));
    }
    if (jobs.size() > listed) {
      sb.append(", and ").append(jobs.size() - listed).append(" more");
    }
    return sb.toString();
  }

  private static String hint(String need) {
    return need.indexOf(',') >= 0 || need.indexOf(' ') >= 0
        ? " (to need several jobs, write a child node: needs \"a\" \"b\")" : "";
  }

  // ---- entries ---------------------------------------------------------------------------------

  /**
   * Returns a string property; reports a value that is not a non-empty string.
   *
   * @return the string, or null when absent or wrong (reported)
   */
  private String string(KdlNode node, String property, String what) {
    Optional<KdlProperty> entry = node.propertyEntry(property);
    if (entry.isEmpty()) {
      return null;
    }
    KdlValue value = entry.get().value();
    if (!(value instanceof KdlString s)) {
      error(entry.get().location(), what + " property " + quote(property)
          + " must be a string, not " + describe(value));
      return null;
    }
    if (s.value().isEmpty()) {
      error(entry.get().location(), what + " property " + quote(property) + " must not be empty");
      return null;
    }
    return s.value();
  }

  private void knownProperties(KdlNode node, String what, List<String> known) {
    for (KdlProperty p : node.properties()) {
      if (!known.contains(p.name())) {
        unknown(p.location(), "unknown property " + quote(p.name()) + " on " + what + "; known: "
            + String.join(", ", known));
      }
    }
  }

  private void noArguments(KdlNode node, String what, List<String> properties) {
    if (!node.arguments().isEmpty()) {
      unknown(node.location(), what + " takes no arguments (found "
          + describe(node.arguments().get(0)) + "); its properties are "
          + String.join(", ", properties));
    }
  }

  private void noChildren(KdlNode node, String what) {
    for (KdlNode child : node.children()) {
      unknown(child.location(), "unknown node " + quote(child.name()) + " in " + what + "; "
          + what + " takes no children");
    }
  }

  private static String describe(KdlValue value) {
    if (value instanceof KdlString s) {
      return "the string " + quote(s.value());
    }
    if (value instanceof KdlNumber n) {
      return "the number " + n.value();
    }
    if (value instanceof KdlBoolean b) {
      return "the boolean " + b.value();
    }
    return value instanceof KdlNull ? "null" : value.toString();
  }

  /** Quotes a name or value for a message: {@link #cut(String)} in double quotes. */
  static String quote(String s) {
    return '"' + cut(s) + '"';
  }

  /**
   * Makes a name or value fit a one-line message: cut to 80 characters (then {@code ...}),
   * double quotes and backslashes escaped, control characters as backslash-u escapes.
   */
  static String cut(String s) {
    int end = Math.min(s.length(), 80);
    if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append("\\u00").append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xf, 16));
      } else {
        sb.append(c);
      }
    }
    return s.length() > end ? sb.append("...").toString() : sb.toString();
  }

  private static boolean isBefore(KdlLocation a, KdlLocation b) {
    return a.line() < b.line() || (a.line() == b.line() && a.column() < b.column());
  }

  private void error(KdlLocation at, String message) {
    errors.add(new WorkflowProblem(at, message));
  }

  /** Something the grammar does not know: a warning, or an error in strict mode. */
  private void unknown(KdlLocation at, String message) {
    (strict ? errors : warnings).add(new WorkflowProblem(at, message));
  }

  /** A job as read, before the ids and needs of the whole workflow are checked. */
  private static final class JobDraft {
    final KdlLocation location;
    String id;
    KdlLocation idLocation;
    String runsOn;
    String script;
    String group;
    final List<String> needs = new ArrayList<>();
    final Set<String> needSet = new HashSet<>();
    final List<KdlLocation> needWhere = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> setup = new ArrayList<>();
    final List<WorkflowStep> steps = new ArrayList<>();

    JobDraft(KdlLocation location) {
      this.location = location;
    }

    void need(String id, KdlLocation at) {
      if (needSet.add(id)) {
        needs.add(id);
        needWhere.add(at);
      }
    }
  }
}
