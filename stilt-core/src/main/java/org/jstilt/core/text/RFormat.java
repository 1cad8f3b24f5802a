package org.jstilt.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * R's number-to-text conversions as R-STILT uses them to write HYSPLIT's input files, so that JSTILT can
 * write CONTROL, SETUP.CFG, ZICONTROL, WINDERR and ZIERR byte-identical to R-STILT's.
 *
 * <ul>
 *   <li>{@link #format(double, int)}: {@code format(x, scientific = FALSE, nsmall = n)} with R's default
 *       7 significant digits, as {@code write_setup} ({@code nsmall = 0}) and {@code write_control}'s
 *       {@code z_top} ({@code nsmall = 1}) do: {@code 0.01}, {@code 80}, {@code 10800}, {@code 25000.0},
 *       {@code 1234.568} for 1234.56789, {@code 0.00001} for 1e-5 (never an exponent).
 *   <li>{@link #asCharacter(double)}: {@code as.character(x)} (R 4.2: 15 significant digits, fixed or
 *       scientific notation, whichever is narrower, fixed on a tie), as {@code paste()} and {@code write()}
 *       produce for the CONTROL release lines and {@code emisshrs}, and the WINDERR/ZIERR/ZICONTROL values:
 *       {@code 40.77}, {@code -111.85}, {@code 5}, {@code 0.01}, {@code 1e+05}, {@code 1e-04}.
 * </ul>
 *
 * <p>How R decides the digits (its {@code formatReal}): round |x| to the significant digits allowed
 * (7 or 15), drop trailing zeros, giving {@code nsig} digits and the power of ten {@code k} of the leading
 * digit; fixed notation shows {@code max(0, nsig - k - 1)} decimals (at least {@code nsmall}), printed with
 * C's {@code %.*f} (exact rounding of the binary value); scientific shows {@code nsig} digits and a
 * two-digit (or three-digit) exponent. Negative zero prints as {@code 0}, as in R.
 */
public final class RFormat {
  private RFormat() {}

  /** {@code format(x, scientific = FALSE)} with R's default {@code digits = 7}. */
  public static String format(double x) {
    return format(x, 0);
  }

  /** {@code format(x, scientific = FALSE, nsmall = nsmall)} with R's default {@code digits = 7}. */
  public static String format(double x, int nsmall) {
    requireFinite(x);
    if (x == 0) {
      return nsmall > 0 ? "0." + "0".repeat(nsmall) : "0";
    }
    Sig s = significant(x, 7);
    int decimals = Math.max(Math.max(0, s.nsig - s.power - 1), nsmall);
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code as.character(x)} for a double (R 4.2: up to 15 significant digits). */
  public static String asCharacter(double x) {
    requireFinite(x);
    if (x == 0) {
      return "0";
    }
    Sig s = significant(x, 15);
    int decimals = Math.max(0, s.nsig - s.power - 1);
    boolean negative = x < 0;
    int fixedWidth = (negative ? 1 : 0) + (s.power >= 0 ? s.power + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
    int expDigits = Math.abs(s.power) >= 100 ? 3 : 2;
    int sciWidth = (negative ? 1 : 0) + (s.nsig > 1 ? s.nsig + 1 : 1) + 2 + expDigits;
    if (fixedWidth <= sciWidth) {
      return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    String digits = s.rounded.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (negative) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(s.power < 0 ? '-' : '+');
    String exp = Integer.toString(Math.abs(s.power));
    sb.append("0".repeat(Math.max(0, expDigits - exp.length()))).append(exp);
    return sb.toString();
  }

  /** The value rounded to {@code digits} significant digits with trailing zeros dropped. */
  private record Sig(BigDecimal rounded, int nsig, int power) {}

  private static Sig significant(double x, int digits) {
    BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int nsig = r.precision();
    int power = nsig - r.scale() - 1; // r = d.ddd × 10^power
    return new Sig(r, nsig, power);
  }

  private static void requireFinite(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("R-STILT never writes a non-finite number to HYSPLIT input: " + x);
    }
  }
}
