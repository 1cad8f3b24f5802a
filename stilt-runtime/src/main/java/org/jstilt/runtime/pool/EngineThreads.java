package org.jstilt.runtime.pool;

/**
 * How many threads the native engine gets per simulation when {@code workers} simulations run at once.
 *
 * <p>Decision: with {@code transport.threads} unset, the cores are shared out, {@code max(1, cores / workers)}
 * each, so that workers x threads never exceeds the cores (oversubscribing only adds context switches and
 * cache misses to CPU-bound particle stepping). An explicit {@code transport.threads} is honoured as given;
 * {@link #oversubscribed} lets the CLI warn when it over-commits. On a 2-core machine: 1 worker x 2 threads or
 * 2 workers x 1 thread (docs/BENCHMARKS.md compares them).
 */
public final class EngineThreads {
  private EngineThreads() {}

  /** Threads per simulation: {@code configured} if given (> 0), else the cores divided by the workers. */
  public static int perSimulation(int configured, int workers, int cores) {
    if (workers < 1 || cores < 1) {
      throw new IllegalArgumentException("workers and cores must be >= 1, got " + workers + " and " + cores);
    }
    return configured > 0 ? configured : Math.max(1, cores / workers);
  }

  /** {@code true} when workers x threads exceeds the cores. */
  public static boolean oversubscribed(int threads, int workers, int cores) {
    return (long) threads * workers > cores;
  }
}
