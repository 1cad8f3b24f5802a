package org.jstilt.met.arl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Fortran formatted-I/O semantics for the fixed-width text fields of ARL labels and index headers.
 *
 * <p>Reading follows list-free formatted input: blanks are ignored ({@code BN}, the default for internal
 * files), an all-blank integer field is zero, and a real field without a decimal point gets the implied
 * decimals of its descriptor ({@code F6.2} reads {@code "  1000"} as 10.00). Writing follows gfortran: the
 * optional leading zero of {@code 0.5} is dropped when the field is too narrow for it, and a value that
 * does not fit is an error (Fortran would print asterisks, which no reader can parse).
 */
final class FortranText {
  private FortranText() {}

  /** Reads an {@code Iw} field; throws {@link NumberFormatException} on anything but an optional sign and digits. */
  static int parseInt(String field) {
    String s = stripBlanks(field);
    if (s.isEmpty()) {
      return 0;
    }
    return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
  }

  /** Reads an {@code Fw.d} or {@code Ew.d} field with {@code implicitDecimals} = d. */
  static double parseReal(String field, int implicitDecimals) {
    String s = stripBlanks(field);
    if (s.isEmpty()) {
      return 0.0;
    }
    if (s.indexOf('.') >= 0) {
      return parseWithExponent(s);
    }
    // No decimal point: the mantissa is an integer scaled by 10^-d.
    int e = firstExponentMark(s);
    String mantissa = e < 0 ? s : s.substring(0, e);
    int exp = e < 0 ? 0 : parseExponent(s.substring(e));
    return decimal(mantissa, exp - implicitDecimals);
  }

  private static double parseWithExponent(String s) {
    int e = firstExponentMark(s);
    if (e < 0) {
      return Double.parseDouble(s);
    }
    return decimal(s.substring(0, e), parseExponent(s.substring(e)));
  }

  /**
   * mantissa × 10^exp rounded once to the nearest double, as Fortran's reader (strtod) does. Multiplying the
   * parsed mantissa by a power of ten would round twice: " 0.1263964E+04" would become 1263.9640000000002.
   */
  private static double decimal(String mantissa, int exp) {
    Double.parseDouble(mantissa); // rejects what is not a number before the exponent is attached
    return Double.parseDouble(mantissa + "E" + exp);
  }

  /** Position of the exponent: 'E'/'D' or a sign after the first character (Fortran's "0.1+100"). */
  private static int firstExponentMark(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'E' || c == 'e' || c == 'D' || c == 'd' || c == '+' || c == '-') {
        return i;
      }
    }
    return -1;
  }

  private static int parseExponent(String s) {
    String t = s;
    char c = t.charAt(0);
    if (c == 'E' || c == 'e' || c == 'D' || c == 'd') {
      t = t.substring(1);
    }
    if (t.startsWith("+")) {
      t = t.substring(1);
    }
    return Integer.parseInt(t);
  }

  private static String stripBlanks(String field) {
    StringBuilder sb = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != ' ' && c != '\0') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Writes {@code Iw}; throws if the value needs more than {@code width} characters. */
  static String formatInt(long value, int width) {
    String s = Long.toString(value);
    if (s.length() > width) {
      throw new IllegalArgumentException(value + " does not fit in an I" + width + " field");
    }
    return " ".repeat(width - s.length()) + s;
  }

  /** Writes {@code Fw.d} (gfortran style); throws if the value does not fit. */
  static String formatFixed(double value, int width, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite value " + value + " cannot be written as F" + width + "." + decimals);
    }
    BigDecimal bd = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
    if (bd.signum() == 0) {
      bd = bd.abs();
    }
    String s = bd.toPlainString();
    if (s.length() > width) {
      // The leading zero of |x| < 1 is optional in Fortran output.
      if (s.startsWith("0.")) {
        s = s.substring(1);
      } else if (s.startsWith("-0.")) {
        s = "-" + s.substring(2);
      }
    }
    if (s.length() > width) {
      throw new IllegalArgumentException(value + " does not fit in an F" + width + "." + decimals + " field");
    }
    return " ".repeat(width - s.length()) + s;
  }

  /** Writes {@code E14.7} as gfortran does: {@code " 0.1264123E+04"}. */
  static String formatE14_7(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite value " + value + " cannot be written as E14.7");
    }
    String body;
    if (value == 0.0) {
      body = "0.0000000E+00";
    } else {
      BigDecimal r = new BigDecimal(value).round(new MathContext(7, RoundingMode.HALF_EVEN));
      String digits = r.unscaledValue().abs().toString();
      int exponent = digits.length() - r.scale();
      StringBuilder d = new StringBuilder(digits);
      while (d.length() < 7) {
        d.append('0');
      }
      // Strip extra digits that can only be trailing zeros (unscaled values such as 12640000).
      String seven = d.substring(0, 7);
      if (Math.abs(exponent) > 99) {
        throw new IllegalArgumentException(value + " is outside the range of an E14.7 field");
      }
      body =
          (value < 0 ? "-" : "")
              + "0."
              + seven
              + "E"
              + (exponent < 0 ? "-" : "+")
              + (Math.abs(exponent) < 10 ? "0" : "")
              + Math.abs(exponent);
    }
    return " ".repeat(14 - body.length()) + body;
  }

  /** Left-justified, blank-padded (or truncated) character field. */
  static String formatChars(String value, int width) {
    if (value.length() >= width) {
      return value.substring(0, width);
    }
    return value + " ".repeat(width - value.length());
  }
}
