package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's hand-written validator and the official KCIDB v5.3 JSON schema (run by networknt, see
 * {@link OfficialSchema}) must give the same verdict on every document. The documents are made
 * deterministically: valid ones from the SDK's builders, then each mutated in one place: a
 * required property removed, a wrong type, a bad id, origin, time, URI, hash, path or enum, an
 * extra property, a NUL, a wrong version, and also edge values that are valid.
 */
class SchemaAgreementTest {
  private static final long SEED = 0x4b434944_42L;
  private static final int DOCUMENTS = 150;
  private static final int MUTATIONS_PER_DOCUMENT = 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static OfficialSchema official;

  @BeforeAll
  static void loadSchema() {
    official = OfficialSchema.load(true);
  }

  /** One document to judge: what was done, where, and (when known) the expected verdict. */
  private record Case(String label, JsonNode document, String pointer, Boolean valid) {}

  /** Every generated and fixed case, the same on every run. */
  private static List<Case> cases() {
    DocumentGenerator generator = new DocumentGenerator(SEED);
    List<Case> cases = new ArrayList<>();
    for (int d = 0; d < DOCUMENTS; d++) {
      ObjectNode base = generator.document().toJsonNode();
      cases.add(new Case("generated document", base, null, true));
      for (int m = 0; m < MUTATIONS_PER_DOCUMENT; m++) {
        cases.add(new Mutator(generator.random(), base.deepCopy()).mutate());
      }
    }
    cases.addAll(fixedCases());
    return cases;
  }

  @Test
  void sdkValidatorAgreesWithOfficialSchemaOnGeneratedDocuments() throws Exception {
    List<Case> cases = cases();

    List<String> failures = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (Case c : cases) {
      ValidationResult sdk = KcidbValidator.officialSchema().validate(c.document());
      List<String> networknt = official.errors(c.document());
      boolean agree = sdk.valid() == networknt.isEmpty();
      boolean expected = c.valid() == null || c.valid() == sdk.valid();
      boolean located = sdk.valid() || c.pointer() == null
          || sdk.violations().stream().anyMatch(v -> v.pointer().startsWith(c.pointer()));
      if (!agree || !expected || !located) {
        failures.add(c.label() + (agree ? "" : " [verdicts differ]")
            + (expected ? "" : " [expected valid=" + c.valid() + "]")
            + (located ? "" : " [no violation at " + c.pointer() + "]")
            + "\n  document: " + MAPPER.writeValueAsString(c.document())
            + "\n  sdk:      " + sdk.violations()
            + "\n  networknt: " + networknt);
      }
      if (sdk.valid()) {
        valid++;
      } else {
        invalid++;
      }
    }
    System.out.println("[SchemaAgreementTest] " + cases.size() + " documents: " + valid
        + " valid, " + invalid + " invalid; " + failures.size() + " disagreements");
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n"
        + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
    assertTrue(cases.size() >= 3000, "cases: " + cases.size());
    assertTrue(invalid > cases.size() / 2, "too few invalid cases: " + invalid);
    assertTrue(valid > cases.size() / 10, "too few valid cases: " + valid);
  }

  @Test
  void parsingSucceedsExactlyWhenTheStrictValidatorAccepts() {
    int parsed = 0;
    for (Case c : cases()) {
      ValidationResult strict = KcidbValidator.strict().validate(c.document());
      if (strict.valid()) {
        KcidbDocument document = KcidbDocument.fromJsonNode(c.document());
        assertEquals(document, KcidbDocument.parse(document.toJson()), c.label());
        parsed++;
      } else {
        KcidbValidationException e = assertThrows(KcidbValidationException.class,
            () -> KcidbDocument.fromJsonNode(c.document()), c.label());
        assertEquals(strict.violations(), e.violations(), c.label());
      }
    }
    assertTrue(parsed > 300, "parsed: " + parsed);
  }

  @Test
  void generatedDocumentsAlsoPassStrictValidation() {
    DocumentGenerator generator = new DocumentGenerator(SEED + 1);
    for (int i = 0; i < DOCUMENTS; i++) {
      ObjectNode document = generator.document().toJsonNode();
      ValidationResult strict = KcidbValidator.strict().validate(document);
      assertTrue(strict.valid(), () -> strict.summary(5) + "\n" + document);
      assertTrue(official.isValid(document), () -> official.errors(document) + "\n" + document);
    }
  }

  /**
   * Where networknt's stock checks differ from the official Python validator's, the SDK follows
   * the official one; where the official one has a Python quirk, the SDK follows JSON Schema.
   * Each row: the value, the SDK's verdict, networknt's stock verdict, and why.
   */
  @Test
  void documentedDivergencesFromNetworkntAndPython() {
    OfficialSchema stock = OfficialSchema.load(false);
    Object[][] rows = {
        // property, value, SDK valid, stock networknt valid
        {"start_time", "2016-12-31T23:59:60Z", false, true,
            "rfc3339-validator has no leap seconds; networknt takes real ones"},
        {"start_time", "0000-01-01T00:00:00Z", false, true,
            "rfc3339-validator refuses year 0; networknt takes it"},
        {"log_url", "http://h:8x/", false, true,
            "a port is digits (rfc3987); networknt takes letters"},
        {"log_url", "https://a@b@c/", false, true,
            "userinfo ends at the first @ and a host has none (rfc3987); networknt takes it"},
        {"log_url", "http://[v1.x]/", true, false,
            "IPvFuture is RFC 3986 and rfc3987; networknt refuses it"},
        {"message_id", "<20200814.abc@mail.gmail.com>", true, false,
            "python-jsonschema's email only needs an @; networknt wants an RFC 5321 mailbox"},
        {"origin", "abc\n", false, false,
            "Python's re.search takes a newline before $ (so kcidb-io accepts it); JSON Schema"
                + " (ECMA-262) and both Java validators do not"},
    };
    for (Object[] row : rows) {
      ObjectNode document = NODES.objectNode();
      document.putObject("version").put("major", 5).put("minor", 3);
      ObjectNode checkout = document.putArray("checkouts").addObject()
          .put("id", "a:1").put("origin", "a");
      checkout.put((String) row[0], (String) row[1]);
      String why = (String) row[4];
      assertEquals(row[2], KcidbValidator.officialSchema().validate(document).valid(),
          "SDK on " + row[1] + ": " + why);
      assertEquals(row[3], stock.isValid(document), "stock networknt on " + row[1] + ": " + why);
    }
  }

  /** Cases worth having every time, beyond the random ones. */
  private static List<Case> fixedCases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("root is an array", NODES.arrayNode(), "", false));
    cases.add(new Case("root is a string", NODES.textNode("x"), "", false));
    cases.add(new Case("empty object", NODES.objectNode(), "/version", false));
    ObjectNode minimal = NODES.objectNode();
    minimal.putObject("version").put("major", 5);
    cases.add(new Case("version only", minimal, null, true));
    ObjectNode empty = minimal.deepCopy();
    for (String list : new String[] {"checkouts", "builds", "tests", "issues", "incidents"}) {
      empty.putArray(list);
    }
    cases.add(new Case("empty lists", empty, null, true));
    ObjectNode oldMinor = minimal.deepCopy();
    ((ObjectNode) oldMinor.get("version")).put("minor", 0);
    oldMinor.putArray("tests").addObject().put("id", "a:1").put("origin", "a")
        .put("build_id", "a:2").putArray("input_files");
    cases.add(new Case("5.0 with a 5.3 property (the schema allows it)", oldMinor, null, true));
    return cases;
  }

  /** Changes a valid document in one place. */
  private static final class Mutator {
    private static final String[] KINDS = {"checkouts", "builds", "tests", "issues", "incidents"};
    private static final Map<String, Map<String, String>> TYPES = new LinkedHashMap<>();
    private static final Map<String, String[]> REQUIRED = new LinkedHashMap<>();

    static {
      Map<String, String> checkout = new LinkedHashMap<>();
      checkout.put("id", "id");
      checkout.put("origin", "origin");
      for (String key : new String[] {"tree_name", "git_commit_name", "git_commit_message",
          "git_repository_branch", "comment"}) {
        checkout.put(key, "text");
      }
      checkout.put("git_repository_url", "https");
      checkout.put("git_commit_hash", "sha1");
      checkout.put("git_commit_tags", "texts");
      checkout.put("git_repository_branch_tip", "bool");
      checkout.put("patchset_files", "resources");
      checkout.put("patchset_hash", "patchset");
      checkout.put("message_id", "email");
      for (String key : new String[] {"start_time", "origin_builds_finish_time",
          "origin_tests_finish_time", "_timestamp"}) {
        checkout.put(key, "time");
      }
      checkout.put("log_url", "uri");
      checkout.put("log_excerpt", "excerpt");
      checkout.put("valid", "bool");
      checkout.put("misc", "misc");
      TYPES.put("checkouts", checkout);
      REQUIRED.put("checkouts", new String[] {"id", "origin"});

      Map<String, String> build = new LinkedHashMap<>();
      build.put("id", "id");
      build.put("origin", "origin");
      build.put("checkout_id", "id");
      for (String key : new String[] {"comment", "command", "compiler", "config_name"}) {
        build.put(key, "text");
      }
      build.put("start_time", "time");
      build.put("_timestamp", "time");
      build.put("duration", "number");
      build.put("architecture", "arch");
      build.put("input_files", "resources");
      build.put("output_files", "resources");
      build.put("config_url", "uri");
      build.put("log_url", "uri");
      build.put("log_excerpt", "excerpt");
      build.put("status", "status");
      build.put("misc", "misc");
      TYPES.put("builds", build);
      REQUIRED.put("builds", new String[] {"id", "origin", "checkout_id"});

      Map<String, String> test = new LinkedHashMap<>();
      test.put("id", "id");
      test.put("origin", "origin");
      test.put("build_id", "id");
      test.put("environment", "environment");
      test.put("path", "path");
      test.put("comment", "text");
      test.put("log_url", "uri");
      test.put("log_excerpt", "excerpt");
      test.put("status", "status");
      test.put("number", "testnumber");
      test.put("start_time", "time");
      test.put("_timestamp", "time");
      test.put("duration", "number");
      test.put("input_files", "resources");
      test.put("output_files", "resources");
      test.put("misc", "misc");
      TYPES.put("tests", test);
      REQUIRED.put("tests", new String[] {"id", "origin", "build_id"});

      Map<String, String> issue = new LinkedHashMap<>();
      issue.put("id", "id");
      issue.put("origin", "origin");
      issue.put("version", "version");
      issue.put("report_url", "uri");
      issue.put("report_subject", "text");
      issue.put("culprit", "culprit");
      issue.put("comment", "text");
      issue.put("categories", "paths");
      issue.put("_timestamp", "time");
      issue.put("misc", "misc");
      TYPES.put("issues", issue);
      REQUIRED.put("issues", new String[] {"id", "origin", "version"});

      Map<String, String> incident = new LinkedHashMap<>();
      incident.put("id", "id");
      incident.put("origin", "origin");
      incident.put("issue_id", "id");
      incident.put("issue_version", "version");
      incident.put("build_id", "id");
      incident.put("test_id", "id");
      incident.put("present", "bool");
      incident.put("comment", "text");
      incident.put("_timestamp", "time");
      incident.put("misc", "misc");
      TYPES.put("incidents", incident);
      REQUIRED.put("incidents", new String[] {"id", "origin", "issue_id", "issue_version"});
    }

    private static final String LONG_INVALID = "\uD83D\uDE00".repeat(16_385);
    private static final String LONG_VALID = "\uD83D\uDE00".repeat(16_384);

    private final Random random;
    private final ObjectNode document;

    Mutator(Random random, ObjectNode document) {
      this.random = random;
      this.document = document;
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }

    Case mutate() {
      List<String[]> objects = new ArrayList<>();
      for (String kind : KINDS) {
        JsonNode list = document.get(kind);
        for (int i = 0; list != null && i < list.size(); i++) {
          objects.add(new String[] {kind, Integer.toString(i)});
        }
      }
      int choice = random.nextInt(100);
      if (objects.isEmpty() || choice < 6) {
        return choice % 2 == 0 ? version() : topLevel();
      }
      String[] target = objects.get(random.nextInt(objects.size()));
      String kind = target[0];
      ObjectNode object = (ObjectNode) document.get(kind).get(Integer.parseInt(target[1]));
      String at = "/" + kind + "/" + target[1];
      if (choice < 16) {
        String key = pick(REQUIRED.get(kind));
        object.remove(key);
        return new Case("remove required " + key + " of " + at, document, at + "/" + key, false);
      }
      if (choice < 24) {
        String key = pick(new String[] {"foo", "_x", "a/b~c", "", "valid", "waived", "contacts",
            "status", "version"});
        if (TYPES.get(kind).containsKey(key)) {
          key = key + "_extra";
        }
        object.put(key, 1);
        return new Case("extra property " + key + " in " + at, document,
            at + "/" + Violation.escape(key), false);
      }
      List<String> keys = new ArrayList<>(TYPES.get(kind).keySet());
      String key = keys.get(random.nextInt(keys.size()));
      String type = TYPES.get(kind).get(key);
      String pointer = at + "/" + key;
      if (choice < 34) {
        object.set(key, wrongType(type));
        return new Case("wrong type for " + type + " " + pointer, document, pointer, false);
      }
      if (choice < 70) {
        JsonNode bad = invalid(type);
        object.set(key, bad);
        return new Case("invalid " + type + " " + pointer + " = " + bad, document, pointer, false);
      }
      JsonNode good = valid(type);
      object.set(key, good);
      return new Case("valid " + type + " " + pointer + " = " + abbreviate(good), document, null,
          true);
    }

    private static String abbreviate(JsonNode value) {
      String text = value.toString();
      return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private Case version() {
      ObjectNode version = (ObjectNode) document.get("version");
      switch (random.nextInt(9)) {
        case 0:
          version.set("major", pick(new JsonNode[] {NODES.numberNode(4), NODES.textNode("5"),
              NODES.numberNode(5.5), NODES.nullNode(), NODES.numberNode(6)}));
          return new Case("bad major", document, "/version/major", false);
        case 1:
          version.put("major", 5.0);
          return new Case("major 5.0", document, null, true);
        case 2:
          version.set("minor", pick(new JsonNode[] {NODES.numberNode(4), NODES.numberNode(-1),
              NODES.numberNode(2.5), NODES.textNode("3"), NODES.nullNode()}));
          return new Case("bad minor", document, "/version/minor", false);
        case 3:
          version.put("minor", pick(new Integer[] {0, 1, 2}));
          return new Case("older minor", document, null, true);
        case 4:
          version.remove("minor");
          return new Case("no minor", document, null, true);
        case 5:
          version.remove("major");
          return new Case("no major", document, "/version/major", false);
        case 6:
          version.put("patch", 0);
          return new Case("extra version property", document, "/version/patch", false);
        case 7:
          document.put("version", "5.3");
          return new Case("version not an object", document, "/version", false);
        default:
          document.remove("version");
          return new Case("no version", document, "/version", false);
      }
    }

    private Case topLevel() {
      switch (random.nextInt(4)) {
        case 0:
          document.put("foo", 1);
          return new Case("unknown top-level property", document, "/foo", false);
        case 1: {
          String kind = pick(KINDS);
          document.putObject(kind);
          return new Case(kind + " not an array", document, "/" + kind, false);
        }
        case 2: {
          String kind = pick(KINDS);
          ArrayNode list = document.has(kind) ? (ArrayNode) document.get(kind)
              : document.putArray(kind);
          list.add("not an object");
          return new Case(kind + " element not an object", document,
              "/" + kind + "/" + (list.size() - 1), false);
        }
        default: {
          String kind = pick(KINDS);
          document.putArray(kind);
          return new Case("empty " + kind, document, null, true);
        }
      }
    }

    private JsonNode wrongType(String type) {
      JsonNode[] all = {NODES.numberNode(42), NODES.numberNode(4.5), NODES.booleanNode(true),
          NODES.nullNode(), NODES.textNode("str"), NODES.arrayNode(), NODES.objectNode()};
      while (true) {
        JsonNode value = pick(all);
        boolean fits;
        switch (type) {
          case "bool":
            fits = value.isBoolean();
            break;
          case "number":
            fits = value.isNumber();
            break;
          case "version":
            fits = value.isIntegralNumber();
            break;
          case "texts":
          case "paths":
          case "resources":
            fits = value.isArray();
            break;
          case "misc":
          case "environment":
          case "testnumber":
          case "culprit":
            fits = value.isObject();
            break;
          default:
            fits = value.isTextual();
        }
        if (!fits) {
          return value;
        }
      }
    }

    private JsonNode text(String... values) {
      return NODES.textNode(pick(values));
    }

    private JsonNode invalid(String type) {
      switch (type) {
        case "id":
          return text("", "nocolon", "UPPER:x", ":x", "a-b:x", "a b:x", "a:b\0c", "\u00e9:x",
              "a\n:x");
        case "origin":
          return text("", "Tux", "a-b", "a b", "abc\n", "a:b", "\u00e9", "tux suite");
        case "text":
          return text("a\0b", "\0");
        case "https":
          return text("http://example.com/x", "git://git.kernel.org/x", "https://a b",
              "https://x/%zz", "ftp://x", "", "HTTPS://X", "https:x");
        case "sha1":
          return text("5E3F5B81DE80C98338BCB47C233AEBEFEE5A4801",
              "5e3f5b81de80c98338bcb47c233aebefee5a480",
              "5e3f5b81de80c98338bcb47c233aebefee5a48011",
              "g".repeat(40), "");
        case "patchset":
          return text("a".repeat(63), "A".repeat(64), "x", " ");
        case "email":
          return text("no-at", "", "mailbox");
        case "time":
          return text("2025-03-01T10:20:00", "2025-03-01 10:20:00Z", "2025-02-30T10:20:00Z",
              "2025-03-01T24:00:00Z", "2025-03-01T10:20Z", "2025-03-01", "",
              "2025-03-01T10:20:00+24:00", "2025-13-01T00:00:00Z", "2025-03-01T10:20:00.Z",
              "2023-02-29T00:00:00Z", "2025-03-01T10:20:00+0100", "2025-03-01T10:60:00Z",
              "2025-03-01T10:20:00Zjunk", "20250301T102000Z", "2025-03-01T10:20:00\u0661Z",
              "2025-00-10T10:20:00Z", "2025-03-01T10:20:00+01:60", "2025-03-01T10:20:00 Z",
              "2025-04-31T00:00:00Z", "1900-02-29T00:00:00Z");
        case "uri":
          return text("no scheme", "https://a b", "https://x/%zz", "https://[zz]/", "",
              "rel/path", "https://\u00e9.com/", "https://ex.com/a#b#c", "1http://x",
              "https://ex.com/{x}", "//host/path", "https://ex.com/a\\b", "https://x/%2",
              "https://x/a|b", "https://[::1", "https://[1:2:3:4:5:6:7:8:9]/",
              "https://[1::2::3]/", "https://[::1]x/", "http://x/\u00e9", "s://[::1.2.3.256]/",
              "s://[1:2:3:4::5:6:7:8]/", "s://[V1.x]/",
              ":no-scheme", "a b:c");
        case "excerpt":
          return text(LONG_INVALID, "a\0b");
        case "bool":
          return pick(new JsonNode[] {NODES.textNode("true"), NODES.numberNode(1)});
        case "number":
          return pick(new JsonNode[] {NODES.textNode("10"), NODES.booleanNode(true)});
        case "arch":
          return text("x86-64", "ARM64", "a b", "\u00e9", "arm64\n");
        case "status":
          return text("PASSED", "pass", "", "Fail", "UNKNOWN", "CANCELED", "PASS ");
        case "path":
          return text("a..b", ".a", "a.", "a b", "a/b", ".", "\u00e9", "a\n", "ltp..");
        case "texts": {
          ArrayNode array = NODES.arrayNode();
          return random.nextBoolean() ? array.add("a\0") : array.add(1);
        }
        case "paths": {
          ArrayNode array = NODES.arrayNode();
          return random.nextBoolean() ? array.add("a..b") : array.addNull();
        }
        case "resources": {
          ArrayNode array = NODES.arrayNode();
          ObjectNode resource = NODES.objectNode();
          switch (random.nextInt(7)) {
            case 0:
              resource.put("name", "a/b").put("url", "https://x");
              break;
            case 1:
              resource.put("name", "").put("url", "https://x");
              break;
            case 2:
              resource.put("name", "a");
              break;
            case 3:
              resource.put("url", "https://x");
              break;
            case 4:
              resource.put("name", "a").put("url", "not a uri");
              break;
            case 5:
              resource.put("name", "a").put("url", "https://x").put("size", 1);
              break;
            default:
              return array.add("str");
          }
          return array.add(resource);
        }
        case "misc":
          return wrongType("misc");
        case "environment": {
          ObjectNode environment = NODES.objectNode();
          switch (random.nextInt(6)) {
            case 0:
              return environment.put("platform", "x");
            case 1:
              return environment.put("compatible", "qemu,virt");
            case 2:
              environment.putArray("compatible").add("a b");
              return environment;
            case 3:
              environment.putArray("compatible").add("");
              return environment;
            case 4:
              return environment.put("comment", "a\0");
            default:
              environment.putArray("misc");
              return environment;
          }
        }
        case "testnumber": {
          ObjectNode number = NODES.objectNode();
          switch (random.nextInt(6)) {
            case 0:
              return number;
            case 1:
              return number.put("value", "1");
            case 2:
              return number.put("value", 1).put("prefix", "decimal");
            case 3:
              return number.put("value", 1).put("unit", 5);
            case 4:
              return number.put("value", 1).put("extra", true);
            default:
              return number.put("value", 1).put("prefix", "METRIC");
          }
        }
        case "culprit": {
          ObjectNode culprit = NODES.objectNode();
          switch (random.nextInt(3)) {
            case 0:
              return culprit.put("code", "yes");
            case 1:
              return culprit.put("other", true);
            default:
              return culprit.putNull("code");
          }
        }
        case "version":
          return pick(new JsonNode[] {NODES.numberNode(-1), NODES.numberNode(1.5),
              NODES.textNode("1"), NODES.booleanNode(true)});
        default:
          throw new IllegalArgumentException(type);
      }
    }

    private JsonNode valid(String type) {
      switch (type) {
        case "id":
          return text("a:", "a:\u00e9", "x_9:a:b:c", "a:\n", "z:" + "x".repeat(1000), "0:0");
        case "origin":
          return text("a", "0", "_", "abc_123");
        case "text":
          return text("", "\u2028", "lone \uD800 surrogate", "x".repeat(20_000));
        case "https":
          return text("https://", "https://[::1]/", "https://x?y#z",
              "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git");
        case "sha1":
          return text("5e3f5b81de80c98338bcb47c233aebefee5a4801", "0".repeat(40));
        case "patchset":
          return text("", "f".repeat(64));
        case "email":
          return text("@", "a\0@b", "<<@>>", " @ ", "<20200814.abc@mail.gmail.com>");
        case "time":
          return text("2020-01-01t00:00:00z", "2024-02-29T23:59:59.123456789123-05:30",
              "2025-03-01T10:20:00+23:59", "2025-03-01T10:20:00-00:00", "9999-12-31T23:59:59Z",
              "0001-01-01T00:00:00Z", "2000-02-29T00:00:00Z", "2023-12-09T08:08:24.822016+00:00");
        case "uri":
          return text("x:", "a:b:c", "http://:80", "http://h:/", "http://1.2.3.999/",
              "s://[1::]/", "s://[::]/", "s://[1:2:3:4:5:6:7:8]/", "s://[1:2:3:4:5:6::8]/",
              "s://[::1.2.3.4]/", "urn:a%2Fb", "a+b-c.d:x", "http://x/'", "s://[::ffff:1.2.3.4]",
              "http://u:p@h:8080/p?q#f", "news:comp.os.linux", "s://a/b//c", "s:/a",
              "s://[::01.2.3.4]/", "s://[1:2:3:4:5:6:7::]/", "s://[::1:2:3:4:5:6:7]/",
              "https://storage.tuxsuite.com/public/demo/demo/tests/2MBYa8FhoBHkRCX2BMMPusjuClf/");
        case "excerpt":
          return text(LONG_VALID, "", "error: foo\n");
        case "bool":
          return NODES.booleanNode(random.nextBoolean());
        case "number":
          return pick(new JsonNode[] {NODES.numberNode(0), NODES.numberNode(-1.5),
              NODES.numberNode(1e308), NODES.numberNode(new BigInteger("12345678901234567890"))});
        case "arch":
          return text("", "_", "x86_64");
        case "status":
          return text("FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP");
        case "path":
          return text("", "a", "A-Z_0-9.b", "-", "_._");
        case "texts": {
          ArrayNode array = NODES.arrayNode();
          return random.nextBoolean() ? array : array.add("");
        }
        case "paths": {
          ArrayNode array = NODES.arrayNode();
          return random.nextBoolean() ? array : array.add("");
        }
        case "resources": {
          ArrayNode array = NODES.arrayNode();
          if (random.nextBoolean()) {
            array.addObject().put("name", "..").put("url", "x:");
          }
          return array;
        }
        case "misc": {
          ObjectNode misc = NODES.objectNode();
          return random.nextBoolean() ? misc : misc.putNull("a");
        }
        case "environment": {
          ObjectNode environment = NODES.objectNode();
          if (random.nextBoolean()) {
            environment.putArray("compatible");
          }
          return environment;
        }
        case "testnumber": {
          ObjectNode number = NODES.objectNode();
          return random.nextBoolean() ? number.put("value", 0)
              : number.put("value", -1e-9).put("unit", "").put("prefix", "binary");
        }
        case "culprit": {
          ObjectNode culprit = NODES.objectNode();
          return random.nextBoolean() ? culprit
              : culprit.put("code", false).put("tool", false).put("harness", false);
        }
        case "version":
          return pick(new JsonNode[] {NODES.numberNode(0), NODES.numberNode(1000.0),
              NODES.numberNode(Long.MAX_VALUE),
              NODES.numberNode(new BigInteger("99999999999999999999999"))});
        default:
          throw new IllegalArgumentException(type);
      }
    }
  }
}
