package dev.buildbridge.kcidb.submit;

import static dev.buildbridge.kcidb.submit.SubmitTesting.MAPPER;
import static dev.buildbridge.kcidb.submit.SubmitTesting.document;
import static dev.buildbridge.kcidb.submit.SubmitTesting.ids;
import static dev.buildbridge.kcidb.submit.SubmitTesting.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.kcidb.KcidbException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KcidbSplitterTest {

  /** A document with every list, objects of varied sizes, some with multi-byte characters. */
  private static ObjectNode mixed() {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5).put("minor", 3);
    ArrayNode checkouts = doc.putArray("checkouts");
    for (int i = 0; i < 3; i++) {
      checkouts.addObject().put("id", "bb:c" + i).put("origin", "bb").put("tree_name", "t" + i);
    }
    ArrayNode builds = doc.putArray("builds");
    for (int i = 0; i < 10; i++) {
      builds.addObject().put("id", "bb:b" + i).put("origin", "bb")
          .put("checkout_id", "bb:c" + i % 3).put("comment", "é€😀".repeat(i * 3));
    }
    ArrayNode tests = doc.putArray("tests");
    for (int i = 0; i < 40; i++) {
      tests.addObject().put("id", "bb:t" + i).put("origin", "bb").put("build_id", "bb:b" + i % 10)
          .put("path", "ltp.case" + i).put("log_excerpt", "y".repeat((i * 37) % 200));
    }
    ArrayNode issues = doc.putArray("issues");
    for (int i = 0; i < 2; i++) {
      issues.addObject().put("id", "bb:i" + i).put("version", 1).put("origin", "bb");
    }
    ArrayNode incidents = doc.putArray("incidents");
    for (int i = 0; i < 5; i++) {
      incidents.addObject().put("id", "bb:x" + i).put("origin", "bb").put("issue_id", "bb:i0")
          .put("issue_version", 1).put("test_id", "bb:t" + i);
    }
    return doc;
  }

  @Test
  void keepsADocumentWithinTheCapAsOneCompactPart() throws Exception {
    ObjectNode doc = document("one");
    List<byte[]> parts = KcidbSplitter.split(doc, 4096);
    assertEquals(1, parts.size());
    assertArrayEquals(MAPPER.writeValueAsBytes(doc), parts.get(0)); // compact, same order
  }

  @Test
  void returnsJsonBytesWithinTheCapUnchanged() {
    byte[] pretty = SubmitTesting.fixture("document.json");
    List<byte[]> parts = KcidbSplitter.split(pretty, 1 << 20);
    assertEquals(1, parts.size());
    assertArrayEquals(pretty, parts.get(0));
    assertNotSame(pretty, parts.get(0));
  }

  @Test
  void splitsALargeDocumentIntoPartsUnderTheCapHoldingEveryObjectOnceInOrder() {
    ObjectNode doc = mixed();
    int cap = 1500;
    List<byte[]> parts = KcidbSplitter.split(doc, cap);
    assertTrue(parts.size() > 3, "expected several parts, got " + parts.size());
    List<String> sent = new ArrayList<>();
    for (byte[] part : parts) {
      assertTrue(part.length <= cap, "part of " + part.length + " bytes over the cap " + cap);
      JsonNode tree = parse(part);
      assertEquals(doc.get("version"), tree.get("version"));
      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      assertEquals("version", names.get(0));
      assertTrue(KcidbSplitter.LISTS.containsAll(names.subList(1, names.size())), names::toString);
      sent.addAll(ids(tree));
    }
    assertEquals(ids(doc), sent, "every object exactly once, parents first, lists in order");
  }

  @Test
  void putsParentsInEarlierOrTheSamePartsAsTheirChildren() {
    List<byte[]> parts = KcidbSplitter.split(mixed(), 900);
    Map<String, Integer> partOf = new HashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      for (String id : ids(parse(parts.get(p)))) {
        partOf.put(id.substring(id.indexOf('/') + 1), p);
      }
    }
    for (int p = 0; p < parts.size(); p++) {
      JsonNode tree = parse(parts.get(p));
      for (JsonNode b : tree.path("builds")) {
        assertTrue(partOf.get(b.get("checkout_id").asText()) <= p);
      }
      for (JsonNode t : tree.path("tests")) {
        assertTrue(partOf.get(t.get("build_id").asText()) <= p);
      }
      for (JsonNode x : tree.path("incidents")) {
        assertTrue(partOf.get(x.get("test_id").asText()) <= p);
        assertTrue(partOf.get(x.get("issue_id").asText()) <= p);
      }
    }
  }

  @Test
  void fillsEachPartAsFarAsTheCapAllows() throws Exception {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5).put("minor", 3);
    ArrayNode tests = doc.putArray("tests");
    for (int i = 0; i < 100; i++) {
      tests.addObject().put("id", String.format("bb:t%03d", i)).put("origin", "bb");
    }
    int version = "{\"version\":{\"major\":5,\"minor\":3},\"tests\":[]}".length();
    int object = MAPPER.writeValueAsBytes(tests.get(0)).length;
    int cap = version + 7 * object + 6; // exactly seven objects and their commas
    List<byte[]> parts = KcidbSplitter.split(doc, cap);
    assertEquals(15, parts.size()); // 14 full parts and one of two objects
    for (int p = 0; p < 14; p++) {
      assertEquals(cap, parts.get(p).length);
      assertEquals(7, parse(parts.get(p)).get("tests").size());
    }
    assertEquals(2, parse(parts.get(14)).get("tests").size());
  }

  @Test
  void acceptsAnObjectThatFillsThePartExactlyAndRefusesOneByteLess() throws Exception {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5);
    doc.putArray("tests").addObject().put("id", "bb:small");
    doc.withArray("tests").addObject().put("id", "bb:big").put("log_excerpt", "z".repeat(500));
    int alone = ("{\"version\":{\"major\":5},\"tests\":[]}").length()
        + MAPPER.writeValueAsBytes(doc.get("tests").get(1)).length;
    List<byte[]> parts = KcidbSplitter.split(doc, alone);
    assertEquals(2, parts.size());
    assertEquals(alone, parts.get(1).length);
    KcidbException e = assertThrows(KcidbException.class,
        () -> KcidbSplitter.split(doc, alone - 1));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
  }

  @Test
  void refusesAnObjectThatAloneExceedsTheCapNamingItAndItsId() {
    ObjectNode doc = document("x");
    doc.withArray("tests").addObject().put("id", "buildbridge:huge").put("log_excerpt",
        "h".repeat(5000));
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 1024));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().contains("tests[1] (id \"buildbridge:huge\")"), e.getMessage());
    assertTrue(e.getMessage().contains("cap of 1024"), e.getMessage());
  }

  @Test
  void countsBytesNotCharactersForMultiByteText() {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5).put("minor", 3);
    ArrayNode tests = doc.putArray("tests");
    for (int i = 0; i < 30; i++) {
      tests.addObject().put("id", "bb:t" + i).put("comment", "😀€é".repeat(10));
    }
    for (byte[] part : KcidbSplitter.split(doc, 700)) {
      assertTrue(part.length <= 700);
      assertTrue(new String(part, StandardCharsets.UTF_8).contains("😀"));
    }
  }

  @Test
  void keepsADocumentWithOnlyAVersionWhole() {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.putObject("version").put("major", 5).put("minor", 3);
    assertEquals(List.of("{\"version\":{\"major\":5,\"minor\":3}}"),
        KcidbSplitter.split(doc, 64).stream().map(b -> new String(b, StandardCharsets.UTF_8))
            .toList());
  }

  @Test
  void refusesADocumentWithoutVersion() {
    ObjectNode doc = document("v");
    doc.remove("version");
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().contains("no \"version\""), e.getMessage());
  }

  @Test
  void refusesAVersionThatIsNotAnObject() {
    ObjectNode doc = document("v");
    doc.put("version", "5.3");
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 4096));
    assertTrue(e.getMessage().contains("\"version\" is not an object"), e.getMessage());
  }

  @Test
  void refusesAListThatIsNotAnArray() {
    ObjectNode doc = document("v");
    doc.putObject("builds");
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 4096));
    assertTrue(e.getMessage().contains("\"builds\" is not an array"), e.getMessage());
  }

  @Test
  void refusesAListElementThatIsNotAnObject() {
    ObjectNode doc = document("v");
    doc.withArray("tests").add("bb:t2");
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 4096));
    assertTrue(e.getMessage().contains("tests[1] is not an object"), e.getMessage());
  }

  @Test
  void refusesJsonThatIsNotAnObject() {
    KcidbException e = assertThrows(KcidbException.class,
        () -> KcidbSplitter.split("[1,2]".getBytes(StandardCharsets.UTF_8), 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().contains("a JSON array, not an object"), e.getMessage());
  }

  @Test
  void refusesBytesThatAreNotJsonWithLineAndColumn() {
    byte[] broken = "{\"version\":{\"major\":5},\n \"tests\": [oops]}".getBytes(
        StandardCharsets.UTF_8);
    KcidbException e = assertThrows(KcidbException.class,
        () -> KcidbSplitter.split(broken, 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().contains("not valid JSON at line 2, column"), e.getMessage());
  }

  @Test
  void refusesEmptyBytes() {
    KcidbException e = assertThrows(KcidbException.class,
        () -> KcidbSplitter.split(new byte[0], 4096));
    assertTrue(e.getMessage().contains("document is empty"), e.getMessage());
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(bad, 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
  }

  @Test
  void refusesDeeplyNestedJsonWithAClearError() {
    String deep = "{\"version\":{\"major\":5},\"tests\":[{\"misc\":" + "[".repeat(100_000)
        + "]".repeat(100_000) + "}]}";
    KcidbException e = assertThrows(KcidbException.class,
        () -> KcidbSplitter.split(deep.getBytes(StandardCharsets.UTF_8), 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  @Test
  void refusesADeeplyNestedTreeWithAClearError() {
    ObjectNode doc = document("deep");
    ObjectNode misc = ((ObjectNode) doc.get("tests").get(0)).putObject("misc");
    for (int i = 0; i < 1_000; i++) {
      misc = misc.putObject("m");
    }
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 4096));
    assertEquals(KcidbException.Reason.INVALID_DOCUMENT, e.reason());
    assertTrue(e.getMessage().startsWith("document cannot be written as JSON"), e.getMessage());
  }

  @Test
  void passesAnUnknownTopLevelPropertyWithinTheCapButRefusesToSplitIt() {
    ObjectNode doc = SubmitTesting.bigDocument("u", 20, 100);
    doc.put("comment", "not KCIDB");
    assertEquals(1, KcidbSplitter.split(doc, 1 << 20).size());
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 1024));
    assertTrue(e.getMessage().contains("top-level property \"comment\""), e.getMessage());
  }

  @Test
  void refusesAVersionLargerThanTheCap() {
    ObjectNode doc = SubmitTesting.bigDocument("v", 5, 100);
    ((ObjectNode) doc.get("version")).put("note", "n".repeat(200));
    KcidbException e = assertThrows(KcidbException.class, () -> KcidbSplitter.split(doc, 128));
    assertTrue(e.getMessage().contains("\"version\" alone takes"), e.getMessage());
  }

  @Test
  void refusesACapOutOfRangeNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KcidbSplitter.split(document("c"), 63));
    assertTrue(e.getMessage().startsWith("maxBytes must be 64.."), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KcidbSplitter.split(new byte[] {'{', '}'}, KcidbClient.MAX_DOCUMENT_BYTES_LIMIT + 1));
    assertThrows(NullPointerException.class, () -> KcidbSplitter.split((ObjectNode) null, 4096));
    assertThrows(NullPointerException.class, () -> KcidbSplitter.split((byte[]) null, 4096));
  }

  @Test
  void leavesTheCallersDocumentUnchanged() {
    ObjectNode doc = mixed();
    ObjectNode copy = doc.deepCopy();
    KcidbSplitter.split(doc, 800);
    assertEquals(copy, doc);
  }
}
