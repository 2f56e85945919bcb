package dev.buildbridge.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.WebhookHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A GitHub push delivery from raw headers and bytes to the jobs to enqueue: verify
 * {@code X-Hub-Signature-256}, parse, decide, map to a {@code jobrequest.v1}.
 *
 * <ul>
 *   <li>{@code buildbridge}: {@link WebhookHandler#handle(Delivery)}, the SDK's one call.
 *   <li>{@code hub4j}: what a user of {@code org.kohsuke:github-api} writes: a {@code javax.crypto}
 *       HMAC check as GitHub's docs show it (a {@code Mac} per request, hex compare in constant
 *       time), {@code GitHub.offline().parseEventPayload(reader, Push.class)}, then the same
 *       decision (a deleted ref yields no job) and the same {@link JobRequest} builder.
 *   <li>{@code jacksonFloor}: not a receiver but the floor of any receiver that checks the whole
 *       body with the SDK's hardened Jackson settings: {@link WebhookHmac#verify} plus one pass
 *       of the hardened parser over the body ({@code skipChildren}: syntax, UTF-8, duplicate keys,
 *       limits), building nothing and mapping nothing.
 * </ul>
 *
 * <p>Payloads: {@code octokit} is the octokit {@code push/payload.json} sample as stored (a tag
 * deletion: both sides verify, parse and decide "no job"); {@code octokit-new-branch} is the
 * sample that creates a branch (one job); {@code 1mib} is a generated 1 MiB push (one job). No
 * {@code X-GitHub-Delivery} header is sent, so the SDK's duplicate check does not run (the peers
 * have none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class GitHubPushBenchmark {

  /** Which body. */
  @Param({"octokit", "octokit-new-branch", "1mib"})
  public String payload;

  private byte[] body;
  private Map<String, List<String>> headers;
  private String signatureHeader;
  private WebhookHandler handler;
  private GitHub offline;
  private SecretKeySpec hub4jKey;
  private WebhookHmac hmac;
  private JsonFactory hardened;

  /**
   * Builds the body, headers and both receivers, and checks they agree on the outcome.
   *
   * @throws IOException never for the stored samples
   */
  @Setup
  public void setUp() throws IOException {
    switch (payload) {
      case "octokit":
        body = BenchInputs.octokitPush();
        break;
      case "octokit-new-branch":
        body = BenchInputs.octokitNewBranchPush();
        break;
      case "1mib":
        body = BenchInputs.push1MiB();
        break;
      default:
        throw new IllegalArgumentException("unknown payload " + payload);
    }
    hmac = WebhookHmac.github(BenchInputs.GITHUB_SECRET);
    hardened = HardenedJson.newFactory(JsonLimits.defaults());
    signatureHeader = hmac.sign(body);
    headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("User-Agent", List.of("GitHub-Hookshot/044aadd"));
    headers.put("X-GitHub-Event", List.of("push"));
    headers.put("X-GitHub-Hook-ID", List.of("292430182"));
    headers.put("X-Hub-Signature-256", List.of(signatureHeader));
    handler = WebhookHandler.newBuilder().githubSecret(BenchInputs.GITHUB_SECRET).build();
    offline = GitHub.offline();
    hub4jKey = new SecretKeySpec(BenchInputs.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8),
        "HmacSHA256");

    Decision decision = buildbridge(null);
    Optional<JobRequest> peer = hub4j(null);
    boolean expectJob = !payload.equals("octokit");
    if (decision.outcome() != (expectJob ? Outcome.ACCEPTED : Outcome.IGNORED)
        || decision.jobs().size() != (expectJob ? 1 : 0) || peer.isPresent() != expectJob) {
      throw new IllegalStateException("unexpected outcome for " + payload + ": " + decision
          + " / hub4j " + peer);
    }
    if (expectJob && !decision.jobs().get(0).commitSha().equals(peer.get().commitSha())) {
      throw new IllegalStateException("the SDK and hub4j disagree on the commit");
    }
  }

  /**
   * The SDK: one call from headers and bytes to a decision with its jobs.
   *
   * @param cpu counts the JVM's CPU time
   * @return the decision
   */
  @Benchmark
  public Decision buildbridge(CpuTime cpu) {
    return handler.handle(Delivery.of(headers, body));
  }

  /**
   * hub4j github-api with a {@code javax.crypto} HMAC check.
   *
   * @param cpu counts the JVM's CPU time
   * @return the job, or empty for a deleted ref
   * @throws IOException when hub4j cannot parse the body (never here)
   */
  @Benchmark
  public Optional<JobRequest> hub4j(CpuTime cpu) throws IOException {
    String header = headers.get("X-Hub-Signature-256").get(0);
    if (!hmacMatches(header, body)) {
      throw new IllegalStateException("signature mismatch");
    }
    GHEventPayload.Push push = offline.parseEventPayload(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
        GHEventPayload.Push.class);
    if (push.isDeleted() || push.getHead() == null || push.getHead().isEmpty()) {
      return Optional.empty();
    }
    GHRepository repository = push.getRepository();
    return Optional.of(JobRequest.newBuilder()
        .groupId(UUID.randomUUID())
        .source(JobSource.GITHUB)
        .repoUrl(repository.getHttpTransportUrl())
        .repoOwner(repository.getOwnerName())
        .repoName(repository.getName())
        .commitSha(push.getHead())
        .submittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build());
  }

  private boolean hmacMatches(String header, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hub4jKey);
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(data));
      return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          header.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The floor: verify, then check the whole body with the hardened parser without building it.
   *
   * @param cpu counts the JVM's CPU time
   * @return the number of the last token, so the pass is not dead code
   * @throws IOException never for these bodies
   */
  @Benchmark
  public int jacksonFloor(CpuTime cpu) throws IOException {
    hmac.verify(headers.get("X-Hub-Signature-256").get(0), body);
    try (JsonParser parser = hardened.createParser(body)) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new IllegalStateException("trailing content");
      }
      return parser.currentTokenId();
    }
  }
}
