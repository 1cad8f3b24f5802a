package org.jstilt.met.discovery;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} for the directives met file names use, with Python's (C locale) output:
 * {@code %Y %m %d %H %M %S %j %y %b %B %a %A %p %%}; everything else is literal text. An unknown directive is
 * an error rather than the platform-dependent pass-through of C strftime.
 */
public final class Strftime {
  private Strftime() {}

  /** Formats {@code t} with {@code format}. */
  public static String format(String format, LocalDateTime t) {
    StringBuilder sb = new StringBuilder(format.length() + 8);
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= format.length()) {
        throw new IllegalArgumentException("file_format '" + format + "' ends with a lone '%'");
      }
      char d = format.charAt(++i);
      switch (d) {
        case 'Y' -> sb.append(String.format(Locale.ROOT, "%04d", t.getYear()));
        case 'y' -> sb.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
        case 'm' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
        case 'd' -> sb.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
        case 'H' -> sb.append(String.format(Locale.ROOT, "%02d", t.getHour()));
        case 'M' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
        case 'S' -> sb.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
        case 'j' -> sb.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
        case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
        case '%' -> sb.append('%');
        default -> throw new IllegalArgumentException(
            "file_format '" + format + "' uses %" + d + ", which is not supported; use %Y %m %d %H %M %S %j %y %b %B %a %A %p or %%");
      }
    }
    return sb.toString();
  }
}
