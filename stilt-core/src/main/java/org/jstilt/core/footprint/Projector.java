package org.jstilt.core.footprint;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.ExtendedTransverseMercatorProjection;
import org.locationtech.proj4j.proj.Projection;

/**
 * Forward map projection of lon/lat degrees, as R-STILT does it with {@code proj4::project}: a plain
 * forward projection, no datum transformation.
 *
 * <p>R's proj4 package appends {@code +ellps=sphere} when the PROJ.4 string names neither a datum nor an
 * ellipsoid, so R-STILT projects such strings on PROJ's sphere (radius 6 370 997 m; PYSTILT's pyproj would
 * use GRS80 there). {@link #effectiveDefinition} does the same, working around three proj4j differences
 * from PROJ that would otherwise give silently wrong coordinates:
 *
 * <ul>
 *   <li>proj4j's {@code +ellps=sphere} has radius 6 371 008.7714 m, not PROJ's 6 370 997 m: the sphere is
 *       spelled {@code +a=6370997 +b=6370997} instead (8 m apart at 40°N otherwise);
 *   <li>proj4j ignores {@code +R=} (and falls back to WGS 84): it is rewritten as {@code +a= +b=};
 *   <li>proj4j's UTM ({@code etmerc}) returns y = 0 on a sphere, where PROJ refuses with "eccentricity
 *       should not be zero": refused here too, with a message saying to add {@code +datum=WGS84}.
 * </ul>
 *
 * <p>Implemented with proj4j, whose formulas follow PROJ.4's (UTM uses the same Poder/Engsager algorithm
 * as PROJ; {@code tmerc} uses the Evenden/Snyder series where PROJ ≥ 6 defaults to the exact algorithm,
 * which differ by millimetres near the central meridian). Coordinates are therefore not guaranteed
 * bit-identical to R's, so a particle within a hair of a projected cell edge could bin differently.
 */
final class Projector {
  private final String definition;
  private final Projection projection;

  private Projector(String definition, Projection projection) {
    this.definition = definition;
    this.projection = projection;
  }

  /** PROJ's {@code +ellps=sphere}, spelled so that proj4j uses the same radius. */
  static final String PROJ_SPHERE = "+a=6370997 +b=6370997";

  /**
   * The definition R's proj4 would hand to PROJ, in a spelling proj4j reads the same way: the user's
   * string, with PROJ's sphere appended when it names no shape ({@code +ellps}, {@code +datum},
   * {@code +R}, {@code +a}), {@code +ellps=sphere} and {@code +R=r} written as explicit radii.
   */
  static String effectiveDefinition(String projection) {
    String p = projection.trim();
    boolean namesShape =
        p.contains("+ellps=") || p.contains("+datum=") || p.contains("+R=") || p.contains("+a=");
    StringBuilder out = new StringBuilder();
    for (String token : p.split("\\s+")) {
      String t = token;
      if (t.equals("+ellps=sphere")) {
        t = PROJ_SPHERE;
      } else if (t.startsWith("+R=")) {
        String r = t.substring(3);
        t = "+a=" + r + " +b=" + r;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(t);
    }
    if (!namesShape) {
      out.append(' ').append(PROJ_SPHERE);
    }
    return out.toString();
  }

  static Projector of(String projection) {
    String def = effectiveDefinition(projection);
    try {
      CoordinateReferenceSystem crs = new CRSFactory().createFromParameters("footprint", def);
      Projection proj = crs.getProjection();
      if (proj instanceof ExtendedTransverseMercatorProjection
          && proj.getEllipsoid().getEccentricitySquared() == 0) {
        throw new StiltException(
            ErrorCode.INPUT,
            "footprint grid projection '"
                + projection
                + "': UTM needs an ellipsoid, but this string names none (or a sphere), so R-STILT's proj4"
                + " would project on a sphere, which PROJ rejects for UTM. Add +datum=WGS84 (or"
                + " +ellps=WGS84), or use +proj=tmerc for a spherical transverse Mercator.");
      }
      return new Projector(def, proj);
    } catch (StiltException e) {
      throw e;
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
