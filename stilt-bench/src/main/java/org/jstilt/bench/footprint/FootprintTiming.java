package org.jstilt.bench.footprint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.jstilt.core.footprint.FootprintCalculator;
import org.jstilt.core.footprint.FootprintGrid;

/**
 * Warm-up-and-repeat timing of the same cases as {@link FootprintBenchmark}, reporting per case the median
 * and minimum wall-clock time and the median CPU time of the computing thread. On a shared machine the
 * CPU time is the fairer number: it is what the computation costs, whatever else is running.
 *
 * <p>Usage: {@code FootprintTiming [warmup=20] [repeats=30] [case ...]}; system property
 * {@code jstilt.shared.dir} locates the reference data.
 */
public final class FootprintTiming {
  private FootprintTiming() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String[] cases =
        args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[] {"evening", "forward", "night_kernel", "fast"};
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%-14s %10s %10s %10s %8s%n", "case", "wall med", "wall min", "cpu med", "cells");
    for (String c : cases) {
      FootprintBenchmark b = new FootprintBenchmark();
      b.reference = c;
      b.load();
      long cells = 0;
      for (int i = 0; i < warmup; i++) {
        cells = b.footprint().nonZeroCount();
      }
      double[] wall = new double[repeats];
      double[] cpu = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        FootprintGrid g = FootprintCalculator.compute(b.particles, b.options, b.receptorTime);
        wall[i] = (System.nanoTime() - w0) / 1e6;
        cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        cells = g.nonZeroCount();
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          "%-14s %8.1f ms %8.1f ms %8.1f ms %8d%n", c, wall[repeats / 2], wall[0], cpu[repeats / 2], cells);
    }
  }
}
