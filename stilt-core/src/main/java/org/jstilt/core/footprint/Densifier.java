package org.jstilt.core.footprint;

import java.util.Arrays;
import java.util.Set;

/**
 * Early-time densification (FOOTPRINT.md steps 2 and 3): when particles move more than a cell per output
 * step in their first 100 minutes, R-STILT splits those steps onto a finer schedule by linear
 * interpolation and rescales foot so each time window keeps its total.
 *
 * <p>Bit-exact details kept: the schedule is R's {@code seq} values (0–10 by 0.1, 10.2–20 by 0.2,
 * 20.5–100 by 0.5, times the run direction); schedule times join original rows by exact equality; only
 * gaps strictly between a column's first and last known value are filled, with R's {@code approx}
 * arithmetic {@code y_i + (y_j − y_i)·((v − x_i)/(x_j − x_i))}; rows still missing a value are dropped;
 * times are rounded with R's {@code round(t, 1)}; each window's foot is divided by
 * {@code (new sum / original sum)}.
 */
final class Densifier {
  /** Early window for the trigger test: |time| strictly below this many minutes. */
  static final double EARLY_MIN = 100;

  private static final double[] SCHEDULE_ABS = schedule();

  /** Outcome of R's {@code should_interpolate} test. */
  enum EarlyTest {
    /** Early steps move more than a cell: densify. */
    DENSIFY,
    /** They do not. */
    KEEP,
    /** No particle has two early rows: R's NA, where R stops. */
    UNDEFINED
  }

  private Densifier() {}

  private static double[] schedule() {
    double[] a = RNumerics.seq(0, 10, 0.1);
    double[] b = RNumerics.seq(10.2, 20, 0.2);
    double[] c = RNumerics.seq(20.5, 100, 0.5);
    double[] s = new double[a.length + b.length + c.length];
    System.arraycopy(a, 0, s, 0, a.length);
    System.arraycopy(b, 0, s, a.length, b.length);
    System.arraycopy(c, 0, s, a.length + b.length, c.length);
    return s;
  }

  /** The absolute schedule (311 values, ascending), for tests. */
  static double[] scheduleAbs() {
    return SCHEDULE_ABS.clone();
  }

  /**
   * R's {@code should_interpolate}: the median over particles of each particle's median |Δx| (and |Δy|)
   * between consecutive rows with |time| &lt; 100, compared with the resolution;
   * {@link EarlyTest#UNDEFINED} when no particle has two such rows (R's NA, where R stops).
   */
  static EarlyTest shouldInterpolate(Rows rows, Rows.ByParticle byParticle, double xres, double yres) {
    int np = byParticle.start.length - 1;
    double[] dxMedians = new double[np];
    double[] dyMedians = new double[np];
    int withMedian = 0;
    double[] dx = new double[16];
    double[] dy = new double[16];
    for (int p = 0; p < np; p++) {
      int count = 0;
      int prev = -1;
      // Rows are in descending time, so |time| < 100 is one contiguous run: find it by bisection.
      int from = firstBelow(rows.time, byParticle.order, byParticle.start[p], byParticle.start[p + 1], EARLY_MIN);
      int to = firstBelow(rows.time, byParticle.order, from, byParticle.start[p + 1], -EARLY_MIN + Math.ulp(EARLY_MIN));
      for (int k = from; k < to; k++) {
        int r = byParticle.order[k];
        if (!(Math.abs(rows.time[r]) < EARLY_MIN)) {
          continue; // only at the run's ends, where bisection bounds are inclusive
        }
        if (prev >= 0) {
          if (count == dx.length) {
            dx = Arrays.copyOf(dx, count * 2);
            dy = Arrays.copyOf(dy, count * 2);
          }
          dx[count] = Math.abs(rows.x[r] - rows.x[prev]);
          dy[count] = Math.abs(rows.y[r] - rows.y[prev]);
          count++;
        }
        prev = r;
      }
      if (count > 0) {
        dxMedians[withMedian] = RNumerics.median(dx, count);
        dyMedians[withMedian] = RNumerics.median(dy, count);
        withMedian++;
      }
    }
    return decide(dxMedians, dyMedians, withMedian, xres, yres);
  }

  /**
   * {@link #shouldInterpolate(Rows, Rows.ByParticle, double, double)} in two sequential passes over the
   * table, for the usual case where each particle's rows with |time| &lt; 100 appear in table order with
   * strictly monotone times (HYSPLIT's output and R-STILT's tables are ordered that way). Returns
   * {@code null} when some particle's early rows are not strictly monotone in table order; the caller then
   * groups rows by particle and uses the general method.
   */
  static EarlyTest shouldInterpolateInTableOrder(Rows rows, int np, double xres, double yres) {
    int[] count = new int[np + 1];
    int[] last = new int[np];
    Arrays.fill(last, -1);
    byte[] direction = new byte[np];
    for (int r = 0; r < rows.n; r++) {
      if (!(Math.abs(rows.time[r]) < EARLY_MIN)) {
        continue;
      }
      int p = rows.pid[r];
      int q = last[p];
      if (q >= 0) {
        double dt = rows.time[r] - rows.time[q];
        byte dir = dt < 0 ? (byte) -1 : dt > 0 ? (byte) 1 : 0;
        if (dir == 0 || (direction[p] != 0 && direction[p] != dir)) {
          return null;
        }
        direction[p] = dir;
        count[p + 1]++;
      }
      last[p] = r;
    }
    for (int p = 0; p < np; p++) {
      count[p + 1] += count[p];
    }
    int total = count[np];
    double[] dx = new double[total];
    double[] dy = new double[total];
    int[] fill = Arrays.copyOf(count, np);
    Arrays.fill(last, -1);
    for (int r = 0; r < rows.n; r++) {
      if (!(Math.abs(rows.time[r]) < EARLY_MIN)) {
        continue;
      }
      int p = rows.pid[r];
      int q = last[p];
      if (q >= 0) {
        dx[fill[p]] = Math.abs(rows.x[r] - rows.x[q]);
        dy[fill[p]] = Math.abs(rows.y[r] - rows.y[q]);
        fill[p]++;
      }
      last[p] = r;
    }
    double[] dxMedians = new double[np];
    double[] dyMedians = new double[np];
    int withMedian = 0;
    double[] scratch = new double[16];
    for (int p = 0; p < np; p++) {
      int n = count[p + 1] - count[p];
      if (n == 0) {
        continue;
      }
      if (scratch.length < n) {
        scratch = new double[Math.max(n, scratch.length * 2)];
      }
      System.arraycopy(dx, count[p], scratch, 0, n);
      dxMedians[withMedian] = RNumerics.median(scratch, n);
      System.arraycopy(dy, count[p], scratch, 0, n);
      dyMedians[withMedian] = RNumerics.median(scratch, n);
      withMedian++;
    }
    return decide(dxMedians, dyMedians, withMedian, xres, yres);
  }

  /** R's {@code (median(dx) > xres) || (median(dy) > yres)} over the particles that have medians. */
  private static EarlyTest decide(double[] dxMedians, double[] dyMedians, int withMedian, double xres, double yres) {
    if (withMedian == 0) {
      return EarlyTest.UNDEFINED;
    }
    double medianDx = RNumerics.median(dxMedians, withMedian);
    double medianDy = RNumerics.median(dyMedians, withMedian);
    return medianDx > xres || medianDy > yres ? EarlyTest.DENSIFY : EarlyTest.KEEP;
  }

  /**
   * In {@code order[from, to)}, sorted by descending {@code time}, the first position whose time is
   * strictly below {@code bound} ({@code to} if none).
   */
  private static int firstBelow(double[] time, int[] order, int from, int to, double bound) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time[order[mid]] < bound) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Densifies the early steps of every particle and returns the new table (rows grouped by particle,
   * each in descending time).
   *
   * @param timeSign the run direction, -1 (backward) or +1 (forward)
   * @param divergences receives {@link RDivergence#DENSIFY_SINGLE_VALUE} when R would stop
   */
  static Rows densify(
      Rows rows,
      Rows.ByParticle byParticle,
      int timeSign,
      Densification mode,
      Set<RDivergence> divergences) {
    int np = byParticle.start.length - 1;
    int s = SCHEDULE_ABS.length;
    // Schedule in descending time: for a backward run 0, -0.1, ..., -100; forward 100, ..., 0.1, 0.
    double[] sched = new double[s];
    for (int k = 0; k < s; k++) {
      sched[k] = timeSign < 0 ? SCHEDULE_ABS[k] * timeSign : SCHEDULE_ABS[s - 1 - k] * timeSign;
    }

    // Window sums of the original foot, in table order, by original |time| (R: sum(..., na.rm = TRUE)).
    CompensatedSum[] before = {new CompensatedSum(), new CompensatedSum(), new CompensatedSum()};
    for (int r = 0; r < rows.n; r++) {
      int w = window(Math.abs(rows.time[r]));
      if (w >= 0 && !Double.isNaN(rows.foot[r])) {
        before[w].add(rows.foot[r]);
      }
    }

    int capacity = rows.n + (int) Math.min((long) np * s, Integer.MAX_VALUE - rows.n - 8);
    double[] oTime = new double[capacity];
    int[] oPid = new int[capacity];
    double[] oX = new double[capacity];
    double[] oY = new double[capacity];
    double[] oFoot = new double[capacity];
    int out = 0;

    int maxLen = 0;
    for (int p = 0; p < np; p++) {
      maxLen = Math.max(maxLen, byParticle.start[p + 1] - byParticle.start[p]);
    }
    Merged m = new Merged(maxLen + s);
    for (int p = 0; p < np; p++) {
      m.merge(rows, byParticle, p, sched);
      boolean single = false;
      single |= m.fill(m.x);
      single |= m.fill(m.y);
      single |= m.fill(m.foot);
      if (single) {
        divergences.add(RDivergence.DENSIFY_SINGLE_VALUE);
      }
      for (int q = 0; q < m.len; q++) {
        if (Double.isNaN(m.x[q]) || Double.isNaN(m.y[q]) || Double.isNaN(m.foot[q])) {
          continue; // na.omit
        }
        if (m.inserted[q] && mode == Densification.DROP_DENSIFIED_ROWS) {
          continue; // the inserted row has NA in the table's other columns
        }
        oTime[out] = RNumerics.roundOneDecimal(m.time[q]);
        oPid[out] = p;
        oX[out] = m.x[q];
        oY[out] = m.y[q];
        oFoot[out] = m.foot[q];
        out++;
      }
    }

    // Rescale each window by division by (new sum / original sum), windows from the rounded times.
    CompensatedSum[] after = {new CompensatedSum(), new CompensatedSum(), new CompensatedSum()};
    int[] win = new int[out];
    for (int r = 0; r < out; r++) {
      win[r] = window(Math.abs(oTime[r]));
      if (win[r] >= 0) {
        after[win[r]].add(oFoot[r]);
      }
    }
    double[] ratio = new double[3];
    for (int w = 0; w < 3; w++) {
      ratio[w] = after[w].value() / before[w].value();
    }
    for (int r = 0; r < out; r++) {
      if (win[r] >= 0) {
        oFoot[r] = oFoot[r] / ratio[win[r]];
      }
    }
    return new Rows(
        out,
        Arrays.copyOf(oTime, out),
        Arrays.copyOf(oPid, out),
        Arrays.copyOf(oX, out),
        Arrays.copyOf(oY, out),
        Arrays.copyOf(oFoot, out));
  }

  /** Rescale window of an absolute time: 0 for (.., 10], 1 for (10, 20], 2 for (20, 100], else -1. */
  static int window(double absTime) {
    if (absTime <= 10) {
      return 0;
    }
    if (absTime <= 20) {
      return 1;
    }
    if (absTime <= 100) {
      return 2;
    }
    return -1;
  }

  /** One particle's rows joined with the schedule, in descending time. Buffers reused across particles. */
  private static final class Merged {
    int len;
    final double[] time;
    final double[] x;
    final double[] y;
    final double[] foot;
    final boolean[] inserted;
    // approx() scratch: known points in ascending time, ties collapsed.
    final double[] kx;
    final double[] ky;

    Merged(int capacity) {
      time = new double[capacity];
      x = new double[capacity];
      y = new double[capacity];
      foot = new double[capacity];
      inserted = new boolean[capacity];
      kx = new double[capacity];
      ky = new double[capacity];
    }

    /**
     * R's {@code full_join(schedule × indx, by = c('indx', 'time'))} then {@code arrange(indx, -time)}:
     * original rows keep their values; a schedule time that equals no original time of the particle adds
     * a row with missing values.
     */
    void merge(Rows rows, Rows.ByParticle byParticle, int p, double[] sched) {
      int i = byParticle.start[p];
      int end = byParticle.start[p + 1];
      int k = 0;
      boolean matched = false;
      len = 0;
      while (i < end || k < sched.length) {
        double ts = k < sched.length ? sched[k] : Double.NaN;
        if (i < end) {
          int r = byParticle.order[i];
          double to = rows.time[r];
          if (k >= sched.length || to > ts || to == ts) {
            if (k < sched.length && to == ts) {
              matched = true;
            }
            time[len] = to;
            x[len] = rows.x[r];
            y[len] = rows.y[r];
            foot[len] = rows.foot[r];
            inserted[len] = false;
            len++;
            i++;
            continue;
          }
        }
        // The schedule time is later than every remaining original row (or those are exhausted).
        if (!matched) {
          time[len] = ts;
          x[len] = Double.NaN;
          y[len] = Double.NaN;
          foot[len] = Double.NaN;
          inserted[len] = true;
          len++;
        }
        k++;
        matched = false;
      }
    }

    /**
     * R-STILT's {@code na_interp} on one column: fills missing values strictly between the first and last
     * known value by R's {@code approx}. Returns true when the column has exactly one distinct known time,
     * where R's {@code approx} stops; nothing is filled then.
     */
    boolean fill(double[] v) {
      int first = -1;
      int last = -1;
      for (int q = 0; q < len; q++) {
        if (!Double.isNaN(v[q])) {
          if (first < 0) {
            first = q;
          }
          last = q;
        }
      }
      if (first < 0) {
        return false; // no known value: R returns the column unchanged
      }
      // Known points in ascending time (positions run in descending time); a run of equal times is
      // averaged, as approx's ties = mean does.
      int nk = 0;
      int q = last;
      while (q >= first) {
        if (Double.isNaN(v[q])) {
          q--;
          continue;
        }
        double t = time[q];
        double value = v[q];
        CompensatedSum tie = null;
        int count = 1;
        int r = q - 1;
        for (; r >= first && time[r] == t; r--) {
          if (!Double.isNaN(v[r])) {
            if (tie == null) {
              tie = new CompensatedSum();
              tie.add(value);
            }
            tie.add(v[r]);
            count++;
          }
        }
        kx[nk] = t;
        ky[nk] = tie == null ? value : tie.value() / count;
        nk++;
        q = r;
      }
      if (nk < 2) {
        return true;
      }
      for (int z = first + 1; z < last; z++) {
        if (Double.isNaN(v[z])) {
          v[z] = approx(time[z], nk);
        }
      }
      return false;
    }

    /** R's {@code approx1} (linear), for {@code kx[0] <= t <= kx[nk-1]}. */
    private double approx(double t, int nk) {
      int i = 0;
      int j = nk - 1;
      if (t < kx[i] || t > kx[j]) {
        return Double.NaN;
      }
      while (i < j - 1) {
        int ij = (i + j) >>> 1;
        if (t < kx[ij]) {
          j = ij;
        } else {
          i = ij;
        }
      }
      if (t == kx[j]) {
        return ky[j];
      }
      if (t == kx[i]) {
        return ky[i];
      }
      return ky[i] + (ky[j] - ky[i]) * ((t - kx[i]) / (kx[j] - kx[i]));
    }
  }
}
