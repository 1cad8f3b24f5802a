package org.jstilt.core.receptor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/** The checks every receptor constructor shares (PYSTILT {@code _validate_lon/_lat/_agl}, made strict). */
final class Receptors {
  /** 1000-01-01T00:00Z: earlier times cannot be written as the 12-digit id time. */
  static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  /** 10000-01-01T00:00Z (exclusive). */
  static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private Receptors() {}

  /**
   * Checks the time and drops sub-microsecond digits: PYSTILT keeps receptor times as Python datetimes,
   * which stop at microseconds, so two receptors that differ below that are the same receptor.
   */
  static Instant time(Instant time) {
    if (time == null) {
      throw invalid("receptor time is missing");
    }
    if (time.isBefore(EARLIEST) || !time.isBefore(END)) {
      throw invalid("receptor time " + time + " is outside years 1000..9999");
    }
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  static void lon(double lonDeg) {
    if (!(lonDeg >= -180 && lonDeg <= 180)) {
      throw invalid("longitude must be within [-180, 180], got " + lonDeg);
    }
  }

  static void lat(double latDeg) {
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw invalid("latitude must be within [-90, 90], got " + latDeg);
    }
  }

  static void altitude(String what, double altitudeM, AltitudeReference ref) {
    if (!Double.isFinite(altitudeM)) {
      throw invalid(what + " must be a finite number of metres, got " + altitudeM);
    }
    if (ref == AltitudeReference.AGL && altitudeM < 0) {
      throw invalid(what + " above ground level must be >= 0, got " + altitudeM
          + " (use altitude_ref msl for heights above sea level)");
    }
  }

  static void ref(AltitudeReference ref) {
    if (ref == null) {
      throw invalid("altitude reference is missing (agl or msl)");
    }
  }

  static StiltException invalid(String message) {
    return new StiltException(ErrorCode.INPUT, message);
  }
}
