package org.jstilt.core.testing;

import java.math.BigInteger;

/**
 * Test oracle: the double R's {@code read.csv} (via {@code R_strtod}) produces for a decimal string on
 * x86-64. R accumulates the digits as an integer in an 80-bit long double, scales by the power of ten there
 * (rounding to a 64-bit significand) and then rounds to double, so about one short decimal in two thousand
 * comes out one ulp away from the correctly rounded value {@link Double#parseDouble} gives. Parity tests
 * that bin particles sitting exactly on cell edges need R's bits.
 *
 * <p>Handles what R writes: optional sign, digits, optional fraction, optional exponent, and {@code NA} /
 * {@code NaN} / {@code Inf}. Decimals with more than 19 significant digits (beyond R's exact accumulation)
 * are rejected.
 */
public final class RDecimal {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private RDecimal() {}

  /** R's value of {@code s}. */
  public static double parse(String s) {
    String t = s.trim();
    if (t.equals("NA") || t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.equalsIgnoreCase("-inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    long small = 0;
    int significant = 0;
    int expn = 0;
    boolean any = false;
    boolean fraction = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        any = true;
        if (small != 0 || c != '0') {
          significant++;
        }
        if (significant <= 18) {
          small = small * 10 + (c - '0');
        }
        if (fraction) {
          expn--;
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else {
        break;
      }
    }
    if (!any) {
      throw new NumberFormatException("not a number: '" + s + "'");
    }
    if (significant > 18) {
      throw new NumberFormatException("more significant digits than R accumulates exactly: '" + s + "'");
    }
    if (i < t.length()) {
      char c = t.charAt(i);
      if (c != 'e' && c != 'E') {
        throw new NumberFormatException("not a number: '" + s + "'");
      }
      expn += Integer.parseInt(t.substring(i + 1));
    }
    double v = value(small, expn, t);
    return negative ? -v : v;
  }

  private static double value(long n, int expn, String text) {
    if (n == 0) {
      return 0.0;
    }
    if (expn >= 0) {
      // Positive powers: exact integer times 10^e in long double, then to double.
      BigInteger num = BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(expn));
      return roundTwice(num, BigInteger.ONE);
    }
    int k = -expn;
    if (n < (1L << 53) && k < POW10.length) {
      // Fast exact check: the quotient is correctly rounded; R differs from it only when the exact value
      // lies within half a 64-bit quantum of a rounding midpoint.
      double p = POW10[k];
      double q = n / p;
      double r = Math.fma(-q, p, (double) n); // exact remainder
      double delta = r / p;
      double ulp = Math.ulp(q);
      boolean powerOfTwo = q == Math.scalb(1.0, Math.getExponent(q));
      if (!powerOfTwo && Math.abs(delta) < ulp / 2 - ulp * 0x1p-10) {
        return q;
      }
    }
    return roundTwice(BigInteger.valueOf(n), BigInteger.TEN.pow(k));
  }

  /** {@code num/den} rounded to a 64-bit significand (ties to even), then to double (ties to even). */
  private static double roundTwice(BigInteger num, BigInteger den) {
    int shift = 64 - (num.bitLength() - den.bitLength());
    BigInteger m;
    BigInteger[] qr;
    while (true) {
      BigInteger a = shift >= 0 ? num.shiftLeft(shift) : num;
      BigInteger b = shift >= 0 ? den : den.shiftLeft(-shift);
      qr = a.divideAndRemainder(b);
      int bits = qr[0].bitLength();
      if (bits > 64) {
        shift--;
      } else if (bits < 64) {
        shift++;
      } else {
        int cmp = qr[1].shiftLeft(1).compareTo(b);
        m = qr[0];
        if (cmp > 0 || (cmp == 0 && m.testBit(0))) {
          m = m.add(BigInteger.ONE);
        }
        break;
      }
    }
    // m (64 or 65 bits after a carry) · 2^-shift; BigInteger.doubleValue rounds half to even.
    return Math.scalb(m.doubleValue(), -shift);
  }
}
