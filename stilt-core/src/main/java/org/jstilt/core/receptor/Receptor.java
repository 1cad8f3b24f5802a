package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;

/**
 * A STILT receptor. Closed set: consume with a pattern-matching {@code switch}.
 *
 * <p>Ported from PYSTILT {@code receptors.py}; see PYSTILT.md §4.1. Identity strings (location, receptor
 * and simulation ids) live in {@code org.jstilt.core.id}; the PYSTILT dict/JSON form in
 * {@link ReceptorJson}.
 */
public sealed interface Receptor permits PointReceptor, ColumnReceptor, MultiPointReceptor {
  /**
   * Release time (UTC), at most microsecond precision (PYSTILT keeps Python datetimes; finer digits are
   * dropped on construction). The ids use minutes only.
   */
  Instant time();

  AltitudeReference altitudeRef();

  /**
   * The release points in HYSPLIT CONTROL order: one for a point, bottom then top for a column, the given
   * order for a multipoint.
   */
  List<ReleasePoint> releasePoints();

  /** PYSTILT's class name, the {@code type} key of its dict form: {@code PointReceptor}, ... */
  default String typeName() {
    // Java 17 has no pattern switch (preview only); the permits list keeps this exhaustive.
    if (this instanceof PointReceptor) {
      return "PointReceptor";
    }
    return this instanceof ColumnReceptor ? "ColumnReceptor" : "MultiPointReceptor";
  }

  /**
   * PYSTILT's {@code Receptor.from_points}: one point gives a {@link PointReceptor}; two points with the
   * same longitude and latitude a {@link ColumnReceptor} (heights sorted, so they must differ); anything
   * else a {@link MultiPointReceptor} in the given order.
   */
  static Receptor fromPoints(Instant time, List<ReleasePoint> points, AltitudeReference altitudeRef) {
    if (points == null || points.isEmpty()) {
      throw Receptors.invalid("at least one release point must be given");
    }
    if (points.size() == 1) {
      ReleasePoint p = points.get(0);
      return new PointReceptor(time, p.lonDeg(), p.latDeg(), p.altitudeM(), altitudeRef);
    }
    if (points.size() == 2) {
      ReleasePoint a = points.get(0);
      ReleasePoint b = points.get(1);
      if (a.lonDeg() == b.lonDeg() && a.latDeg() == b.latDeg()) {
        boolean ordered = a.altitudeM() < b.altitudeM();
        double bottom = ordered ? a.altitudeM() : b.altitudeM();
        double top = ordered ? b.altitudeM() : a.altitudeM();
        return new ColumnReceptor(time, a.lonDeg(), a.latDeg(), bottom, top, altitudeRef);
      }
    }
    return new MultiPointReceptor(time, points, altitudeRef);
  }
}
