package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;

/**
 * A vertical line source between {@code bottomM} and {@code topM} at one location; HYSPLIT-STILT releases
 * the particles equally spaced along it in index order (X-STILT's column receptor).
 *
 * <p>Valid when lon/lat are in range, {@code bottomM < topM} strictly, both finite and, for AGL, the bottom
 * not negative.
 */
public record ColumnReceptor(
    Instant time, double lonDeg, double latDeg, double bottomM, double topM, AltitudeReference altitudeRef)
    implements Receptor {
  public ColumnReceptor {
    time = Receptors.time(time);
    Receptors.ref(altitudeRef);
    Receptors.lon(lonDeg);
    Receptors.lat(latDeg);
    Receptors.altitude("column bottom", bottomM, altitudeRef);
    Receptors.altitude("column top", topM, altitudeRef);
    if (!(bottomM < topM)) {
      throw Receptors.invalid("column bottom must be below its top, got bottom " + bottomM + " m, top " + topM + " m");
    }
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return List.of(new ReleasePoint(lonDeg, latDeg, bottomM), new ReleasePoint(lonDeg, latDeg, topM));
  }
}
