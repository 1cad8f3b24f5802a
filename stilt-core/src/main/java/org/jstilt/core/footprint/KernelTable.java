package org.jstilt.core.footprint;

import java.util.Arrays;
import org.jstilt.core.particle.DistinctValues;

/**
 * Kernel bandwidths per release-relative time (R-STILT {@code calc_footprint} step 7) and the
 * nearest-neighbour lookup into them ({@code find_neighbor}).
 *
 * <p>All rows are grouped by the exact bits of {@code rtime} (every particle, inside the domain or not,
 * with any foot). A group's bandwidth is
 * {@code w = ((((sf·0.06)·varsum^¼)·|rtime/1440|^½)/g)} with {@code varsum = var(x) + var(y)} (sample
 * variance, n − 1) and {@code g = cos((mean(y)·π)/180)} on longlat grids, 1 otherwise. Groups of one row
 * have no variance and are left out (R's {@code na.omit}); their rows use the nearest remaining rtime.
 *
 * <p>Means and variances follow R's C code (two passes; extended-precision accumulation of
 * {@code fl(fl(x − mean)²)}), here with double-double sums, so they round to R's doubles in all but
 * pathological cases.
 */
final class KernelTable {
  static final double BANDWIDTH_COEFFICIENT = 0.06;
  static final double TIME_SCALE_MIN = 1440;

  /** Kernel rows: distinct rtimes with at least two rows, ascending. */
  final double[] rtime;
  /** Bandwidth of each kernel row (projection units, used as σ in grid units). */
  final double[] w;
  /** Mean y (latitude on longlat grids) of each kernel row. */
  final double[] meanY;
  /** For every rtime group: the index of the kernel row {@code find_neighbor} picks, or -1 if none. */
  final int[] nearestRowOfGroup;

  private KernelTable(double[] rtime, double[] w, double[] meanY, int[] nearestRowOfGroup) {
    this.rtime = rtime;
    this.w = w;
    this.meanY = meanY;
    this.nearestRowOfGroup = nearestRowOfGroup;
  }

  /**
   * @param groups rtime groups of the {@code n} rows
   * @param x particle x (longitude or projected x) per row
   * @param y particle y per row
   */
  static KernelTable build(
      DistinctValues groups, double[] x, double[] y, int n, double smoothFactor, boolean longLat) {
    int g = groups.count();
    int[] count = new int[g];
    double[] sxHi = new double[g];
    double[] sxLo = new double[g];
    double[] syHi = new double[g];
    double[] syLo = new double[g];
    for (int r = 0; r < n; r++) {
      int k = groups.id(r);
      count[k]++;
      addTo(sxHi, sxLo, k, x[r]);
      addTo(syHi, syLo, k, y[r]);
    }
    double[] mx = new double[g];
    double[] my = new double[g];
    for (int k = 0; k < g; k++) {
      mx[k] = ddDivide(sxHi[k], sxLo[k], count[k]);
      my[k] = ddDivide(syHi[k], syLo[k], count[k]);
    }
    double[] vxHi = new double[g];
    double[] vxLo = new double[g];
    double[] vyHi = new double[g];
    double[] vyLo = new double[g];
    for (int r = 0; r < n; r++) {
      int k = groups.id(r);
      double dx = x[r] - mx[k];
      double dy = y[r] - my[k];
      addTo(vxHi, vxLo, k, dx * dx);
      addTo(vyHi, vyLo, k, dy * dy);
    }

    // Kernel rows: groups with a variance, in ascending rtime.
    int kept = 0;
    Integer[] order = new Integer[g];
    for (int k = 0; k < g; k++) {
      if (count[k] >= 2) {
        order[kept++] = k;
      }
    }
    Integer[] rows = Arrays.copyOf(order, kept);
    Arrays.sort(rows, (a, b) -> Double.compare(groups.value(a), groups.value(b)));
    double[] rt = new double[kept];
    double[] w = new double[kept];
    double[] lat = new double[kept];
    for (int i = 0; i < kept; i++) {
      int k = rows[i];
      rt[i] = groups.value(k);
      double varX = ddDivide(vxHi[k], vxLo[k], count[k] - 1);
      double varY = ddDivide(vyHi[k], vyLo[k], count[k] - 1);
      double varsum = varX + varY;
      double di = StrictMath.pow(varsum, 0.25);
      double ti = StrictMath.pow(Math.abs(rt[i] / TIME_SCALE_MIN), 0.5);
      double gridConv = longLat ? StrictMath.cos(my[k] * Math.PI / 180) : 1;
      w[i] = smoothFactor * BANDWIDTH_COEFFICIENT * di * ti / gridConv;
      lat[i] = my[k];
    }
    int[] nearest = new int[g];
    for (int k = 0; k < g; k++) {
      nearest[k] = findNeighbor(groups.value(k), rt);
    }
    return new KernelTable(rt, w, lat, nearest);
  }

  /**
   * R-STILT's {@code find_neighbor(x, y)}: {@code s = findInterval(x, y, all.inside = TRUE)}, then
   * {@code s + 1} if {@code 2x > y[s] + y[s+1]}, else {@code s} — the nearest entry, an exact tie going to
   * the lower one. Returns a 0-based index, -1 for an empty table, and 0 for a one-row table (where R fails;
   * the only row is the nearest).
   */
  static int findNeighbor(double x, double[] y) {
    int n = y.length;
    if (n == 0) {
      return -1;
    }
    if (n == 1) {
      return 0;
    }
    int s = RNumerics.findInterval(y, x, 0); // 1-based count of y <= x
    s = Math.max(1, Math.min(n - 1, s)); // all.inside = TRUE
    boolean larger = 2 * x > y[s - 1] + y[s];
    return larger ? s : s - 1;
  }

  int size() {
    return rtime.length;
  }

  /** Largest bandwidth over the table (0 for an empty table). */
  double maxW() {
    double m = 0;
    for (double v : w) {
      if (v > m || Double.isNaN(v)) {
        m = v;
      }
    }
    return m;
  }

  private static void addTo(double[] hi, double[] lo, int k, double v) {
    double s = hi[k] + v;
    double err = RNumerics.sumError(hi[k], v, s);
    double l = lo[k] + err;
    double h = s + l;
    lo[k] = l - (h - s);
    hi[k] = h;
  }

  /** {@code (hi + lo) / n} rounded once (to within an ulp's fraction), as R's long-double division is. */
  private static double ddDivide(double hi, double lo, int n) {
    double q = hi / n;
    double r = Math.fma(-q, n, hi) + lo; // exact remainder of hi, plus lo
    return q + r / n;
  }
}
