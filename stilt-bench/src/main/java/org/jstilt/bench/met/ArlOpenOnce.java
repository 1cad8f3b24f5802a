package org.jstilt.bench.met;

import java.nio.file.Path;
import org.jstilt.met.arl.ArlFile;

/**
 * One cold open: {@code java ... ArlOpenOnce FILE} prints the time to open (index) a file and the time to
 * decode one record of its last period, in a fresh JVM. Used after evicting the file from the page cache.
 */
public final class ArlOpenOnce {
  private ArlOpenOnce() {}

  public static void main(String[] args) {
    Path p = Path.of(args[0]);
    long t0 = System.nanoTime();
    try (ArlFile f = ArlFile.open(p)) {
      long t1 = System.nanoTime();
      double[] v = f.read(f.periods().size() - 1, Math.min(10, f.grid().nz() - 1),
          f.grid().levels().get(Math.min(10, f.grid().nz() - 1)).variables().get(0));
      long t2 = System.nanoTime();
      System.out.printf("%s: %d bytes, %d periods; open %.1f ms, then one record (%d points) %.1f ms (value %.3f)%n",
          p, f.sizeBytes(), f.periods().size(), (t1 - t0) / 1e6, v.length, (t2 - t1) / 1e6, v[0]);
    }
  }
}
