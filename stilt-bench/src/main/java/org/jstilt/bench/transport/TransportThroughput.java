package org.jstilt.bench.transport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.ParticleSink;
import org.jstilt.transport.StepRows;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;

/**
 * Wall-clock throughput of the native engine on the shared HRRR files, the night_a receptor (−111.85, 40.77,
 * 5 m AGL, 2019-05-30 11:00 UTC, 6 h back), R-STILT's default physics and columns. Rows are streamed to a sink
 * that only reads one value per row (the run's whole output passes through it, nothing is kept).
 *
 * <p>Usage: {@code TransportThroughput <metDir> <numpar> <threads> <repeats>}; the first repeat is a JIT warm-up
 * and every repeat is printed (the median of the rest is what docs/BENCHMARKS.md reports) with its wall time and
 * the process CPU time it used (all threads, JIT and GC included) — on a shared machine the CPU time is the
 * fairer number.
 */
public final class TransportThroughput {
  private TransportThroughput() {}

  public static void main(String[] args) {
    Path met = Path.of(args[0]);
    int numpar = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int repeats = Integer.parseInt(args[3]);
    for (int r = 0; r < repeats; r++) {
      TransportRequest req = new TransportRequest(
          new PointReceptor(Instant.parse("2019-05-30T11:00:00Z"), -111.85, 40.77, 5, AltitudeReference.AGL), -6, numpar,
          TransportRequest.DEFAULT_VARSIWANT, TransportParams.defaults(),
          List.of(met.resolve("20190530_00-05_hrrr"), met.resolve("20190530_06-11_hrrr")), 1000 + r, threads);
      double[] checksum = {0};
      long[] rows = {0};
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      new NativeTransportEngine().run(req, new ParticleSink() {
        @Override
        public void step(StepRows s) {
          double[] foot = s.columns()[5];
          for (int i = 0; i < s.rows(); i++) {
            checksum[0] += foot[i];
          }
          rows[0] += s.rows();
        }
      });
      double sec = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("numpar %d threads %d repeat %d: wall %.3f s, cpu %.3f s, %d rows, foot sum %.4f, heap used %d MB%n",
          numpar, threads, r, sec, cpu, rows[0], checksum[0] / numpar, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }
}
