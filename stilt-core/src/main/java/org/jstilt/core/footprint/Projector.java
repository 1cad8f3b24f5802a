package org.jstilt.core.footprint;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * Forward map projection of lon/lat degrees, as R-STILT does it with {@code proj4::project}: a plain
 * forward projection, no datum transformation.
 *
 * <p>R's proj4 package appends {@code +ellps=sphere} when the PROJ.4 string names neither a datum nor an
 * ellipsoid; {@link #effectiveDefinition} does the same, so {@code +proj=utm +zone=12} projects on
 * PROJ's sphere (R = 6 370 997 m) exactly as R-STILT does (PYSTILT's pyproj would use GRS80 there).
 * Implemented with proj4j, whose formulas follow PROJ.4's; coordinates agree with PROJ to far below a
 * metre but are not guaranteed bit-identical, so a particle exactly on a projected cell edge could bin
 * differently from R.
 */
final class Projector {
  private final String definition;
  private final Projection projection;

  private Projector(String definition, Projection projection) {
    this.definition = definition;
    this.projection = projection;
  }

  /** The definition proj4 would use: the user's string plus {@code +ellps=sphere} if it names no shape. */
  static String effectiveDefinition(String projection) {
    String p = projection.trim();
    if (!p.contains("+ellps=") && !p.contains("+datum=")) {
      p = p + " +ellps=sphere";
    }
    return p;
  }

  static Projector of(String projection) {
    String def = effectiveDefinition(projection);
    try {
      CoordinateReferenceSystem crs = new CRSFactory().createFromParameters("footprint", def);
      return new Projector(def, crs.getProjection());
    } catch (RuntimeException e) {
      throw new StiltException(
          ErrorCode.INPUT,
          "footprint grid projection '"
              + projection
              + "' is not a PROJ.4 string proj4j understands ("
              + e.getMessage()
              + "); use e.g. '+proj=longlat' or '+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs'.",
          e);
    }
  }

  /** Projects {@code (lon[i], lat[i])} in degrees for {@code i < n}, writing x into lon and y into lat. */
  void projectInPlace(double[] lon, double[] lat, int n) {
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    for (int i = 0; i < n; i++) {
      in.x = lon[i];
      in.y = lat[i];
      try {
        projection.project(in, out);
      } catch (RuntimeException e) {
        throw failure(lon[i], lat[i], e);
      }
      if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
        throw failure(lon[i], lat[i], null);
      }
      lon[i] = out.x;
      lat[i] = out.y;
    }
  }

  /** Projects one point, returning {@code {x, y}}. */
  double[] project(double lonDeg, double latDeg) {
    double[] x = {lonDeg};
    double[] y = {latDeg};
    projectInPlace(x, y, 1);
    return new double[] {x[0], y[0]};
  }

  private StiltException failure(double lon, double lat, RuntimeException cause) {
    String why = cause != null ? cause.getMessage() : "the result is not finite";
    return new StiltException(
        ErrorCode.FOOTPRINT,
        "cannot project lon "
            + lon
            + ", lat "
            + lat
            + " with '"
            + definition
            + "' ("
            + why
            + "); the point lies outside where this projection is defined. Choose a projection that covers"
            + " the particles and the footprint domain.",
        cause);
  }
}
