package org.jstilt.hysplit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Test oracle: what R's {@code R_strtod} (used by {@code read.table}) returns for a short decimal on
 * x86-64, where it accumulates digits in an 80-bit long double, divides by the power of ten there (rounding
 * to a 64-bit significand) and then rounds again to double.
 */
final class RStrtod {
  private RStrtod() {}

  /** R's parse of the shortest (at most 15-digit) decimal that reads as {@code v}. */
  static double emulate(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    BigDecimal q = new BigDecimal(v).round(new MathContext(15)).stripTrailingZeros();
    BigInteger unscaled = q.unscaledValue().abs();
    int scale = q.scale();
    BigInteger num = scale > 0 ? unscaled : unscaled.multiply(BigInteger.TEN.pow(-scale));
    BigInteger den = scale > 0 ? BigInteger.TEN.pow(scale) : BigInteger.ONE;
    // Round num/den to a 64-bit significand (x87 extended precision, round half to even).
    int shift = 63 - (num.bitLength() - den.bitLength());
    BigInteger n = shift >= 0 ? num.shiftLeft(shift) : num;
    BigInteger d = shift >= 0 ? den : den.shiftLeft(-shift);
    while (n.divide(d).bitLength() > 64) {
      d = d.shiftLeft(1);
      shift--;
    }
    while (n.divide(d).bitLength() < 64) {
      n = n.shiftLeft(1);
      shift++;
    }
    BigInteger significand = new BigDecimal(n).divide(new BigDecimal(d), 0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    // Then to double (BigInteger.doubleValue rounds half to even), and scale back exactly.
    double r = Math.scalb(significand.doubleValue(), -shift);
    return v < 0 ? -r : r;
  }
}
