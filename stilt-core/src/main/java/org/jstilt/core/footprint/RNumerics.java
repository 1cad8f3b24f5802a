package org.jstilt.core.footprint;

/**
 * R's arithmetic where footprint parity depends on exact bits: {@code seq(from, to, by)},
 * {@code findInterval}, {@code round(x, 1)}, {@code %%} and the longitude wrap built on it, and median.
 *
 * <p>Each method reproduces the R 4.2 C code's order of operations (and, for {@code %%}, its 80-bit
 * intermediate) so that cell counts, breakpoints, bins and densified times come out identical.
 */
final class RNumerics {
  /** R's fuzz in {@code seq.default}: {@code n <- as.integer(n + 1e-10)}. */
  static final double SEQ_FUZZ = 1e-10;

  private static final double DBL_EPSILON = Math.ulp(1.0);

  private RNumerics() {}

  /**
   * R's {@code seq(from, to, by)} for {@code by > 0}: values {@code fl(from + fl(i·by))} for
   * {@code i = 0..n} with {@code n = trunc((to − from)/by + 1e-10)}, each clamped to at most {@code to}.
   * Returns just {@code from} when the span is below 100 ulps of the larger bound, as R does.
   *
   * @throws IllegalArgumentException when {@code to < from} (R: "wrong sign in 'by' argument") or the
   *     sequence would be longer than an array can be
   */
  static double[] seq(double from, double to, double by) {
    double del = to - from;
    double q = del / by;
    if (q < 0) {
      throw new IllegalArgumentException("wrong sign in 'by': from " + from + " to " + to + " by " + by);
    }
    double dd = Math.abs(del) / Math.max(Math.abs(to), Math.abs(from));
    if (dd < 100 * DBL_EPSILON) {
      return new double[] {from};
    }
    double nd = q + SEQ_FUZZ;
    if (!(nd < Integer.MAX_VALUE - 16)) {
      throw new IllegalArgumentException("'by' too small: " + q + " steps from " + from + " to " + to);
    }
    int n = (int) nd;
    double[] x = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      x[i] = Math.min(from + i * by, to);
    }
    return x;
  }

  /**
   * R's {@code findInterval(x, v)} for a non-decreasing {@code v}: the number of elements of {@code v}
   * that are {@code <= x} (the 1-based index {@code i} with {@code v[i] <= x < v[i+1]}; 0 below
   * {@code v[1]}). {@code guess} is a 0-based index near the answer (e.g. from
   * {@code floor((x − v[0])/res)}); the result does not depend on it, only the speed does.
   */
  static int findInterval(double[] v, double x, int guess) {
    int n = v.length;
    if (n == 0 || x < v[0]) {
      return 0;
    }
    if (x >= v[n - 1]) {
      return n;
    }
    // Invariant sought: v[lo] <= x < v[lo + 1], 0 <= lo < n - 1.
    int lo = Math.max(0, Math.min(n - 2, guess));
    if (v[lo] <= x && x < v[lo + 1]) {
      return lo + 1;
    }
    // Fall back to bisection over the whole array.
    int a = 0;
    int b = n - 1; // v[a] <= x < v[b]
    while (b - a > 1) {
      int m = (a + b) >>> 1;
      if (v[m] <= x) {
        a = m;
      } else {
        b = m;
      }
    }
    return a + 1;
  }

  /**
   * R's {@code round(x, 1)} (R ≥ 4.0.0 algorithm): of the two neighbouring one-decimal candidates, the one
   * closer to {@code x} in double arithmetic; an exact tie goes to the even tenth.
   */
  static double roundOneDecimal(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
      return x;
    }
    double sgn = 1.0;
    if (x < 0) {
      sgn = -1.0;
      x = -x;
    }
    // R: l10x = M_LOG10_2 * (0.5 + logb(x)); no rounding needed when l10x + digits > DBL_DIG (15).
    double l10x = 0.301029995663981195213738894724 * (0.5 + Math.getExponent(x));
    if (l10x + 1 > 15) {
      return sgn * x;
    }
    double pow10 = 10.0;
    double x10 = pow10 * x;
    double i10 = Math.floor(x10);
    double xd = i10 / pow10;
    double xu = Math.ceil(x10) / pow10;
    double du = xu - x;
    double dd = x - xd;
    return sgn * ((du < dd || (du == dd && (i10 % 2.0) == 1)) ? xu : xd);
  }

  /**
   * R's {@code x %% 360} on x86-64: {@code tmp = x − floor(x/360)·360} and {@code tmp − floorl(tmp/360)·360}
   * evaluated in 80-bit extended precision, then rounded to double. Reproduced with exact two-term sums and
   * an explicit rounding to a 64-bit significand, so even the double-rounding cases match.
   */
  static double mod360(double x) {
    if (!Double.isFinite(x)) {
      return Double.NaN;
    }
    double k = Math.floor(x / 360.0);
    // Exact x − k·360 as hi + lo (k·360 is exact for any |k| < 2^44).
    double[] t = roundToExtended(x, -k * 360.0);
    double tHi = t[0];
    double tLo = t[1];
    // floorl(tmp/360) with tmp a 64-bit value: the quotient's sign and magnitude are decided exactly by
    // tmp's range, because tmp/360 never rounds across an integer for |tmp| < 720.
    double m;
    if (tHi < 0 || (tHi == 0 && tLo < 0)) {
      m = -1;
    } else if (tHi > 360 || (tHi == 360 && tLo >= 0)) {
      m = 1;
    } else {
      m = 0;
    }
    if (m == 0) {
      return tHi + tLo;
    }
    // tmp − m·360 in extended precision, then to double.
    double s = tHi - m * 360.0;
    double e = twoSumErr(tHi, -m * 360.0, s);
    double[] u = roundToExtended(s, e + tLo);
    return u[0] + u[1];
  }

  /**
   * R-STILT's {@code wrap_longitude_antimeridian}: {@code m = ((x %% 360) + 540) %% 360 − 180}, plus 360
   * when negative. The {@code + 540} rounds to the 2^-43 grid (so 170.3 becomes 170.29999999999995); the
   * result is in [0, 360).
   */
  static double wrapAntimeridian(double x) {
    double m = mod360(mod360(x) + 540) - 180;
    return m < 0 ? m + 360 : m;
  }

  /**
   * Rounds the exact sum {@code a + b} to a 64-bit significand (x87 extended, ties to even) and returns it
   * as a non-overlapping pair {@code {hi, lo}}.
   */
  private static double[] roundToExtended(double a, double b) {
    double hi = a + b;
    double lo = twoSumErr(a, b, hi);
    if (lo == 0 || hi == 0 || !Double.isFinite(hi)) {
      return new double[] {hi, lo};
    }
    // The exponent of the exact value (one less than hi's when hi rounded up to a power of two).
    int e = Math.getExponent(hi);
    boolean hiIsPow2 = Math.abs(hi) == Math.scalb(1.0, e);
    if (hiIsPow2 && (lo < 0) != (hi < 0)) {
      e--;
    }
    double quantum = Math.scalb(1.0, e - 63);
    // hi is a multiple of its own ulp and hence of the 64-bit quantum: only lo needs rounding.
    double loRounded = Math.rint(lo / quantum) * quantum;
    return new double[] {hi, loRounded};
  }

  private static double twoSumErr(double a, double b, double s) {
    double bp = s - a;
    return (a - (s - bp)) + (b - bp);
  }

  /**
   * R's {@code median} of the first {@code n} values of {@code values} (which it reorders): the middle
   * value, or the mean of the two middle values computed as R's {@code mean} would, i.e. correctly rounded.
   * NaN when {@code n == 0}. Values must not be NaN.
   */
  static double median(double[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    int half = n / 2;
    double upper = select(values, 0, n - 1, half);
    if (n % 2 == 1) {
      return upper;
    }
    // After selection every value left of 'half' is <= values[half]: the lower middle is their maximum.
    double lower = values[0];
    for (int i = 1; i < half; i++) {
      lower = Math.max(lower, values[i]);
    }
    // (a + b)/2 in one rounding: the sum rounds once and halving is exact away from the subnormal range.
    return (lower + upper) / 2;
  }

  /** Hoare quickselect: the k-th smallest of {@code a[lo..hi]}, leaving smaller values to its left. */
  private static double select(double[] a, int lo, int hi, int k) {
    while (hi > lo) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          double v = a[i];
          int j = i - 1;
          while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = v;
        }
        return a[k];
      }
      int mid = (lo + hi) >>> 1;
      // Median of three as the pivot.
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** Two-sum error of {@code s = fl(a + b)}, exposed for the compensated sums. */
  static double sumError(double a, double b, double s) {
    return twoSumErr(a, b, s);
  }
}
