package dev.buildbridge.benchmarks;

import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlParser;
import java.util.concurrent.TimeUnit;
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
 * KDL 2 parsing from UTF-8 bytes to a {@link KdlDocument} (decoding included; the kdljs peer is
 * given an already decoded string). MB/s is the input size times the operations per second.
 *
 * <p>Inputs: {@code suite} is the KDL 2 suite's valid inputs joined into one document (see
 * {@link BenchInputs#kdlSuite()}); {@code workflow-1mib} a generated 1 MiB Solstice workflow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class KdlParseBenchmark {

  /** Which document. */
  @Param({"suite", "workflow-1mib"})
  public String input;

  private byte[] utf8;

  /** Loads the document. */
  @Setup
  public void setUp() {
    utf8 = input.equals("suite") ? BenchInputs.kdlSuite() : BenchInputs.kdlWorkflow1MiB();
  }

  /**
   * The SDK's KDL 2 parser.
   *
   * @param cpu counts the JVM's CPU time
   * @return the document
   */
  @Benchmark
  public KdlDocument sdkV2(CpuTime cpu) {
    return KdlParser.v2().parse("bench.kdl", utf8);
  }
}
