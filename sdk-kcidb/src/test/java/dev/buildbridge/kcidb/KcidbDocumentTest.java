package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KcidbDocumentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = KcidbDocumentTest.class.getResourceAsStream("/model/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] utf8(String json) {
    return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void roundTripsADocumentWithEveryProperty() throws Exception {
    byte[] original = resource("full-document.json");

    KcidbDocument document = KcidbDocument.parse(original);

    assertEquals(MAPPER.readTree(original), MAPPER.readTree(document.toJson()));
    assertEquals(5, document.size());
    Checkout checkout = document.checkouts().get(0);
    assertEquals(OffsetDateTime.of(2023, 12, 9, 10, 0, 0, 500_000_000, ZoneOffset.of("-05:30")),
        checkout.originTestsFinishTime());
    assertEquals(List.of("v6.7-rc4", ""), checkout.gitCommitTags());
    assertEquals("a\0b", checkout.misc().get("nul").textValue());
    assertTrue(checkout.misc().get("nothing").isNull());
    assertEquals(258.0, document.builds().get(0).duration());
    assertEquals(List.of(), document.builds().get(0).inputFiles());
    TestRun test = document.tests().get(0);
    assertEquals(new TestNumber(1.6e-7, "s", TestNumber.Prefix.METRIC), test.number());
    assertEquals(List.of("linux,dummy-virt"), test.environment().compatible());
    assertEquals(new IssueCulprit(true, false, false), document.issues().get(0).culprit());
    assertEquals(1_727_250_638L, document.incidents().get(0).issueVersion());
    assertEquals(document, KcidbDocument.parse(document.toJson()));
  }

  @Test
  void roundTripsGeneratedDocuments() {
    DocumentGenerator generator = new DocumentGenerator(11);
    for (int i = 0; i < 200; i++) {
      KcidbDocument document = generator.document();
      assertEquals(document, KcidbDocument.parse(document.toJson()));
      assertEquals(document, KcidbDocument.fromJsonNode(document.toJsonNode()));
    }
  }

  @Test
  void parseOfCorruptedBytesEitherSucceedsOrThrowsItsOwnException() {
    DocumentGenerator generator = new DocumentGenerator(13);
    Random random = generator.random();
    int refused = 0;
    for (int i = 0; i < 600; i++) {
      byte[] json = generator.document().toJson();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        json[random.nextInt(json.length)] = (byte) random.nextInt(256);
      }
      try {
        KcidbDocument document = KcidbDocument.parse(json);
        assertEquals(document, KcidbDocument.parse(document.toJson()));
      } catch (KcidbValidationException e) {
        assertFalse(e.violations().isEmpty());
        refused++;
      }
    }
    assertTrue(refused > 300, "refused: " + refused);
  }

  @Test
  void writesVersion53AndLeavesOutEmptyListsAndAbsentProperties() throws Exception {
    KcidbDocument document = KcidbDocument.newBuilder()
        .addBuild(Build.newBuilder("a", "1").checkoutId("a:2").build())
        .build();

    assertEquals("{\"version\":{\"major\":5,\"minor\":3},\"builds\":[{\"id\":\"a:1\","
        + "\"origin\":\"a\",\"checkout_id\":\"a:2\"}]}",
        new String(document.toJson(), StandardCharsets.UTF_8));
    assertEquals("{\"version\":{\"major\":5,\"minor\":3}}",
        new String(KcidbDocument.empty().toJson(), StandardCharsets.UTF_8));
  }

  @Test
  void writesTimesWithSecondsAndTheirOffset() throws Exception {
    TestRun test = TestRun.newBuilder("a", "1").buildId("a:2")
        .startTime(OffsetDateTime.of(2023, 12, 9, 8, 8, 0, 0, ZoneOffset.UTC))
        .timestamp(OffsetDateTime.of(2023, 12, 9, 8, 8, 24, 822_016_000, ZoneOffset.ofHours(-7)))
        .build();

    JsonNode json = KcidbDocument.newBuilder().addTest(test).build().toJsonNode()
        .get("tests").get(0);

    assertEquals("2023-12-09T08:08:00+00:00", json.get("start_time").textValue());
    assertEquals("2023-12-09T08:08:24.822016-07:00", json.get("_timestamp").textValue());
  }

  @Test
  void readsTimesThatJavaCannotHoldAsTheSameInstant() {
    KcidbDocument document = KcidbDocument.parse(utf8("{'version':{'major':5},'builds':[{"
        + "'id':'a:1','origin':'a','checkout_id':'a:2',"
        + "'start_time':'2025-03-01t10:20:00.1234567891+19:30'}]}"));

    assertEquals(OffsetDateTime.of(2025, 2, 28, 14, 50, 0, 123_456_789, ZoneOffset.UTC),
        document.builds().get(0).startTime());
  }

  @Test
  void parsesOlderMinorVersionsAndWritesThemAs53() throws Exception {
    KcidbDocument document = KcidbDocument.parse(utf8("{'version':{'major':5,'minor':1},"
        + "'tests':[{'id':'riscv:1','origin':'riscv','build_id':'maestro:2','status':'PASS'}]}"));

    assertEquals(3, MAPPER.readTree(document.toJson()).path("version").path("minor").intValue());
    assertEquals(KcidbStatus.PASS, document.tests().get(0).status());
  }

  @Test
  void parseNamesThePointerOfEachViolation() {
    KcidbValidationException e = assertThrows(KcidbValidationException.class,
        () -> KcidbDocument.parse(utf8("{'version':{'major':5,'minor':3},'builds':[{'id':'b:1',"
            + "'origin':'a','checkout_id':'a:2','start_time':'2025-03-01T10:20:00'}]}")));

    assertEquals(List.of("/builds/0/start_time: needs a timezone offset (Z or ±hh:mm)",
            "/builds/0/id: does not start with its origin \"a:\""),
        e.violations().stream().map(Violation::toString).collect(Collectors.toList()));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
  }

  @Test
  void parseRefusesBytesThatAreNotJson() {
    KcidbValidationException e = assertThrows(KcidbValidationException.class,
        () -> KcidbDocument.parse(new byte[] {(byte) 0xff, '{'}));

    assertEquals("", e.violations().get(0).pointer());
    assertTrue(e.violations().get(0).message().startsWith("is not valid JSON"),
        e.getMessage());
    assertThrows(NullPointerException.class, () -> KcidbDocument.parse(null));
  }

  @Test
  void fromJsonNodeLeavesItsInputAlone() {
    ObjectNode tree = KcidbDocument.newBuilder()
        .addCheckout(Checkout.newBuilder("a", "1").comment("c").build()).build().toJsonNode();
    ObjectNode copy = tree.deepCopy();

    KcidbDocument.fromJsonNode(tree).checkouts().get(0).misc();

    assertEquals(copy, tree);
  }

  @Test
  void toJsonNodeIsAFreshTreeEachTime() {
    KcidbDocument document = KcidbDocument.newBuilder()
        .addBuild(Build.newBuilder("a", "1").checkoutId("a:2")
            .misc(MAPPER.createObjectNode().put("k", "v")).build())
        .build();

    ObjectNode first = document.toJsonNode();
    ((ObjectNode) first.get("builds").get(0).get("misc")).put("k", "changed");

    assertEquals("v", document.toJsonNode().get("builds").get(0).get("misc").get("k")
        .textValue());
  }

  @Test
  void sameDocumentGivesTheSameBytes() {
    DocumentGenerator a = new DocumentGenerator(5);
    DocumentGenerator b = new DocumentGenerator(5);
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(a.document().toJson(), b.document().toJson());
    }
  }

  @Test
  void mergedKeepsTheFirstNonNullValueOfEachProperty() {
    Build first = Build.newBuilder("a", "1").checkoutId("a:c1").comment("first")
        .misc(MAPPER.createObjectNode().put("x", 1)).build();
    Build second = Build.newBuilder("a", "1").checkoutId("a:c2").comment("second")
        .status(KcidbStatus.PASS).misc(MAPPER.createObjectNode().put("y", 2)).build();
    Build other = Build.newBuilder("a", "2").checkoutId("a:c1").build();
    TestRun test1 = TestRun.newBuilder("a", "t").buildId("a:1")
        .environment(TestEnvironment.newBuilder().comment("env").build()).build();
    TestRun test2 = TestRun.newBuilder("a", "t").buildId("a:1")
        .environment(TestEnvironment.newBuilder().compatible(List.of("x")).build()).build();
    Issue issue1 = Issue.newBuilder("a", "i", 1).comment("v1").build();
    Issue issue2 = Issue.newBuilder("a", "i", 2).comment("v2").build();

    KcidbDocument merged = KcidbDocument.newBuilder().addBuild(first).addBuild(other)
        .addBuild(second).addTest(test1).addTest(test2).addIssue(issue1).addIssue(issue2).build()
        .merged();

    assertEquals(List.of("a:1", "a:2"),
        merged.builds().stream().map(Build::id).collect(Collectors.toList()));
    Build b = merged.builds().get(0);
    assertEquals("a:c1", b.checkoutId());
    assertEquals("first", b.comment());
    assertEquals(KcidbStatus.PASS, b.status());
    assertEquals(MAPPER.createObjectNode().put("x", 1), b.misc());
    assertEquals(new TestEnvironment("env", List.of("x"), null),
        merged.tests().get(0).environment());
    assertEquals(2, merged.issues().size());
  }

  @Test
  void mergedReturnsTheSameDocumentWhenNothingRepeats() {
    KcidbDocument document = new DocumentGenerator(3).document();
    KcidbDocument unique = document.merged();

    assertSame(unique, unique.merged());
  }

  @Test
  void plusConcatenatesAndSizeCountsEveryKind() {
    KcidbDocument a = KcidbDocument.newBuilder()
        .addCheckout(Checkout.newBuilder("a", "1").build())
        .addIssue(Issue.newBuilder("a", "i", 0).build()).build();
    KcidbDocument b = KcidbDocument.newBuilder()
        .addIncident(Incident.newBuilder("a", "n").issueId("a:i").issueVersion(0).build())
        .addCheckout(Checkout.newBuilder("a", "2").build()).build();

    KcidbDocument both = a.plus(b);

    assertEquals(4, both.size());
    assertEquals(List.of("a:1", "a:2"),
        both.checkouts().stream().map(Checkout::id).collect(Collectors.toList()));
    assertTrue(KcidbDocument.empty().isEmpty());
    assertFalse(both.isEmpty());
  }

  @Test
  void partitionSplitsIntoSmallDocumentsInOrder() {
    KcidbDocument.Builder builder = KcidbDocument.newBuilder();
    for (int i = 0; i < 3; i++) {
      builder.addCheckout(Checkout.newBuilder("a", "c" + i).build());
      builder.addBuild(Build.newBuilder("a", "b" + i).checkoutId("a:c" + i).build());
    }
    KcidbDocument document = builder.build();

    List<KcidbDocument> parts = document.partition(4);

    assertEquals(List.of(4, 2), parts.stream().map(KcidbDocument::size)
        .collect(Collectors.toList()));
    assertEquals(3, parts.get(0).checkouts().size());
    assertEquals(List.of("a:b0"), parts.get(0).builds().stream().map(Build::id)
        .collect(Collectors.toList()));
    assertEquals(document, parts.get(0).plus(parts.get(1)));
    assertEquals(List.of(document), document.partition(6));
    assertEquals(List.of(), KcidbDocument.empty().partition(1));
    assertThrows(IllegalArgumentException.class, () -> document.partition(0));
  }

  @Test
  void listsAreUnmodifiableAndNullListsAreEmpty() {
    KcidbDocument document = new KcidbDocument(null, null, null, null, null);

    assertEquals(List.of(), document.builds());
    assertThrows(UnsupportedOperationException.class,
        () -> document.checkouts().add(Checkout.newBuilder("a", "1").build()));
    assertThrows(NullPointerException.class, () -> KcidbDocument.newBuilder().addBuild(null));
  }

  @Test
  void aBuildWithoutCheckoutObjectStillSerializesItsLink() {
    Build build = Build.newBuilder("a", "1").checkoutId("maestro:x").build();

    JsonNode json = KcidbDocument.newBuilder().addBuild(build).build().toJsonNode();

    assertNull(json.get("checkouts"));
    assertEquals("maestro:x", json.get("builds").get(0).get("checkout_id").textValue());
  }
}
