package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ModelBuildersTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static Build.Builder build() {
    return Build.newBuilder("tuxsuite", "b1").checkoutId("tuxsuite:c1");
  }

  private static String failure(Class<? extends Throwable> type, Executable code) {
    return assertThrows(type, code).getMessage();
  }

  @Test
  void newBuilderJoinsOriginAndLocalId() {
    Build b = build().build();

    assertEquals("tuxsuite:b1", b.id());
    assertEquals("tuxsuite", b.origin());
    assertEquals("tuxsuite:c1", b.checkoutId());
    assertNull(b.status());
    assertNull(b.outputFiles());
  }

  @Test
  void localIdsMayHoldColonsSlashesAndUnicode() {
    assertEquals("maestro:build:42/ü", Checkout.newBuilder("maestro", "build:42/ü").build().id());
  }

  @Test
  void newBuilderForIdTakesTheOriginFromTheId() {
    TestRun test = TestRun.newBuilderForId("riscv:abc").buildId("maestro:67b6").build();

    assertEquals("riscv", test.origin());
    assertEquals("riscv:abc", test.id());
    assertEquals("maestro:67b6", test.buildId());
  }

  @Test
  void refusesIdsWhoseOriginOrLocalPartIsWrong() {
    assertEquals("origin has 'T' at index 0 (a-z, 0-9 and _ only) (was \"Tux\")",
        failure(IllegalArgumentException.class, () -> Build.newBuilder("Tux", "1")));
    assertEquals("localId must not be empty",
        failure(IllegalArgumentException.class, () -> Build.newBuilder("tux", "")));
    assertEquals("localId contains a NUL character at index 1 (was \"a\\u0000\")",
        failure(IllegalArgumentException.class, () -> Build.newBuilder("tux", "a\0")));
    assertEquals("id \"tux:\" has an empty local part",
        failure(IllegalArgumentException.class, () -> Issue.newBuilderForId("tux:", 1)));
    assertEquals("id has no ':'; expected \"origin:local_id\" (was \"tux\")",
        failure(IllegalArgumentException.class, () -> Incident.newBuilderForId("tux")));
    assertThrows(NullPointerException.class, () -> Checkout.newBuilder(null, "1"));
    assertThrows(NullPointerException.class, () -> Checkout.newBuilder("a", null));
  }

  @Test
  void canonicalConstructorChecksThatTheIdStartsWithTheOrigin() {
    Build valid = build().build();

    String message = failure(IllegalArgumentException.class, () -> new Build("maestro:1",
        "tuxsuite", "tuxsuite:c1", null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null));

    assertEquals("id \"maestro:1\" does not start with its origin \"tuxsuite:\"", message);
    assertThrows(IllegalArgumentException.class, () -> new Build("tux:1", "tu", "tux:c", null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    assertEquals(valid, new Build(valid.id(), valid.origin(), valid.checkoutId(), null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void buildRequiresItsParentLinks() {
    assertEquals("checkoutId is required: call checkoutId(...) before build()",
        failure(IllegalStateException.class, () -> Build.newBuilder("a", "1").build()));
    assertEquals("buildId is required: call buildId(...) before build()",
        failure(IllegalStateException.class, () -> TestRun.newBuilder("a", "1").build()));
    assertEquals("issueId is required: call issueId(...) before build()",
        failure(IllegalStateException.class, () -> Incident.newBuilder("a", "1").build()));
    assertEquals("issueVersion is required: call issueVersion(...) before build()",
        failure(IllegalStateException.class,
            () -> Incident.newBuilder("a", "1").issueId("a:2").build()));
    assertEquals("checkoutId has no ':'; expected \"origin:local_id\" (was \"c1\")",
        failure(IllegalArgumentException.class, () -> Build.newBuilder("a", "1").checkoutId("c1")));
  }

  @Test
  void settersNameTheArgumentThatBreaksItsRule() {
    assertEquals("logUrl is not a URI: a space at index 13 must be percent-encoded (was"
        + " \"https://a.b/c d\")", failure(IllegalArgumentException.class,
            () -> build().logUrl("https://a.b/c d")));
    assertEquals("architecture has '-' at index 3 (a-z, 0-9 and _ only) (was \"x86-64\")",
        failure(IllegalArgumentException.class, () -> build().architecture("x86-64")));
    assertEquals("gitRepositoryUrl must start with https:// (KCIDB v5 refuses git:// and"
        + " http://) (was \"git://git.kernel.org/x\")", failure(IllegalArgumentException.class,
            () -> Checkout.newBuilder("a", "1").gitRepositoryUrl("git://git.kernel.org/x")));
    assertEquals("gitCommitHash must be 40 hex digits, has 7 (was \"5e3f5b8\")",
        failure(IllegalArgumentException.class,
            () -> Checkout.newBuilder("a", "1").gitCommitHash("5e3f5b8")));
    assertEquals("messageId is not an e-mail address (no '@') (was \"x\")",
        failure(IllegalArgumentException.class,
            () -> Checkout.newBuilder("a", "1").messageId("x")));
    assertEquals("path has an empty segment ('..') at index 3 (was \"ltp..x\")",
        failure(IllegalArgumentException.class,
            () -> TestRun.newBuilder("a", "1").path("ltp..x")));
    assertEquals("categories[1] starts with '.' (was \".x\")",
        failure(IllegalArgumentException.class,
            () -> Issue.newBuilder("a", "1", 0).categories(List.of("ok", ".x"))));
    assertEquals("duration must be a finite number, was NaN",
        failure(IllegalArgumentException.class, () -> build().duration(Double.NaN)));
    assertEquals("comment contains a NUL character at index 1 (was \"a\\u0000b\")",
        failure(IllegalArgumentException.class, () -> build().comment("a\0b")));
    assertTrue(failure(IllegalArgumentException.class,
        () -> build().logExcerpt("x".repeat(16_385)))
        .startsWith("logExcerpt is 16385 code points long, over the limit of 16384"));
    assertEquals("version must be >= 0, was -1",
        failure(IllegalArgumentException.class, () -> Issue.newBuilder("a", "1", -1)));
    assertEquals("issueVersion must be >= 0, was -2", failure(IllegalArgumentException.class,
        () -> Incident.newBuilder("a", "1").issueVersion(-2)));
    assertEquals("outputFiles[1]", failure(NullPointerException.class,
        () -> build().outputFiles(Arrays.asList(Resource.of("a", "x:"), null))));
  }

  @Test
  void timesMustBeWritableAsRfc3339() {
    OffsetDateTime lmt = OffsetDateTime.of(1850, 1, 1, 0, 0, 0, 0,
        ZoneOffset.ofHoursMinutesSeconds(0, 9, 21));
    OffsetDateTime farFuture = OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    assertEquals("startTime: offset +00:09:21 has seconds; RFC 3339 offsets are ±hh:mm",
        failure(IllegalArgumentException.class, () -> build().startTime(lmt)));
    assertEquals("timestamp: year 10000 is out of range (0001-9999)",
        failure(IllegalArgumentException.class, () -> build().timestamp(farFuture)));
  }

  @Test
  void nullClearsAnOptionalProperty() {
    Build b = build().comment("x").status(KcidbStatus.FAIL).comment(null).build();

    assertNull(b.comment());
    assertEquals(KcidbStatus.FAIL, b.status());
  }

  @Test
  void toBuilderGivesAnEqualObject() {
    DocumentGenerator generator = new DocumentGenerator(7);
    for (int i = 0; i < 50; i++) {
      Checkout checkout = generator.checkout();
      Build b = generator.build();
      TestRun test = generator.test();
      Issue issue = generator.issue();
      Incident incident = generator.incident();
      assertEquals(checkout, checkout.toBuilder().build());
      assertEquals(b, b.toBuilder().build());
      assertEquals(test, test.toBuilder().build());
      assertEquals(issue, issue.toBuilder().build());
      assertEquals(incident, incident.toBuilder().build());
      if (test.environment() != null) {
        assertEquals(test.environment(), test.environment().toBuilder().build());
      }
    }
  }

  @Test
  void miscIsCopiedInAndOut() {
    ObjectNode misc = NODES.objectNode().put("lab", "a");
    Build b = build().misc(misc).build();

    misc.put("lab", "changed");
    b.misc().put("lab", "changed too");

    assertEquals("a", b.misc().get("lab").textValue());
    assertNotSame(b.misc(), b.misc());
  }

  @Test
  void miscNumbersTakeTheTypesTheyWouldHaveWhenReadBack() {
    ObjectNode misc = NODES.objectNode().put("long", 0L).put("float", 0.1f)
        .put("big", new BigDecimal("1.50"));
    misc.putArray("list").add((short) 3).add(Long.MAX_VALUE);
    Build b = build().misc(misc).build();

    KcidbDocument document = KcidbDocument.newBuilder().addBuild(b).build();

    assertEquals(b, KcidbDocument.parse(document.toJson()).builds().get(0));
    assertEquals(NODES.numberNode(0), b.misc().get("long"));
    assertEquals(NODES.numberNode(0.1), b.misc().get("float"));
    assertEquals(NODES.numberNode(1.5), b.misc().get("big"));
  }

  @Test
  void miscMustBeJsonThatParsesBack() {
    ObjectNode deep = NODES.objectNode();
    ObjectNode level = deep;
    for (int i = 0; i < 70; i++) {
      level = level.putObject("a");
    }

    assertTrue(failure(IllegalArgumentException.class, () -> build().misc(deep))
        .endsWith(" is nested deeper than 64 levels"));
    assertEquals("misc.x is not a finite number: NaN", failure(IllegalArgumentException.class,
        () -> build().misc(NODES.objectNode().put("x", Double.NaN))));
    assertEquals("misc.p holds a POJO node, which is not JSON", failure(
        IllegalArgumentException.class,
        () -> build().misc((ObjectNode) NODES.objectNode().set("p", NODES.pojoNode(this)))));
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<Resource> files = new ArrayList<>(List.of(Resource.of("Image.gz", "https://x/Image.gz")));
    Build b = build().outputFiles(files).inputFiles(List.of()).build();

    files.clear();

    assertEquals(1, b.outputFiles().size());
    assertEquals(List.of(), b.inputFiles());
    assertThrows(UnsupportedOperationException.class, () -> b.outputFiles().clear());
  }

  @Test
  void incidentIssueSetsIdAndVersion() {
    Issue issue = Issue.newBuilder("a", "i1", 7).build();

    Incident incident = Incident.newBuilder("a", "n1").issue(issue).present(true).build();

    assertEquals("a:i1", incident.issueId());
    assertEquals(7, incident.issueVersion());
    assertEquals(Boolean.TRUE, incident.present());
  }

  @Test
  void resourcesNumbersEnvironmentsAndCulpritsCheckTheirParts() {
    assertEquals("name has '/' at index 3 (a file name: no '/', no NUL) (was \"dir/x\")",
        failure(IllegalArgumentException.class, () -> Resource.of("dir/x", "https://x")));
    assertEquals("name must not be empty (was \"\")",
        failure(IllegalArgumentException.class, () -> Resource.of("", "https://x")));
    assertEquals("url is not a URI: no scheme (such as https:) (was \"x\")",
        failure(IllegalArgumentException.class, () -> Resource.of("x", "x")));
    assertEquals("value must be a finite number, was Infinity",
        failure(IllegalArgumentException.class,
            () -> TestNumber.of(Double.POSITIVE_INFINITY)));
    assertEquals("compatible[0] has a space at index 4 (no spaces, no NUL) (was \"qemu virt\")",
        failure(IllegalArgumentException.class,
            () -> TestEnvironment.newBuilder().compatible(List.of("qemu virt"))));
    TestNumber number = TestNumber.of(512).withUnit("B").withPrefix(TestNumber.Prefix.BINARY);
    assertEquals(new TestNumber(512, "B", TestNumber.Prefix.BINARY), number);
    assertEquals(new IssueCulprit(true, null, null), IssueCulprit.ofCode());
    assertEquals(new IssueCulprit(null, true, null), IssueCulprit.ofTool());
    assertEquals(new IssueCulprit(null, null, true), IssueCulprit.ofHarness());
  }

  @Test
  void statusesSummarizeByPriority() {
    assertEquals(Optional.of(KcidbStatus.FAIL), KcidbStatus.summarize(
        List.of(KcidbStatus.PASS, KcidbStatus.SKIP, KcidbStatus.FAIL, KcidbStatus.MISS)));
    assertEquals(Optional.of(KcidbStatus.MISS),
        KcidbStatus.summarize(List.of(KcidbStatus.PASS, KcidbStatus.MISS, KcidbStatus.DONE)));
    assertEquals(Optional.empty(), KcidbStatus.summarize(List.of()));
    assertTrue(KcidbStatus.ERROR.outranks(KcidbStatus.MISS));
    assertFalse(KcidbStatus.SKIP.outranks(KcidbStatus.DONE));
    assertFalse(KcidbStatus.PASS.outranks(KcidbStatus.PASS));
    assertEquals(Optional.of(KcidbStatus.DONE), KcidbStatus.find("DONE"));
    assertEquals(Optional.empty(), KcidbStatus.find("done"));
    assertThrows(NullPointerException.class,
        () -> KcidbStatus.summarize(Arrays.asList(KcidbStatus.PASS, null)));
  }
}
