package org.jstilt.transport.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.plume.HnfPlume;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.SharedData;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.junit.jupiter.api.Test;

/**
 * Tier T3 (ensembles) against hycs_std's 20-run envelopes: runs the native engine M times with different
 * seeds (M = {@code -Dt3.runs}, default 6 to keep the module's tests within CI's budget; the README reports a
 * 20-run execution), computes the per-hour summaries of per_run_hour.csv (foot after hnf_plume, as R-STILT's
 * table) and prints every Welch z.
 *
 * <p>What it asserts is the interim milestone of VALIDATION.md on the evening_wbb case's vertical and foot
 * summaries (native mean within 10 % of hycs_std's), which the engine meets; the full z ≤ 4 criterion is not
 * met on every metric yet (horizontal spread, evening_west heights) and is reported, not asserted — see the
 * module README.
 */
class T3EnsembleTest {
  private static final List<String> INTERIM = List.of("zagl_mean", "zagl_p50", "zagl_p90", "frac_below_mlht",
      "sigw_mean", "mlht_mean");

  @Test
  void eveningEnsembles() throws Exception {
    int runs = Integer.getInteger("t3.runs", 6);
    for (String name : List.of("evening_wbb", "evening_west")) {
      ReferenceRun ref = new ReferenceRun(SharedData.reference().resolve("hysplit").resolve(name));
      Envelope env = new Envelope(SharedData.reference().resolve("hysplit").resolve(name).resolve("ensemble/envelope.csv"));
      int hours = -ref.nHours;
      List<Map<String, double[]>> per = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        TransportRequest req = new TransportRequest(
            new PointReceptor(ref.time, ref.lon, ref.lat, ref.altitudes[0], AltitudeReference.AGL), ref.nHours, 1000,
            ref.columns, TransportParams.defaults(), List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr")),
            100 + r, 2);
        ParticleEnsemble e = new NativeTransportEngine().runToEnsemble(req);
        e = HnfPlume.apply(e, ref.altitudes[0]);
        per.add(HourSummary.of(e, hours, 1000));
      }
      int within2 = 0;
      int total = 0;
      for (String m : HourSummary.METRICS) {
        for (int h = 0; h < hours; h++) {
          double[] v = new double[runs];
          for (int r = 0; r < runs; r++) {
            v[r] = per.get(r).get(m)[h];
          }
          double mean = mean(v);
          double sd = sd(v, mean);
          double[] st = env.stats.get(m)[h];
          double se = Math.sqrt(sd * sd / runs + st[1] * st[1] / 20);
          double z = se == 0 ? (mean == st[0] ? 0 : Double.POSITIVE_INFINITY) : Math.abs(mean - st[0]) / se;
          total++;
          within2 += z <= 2 ? 1 : 0;
          double rel = st[0] == 0 ? 0 : (mean - st[0]) / Math.abs(st[0]);
          System.out.printf("T3 %s h%d %-16s native %.6g ± %.3g  hycs_std %.6g ± %.3g  rel %+.4f  z %.2f%n",
              name, h + 1, m, mean, sd, st[0], st[1], rel, z);
          if (name.equals("evening_wbb") && INTERIM.contains(m)) {
            assertThat(Math.abs(rel)).as(name + " hour " + (h + 1) + " " + m + " native mean vs hycs_std mean").isLessThanOrEqualTo(0.10);
          }
        }
      }
      System.out.printf("T3 %s: %d of %d metric-hours with z <= 2 (%d runs)%n", name, within2, total, runs);
      // the run's total footprint (sum of the hourly foot sums after hnf_plume)
      double nat = 0;
      double hys = 0;
      for (int h = 0; h < hours; h++) {
        for (int r = 0; r < runs; r++) {
          nat += per.get(r).get("foot_sum")[h] / runs;
        }
        hys += env.stats.get("foot_sum")[h][0];
      }
      System.out.printf("T3 %s total foot: native %.5f hycs_std %.5f rel %+.4f%n", name, nat, hys, nat / hys - 1);
      if (name.equals("evening_wbb")) {
        assertThat(Math.abs(nat / hys - 1)).as(name + " total footprint").isLessThanOrEqualTo(0.10);
      }
    }
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double sd(double[] v, double m) {
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
