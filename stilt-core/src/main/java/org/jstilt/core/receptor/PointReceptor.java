package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;

/**
 * A single release point, e.g. a tower inlet.
 *
 * <p>Valid when lon is in [-180, 180], lat in [-90, 90], the altitude finite and, for AGL, not negative.
 * The time keeps microseconds at most (see {@link Receptor#time()}).
 */
public record PointReceptor(
    Instant time, double lonDeg, double latDeg, double altitudeM, AltitudeReference altitudeRef)
    implements Receptor {
  public PointReceptor {
    time = Receptors.time(time);
    Receptors.ref(altitudeRef);
    Receptors.lon(lonDeg);
    Receptors.lat(latDeg);
    Receptors.altitude("altitude", altitudeM, altitudeRef);
  }

  /** An AGL point receptor. */
  public static PointReceptor agl(Instant time, double lonDeg, double latDeg, double altitudeM) {
    return new PointReceptor(time, lonDeg, latDeg, altitudeM, AltitudeReference.AGL);
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return List.of(new ReleasePoint(lonDeg, latDeg, altitudeM));
  }
}
