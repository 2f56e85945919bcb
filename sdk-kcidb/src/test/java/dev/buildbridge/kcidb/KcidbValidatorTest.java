package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KcidbValidatorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final KcidbValidator OFFICIAL = KcidbValidator.officialSchema();
  private static final KcidbValidator STRICT = KcidbValidator.strict();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  private static List<String> violations(KcidbValidator validator, String text) throws Exception {
    return validator.validate(json(text)).violations().stream().map(Violation::toString)
        .collect(Collectors.toList());
  }

  private static String build(String extra) {
    return "{'version':{'major':5,'minor':3},'builds':[{'id':'a:1','origin':'a',"
        + "'checkout_id':'a:2'" + extra + "}]}";
  }

  @Test
  void acceptsMinimalDocument() throws Exception {
    ValidationResult result = OFFICIAL.validate(json("{'version':{'major':5}}"));

    assertTrue(result.valid());
    assertEquals(List.of(), result.violations());
    assertEquals("valid", result.summary(3));
  }

  @Test
  void namesTheTimestampWithoutOffsetByItsPointer() throws Exception {
    assertEquals(List.of("/builds/0/start_time: needs a timezone offset (Z or ±hh:mm)"),
        violations(OFFICIAL, build(",'start_time':'2025-03-01T10:20:00'")));
  }

  @Test
  void reportsEveryViolationInDocumentOrder() throws Exception {
    List<String> found = violations(OFFICIAL, "{'version':{'major':4},'builds':[{'id':'A:1',"
        + "'origin':'a-b','checkout_id':'a:2','status':'pass','architecture':'x86-64',"
        + "'duration':'10','valid':true}],'tests':[{'id':'a:1','origin':'a'}]}");

    assertEquals(List.of(
        "/version/major: must be 5 (this is the KCIDB v5 schema), got 4",
        "/builds/0/id: origin part has 'A' at index 0 (a-z, 0-9 and _ only)",
        "/builds/0/origin: has '-' at index 1 (a-z, 0-9 and _ only)",
        "/builds/0/status: must be one of FAIL, ERROR, MISS, PASS, DONE, SKIP, got \"pass\"",
        "/builds/0/architecture: has '-' at index 3 (a-z, 0-9 and _ only)",
        "/builds/0/duration: must be a number, got a string",
        "/builds/0/valid: is not a property of a build in KCIDB v5.3; KCIDB v5 builds have"
            + " \"status\" instead",
        "/tests/0/build_id: required property is missing"), found);
  }

  @Test
  void reportsMissingRequiredPropertiesAtTheirOwnPointer() throws Exception {
    assertEquals(List.of("/version: required property is missing",
            "/issues/0/id: required property is missing",
            "/issues/0/version: required property is missing",
            "/issues/0/origin: required property is missing"),
        violations(OFFICIAL, "{'issues':[{}]}"));
  }

  @Test
  void escapesTildeAndSlashInPointers() throws Exception {
    List<String> found = violations(OFFICIAL,
        "{'version':{'major':5},'checkouts':[{'id':'a:1','origin':'a','a/b~c':1}]}");

    assertEquals(List.of("/checkouts/0/a~1b~0c: is not a property of a checkout in KCIDB v5.3"),
        found);
    assertEquals("a~1b~0c", Violation.escape("a/b~c"));
    assertEquals("~01", Violation.escape("~1"));
  }

  @Test
  void reportsTheDocumentItselfWithAnEmptyPointer() throws Exception {
    ValidationResult result = OFFICIAL.validate(json("[1]"));

    assertEquals(List.of(new Violation("", "must be an object, got an array")),
        result.violations());
    assertEquals("(document): must be an object, got an array",
        result.violations().get(0).toString());
  }

  @Test
  void explainsNullAndRemovedV4Properties() throws Exception {
    assertEquals(List.of("/builds/0/comment: must be a string, got null (leave the property out"
            + " instead)"),
        violations(OFFICIAL, build(",'comment':null")));
    assertEquals(List.of("/tests/0/waived: is not a property of a test in KCIDB v5.3; removed in"
            + " KCIDB v5 (report an issue and an incident instead)"),
        violations(OFFICIAL, "{'version':{'major':5},'tests':[{'id':'a:1','origin':'a',"
            + "'build_id':'a:2','waived':true}]}"));
  }

  @Test
  void checksNestedObjectsOfTests() throws Exception {
    List<String> found = violations(OFFICIAL, "{'version':{'major':5},'tests':[{'id':'a:1',"
        + "'origin':'a','build_id':'a:2','path':'ltp..sem01','environment':{'compatible':"
        + "['qemu virt'],'platform':'x'},'number':{'prefix':'decimal'},'output_files':"
        + "[{'name':'a/b','url':'https://x/%zz'}]}]}");

    assertEquals(List.of(
        "/tests/0/path: has an empty segment ('..') at index 3",
        "/tests/0/environment/compatible/0: has a space at index 4 (no spaces, no NUL)",
        "/tests/0/environment/platform: is not a property of a test environment (comment,"
            + " compatible, misc)",
        "/tests/0/number/prefix: must be \"metric\" or \"binary\", got \"decimal\"",
        "/tests/0/number/value: required property is missing",
        "/tests/0/output_files/0/name: has '/' at index 1 (a file name: no '/', no NUL)",
        "/tests/0/output_files/0/url: is not a URI: bad percent-encoding at index 10"
            + " (expected %XX)"), found);
  }

  @Test
  void checksTimesUrisAndHashesWithSpecificMessages() throws Exception {
    String[][] cases = {
        {"'start_time':'2025-03-01 10:20:00Z'",
            "separates date and time with a space; RFC 3339 needs 'T'"},
        {"'start_time':'2025-02-30T10:20:00Z'", "day 30 is out of range for 2025-02"},
        {"'start_time':'2025-03-01T10:20Z'", "has no seconds; expected hh:mm:ss"},
        {"'start_time':'2016-12-31T23:59:60Z'",
            "second 60 is out of range (00-59; leap seconds are not accepted)"},
        {"'start_time':'2025-03-01T10:20:00+24:00'", "offset hour 24 is out of range (00-23)"},
        {"'log_url':'storage/build.log'", "is not a URI: no scheme (such as https:)"},
        {"'log_url':'c/d:e'", "is not a URI: no scheme (such as https:); '/' at index 1"},
        {"'log_url':'https://example.com/a b'",
            "is not a URI: a space at index 21 must be percent-encoded"},
        {"'log_url':'https://example.com/é'",
            "is not a URI: U+00E9 at index 20 (non-ASCII must be percent-encoded)"},
        {"'config_url':'https://[zz]/config'", "is not a URI: bad IP literal in the host"},
        {"'log_excerpt':'a\\u0000b'", "contains a NUL character at index 1"},
    };
    for (String[] c : cases) {
      List<String> found = violations(OFFICIAL, build("," + c[0]));
      assertEquals(1, found.size(), c[0] + " -> " + found);
      assertTrue(found.get(0).endsWith(": " + c[1]), c[0] + " -> " + found.get(0));
    }
  }

  @Test
  void checksCheckoutPatternsAndFormats() throws Exception {
    List<String> found = violations(OFFICIAL, "{'version':{'major':5},'checkouts':[{'id':'a:1',"
        + "'origin':'a','git_repository_url':'git://git.kernel.org/x','git_commit_hash':"
        + "'5E3F5B81DE80C98338BCB47C233AEBEFEE5A4801','patchset_hash':'abc',"
        + "'message_id':'none'}]}");

    assertEquals(List.of(
        "/checkouts/0/git_repository_url: must start with https:// (KCIDB v5 refuses git:// and"
            + " http://)",
        "/checkouts/0/git_commit_hash: has 'E' at index 1 (lower-case hex only)",
        "/checkouts/0/patchset_hash: must be 64 hex digits or empty, has 3",
        "/checkouts/0/message_id: is not an e-mail address (no '@')"), found);
  }

  @Test
  void countsLogExcerptLengthInCodePoints() throws Exception {
    String emoji = "\uD83D\uDE00";
    ObjectNode document = (ObjectNode) json(build(""));
    ObjectNode build = (ObjectNode) document.get("builds").get(0);

    build.put("log_excerpt", emoji.repeat(16_384));
    assertTrue(OFFICIAL.validate(document).valid());

    build.put("log_excerpt", emoji.repeat(16_385));
    assertEquals(List.of("/builds/0/log_excerpt: is 16385 code points long, over the limit of"
        + " 16384"), OFFICIAL.validate(document).violations().stream().map(Violation::toString)
        .collect(Collectors.toList()));
  }

  @Test
  void takesIntegersWithoutFractionAsJsonSchemaDraft7Does() throws Exception {
    assertTrue(OFFICIAL.validate(json("{'version':{'major':5.0,'minor':3.0},'issues':[{'id':"
        + "'a:1','origin':'a','version':1e3}]}")).valid());
    assertEquals(List.of("/version/minor: must be an integer, got 2.5",
            "/issues/0/version: must be >= 0, got -1"),
        violations(OFFICIAL, "{'version':{'major':5,'minor':2.5},'issues':[{'id':'a:1',"
            + "'origin':'a','version':-1}]}"));
  }

  @Test
  void refusesNumbersTooLargeForADouble() {
    byte[] json = ("{\"version\":{\"major\":5},\"builds\":[{\"id\":\"a:1\",\"origin\":\"a\","
        + "\"checkout_id\":\"a:2\",\"duration\":1e400}]}").getBytes(StandardCharsets.UTF_8);

    assertEquals(List.of(new Violation("/builds/0/duration", "is out of range for a number")),
        OFFICIAL.validate(json).violations());
  }

  @Test
  void acceptsWhatTheSchemaAcceptsEvenIfConventionsDoNot() throws Exception {
    String document = "{'version':{'major':5},'checkouts':[{'id':'other:1','origin':'a',"
        + "'origin_tests_finish_time':'2025-03-01T10:20:00Z','message_id':'x\\u0000@y'},"
        + "{'id':'a:','origin':'a'}],'tests':[{'id':'a:1','origin':'a','build_id':'a:2',"
        + "'input_files':[]}],'issues':[{'id':'a:1','origin':'a','version':1e20,"
        + "'categories':[]}]}";

    assertTrue(OFFICIAL.validate(json(document)).valid());
    assertEquals(List.of(
        "/checkouts/0/origin_tests_finish_time: needs schema version 5.1 but the document"
            + " declares 5.0 (kcidb-io validates against the declared version)",
        "/checkouts/0/message_id: contains a NUL character at index 1",
        "/checkouts/0/id: does not start with its origin \"a:\"",
        "/checkouts/1/id: has an empty local part after \"a:\"",
        "/tests/0/input_files: needs schema version 5.3 but the document declares 5.0"
            + " (kcidb-io validates against the declared version)",
        "/issues/0/version: is larger than this SDK supports (2^63 - 1)",
        "/issues/0/categories: needs schema version 5.2 but the document declares 5.0"
            + " (kcidb-io validates against the declared version)"),
        violations(STRICT, document));
  }

  @Test
  void strictValidatorChecksThatMiscFitsTheSdk() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      deep.append("{\"a\":");
    }
    deep.append("1").append("}".repeat(70));
    byte[] json = ("{\"version\":{\"major\":5},\"builds\":[{\"id\":\"a:1\",\"origin\":\"a\","
        + "\"checkout_id\":\"a:2\",\"misc\":{\"big\":[1e400],\"deep\":" + deep + "}}]}")
        .getBytes(StandardCharsets.UTF_8);

    assertTrue(OFFICIAL.validate(json).valid());
    List<Violation> found = STRICT.validate(json).violations();
    assertEquals(2, found.size(), found.toString());
    assertEquals(new Violation("/builds/0/misc/big/0", "is too large for a 64-bit float"),
        found.get(0));
    assertEquals("/builds/0/misc/deep" + "/a".repeat(63), found.get(1).pointer());
    assertEquals("nests deeper than 64 levels inside misc", found.get(1).message());
    KcidbValidationException e = assertThrows(KcidbValidationException.class,
        () -> KcidbDocument.parse(json));
    assertEquals(found, e.violations());
  }

  @Test
  void strictValidatorTakesNewPropertiesWhenTheMinorVersionHasThem() throws Exception {
    assertTrue(STRICT.validate(json("{'version':{'major':5,'minor':3},'tests':[{'id':'a:1',"
        + "'origin':'a','build_id':'b:2','input_files':[]}]}")).valid());
    assertFalse(STRICT.validate(json("{'version':{'major':5,'minor':2},'tests':[{'id':'a:1',"
        + "'origin':'a','build_id':'b:2','input_files':[]}]}")).valid());
  }

  @Test
  void listsViolationsUpToTheLimitAndCountsTheRest() throws Exception {
    ObjectNode document = (ObjectNode) json("{'version':{'major':5}}");
    ArrayNode builds = document.putArray("builds");
    for (int i = 0; i < 25; i++) {
      builds.addObject();
    }
    KcidbValidator validator = KcidbValidator.newBuilder().maxViolations(10).build();

    ValidationResult result = validator.validate(document);

    assertFalse(result.valid());
    assertEquals(10, result.violations().size());
    assertEquals(65, result.omitted());
    assertTrue(result.summary(2).startsWith("75 violations\n  /builds/0/checkout_id:"),
        result.summary(2));
    assertTrue(result.summary(2).endsWith("... and 73 more"), result.summary(2));
  }

  @Test
  void reportsBytesThatAreNotJsonAsOneViolation() {
    ValidationResult malformed = OFFICIAL.validate("{\"version\": {".getBytes(
        StandardCharsets.UTF_8));
    ValidationResult duplicate = OFFICIAL.validate(
        "{\"version\":{\"major\":5},\"version\":{}}".getBytes(StandardCharsets.UTF_8));
    ValidationResult empty = OFFICIAL.validate(new byte[0]);
    ValidationResult deep = KcidbValidator.newBuilder()
        .jsonLimits(JsonLimits.defaults().withMaxNestingDepth(3)).build()
        .validate("{\"version\":{\"major\":5},\"builds\":[{\"misc\":{}}]}".getBytes(
            StandardCharsets.UTF_8));

    assertTrue(malformed.violations().get(0).message().startsWith(
        "is not valid JSON at line 1, column "), malformed.toString());
    assertTrue(duplicate.violations().get(0).message().contains("Duplicate field 'version'"),
        duplicate.toString());
    assertEquals(List.of(new Violation("", "is empty, not JSON")), empty.violations());
    assertTrue(deep.violations().get(0).message().contains("nesting depth"), deep.toString());
  }

  @Test
  void requireValidThrowsWithEveryViolation() throws Exception {
    KcidbValidationException e = assertThrows(KcidbValidationException.class,
        () -> OFFICIAL.requireValid(json(build(",'status':'pass','duration':'1'"))));

    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertEquals("INVALID_DOCUMENT", e.code());
    assertEquals(2, e.violations().size());
    assertEquals("KCIDB document is invalid: 2 violations\n"
        + "  /builds/0/status: must be one of FAIL, ERROR, MISS, PASS, DONE, SKIP, got \"pass\"\n"
        + "  /builds/0/duration: must be a number, got a string", e.getMessage());
  }

  @Test
  void requireValidOnBytesReturnsTheParsedDocument() {
    JsonNode tree = OFFICIAL.requireValid("{\"version\":{\"major\":5}}".getBytes(
        StandardCharsets.UTF_8));

    assertEquals(5, tree.path("version").path("major").intValue());
    KcidbValidationException e = assertThrows(KcidbValidationException.class,
        () -> OFFICIAL.requireValid("nope".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("KCIDB document is invalid: 1 violation\n"
        + "  (document): is not valid JSON at line 1"), e.getMessage());
  }

  @Test
  void buildersCheckTheirArguments() {
    assertThrows(IllegalArgumentException.class,
        () -> KcidbValidator.newBuilder().maxViolations(0));
    assertThrows(NullPointerException.class, () -> KcidbValidator.newBuilder().jsonLimits(null));
    assertThrows(NullPointerException.class, () -> OFFICIAL.validate((JsonNode) null));
    assertThrows(NullPointerException.class, () -> OFFICIAL.validate((byte[]) null));
  }

  @Test
  void sharedInstancesHaveTheirDocumentedSettings() {
    assertSame(OFFICIAL, KcidbValidator.officialSchema());
    assertFalse(OFFICIAL.conventions());
    assertTrue(STRICT.conventions());
    assertEquals(KcidbValidator.DEFAULT_MAX_VIOLATIONS, STRICT.maxViolations());
    KcidbValidator copy = STRICT.toBuilder().maxViolations(3).build();
    assertTrue(copy.conventions());
    assertEquals(3, copy.maxViolations());
  }

  @Test
  void validationResultChecksItsParts() {
    Violation violation = new Violation("/a", "b");
    assertThrows(IllegalArgumentException.class,
        () -> new ValidationResult(true, List.of(violation), 0));
    assertThrows(IllegalArgumentException.class, () -> new ValidationResult(false, List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> new ValidationResult(true, List.of(), 2));
    assertThrows(IllegalArgumentException.class, () -> ValidationResult.ok().summary(0));
    assertTrue(ValidationResult.ok().valid());
  }
}
