package org.jstilt.met.projection;

/**
 * HYSPLIT's conformal map projections (NOAA {@code cmapf}, A. Taylor): polar stereographic, Lambert conformal
 * and Mercator as one formula family on a sphere of radius 6371.2 km, parameterised by the cone constant
 * γ = sin(tangent latitude) — γ = ±1 polar stereographic, 0 &lt; |γ| &lt; 1 Lambert, γ = 0 Mercator.
 *
 * <p>Setup as HYSPLIT's {@code METINI} for an ARL grid: {@code STLMBR} with the cone's tangent latitude and
 * the reference longitude, then {@code STCM1P} so that the grid size is {@code SIZE} km and the y axis points
 * {@code ORIENT} degrees from north at the reference point, and grid point (SYNC_XP, SYNC_YP) lies at
 * (SYNC_LAT, SYNC_LON). Everything is computed in double precision (HYSPLIT mixes single and double), which
 * only removes round-off.
 */
public final class ConformalProjection implements MapProjection {
  /** Earth radius of the cmapf routines (km). */
  public static final double EARTH_RADIUS_KM = 6371.2;

  private static final double RAD = Math.PI / 180.0;
  private static final double ALMOST_ONE = 1.0 - 1e-12;

  private final double gamma;
  private final double refLonDeg;
  private final double x0;
  private final double y0;
  private final double cosRot;
  private final double sinRot;
  /** cmapf {@code gridszeq}: km per grid unit at the equator of the canonical projection. */
  private final double gridSizeEqKm;

  private ConformalProjection(
      double gamma, double refLonDeg, double x0, double y0, double cosRot, double sinRot, double gridSizeEqKm) {
    this.gamma = gamma;
    this.refLonDeg = refLonDeg;
    this.x0 = x0;
    this.y0 = y0;
    this.cosRot = cosRot;
    this.sinRot = sinRot;
    this.gridSizeEqKm = gridSizeEqKm;
  }

  /**
   * The projection of an ARL conformal grid from its index header values.
   *
   * <p>The cone's tangent latitude is {@code EQVLAT(REF_LAT, TANG_LAT)} (TRANSPORT.md §2): TANG_LAT itself when
   * the two are equal (HRRR, NAM), the secant equivalent when a converter stored two standard parallels, ±90
   * for polar stereographic and 0 for Mercator (where EQVLAT would be undefined or turn the cylinder into a
   * cone).
   */
  public static ConformalProjection fromArl(
      double refLatDeg,
      double refLonDeg,
      double tangLatDeg,
      double syncXp,
      double syncYp,
      double syncLatDeg,
      double syncLonDeg,
      double sizeKm,
      double orientDeg) {
    if (!(sizeKm > 0)) {
      throw new IllegalArgumentException("a conformal grid needs a grid size > 0 km, got " + sizeKm);
    }
    if (Math.abs(tangLatDeg) > 90 || Math.abs(refLatDeg) > 90) {
      throw new IllegalArgumentException(
          "tangent and reference latitudes must lie in [-90, 90], got " + tangLatDeg + ", " + refLatDeg);
    }
    double tangent;
    if (Math.abs(tangLatDeg) == 90.0 || tangLatDeg == 0.0) {
      tangent = tangLatDeg;
    } else {
      tangent = equivalentLatitude(refLatDeg, tangLatDeg);
    }
    return tangentAt(tangent, refLonDeg).anchored(syncXp, syncYp, syncLatDeg, syncLonDeg, refLatDeg, refLonDeg, sizeKm, orientDeg);
  }

  /** cmapf {@code STLMBR}: the canonical projection tangent at {@code tangentLatDeg}, centred on {@code refLonDeg}. */
  static ConformalProjection tangentAt(double tangentLatDeg, double refLonDeg) {
    return new ConformalProjection(
        Math.sin(RAD * tangentLatDeg), span(refLonDeg, -180, 180), 0, 0, 1, 0, EARTH_RADIUS_KM);
  }

  /** cmapf {@code STCM1P}: scale, rotate and shift so the grid matches one known point, size and orientation. */
  ConformalProjection anchored(
      double x1, double y1, double lat1Deg, double lon1Deg, double refLatDeg, double refLonDeg, double sizeKm,
      double orientDeg) {
    double turn = RAD * (orientDeg - gamma * span(refLonDeg - this.refLonDeg, -180, 180));
    ConformalProjection unit =
        new ConformalProjection(gamma, this.refLonDeg, 0, 0, Math.cos(turn), -Math.sin(turn), 1.0);
    double gs = sizeKm / unit.gridSizeAtLatitudeKm(refLatDeg);
    ConformalProjection scaled = new ConformalProjection(gamma, this.refLonDeg, 0, 0, unit.cosRot, unit.sinRot, gs);
    GridPoint p = scaled.toGrid(lat1Deg, lon1Deg);
    return new ConformalProjection(gamma, this.refLonDeg, x1 - p.x(), y1 - p.y(), unit.cosRot, unit.sinRot, gs);
  }

  /**
   * cmapf {@code EQVLAT}: the tangent latitude of the cone equivalent to a secant cone through two standard
   * parallels.
   */
  public static double equivalentLatitude(double lat1Deg, double lat2Deg) {
    double s1 = Math.sin(RAD * lat1Deg);
    double s2 = Math.sin(RAD * lat2Deg);
    double al1;
    double al2;
    if (Math.abs(s1 - s2) > 0.001) {
      al1 = Math.log((1 - s1) / (1 - s2));
      al2 = Math.log((1 + s1) / (1 + s2));
    } else {
      // Nearly equal parallels: series in tau avoids the 0/0.
      double tau = -(s1 - s2) / (2 - s1 - s2);
      tau *= tau;
      al1 = 2.0 / (2 - s1 - s2) * (1 + tau * (1.0 / 3 + tau * (1.0 / 5 + tau / 7)));
      tau = (s1 - s2) / (2 + s1 + s2);
      tau *= tau;
      al2 = -2.0 / (2 + s1 + s2) * (1 + tau * (1.0 / 3 + tau * (1.0 / 5 + tau / 7)));
    }
    return Math.asin((al1 + al2) / (al1 - al2)) / RAD;
  }

  /** The cone constant γ = sin(tangent latitude). */
  public double coneConstant() {
    return gamma;
  }

  @Override
  public GridPoint toGrid(double latDeg, double lonDeg) {
    double[] xe = canonical(latDeg, lonDeg);
    double f = EARTH_RADIUS_KM / gridSizeEqKm;
    return new GridPoint(
        x0 + f * (xe[0] * cosRot + xe[1] * sinRot), y0 + f * (xe[1] * cosRot - xe[0] * sinRot));
  }

  @Override
  public LatLon toLatLon(double x, double y) {
    double xi0 = (x - x0) * gridSizeEqKm / EARTH_RADIUS_KM;
    double eta0 = (y - y0) * gridSizeEqKm / EARTH_RADIUS_KM;
    double xi = xi0 * cosRot - eta0 * sinRot;
    double eta = eta0 * cosRot + xi0 * sinRot;
    return fromCanonical(xi, eta);
  }

  @Override
  public double gridSpacingXM(double x, double y) {
    return 1000.0 * gridSizeAtKm(x, y);
  }

  @Override
  public double gridSpacingYM(double x, double y) {
    return 1000.0 * gridSizeAtKm(x, y);
  }

  /** cmapf {@code CNLLXY}: latitude-longitude to canonical (ξ, η) on the unit sphere. */
  private double[] canonical(double latDeg, double lonDeg) {
    double dLon = RAD * span(lonDeg - refLonDeg, -180, 180);
    double gdLon = gamma * dLon;
    double sinTerm;
    double cosTerm;
    if (Math.abs(gdLon) < 0.01) {
      // Series for small γΔλ: Mercator and near-Mercator without cancellation.
      double g2 = gdLon * gdLon;
      sinTerm = dLon * (1 - g2 / 6 * (1 - g2 / 20 * (1 - g2 / 42)));
      cosTerm = dLon * dLon * 0.5 * (1 - g2 / 12 * (1 - g2 / 30 * (1 - g2 / 56)));
    } else {
      sinTerm = Math.sin(gdLon) / gamma;
      cosTerm = (1 - Math.cos(gdLon)) / gamma / gamma;
    }
    double sLat = Math.sin(RAD * latDeg);
    if (sLat >= ALMOST_ONE || sLat <= -ALMOST_ONE) {
      return new double[] {0.0, 1.0 / gamma};
    }
    double mercY = 0.5 * Math.log((1 + sLat) / (1 - sLat));
    double gMercY = gamma * mercY;
    double rho;
    if (Math.abs(gMercY) < 0.001) {
      rho = mercY * (1 - 0.5 * gMercY * (1 - gMercY / 3 * (1 - gMercY / 4)));
    } else {
      rho = (1 - Math.exp(-gMercY)) / gamma;
    }
    double eta = rho + (1 - gamma * rho) * gamma * cosTerm;
    double xi = (1 - gamma * rho) * sinTerm;
    return new double[] {xi, eta};
  }

  /** cmapf {@code CNXYLL} then {@code CSPANF}: canonical (ξ, η) to latitude-longitude. */
  private LatLon fromCanonical(double xi, double eta) {
    double cgEta = 1 - gamma * eta;
    double gXi = gamma * xi;
    double arg2 = eta + (eta * cgEta - gXi * xi);
    double arg1 = gamma * arg2;
    if (arg1 >= 1.0) {
      // At the pole; WMO convention puts north along the prime meridian.
      double lat = Math.copySign(90.0, gamma);
      return new LatLon(lat, span(90.0 + lat, -180, 180));
    }
    double mercY;
    if (Math.abs(arg1) < 0.01) {
      double t = arg1 / (2 - arg1);
      t *= t;
      mercY = arg2 / (2 - arg1) * (1 + t * (1.0 / 3 + t * (1.0 / 5 + t / 7)));
    } else {
      mercY = -Math.log(1 - arg1) / 2 / gamma;
    }
    double e = Math.exp(-Math.abs(mercY));
    double latRad = Math.copySign(Math.atan2((1 - e) * (1 + e), 2 * e), mercY);
    double along;
    if (Math.abs(gXi) < 0.01 * cgEta) {
      double t = gXi / cgEta;
      t *= t;
      along = xi / cgEta * (1 - t * (1.0 / 3 - t * (1.0 / 5 - t / 7)));
    } else {
      along = Math.atan2(gXi, cgEta) / gamma;
    }
    return new LatLon(latRad / RAD, span(refLonDeg + along / RAD, -180, 180));
  }

  /** cmapf {@code CGSZLL}: km per grid unit at a latitude. */
  double gridSizeAtLatitudeKm(double latDeg) {
    double mercY;
    if (latDeg > 89.985) {
      if (gamma > 0.9999) {
        return 2 * gridSizeEqKm;
      }
      double c = Math.cos(RAD * latDeg);
      if (c <= 0) {
        return 0;
      }
      mercY = -Math.log(c / (1 + Math.sin(RAD * latDeg)));
    } else if (latDeg < -89.985) {
      if (gamma < -0.9999) {
        return 2 * gridSizeEqKm;
      }
      double c = Math.cos(RAD * latDeg);
      if (c <= 0) {
        return 0;
      }
      mercY = Math.log(c / (1 - Math.sin(RAD * latDeg)));
    } else {
      double s = Math.sin(RAD * latDeg);
      mercY = Math.log((1 + s) / (1 - s)) / 2;
    }
    return gridSizeEqKm * Math.cos(RAD * latDeg) * Math.exp(gamma * mercY);
  }

  /** cmapf {@code CGSZXY}: km per grid unit at grid coordinates. */
  double gridSizeAtKm(double x, double y) {
    double xi0 = (x - x0) * gridSizeEqKm / EARTH_RADIUS_KM;
    double eta0 = (y - y0) * gridSizeEqKm / EARTH_RADIUS_KM;
    double xi = xi0 * cosRot - eta0 * sinRot;
    double eta = eta0 * cosRot + xi0 * sinRot;
    double radial = 2 * eta - gamma * (xi * xi + eta * eta);
    double ef = gamma * radial;
    if (ef > ALMOST_ONE) {
      return gamma > ALMOST_ONE ? 2 * gridSizeEqKm : 0;
    }
    double mercY;
    if (Math.abs(ef) < 1e-2) {
      double t = ef / (2 - ef);
      t *= t;
      mercY = radial / (2 - ef) * (1 + t * (1.0 / 3 + t * (1.0 / 5 + t / 7)));
    } else {
      mercY = -Math.log(1 - ef) / 2 / gamma;
    }
    double e = Math.exp(mercY);
    return 2 * gridSizeEqKm * Math.exp(gamma * mercY) / (e + 1 / e);
  }

  /** cmapf {@code CSPANF}: {@code value} shifted by whole periods into (begin, end]. */
  public static double span(double value, double begin, double end) {
    double range = end - begin;
    double v = (value - begin) % range;
    if (v <= 0) {
      v += range;
    }
    return v + begin;
  }

  @Override
  public String toString() {
    String kind = Math.abs(gamma) > 0.9999999 ? "polar stereographic" : gamma == 0 ? "Mercator" : "Lambert conformal";
    return String.format(
        "%s (cone constant %.6f, reference longitude %.4f)", kind, gamma, refLonDeg);
  }
}
