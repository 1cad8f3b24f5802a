package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Several release points sharing one time, e.g. a slant column sampled along a line of sight. The points
 * keep the given order (it is HYSPLIT's CONTROL order).
 *
 * <p>Valid when there is at least one point and every point passes the point-receptor checks.
 */
public record MultiPointReceptor(Instant time, List<ReleasePoint> points, AltitudeReference altitudeRef)
    implements Receptor {
  public MultiPointReceptor {
    time = Receptors.time(time);
    Receptors.ref(altitudeRef);
    if (points == null || points.isEmpty()) {
      throw Receptors.invalid("a multipoint receptor needs at least one point");
    }
    points = List.copyOf(points);
    for (int i = 0; i < points.size(); i++) {
      ReleasePoint p = points.get(i);
      try {
        Receptors.lon(p.lonDeg());
        Receptors.lat(p.latDeg());
        Receptors.altitude("altitude", p.altitudeM(), altitudeRef);
      } catch (RuntimeException e) {
        throw Receptors.invalid("multipoint receptor point " + (i + 1) + ": " + e.getMessage());
      }
    }
  }

  /**
   * A multipoint receptor from parallel coordinate arrays (PYSTILT's {@code longitudes}, {@code latitudes},
   * {@code altitudes}), which must have the same length.
   */
  public static MultiPointReceptor of(
      Instant time, double[] lonsDeg, double[] latsDeg, double[] altitudesM, AltitudeReference altitudeRef) {
    if (lonsDeg.length != latsDeg.length || lonsDeg.length != altitudesM.length) {
      throw Receptors.invalid("longitudes, latitudes and altitudes must have the same length, got "
          + lonsDeg.length + ", " + latsDeg.length + " and " + altitudesM.length);
    }
    List<ReleasePoint> pts = new ArrayList<>(lonsDeg.length);
    for (int i = 0; i < lonsDeg.length; i++) {
      pts.add(new ReleasePoint(lonsDeg[i], latsDeg[i], altitudesM[i]));
    }
    return new MultiPointReceptor(time, pts, altitudeRef);
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return points;
  }
}
