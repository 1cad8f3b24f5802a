package org.jstilt.core.id;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.Receptor;

/**
 * A receptor's identity: {@code {YYYYMMDDHHMM}_{location}} (PYSTILT {@code ReceptorID}), e.g.
 * {@code 202301011200_-111.85_40.77_5}. Minute precision: the receptor's seconds are dropped, so two
 * receptors one second apart share an id (as in PYSTILT).
 *
 * @param time the receptor time truncated to the minute (UTC)
 * @param location where it releases
 */
public record ReceptorId(Instant time, LocationId location) implements Comparable<ReceptorId> {
  private static final Pattern FORM = Pattern.compile("(\\d{12})_(.+)", Pattern.DOTALL);
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);

  public ReceptorId {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(location, "location");
    if (!time.truncatedTo(ChronoUnit.MINUTES).equals(time)) {
      throw new StiltException(ErrorCode.INPUT, "a receptor id holds whole minutes, got " + time
          + "; use ReceptorId.of(receptor), which truncates");
    }
    int year = LocalDateTime.ofInstant(time, ZoneOffset.UTC).getYear();
    if (year < 1000 || year > 9999) {
      throw new StiltException(ErrorCode.INPUT, "receptor id time " + time + " is outside years 1000..9999");
    }
  }

  /** The id of a receptor: its time truncated to the minute and its location id. */
  public static ReceptorId of(Receptor receptor) {
    return new ReceptorId(receptor.time().truncatedTo(ChronoUnit.MINUTES), LocationId.of(receptor));
  }

  /**
   * Parses {@code YYYYMMDDHHMM_location}.
   *
   * @throws StiltException ({@link ErrorCode#INPUT}) saying what is wrong
   */
  public static ReceptorId parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      throw new StiltException(ErrorCode.INPUT, "receptor id '" + text
          + "' must be '{YYYYMMDDHHMM}_{location}', e.g. 202301011200_-111.85_40.77_5");
    }
    Instant time;
    try {
      time = LocalDateTime.parse(m.group(1), MINUTES).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new StiltException(ErrorCode.INPUT, "receptor id '" + text + "' has an invalid time '" + m.group(1)
          + "' (expected YYYYMMDDHHMM)", e);
    }
    return new ReceptorId(time, LocationId.parse(m.group(2)));
  }

  /** The 12-digit UTC time text, {@code YYYYMMDDHHMM}. */
  public String timeText() {
    return MINUTES.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
  }

  @Override
  public int compareTo(ReceptorId o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return timeText() + "_" + location.value();
  }
}
