package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage examples of the public types' javadoc, kept compiling and true. */
class ExamplesTest {

  @Test
  void documentExampleBuildsSerializesAndParsesBack() {
    Checkout checkout = Checkout.newBuilder("tuxsuite", "5e3f5b81de80c98338bcb47c233aebefee5a4801")
        .gitRepositoryUrl("https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git")
        .gitCommitHash("5e3f5b81de80c98338bcb47c233aebefee5a4801")
        .gitCommitName("v6.7-rc4-111-g5e3f5b81de80")
        .patchsetHash("")
        .build();
    Build build = Build.newBuilder("tuxsuite", "tuxsuite-build-2ZITcwA6wxeKxh9cZA5HBJ6FkSj")
        .checkoutId(checkout.id())
        .architecture("arm64")
        .compiler("clang-17")
        .configName("tinyconfig")
        .duration(258.0)
        .status(KcidbStatus.PASS)
        .build();
    TestRun test = TestRun.newBuilder("tuxsuite", "tuxsuite-test-2MBYa8FhoBHkRCX2BMMPusjuClf-boot")
        .buildId(build.id())
        .path("boot")
        .status(KcidbStatus.PASS)
        .startTime(OffsetDateTime.parse("2023-02-24T12:42:27.314447Z"))
        .environment(TestEnvironment.newBuilder()
            .compatible(List.of("qemu,virt", "arm,armv8"))
            .misc(new ObjectMapper().createObjectNode().put("platform", "qemu-arm64"))
            .build())
        .number(TestNumber.of(512000)
            .withUnit("B/s")
            .withPrefix(TestNumber.Prefix.BINARY))
        .build();
    Issue issue = Issue.newBuilder("tuxsuite", "ltp-accept01-timeout", 1)
        .reportSubject("ltp-syscalls.accept01 times out on qemu-arm64")
        .culprit(IssueCulprit.ofCode())
        .categories(List.of("runtime.timeout"))
        .build();
    Incident incident = Incident.newBuilder("tuxsuite", "incident-1")
        .issue(issue)
        .testId(test.id())
        .present(true)
        .build();

    KcidbDocument document = KcidbDocument.newBuilder()
        .addCheckout(checkout)
        .addBuild(build)
        .addTest(test)
        .addIssue(issue)
        .addIncident(incident)
        .build();
    byte[] body = document.toJson();
    KcidbDocument again = KcidbDocument.parse(body);

    assertEquals(document, again);
    KcidbValidator.strict().requireValid(document.toJsonNode());
    ValidationResult result = KcidbValidator.officialSchema().validate(body);
    assertTrue(result.valid(), result.summary(10));
  }

  @Test
  void formatsExampleRepairsForeignStrings() {
    String path = KcidbFormats.toTestPath("ltp-syscalls/accept01");
    String excerpt = KcidbFormats.logExcerptTail("x".repeat(20_000));

    assertEquals("ltp-syscalls.accept01", path);
    assertEquals(KcidbFormats.MAX_LOG_EXCERPT_CODE_POINTS, excerpt.length());
  }

  @Test
  void statusExampleSummarizes() {
    KcidbStatus summary = KcidbStatus.summarize(List.of(KcidbStatus.PASS, KcidbStatus.FAIL))
        .orElseThrow();

    assertEquals(KcidbStatus.FAIL, summary);
    assertFalse(KcidbStatus.PASS.outranks(summary));
  }
}
