package dev.buildbridge.benchmarks;

import dev.buildbridge.signing.WebhookHmac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HMAC-SHA256 of the generated 1 MiB push alone: the SDK's {@link WebhookHmac#verify} (header
 * parsing, MAC, constant-time compare) against a bare {@code javax.crypto.Mac} that is keyed once
 * and only runs {@code doFinal(body)}, the floor any Java implementation can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class HmacBenchmark {
  private byte[] body;
  private String header;
  private WebhookHmac hmac;
  private Mac bare;

  /**
   * Makes the body, its header and both MACs.
   *
   * @throws GeneralSecurityException never on a Java SE runtime
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    body = BenchInputs.push1MiB();
    hmac = WebhookHmac.github(BenchInputs.GITHUB_SECRET);
    header = hmac.sign(body);
    bare = Mac.getInstance("HmacSHA256");
    bare.init(new SecretKeySpec(BenchInputs.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
  }

  /**
   * The SDK's verification.
   *
   * @param cpu counts the JVM's CPU time
   * @return the body length, so the call is not dead code
   */
  @Benchmark
  public int sdkVerify(CpuTime cpu) {
    hmac.verify(header, body);
    return body.length;
  }

  /**
   * The bare JCA loop.
   *
   * @param cpu counts the JVM's CPU time
   * @return the MAC
   */
  @Benchmark
  public byte[] bareMac(CpuTime cpu) {
    return bare.doFinal(body);
  }
}
