package org.jstilt.met.arl;

import org.jstilt.met.projection.ConformalProjection;
import org.jstilt.met.projection.LatLonProjection;
import org.jstilt.met.projection.MapProjection;

/**
 * The twelve map parameters of an ARL index header, in header order.
 *
 * <p>For conformal grids ({@code sizeKm > 0}): pole position, the reference point where the grid size is
 * {@code sizeKm} and the y axis points {@code orientDeg} from north, the tangent latitude (±90 polar
 * stereographic, 0 Mercator, otherwise Lambert), and the grid point ({@code syncXp}, {@code syncYp}) that
 * lies at ({@code syncLat}, {@code syncLon}). For regular latitude-longitude grids ({@code sizeKm = 0}),
 * HYSPLIT's {@code GBLSET}: (syncLat, syncLon) is grid point (1,1), (poleLat, poleLon) the last grid point,
 * refLat/refLon the latitude and longitude increments. {@code dummy} is the pressure offset of sigma and
 * hybrid coordinates.
 */
public record ArlGridDefinition(
    double poleLat,
    double poleLon,
    double refLat,
    double refLon,
    double sizeKm,
    double orientDeg,
    double tangLat,
    double syncXp,
    double syncYp,
    double syncLat,
    double syncLon,
    double dummy) {

  public ArlGridDefinition {
    double[] all = {poleLat, poleLon, refLat, refLon, sizeKm, orientDeg, tangLat, syncXp, syncYp, syncLat, syncLon, dummy};
    for (double d : all) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("grid definition values must be finite: " + java.util.Arrays.toString(all));
      }
    }
    if (sizeKm < 0) {
      throw new IllegalArgumentException("grid size must be >= 0 km, got " + sizeKm);
    }
  }

  /**
   * A regular latitude-longitude grid with (1,1) at ({@code lat0}, {@code lon0}).
   *
   * <p>Longitudes are written the way HYSPLIT's {@code GBL2XY} needs them: it measures positions in 0..360
   * unless the grid's first longitude is negative and its last one is not (a grid across the prime meridian),
   * so a grid that does not cross the prime meridian must start in [0, 360) — a US grid starting at -115 is
   * written as 245. (hycs_std v5.1 puts every point of a grid written with -115 off the grid.)
   */
  public static ArlGridDefinition latLon(
      double lat0Deg, double lon0Deg, double dLatDeg, double dLonDeg, int nx, int ny) {
    double first = ((lon0Deg % 360.0) + 360.0) % 360.0;
    double last = first + (nx - 1) * dLonDeg;
    boolean global = Math.abs(nx * dLonDeg - 360.0) < 1e-6;
    if (!global && last >= 360.0) {
      // across the prime meridian: negative start, non-negative end
      first -= 360.0;
      last -= 360.0;
    }
    return new ArlGridDefinition(
        lat0Deg + (ny - 1) * dLatDeg,
        last,
        dLatDeg,
        dLonDeg,
        0.0,
        0.0,
        0.0,
        1.0,
        1.0,
        lat0Deg,
        first,
        0.0);
  }

  /** The twelve values in header order. */
  public double[] toArray() {
    return new double[] {poleLat, poleLon, refLat, refLon, sizeKm, orientDeg, tangLat, syncXp, syncYp, syncLat, syncLon, dummy};
  }

  /** Builds the record from the twelve values in header order. */
  public static ArlGridDefinition of(double[] v) {
    if (v.length != 12) {
      throw new IllegalArgumentException("an ARL grid definition has 12 values, got " + v.length);
    }
    return new ArlGridDefinition(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
  }

  /** True for a regular latitude-longitude grid ({@code SIZE = 0}). */
  public boolean isLatLon() {
    return sizeKm == 0.0;
  }

  /** The map projection this definition describes, for a grid of {@code nx × ny} points. */
  public MapProjection projection(int nx, int ny) {
    if (isLatLon()) {
      return new LatLonProjection(syncLat, syncLon, refLat, refLon, nx, ny);
    }
    return ConformalProjection.fromArl(refLat, refLon, tangLat, syncXp, syncYp, syncLat, syncLon, sizeKm, orientDeg);
  }
}
