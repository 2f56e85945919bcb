package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes valid KCIDB documents with the SDK's builders, deterministically from a seed: every
 * optional property present or not at random, values drawn from pools that include the awkward
 * but valid (Unicode, IPv6 hosts, Message-IDs in angle brackets, empty lists, empty paths).
 */
final class DocumentGenerator {
  static final String[] ORIGINS = {"tuxsuite", "maestro", "a", "lab_2", "x9", "redhat"};
  static final String[] LOCAL_IDS = {"1", "2ZITcwA6wxeKxh9cZA5HBJ6FkSj", "build:42", "a/b/c",
      "with space", "ünïcödé", "emoji-\uD83D\uDE00", "67b62592f7707533c0ff7a77", "x~y", "-"};
  static final String[] TEXTS = {"", "hello", "two\nlines", "tab\there", "unicode \u2713",
      "emoji \uD83D\uDE80", "quotes \"'\\", "  padded  ", "gcc (Debian 12.2.0-14) 12.2.0"};
  static final String[] URIS = {
      "https://storage.tuxsuite.com/public/demo/demo/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj/build.log",
      "http://example.com:8080/a/b?c=d&e=f#frag", "urn:isbn:0451450523",
      "mailto:someone@example.com", "ftp://[::1]/pub/file", "https://user:pw@host/%20x",
      "file:///tmp/a.log", "x:", "https://[::ffff:1.2.3.4]:443/", "https://a.b/c;d=e/f(g)!*+,",
      "https://example.com/~user/%E2%9C%93?q=/?#/?", "HTTPS://EXAMPLE.COM/"};
  static final String[] HTTPS_URLS = {
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
      "https://gitlab.com/Linaro/lkft/mirrors/stable/linux-stable-rc", "https://x"};
  static final String[] ARCHITECTURES = {"x86_64", "arm64", "", "riscv", "i386", "s390"};
  static final String[] PATHS = {"", "boot", "ltp.sem01", "a-b_C.d9", "kselftest.net.ip_defrag",
      "LTP"};
  static final String[] COMPATIBLES = {"qemu,virt", "arm,juno", "a,,b", ",", "tab\tok", "x"};
  static final String[] MESSAGE_IDS = {"<20200814.abc@mail.gmail.com>", "a@b", "x@example.com",
      "<CAHk-=wg@mail.gmail.com>"};
  static final String[] RESOURCE_NAMES = {"console.log", "dmesg", "a b", "\u00fc.txt",
      "build.log", "..", "Image.gz"};

  private final Random random;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  DocumentGenerator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private boolean maybe() {
    return random.nextBoolean();
  }

  private <T> T maybe(Supplier<T> value) {
    return random.nextBoolean() ? value.get() : null;
  }

  String hex(int digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }

  OffsetDateTime time() {
    OffsetDateTime utc = OffsetDateTime.of(1990 + random.nextInt(40), 1 + random.nextInt(12),
        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
        random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000), ZoneOffset.UTC);
    int offsetMinutes = (random.nextInt(27 * 4) - 12 * 4) * 15;
    return utc.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
  }

  ObjectNode misc() {
    ObjectNode misc = nodes.objectNode();
    int keys = random.nextInt(4);
    for (int i = 0; i < keys; i++) {
      switch (random.nextInt(6)) {
        case 0:
          misc.putNull("nothing" + i);
          break;
        case 1:
          misc.put("nul" + i, "has\0nul");
          break;
        case 2:
          misc.putArray("list" + i).add(1).add("two").addNull();
          break;
        case 3:
          misc.putObject("nested" + i).put("platform", "qemu-arm64").putObject("deeper");
          break;
        case 4:
          misc.put("number" + i, random.nextDouble() * 1000);
          break;
        default:
          misc.put("lab", pick(TEXTS));
      }
    }
    return misc;
  }

  List<Resource> resources() {
    List<Resource> list = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      list.add(Resource.of(pick(RESOURCE_NAMES), pick(URIS)));
    }
    return list;
  }

  private List<String> some(String[] pool) {
    List<String> list = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      list.add(pick(pool));
    }
    return list;
  }

  private String id(String origin) {
    return origin + ":" + pick(LOCAL_IDS) + random.nextInt(1000);
  }

  Checkout checkout() {
    String origin = pick(ORIGINS);
    return Checkout.newBuilder(origin, pick(LOCAL_IDS) + random.nextInt(1000))
        .treeName(maybe(() -> pick(TEXTS)))
        .gitRepositoryUrl(maybe(() -> pick(HTTPS_URLS)))
        .gitCommitHash(maybe(() -> hex(40)))
        .gitCommitName(maybe(() -> "v6." + random.nextInt(20) + "-rc" + random.nextInt(8)))
        .gitCommitTags(maybe(() -> some(TEXTS)))
        .gitCommitMessage(maybe(() -> pick(TEXTS)))
        .gitRepositoryBranch(maybe(() -> pick(TEXTS)))
        .gitRepositoryBranchTip(maybe(this::maybe))
        .patchsetFiles(maybe(this::resources))
        .patchsetHash(maybe(() -> maybe() ? "" : hex(64)))
        .messageId(maybe(() -> pick(MESSAGE_IDS)))
        .comment(maybe(() -> pick(TEXTS)))
        .startTime(maybe(this::time))
        .originBuildsFinishTime(maybe(this::time))
        .originTestsFinishTime(maybe(this::time))
        .logUrl(maybe(() -> pick(URIS)))
        .logExcerpt(maybe(() -> pick(TEXTS)))
        .valid(maybe(this::maybe))
        .misc(maybe(this::misc))
        .timestamp(random.nextInt(8) == 0 ? time() : null)
        .build();
  }

  Build build() {
    String origin = pick(ORIGINS);
    return Build.newBuilder(origin, pick(LOCAL_IDS) + random.nextInt(1000))
        .checkoutId(id(pick(ORIGINS)))
        .comment(maybe(() -> pick(TEXTS)))
        .startTime(maybe(this::time))
        .duration(maybe(() -> maybe() ? (double) random.nextInt(10_000)
            : random.nextDouble() * 1e4))
        .architecture(maybe(() -> pick(ARCHITECTURES)))
        .command(maybe(() -> pick(TEXTS)))
        .compiler(maybe(() -> pick(TEXTS)))
        .inputFiles(maybe(this::resources))
        .outputFiles(maybe(this::resources))
        .configName(maybe(() -> pick(TEXTS)))
        .configUrl(maybe(() -> pick(URIS)))
        .logUrl(maybe(() -> pick(URIS)))
        .logExcerpt(maybe(() -> pick(TEXTS)))
        .status(maybe(() -> pick(KcidbStatus.values())))
        .misc(maybe(this::misc))
        .timestamp(random.nextInt(8) == 0 ? time() : null)
        .build();
  }

  TestRun test() {
    String origin = pick(ORIGINS);
    return TestRun.newBuilder(origin, pick(LOCAL_IDS) + random.nextInt(1000))
        .buildId(id(pick(ORIGINS)))
        .environment(maybe(() -> TestEnvironment.newBuilder()
            .comment(maybe(() -> pick(TEXTS)))
            .compatible(maybe(() -> some(COMPATIBLES)))
            .misc(maybe(this::misc))
            .build()))
        .path(maybe(() -> pick(PATHS)))
        .comment(maybe(() -> pick(TEXTS)))
        .logUrl(maybe(() -> pick(URIS)))
        .logExcerpt(maybe(() -> pick(TEXTS)))
        .status(maybe(() -> pick(KcidbStatus.values())))
        .number(maybe(() -> {
          TestNumber number = TestNumber.of(random.nextGaussian() * 1e6);
          if (maybe()) {
            number = number.withUnit(pick(new String[] {"s", "MiB", "B/s", ""}));
          }
          return maybe() ? number.withPrefix(pick(TestNumber.Prefix.values())) : number;
        }))
        .startTime(maybe(this::time))
        .duration(maybe(() -> random.nextDouble() * 100))
        .inputFiles(maybe(this::resources))
        .outputFiles(maybe(this::resources))
        .misc(maybe(this::misc))
        .timestamp(random.nextInt(8) == 0 ? time() : null)
        .build();
  }

  Issue issue() {
    String origin = pick(ORIGINS);
    return Issue.newBuilder(origin, pick(LOCAL_IDS) + random.nextInt(1000),
            random.nextInt(3) == 0 ? 1_727_250_638L : random.nextInt(5))
        .reportUrl(maybe(() -> pick(URIS)))
        .reportSubject(maybe(() -> pick(TEXTS)))
        .culprit(maybe(() -> new IssueCulprit(maybe(this::maybe), maybe(this::maybe),
            maybe(this::maybe))))
        .comment(maybe(() -> pick(TEXTS)))
        .categories(maybe(() -> some(PATHS)))
        .misc(maybe(this::misc))
        .timestamp(random.nextInt(8) == 0 ? time() : null)
        .build();
  }

  Incident incident() {
    String origin = pick(ORIGINS);
    return Incident.newBuilder(origin, pick(LOCAL_IDS) + random.nextInt(1000))
        .issueId(id(pick(ORIGINS)))
        .issueVersion(random.nextInt(4))
        .buildId(maybe(() -> id(pick(ORIGINS))))
        .testId(maybe(() -> id(pick(ORIGINS))))
        .present(maybe(this::maybe))
        .comment(maybe(() -> pick(TEXTS)))
        .misc(maybe(this::misc))
        .timestamp(random.nextInt(8) == 0 ? time() : null)
        .build();
  }

  /** A document with up to three objects of each kind, each kind present at least once in two. */
  KcidbDocument document() {
    KcidbDocument.Builder b = KcidbDocument.newBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addCheckout(checkout());
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addBuild(build());
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addTest(test());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addIssue(issue());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addIncident(incident());
    }
    return b.build();
  }
}
