package org.jstilt.core.footprint;

/**
 * A running sum in double-double precision (error-free two-sum), standing in for R's 80-bit
 * {@code long double} accumulators in {@code sum}, {@code mean} and {@code var}: both round to the same
 * double except in pathological cases, and neither depends on the order of the terms to the last bit the
 * way a plain double sum does.
 */
final class CompensatedSum {
  private double hi;
  private double lo;

  void add(double v) {
    double s = hi + v;
    double err = RNumerics.sumError(hi, v, s);
    double l = lo + err;
    double h = s + l;
    lo = l - (h - s);
    hi = h;
  }

  /** The sum rounded to double. */
  double value() {
    return hi + lo;
  }
}
