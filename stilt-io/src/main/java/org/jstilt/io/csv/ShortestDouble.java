package org.jstilt.io.csv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as the shortest decimal that reads back as the same double, choosing the one closest
 * to the exact binary value when several are equally short, in Python's {@code repr} notation
 * ({@code 0.1}, {@code 150.0}, {@code 1.45142e-05}, {@code 1e+16}).
 *
 * <p>Why not {@link Double#toString}: before Java 19 it sometimes emits more digits than needed (Java 17
 * prints {@code 2e23} as {@code 1.9999999999999998E23} and {@code 5.999394213159394e16} with 17 digits),
 * so CSV output would also differ between JVM versions. The algorithm here starts from
 * {@code Double.toString} (always a correct round-trip decimal), removes digits while a neighbouring
 * shorter decimal still reads back as the same double (if a k-digit decimal rounds to the value, so does a
 * (k+1)-digit one, so the first length that fails ends the search), then picks the closest decimal of the
 * final length by exact arithmetic. The result is independent of the JVM version, and the tests check it
 * against Python's {@code repr} (David Gay's shortest round-trip algorithm).
 */
public final class ShortestDouble {
  private ShortestDouble() {}

  /** The shortest round-trip form of {@code v}; {@code NaN}, {@code Infinity}, {@code -Infinity} for the rest. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
    }
    StringBuilder sb = new StringBuilder(24);
    if (v < 0) {
      sb.append('-');
    }
    Decimal d = shortest(Math.abs(v));
    appendRepr(sb, d.digits, d.exp10);
    return sb.toString();
  }

  /** Digits {@code d1 d2 ... dn} (no leading or trailing zeros) and exponent: value = 0.d1d2...dn × 10^exp10. */
  record Decimal(String digits, int exp10) {}

  static Decimal shortest(double v) {
    Decimal d = parse(Double.toString(v));
    if (d.digits.length() <= 15 && v >= Double.MIN_NORMAL) {
      // Decimals of at most 15 significant digits are more than one double-rounding interval apart (for
      // normal numbers; subnormals have fewer bits), so a round-tripping one is the only one of its
      // length or shorter: shortest and closest at once.
      return d;
    }
    // Shorten while a neighbour of the truncation still round-trips.
    String digits = d.digits;
    int exp10 = d.exp10;
    while (digits.length() > 1) {
      int k = digits.length() - 1;
      Decimal down = trimmed(digits.substring(0, k), exp10);
      Decimal up = increment(digits.substring(0, k), exp10);
      if (roundTrips(down, v)) {
        digits = down.digits;
        exp10 = down.exp10;
      } else if (roundTrips(up, v)) {
        digits = up.digits;
        exp10 = up.exp10;
      } else {
        break;
      }
    }
    int length = digits.length();
    // Among decimals of that length, take the one closest to the exact value (when it round-trips; at a
    // power of two the interval is lopsided and the nearest may fall outside it).
    BigDecimal nearest = new BigDecimal(v).round(new MathContext(length, RoundingMode.HALF_EVEN));
    Decimal n = fromBigDecimal(nearest);
    if (n.digits.length() <= length && roundTrips(n, v)) {
      return n;
    }
    return trimmed(digits, exp10);
  }

  private static boolean roundTrips(Decimal d, double v) {
    return Double.parseDouble("0." + d.digits + "E" + d.exp10) == v;
  }

  private static Decimal trimmed(String digits, int exp10) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    int start = 0;
    while (start < end - 1 && digits.charAt(start) == '0') {
      start++;
      exp10--;
    }
    return new Decimal(digits.substring(start, end), exp10);
  }

  /** digits + one unit in the last place, with carry (999 → 1000, i.e. "1" with exponent + 1). */
  private static Decimal increment(String digits, int exp10) {
    char[] c = digits.toCharArray();
    int i = c.length - 1;
    while (i >= 0 && c[i] == '9') {
      c[i] = '0';
      i--;
    }
    if (i < 0) {
      return trimmed("1" + new String(c), exp10 + 1);
    }
    c[i]++;
    return trimmed(new String(c), exp10);
  }

  private static Decimal fromBigDecimal(BigDecimal b) {
    String u = b.unscaledValue().abs().toString();
    // value = u × 10^-scale = 0.u × 10^(len(u) - scale)
    return trimmed(u, u.length() - b.scale());
  }

  /** Parses Java's {@code Double.toString} output ("123.45", "1.0E-5", "1.2345E10"). */
  private static Decimal parse(String s) {
    int e = s.indexOf('E');
    String mant = e < 0 ? s : s.substring(0, e);
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mant.indexOf('.');
    String intPart = mant.substring(0, dot);
    String frac = mant.substring(dot + 1);
    return trimmed(intPart + frac, exp + intPart.length());
  }

  /** Python repr layout: positional for 1e-4 <= x < 1e16, otherwise d.ddde±XX. */
  private static void appendRepr(StringBuilder sb, String digits, int exp10) {
    int sci = exp10 - 1; // value = d1.d2... × 10^sci
    if (sci >= -4 && sci < 16) {
      if (exp10 <= 0) {
        sb.append("0.");
        for (int i = 0; i < -exp10; i++) {
          sb.append('0');
        }
        sb.append(digits);
      } else if (exp10 >= digits.length()) {
        sb.append(digits);
        for (int i = digits.length(); i < exp10; i++) {
          sb.append('0');
        }
        sb.append(".0");
      } else {
        sb.append(digits, 0, exp10).append('.').append(digits, exp10, digits.length());
      }
    } else {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(sci < 0 ? '-' : '+');
      int a = Math.abs(sci);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    }
  }
}
