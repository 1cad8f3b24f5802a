package org.jstilt.core.receptor;

import java.time.Instant;
import java.util.List;

/**
 * A STILT receptor. Closed set: consume with a pattern-matching {@code switch}.
 *
 * <p>Ported from PYSTILT {@code receptors.py}; see PYSTILT.md §4.1.
 */
public sealed interface Receptor permits PointReceptor, ColumnReceptor, MultiPointReceptor {
  /** Release time (UTC). */
  Instant time();

  AltitudeReference altitudeRef();

  /**
   * The release points in HYSPLIT CONTROL order: one for a point, bottom then top for a column, the given
   * order for a multipoint.
   */
  List<ReleasePoint> releasePoints();
}
