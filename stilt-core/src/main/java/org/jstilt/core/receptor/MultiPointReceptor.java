package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Several release points sharing one time, e.g. a slant column sampled along a line of sight. */
public record MultiPointReceptor(Instant time, List<ReleasePoint> points, AltitudeReference altitudeRef)
    implements Receptor {
  public MultiPointReceptor {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(altitudeRef, "altitudeRef");
    points = List.copyOf(points);
  }

  @Override
  public List<ReleasePoint> releasePoints() {
    return points;
  }
}
