package dev.buildbridge.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Runs a call on hostile input under a time bound (preemptively: a hang fails the test instead of
 * blocking the build) and measures the bytes it allocated on the heap, with
 * {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}. Shared by every
 * module's limits tests (test-jar).
 */
public final class Bounded {
  /** The time bound of every call: generous, so that a loaded build machine does not fail it. */
  public static final Duration TIME = Duration.ofSeconds(5);
  public static final long MIB = 1L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Bounded() {}

  /**
   * What a call did.
   *
   * @param result what it returned, or null
   * @param thrown what it threw, or null
   * @param allocated the bytes it allocated
   */
  public record Run<T>(T result, Throwable thrown, long allocated) {}

  /** Runs {@code call} within {@link #TIME} and fails when it allocates more than {@code maxBytes}. */
  public static <T> Run<T> run(long maxBytes, ThrowingSupplier<T> call) {
    assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "allocation is not measurable here");
    THREADS.setThreadAllocatedMemoryEnabled(true);
    Run<T> run = assertTimeoutPreemptively(TIME, () -> {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      T result = null;
      Throwable thrown = null;
      try {
        result = call.get();
      } catch (Throwable t) {
        thrown = t;
      }
      return new Run<>(result, thrown, THREADS.getCurrentThreadAllocatedBytes() - before);
    });
    assertTrue(run.allocated() <= maxBytes, () -> "allocated " + run.allocated() / 1024
        + " KiB, more than the bound of " + maxBytes / 1024 + " KiB");
    return run;
  }

  /**
   * Runs {@code call} within {@link #TIME} and {@code maxBytes}, and returns what it threw, which
   * must be a {@code type}.
   */
  public static <E extends Throwable> E refused(Class<E> type, long maxBytes, ThrowingSupplier<?> call) {
    Run<?> run = run(maxBytes, call);
    if (!type.isInstance(run.thrown())) {
      throw new AssertionError("expected " + type.getSimpleName() + " but "
          + (run.thrown() == null ? "got " + run.result() : "caught " + run.thrown()),
          run.thrown());
    }
    return type.cast(run.thrown());
  }

  /** {@code n} opening brackets, a value, {@code n} closing ones. */
  public static String nested(int n, String open, String inner, String close) {
    return open.repeat(n) + inner + close.repeat(n);
  }
}
