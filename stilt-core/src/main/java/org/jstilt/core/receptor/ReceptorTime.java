package org.jstilt.core.receptor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * Receptor times as text, read and written the way PYSTILT does ({@code _parse_time} and
 * {@code datetime.isoformat}).
 *
 * <p>Accepted on input:
 * <ul>
 *   <li>exactly 12 digits: {@code YYYYMMDDHHMM} in UTC (R-STILT's and the ids' form);
 *   <li>a calendar date {@code YYYY-MM-DD} (or with {@code /}) optionally followed by {@code T} or a space
 *       and {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fraction}, optionally followed by {@code Z},
 *       {@code UTC} or an offset {@code +HH:MM}, {@code +HHMM}, {@code +HH}: times with an offset are
 *       converted to UTC, times without one are UTC already.
 * </ul>
 * Any other number is rejected on purpose (PYSTILT raises too): {@code 1672574400} could be epoch seconds
 * or a typo and silently guessing would put the receptor at the wrong hour. Pandas accepts a few more
 * spellings (month names, US {@code MM/DD/YYYY}); those are ambiguous and rejected with the accepted forms
 * in the message.
 */
public final class ReceptorTime {
  private static final Pattern TWELVE_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})"
          + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
          + "\\s*(?:([Zz]|UTC|utc|GMT|gmt)|([+-])(\\d{2})(?::?(\\d{2}))?)?");

  private ReceptorTime() {}

  /**
   * Parses a receptor time (see the class comment for the forms).
   *
   * @throws StiltException ({@link ErrorCode#INPUT}) saying which forms are accepted
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      throw new StiltException(ErrorCode.INPUT, "receptor time is empty; " + FORMS);
    }
    String s = text.trim();
    Matcher m12 = TWELVE_DIGITS.matcher(s);
    try {
      if (m12.matches()) {
        return LocalDateTime.of(num(m12, 1), num(m12, 2), num(m12, 3), num(m12, 4), num(m12, 5))
            .toInstant(ZoneOffset.UTC);
      }
      if (NUMBER.matcher(s).matches()) {
        throw new StiltException(ErrorCode.INPUT, "numeric receptor time '" + text
            + "' is not accepted (epoch seconds or a typo?); " + FORMS);
      }
      Matcher m = DATE_TIME.matcher(s);
      if (!m.matches()) {
        throw new StiltException(ErrorCode.INPUT, "cannot read receptor time '" + text + "'; " + FORMS);
      }
      int nanos = 0;
      if (m.group(8) != null) {
        String frac = (m.group(8) + "00000000").substring(0, 9);
        nanos = Integer.parseInt(frac);
      }
      LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 3), num(m, 4),
          m.group(5) == null ? 0 : num(m, 5), m.group(6) == null ? 0 : num(m, 6),
          m.group(7) == null ? 0 : num(m, 7), nanos);
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(10) != null) {
        int hours = num(m, 11);
        int minutes = m.group(12) == null ? 0 : num(m, 12);
        int sign = m.group(10).equals("-") ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      }
      return local.toInstant(offset);
    } catch (DateTimeException e) {
      throw new StiltException(ErrorCode.INPUT, "receptor time '" + text + "' is not a valid date and time: "
          + e.getMessage(), e);
    }
  }

  private static final String FORMS =
      "write e.g. 2023-01-01 12:00:00 (UTC), 2023-01-01T05:00:00-07:00, or 202301011200";

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /**
   * Python's {@code datetime.isoformat()} of the naive UTC time: {@code 2023-01-01T12:00:00}, with
   * {@code .ffffff} only when there are microseconds.
   */
  public static String isoformat(Instant time) {
    return isoformat(time, 'T');
  }

  /** {@code datetime.isoformat(sep=...)}, e.g. {@code ' '} for {@code 2023-01-01 12:00:00}. */
  public static String isoformat(Instant time, char separator) {
    LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(26);
    sb.append(String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), separator, t.getHour(), t.getMinute(), t.getSecond()));
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      sb.append(String.format(Locale.ROOT, ".%06d", micros));
    }
    return sb.toString();
  }
}
