package org.jstilt.transport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.met.MetDataset;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.ParticleSink;
import org.jstilt.transport.StepRows;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.jstilt.transport.met.GridGeometry;
import org.jstilt.transport.met.InternalLevels;
import org.jstilt.transport.met.MetPeriod;
import org.jstilt.transport.met.MetPeriodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier T4: particles released uniformly in air mass within a steady convective mixed layer stay uniform in
 * air mass (Thomson's well-mixed condition), tested hourly by χ² over the internal layers below zi.
 */
class WellMixedTest {
  static final double ZI = 1000.0;

  @TempDir Path dir;

  @Test
  void uniformInMassStaysUniform() {
    ConvectiveAfternoon afternoon = ConvectiveAfternoon.write(dir);
    Instant start = afternoon.start();
    List<Path> files = afternoon.files();
    double lat = afternoon.lat();
    double lon = afternoon.lon();
    // constant zi (KMIXD >= 10) so the layer stays put; isosigma so only turbulence moves particles vertically
    TransportParams prm = new TransportParams(150, (int) ZI, 0.5, 0.1, 10800, 1, true, 25000, 4, List.of(), null, null, 0);
    int n = 6000;
    InternalLevels lev = InternalLevels.standard(25000);
    final double[] layerTop;
    final double[] layerMass;
    try (MetDataset met = MetDataset.open(files)) {
      MetPeriod mp = new MetPeriodBuilder(met, lev, new GridGeometry(met.projection(), met.grid().nx(), met.grid().ny()),
          (int) ZI, 150, 4).build(0, 1.0);
      int c = mp.column(mp.nx / 2, mp.ny / 2);
      double zsfc = mp.zsfc[c];
      assertThat(mp.wstar[c]).as("the synthetic afternoon is convective").isGreaterThan(0.5);
      // layers of the scheme: [ground, z2] with ρ(1), then [zk, zk+1] with ρ(k), up to zi
      int top = 2;
      while (lev.heightAgl(top + 1, zsfc) < ZI) {
        top++;
      }
      layerTop = new double[top];
      layerMass = new double[top];
      double below = 0;
      for (int i = 0; i < top; i++) {
        int k = i + 1;
        double zt = i == top - 1 ? ZI : lev.heightAgl(k + 1, zsfc);
        layerTop[i] = zt;
        layerMass[i] = mp.dens[c * mp.nLevels + k - 1] * (zt - below);
        below = zt;
      }
    }
    double sum = 0;
    for (double m : layerMass) {
      sum += m;
    }
    final double total = sum;
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    double[] z0 = new double[n];
    for (int p = 0; p < n; p++) {
      double u = rng.nextDouble() * total;
      int i = 0;
      while (u > layerMass[i]) {
        u -= layerMass[i];
        i++;
      }
      double bot = i == 0 ? 0 : layerTop[i - 1];
      z0[p] = bot + (layerTop[i] - bot) * u / layerMass[i];
    }
    TransportRequest req = new TransportRequest(new PointReceptor(start.plusSeconds(3600), lon, lat, 10, AltitudeReference.AGL),
        2, n, List.of("time", "indx", "zagl"), prm, files, 11, 2);
    double[] p = new double[2];
    double[] worst = {1.0};
    new NativeTransportEngine().run(req, new ParticleSink() {
      @Override
      public void step(StepRows rows) {
        if (rows.timeMin() % 60 != 0) {
          return;
        }
        double[] z = rows.columns()[2];
        long[] count = new long[layerTop.length];
        int inside = 0;
        for (int r = 0; r < rows.rows(); r++) {
          for (int i = 0; i < layerTop.length; i++) {
            if (z[r] <= layerTop[i]) {
              count[i]++;
              inside++;
              break;
            }
          }
        }
        double chi2 = 0;
        for (int i = 0; i < count.length; i++) {
          double e = inside * layerMass[i] / total;
          chi2 += (count[i] - e) * (count[i] - e) / e;
        }
        double pv = ChiSquare.pValue(chi2, count.length - 1);
        System.out.printf("T4 hour %.0f: %d of %d particles below zi, chi2 %.2f (dof %d), p = %.4f%n",
            rows.timeMin() / 60, inside, rows.rows(), chi2, count.length - 1, pv);
        worst[0] = Math.min(worst[0], pv);
      }
    }, z0);
    assertThat(worst[0]).as("smallest hourly chi-square p-value").isGreaterThan(0.01);
  }

  @Test
  void chiSquareTailMatchesKnownValues() {
    // χ²(1) at 3.841 and χ²(10) at 18.307 are the 5 % points
    assertThat(ChiSquare.pValue(3.841, 1)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(2e-4));
    assertThat(ChiSquare.pValue(18.307, 10)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(2e-4));
  }
}
