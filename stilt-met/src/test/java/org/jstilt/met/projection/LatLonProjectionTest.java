package org.jstilt.met.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatLonProjectionTest {
  private static final double KM_PER_DEG = 2 * Math.PI * 6371.2 / 360;

  @Test
  void regionalGridPositionsAndSpacing() {
    LatLonProjection p = new LatLonProjection(38.0, -115.0, 0.1, 0.1, 66, 56);
    assertThat(p.isGlobal()).isFalse();
    GridPoint g = p.toGrid(40.77, -111.85);
    assertThat(g.x()).isCloseTo(1 + 31.5, within(1e-9));
    assertThat(g.y()).isCloseTo(1 + 27.7, within(1e-9));
    LatLon ll = p.toLatLon(g.x(), g.y());
    assertThat(ll.latDeg()).isCloseTo(40.77, within(1e-12));
    assertThat(ll.lonDeg()).isCloseTo(-111.85, within(1e-12));
    assertThat(p.gridSpacingYM(1, 1)).isCloseTo(1000 * KM_PER_DEG * 0.1, within(1e-9));
    assertThat(p.gridSpacingXM(1, 28.7)).isCloseTo(1000 * KM_PER_DEG * 0.1 * Math.cos(Math.toRadians(40.77)), within(1e-6));
    // west of the grid is far east in HYSPLIT's eastward-modulo-360 convention: off the grid either way
    assertThat(p.toGrid(40, -115.5).x()).isGreaterThan(66);
    assertThat(p.wrap(new GridPoint(70, 3))).isEqualTo(new GridPoint(70, 3));
  }

  @Test
  void gridsAcrossTheAntimeridianAndThePrimeMeridian() {
    LatLonProjection pacific = new LatLonProjection(10, 170, 0.5, 0.5, 41, 21); // 170E .. 170W
    assertThat(pacific.toGrid(15, -175).x()).isCloseTo(31, within(1e-9));
    assertThat(pacific.toLatLon(31, 1).lonDeg()).isCloseTo(-175, within(1e-9));
    LatLonProjection europe = new LatLonProjection(40, -10, 0.25, 0.25, 81, 41); // 10W .. 10E
    assertThat(europe.toGrid(45, 5).x()).isCloseTo(61, within(1e-9));
    assertThat(europe.toGrid(45, 365).x()).isCloseTo(61, within(1e-9));
  }

  @Test
  void globalGridWrapsAndReflectsAtThePoles() {
    LatLonProjection gfs = new LatLonProjection(-90, 0, 0.25, 0.25, 1440, 721);
    assertThat(gfs.isGlobal()).isTrue();
    assertThat(gfs.spansPoles()).isTrue();
    assertThat(gfs.toGrid(0, -0.25).x()).isCloseTo(1440, within(1e-9));
    assertThat(gfs.toGrid(0, 359.75).x()).isCloseTo(1440, within(1e-9));
    assertThat(gfs.wrap(new GridPoint(1441.5, 10)).x()).isCloseTo(1.5, within(1e-12));
    assertThat(gfs.wrap(new GridPoint(0.5, 10)).x()).isCloseTo(1440.5, within(1e-12));
    assertThat(gfs.wrap(new GridPoint(5, 722)).y()).isCloseTo(720, within(1e-12));
    assertThat(gfs.wrap(new GridPoint(5, 0.5)).y()).isCloseTo(1.5, within(1e-12));
    // latitudes past a pole fold back (HYSPLIT GBL2XY)
    assertThat(gfs.toGrid(91, 10).y()).isCloseTo(gfs.toGrid(89, 10).y(), within(1e-9));
    for (double lat = -89.5; lat <= 89.5; lat += 7.3) {
      for (double lon = -179.9; lon <= 180; lon += 11.7) {
        GridPoint g = gfs.toGrid(lat, lon);
        LatLon back = gfs.toLatLon(g.x(), g.y());
        assertThat(back.latDeg()).isCloseTo(lat, within(1e-9));
        assertThat(back.lonDeg()).isCloseTo(lon, within(1e-9));
      }
    }
  }
}
