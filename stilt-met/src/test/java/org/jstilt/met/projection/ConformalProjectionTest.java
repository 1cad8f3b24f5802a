package org.jstilt.met.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * cmapf against closed-form spherical projections (Snyder, "Map Projections — A Working Manual", sphere
 * formulas) on the 6371.2 km sphere: grid offsets from the anchor point must equal the analytic plane
 * coordinates divided by the grid size.
 */
class ConformalProjectionTest {
  private static final double R = ConformalProjection.EARTH_RADIUS_KM;
  private static final double RAD = Math.PI / 180;

  private interface Plane {
    double[] xy(double latDeg, double lonDeg);
  }

  private static void assertMatches(MapProjection p, Plane plane, double sizeKm, double syncLat, double syncLon,
      double syncX, double syncY, double[][] points) {
    double[] s = plane.xy(syncLat, syncLon);
    for (double[] ll : points) {
      double[] q = plane.xy(ll[0], ll[1]);
      GridPoint g = p.toGrid(ll[0], ll[1]);
      assertThat(g.x()).as("x of %s,%s", ll[0], ll[1]).isCloseTo(syncX + (q[0] - s[0]) / sizeKm, within(1e-7));
      assertThat(g.y()).as("y of %s,%s", ll[0], ll[1]).isCloseTo(syncY + (q[1] - s[1]) / sizeKm, within(1e-7));
      LatLon back = p.toLatLon(g.x(), g.y());
      assertThat(back.latDeg()).isCloseTo(ll[0], within(1e-9));
      assertThat(back.lonDeg()).isCloseTo(ll[1], within(1e-9));
    }
  }

  @Test
  void northPolarStereographicTrueAt60() {
    double size = 47.625;
    double lambda0 = -105;
    ConformalProjection p = ConformalProjection.fromArl(60, lambda0, 90, 1, 1, 20.0, -130.0, size, 0);
    assertThat(p.coneConstant()).isEqualTo(1.0);
    double k0 = (1 + Math.sin(60 * RAD)) / 2;
    Plane ps = (lat, lon) -> {
      double rho = 2 * R * k0 * Math.tan(Math.PI / 4 - lat * RAD / 2);
      double d = (lon - lambda0) * RAD;
      return new double[] {rho * Math.sin(d), -rho * Math.cos(d)};
    };
    assertMatches(p, ps, size, 20.0, -130.0, 1, 1,
        new double[][] {{20, -130}, {45, -100}, {70, 10}, {55.5, 170}, {35, -60}, {85, -105}});
    // ground km per grid unit is the nominal size at 60N and shrinks toward the equator as (1+sin lat)/(1+sin 60)
    GridPoint at60 = p.toGrid(60, -90);
    assertThat(p.gridSpacingXM(at60.x(), at60.y())).isCloseTo(1000 * size, within(1e-6));
    GridPoint at30 = p.toGrid(30, -90);
    assertThat(p.gridSpacingXM(at30.x(), at30.y())).isCloseTo(1000 * size * (1 + Math.sin(30 * RAD)) / (1 + Math.sin(60 * RAD)), within(1e-6));
  }

  @Test
  void southPolarStereographic() {
    ConformalProjection p = ConformalProjection.fromArl(-71, 0, -90, 100, 100, -90, 0, 25, 0);
    assertThat(p.coneConstant()).isEqualTo(-1.0);
    LatLon pole = p.toLatLon(100, 100);
    assertThat(pole.latDeg()).isCloseTo(-90, within(1e-9));
    for (double[] ll : new double[][] {{-60, 30}, {-75, -120}, {-50, 179}}) {
      GridPoint g = p.toGrid(ll[0], ll[1]);
      LatLon back = p.toLatLon(g.x(), g.y());
      assertThat(back.latDeg()).isCloseTo(ll[0], within(1e-9));
      assertThat(back.lonDeg()).isCloseTo(ll[1], within(1e-9));
      // distance from the pole point follows the stereographic radius
      double k0 = (1 - Math.sin(-71 * RAD)) / 2;
      double rho = 2 * R * k0 * Math.tan(Math.PI / 4 + ll[0] * RAD / 2);
      assertThat(Math.hypot(g.x() - 100, g.y() - 100) * 25).isCloseTo(rho, within(1e-6));
    }
  }

  @Test
  void lambertConformalTangentAt25() {
    double phi0 = 25;
    double lambda0 = 265;
    double size = 12.19058;
    ConformalProjection p = ConformalProjection.fromArl(phi0, lambda0, phi0, 1, 1, 12.19, -133.459, size, 0);
    double n = Math.sin(phi0 * RAD);
    assertThat(p.coneConstant()).isCloseTo(n, within(1e-15));
    double f = Math.cos(phi0 * RAD) * Math.pow(Math.tan(Math.PI / 4 + phi0 * RAD / 2), n) / n;
    double rho0 = R * f / Math.pow(Math.tan(Math.PI / 4 + phi0 * RAD / 2), n);
    Plane lcc = (lat, lon) -> {
      double rho = R * f / Math.pow(Math.tan(Math.PI / 4 + lat * RAD / 2), n);
      double d = n * ConformalProjection.span(lon - lambda0, -180, 180) * RAD;
      return new double[] {rho * Math.sin(d), rho0 - rho * Math.cos(d)};
    };
    assertMatches(p, lcc, size, 12.19, -133.459, 1, 1,
        new double[][] {{12.19, -133.459}, {40.77, -111.85}, {25, -95}, {50, -60}, {5, -150}, {60, -140}});
    GridPoint g = p.toGrid(25, -60);
    assertThat(p.gridSpacingXM(g.x(), g.y())).isCloseTo(1000 * size, within(1e-6));
  }

  @Test
  void secantLambertUsesTheEquivalentTangentLatitude() {
    double p1 = 30;
    double p2 = 60;
    ConformalProjection p = ConformalProjection.fromArl(p1, -100, p2, 1, 1, 20, -120, 30, 0);
    double n = Math.log(Math.cos(p1 * RAD) / Math.cos(p2 * RAD))
        / Math.log(Math.tan(Math.PI / 4 + p2 * RAD / 2) / Math.tan(Math.PI / 4 + p1 * RAD / 2));
    assertThat(p.coneConstant()).isCloseTo(n, within(1e-12));
    // scale is true on both standard parallels
    GridPoint a = p.toGrid(30, -80);
    GridPoint b = p.toGrid(60, -130);
    assertThat(p.gridSpacingXM(a.x(), a.y())).isCloseTo(30_000, within(1e-6));
    assertThat(p.gridSpacingXM(b.x(), b.y())).isCloseTo(30_000, within(1e-5));
    assertThat(ConformalProjection.equivalentLatitude(38.5, 38.5)).isCloseTo(38.5, within(1e-12));
  }

  @Test
  void mercatorTrueAtTheEquator() {
    double size = 20;
    double lambda0 = 150;
    ConformalProjection p = ConformalProjection.fromArl(0, lambda0, 0, 1, 1, -10, 120, size, 0);
    assertThat(p.coneConstant()).isZero();
    Plane merc = (lat, lon) -> new double[] {
        R * ConformalProjection.span(lon - lambda0, -180, 180) * RAD, R * Math.log(Math.tan(Math.PI / 4 + lat * RAD / 2))};
    assertMatches(p, merc, size, -10, 120, 1, 1,
        new double[][] {{-10, 120}, {0, 150}, {20, 170}, {-30, 179.5}, {45, 100}});
    GridPoint g = p.toGrid(60, 150);
    assertThat(p.gridSpacingYM(g.x(), g.y())).isCloseTo(1000 * size * Math.cos(60 * RAD), within(1e-6));
  }

  @Test
  void orientationRotatesTheGridYAxisFromNorth() {
    ConformalProjection p = ConformalProjection.fromArl(40, -100, 40, 50, 50, 40, -100, 10, 30);
    GridPoint origin = p.toGrid(40, -100);
    assertThat(origin.x()).isCloseTo(50, within(1e-9));
    // moving along +y from the reference point heads 30 degrees east of north
    LatLon ahead = p.toLatLon(50, 50.001); // 10 m along +y
    double dNorth = (ahead.latDeg() - 40) * RAD * R;
    double dEast = (ahead.lonDeg() + 100) * RAD * R * Math.cos(40 * RAD);
    assertThat(Math.toDegrees(Math.atan2(dEast, dNorth))).isCloseTo(30, within(1e-4));
    assertThat(Math.hypot(dNorth, dEast)).isCloseTo(0.01, within(1e-8));
  }

  @Test
  void spanMapsIntoHalfOpenInterval() {
    assertThat(ConformalProjection.span(-180, -180, 180)).isEqualTo(180);
    assertThat(ConformalProjection.span(262.5, -180, 180)).isEqualTo(-97.5);
    assertThat(ConformalProjection.span(-540.25, -180, 180)).isEqualTo(179.75);
  }
}
