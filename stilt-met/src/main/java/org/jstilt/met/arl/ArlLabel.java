package org.jstilt.met.arl;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The text label at the start of every ARL record: Fortran {@code (7I2, A4, I4, 2E14.7)} — year (2 digits),
 * month, day, hour, forecast hour, level, grid id, variable, packing exponent, precision, value at (1,1).
 *
 * <p>The 2-character grid id carries the thousands of {@code NX} and {@code NY} when a grid has more than
 * 999 points in a direction ({@code '@'} = 0, {@code 'A'} = 1000, ...). A 52-byte variant with {@code 'X'}
 * in column 11 and a 3-digit level exists for files with 100 or more levels; both are read.
 *
 * @param year2 2-digit year as stored
 * @param gridId the two grid-id characters
 */
public record ArlLabel(
    int year2,
    int month,
    int day,
    int hour,
    int forecastHour,
    int level,
    String gridId,
    String variable,
    int nexp,
    double precision,
    double var1) {

  /** Length of the standard label. */
  public static final int LENGTH = 50;

  /** Length of the extended label (more than 99 levels). */
  public static final int EXTENDED_LENGTH = 52;

  /** True when the label starting at {@code offset} is the 52-byte variant. */
  static boolean isExtended(byte[] b, int offset) {
    return b[offset + 10] == 'X';
  }

  /** Parses a label; throws {@link IllegalArgumentException} naming the bad field. */
  static ArlLabel parse(byte[] b, int offset) {
    boolean ext = isExtended(b, offset);
    String s = new String(b, offset, ext ? EXTENDED_LENGTH : LENGTH, StandardCharsets.ISO_8859_1);
    int p = ext ? 2 : 0;
    try {
      int yy = FortranText.parseInt(s.substring(0, 2));
      int mm = FortranText.parseInt(s.substring(2, 4));
      int dd = FortranText.parseInt(s.substring(4, 6));
      int hh = FortranText.parseInt(s.substring(6, 8));
      int fh = FortranText.parseInt(s.substring(8, 10));
      int level = ext ? FortranText.parseInt(s.substring(11, 14)) : FortranText.parseInt(s.substring(10, 12));
      String grid = s.substring(12 + p, 14 + p);
      String var = s.substring(14 + p, 18 + p).trim();
      int nexp = FortranText.parseInt(s.substring(18 + p, 22 + p));
      double prec = FortranText.parseReal(s.substring(22 + p, 36 + p), 7);
      double var1 = FortranText.parseReal(s.substring(36 + p, 50 + p), 7);
      return new ArlLabel(yy, mm, dd, hh, fh, level, grid, var, nexp, prec, var1);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("unreadable record label '" + printable(s) + "'", e);
    }
  }

  /** The variable name of the label at {@code offset}, without parsing the rest. */
  static String variableOf(byte[] b, int offset) {
    int p = isExtended(b, offset) ? 2 : 0;
    return new String(b, offset + 14 + p, 4, StandardCharsets.ISO_8859_1).trim();
  }

  /** The label's date and hour (minutes come from the index header). */
  LocalDateTime dateHour() {
    try {
      return LocalDateTime.of(fourDigitYear(year2), month, day, hour, 0);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "invalid date in label: year " + year2 + " month " + month + " day " + day + " hour " + hour, e);
    }
  }

  /** HYSPLIT's {@code TM2MIN} century rule: 2-digit years below 40 are 20xx, the rest 19xx. */
  static int fourDigitYear(int year2) {
    return year2 < 40 ? 2000 + year2 : 1900 + year2;
  }

  /** Writes the 50-byte label. */
  String format() {
    if (level > 99) {
      throw new IllegalArgumentException("level " + level + " needs the extended label; at most 99 levels can be written");
    }
    String s =
        FortranText.formatInt(year2, 2)
            + FortranText.formatInt(month, 2)
            + FortranText.formatInt(day, 2)
            + FortranText.formatInt(hour, 2)
            + FortranText.formatInt(Math.min(forecastHour, 99), 2)
            + FortranText.formatInt(level, 2)
            + FortranText.formatChars(gridId, 2)
            + FortranText.formatChars(variable, 4)
            + FortranText.formatInt(nexp, 4)
            + FortranText.formatE14_7(precision)
            + FortranText.formatE14_7(var1);
    if (s.length() != LENGTH) {
      throw new IllegalStateException("label length " + s.length() + ": '" + s + "'");
    }
    return s;
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 32 && c < 127 ? c : '?');
    }
    return sb.toString();
  }
}
