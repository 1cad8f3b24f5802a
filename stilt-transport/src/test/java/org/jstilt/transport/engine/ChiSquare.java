package org.jstilt.transport.engine;

/** Upper tail of the χ² distribution via the regularised incomplete gamma function (Numerical Recipes form). */
final class ChiSquare {
  private ChiSquare() {}

  /** P(X ≥ x) for X ~ χ²(k). */
  static double pValue(double x, int k) {
    return 1.0 - lowerRegularizedGamma(k / 2.0, x / 2.0);
  }

  static double lowerRegularizedGamma(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x < a + 1) {
      double sum = 1.0 / a;
      double term = sum;
      for (int n = 1; n < 1000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }
    // continued fraction for the upper tail
    double b = x + 1 - a;
    double c = 1e300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 1000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < 1e-300 ? 1e-300 : d;
      c = b + an / c;
      c = Math.abs(c) < 1e-300 ? 1e-300 : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return 1.0 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  static double logGamma(double x) {
    double[] cof = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
        0.1208650973866179e-2, -0.5395239384953e-5};
    double y = x;
    double tmp = x + 5.5;
    tmp -= (x + 0.5) * Math.log(tmp);
    double ser = 1.000000000190015;
    for (double cf : cof) {
      ser += cf / ++y;
    }
    return -tmp + Math.log(2.5066282746310005 * ser / x);
  }
}
