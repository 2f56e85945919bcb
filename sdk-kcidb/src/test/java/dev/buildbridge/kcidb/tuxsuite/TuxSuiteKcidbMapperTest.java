package dev.buildbridge.kcidb.tuxsuite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.kcidb.Build;
import dev.buildbridge.kcidb.Checkout;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbStatus;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.OfficialSchema;
import dev.buildbridge.kcidb.Resource;
import dev.buildbridge.kcidb.TestRun;
import dev.buildbridge.webhooks.WebhookParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TuxSuiteKcidbMapperTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BUILD_UID = "2ZITcwA6wxeKxh9cZA5HBJ6FkSj";
  private static final String REPO =
      "https://gitlab.com/Linaro/lkft/mirrors/stable/linux-stable-rc";
  private static final String SHA = "5e3f5b81de80c98338bcb47c233aebefee5a4801";
  private static final String DOWNLOAD =
      "https://storage.tuxsuite.com/public/demo/demo/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj/";

  private static OfficialSchema official;
  private final TuxSuiteKcidbMapper mapper = TuxSuiteKcidbMapper.newBuilder("tuxsuite").build();

  @BeforeAll
  static void loadSchema() {
    official = OfficialSchema.load(true);
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(SharedData.require("fixtures/tuxsuite").resolve(name));
  }

  private static ObjectNode fixtureTree(String name) throws IOException {
    return (ObjectNode) MAPPER.readTree(fixture(name));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TuxSuiteKcidbMapperTest.class.getResourceAsStream(
        "/tuxsuite/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The build fixture with its status changed. */
  private static byte[] buildWith(Consumer<ObjectNode> change) throws IOException {
    ObjectNode tree = fixtureTree("build-callback.json");
    change.accept((ObjectNode) tree.get("status"));
    return MAPPER.writeValueAsBytes(tree);
  }

  private static byte[] testWith(Consumer<ObjectNode> change) throws IOException {
    ObjectNode tree = fixtureTree("test-callback.json");
    change.accept((ObjectNode) tree.get("status"));
    return MAPPER.writeValueAsBytes(tree);
  }

  /** Both validators, and the SDK's own reading, accept the document. */
  private static void assertValidEverywhere(KcidbDocument document) {
    JsonNode json = document.toJsonNode();
    assertTrue(KcidbValidator.strict().validate(json).valid(),
        () -> KcidbValidator.strict().validate(json).summary(10));
    assertEquals(List.of(), official.errors(json));
    assertEquals(document, KcidbDocument.parse(document.toJson()));
  }

  private static String sha256Hex(String text, int digits) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, digits);
  }

  @Test
  void mapsOrClearlyRefusesEveryTuxSuiteFixture() throws Exception {
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(SharedData.require("fixtures/tuxsuite"))) {
      fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList());
    }
    assertTrue(fixtures.size() >= 4, fixtures.toString());
    List<String> seen = new ArrayList<>();
    for (Path file : fixtures) {
      MappingResult result = mapper.map(Files.readAllBytes(file));
      assertValidEverywhere(result.document());
      String kind = MAPPER.readTree(file.toFile()).path("kind").asText();
      switch (kind) {
        case "build":
          assertEquals(2, result.document().size(), file.toString());
          assertEquals(List.of(), result.skipped());
          break;
        case "test":
          assertEquals(1, result.document().size(), file.toString());
          assertEquals(List.of(), result.skipped());
          break;
        case "plan":
        case "oebuild":
          assertTrue(result.document().isEmpty(), file.toString());
          assertEquals(1, result.skipped().size(), file.toString());
          break;
        default:
          throw new AssertionError("a fixture of a kind this test does not know: " + file);
      }
      seen.add(kind);
    }
    assertTrue(seen.containsAll(List.of("build", "test", "plan", "oebuild")), seen.toString());
  }

  @Test
  void mapsTheBuildFixtureToACheckoutAndABuild() throws Exception {
    MappingResult result = mapper.map(fixture("build-callback.json"));

    Checkout checkout = result.document().checkouts().get(0);
    assertEquals("tuxsuite:tuxsuite-checkout-" + SHA + "-" + sha256Hex(REPO + "\n", 16),
        checkout.id());
    assertEquals("tuxsuite", checkout.origin());
    assertEquals("linux-stable-rc", checkout.treeName());
    assertEquals(REPO, checkout.gitRepositoryUrl());
    assertEquals(SHA, checkout.gitCommitHash());
    assertEquals("v6.7-rc4-111-g5e3f5b81de80", checkout.gitCommitName());
    assertEquals("master", checkout.gitRepositoryBranch());
    assertEquals("", checkout.patchsetHash());
    assertEquals(OffsetDateTime.of(2023, 12, 9, 7, 57, 56, 699_401_000, ZoneOffset.UTC),
        checkout.startTime());
    assertEquals(Boolean.TRUE, checkout.valid());
    assertTrue(checkout.misc().path("tuxsuite").path("git_short_log").asText()
        .contains("Merge tag 'net-6.7-rc5'"));

    Build build = result.document().builds().get(0);
    assertEquals("tuxsuite:tuxsuite-build-" + BUILD_UID, build.id());
    assertEquals(checkout.id(), build.checkoutId());
    assertEquals("arm64", build.architecture());
    assertEquals("clang-17", build.compiler());
    assertEquals("tinyconfig", build.configName());
    assertEquals(258.0, build.duration());
    assertEquals(OffsetDateTime.of(2023, 12, 9, 8, 3, 50, 889_831_000, ZoneOffset.UTC),
        build.startTime());
    assertEquals(DOWNLOAD + "config", build.configUrl());
    assertEquals(DOWNLOAD + "build.log", build.logUrl());
    assertEquals(List.of("config", "vmlinux.xz", "System.map", "dtbs.tar.xz", "headers.tar.xz",
            "Image.gz", "build-debug.log"),
        build.outputFiles().stream().map(Resource::name).collect(Collectors.toList()));
    assertEquals(DOWNLOAD + "Image.gz", build.outputFiles().get(5).url());
    assertEquals(KcidbStatus.PASS, build.status());
    JsonNode tux = build.misc().get("tuxsuite");
    assertEquals(BUILD_UID, tux.get("uid").asText());
    assertEquals("demo/demo", tux.get("project").asText());
    assertEquals("6.7.0-rc4", tux.get("kernel_version").asText());
    assertEquals("1", tux.path("make_variables").path("LLVM").asText());
    assertTrue(tux.get("compiler_version_full").asText().startsWith("Debian clang version 17"));
  }

  @Test
  void mapsTheTestFixtureToOneTestLinkedToTheBuildOfItsKernel() throws Exception {
    MappingResult result = mapper.map(fixture("test-callback.json"));

    TestRun test = result.document().tests().get(0);
    String download =
        "https://storage.tuxsuite.com/public/tuxsuite/demo/tests/2MBYa8FhoBHkRCX2BMMPusjuClf/";
    assertEquals("tuxsuite:tuxsuite-test-2MBYa8FhoBHkRCX2BMMPusjuClf-boot", test.id());
    assertEquals("tuxsuite:tuxsuite-build-2M0PXsQDVWO3DwIKTIlwtDELTpb", test.buildId());
    assertEquals(mapper.buildId("2M0PXsQDVWO3DwIKTIlwtDELTpb"), test.buildId());
    assertEquals("boot", test.path());
    assertEquals(KcidbStatus.PASS, test.status());
    assertEquals(OffsetDateTime.of(2023, 2, 24, 12, 42, 27, 314_447_000, ZoneOffset.UTC),
        test.startTime());
    assertEquals(download + "logs.txt", test.logUrl());
    assertEquals(List.of(Resource.of("results.json", download + "results.json")),
        test.outputFiles());
    assertEquals(List.of("Image.gz", "modules.tar.xz",
            "lkft-tux-image-juno-20230214185536.rootfs.ext4.gz"),
        test.inputFiles().stream().map(Resource::name).collect(Collectors.toList()));
    assertEquals("qemu-arm64", test.environment().misc().get("platform").asText());
    assertEquals("tuxsuite", test.misc().get("runtime").asText());
    assertEquals("4", test.misc().path("tuxsuite").path("parameters").path("SHARD_INDEX")
        .asText());
    assertNull(test.duration());
  }

  @Test
  void testsLinkToTheExactBuildIdTheirBuildCallbackProduced() throws Exception {
    Build build = mapper.map(fixture("build-callback.json")).document().builds().get(0);

    MappingResult tests = mapper.map(resource("test-callback-ltp.json"));

    assertTrue(tests.document().tests().size() > 1);
    for (TestRun test : tests.document().tests()) {
      assertEquals(build.id(), test.buildId(), test.id());
    }
    assertValidEverywhere(tests.document());
  }

  @Test
  void mapsOneTestPerResultWithExplicitStatuses() throws Exception {
    MappingResult result = mapper.map(resource("test-callback-ltp.json"));

    String prefix = "tuxsuite:tuxsuite-test-2ZITdN1hy4Mh7iZBHWCoeBEzUxu-";
    List<String> ids = result.document().tests().stream().map(TestRun::id)
        .collect(Collectors.toList());
    assertEquals(List.of(prefix + "boot", prefix + "ltp-syscalls", prefix + "ltp-smoke",
        prefix + "kselftest.net.ip_defrag.sh~" + sha256Hex("kselftest/net ip_defrag.sh", 8),
        prefix + "ltp-sched"), ids);
    assertEquals(List.of(KcidbStatus.PASS, KcidbStatus.FAIL, KcidbStatus.SKIP, KcidbStatus.PASS,
            KcidbStatus.ERROR),
        result.document().tests().stream().map(TestRun::status).collect(Collectors.toList()));
    assertEquals("kselftest.net.ip_defrag.sh", result.document().tests().get(3).path());
    assertEquals(List.of(
        "test 2ZITdN1hy4Mh7iZBHWCoeBEzUxu result \"ltp-fs\": result \"canceled\" has no KCIDB"
            + " status; not submitted (canceledPolicy SKIP_AND_REPORT)",
        "test 2ZITdN1hy4Mh7iZBHWCoeBEzUxu result \"ltp-mm\": result \"unknown\" has no KCIDB"
            + " status; not submitted (unknownPolicy SKIP_AND_REPORT)"),
        result.skipped().stream().map(SkippedResult::toString).collect(Collectors.toList()));
    assertEquals(prefix + "ltp-fs", result.skipped().get(0).kcidbId());
  }

  @Test
  void mappingTheSameCallbackTwiceGivesTheSameBytes() throws Exception {
    for (String name : new String[] {"build-callback.json", "test-callback.json"}) {
      byte[] body = fixture(name);
      MappingResult first = mapper.map(body);
      MappingResult again = TuxSuiteKcidbMapper.newBuilder("tuxsuite").build().map(body);

      assertEquals(first, again);
      assertArrayEquals(first.document().toJson(), again.document().toJson());
    }
    byte[] ltp = resource("test-callback-ltp.json");
    assertArrayEquals(mapper.map(ltp).document().toJson(), mapper.map(ltp).document().toJson());
  }

  @Test
  void canceledBuildsAreReportedNotSubmittedByDefault() throws Exception {
    byte[] canceled = buildWith(s -> s.put("result", "canceled").put("build_status", "canceled"));

    MappingResult result = mapper.map(canceled);

    assertEquals(1, result.document().checkouts().size());
    assertEquals(List.of(), result.document().builds());
    SkippedResult skipped = result.skipped().get(0);
    assertEquals("build " + BUILD_UID, skipped.source());
    assertEquals("tuxsuite:tuxsuite-build-" + BUILD_UID, skipped.kcidbId());
    assertEquals("result \"canceled\" has no KCIDB status; not submitted (canceledPolicy"
        + " SKIP_AND_REPORT)", skipped.reason());
    assertValidEverywhere(result.document());
  }

  @Test
  void canceledAndUnknownResultsFollowTheirConfiguredPolicies() throws Exception {
    byte[] canceled = buildWith(s -> s.put("result", "canceled"));
    byte[] unknown = buildWith(s -> s.put("result", "unknown"));
    Object[][] policies = {
        {ResultPolicy.SUBMIT_AS_MISS, KcidbStatus.MISS},
        {ResultPolicy.SUBMIT_AS_ERROR, KcidbStatus.ERROR},
        {ResultPolicy.SUBMIT_AS_SKIP, KcidbStatus.SKIP},
        {ResultPolicy.SUBMIT_WITHOUT_STATUS, null},
    };
    for (Object[] row : policies) {
      ResultPolicy policy = (ResultPolicy) row[0];
      TuxSuiteKcidbMapper configured = mapper.toBuilder().resultPolicy(policy).build();
      for (byte[] body : List.of(canceled, unknown)) {
        MappingResult result = configured.map(body);
        assertEquals(List.of(), result.skipped(), policy.toString());
        assertEquals(row[1], result.document().builds().get(0).status(), policy.toString());
        assertValidEverywhere(result.document());
      }
    }
    TuxSuiteKcidbMapper onlyCanceled = mapper.toBuilder()
        .canceledPolicy(ResultPolicy.SUBMIT_AS_MISS).build();
    assertEquals(KcidbStatus.MISS,
        onlyCanceled.map(canceled).document().builds().get(0).status());
    assertEquals(List.of(), onlyCanceled.map(unknown).document().builds());
    assertTrue(onlyCanceled.map(unknown).skipped().get(0).reason()
        .endsWith("(unknownPolicy SKIP_AND_REPORT)"));
  }

  @Test
  void resultsOfUnfinishedRunsFollowTheUnknownPolicy() throws Exception {
    byte[] running = buildWith(s -> s.put("state", "building").put("result", "pass"));
    byte[] odd = buildWith(s -> s.put("result", "weird"));
    byte[] none = buildWith(s -> {
      s.remove("result");
      s.remove("build_status");
    });

    assertEquals("the run's state \"building\" is not finished; not submitted (unknownPolicy"
        + " SKIP_AND_REPORT)", mapper.map(running).skipped().get(0).reason());
    assertEquals("result \"weird\" has no KCIDB status; not submitted (unknownPolicy"
        + " SKIP_AND_REPORT)", mapper.map(odd).skipped().get(0).reason());
    assertEquals("there is no result; not submitted (unknownPolicy SKIP_AND_REPORT)",
        mapper.map(none).skipped().get(0).reason());
    TuxSuiteKcidbMapper lenient = mapper.toBuilder()
        .unknownPolicy(ResultPolicy.SUBMIT_WITHOUT_STATUS).build();
    assertNull(lenient.map(running).document().builds().get(0).status());
  }

  @Test
  void buildStatusStandsInForAMissingResult() throws Exception {
    MappingResult result = mapper.map(buildWith(s -> {
      s.remove("result");
      s.put("build_status", "fail");
    }));

    assertEquals(KcidbStatus.FAIL, result.document().builds().get(0).status());
  }

  @Test
  void mapsErrorsAsErrorAndFailuresAsFail() throws Exception {
    assertEquals(KcidbStatus.ERROR, mapper.map(buildWith(s -> s.put("result", "error")))
        .document().builds().get(0).status());
    assertEquals(KcidbStatus.FAIL, mapper.map(buildWith(s -> s.put("result", "fail")))
        .document().builds().get(0).status());
  }

  @Test
  void buildsOfOneCommitShareACheckoutUnlessPatched() throws Exception {
    Checkout plain = mapper.map(fixture("build-callback.json")).document().checkouts().get(0);
    Checkout other = mapper.map(buildWith(s -> s.put("uid", "2ZITxxxxxxxxxxxxxxxxxxxxxxx")
        .put("target_arch", "x86_64"))).document().checkouts().get(0);
    Checkout patched = mapper.map(buildWith(s -> s.put("kernel_patch_file", "fix.patch")))
        .document().checkouts().get(0);

    assertEquals(plain.id(), other.id());
    assertTrue(patched.id().startsWith("tuxsuite:tuxsuite-checkout-" + SHA + "-"));
    assertTrue(!patched.id().equals(plain.id()));
    assertNull(patched.patchsetHash());
    assertEquals("fix.patch", patched.misc().path("tuxsuite").path("kernel_patch_file").asText());
  }

  @Test
  void cleansTuxSuiteValuesThatKcidbRefuses() throws Exception {
    MappingResult result = mapper.map(buildWith(s -> s
        .put("git_repo", "git://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git")
        .put("git_sha", SHA.toUpperCase(Locale.ROOT))
        .put("git_describe", "v6.7\0-rc4")
        .put("target_arch", "X86-64")
        .put("download_url", "not a url")));

    Checkout checkout = result.document().checkouts().get(0);
    Build build = result.document().builds().get(0);
    assertNull(checkout.gitRepositoryUrl());
    assertEquals("git://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git",
        checkout.misc().path("tuxsuite").path("git_repo").asText());
    assertEquals("linux", checkout.treeName());
    assertEquals(SHA, checkout.gitCommitHash());
    assertEquals("v6.7-rc4", checkout.gitCommitName());
    assertEquals("x86_64", build.architecture());
    assertNull(build.logUrl());
    assertNull(build.configUrl());
    assertNull(build.outputFiles());
    assertValidEverywhere(result.document());
  }

  @Test
  void aBuildWithoutCommitGetsItsOwnCheckout() throws Exception {
    MappingResult result = mapper.map(buildWith(s -> {
      s.remove("git_sha");
      s.put("target_arch", "not an arch!");
    }));

    Checkout checkout = result.document().checkouts().get(0);
    assertEquals("tuxsuite:tuxsuite-checkout-build-" + BUILD_UID, checkout.id());
    assertNull(checkout.valid());
    assertNull(checkout.patchsetHash());
    assertNull(result.document().builds().get(0).architecture());
    assertValidEverywhere(result.document());
  }

  @Test
  void encodesArtifactNamesIntoUrlsAndDropsPathsOutsideTheDirectory() throws Exception {
    MappingResult result = mapper.map(buildWith(s -> {
      ObjectNode artifacts = (ObjectNode) s.path("tuxmake_metadata").path("results")
          .path("artifacts");
      artifacts.removeAll();
      artifacts.putArray("odd").add("my image.gz").add("../escape").add("/abs").add("dtbs/a.dtb")
          .add("ü").add("");
      s.put("modules", "modules.tar.xz");
    }));

    List<Resource> files = result.document().builds().get(0).outputFiles();
    assertEquals(List.of(
        Resource.of("my image.gz", DOWNLOAD + "my%20image.gz"),
        Resource.of("dtbs_a.dtb", DOWNLOAD + "dtbs/a.dtb"),
        Resource.of("ü", DOWNLOAD + "%C3%BC"),
        Resource.of("Image.gz", DOWNLOAD + "Image.gz"),
        Resource.of("modules.tar.xz", DOWNLOAD + "modules.tar.xz")), files);
    assertValidEverywhere(result.document());
  }

  @Test
  void aTestWithoutResultsGetsOneTestPerSuiteWithTheJobResult() throws Exception {
    MappingResult result = mapper.map(testWith(s -> {
      s.putObject("results");
      s.putArray("tests").add("boot").add("ltp-smoke");
      s.put("result", "error");
    }));

    assertEquals(List.of("boot", "ltp-smoke"), result.document().tests().stream()
        .map(TestRun::path).collect(Collectors.toList()));
    assertEquals(List.of(KcidbStatus.ERROR, KcidbStatus.ERROR), result.document().tests()
        .stream().map(TestRun::status).collect(Collectors.toList()));
    assertTrue(result.document().tests().get(0).misc().path("tuxsuite")
        .path("result_of_job").asBoolean());
  }

  @Test
  void takesTheBuildFromWaitingForBeforeTheKernelUrl() throws Exception {
    MappingResult result = mapper.map(testWith(s -> s.put("waiting_for", "BUILD#" + BUILD_UID)));

    assertEquals("tuxsuite:tuxsuite-build-" + BUILD_UID,
        result.document().tests().get(0).buildId());
  }

  @Test
  void asksTheResolverForKernelsBuiltElsewhere() throws Exception {
    byte[] foreign = testWith(s -> s.put("kernel",
        "https://storage.kernelci.org/mainline/Image").put("waiting_for", "TEST#2ZIT"));
    TuxSuiteKcidbMapper resolving = mapper.toBuilder()
        .buildIdResolver(s -> s.kernel().contains("kernelci") ? "maestro:681b69099ae9711e9ed49766"
            : null)
        .build();

    assertEquals("maestro:681b69099ae9711e9ed49766",
        resolving.map(foreign).document().tests().get(0).buildId());

    KcidbException refused = assertThrows(KcidbException.class, () -> mapper.map(foreign));
    assertEquals(KcidbException.Reason.UNMAPPABLE_CALLBACK, refused.reason());
    assertEquals("TuxSuite test 2MBYa8FhoBHkRCX2BMMPusjuClf: cannot tell which build it tested:"
        + " waiting_for is \"TEST#2ZIT\", the kernel URL is not a TuxSuite build artifact, and no"
        + " buildIdResolver is set", refused.getMessage());
    KcidbException bad = assertThrows(KcidbException.class,
        () -> mapper.toBuilder().buildIdResolver(s -> "not an id").build().map(foreign));
    assertTrue(bad.getMessage().contains("buildIdResolver returned \"not an id\", which is not a"
        + " KCIDB id"), bad.getMessage());
  }

  @Test
  void planAndOebuildCallbacksMapToNothingWithAReason() throws Exception {
    MappingResult plan = mapper.map(fixture("plan-callback.json"));
    MappingResult oebuild = mapper.map(fixture("oebuild-callback.json"));

    assertEquals("plan \"2ZISTKlXYwYx1k5K4p8HIEKu7kn\": a plan callback only says the plan"
        + " ended; its builds and tests send their own callbacks",
        plan.skipped().get(0).toString());
    assertNull(plan.skipped().get(0).kcidbId());
    assertEquals("oebuild \"2ZITcWtwDj3povtoSM0c5sk30FZ\": an OpenEmbedded build is not a kernel"
        + " build; KCIDB has no object for it", oebuild.skipped().get(0).toString());
    assertTrue(oebuild.document().isEmpty());
  }

  @Test
  void refusesCallbacksItCannotMap() throws Exception {
    KcidbException unknownKind = assertThrows(KcidbException.class,
        () -> mapper.map("{\"kind\":\"bake\",\"status\":{}}".getBytes(StandardCharsets.UTF_8)));
    KcidbException noKind = assertThrows(KcidbException.class,
        () -> mapper.map("{\"status\":{}}".getBytes(StandardCharsets.UTF_8)));
    KcidbException noUid = assertThrows(KcidbException.class,
        () -> mapper.map(buildWith(s -> s.remove("uid"))));
    KcidbException badUid = assertThrows(KcidbException.class,
        () -> mapper.map(testWith(s -> s.put("uid", "../../etc"))));
    KcidbException badWait = assertThrows(KcidbException.class,
        () -> mapper.map(testWith(s -> s.put("waiting_for", "BUILD#"))));
    KcidbException notJson = assertThrows(KcidbException.class,
        () -> mapper.map("{\"kind\":".getBytes(StandardCharsets.UTF_8)));

    assertEquals("TuxSuite callback of kind \"bake\" cannot be mapped; known kinds are build,"
        + " test, oebuild and plan", unknownKind.getMessage());
    assertEquals("TuxSuite callback of kind (none) cannot be mapped; known kinds are build,"
        + " test, oebuild and plan", noKind.getMessage());
    assertEquals("TuxSuite build callback has no status.uid", noUid.getMessage());
    assertEquals("TuxSuite test callback: status.uid \"../../etc\" must be ASCII letters and"
        + " digits only", badUid.getMessage());
    assertEquals("TuxSuite test 2MBYa8FhoBHkRCX2BMMPusjuClf: waiting_for names a build whose uid"
        + " \"\" must have 1 to 64 characters", badWait.getMessage());
    assertTrue(notJson.getMessage().startsWith("TuxSuite callback cannot be read: "),
        notJson.getMessage());
    assertInstanceOf(WebhookParseException.class, notJson.getCause());
    for (KcidbException e : List.of(unknownKind, noKind, noUid, badUid, badWait, notJson)) {
      assertEquals(KcidbException.Reason.UNMAPPABLE_CALLBACK, e.reason());
    }
  }

  @Test
  void readsDoubleEncodedAndSloppilyEscapedBodiesLikeTheRawOnes() throws Exception {
    byte[] raw = fixture("build-callback.json");
    byte[] doubleEncoded = MAPPER.writeValueAsBytes(new String(raw, StandardCharsets.UTF_8));
    byte[] sloppy = new String(raw, StandardCharsets.UTF_8)
        .replace("Merge tag 'net-6.7-rc5'", "Merge tag \\'net-6.7-rc5\\'")
        .getBytes(StandardCharsets.UTF_8);

    byte[] expected = mapper.map(raw).document().toJson();

    assertArrayEquals(expected, mapper.map(doubleEncoded).document().toJson());
    assertArrayEquals(expected, mapper.map(sloppy).document().toJson());
  }

  @Test
  void theOriginIsConfigurable() throws Exception {
    TuxSuiteKcidbMapper linaro = TuxSuiteKcidbMapper.newBuilder("linaro").build();

    KcidbDocument document = linaro.map(fixture("build-callback.json")).document();

    assertEquals("linaro", linaro.origin());
    assertEquals("linaro:tuxsuite-build-" + BUILD_UID, document.builds().get(0).id());
    assertTrue(document.checkouts().get(0).id().startsWith("linaro:tuxsuite-checkout-"));
    assertEquals("linaro", document.builds().get(0).origin());
  }

  @Test
  void builderChecksItsArguments() {
    assertEquals("origin must be a-z, 0-9 and _ only, was \"Tux-Suite\"",
        assertThrows(IllegalArgumentException.class,
            () -> TuxSuiteKcidbMapper.newBuilder("Tux-Suite")).getMessage());
    assertThrows(NullPointerException.class, () -> TuxSuiteKcidbMapper.newBuilder(null));
    assertThrows(NullPointerException.class,
        () -> TuxSuiteKcidbMapper.newBuilder("a").canceledPolicy(null));
    assertThrows(NullPointerException.class,
        () -> TuxSuiteKcidbMapper.newBuilder("a").buildIdResolver(null));
    assertThrows(NullPointerException.class, () -> mapper.map((byte[]) null));
    assertThrows(IllegalArgumentException.class, () -> mapper.buildId("a/b"));
  }

  @Test
  void aCustomTreeNameIsUsedAndCleaned() throws Exception {
    TuxSuiteKcidbMapper named = mapper.toBuilder().treeName(s -> "stable-rc\0 ").build();

    assertEquals("stable-rc",
        named.map(fixture("build-callback.json")).document().checkouts().get(0).treeName());
  }
}
