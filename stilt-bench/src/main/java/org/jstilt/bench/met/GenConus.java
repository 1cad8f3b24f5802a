package org.jstilt.bench.met;

import java.nio.file.Files;
import java.nio.file.Path;

/** Generates the CONUS archive ahead of a benchmark run (the JMH setup would otherwise do it). */
public final class GenConus {
  private GenConus() {}

  public static void main(String[] args) throws Exception {
    Path p = Path.of(System.getProperty("jstilt.bench.conus", System.getProperty("java.io.tmpdir") + "/jstilt-bench-conus.arl"));
    int periods = Integer.getInteger("jstilt.bench.conusPeriods", 31);
    long t0 = System.nanoTime();
    ConusArchive.ensure(p, periods);
    System.out.printf("%s: %d bytes, %.1f s%n", p, Files.size(p), (System.nanoTime() - t0) / 1e9);
  }
}
