package org.jstilt.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time spans written the way pandas' {@code Timedelta} reads them, as PYSTILT's {@code file_tres}
 * (and our {@code transport.hysplit.timeout}) are written: {@code 1h}, {@code 6h}, {@code 1D},
 * {@code 30min}, {@code 90s}, {@code 1h30min}, {@code 1 day}, {@code 2 days 06:00:00}, {@code 06:00:00}.
 *
 * <p>Units (case as pandas): {@code W}/{@code w}/{@code week(s)}; {@code D}/{@code d}/{@code day(s)};
 * {@code h}/{@code H}/{@code hr}/{@code hour(s)}; {@code m}/{@code min}/{@code T}/{@code minute(s)};
 * {@code s}/{@code S}/{@code sec}/{@code second(s)}; {@code ms}/{@code L}/{@code millisecond(s)}.
 * {@code M} is refused, as pandas does, because it could mean months or minutes.
 */
public final class Timedelta {
  private static final Pattern TERM = Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([A-Za-z]+)");
  private static final Pattern CLOCK =
      Pattern.compile("(?:(\\d+)\\s*days?\\s*,?\\s+)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Map<String, Long> UNIT_NANOS = Map.ofEntries(
      Map.entry("W", 604_800 * NANOS_PER_SECOND), Map.entry("w", 604_800 * NANOS_PER_SECOND),
      Map.entry("week", 604_800 * NANOS_PER_SECOND), Map.entry("weeks", 604_800 * NANOS_PER_SECOND),
      Map.entry("D", 86_400 * NANOS_PER_SECOND), Map.entry("d", 86_400 * NANOS_PER_SECOND),
      Map.entry("day", 86_400 * NANOS_PER_SECOND), Map.entry("days", 86_400 * NANOS_PER_SECOND),
      Map.entry("h", 3_600 * NANOS_PER_SECOND), Map.entry("H", 3_600 * NANOS_PER_SECOND),
      Map.entry("hr", 3_600 * NANOS_PER_SECOND), Map.entry("hour", 3_600 * NANOS_PER_SECOND),
      Map.entry("hours", 3_600 * NANOS_PER_SECOND),
      Map.entry("m", 60 * NANOS_PER_SECOND), Map.entry("min", 60 * NANOS_PER_SECOND),
      Map.entry("T", 60 * NANOS_PER_SECOND), Map.entry("minute", 60 * NANOS_PER_SECOND),
      Map.entry("minutes", 60 * NANOS_PER_SECOND),
      Map.entry("s", NANOS_PER_SECOND), Map.entry("S", NANOS_PER_SECOND), Map.entry("sec", NANOS_PER_SECOND),
      Map.entry("second", NANOS_PER_SECOND), Map.entry("seconds", NANOS_PER_SECOND),
      Map.entry("ms", 1_000_000L), Map.entry("L", 1_000_000L), Map.entry("millisecond", 1_000_000L),
      Map.entry("milliseconds", 1_000_000L));

  private Timedelta() {}

  /**
   * Parses a positive time span.
   *
   * @throws IllegalArgumentException saying what is wrong and showing valid examples
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty time span; write e.g. 1h, 6h, 1D or 30min");
    }
    Duration d;
    Matcher clock = CLOCK.matcher(s);
    if (clock.matches()) {
      d = Duration.ofDays(clock.group(1) == null ? 0 : Long.parseLong(clock.group(1)))
          .plusHours(Long.parseLong(clock.group(2)))
          .plusMinutes(Long.parseLong(clock.group(3)))
          .plusSeconds(Long.parseLong(clock.group(4)));
      if (clock.group(5) != null) {
        d = d.plusNanos(Long.parseLong((clock.group(5) + "00000000").substring(0, 9)));
      }
    } else {
      Matcher m = TERM.matcher(s);
      d = Duration.ZERO;
      int end = 0;
      while (end < s.length() && m.find(end) && m.start() == end) {
        String unit = m.group(2);
        if (unit.equals("M")) {
          throw new IllegalArgumentException("'" + text + "': unit M is ambiguous (months or minutes?); use min or D");
        }
        Long nanos = UNIT_NANOS.get(unit);
        if (nanos == null) {
          throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit
              + "'; use D (days), h (hours), min (minutes) or s (seconds), e.g. 6h");
        }
        d = d.plusNanos(Math.round(Double.parseDouble(m.group(1)) * nanos));
        end = m.end();
      }
      if (end == 0 || end != s.length()) {
        throw new IllegalArgumentException("'" + text + "' is not a time span; write e.g. 1h, 6h, 1D or 30min");
      }
    }
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' must be a positive time span");
    }
    return d;
  }

  /**
   * A compact text pandas reads back to the same span: the largest whole units first
   * ({@code 1D}, {@code 6h}, {@code 1h30min}, {@code 90s} stays {@code 1min30s}, {@code 1500ms}).
   */
  public static String format(Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("only positive spans are written, got " + d);
    }
    StringBuilder sb = new StringBuilder();
    long days = d.toDays();
    Duration rest = d.minusDays(days);
    if (days > 0) {
      sb.append(days).append('D');
    }
    if (rest.toHours() > 0) {
      sb.append(rest.toHours()).append('h');
      rest = rest.minusHours(rest.toHours());
    }
    if (rest.toMinutes() > 0) {
      sb.append(rest.toMinutes()).append("min");
      rest = rest.minusMinutes(rest.toMinutes());
    }
    if (rest.getSeconds() > 0) {
      sb.append(rest.getSeconds()).append('s');
      rest = rest.minusSeconds(rest.getSeconds());
    }
    if (rest.getNano() > 0) {
      if (rest.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException("spans finer than a millisecond are not written: " + d);
      }
      sb.append(rest.getNano() / 1_000_000).append("ms");
    }
    return sb.toString();
  }
}
