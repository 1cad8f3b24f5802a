package org.jstilt.transport.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.jstilt.transport.met.InternalLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WINDERR and ZIERR (TRANSPORT.md §5.8) against their own statistics: the error profiles' variance and vertical and
 * temporal correlations, the position spread they cause (the integrated AR(1) process), and the foot weights of
 * ZIERR on unchanged trajectories.
 */
class TransportErrorsTest {
  @TempDir Path dir;

  private static final InternalLevels LEV = InternalLevels.standard(25000);

  @Test
  void profilesHaveUnitVarianceAndTheStatedCorrelations() {
    int n = 40_000;
    double zcor = 300.0;
    WindErrorProfiles w = new WindErrorProfiles(n, LEV, new TransportParams.WindError(1.0, 30, zcor, 50));
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
    int nl = LEV.count();
    double[] before = new double[nl + 1];
    double[] after = new double[nl + 1];
    double[] dummy = new double[nl + 1];
    double r = 0.8;
    double s11 = 0;
    double s44 = 0;
    double s14 = 0;
    double sLag = 0;
    double sBefore = 0;
    for (int p = 0; p < n; p++) {
      w.start(p, rng);
      w.advance(p, 1.0, rng, 1.0, 1.0, before, dummy); // r = 1: a copy of the start profile
      w.advance(p, r, rng, 1.0, 1.0, after, dummy);
      s11 += after[1] * after[1];
      s44 += after[4] * after[4];
      s14 += after[1] * after[4];
      sLag += before[2] * after[2];
      sBefore += before[2] * before[2];
    }
    double expected14 = Math.exp(-(LEV.height(4) - LEV.height(1)) / zcor);
    // sampling error of a variance or correlation from 40 000 pairs is ≈ 0.007
    assertThat(s11 / n).as("variance at level 1").isCloseTo(1.0, offset(0.03));
    assertThat(s44 / n).as("variance at level 4").isCloseTo(1.0, offset(0.03));
    assertThat(sBefore / n).as("variance of the start profile").isCloseTo(1.0, offset(0.03));
    assertThat(s14 / n).as("correlation of levels 1 and 4 = exp(-dz/ZCORLEN)").isCloseTo(expected14, offset(0.03));
    assertThat(sLag / n).as("correlation across one stage = r").isCloseTo(r, offset(0.03));
  }

  @Test
  void windErrorSpreadsParticlesAsTheIntegratedAr1Process() {
    Instant start = Instant.parse("2019-06-01T12:00:00Z");
    SyntheticMetSpec spec = SyntheticMetSpec.builder().start(start).hours(4).fileHours(4).wind(5.0, 270).build();
    List<Path> files = SyntheticMet.write(spec, dir);
    double sigma = 1.0;
    double tau = 30.0;
    double zcor = 500.0;
    // turbulence off and isosigma: only the wind error separates the particles; the path correlation is switched
    // off by a huge length, so the error is an AR(1) process in time with r = exp(-1/τ)
    TransportParams prm = new TransportParams(150, 3, 0.5, 0.1, 10800, 1, false, 25000, 4, List.of(),
        new TransportParams.WindError(sigma, tau, zcor, 1e12), null, 0);
    int n = 3000;
    int minutes = 120;
    double lat = (spec.southDeg() + spec.northDeg()) / 2;
    double lon = (spec.westDeg() + spec.eastDeg()) / 2;
    TransportRequest req = new TransportRequest(new PointReceptor(start.plusSeconds(3 * 3600), lon, lat, 100,
        AltitudeReference.AGL), -2, n, List.of("time", "indx", "long", "lati", "zagl"), prm, files, 5, 2);
    ParticleEnsemble e = new NativeTransportEngine().runToEnsemble(req);
    double[] t = e.column("time");
    double[] x = e.column("long");
    double[] y = e.column("lati");
    double[] z = e.column("zagl");
    double sx = 0;
    double sxx = 0;
    double sy = 0;
    double syy = 0;
    int m = 0;
    double zAgl = Double.NaN;
    for (int i = 0; i < e.size(); i++) {
      if (t[i] == -minutes) {
        sx += x[i];
        sxx += x[i] * x[i];
        sy += y[i];
        syy += y[i] * y[i];
        zAgl = z[i];
        m++;
      }
    }
    assertThat(m).as("every particle reaches the end").isEqualTo(n);
    double mx = sx / m;
    double my = sy / m;
    double sdLonM = Math.sqrt(sxx / m - mx * mx) * 111_320.0 * Math.cos(Math.toRadians(my));
    double sdLatM = Math.sqrt(syy / m - my * my) * 111_320.0;

    // oracle: at a fixed fractional level zx between k and k+1 the error is (1-f)·e_k + f·e_k+1, variance
    // (1-f)² + f² + 2f(1-f)·exp(-Δz/ZCORLEN); per minute the displacement is σ·60 m times that AR(1) error
    double sig = 1.0 - zAgl / 25000.0; // flat synthetic terrain at 0 m
    double zx = LEV.fractionalIndex(sig);
    int k = (int) zx;
    double f = zx - k;
    double rz = Math.exp(-(LEV.height(k + 1) - LEV.height(k)) / zcor);
    double levelVar = (1 - f) * (1 - f) + f * f + 2 * f * (1 - f) * rz;
    double r = Math.exp(-1.0 / tau);
    double sum = minutes;
    for (int lag = 1; lag < minutes; lag++) {
      sum += 2.0 * (minutes - lag) * Math.pow(r, lag);
    }
    double expectedSdM = sigma * 60.0 * Math.sqrt(levelVar * sum);
    System.out.printf("WINDERR spread after %d min: sd lon %.0f m, lat %.0f m; oracle %.0f m%n", minutes, sdLonM,
        sdLatM, expectedSdM);
    // 3000 particles: the sample sd has a relative standard error of 1.3 %
    assertThat(sdLonM / expectedSdM).as("east-west spread / oracle").isCloseTo(1.0, offset(0.06));
    assertThat(sdLatM / expectedSdM).as("north-south spread / oracle").isCloseTo(1.0, offset(0.06));
  }

  @Test
  void ziErrorReweightsTheFootOfTheSameTrajectories() {
    ConvectiveAfternoon afternoon = ConvectiveAfternoon.write(dir);
    Instant start = afternoon.start();
    List<Path> files = afternoon.files();
    double lat = afternoon.lat();
    double lon = afternoon.lon();
    double sigmaPct = 20.0;
    double tau = 30.0;
    TransportParams base = TransportParams.defaults();
    TransportParams withZi = base.withErrors(null, new TransportParams.ZiError(sigmaPct, tau, 1e12));
    int n = 500;
    List<String> cols = List.of("time", "indx", "long", "lati", "zagl", "foot");
    PointReceptor rec = new PointReceptor(start.plusSeconds(3 * 3600), lon, lat, 10, AltitudeReference.AGL);
    ParticleEnsemble a = new NativeTransportEngine().runToEnsemble(new TransportRequest(rec, -1, n, cols, base, files, 9, 2));
    ParticleEnsemble b = new NativeTransportEngine().runToEnsemble(new TransportRequest(rec, -1, n, cols, withZi, files, 9, 2));
    assertThat(b.size()).isEqualTo(a.size());
    assertThat(b.column("zagl")).as("ZIERR leaves the trajectories alone").containsExactly(a.column("zagl"));
    double[] fa = a.column("foot");
    double[] fb = b.column("foot");
    double[] idx = a.column("indx");
    double[] time = a.column("time");
    // rows come time by time: keep each particle's previous factor (and its time) to pair consecutive minutes
    double[] prevEps = new double[n + 1];
    double[] prevTime = new double[n + 1];
    java.util.Arrays.fill(prevTime, Double.NaN);
    double s = 0;
    double ss = 0;
    double lag = 0;
    int m = 0;
    int mLag = 0;
    for (int i = 0; i < fa.length; i++) {
      if (fa[i] <= 0) {
        continue;
      }
      int id = (int) idx[i];
      double eps = fb[i] / fa[i] - 1.0; // = ε/100 (ε > -100 always at 20 %)
      s += eps;
      ss += eps * eps;
      m++;
      if (Math.abs(prevTime[id] - time[i]) == 1.0) {
        lag += eps * prevEps[id];
        mLag++;
      }
      prevEps[id] = eps;
      prevTime[id] = time[i];
    }
    double mean = s / m;
    double var = ss / m - mean * mean;
    System.out.printf("ZIERR: %d foot rows, mean ε %.4f, sd %.4f, lag-1 correlation %.4f%n", m, mean, Math.sqrt(var),
        lag / mLag / var);
    assertThat(m).as("rows with foot").isGreaterThan(10_000);
    // 500 independent AR(1) series of ~60 rows with r = 0.967: the mean's standard error is ≈ 0.2·sqrt(60/500/(60·0.017))
    assertThat(mean).as("mean foot factor − 1").isCloseTo(0.0, offset(0.03));
    assertThat(Math.sqrt(var)).as("sd of the foot factor = SIGZIERR/100").isCloseTo(sigmaPct / 100.0, offset(0.02));
    assertThat(lag / mLag / var).as("lag-1 correlation = exp(-1/τ)").isCloseTo(Math.exp(-1.0 / tau), offset(0.02));
  }
}
