package org.jstilt.core.receptor;

import java.util.Locale;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/** Whether receptor altitudes are above ground level or above mean sea level (HYSPLIT's KMSL 0 or 1). */
public enum AltitudeReference {
  AGL,
  MSL;

  /** The lower-case spelling used in receptors.csv and PYSTILT ({@code agl}, {@code msl}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** HYSPLIT's {@code KMSL} for this reference: 0 for AGL, 1 for MSL. */
  public int kmsl() {
    return this == AGL ? 0 : 1;
  }

  /**
   * Parses {@code agl} or {@code msl} in any letter case (PYSTILT's {@code validate_vertical_reference}).
   *
   * @throws StiltException ({@link ErrorCode#INPUT}) for anything else
   */
  public static AltitudeReference parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "agl" -> AGL;
      case "msl" -> MSL;
      default -> throw new StiltException(
          ErrorCode.INPUT, "altitude reference must be 'agl' or 'msl', got '" + text + "'");
    };
  }
}
