package org.jstilt.core.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from a byte range without creating a {@code String} in the common case.
 *
 * <p>Correctly rounded: numbers with at most 15 significant digits and a decimal exponent within ±22 are
 * converted with one IEEE multiplication or division of two exactly representable values (Clinger's fast
 * path), which is exactly rounded; everything else (17-digit values as R writes them, large exponents) goes
 * to {@link Double#parseDouble}. Results are therefore identical to {@code Double.parseDouble} for every
 * input, which the tests check on random values.
 *
 * <p>Also accepted, case-insensitively: {@code NA} and {@code NaN} (R's and Python's missing values) as
 * NaN, {@code Inf}/{@code Infinity} with an optional sign.
 *
 * <p>Shared by the readers of big numeric text files: particle CSV (stilt-io) and {@code PARTICLE_STILT.DAT}
 * (stilt-hysplit).
 */
public final class DecimalParser {
  /** Exact powers of ten as doubles (10^22 is the largest exactly representable one). */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private static final long MAX_EXACT = 1L << 53;

  private DecimalParser() {}

  /**
   * Parses {@code b[from, to)}; the range must already be trimmed.
   *
   * @throws NumberFormatException if the range is not a number
   */
  public static double parse(byte[] b, int from, int to) {
    if (from >= to) {
      throw new NumberFormatException("empty");
    }
    int i = from;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exp10 = 0;
    boolean anyDigit = false;
    for (; i < to && isDigit(b[i]); i++) {
      anyDigit = true;
      if (mantissa != 0 || b[i] != '0') {
        if (significant < 18) {
          mantissa = mantissa * 10 + (b[i] - '0');
        } else {
          exp10++;
        }
        significant++;
      }
    }
    if (i < to && b[i] == '.') {
      i++;
      for (; i < to && isDigit(b[i]); i++) {
        anyDigit = true;
        if (mantissa != 0 || b[i] != '0') {
          if (significant < 18) {
            mantissa = mantissa * 10 + (b[i] - '0');
            exp10--;
          }
          significant++;
        } else {
          exp10--;
        }
      }
    }
    if (!anyDigit) {
      return parseSpecial(b, from, to);
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        expNegative = b[i] == '-';
        i++;
      }
      if (i >= to) {
        throw new NumberFormatException("exponent without digits");
      }
      int e = 0;
      for (; i < to && isDigit(b[i]); i++) {
        if (e < 100_000) {
          e = e * 10 + (b[i] - '0');
        }
      }
      exp10 += expNegative ? -e : e;
    }
    if (i != to) {
      throw new NumberFormatException("unexpected character");
    }
    if (significant <= 15 && mantissa < MAX_EXACT && exp10 >= -22 && exp10 <= 22) {
      double m = mantissa;
      double v = exp10 >= 0 ? m * POW10[exp10] : m / POW10[-exp10];
      return negative ? -v : v;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
  }

  private static double parseSpecial(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    String word = new String(b, i, to - i, StandardCharsets.ISO_8859_1);
    if (word.equalsIgnoreCase("nan") || (word.equalsIgnoreCase("na") && i == from)) {
      return Double.NaN;
    }
    if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    throw new NumberFormatException("not a number");
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
