package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A vertical line source between {@code bottomM} and {@code topM} at one location; HYSPLIT-STILT releases
 * the particles equally spaced along it in index order.
 */
public record ColumnReceptor(
    Instant time, double lonDeg, double latDeg, double bottomM, double topM, AltitudeReference altitudeRef)
    implements Receptor {
  public ColumnReceptor {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(altitudeRef, "altitudeRef");
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return List.of(new ReleasePoint(lonDeg, latDeg, bottomM), new ReleasePoint(lonDeg, latDeg, topM));
  }
}
