package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One walk over a document, checking it against the KCIDB v5.3 schema (and, with conventions on,
 * what kcidb-io and this SDK also require). Not thread-safe: one walker per validation.
 */
final class DocumentWalker {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final boolean conventions;
  private final int maxViolations;
  private final List<Violation> violations = new ArrayList<>();
  private long omitted;
  private final StringBuilder pointer = new StringBuilder(64);
  /** The declared minor version for the conventions' version gate; -1 when unknown. */
  private int minor = -1;

  DocumentWalker(boolean conventions, int maxViolations) {
    this.conventions = conventions;
    this.maxViolations = maxViolations;
  }

  ValidationResult result() {
    return new ValidationResult(violations.isEmpty(), violations, omitted);
  }

  // ---- reporting --------------------------------------------------------------------------

  private void report(String message) {
    if (violations.size() < maxViolations) {
      violations.add(new Violation(pointer.toString(), message));
    } else {
      omitted++;
    }
  }

  private int push(String key) {
    int mark = pointer.length();
    pointer.append('/');
    Violation.appendEscaped(pointer, key);
    return mark;
  }

  private int push(int index) {
    int mark = pointer.length();
    pointer.append('/').append(index);
    return mark;
  }

  private void pop(int mark) {
    pointer.setLength(mark);
  }

  private void missing(String key) {
    int mark = push(key);
    report("required property is missing");
    pop(mark);
  }

  private void wrongType(JsonNode value, String expected) {
    report("must be " + expected + ", got " + typeOf(value)
        + (value.isNull() ? " (leave the property out instead)" : ""));
  }

  private void unknown(String what, String key) {
    String hint;
    switch (what + "." + key) {
      case "build.valid":
        hint = "; KCIDB v5 builds have \"status\" instead";
        break;
      case "test.waived":
        hint = "; removed in KCIDB v5 (report an issue and an incident instead)";
        break;
      case "checkout.contacts":
      case "issue.build_valid":
      case "issue.test_status":
        hint = "; removed in KCIDB v5";
        break;
      default:
        hint = "";
    }
    report("is not a property of " + article(what) + " in KCIDB v5.3" + hint);
  }

  private static String article(String what) {
    return (what.startsWith("i") ? "an " : "a ") + what;
  }

  static String typeOf(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
        return "a string";
      case NUMBER:
        return value.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      default:
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  // ---- typed values -----------------------------------------------------------------------

  /** A string following {@code rule}; returns it when it is a string that follows the rule. */
  private String string(JsonNode value, Function<String, String> rule) {
    if (!value.isTextual()) {
      wrongType(value, "a string");
      return null;
    }
    String text = value.textValue();
    String problem = rule.apply(text);
    if (problem != null) {
      report(problem);
      return null;
    }
    return text;
  }

  private void bool(JsonNode value) {
    if (!value.isBoolean()) {
      wrongType(value, "a boolean");
    }
  }

  private void number(JsonNode value) {
    if (!value.isNumber()) {
      wrongType(value, "a number");
    } else if (value.isFloatingPointNumber() && !value.isBigDecimal()
        && !Double.isFinite(value.doubleValue())) {
      report("is out of range for a number");
    } else if (conventions && !Double.isFinite(value.doubleValue())) {
      report("is too large for a 64-bit float");
    }
  }

  private void misc(JsonNode value) {
    if (!value.isObject()) {
      wrongType(value, "an object");
    } else if (conventions) {
      miscTree(value, 1);
    }
  }

  /** With conventions on: a {@code misc} tree the SDK can hold, nested at most 64 levels. */
  private void miscTree(JsonNode value, int depth) {
    if (value.isContainerNode()) {
      if (depth > Checks.MAX_MISC_DEPTH) {
        report("nests deeper than " + Checks.MAX_MISC_DEPTH + " levels inside misc");
        return;
      }
      if (value.isObject()) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          int mark = push(e.getKey());
          miscTree(e.getValue(), depth + 1);
          pop(mark);
        }
      } else {
        for (int i = 0; i < value.size(); i++) {
          int mark = push(i);
          miscTree(value.get(i), depth + 1);
          pop(mark);
        }
      }
    } else if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
      report("is too large for a 64-bit float");
    }
  }

  /**
   * An integer (JSON Schema draft 7: any number without a fraction, so {@code 1.0} counts) of at
   * least 0; with conventions on, it must also fit 64 bits.
   */
  private void version(JsonNode value) {
    BigDecimal number = integral(value);
    if (number == null) {
      return;
    }
    if (number.signum() < 0) {
      report("must be >= 0, got " + number.toPlainString());
    } else if (conventions && number.toBigInteger().compareTo(LONG_MAX) > 0) {
      report("is larger than this SDK supports (2^63 - 1)");
    }
  }

  /** The value of an integral number, or null after reporting why it is not one. */
  private BigDecimal integral(JsonNode value) {
    if (!value.isNumber()) {
      wrongType(value, "an integer");
      return null;
    }
    if (value.isIntegralNumber()) {
      return new BigDecimal(value.bigIntegerValue());
    }
    if (!value.isBigDecimal()) {
      double d = value.doubleValue();
      if (!Double.isFinite(d)) {
        report("is out of range for an integer");
        return null;
      }
      if (d != Math.rint(d)) {
        report("must be an integer, got " + d);
        return null;
      }
      return new BigDecimal(d);
    }
    BigDecimal decimal = value.decimalValue();
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
      report("must be an integer, got " + decimal.toPlainString());
      return null;
    }
    return decimal;
  }

  private boolean object(JsonNode value) {
    if (value.isObject()) {
      return true;
    }
    wrongType(value, "an object");
    return false;
  }

  private boolean array(JsonNode value) {
    if (value.isArray()) {
      return true;
    }
    wrongType(value, "an array");
    return false;
  }

  private void strings(JsonNode value, Function<String, String> rule) {
    if (!array(value)) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      int mark = push(i);
      string(value.get(i), rule);
      pop(mark);
    }
  }

  private void resources(JsonNode value) {
    if (!array(value)) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      int mark = push(i);
      JsonNode resource = value.get(i);
      if (object(resource)) {
        boolean name = false;
        boolean url = false;
        for (Map.Entry<String, JsonNode> e : resource.properties()) {
          int inner = push(e.getKey());
          switch (e.getKey()) {
            case "name":
              name = true;
              string(e.getValue(), Syntax::resourceName);
              break;
            case "url":
              url = true;
              string(e.getValue(), Syntax::uri);
              break;
            default:
              unknown("resource", e.getKey());
          }
          pop(inner);
        }
        required(name, "name");
        required(url, "url");
      }
      pop(mark);
    }
  }

  private void required(boolean present, String key) {
    if (!present) {
      missing(key);
    }
  }

  /** With conventions on: a property newer than the declared minor version; kcidb-io refuses. */
  private void since(int neededMinor) {
    if (conventions && minor >= 0 && minor < neededMinor) {
      report("needs schema version 5." + neededMinor + " but the document declares 5." + minor
          + " (kcidb-io validates against the declared version)");
    }
  }

  /** With conventions on: the id starts with the origin and has a non-empty local part. */
  private void ownId(String id, String origin, boolean idPresent) {
    if (!conventions || id == null || origin == null || !idPresent) {
      return;
    }
    int mark = push("id");
    if (!id.startsWith(origin) || id.charAt(origin.length()) != ':') {
      report("does not start with its origin \"" + origin + ":\"");
    } else if (id.length() == origin.length() + 1) {
      report("has an empty local part after \"" + origin + ":\"");
    }
    pop(mark);
  }

  // ---- the document -----------------------------------------------------------------------

  void document(JsonNode root) {
    if (!object(root)) {
      return;
    }
    JsonNode version = root.get("version");
    if (version == null) {
      missing("version");
    } else {
      int mark = push("version");
      schemaVersion(version);
      pop(mark);
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      int mark = push(key);
      switch (key) {
        case "version":
          break;
        case "checkouts":
        case "builds":
        case "tests":
        case "issues":
        case "incidents":
          list(key, value);
          break;
        default:
          report("is not a top-level property in KCIDB v5.3 (version, checkouts, builds, tests,"
              + " issues, incidents)");
      }
      pop(mark);
    }
  }

  private void schemaVersion(JsonNode version) {
    if (!object(version)) {
      return;
    }
    boolean major = false;
    int declaredMinor = 0;
    boolean minorOk = true;
    for (Map.Entry<String, JsonNode> e : version.properties()) {
      int mark = push(e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "major":
          major = true;
          BigDecimal majorNumber = integral(value);
          if (majorNumber != null && majorNumber.compareTo(BigDecimal.valueOf(5)) != 0) {
            report("must be 5 (this is the KCIDB v5 schema), got " + majorNumber.toPlainString());
          }
          break;
        case "minor":
          BigDecimal number = integral(value);
          minorOk = false;
          if (number != null) {
            if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(3)) > 0) {
              report("must be between 0 and 3, got " + number.toPlainString());
            } else {
              declaredMinor = number.intValue();
              minorOk = true;
            }
          }
          break;
        default:
          report("is not a property of the version (major, minor)");
      }
      pop(mark);
    }
    required(major, "major");
    minor = minorOk ? declaredMinor : -1;
  }

  private void list(String key, JsonNode value) {
    if (!array(value)) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      int mark = push(i);
      JsonNode item = value.get(i);
      if (object(item)) {
        switch (key) {
          case "checkouts":
            checkout(item);
            break;
          case "builds":
            build(item);
            break;
          case "tests":
            test(item);
            break;
          case "issues":
            issue(item);
            break;
          default:
            incident(item);
        }
      }
      pop(mark);
    }
  }

  private void checkout(JsonNode checkout) {
    boolean hasId = false;
    boolean hasOrigin = false;
    String id = null;
    String origin = null;
    for (Map.Entry<String, JsonNode> e : checkout.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int mark = push(key);
      switch (key) {
        case "id":
          hasId = true;
          id = string(v, Syntax::id);
          break;
        case "origin":
          hasOrigin = true;
          origin = string(v, Syntax::origin);
          break;
        case "tree_name":
        case "git_commit_name":
        case "git_commit_message":
        case "git_repository_branch":
        case "comment":
          string(v, Syntax::text);
          break;
        case "git_repository_url":
          string(v, Syntax::httpsUrl);
          break;
        case "git_commit_hash":
          string(v, Syntax::sha1);
          break;
        case "git_commit_tags":
          strings(v, Syntax::text);
          break;
        case "git_repository_branch_tip":
        case "valid":
          bool(v);
          break;
        case "patchset_files":
          resources(v);
          break;
        case "patchset_hash":
          string(v, Syntax::patchsetHash);
          break;
        case "message_id":
          string(v, conventions ? Syntax::messageId : Syntax::email);
          break;
        case "start_time":
        case "_timestamp":
          string(v, Syntax::dateTime);
          break;
        case "origin_builds_finish_time":
        case "origin_tests_finish_time":
          string(v, Syntax::dateTime);
          since(1);
          break;
        case "log_url":
          string(v, Syntax::uri);
          break;
        case "log_excerpt":
          string(v, Syntax::logExcerpt);
          break;
        case "misc":
          misc(v);
          break;
        default:
          unknown("checkout", key);
      }
      pop(mark);
    }
    required(hasId, "id");
    required(hasOrigin, "origin");
    ownId(id, origin, hasId);
  }

  private void build(JsonNode build) {
    boolean hasId = false;
    boolean hasOrigin = false;
    boolean hasCheckout = false;
    String id = null;
    String origin = null;
    for (Map.Entry<String, JsonNode> e : build.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int mark = push(key);
      switch (key) {
        case "id":
          hasId = true;
          id = string(v, Syntax::id);
          break;
        case "origin":
          hasOrigin = true;
          origin = string(v, Syntax::origin);
          break;
        case "checkout_id":
          hasCheckout = true;
          string(v, Syntax::id);
          break;
        case "comment":
        case "command":
        case "compiler":
        case "config_name":
          string(v, Syntax::text);
          break;
        case "start_time":
        case "_timestamp":
          string(v, Syntax::dateTime);
          break;
        case "duration":
          number(v);
          break;
        case "architecture":
          string(v, Syntax::architecture);
          break;
        case "input_files":
        case "output_files":
          resources(v);
          break;
        case "config_url":
        case "log_url":
          string(v, Syntax::uri);
          break;
        case "log_excerpt":
          string(v, Syntax::logExcerpt);
          break;
        case "status":
          status(v);
          break;
        case "misc":
          misc(v);
          break;
        default:
          unknown("build", key);
      }
      pop(mark);
    }
    required(hasCheckout, "checkout_id");
    required(hasId, "id");
    required(hasOrigin, "origin");
    ownId(id, origin, hasId);
  }

  private void status(JsonNode v) {
    if (!v.isTextual()) {
      wrongType(v, "a string");
    } else if (KcidbStatus.find(v.textValue()).isEmpty()) {
      report("must be one of FAIL, ERROR, MISS, PASS, DONE, SKIP, got "
          + Checks.quote(v.textValue()));
    }
  }

  private void test(JsonNode test) {
    boolean hasId = false;
    boolean hasOrigin = false;
    boolean hasBuild = false;
    String id = null;
    String origin = null;
    for (Map.Entry<String, JsonNode> e : test.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int mark = push(key);
      switch (key) {
        case "id":
          hasId = true;
          id = string(v, Syntax::id);
          break;
        case "origin":
          hasOrigin = true;
          origin = string(v, Syntax::origin);
          break;
        case "build_id":
          hasBuild = true;
          string(v, Syntax::id);
          break;
        case "environment":
          environment(v);
          break;
        case "path":
          string(v, Syntax::path);
          break;
        case "comment":
          string(v, Syntax::text);
          break;
        case "log_url":
          string(v, Syntax::uri);
          break;
        case "log_excerpt":
          string(v, Syntax::logExcerpt);
          break;
        case "status":
          status(v);
          break;
        case "number":
          testNumber(v);
          break;
        case "start_time":
        case "_timestamp":
          string(v, Syntax::dateTime);
          break;
        case "duration":
          number(v);
          break;
        case "input_files":
          resources(v);
          since(3);
          break;
        case "output_files":
          resources(v);
          break;
        case "misc":
          misc(v);
          break;
        default:
          unknown("test", key);
      }
      pop(mark);
    }
    required(hasBuild, "build_id");
    required(hasId, "id");
    required(hasOrigin, "origin");
    ownId(id, origin, hasId);
  }

  private void environment(JsonNode environment) {
    if (!object(environment)) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : environment.properties()) {
      int mark = push(e.getKey());
      switch (e.getKey()) {
        case "comment":
          string(e.getValue(), Syntax::text);
          break;
        case "compatible":
          strings(e.getValue(), Syntax::compatible);
          break;
        case "misc":
          misc(e.getValue());
          break;
        default:
          report("is not a property of a test environment (comment, compatible, misc)");
      }
      pop(mark);
    }
  }

  private void testNumber(JsonNode number) {
    if (!object(number)) {
      return;
    }
    boolean hasValue = false;
    for (Map.Entry<String, JsonNode> e : number.properties()) {
      int mark = push(e.getKey());
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "value":
          hasValue = true;
          number(v);
          break;
        case "unit":
          string(v, Syntax::text);
          break;
        case "prefix":
          if (!v.isTextual()) {
            wrongType(v, "a string");
          } else if (!"metric".equals(v.textValue()) && !"binary".equals(v.textValue())) {
            report("must be \"metric\" or \"binary\", got " + Checks.quote(v.textValue()));
          }
          break;
        default:
          report("is not a property of a test number (value, unit, prefix)");
      }
      pop(mark);
    }
    required(hasValue, "value");
  }

  private void issue(JsonNode issue) {
    boolean hasId = false;
    boolean hasOrigin = false;
    boolean hasVersion = false;
    String id = null;
    String origin = null;
    for (Map.Entry<String, JsonNode> e : issue.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int mark = push(key);
      switch (key) {
        case "id":
          hasId = true;
          id = string(v, Syntax::id);
          break;
        case "origin":
          hasOrigin = true;
          origin = string(v, Syntax::origin);
          break;
        case "version":
          hasVersion = true;
          version(v);
          break;
        case "report_url":
          string(v, Syntax::uri);
          break;
        case "report_subject":
        case "comment":
          string(v, Syntax::text);
          break;
        case "culprit":
          culprit(v);
          break;
        case "categories":
          strings(v, Syntax::path);
          since(2);
          break;
        case "_timestamp":
          string(v, Syntax::dateTime);
          break;
        case "misc":
          misc(v);
          break;
        default:
          unknown("issue", key);
      }
      pop(mark);
    }
    required(hasId, "id");
    required(hasVersion, "version");
    required(hasOrigin, "origin");
    ownId(id, origin, hasId);
  }

  private void culprit(JsonNode culprit) {
    if (!object(culprit)) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : culprit.properties()) {
      int mark = push(e.getKey());
      switch (e.getKey()) {
        case "code":
        case "tool":
        case "harness":
          bool(e.getValue());
          break;
        default:
          report("is not a property of a culprit (code, tool, harness)");
      }
      pop(mark);
    }
  }

  private void incident(JsonNode incident) {
    boolean hasId = false;
    boolean hasOrigin = false;
    boolean hasIssue = false;
    boolean hasIssueVersion = false;
    String id = null;
    String origin = null;
    for (Map.Entry<String, JsonNode> e : incident.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int mark = push(key);
      switch (key) {
        case "id":
          hasId = true;
          id = string(v, Syntax::id);
          break;
        case "origin":
          hasOrigin = true;
          origin = string(v, Syntax::origin);
          break;
        case "issue_id":
          hasIssue = true;
          string(v, Syntax::id);
          break;
        case "issue_version":
          hasIssueVersion = true;
          version(v);
          break;
        case "build_id":
        case "test_id":
          string(v, Syntax::id);
          break;
        case "present":
          bool(v);
          break;
        case "comment":
          string(v, Syntax::text);
          break;
        case "_timestamp":
          string(v, Syntax::dateTime);
          break;
        case "misc":
          misc(v);
          break;
        default:
          unknown("incident", key);
      }
      pop(mark);
    }
    required(hasId, "id");
    required(hasOrigin, "origin");
    required(hasIssue, "issue_id");
    required(hasIssueVersion, "issue_version");
    ownId(id, origin, hasId);
  }
}
