package org.jstilt.transport.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tier T1: the engine's met sampling at the particle positions of hycs_std reference runs reproduces the
 * deterministic columns (VALIDATION.md).
 */
class T1DeterministicColumnsTest {
  private static final java.util.Set<String> STRICT = java.util.Set.of("mlht", "dens", "pres", "temz", "zsfc", "sigw", "tlgr");
  /**
   * VALIDATION.md's pass mark is median ≤ 1 % and p95 ≤ 5 %; measured (since the hypsometric heights use Tv and
   * STBANL's surface layer is read at KSFC) every column's p95 is ≤ 0.3 %, so 0.5 % is asserted: a physics
   * regression that still met the loose mark would fail here.
   */
  private static final double P95_GUARD = 0.005;

  @ParameterizedTest
  @ValueSource(strings = {"evening_wbb", "evening_west", "evening_column", "night_a", "night_b", "forward_3h", "meantraj_500"})
  void columnsMatchHycsStd(String name) throws Exception {
    Path dir = SharedData.reference().resolve("hysplit").resolve(name);
    ReferenceRun run = new ReferenceRun(dir);
    T1Probe p = new T1Probe(run, SharedData.hrrrMet());
    if (System.getProperty("t1.dump") != null) try (java.io.PrintWriter w = new java.io.PrintWriter(System.getProperty("t1.dump") + name + ".txt")) {
      for (int r = 0; r < run.rows; r++) {
        w.printf("%.0f %.0f %.3f %.2f %.2f %.4f %.4f %.4f %.4f %.5f %.5f%n", run.col("time")[r], run.col("indx")[r], run.col("zagl")[r],
            run.col("mlht")[r], p.ours.get("mlht")[r], run.col("sigw")[r], p.ours.get("sigw")[r], run.col("tlgr")[r], p.ours.get("tlgr")[r],
            run.col("dens")[r], p.ours.get("dens")[r]);
      }
    }
    for (String c : p.relErr.keySet()) {
      double[] e = p.relErr.get(c);
      double med = T1Probe.quantile(e, 0.5);
      double p95 = T1Probe.quantile(e, 0.95);
      long over5 = java.util.Arrays.stream(e).filter(x -> x > 0.05).count();
      System.out.printf("T1 %s %s median %.5f p95 %.5f max %.4f rows>5%% %d of %d%n", name, c, med, p95, T1Probe.quantile(e, 1.0), over5, e.length);
      if (name.startsWith("meantraj") && (c.equals("sigw") || c.equals("tlgr"))) {
        continue; // NTURB=1: hycs_std writes 0 for both
      }
      if (STRICT.contains(c)) {
        assertThat(med).as(name + " " + c + " median relative error").isLessThanOrEqualTo(0.01);
        assertThat(p95).as(name + " " + c + " p95 relative error").isLessThanOrEqualTo(P95_GUARD);
      }
    }
  }
}
