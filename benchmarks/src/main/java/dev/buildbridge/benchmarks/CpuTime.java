package dev.buildbridge.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Counts the CPU time the whole benchmark JVM used during each iteration (the benchmark thread,
 * the JIT compilers and the garbage collector alike), reported by JMH as {@code cpuNanos} per
 * second of wall time. Throughput divided by that utilization is throughput per CPU-second: the
 * per-core figure, which stays meaningful when other processes share the machine's cores.
 * The Node and Python peers report the same figure from their own process CPU time.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CpuTime {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Process CPU nanoseconds of the last iteration; JMH divides it by the iteration's length. */
  public long cpuNanos;

  private long start;

  /** Starts counting. */
  @Setup(Level.Iteration)
  public void start() {
    cpuNanos = 0;
    start = OS.getProcessCpuTime();
  }

  /** Stops counting. */
  @TearDown(Level.Iteration)
  public void stop() {
    cpuNanos = OS.getProcessCpuTime() - start;
  }
}
