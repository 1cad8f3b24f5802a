package org.jstilt.transport.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.met.MetDataset;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.transport.met.GridGeometry;
import org.jstilt.transport.met.InternalLevels;
import org.jstilt.transport.met.MetPeriod;
import org.jstilt.transport.met.MetPeriodBuilder;
import org.jstilt.transport.met.MetSampler;

/** Samples the engine's met at reference particle positions (T1) and returns per-column relative errors. */
final class T1Probe {
  final Map<String, double[]> relErr = new HashMap<>();
  final Map<String, double[]> ours = new HashMap<>();

  T1Probe(ReferenceRun run, Path metDir) {
    this(run, List.of(metDir.resolve("20190530_00-05_hrrr"), metDir.resolve("20190530_06-11_hrrr")));
  }

  T1Probe(ReferenceRun run, List<Path> files) {
    try (MetDataset met = MetDataset.open(files)) {
      InternalLevels levels = InternalLevels.standard(25000);
      GridGeometry geo = new GridGeometry(met.projection(), met.grid().nx(), met.grid().ny());
      MetPeriodBuilder b = new MetPeriodBuilder(met, levels, geo, 3, 150, 0);
      Map<Integer, MetPeriod> cache = new HashMap<>();
      double[] t = run.col("time");
      double[] indx = run.col("indx");
      double[] lon = run.col("long");
      double[] lat = run.col("lati");
      double[] zagl = run.col("zagl");
      int n = run.rows;
      String[] cols = {"mlht", "sigw", "tlgr", "dens", "zsfc", "temz", "pres"};
      for (String c : cols) {
        if (run.col(c) != null) {
          ours.put(c, new double[n]);
        }
      }
      Map<Integer, double[]> prevPos = new HashMap<>();
      double[] tmp = new double[2];
      for (int r = 0; r < n; r++) {
        int id = (int) indx[r];
        GridPoint g = met.projection().toGrid(lat[r], lon[r]);
        double[] prev = prevPos.get(id);
        double[] rel = {0, 0};
        if (prev == null) {
          GridPoint g0 = met.projection().toGrid(run.lat, run.lon);
          prev = new double[] {g0.x(), g0.y(), 0};
        }
        Instant tNow = run.time.plusSeconds((long) (t[r] * 60));
        Instant tPrev = run.time.plusSeconds((long) (prev[2] * 60));
        MetDataset.Bracket bn = met.bracket(tNow);
        MetDataset.Bracket bp = met.bracket(tPrev);
        MetPeriod an = cache.computeIfAbsent(bn.before(), i -> b.build(i, 1.0));
        MetPeriod bnn = cache.computeIfAbsent(bn.after(), i -> b.build(i, 1.0));
        MetPeriod ap = cache.computeIfAbsent(bp.before(), i -> b.build(i, 1.0));
        MetPeriod bpp = cache.computeIfAbsent(bp.after(), i -> b.build(i, 1.0));
        double zi2 = MetSampler.zi(an, bnn, bn.fraction(), g.x(), g.y());
        double zi1 = MetSampler.zi(ap, bpp, bp.fraction(), prev[0], prev[1]);
        put("mlht", r, 0.5 * (zi1 + zi2));
        double zsfc = MetSampler.bilinear2d(an.zsfc, an.nx, an.ny, g.x(), g.y());
        double zsfcB = MetSampler.bilinear2d(bnn.zsfc, an.nx, an.ny, g.x(), g.y());
        zsfc = zsfc + bn.fraction() * (zsfcB - zsfc);
        put("zsfc", r, zsfc);
        double sigma = 1 - zagl[r] / (levels.zTopM() - zsfc);
        double zx = levels.fractionalIndex(sigma);
        if (zx > 1 && zx < levels.count()) {
          // the written dens, temz, pres are linear in σ between the bracketing levels (as the engine writes them)
          int kk = (int) zx;
          zx = kk + (levels.sigma(kk) - sigma) / (levels.sigma(kk) - levels.sigma(kk + 1));
        }
        put("dens", r, MetSampler.atIndex(an, bnn, bn.fraction(), an.dens, bnn.dens, g.x(), g.y(), zx));
        put("temz", r, MetSampler.atIndex(an, bnn, bn.fraction(), an.temp, bnn.temp, g.x(), g.y(), zx));
        put("pres", r, MetSampler.atIndex(an, bnn, bn.fraction(), an.pres, bnn.pres, g.x(), g.y(), zx));
        // layer KB with the thin level above zi
        int col = MetSampler.nearest(an, g.x(), g.y());
        double zsfcN = an.zsfc[col];
        double ziSigma = 1 - zi2 / (levels.zTopM() - zsfc);
        int kzm = 1;
        while (kzm < levels.count() && Math.rint(levels.sigma(kzm) * 1e4) > Math.rint(ziSigma * 1e4)) {
          kzm++;
        }
        kzm = Math.min(kzm, levels.count() - 1);
        double addSigma = levels.sigma(kzm) - 0.05 * (levels.sigma(kzm) - levels.sigma(kzm + 1));
        // added-level index space: 1..kzm original, kzm+1 = thin, kzm+2.. = original-1
        int kb = 1;
        while (kb < levels.count() + 1 && addedSigma(levels, kzm, addSigma, kb + 1) > sigma) {
          kb++;
        }
        int orig = kb <= kzm ? kb : kb == kzm + 1 ? kzm + 1 : kb - 1;
        MetSampler.turbulence(an, bnn, bn.fraction(), col, Math.min(orig, levels.count()), zi2, levels, tmp);
        put("sigw", r, tmp[0]);
        put("tlgr", r, tmp[1]);
        prevPos.put(id, new double[] {g.x(), g.y(), t[r]});
      }
      for (String c : ours.keySet()) {
        double[] ref = run.col(c);
        double[] o = ours.get(c);
        double[] e = new double[n];
        // hycs_std writes sigw as f10.3 whatever the other columns' precision: the part of a difference that
        // the rounding explains (half of 0.001 m/s) is not an error (0.010 m/s is 5 % of itself)
        double quantum = c.equals("sigw") ? 0.0005 : 0.0;
        for (int r = 0; r < n; r++) {
          e[r] = Math.max(0.0, Math.abs(o[r] - ref[r]) - quantum) / Math.max(Math.abs(ref[r]), 1e-9);
        }
        relErr.put(c, e);
      }
    }
  }

  private static double addedSigma(InternalLevels l, int kzm, double add, int k) {
    if (k <= kzm) {
      return l.sigma(k);
    }
    if (k == kzm + 1) {
      return add;
    }
    return l.sigma(k - 1);
  }

  private void put(String c, int r, double v) {
    double[] a = ours.get(c);
    if (a != null) {
      a[r] = v;
    }
  }

  static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  }
}
