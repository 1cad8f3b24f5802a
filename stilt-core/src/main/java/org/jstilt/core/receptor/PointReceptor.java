package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A single release point, e.g. a tower inlet. */
public record PointReceptor(
    Instant time, double lonDeg, double latDeg, double altitudeM, AltitudeReference altitudeRef)
    implements Receptor {
  public PointReceptor {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(altitudeRef, "altitudeRef");
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return List.of(new ReleasePoint(lonDeg, latDeg, altitudeM));
  }
}
