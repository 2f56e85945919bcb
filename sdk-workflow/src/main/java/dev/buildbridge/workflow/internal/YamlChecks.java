package dev.buildbridge.workflow.internal;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.kdl.KdlLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one YAML file while its values are read with their expected types;
 * each reader reports a value of the wrong type at its location and returns null, so that every
 * problem of the file is found in one pass. Not thread-safe; one per file.
 */
public final class YamlChecks {
  private static final Comparator<WorkflowProblem> FILE_ORDER =
      Comparator.comparingInt((WorkflowProblem p) -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  private final boolean strict;
  private final List<WorkflowProblem> errors;
  private final List<WorkflowProblem> warnings = new ArrayList<>();

  /**
   * Starts the checks of one file.
   *
   * @param strict whether {@link #unknown} reports errors rather than warnings
   * @param errors the problems found so far (those of the YAML reader); added to
   */
  public YamlChecks(boolean strict, List<WorkflowProblem> errors) {
    this.strict = strict;
    this.errors = errors;
  }

  /**
   * Reports an error.
   *
   * @param at where
   * @param message what is wrong
   */
  public void error(KdlLocation at, String message) {
    errors.add(new WorkflowProblem(at, message));
  }

  /**
   * Reports something the format does not know: an error when strict, else a warning.
   *
   * @param at where
   * @param message what is unknown
   */
  public void unknown(KdlLocation at, String message) {
    (strict ? errors : warnings).add(new WorkflowProblem(at, message));
  }

  /**
   * Returns the warnings, in file order.
   *
   * @return a copy
   */
  public List<WorkflowProblem> warnings() {
    List<WorkflowProblem> sorted = new ArrayList<>(new LinkedHashSet<>(warnings));
    sorted.sort(FILE_ORDER);
    return List.copyOf(sorted);
  }

  /**
   * Throws the errors, in file order, when there are any.
   *
   * @throws WorkflowException {@link WorkflowException.Reason#INVALID} listing every error
   */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      // a node used through several aliases reports its problems once
      List<WorkflowProblem> sorted = new ArrayList<>(new LinkedHashSet<>(errors));
      sorted.sort(FILE_ORDER);
      throw WorkflowException.invalid(sorted);
    }
  }

  /**
   * Reports every key of a mapping that is not known, with the known ones and, when one is
   * close, a suggestion; as errors or (not strict) warnings.
   *
   * @param mapping the mapping
   * @param known the keys it may have
   * @param what the mapping's name in the message, such as {@code a build}
   * @param asError true to report errors whatever the strictness
   */
  public void unknownKeys(YamlNode.Mapping mapping, Collection<String> known, String what,
      boolean asError) {
    for (YamlNode.Entry e : mapping.entries().values()) {
      if (!known.contains(e.key())) {
        unknownKey(e, known, what, asError);
      }
    }
  }

  /**
   * Reports one key that is not known, as {@link #unknownKeys} does.
   *
   * @param entry the entry with the key
   * @param known the keys its mapping may have
   * @param what the mapping's name in the message
   * @param asError true to report an error whatever the strictness
   */
  public void unknownKey(YamlNode.Entry entry, Collection<String> known, String what,
      boolean asError) {
    String message = "unknown key " + Texts.quote(entry.key()) + " in " + what
        + suggest(entry.key(), known) + "; known keys: " + Texts.list(known);
    if (asError) {
      error(entry.keyLocation(), message);
    } else {
      unknown(entry.keyLocation(), message);
    }
  }

  /**
   * Returns how many errors were found so far (of the reader's too).
   *
   * @return the count
   */
  public int errorCount() {
    return errors.size();
  }

  /** Returns {@code " (did you mean \"x\"?)"} for a known key at most two edits away. */
  private static String suggest(String key, Collection<String> known) {
    if (key.length() > 64) {
      return "";
    }
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(key, k, bestDistance);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + Texts.quote(best) + "?)";
  }

  /** Levenshtein distance, or {@code limit} when it is at least that. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit);
  }

  /**
   * Reads a mapping.
   *
   * @param node the node
   * @param what its name in the message, such as {@code the file} or {@code "build"}
   * @return the mapping, or null (reported) when it is something else
   */
  public YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    error(node.location(), what + " must be a mapping, not " + node.describe());
    return null;
  }

  /**
   * Reads a list.
   *
   * @param entry the entry
   * @param nonEmpty whether an empty list is an error
   * @return the items, or null (reported) when it is something else or empty
   */
  public List<YamlNode> list(YamlNode.Entry entry, boolean nonEmpty) {
    if (!(entry.value() instanceof YamlNode.Sequence s)) {
      error(entry.value().location(), Texts.quote(entry.key()) + " must be a list, not "
          + entry.value().describe());
      return null;
    }
    if (nonEmpty && s.items().isEmpty()) {
      error(entry.value().location(), Texts.quote(entry.key()) + " must not be empty");
      return null;
    }
    return s.items();
  }

  /**
   * Reads a text: any scalar but null, as written, not empty.
   *
   * @param entry the entry
   * @return the text, or null (reported)
   */
  public String text(YamlNode.Entry entry) {
    return text(entry.value(), Texts.quote(entry.key()));
  }

  /**
   * Reads a text: any scalar but null, as written, not empty.
   *
   * @param node the node
   * @param what its name in the message
   * @return the text, or null (reported)
   */
  public String text(YamlNode node, String what) {
    if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
      error(node.location(), what + " must be a string, not " + node.describe());
      return null;
    }
    if (s.text().isBlank()) {
      error(node.location(), what + " must not be empty");
      return null;
    }
    return s.text();
  }

  /**
   * Reads a boolean.
   *
   * @param entry the entry
   * @return the value, or null (reported)
   */
  public Boolean bool(YamlNode.Entry entry) {
    if (entry.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.BOOLEAN) {
      return s.bool();
    }
    error(entry.value().location(), Texts.quote(entry.key()) + " must be true or false, not "
        + entry.value().describe());
    return null;
  }

  /**
   * Reads an integer in a range.
   *
   * @param entry the entry
   * @param min the least value
   * @param max the greatest value
   * @return the value, or null (reported)
   */
  public Long integer(YamlNode.Entry entry, long min, long max) {
    return integer(entry.value(), Texts.quote(entry.key()), min, max);
  }

  /**
   * Reads an integer in a range.
   *
   * @param node the node
   * @param what its name in the message
   * @param min the least value
   * @param max the greatest value
   * @return the value, or null (reported)
   */
  public Long integer(YamlNode node, String what, long min, long max) {
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.INTEGER) {
      Long value = s.integer();
      if (value != null && value >= min && value <= max) {
        return value;
      }
      error(node.location(), what + " must be from " + min + " to " + max + ", not "
          + Texts.cut(s.text()));
      return null;
    }
    error(node.location(), what + " must be an integer, not " + node.describe());
    return null;
  }

  /**
   * Reads a string or a list of strings as a list.
   *
   * @param entry the entry
   * @return the texts, or null (reported)
   */
  public List<String> texts(YamlNode.Entry entry) {
    YamlNode value = entry.value();
    if (value instanceof YamlNode.Scalar) {
      String one = text(entry);
      return one == null ? null : List.of(one);
    }
    if (!(value instanceof YamlNode.Sequence s)) {
      error(value.location(), Texts.quote(entry.key()) + " must be a string or a list of"
          + " strings, not " + value.describe());
      return null;
    }
    List<String> out = new ArrayList<>(s.items().size());
    boolean ok = true;
    for (YamlNode item : s.items()) {
      String t = text(item, "each of " + Texts.quote(entry.key()));
      ok &= t != null;
      out.add(t);
    }
    return ok ? List.copyOf(out) : null;
  }

  /**
   * Reads a mapping of names to texts (scalars as written; an empty value is kept).
   *
   * @param entry the entry
   * @return the map in order, or null (reported)
   */
  public Map<String, String> textMap(YamlNode.Entry entry) {
    YamlNode.Mapping m = mapping(entry.value(), Texts.quote(entry.key()));
    if (m == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : m.entries().values()) {
      if (e.key().isBlank()) {
        error(e.keyLocation(), "a name in " + Texts.quote(entry.key()) + " is empty");
        ok = false;
      } else if (!(e.value() instanceof YamlNode.Scalar s) || s.isNull()) {
        error(e.value().location(), Texts.quote(entry.key()) + "." + Texts.cut(e.key())
            + " must be a string, not " + e.value().describe());
        ok = false;
      } else {
        out.put(e.key(), s.text());
      }
    }
    return ok ? out : null;
  }
}
