package org.jstilt.runtime.plot;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * Forward projection of base-map and receptor positions onto a projected footprint grid, so that a UTM or
 * Lambert grid gets its coastlines and receptor too.
 *
 * <p>The grid's PROJ.4 string is read as R-STILT reads it (and as the footprint calculator does): a string
 * that names no shape ({@code +ellps}, {@code +datum}, {@code +R}, {@code +a}) is on PROJ's sphere of
 * radius 6 370 997 m. Drawing needs pixels, not metres, so the calculator's finer proj4j work-arounds are
 * not repeated here.
 */
final class MapProjection {
  private final Projection projection;

  private MapProjection(Projection projection) {
    this.projection = projection;
  }

  /**
   * The projection of a PROJ.4 string.
   *
   * @throws IllegalArgumentException when proj4j cannot read it
   */
  static MapProjection of(String proj4) {
    String def = proj4.trim();
    if (!(def.contains("+ellps=") || def.contains("+datum=") || def.contains("+R=") || def.contains("+a="))) {
      def = def + " +a=6370997 +b=6370997";
    }
    try {
      return new MapProjection(new CRSFactory().createFromParameters("map", def).getProjection());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read the grid projection '" + proj4 + "': " + e.getMessage(), e);
    }
  }

  /** Projects lon/lat degrees into {@code xy}; false when the point cannot be projected. */
  boolean project(double lonDeg, double latDeg, double[] xy) {
    ProjCoordinate in = new ProjCoordinate(lonDeg, latDeg);
    ProjCoordinate out = new ProjCoordinate();
    try {
      projection.project(in, out);
    } catch (RuntimeException e) {
      return false;
    }
    if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
      return false;
    }
    xy[0] = out.x;
    xy[1] = out.y;
    return true;
  }
}
