package org.jstilt.met.projection;

/**
 * A regular latitude-longitude grid (ARL {@code SIZE = 0}, HYSPLIT {@code GBLSET}/{@code GBL2XY}/{@code GBLDXY}):
 * grid point (1,1) at ({@code lat0Deg}, {@code lon0Deg}), constant increments in degrees.
 *
 * <p>Longitudes are measured eastward from {@code lon0Deg} modulo 360, so a grid may start anywhere and cross
 * the antimeridian or the prime meridian. A grid whose {@code nx} increments span 360° is <em>global</em>:
 * {@link #wrap} brings positions back across the seam and, when it also spans pole to pole, reflects them
 * over the poles as HYSPLIT does. Grid spacing follows {@code GBLDXY}: {@code dy = R·Δφ},
 * {@code dx = R·cos φ·Δλ}, R = 6371.2 km.
 */
public record LatLonProjection(double lat0Deg, double lon0Deg, double dLatDeg, double dLonDeg, int nx, int ny)
    implements MapProjection {
  private static final double RAD = Math.PI / 180.0;
  private static final double KM_PER_DEG = 2.0 * Math.PI * ConformalProjection.EARTH_RADIUS_KM / 360.0;

  public LatLonProjection {
    if (!(dLatDeg > 0) || !(dLonDeg > 0)) {
      throw new IllegalArgumentException(
          "latitude-longitude grid increments must be > 0, got dlat=" + dLatDeg + " dlon=" + dLonDeg);
    }
    if (nx < 1 || ny < 1) {
      throw new IllegalArgumentException("grid dimensions must be >= 1, got " + nx + " x " + ny);
    }
    if (!Double.isFinite(lat0Deg) || !Double.isFinite(lon0Deg) || Math.abs(lat0Deg) > 90) {
      throw new IllegalArgumentException("bad grid origin (" + lat0Deg + ", " + lon0Deg + ")");
    }
  }

  /** True when the grid wraps around the globe in longitude ({@code nx · dlon = 360}). */
  public boolean isGlobal() {
    return Math.abs(nx * dLonDeg - 360.0) < 1e-6;
  }

  /** True when the grid reaches from pole to pole. */
  public boolean spansPoles() {
    return Math.abs((ny - 1) * dLatDeg - 180.0) < 1e-6;
  }

  @Override
  public GridPoint toGrid(double latDeg, double lonDeg) {
    double lat = latDeg;
    if (lat > 90) {
      lat = 180 - lat;
    } else if (lat < -90) {
      lat = -180 - lat;
    }
    double east = (lonDeg - lon0Deg) % 360.0;
    if (east < 0) {
      east += 360.0;
    }
    return new GridPoint(1.0 + east / dLonDeg, 1.0 + (lat - lat0Deg) / dLatDeg);
  }

  @Override
  public LatLon toLatLon(double x, double y) {
    double lat = lat0Deg + (y - 1.0) * dLatDeg;
    if (lat > 90) {
      lat = 180 - lat;
    } else if (lat < -90) {
      lat = -180 - lat;
    }
    return new LatLon(lat, ConformalProjection.span(lon0Deg + (x - 1.0) * dLonDeg, -180, 180));
  }

  @Override
  public double gridSpacingXM(double x, double y) {
    return 1000.0 * Math.cos(RAD * toLatLon(x, y).latDeg()) * KM_PER_DEG * dLonDeg;
  }

  @Override
  public double gridSpacingYM(double x, double y) {
    return 1000.0 * KM_PER_DEG * dLatDeg;
  }

  @Override
  public GridPoint wrap(GridPoint p) {
    if (!isGlobal()) {
      return p;
    }
    double x = p.x();
    double y = p.y();
    if (x >= nx + 1) {
      x -= nx;
    } else if (x < 1) {
      x += nx;
    }
    if (spansPoles()) {
      if (y > ny) {
        y = 2.0 * ny - y;
      } else if (y < 1) {
        y = 2.0 - y;
      }
    }
    return new GridPoint(x, y);
  }
}
