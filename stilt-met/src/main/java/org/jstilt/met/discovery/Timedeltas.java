package org.jstilt.met.discovery;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses pandas timedelta strings as PYSTILT's {@code file_tres} accepts them: {@code "6h"}, {@code "1D"},
 * {@code "30min"}, {@code "1h30min"}, {@code "1 days"}, {@code "01:00:00"}, {@code "1 days 06:00:00"}.
 */
public final class Timedeltas {
  private static final Pattern TOKEN = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([a-zA-Z]+)");
  private static final Pattern CLOCK = Pattern.compile("(?:([0-9]+)\\s*days?\\s+)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})");

  private Timedeltas() {}

  /** The duration of {@code text}; throws {@link IllegalArgumentException} naming the problem. */
  public static Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty time interval");
    }
    Matcher clock = CLOCK.matcher(s);
    if (clock.matches()) {
      long days = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
      return Duration.ofDays(days).plusHours(Long.parseLong(clock.group(2))).plusMinutes(Long.parseLong(clock.group(3)))
          .plusSeconds(Long.parseLong(clock.group(4)));
    }
    Matcher m = TOKEN.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      double value = Double.parseDouble(m.group(1));
      long nanosPerUnit = unitNanos(m.group(2), text);
      total = total.plusNanos(Math.round(value * nanosPerUnit));
      end = m.end();
    }
    if (end != s.length() || end == 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a time interval; use e.g. 1h, 6h, 1D, 30min");
    }
    if (total.isZero() || total.isNegative()) {
      throw new IllegalArgumentException("time interval '" + text + "' must be positive");
    }
    return total;
  }

  private static long unitNanos(String unit, String text) {
    String u = unit.equals("M") ? "M" : unit.toLowerCase(Locale.ROOT);
    switch (u) {
      case "w": case "week": case "weeks":
        return 7L * 86_400_000_000_000L;
      case "d": case "day": case "days":
        return 86_400_000_000_000L;
      case "h": case "hr": case "hrs": case "hour": case "hours":
        return 3_600_000_000_000L;
      case "m": case "t": case "min": case "mins": case "minute": case "minutes":
        return 60_000_000_000L;
      case "s": case "sec": case "secs": case "second": case "seconds":
        return 1_000_000_000L;
      case "ms": case "l": case "milli": case "millis": case "millisecond": case "milliseconds":
        return 1_000_000L;
      default:
        throw new IllegalArgumentException(
            "'" + text + "' has unknown time unit '" + unit + "'; use D, h, min or s (e.g. 6h)");
    }
  }
}
