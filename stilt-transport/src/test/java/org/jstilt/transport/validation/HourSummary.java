package org.jstilt.transport.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;

/** Per-hour run summaries with the definitions of the reference ensemble's per_run_hour.csv. */
final class HourSummary {
  static final List<String> METRICS = List.of("alive", "zagl_mean", "zagl_p10", "zagl_p50", "zagl_p90",
      "frac_below_mlht", "mlht_mean", "sigw_mean", "samt_mean", "foot_sum", "plon", "plat", "plon_sd", "plat_sd");

  /** metric → value per hour (index hour-1). */
  static Map<String, double[]> of(ParticleEnsemble e, int hours, int numpar) {
    double[] t = e.column("time");
    double[] ix = e.column("indx");
    double[] z = e.column("zagl");
    double[] ml = e.column("mlht");
    double[] sw = e.column("sigw");
    double[] sa = e.column("samt");
    double[] ft = e.column("foot");
    double[] lo = e.column("long");
    double[] la = e.column("lati");
    Map<String, double[]> m = new LinkedHashMap<>();
    for (String k : METRICS) {
      m.put(k, new double[hours]);
    }
    for (int h = 1; h <= hours; h++) {
      List<Integer> rows = new ArrayList<>();
      java.util.Set<Integer> ids = new java.util.HashSet<>();
      for (int r = 0; r < t.length; r++) {
        double a = Math.abs(t[r]);
        if (a > (h - 1) * 60 && a <= h * 60) {
          rows.add(r);
          ids.add((int) ix[r]);
        }
      }
      int n = rows.size();
      double[] zz = new double[n];
      double below = 0, mls = 0, sws = 0, sas = 0, fs = 0, los = 0, las = 0, lo2 = 0, la2 = 0;
      for (int i = 0; i < n; i++) {
        int r = rows.get(i);
        zz[i] = z[r];
        below += z[r] < ml[r] ? 1 : 0;
        mls += ml[r];
        sws += sw[r];
        sas += sa[r];
        fs += ft[r];
        los += lo[r];
        las += la[r];
        lo2 += lo[r] * lo[r];
        la2 += la[r] * la[r];
      }
      Arrays.sort(zz);
      int hi = h - 1;
      m.get("alive")[hi] = ids.size();
      m.get("zagl_mean")[hi] = Arrays.stream(zz).average().orElse(Double.NaN);
      m.get("zagl_p10")[hi] = q(zz, 0.1);
      m.get("zagl_p50")[hi] = q(zz, 0.5);
      m.get("zagl_p90")[hi] = q(zz, 0.9);
      m.get("frac_below_mlht")[hi] = below / n;
      m.get("mlht_mean")[hi] = mls / n;
      m.get("sigw_mean")[hi] = sws / n;
      m.get("samt_mean")[hi] = sas / n;
      m.get("foot_sum")[hi] = fs / numpar;
      double ml0 = los / n;
      double la0 = las / n;
      m.get("plon")[hi] = ml0;
      m.get("plat")[hi] = la0;
      m.get("plon_sd")[hi] = Math.sqrt(Math.max(0, (lo2 - n * ml0 * ml0) / (n - 1)));
      m.get("plat_sd")[hi] = Math.sqrt(Math.max(0, (la2 - n * la0 * la0) / (n - 1)));
    }
    return m;
  }

  /** R's default quantile (type 7). */
  static double q(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
