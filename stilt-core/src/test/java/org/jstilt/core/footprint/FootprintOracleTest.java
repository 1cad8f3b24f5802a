package org.jstilt.core.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleEnsemble;
import org.junit.jupiter.api.Test;

/**
 * Analytic oracles for the footprint (FOOTPRINT.md §6): each test states what the answer must be from
 * first principles and R's documented rules, independently of R itself.
 */
class FootprintOracleTest {
  static final Instant T0 = Instant.parse("2019-05-30T12:00:00Z");

  static RandomGenerator rng(long seed) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  /** R's buffered breakpoint search, rewritten from the spec: 0-based output cell of {@code x}. */
  static int rCell(double x, double min, double res, int buf) {
    double from = min - buf * res;
    int count = 0;
    for (int i = 0; i < 100_000; i++) {
      if (from + i * res <= x) {
        count = i + 1;
      } else {
        break;
      }
    }
    return count - 1 - buf;
  }

  /** σ = 0.06 · (var x + var y)^¼ · √|rtime/1440| / cos(mean y), plain two-pass doubles. */
  static double bandwidth(double[] x, double[] y, double rtimeMin, double smooth) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double vx = 0;
    double vy = 0;
    for (int i = 0; i < x.length; i++) {
      vx += (x[i] - mx) * (x[i] - mx);
      vy += (y[i] - my) * (y[i] - my);
    }
    vx /= x.length - 1;
    vy /= y.length - 1;
    return smooth * 0.06 * Math.pow(vx + vy, 0.25) * Math.sqrt(Math.abs(rtimeMin / 1440)) / Math.cos(my * Math.PI / 180);
  }

  @Test
  void pureBinningIsAMassIdentity() {
    RandomGenerator r = rng(1);
    Table t = new Table();
    int np = 20;
    double[] lon = new double[np];
    double[] lat = new double[np];
    for (int p = 0; p < np; p++) {
      lon[p] = -112 + 0.05 * r.nextGaussian();
      lat[p] = 40.5 + 0.05 * r.nextGaussian();
      t.add(0, p + 1, lon[p], lat[p], 0).add(-1, p + 1, lon[p], lat[p], 0).add(-61, p + 1, lon[p], lat[p], 1e-4);
    }
    GridSpec g = GridSpec.longLat(-112.5, -111.5, 40, 41, 0.1);
    FootprintResult res = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(g).withSmoothFactor(0), T0);
    FootprintGrid f = res.grid();
    assertThat(f.nx()).isEqualTo(10);
    assertThat(f.ny()).isEqualTo(10);
    assertThat(f.times()).containsExactly(T0.minusSeconds(7200)); // layer floor(-61/60) = -2 only
    double[] expected = new double[100];
    for (int p = 0; p < np; p++) {
      int i = rCell(lon[p], -112.5, 0.1, 1);
      int j = rCell(lat[p], 40, 0.1, 1);
      if (i >= 0 && i < 10 && j >= 0 && j < 10) {
        expected[j * 10 + i] += 1e-4;
      }
    }
    double total = 0;
    for (int c = 0; c < 100; c++) {
      assertThat(f.layer(0)[c]).isCloseTo(expected[c] / np, within(1e-18));
      total += expected[c];
    }
    assertThat(f.total()).isCloseTo(total / np, within(1e-16));
    assertThat(res.particleCount()).isEqualTo(np);
    assertThat(res.densified()).isFalse();
  }

  /** Vector 2 of FOOTPRINT.md §6: one particle's mass spread by one normalised Gaussian kernel. */
  @Test
  void oneParticleGivesOneNormalisedGaussian() {
    RandomGenerator r = rng(2);
    int np = 50;
    Table t = new Table();
    double[] x = new double[np];
    double[] y = new double[np];
    for (int p = 0; p < np; p++) {
      x[p] = p == 0 ? -112.0047 : -112 + 0.1 * r.nextGaussian();
      y[p] = p == 0 ? 40.5047 : 40.5 + 0.1 * r.nextGaussian();
      t.add(0, p + 1, -112, 40.5, 0).add(-1, p + 1, -112, 40.5, 0).add(-1440, p + 1, x[p], y[p], p == 0 ? 1 : 0);
    }
    double sigma = bandwidth(x, y, -1440, 1);
    GridSpec g = GridSpec.longLat(-113, -111, 39.5, 41.5, 0.01);
    FootprintGrid f = FootprintCalculator.compute(t.build(), FootprintOptions.of(g).withTimeIntegrate(true), T0);

    assertThat(f.total()).isCloseTo(1.0 / np, within(1e-12 / np));
    int i0 = rCell(-112.0047, -113, 0.01, 0) ;
    int j0 = rCell(40.5047, 39.5, 0.01, 0);
    assertThat(f.xCentres()[i0]).isCloseTo(-112.005, within(1e-9));
    assertThat(f.yCentres()[j0]).isCloseTo(40.505, within(1e-9));
    int h = (int) Math.floor(3 * sigma / 0.01);
    assertThat(f.nonZeroCount()).isEqualTo((long) (2 * h + 1) * (2 * h + 1));
    double peak = f.value(0, j0, i0);
    for (int a = -h; a <= h; a++) {
      double ratio = Math.exp(-(a * 0.01) * (a * 0.01) / (2 * sigma * sigma));
      assertThat(f.value(0, j0, i0 + a) / peak).isCloseTo(ratio, within(1e-12));
      assertThat(f.value(0, j0 + a, i0) / peak).isCloseTo(ratio, within(1e-12));
      for (int b = -h; b <= h; b++) {
        assertThat(f.value(0, j0 + b, i0 + a)).isEqualTo(f.value(0, j0 - b, i0 - a)); // symmetric
      }
    }
    assertThat(f.value(0, j0, i0 + h + 1)).isZero();
  }

  @Test
  void fencepostsFollowRsHalfOpenBinsAndFilterBounds() {
    double xmn = -112.3;
    double xmx = -111.7;
    double ymn = 40.2;
    double ymx = 40.8;
    double res = 0.1;
    double xmid = -112.05;
    double ymid = 40.45;
    double[][] points = {
      {xmn, ymid}, {xmx, ymid}, {xmn - 1e-9, ymid},
      {xmid, ymn}, {xmid, ymx}, {xmid, ymn - 1e-9},
      {xmn + 1 * res, ymid}, {xmn + 2 * res, ymid}, {xmn + 3 * res, ymid}, {xmn + 4 * res, ymid}, {xmn + 5 * res, ymid},
      {xmid, ymn + 1 * res}, {xmid, ymn + 2 * res}, {xmid, ymn + 3 * res}, {xmid, ymn + 4 * res}, {xmid, ymn + 5 * res},
    };
    Table t = new Table();
    for (int p = 0; p < points.length; p++) {
      double foot = Math.scalb(1.0, -p); // distinct powers of two: every sum is exact and identifiable
      t.add(-1, p, points[p][0], points[p][1], 0).add(-2, p, points[p][0], points[p][1], foot);
    }
    GridSpec g = GridSpec.longLat(xmn, xmx, ymn, ymx, res);
    FootprintGrid f = FootprintCalculator.compute(t.build(), FootprintOptions.of(g).withSmoothFactor(0).withTimeIntegrate(true), T0);
    double[] expected = new double[36];
    for (int p = 0; p < points.length; p++) {
      double px = points[p][0];
      double py = points[p][1];
      if (px >= xmn && px < xmx && py >= ymn && py < ymx) { // filter with xbufh = 0: upper bound xmx itself
        expected[rCell(py, ymn, res, 1) * 6 + rCell(px, xmn, res, 1)] += Math.scalb(1.0, -p);
      }
    }
    int np = points.length;
    for (int c = 0; c < 36; c++) {
      assertThat(f.layer(0)[c]).as("cell %d", c).isEqualTo(expected[c] / np);
    }
    // xmn lands in the first column; xmx and xmn - 1e-9 contribute nothing.
    assertThat(f.value(0, rCell(ymid, ymn, res, 1), 0)).isGreaterThanOrEqualTo(1.0 / np);
    double sum = 0;
    for (double v : expected) {
      sum += v;
    }
    assertThat(sum).isEqualTo(totalFoot(points.length) - (Math.scalb(1.0, -1) + Math.scalb(1.0, -2) + Math.scalb(1.0, -4) + Math.scalb(1.0, -5)));
  }

  private static double totalFoot(int n) {
    double s = 0;
    for (int p = 0; p < n; p++) {
      s += Math.scalb(1.0, -p);
    }
    return s;
  }

  @Test
  void cellCountsUseRsFuzzAndDropPartialCells() {
    FootprintGrid a = FootprintCalculator.compute(Table.empty(), FootprintOptions.of(GridSpec.longLat(-180, -179.9, 39, 40, 0.01)), T0);
    assertThat(a.nx()).isEqualTo(10);
    FootprintGrid b =
        FootprintCalculator.compute(
            Table.empty(), FootprintOptions.of(new GridSpec(-114, -113, 39, 40, 0.3, 0.4, GridSpec.LONGLAT)), T0);
    assertThat(b.xCentres()).containsExactly(new double[] {-113.85, -113.55, -113.25}, within(1e-12));
    assertThat(b.yCentres()).containsExactly(new double[] {39.2, 39.6}, within(1e-12));
  }

  @Test
  void hourLayersComeFromTimeAndAreLabelledByTheirEarlierEdge() {
    double[] times = {0, -1, -60, -61, -120, -121};
    double[] foot = {0, 1, 2, 4, 8, 16};
    Table t = new Table();
    for (int p = 1; p <= 2; p++) {
      for (int k = 0; k < times.length; k++) {
        t.add(times[k], p, -112 + 0.001 * p, 40.5, foot[k] * p);
      }
    }
    GridSpec g = GridSpec.longLat(-112.5, -111.5, 40, 41, 0.1);
    ParticleEnsemble pe = t.build();
    FootprintGrid hourly = FootprintCalculator.compute(pe, FootprintOptions.of(g).withSmoothFactor(0), T0);
    assertThat(hourly.times()).containsExactly(T0.minusSeconds(3 * 3600), T0.minusSeconds(2 * 3600), T0.minusSeconds(3600));
    assertThat(hourly.total()).isEqualTo((1 + 2 + 4 + 8 + 16) * 3 / 2.0);
    assertThat(sum(hourly.layer(2))).isEqualTo((1 + 2) * 3 / 2.0); // -1, -60
    assertThat(sum(hourly.layer(1))).isEqualTo((4 + 8) * 3 / 2.0); // -61, -120
    assertThat(sum(hourly.layer(0))).isEqualTo(16 * 3 / 2.0); // -121
    FootprintGrid integrated =
        FootprintCalculator.compute(pe, FootprintOptions.of(g).withSmoothFactor(0).withTimeIntegrate(true), T0);
    assertThat(integrated.times()).containsExactly(T0);
    double[] s = integrated.layer(0);
    for (int c = 0; c < s.length; c++) {
      assertThat(s[c]).isEqualTo(hourly.layer(0)[c] + hourly.layer(1)[c] + hourly.layer(2)[c]);
    }
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  @Test
  void aStepWhoseRtimeIsMissingUsesTheNearestKernelWithTiesToTheLowerRtime() {
    RandomGenerator r = rng(7);
    int others = 12;
    Table t = new Table();
    double[] gx = new double[others];
    double[] gy = new double[others];
    for (int p = 0; p < others; p++) {
      gx[p] = -112 + 0.2 * r.nextGaussian();
      gy[p] = 40.5 + 0.2 * r.nextGaussian();
      for (int k = 1; k <= 4; k++) {
        t.add(-k, p + 1, gx[p], gy[p], 0); // rtimes 0, -1, -2, -3
      }
    }
    // The probe's times -1, -2, -3.5 give rtimes 0, -1, -2.5: -2.5 has one row, so it is not in the kernel
    // table, and -2.5 is exactly midway between -3 and -2: R takes the lower, -3.
    double px = -111.98765;
    double py = 40.51234;
    t.add(-1, 99, px, py, 0).add(-2, 99, px, py, 0).add(-3.5, 99, px, py, 1);
    double res = 0.0005;
    GridSpec g = GridSpec.longLat(-112.05, -111.95, 40.45, 40.55, res);
    FootprintGrid f = FootprintCalculator.compute(t.build(), FootprintOptions.of(g).withTimeIntegrate(true), T0);
    double sigma3 = bandwidth(gx, gy, -3, 1);
    double sigma2 = bandwidth(gx, gy, -2, 1);
    int h3 = (int) Math.floor(3 * sigma3 / res);
    assertThat(h3).isGreaterThan((int) Math.floor(3 * sigma2 / res)); // the two candidates differ
    assertThat(f.nonZeroCount()).isEqualTo((long) (2 * h3 + 1) * (2 * h3 + 1));
    int np = others + 1;
    assertThat(f.total()).isCloseTo(1.0 / np, within(1e-12 / np));
    // The peak is the probe's cell; the profile follows sigma(-3).
    int i0 = rCell(px, -112.05, res, 0);
    int j0 = rCell(py, 40.45, res, 0);
    double peak = f.value(0, j0, i0);
    for (int a = 1; a <= h3; a++) {
      double ratio = Math.exp(-(a * res) * (a * res) / (2 * sigma3 * sigma3));
      assertThat(f.value(0, j0, i0 + a) / peak).isCloseTo(ratio, within(1e-9));
    }
  }

  @Test
  void kernelsAreTrimmedAtTheEdgeAndBufferParticlesReachIn() {
    RandomGenerator r = rng(8);
    int np = 50;
    double xmn = -112.4;
    double[] x = new double[np];
    double[] y = new double[np];
    Table t = new Table();
    for (int p = 0; p < np; p++) {
      x[p] = -112 + 0.1 * r.nextGaussian();
      y[p] = 40.5 + 0.1 * r.nextGaussian();
    }
    x[0] = xmn + 0.0213; // inside, near the west edge
    y[0] = 40.5;
    x[1] = xmn - 0.0213; // outside, in the kernel buffer
    y[1] = 40.5;
    for (int p = 0; p < np; p++) {
      t.add(0, p, -112, 40.5, 0).add(-1, p, -112, 40.5, 0).add(-1440, p, x[p], y[p], p < 2 ? 1 : 0);
    }
    double res = 0.01;
    double sigma = bandwidth(x, y, -1440, 1);
    int h = (int) Math.floor(3 * sigma / res);
    assertThat(h).isGreaterThan(3);
    GridSpec g = GridSpec.longLat(xmn, -111.6, 40.1, 40.9, res);
    FootprintGrid f = FootprintCalculator.compute(t.build(), FootprintOptions.of(g).withTimeIntegrate(true), T0);
    double[] w = new double[2 * h + 1];
    double ws = 0;
    for (int a = -h; a <= h; a++) {
      w[a + h] = Math.exp(-(a * res) * (a * res) / (2 * sigma * sigma));
      ws += w[a + h];
    }
    double expected = 0;
    int buf = 2 * h + 1;
    for (int p = 0; p < 2; p++) {
      int ci = rCell(x[p], xmn, res, buf);
      double inside = 0;
      for (int a = -h; a <= h; a++) {
        if (ci + a >= 0 && ci + a < f.nx()) {
          inside += w[a + h] / ws;
        }
      }
      if (p == 1) {
        assertThat(inside).isPositive();
      }
      expected += inside; // the whole y extent of the kernel is inside
    }
    assertThat(f.total()).isCloseTo(expected / np, within(1e-12 / np));
    assertThat(f.total()).isLessThan(2.0 / np);
  }

  @Test
  void dateline() {
    RandomGenerator r = rng(9);
    Table t = new Table();
    int np = 30;
    for (int p = 0; p < np; p++) {
      double lon0 = 179.6 + 0.2 * r.nextDouble();
      double lat0 = 50.5 + 0.2 * r.nextGaussian();
      for (int k = 1; k <= 30; k++) {
        double lon = lon0 + 0.03 * k; // crosses +180 into -180
        if (lon >= 180) {
          lon -= 360;
        }
        t.add(-k, p, lon, lat0, 0);
      }
    }
    t.add(-1, 1000, -179.473, 50.5, 1).add(-2, 1000, -179.473, 50.5, 0);
    t.add(-1, 1001, 179.527, 50.5, 2).add(-2, 1001, 179.527, 50.5, 0);
    GridSpec g = GridSpec.longLat(179, -178.5, 50, 51.5, 0.01);
    FootprintResult res =
        FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(g).withSmoothFactor(0).withTimeIntegrate(true), T0);
    FootprintGrid f = res.grid();
    assertThat(f.nx()).isEqualTo(250);
    assertThat(f.ny()).isEqualTo(150);
    assertThat(f.xCentres()[0]).isCloseTo(179.005, within(1e-9));
    assertThat(f.xCentres()[249]).isCloseTo(181.495, within(1e-9));
    int j = rCell(50.5, 50, 0.01, 1);
    int np2 = np + 2;
    assertThat(f.value(0, j, 152)).isEqualTo(1.0 / np2); // -179.473 -> 180.527
    assertThat(f.xCentres()[152]).isCloseTo(180.525, within(1e-9));
    assertThat(f.value(0, j, 52)).isEqualTo(2.0 / np2);
    assertThat(f.total()).isEqualTo(3.0 / np2);
  }

  @Test
  void globalGridIsNotWrappedAndKernelsDoNotWrapAround() {
    FootprintGrid e = FootprintCalculator.compute(Table.empty(), FootprintOptions.of(GridSpec.longLat(-180, 180, -90, 90, 1)), T0);
    assertThat(e.nx()).isEqualTo(360);
    assertThat(e.ny()).isEqualTo(180);
    assertThat(e.xCentres()[0]).isEqualTo(-179.5);
    assertThat(e.xCentres()[359]).isEqualTo(179.5);
    // 0..360 is also "global": bounds become -180..180 and particles keep their longitudes.
    Table t = new Table();
    t.add(-1, 1, -179.5, 10.5, 1).add(-2, 1, -179.5, 10.5, 0).add(-1, 2, 179.5, 10.5, 2).add(-2, 2, 179.5, 10.5, 0);
    FootprintGrid f = FootprintCalculator.compute(t.build(), FootprintOptions.of(GridSpec.longLat(0, 360, -90, 90, 1)).withSmoothFactor(0), T0);
    assertThat(f.xCentres()[0]).isEqualTo(-179.5);
    assertThat(f.value(0, 100, 0)).isEqualTo(0.5);
    assertThat(f.value(0, 100, 359)).isEqualTo(1.0);
  }

  @Test
  void unequalResolutionsSpreadTheKernelCorrectlyAndConserveMass() {
    RandomGenerator r = rng(10);
    int np = 50;
    Table t = new Table();
    double[] x = new double[np];
    double[] y = new double[np];
    for (int p = 0; p < np; p++) {
      x[p] = p == 0 ? -112.0047 : -112 + 0.1 * r.nextGaussian();
      y[p] = p == 0 ? 40.5047 : 40.5 + 0.1 * r.nextGaussian();
      t.add(0, p, -112, 40.5, 0).add(-1, p, -112, 40.5, 0).add(-1440, p, x[p], y[p], p == 0 ? 1 : 0);
    }
    double sigma = bandwidth(x, y, -1440, 1);
    GridSpec g = new GridSpec(-113, -111, 39.5, 41.5, 0.01, 0.02, GridSpec.LONGLAT);
    FootprintResult res = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(g).withTimeIntegrate(true), T0);
    FootprintGrid f = res.grid();
    assertThat(res.divergences()).contains(RDivergence.ANISOTROPIC_KERNEL);
    assertThat(f.total()).isCloseTo(1.0 / np, within(1e-12 / np)); // R keeps 0.55 of it here
    int hx = (int) Math.floor(3 * sigma / 0.01);
    int hy = (int) Math.floor(3 * sigma / 0.02);
    assertThat(f.nonZeroCount()).isEqualTo((long) (2 * hx + 1) * (2 * hy + 1));
    int i0 = rCell(x[0], -113, 0.01, 0);
    int j0 = rCell(y[0], 39.5, 0.02, 0);
    double peak = f.value(0, j0, i0);
    for (int a = -hx; a <= hx; a++) {
      assertThat(f.value(0, j0, i0 + a) / peak).isCloseTo(Math.exp(-(a * 0.01) * (a * 0.01) / (2 * sigma * sigma)), within(1e-12));
    }
    for (int b = -hy; b <= hy; b++) {
      assertThat(f.value(0, j0 + b, i0) / peak).isCloseTo(Math.exp(-(b * 0.02) * (b * 0.02) / (2 * sigma * sigma)), within(1e-12));
    }
  }

  @Test
  void projectedGridsProjectParticlesAndCornersOnProj4sDefaultSphere() {
    // No datum or ellipsoid named: proj4 (and so R-STILT) uses PROJ's sphere, R = 6370997 m. On the
    // central meridian transverse Mercator is y = k0 · R · latitude.
    Projector sphere = Projector.of("+proj=tmerc +lon_0=-111 +k=0.9996 +x_0=500000 +units=m");
    double[] p = sphere.project(-111, 40);
    assertThat(p[0]).isCloseTo(500000, within(1e-6));
    assertThat(p[1]).isCloseTo(0.9996 * 6370997 * Math.toRadians(40), within(1e-6));
    assertThat(Projector.of("+proj=tmerc +lon_0=-111 +k=0.9996 +x_0=500000 +ellps=sphere").project(-111, 40)[1])
        .isCloseTo(0.9996 * 6370997 * Math.toRadians(40), within(1e-6));
    assertThat(Projector.of("+proj=tmerc +lon_0=-111 +k=0.9996 +x_0=500000 +R=6000000").project(-111, 40)[1])
        .isCloseTo(0.9996 * 6000000 * Math.toRadians(40), within(1e-6));
    // Mercator on the sphere: x = R · lon.
    assertThat(Projector.of("+proj=merc").project(-111, 40)[0]).isCloseTo(6370997 * Math.toRadians(-111), within(1e-6));
    Projector wgs = Projector.of("+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs");
    assertThat(wgs.project(-111, 40)[1]).isCloseTo(4427757.2, within(1.0)); // published UTM northing
    assertThat(Projector.effectiveDefinition("+proj=utm +zone=12")).endsWith(Projector.PROJ_SPHERE);
    assertThat(Projector.effectiveDefinition("+proj=utm +zone=12 +datum=WGS84")).isEqualTo("+proj=utm +zone=12 +datum=WGS84");
    // UTM on a sphere: PROJ refuses, so do we (proj4j would silently return y = 0).
    assertThatThrownBy(() -> Projector.of("+proj=utm +zone=12"))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("+datum=WGS84");

    String proj = "+proj=utm +zone=12 +datum=WGS84 +units=m +no_defs";
    GridSpec g = new GridSpec(-112, -111, 40, 41, 1000, 1000, proj);
    RandomGenerator r = rng(12);
    Table t = new Table();
    double[][] xy = new double[40][];
    for (int q = 0; q < 40; q++) {
      double lon = -111.5 + 0.1 * r.nextGaussian();
      double lat = 40.5 + 0.1 * r.nextGaussian();
      xy[q] = wgs.project(lon, lat);
      t.add(-1, q, lon, lat, 0).add(-2, q, lon, lat, 0.5).add(-3, q, lon + 0.3, lat, 0);
    }
    FootprintResult res = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(g), T0);
    FootprintGrid f = res.grid();
    assertThat(res.densified()).isFalse(); // degree displacements never exceed 1000 "units"
    double[] ll = wgs.project(-112, 40);
    double[] ur = wgs.project(-111, 41);
    double xmn = Math.min(ll[0], ur[0]);
    double ymn = Math.min(ll[1], ur[1]);
    assertThat(f.xCentres()[0]).isCloseTo(xmn + 500, within(1e-6));
    assertThat(f.yCentres()[0]).isCloseTo(ymn + 500, within(1e-6));
    assertThat(f.nx()).isEqualTo((int) ((Math.max(ll[0], ur[0]) - xmn) / 1000 + 1e-10));
    // Bandwidths in metres are far below a 1000 m cell: effectively pure binning.
    double[] expected = new double[f.nx() * f.ny()];
    for (double[] c : xy) {
      int i = rCell(c[0], xmn, 1000, 1);
      int j = rCell(c[1], ymn, 1000, 1);
      expected[j * f.nx() + i] += 0.5;
    }
    for (int c = 0; c < expected.length; c++) {
      assertThat(f.layer(0)[c]).isCloseTo(expected[c] / 40, within(1e-15));
    }
  }
}
