package org.jstilt.met.projection;

/**
 * The horizontal grid of a met file: geographic position ↔ HYSPLIT grid coordinates, and the ground distance
 * one grid unit spans (HYSPLIT's {@code GX}, {@code GY}) for converting winds in m/s to grid units.
 *
 * <p>Grid coordinates are 1-based as in HYSPLIT: grid point (i, j) of a field stored as
 * {@code field[(j-1)*nx + (i-1)]} sits at x = i, y = j. Implementations are immutable and thread-safe.
 */
public sealed interface MapProjection permits ConformalProjection, LatLonProjection {

  /** Grid coordinates of a geographic position (no bounds check: the result may lie off the grid). */
  GridPoint toGrid(double latDeg, double lonDeg);

  /** Geographic position of grid coordinates. */
  LatLon toLatLon(double x, double y);

  /** Metres spanned by one grid unit in x at (x, y) (HYSPLIT {@code GX}). */
  double gridSpacingXM(double x, double y);

  /** Metres spanned by one grid unit in y at (x, y) (HYSPLIT {@code GY}). */
  double gridSpacingYM(double x, double y);

  /**
   * Brings a position that left a global grid back onto it (longitude wrap, reflection over the poles), as
   * HYSPLIT does for global latitude-longitude data; returns the point unchanged for every other grid.
   */
  default GridPoint wrap(GridPoint p) {
    return p;
  }
}
