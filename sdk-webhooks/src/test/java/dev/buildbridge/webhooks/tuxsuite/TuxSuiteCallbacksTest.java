package dev.buildbridge.webhooks.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TuxSuiteCallbacksTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(SharedData.require("fixtures/tuxsuite").resolve(name));
  }

  private static ObjectNode fixtureTree(String name) throws IOException {
    return (ObjectNode) MAPPER.readTree(fixture(name));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static TuxBuildStatus buildStatus(String statusJson) {
    return ((TuxBuildCallback) TuxSuiteCallbacks.parse(
        utf8("{\"kind\":\"build\",\"status\":" + statusJson + "}"))).status();
  }

  @Test
  void parsesBuildSampleWithTypedFields() throws IOException {
    TuxSuiteCallback callback = TuxSuiteCallbacks.parse(fixture("build-callback.json"));

    TuxBuildCallback build = (TuxBuildCallback) callback;
    assertEquals(Provider.TUXSUITE, build.provider());
    assertEquals("build", build.eventName());
    assertEquals(Optional.empty(), build.action());
    TuxBuildStatus s = build.status();
    assertEquals("2ZITcwA6wxeKxh9cZA5HBJ6FkSj", s.uid());
    assertEquals("demo/demo", s.project());
    assertNull(s.plan());
    assertEquals("demo.user@linaro.org", s.user());
    assertEquals("demo-tuxsuite", s.tokenName());
    assertEquals("tuxsuite/1.33.0", s.userAgent());
    assertEquals("82ce12c7-c41a-4ebf-9771-198b8e9e3aa2", s.clientToken());
    assertEquals(Boolean.TRUE, s.isPublic());
    assertEquals("https://tuxapi.tuxsuite.com/v1/test_callback", s.callback());
    assertEquals("finished", s.state());
    assertTrue(s.isFinished());
    assertEquals("pass", s.result());
    assertEquals("pass", s.buildStatus());
    assertEquals("complete", s.tuxbuildStatus());
    assertEquals("build completed", s.statusMessage());
    assertEquals(0L, s.warningsCount());
    assertEquals(0L, s.errorsCount());
    assertEquals(Boolean.FALSE, s.isCanceling());
    assertEquals(0L, s.retry());
    assertEquals("", s.retryMessage());
    assertEquals(Boolean.TRUE, s.autoRetry());
    assertEquals("https://gitlab.com/Linaro/lkft/mirrors/stable/linux-stable-rc", s.gitRepo());
    assertEquals("master", s.gitRef());
    assertEquals("5e3f5b81de80c98338bcb47c233aebefee5a4801", s.gitSha());
    assertEquals("v6.7-rc4-111-g5e3f5b81de80", s.gitDescribe());
    assertEquals("5e3f5b81de80 (\"Merge tag 'net-6.7-rc5' of "
        + "git://git.kernel.org/pub/scm/linux/kernel/git/netdev/net\")", s.gitShortLog());
    assertEquals("", s.kernelPatchFile());
    assertEquals("6.7.0-rc4", s.kernelVersion());
    assertEquals("", s.buildName());
    assertEquals("arm64", s.targetArch());
    assertEquals("clang-17", s.toolchain());
    assertEquals(List.of("tinyconfig"), s.kconfig());
    assertEquals(List.of(), s.targets());
    assertEquals(Map.of("LLVM", "1", "LLVM_IAS", "1"), s.makeVariables());
    assertEquals(Map.of(), s.environment());
    assertEquals("", s.imageSha());
    assertEquals(Boolean.FALSE, s.noCache());
    assertEquals("https://storage.tuxsuite.com/public/demo/demo/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj/",
        s.downloadUrl());
    assertEquals("", s.kernelImage());
    assertEquals("Image.gz", s.kernelImageName());
    assertEquals(Optional.empty(), s.modules());
    assertEquals(LocalDateTime.of(2023, 12, 9, 7, 57, 56, 699_401_000), s.provisioningTime());
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 3, 50, 889_831_000), s.runningTime());
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 8, 24, 822_016_000), s.finishedTime());
    assertEquals(258L, s.duration());
    assertEquals(132L, s.setupDuration());
    assertEquals(643L, s.sccacheHits());
    assertEquals(2L, s.sccacheMisses());
    assertEquals(List.of(), s.waitedBy());
    assertEquals("17.0.6", s.tuxmakeMetadata().path("compiler").path("version").asText());
    assertEquals("SKIP",
        s.tuxmakeMetadata().path("results").path("targets").path("modules").path("status").asText());
  }

  @Test
  void parsesTestSampleWithTypedFields() throws IOException {
    TuxTestCallback test = (TuxTestCallback) TuxSuiteCallbacks.parse(fixture("test-callback.json"));

    assertEquals("test", test.eventName());
    TuxTestStatus s = test.status();
    assertEquals("2MBYa8FhoBHkRCX2BMMPusjuClf", s.uid());
    assertEquals("tuxsuite/demo", s.project());
    assertEquals("qemu-arm64", s.device());
    assertEquals(List.of("boot"), s.tests());
    assertEquals(Map.of("boot", "pass"), s.results());
    assertEquals("pass", s.result());
    assertEquals("finished", s.state());
    assertEquals("https://storage.tuxsuite.com/public/linaro/lkft/builds/"
        + "2M0PXsQDVWO3DwIKTIlwtDELTpb/Image.gz", s.kernel());
    assertEquals("https://storage.tuxsuite.com/public/linaro/lkft/builds/"
        + "2M0PXsQDVWO3DwIKTIlwtDELTpb/modules.tar.xz", s.modules());
    assertTrue(s.rootfs().endsWith("/lkft-tux-image-juno-20230214185536.rootfs.ext4.gz"));
    assertEquals(Map.of("SHARD_INDEX", "4", "SHARD_NUMBER", "10",
        "SKIPFILE", "skipfile-lkft.yaml"), s.parameters());
    assertEquals(Map.of(), s.timeouts());
    assertNull(s.waitingFor());
    assertNull(s.plan());
    assertNull(s.bootArgs());
    assertNull(s.dtb());
    for (String firmware : new String[] {s.apRomfw(), s.bios(), s.bl1(), s.fip(), s.mcpFw(),
        s.mcpRomfw(), s.scpFw(), s.scpRomfw(), s.uefi()}) {
      assertNull(firmware);
    }
    assertEquals(0L, s.retries());
    assertEquals(List.of(), s.retriesMessages());
    assertEquals(Boolean.FALSE, s.isCanceling());
    assertEquals(Boolean.TRUE, s.isPublic());
    assertEquals(117L, s.duration());
    assertEquals(LocalDateTime.of(2023, 2, 24, 12, 41, 42, 541_788_000), s.provisioningTime());
    assertEquals(LocalDateTime.of(2023, 2, 24, 12, 42, 27, 314_447_000), s.runningTime());
    assertEquals(LocalDateTime.of(2023, 2, 24, 12, 44, 23, 178_581_000), s.finishedTime());
    assertEquals("https://storage.tuxsuite.com/public/tuxsuite/demo/tests/"
        + "2MBYa8FhoBHkRCX2BMMPusjuClf/", s.downloadUrl());
    assertEquals("tuxsuite/1.9.0", s.userAgent());
    assertEquals("demo-tuxsuite", s.tokenName());
    assertEquals("demo.user@linaro.org", s.user());
    assertEquals("https://tuxapi.tuxsuite.com/v1/test_callback", s.callback());
  }

  @Test
  void parsesOebuildSampleWithTypedFields() throws IOException {
    TuxOebuildCallback oe =
        (TuxOebuildCallback) TuxSuiteCallbacks.parse(fixture("oebuild-callback.json"));

    assertEquals("oebuild", oe.eventName());
    TuxOebuildStatus s = oe.status();
    assertEquals("2ZITcWtwDj3povtoSM0c5sk30FZ", s.uid());
    assertEquals("demo/demo", s.project());
    assertEquals("qemux86-64", s.machine());
    assertEquals("oniro-linux", s.distro());
    assertEquals("ubuntu-20.04", s.container());
    assertEquals("oe-core/oe-init-build-env", s.envsetup());
    assertEquals(List.of("intltool-native"), s.targets());
    assertEquals(Map.of("TEMPLATECONF", "../oniro/flavours/linux"), s.environment());
    assertEquals("kirkstone", s.sources().path("repo").path("branch").asText());
    assertEquals("https://gitlab.eclipse.org/eclipse/oniro-core/oniro",
        s.sources().path("repo").path("url").asText());
    assertEquals(List.of(), s.artifacts());
    assertEquals(List.of(), s.localConf());
    assertEquals(List.of(), s.bblayersConf());
    assertEquals(List.of(), s.extraconfigs());
    assertNull(s.kasOverride());
    assertNull(s.manifestFile());
    assertNull(s.pinnedManifest());
    assertEquals("", s.name());
    assertEquals("", s.statusMessage());
    assertEquals("pass", s.result());
    assertEquals("finished", s.state());
    assertEquals(127L, s.duration());
    assertEquals(103L, s.setupDuration());
    assertEquals(0L, s.warningsCount());
    assertEquals(0L, s.errorsCount());
    assertEquals(Boolean.FALSE, s.noCache());
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 2, 19, 569_984_000), s.finishedTime());
    assertEquals("https://storage.tuxsuite.com/public/demo/demo/oebuilds/"
        + "2ZITcWtwDj3povtoSM0c5sk30FZ/", s.downloadUrl());
  }

  @Test
  void parsesPlanSampleWithTypedFields() throws IOException {
    TuxPlanCallback plan = (TuxPlanCallback) TuxSuiteCallbacks.parse(fixture("plan-callback.json"));

    assertEquals("plan", plan.eventName());
    TuxPlanStatus s = plan.status();
    assertEquals("2ZISTKlXYwYx1k5K4p8HIEKu7kn", s.uid());
    assertEquals("Plan Callback Tester", s.name());
    assertEquals("Plan Callback Tester", s.description());
    assertEquals("https://tuxapi.tuxsuite.com/v1/test_callback", s.planCallback());
    assertEquals("tuxsuite/demo", s.project());
    assertEquals(LocalDateTime.of(2023, 12, 9, 7, 48, 26, 3_703_000), s.provisioningTime());
    assertEquals("finished", s.state());
    assertTrue(s.isFinished());
    assertEquals(Boolean.TRUE, s.isPublic());
    assertEquals("demo-tuxsuite", s.tokenName());
    assertEquals("demo.user@linaro.org", s.user());
    assertEquals("tuxsuite/1.33.0", s.userAgent());
  }

  @Test
  void modelsEveryFieldOfTheDocumentedSamples() throws IOException {
    for (String name : new String[] {"build-callback.json", "test-callback.json",
        "oebuild-callback.json", "plan-callback.json"}) {
      TuxSuiteCallback callback = TuxSuiteCallbacks.parse(fixture(name));

      TuxStatus status = statusOf(callback);
      assertEquals(Map.of(), status.unknownFields(), name);
    }
  }

  private static TuxStatus statusOf(TuxSuiteCallback callback) {
    if (callback instanceof TuxBuildCallback build) {
      return build.status();
    }
    if (callback instanceof TuxTestCallback test) {
      return test.status();
    }
    if (callback instanceof TuxOebuildCallback oe) {
      return oe.status();
    }
    return ((TuxPlanCallback) callback).status();
  }

  @Test
  void acceptsInvalidApostropheEscapeThatStrictJsonRejects() throws IOException {
    String sample = new String(fixture("build-callback.json"), StandardCharsets.UTF_8);
    byte[] body = utf8(sample.replace("'", "\\'"));
    assertTrue(sample.contains("'net-6.7-rc5'"));

    WebhookParseException strict = assertThrows(WebhookParseException.class,
        () -> WebhookJson.read(body));
    TuxBuildCallback build = (TuxBuildCallback) TuxSuiteCallbacks.parse(body);

    assertEquals(Reason.MALFORMED_JSON, strict.reason());
    assertEquals("5e3f5b81de80 (\"Merge tag 'net-6.7-rc5' of "
        + "git://git.kernel.org/pub/scm/linux/kernel/git/netdev/net\")",
        build.status().gitShortLog());
  }

  @Test
  void unwrapsLegacyDoubleEncodedBodyOnce() throws IOException {
    byte[] direct = fixture("test-callback.json");
    byte[] doubleEncoded = MAPPER.writeValueAsBytes(new String(direct, StandardCharsets.UTF_8));
    assertEquals('"', doubleEncoded[0]);

    TuxSuiteCallback callback = TuxSuiteCallbacks.parse(doubleEncoded);

    assertEquals(TuxSuiteCallbacks.parse(direct), callback);
    assertEquals("2MBYa8FhoBHkRCX2BMMPusjuClf", ((TuxTestCallback) callback).status().uid());
  }

  @Test
  void unwrapsDoubleEncodedTreeToo() throws IOException {
    JsonNode text = MAPPER.getNodeFactory().textNode("{\"kind\":\"plan\",\"status\":{\"uid\":\"x\"}}");

    TuxPlanCallback plan = (TuxPlanCallback) TuxSuiteCallbacks.parse(text);

    assertEquals("x", plan.status().uid());
  }

  @Test
  void rejectsTripleEncodedBodyAsUnexpectedShape() throws IOException {
    byte[] twice = MAPPER.writeValueAsBytes(MAPPER.writeValueAsString("{\"kind\":\"test\"}"));

    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> TuxSuiteCallbacks.parse(twice));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("inside the double-encoded string"), e.getMessage());
    assertTrue(e.getMessage().contains("got string"), e.getMessage());
  }

  @Test
  void reportsMalformedTextInsideDoubleEncodedBody() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> TuxSuiteCallbacks.parse(utf8("\"{\\\"kind\\\": \"")));

    assertEquals(Reason.MALFORMED_JSON, e.reason());
    assertTrue(e.getMessage().contains("is a JSON string, but its text is not JSON"),
        e.getMessage());
  }

  @Test
  void keepsUnmodelledAndMistypedFieldsInUnknownFields() {
    TuxBuildStatus s = buildStatus("{\"uid\":\"u1\",\"new_field\":{\"a\":[1,2]},"
        + "\"duration\":\"258s\",\"finished_time\":\"yesterday\",\"artifact_count\":3,"
        + "\"targets\":[\"kernel\",{\"x\":1}],\"plan\":null}");

    assertEquals("u1", s.uid());
    assertNull(s.duration());
    assertNull(s.finishedTime());
    assertNull(s.plan());
    assertEquals(List.of(), s.targets());
    Map<String, JsonNode> unknown = s.unknownFields();
    assertEquals(List.of("new_field", "duration", "finished_time", "artifact_count", "targets"),
        List.copyOf(unknown.keySet()));
    assertEquals(2, unknown.get("new_field").path("a").get(1).asInt());
    assertEquals("258s", unknown.get("duration").asText());
    assertEquals(3, unknown.get("artifact_count").asInt());
  }

  @Test
  void unknownFieldsAreUnmodifiableDeepCopies() {
    TuxBuildStatus s = buildStatus("{\"new_field\":{\"a\":1}}");

    ((ObjectNode) s.unknownFields().get("new_field")).put("a", 2);
    assertThrows(UnsupportedOperationException.class,
        () -> s.unknownFields().put("other", MAPPER.createObjectNode()));

    assertEquals(1, s.unknownFields().get("new_field").get("a").asInt());
  }

  @Test
  void treeFieldsAreDeepCopiesOnAccess() throws IOException {
    TuxBuildStatus build = ((TuxBuildCallback) TuxSuiteCallbacks.parse(
        fixture("build-callback.json"))).status();
    TuxOebuildStatus oe = ((TuxOebuildCallback) TuxSuiteCallbacks.parse(
        fixture("oebuild-callback.json"))).status();

    ((ObjectNode) build.tuxmakeMetadata()).remove("compiler");
    ((ObjectNode) oe.sources()).remove("repo");

    assertEquals("clang", build.tuxmakeMetadata().path("compiler").path("name").asText());
    assertEquals("kirkstone", oe.sources().path("repo").path("branch").asText());
  }

  @Test
  void parsesEmptyObjectToUnknownCallbackKeepingTree() {
    TuxSuiteCallback callback = TuxSuiteCallbacks.parse(utf8("{}"));

    TuxUnknownCallback unknown = (TuxUnknownCallback) callback;
    assertEquals("", unknown.eventName());
    assertEquals(Provider.TUXSUITE, unknown.provider());
    assertEquals(MAPPER.createObjectNode(), unknown.payload());
  }

  @Test
  void keepsUnknownKindWithItsPayload() {
    TuxUnknownCallback unknown = (TuxUnknownCallback) TuxSuiteCallbacks.parse(
        utf8("{\"kind\":\"bake\",\"status\":{\"uid\":\"b1\"}}"));

    assertEquals("bake", unknown.eventName());
    assertEquals("b1", unknown.payload().path("status").path("uid").asText());
    ((ObjectNode) unknown.payload()).put("kind", "changed");
    assertEquals("bake", unknown.payload().path("kind").asText());
  }

  @Test
  void parsesKindWithoutStatusToTypedCallbackWithNulls() {
    TuxBuildCallback build = (TuxBuildCallback) TuxSuiteCallbacks.parse(utf8("{\"kind\":\"build\"}"));

    TuxBuildStatus s = build.status();
    assertNull(s.uid());
    assertNull(s.state());
    assertFalse(s.isFinished());
    assertNull(s.isPublic());
    assertNull(s.duration());
    assertNull(s.finishedTime());
    assertNull(s.tuxmakeMetadata());
    assertEquals(Optional.empty(), s.modules());
    assertEquals(List.of(), s.kconfig());
    assertEquals(Map.of(), s.makeVariables());
    assertEquals(Map.of(), s.unknownFields());
  }

  @Test
  void readsNonObjectStatusAsAllNull() {
    for (String kind : new String[] {"test", "oebuild", "plan"}) {
      TuxStatus status = statusOf(TuxSuiteCallbacks.parse(
          utf8("{\"kind\":\"" + kind + "\",\"status\":[1]}")));

      assertNull(status.uid(), kind);
      assertNull(status.provisioningTime(), kind);
      assertEquals(Map.of(), status.unknownFields(), kind);
    }
  }

  @Test
  void readsKbuildKindAsBuild() {
    TuxSuiteCallback callback = TuxSuiteCallbacks.parse(
        utf8("{\"kind\":\"kbuild\",\"status\":{\"uid\":\"k1\"}}"));

    assertEquals("kbuild", callback.eventName());
    assertEquals("k1", ((TuxBuildCallback) callback).status().uid());
  }

  @Test
  void readsModulesAsFileNameOrEmptyForFalse() {
    assertEquals(Optional.of("modules.tar.xz"), buildStatus("{\"modules\":\"modules.tar.xz\"}")
        .modules());
    assertEquals(Optional.empty(), buildStatus("{\"modules\":false}").modules());
    assertEquals(Optional.empty(), buildStatus("{\"modules\":\"\"}").modules());
    TuxBuildStatus odd = buildStatus("{\"modules\":true}");
    assertEquals(Optional.empty(), odd.modules());
    assertTrue(odd.unknownFields().get("modules").booleanValue());
  }

  @Test
  void readsSingleKconfigStringAsOneElementList() {
    assertEquals(List.of("defconfig"), buildStatus("{\"kconfig\":\"defconfig\"}").kconfig());
    assertEquals(List.of("defconfig", "kvm_guest.config"),
        buildStatus("{\"kconfig\":[\"defconfig\",null,\"kvm_guest.config\"]}").kconfig());
  }

  @Test
  void readsWholeFloatsAsCountsAndKeepsFractionsAsUnknown() {
    TuxBuildStatus s = buildStatus("{\"duration\":258.0,\"setup_duration\":1.5,"
        + "\"sccache_hits\":99999999999999999999}");

    assertEquals(258L, s.duration());
    assertNull(s.setupDuration());
    assertNull(s.sccacheHits());
    assertEquals(1.5, s.unknownFields().get("setup_duration").doubleValue());
    assertTrue(s.unknownFields().containsKey("sccache_hits"));
  }

  @Test
  void readsScalarMapValuesAsTextAndTimeoutsAsNumbers() {
    TuxTestStatus s = ((TuxTestCallback) TuxSuiteCallbacks.parse(utf8("{\"kind\":\"test\","
        + "\"status\":{\"parameters\":{\"SHARD_INDEX\":4,\"DEBUG\":true,\"SKIP\":null},"
        + "\"timeouts\":{\"boot\":10,\"ltp\":null}}}"))).status();

    assertEquals(Map.of("SHARD_INDEX", "4", "DEBUG", "true"), s.parameters());
    assertEquals(Map.of("boot", 10L), s.timeouts());
  }

  @Test
  void readsTimesLenientlyAsUtc() {
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 8, 24, 822_016_000),
        StatusFields.parseTime("2023-12-09T08:08:24.822016"));
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 8, 24),
        StatusFields.parseTime("2023-12-09 08:08:24"));
    assertEquals(LocalDateTime.of(2023, 12, 9, 8, 8, 24, 500_000_000),
        StatusFields.parseTime("2023-12-09T08:08:24.5Z"));
    assertEquals(LocalDateTime.of(2023, 12, 9, 6, 8),
        StatusFields.parseTime("2023-12-09T08:08+02:00"));
    assertEquals(LocalDateTime.of(2023, 12, 9, 10, 8, 24),
        StatusFields.parseTime("2023-12-09T08:08:24-02:00"));
    assertNull(StatusFields.parseTime("2023-12-09"));
    assertNull(StatusFields.parseTime("2023-13-09T08:08:24"));
    assertNull(StatusFields.parseTime("yesterday at noon"));
  }

  @Test
  void rejectsNonObjectTopLevelAsUnexpectedShape() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> TuxSuiteCallbacks.parse(utf8("[1]")));

    assertEquals(Reason.UNEXPECTED_SHAPE, e.reason());
    assertTrue(e.getMessage().contains("TuxSuite callback: expected a JSON object"),
        e.getMessage());
    assertTrue(e.getMessage().contains("got array"), e.getMessage());
  }

  @Test
  void stillRejectsDuplicateKeysWhenLenientAboutEscapes() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> TuxSuiteCallbacks.parse(utf8("{\"kind\":\"test\",\"kind\":\"build\"}")));

    assertEquals(Reason.DUPLICATE_KEY, e.reason());
  }

  @Test
  void reportsMalformedJson() {
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> TuxSuiteCallbacks.parse(utf8("{\"kind\":")));

    assertEquals(Reason.MALFORMED_JSON, e.reason());
  }

  @Test
  void rejectsNullPayloadNamingIt() {
    NullPointerException bytes = assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbacks.parse((byte[]) null));
    NullPointerException tree = assertThrows(NullPointerException.class,
        () -> TuxSuiteCallbacks.parse((JsonNode) null));

    assertEquals("payload", bytes.getMessage());
    assertEquals("payload", tree.getMessage());
  }

  @Test
  void recordsCopyCollectionsAndTurnNullIntoEmpty() {
    java.util.ArrayList<String> kconfig = new java.util.ArrayList<>();
    kconfig.add("tinyconfig");
    kconfig.add(null);
    TuxBuildStatus s = new TuxBuildStatus(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, kconfig, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);

    kconfig.add("changed");

    assertEquals(List.of("tinyconfig"), s.kconfig());
    assertEquals(List.of(), s.targets());
    assertEquals(Map.of(), s.makeVariables());
    assertEquals(Optional.empty(), s.modules());
    assertEquals(Map.of(), s.unknownFields());
    assertThrows(UnsupportedOperationException.class, () -> s.kconfig().add("x"));
  }

  @Test
  void callbackRecordsRejectNullComponents() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new TuxTestCallback("test", null));

    assertEquals("status", e.getMessage());
  }

  @Test
  void usageExampleCompilesAndRuns() throws IOException {
    byte[] body = fixture("test-callback.json");
    String seen = null;

    TuxSuiteCallback callback = TuxSuiteCallbacks.parse(body);
    if (callback instanceof TuxTestCallback test && test.status().isFinished()) {
      seen = test.status().uid() + ": " + test.status().results();
    }

    assertEquals("2MBYa8FhoBHkRCX2BMMPusjuClf: {boot=pass}", seen);
  }
}
