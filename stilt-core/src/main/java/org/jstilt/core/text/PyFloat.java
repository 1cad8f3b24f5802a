package org.jstilt.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3 float formatting and rounding, reproduced exactly: {@code repr(x)} (= {@code str(x)}),
 * {@code round(x, n)}, and PYSTILT's coordinate formatting ({@code _format_coord}).
 *
 * <p><b>Shortest round-trip digits.</b> CPython's {@code repr} (David Gay's {@code dtoa} mode 0) emits
 * the fewest significant digits that read back as the same double; among the decimals of that length
 * that do, it takes the one closest to the exact binary value (ties to an even last digit). This class
 * finds them directly from the exact value: a length p "hits" when the exact value rounded to p significant
 * digits (half-even) reads back, or else the other p-digit neighbour of the value does (the interval of
 * decimals that read back is lopsided at powers of two, so the nearest can miss while the other one
 * hits). Hits are monotone in p, so a binary search between 1 and the length of Java's
 * {@link Double#toString} (correct but not always shortest) finds the shortest. {@link Double#parseDouble}
 * is the correctly rounded reader on both sides, so "reads back" means exactly what it means in CPython.
 *
 * <p><b>Layout.</b> With the digits d1...dn and the decimal exponent e (value = 0.d1...dn × 10^e),
 * CPython writes positional notation when -4 &lt; e &lt;= 16, i.e. 1e-4 &lt;= |x| &lt; 1e16, adding
 * {@code .0} to whole numbers ({@code 5.0}, {@code 123456789012345.0}); otherwise {@code d.ddd} plus an
 * exponent of at least two digits ({@code 1e-05}, {@code 1.5e-07}, {@code 1e+16}).
 */
public final class PyFloat {
  private PyFloat() {}

  /** Python's {@code repr(x)} (identical to {@code str(x)} in Python 3): {@code nan}, {@code inf}, {@code -inf} for non-finite values. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return isNegativeZero(x) ? "-0.0" : "0.0";
    }
    Digits d = shortestDigits(Math.abs(x));
    StringBuilder sb = new StringBuilder(25);
    if (x < 0) {
      sb.append('-');
    }
    layout(sb, d.digits(), d.decimalExponent());
    return sb.toString();
  }

  /**
   * PYSTILT's {@code _format_coord}: {@code str(int(x))} when x is a whole number (so {@code -112},
   * {@code 5}, {@code 0} for {@code -0.0}, and every digit of {@code 1e16}), else {@code repr(x)}.
   *
   * @throws IllegalArgumentException for NaN or infinity, which Python's {@code int()} also rejects
   */
  public static String formatCoordinate(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot format a non-finite coordinate: " + x);
    }
    if (x == Math.rint(x)) {
      return integerText(x);
    }
    return repr(x);
  }

  /**
   * Python's {@code str(int(x))}: the integer part of x, truncated toward zero, in full ({@code int()} of
   * a float is exact, so {@code 1e20} gives 21 digits, never an exponent).
   */
  public static String integerText(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot convert a non-finite value to an integer: " + x);
    }
    if (Math.abs(x) < 0x1p62) {
      return Long.toString((long) x); // the cast truncates toward zero, as int() does
    }
    return new BigDecimal(x).toBigInteger().toString();
  }

  /**
   * Python's {@code round(x, ndigits)} for a float: the exact binary value rounded half-even at
   * {@code ndigits} decimal places, then read back as the nearest double. A negative value that rounds to
   * zero keeps its sign ({@code round(-0.000001, 5)} is {@code -0.0}); NaN and infinities pass through.
   */
  public static double round(double x, int ndigits) {
    if (!Double.isFinite(x) || x == 0) {
      return x;
    }
    BigDecimal rounded = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN);
    double r = Double.parseDouble(rounded.toString());
    return r == 0 ? Math.copySign(0.0, x) : r;
  }

  private static final java.util.regex.Pattern FLOAT_SYNTAX = java.util.regex.Pattern.compile(
      "[+-]?(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?"
          + "|(?i:inf|infinity|nan))");

  /**
   * Python's {@code float(text)}: optional surrounding whitespace, a sign, decimal digits (underscores
   * allowed between digits), optional fraction and exponent, or {@code inf}/{@code infinity}/{@code nan}
   * in any case. Java-only spellings such as {@code 1d}, {@code 0x1p3} or {@code Infinity} with a type
   * suffix are rejected.
   *
   * @throws NumberFormatException when Python would raise {@code ValueError}
   */
  public static double parse(String text) {
    String s = text.strip();
    if (!FLOAT_SYNTAX.matcher(s).matches()) {
      throw new NumberFormatException("could not convert string to float: '" + text + "'");
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    boolean negative = lower.startsWith("-");
    String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
    if (body.equals("nan")) {
      return Double.NaN;
    }
    if (body.startsWith("inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(s.replace("_", ""));
  }

  /** True when {@link #parse} accepts {@code text}. */
  public static boolean isFloat(String text) {
    return FLOAT_SYNTAX.matcher(text.strip()).matches();
  }

  /** True for {@code -0.0} only. */
  public static boolean isNegativeZero(double x) {
    return x == 0 && Double.doubleToRawLongBits(x) != 0;
  }

  /**
   * The shortest round-trip significant digits of a positive finite double.
   *
   * @param digits d1...dn, no leading or trailing zeros
   * @param decimalExponent e such that the value is 0.d1...dn × 10^e
   */
  public record Digits(String digits, int decimalExponent) {}

  /** The shortest round-trip digits of {@code a}, which must be positive and finite. */
  public static Digits shortestDigits(double a) {
    if (!(a > 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("shortestDigits needs a positive finite value, got " + a);
    }
    String javaText = Double.toString(a);
    int javaDigits = significantDigits(javaText);
    if (javaDigits <= 15 && a >= Double.MIN_NORMAL) {
      // Decimals of 15 or fewer significant digits lie further apart than the interval of decimals that
      // read back as a normal double, so Java's (correct) answer is the only one that short: shortest and
      // closest at once. This is the common case for coordinates and settings.
      return toDigits(new BigDecimal(javaText));
    }
    BigDecimal exact = sticky(new BigDecimal(a));
    // "Some p-digit decimal reads back" is monotone in p (append a zero), and Double.toString gives one
    // that does, so binary-search the shortest length between 1 and the length of Double.toString.
    int lo = 1;
    int hi = javaDigits;
    BigDecimal best = candidate(exact, a, hi);
    if (best == null) { // cannot happen with a correct Double.toString; stay correct anyway
      hi = 17;
      best = candidate(exact, a, hi);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal c = candidate(exact, a, mid);
      if (c != null) {
        hi = mid;
        best = c;
      } else {
        lo = mid + 1;
      }
    }
    return toDigits(best);
  }

  /**
   * The p-digit decimal nearest to the exact value if it reads back as {@code a}, else the p-digit decimal
   * on the other side of the value if that one does, else null.
   */
  private static BigDecimal candidate(BigDecimal exact, double a, int p) {
    BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
    if (readsBackAs(nearest, a)) {
      return nearest;
    }
    int side = nearest.compareTo(exact);
    if (side != 0) {
      RoundingMode otherWay = side > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
      BigDecimal other = exact.round(new MathContext(p, otherWay));
      if (other.compareTo(nearest) != 0 && readsBackAs(other, a)) {
        return other;
      }
    }
    return null;
  }

  /** Significant digits of Java's {@code Double.toString} output ({@code 1.2345E-5}, {@code 100.0}). */
  private static int significantDigits(String javaText) {
    int e = javaText.indexOf('E');
    String mantissa = (e < 0 ? javaText : javaText.substring(0, e)).replace(".", "");
    int from = 0;
    while (from < mantissa.length() - 1 && mantissa.charAt(from) == '0') {
      from++;
    }
    int to = mantissa.length();
    while (to > from + 1 && mantissa.charAt(to - 1) == '0') {
      to--;
    }
    return Math.min(17, to - from);
  }

  /**
   * The exact value cut to 20 significant digits, plus a 21st digit 1 when anything non-zero was cut
   * (a "sticky" digit). Rounding this to 17 or fewer digits, in any mode, gives the same result as rounding
   * the exact value (which can have 767 digits), at a fraction of the cost; and it compares equal to a
   * decimal of 17 or fewer digits exactly when the exact value does.
   */
  private static BigDecimal sticky(BigDecimal exact) {
    if (exact.precision() <= 20) {
      return exact;
    }
    BigDecimal cut = exact.round(new MathContext(20, RoundingMode.DOWN));
    if (cut.compareTo(exact) == 0) {
      return cut; // only zeros were cut (e.g. 1e22 is exact with 23 digits)
    }
    // one unit in the 21st significant place: cut's last place is 10^-scale
    return cut.add(BigDecimal.ONE.scaleByPowerOfTen(-cut.scale() - 1));
  }

  private static boolean readsBackAs(BigDecimal d, double a) {
    return Double.parseDouble(d.toString()) == a;
  }

  private static Digits toDigits(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    String u = s.unscaledValue().toString();
    // s = u × 10^-scale = 0.u × 10^(len(u) - scale)
    return new Digits(u, u.length() - s.scale());
  }

  /** CPython's {@code format_float_short} layout for the {@code 'r'} format code. */
  private static void layout(StringBuilder sb, String digits, int e) {
    int n = digits.length();
    if (e > -4 && e <= 16) {
      if (e <= 0) {
        sb.append("0.");
        sb.append("0".repeat(-e));
        sb.append(digits);
      } else if (e >= n) {
        sb.append(digits).append("0".repeat(e - n)).append(".0");
      } else {
        sb.append(digits, 0, e).append('.').append(digits, e, n);
      }
      return;
    }
    sb.append(digits.charAt(0));
    if (n > 1) {
      sb.append('.').append(digits, 1, n);
    }
    int exp = e - 1;
    sb.append('e').append(exp < 0 ? '-' : '+');
    int absExp = Math.abs(exp);
    if (absExp < 10) {
      sb.append('0');
    }
    sb.append(absExp);
  }
}
