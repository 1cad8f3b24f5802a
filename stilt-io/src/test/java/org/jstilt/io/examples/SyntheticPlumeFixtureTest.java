package org.jstilt.io.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code examples/particles/synthetic_plume.csv.gz} equal to what {@link SyntheticPlume} generates,
 * so the README's example cannot drift from its documented generator.
 *
 * <p>Regenerate after changing the generator with
 * {@code mvn -pl stilt-io test -Dtest=SyntheticPlumeFixtureTest -Djstilt.regenerateExamples=true}.
 * The comparison is on the uncompressed bytes: gzip's compressed stream may legitimately differ between
 * zlib versions.
 */
class SyntheticPlumeFixtureTest {
  static final Path FIXTURE = Path.of("..", "examples", "particles", "synthetic_plume.csv.gz");

  @Test
  void fixtureIsExactlyTheGeneratorsOutput() throws IOException {
    byte[] generated = SyntheticPlume.csv(SyntheticPlume.SEED);
    if (Boolean.getBoolean("jstilt.regenerateExamples")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(generated);
      }
      Files.createDirectories(FIXTURE.getParent());
      Files.write(FIXTURE, bytes.toByteArray());
    }
    assertThat(FIXTURE).as("run from the stilt-io module directory").exists();
    byte[] stored;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(FIXTURE))) {
      stored = in.readAllBytes();
    }
    assertThat(stored).as("examples/particles/synthetic_plume.csv.gz differs from SyntheticPlume.csv(SEED); "
        + "regenerate it (see class comment)").isEqualTo(generated);
    assertThat(Files.size(FIXTURE)).isLessThan(1_000_000);
  }

  @Test
  void tableIsAPlausibleBackTrajectoryEnsemble() {
    ParticleEnsemble p = ParticleCsvReader.read(FIXTURE, ParticleColumns.FOOTPRINT_INPUT);
    assertThat(p.size()).isEqualTo(SyntheticPlume.PARTICLES * SyntheticPlume.STEPS);
    assertThat(p.columnNames()).isEqualTo(SyntheticPlume.COLUMNS);
    double[] time = p.column("time");
    double[] lon = p.column("long");
    double[] lat = p.column("lati");
    double[] z = p.column("zagl");
    double[] mlht = p.column("mlht");
    double[] foot = p.column("foot");
    // Rows by time then particle, as hycs_std writes them.
    assertThat(time[0]).isEqualTo(-1);
    assertThat(time[time.length - 1]).isEqualTo(-SyntheticPlume.STEPS);
    // The cloud starts at the receptor, ends upwind (north-west) and spreads.
    double firstLon = mean(lon, 0);
    double lastLon = mean(lon, SyntheticPlume.STEPS - 1);
    double lastLat = mean(lat, SyntheticPlume.STEPS - 1);
    assertThat(firstLon).isCloseTo(SyntheticPlume.RECEPTOR_LON, org.assertj.core.data.Offset.offset(0.01));
    assertThat(lastLon).isLessThan(SyntheticPlume.RECEPTOR_LON - 0.2);
    assertThat(lastLat).isGreaterThan(SyntheticPlume.RECEPTOR_LAT + 0.15);
    assertThat(sd(lon, SyntheticPlume.STEPS - 1)).isGreaterThan(5 * sd(lon, 4));
    // Particles stay inside the mixed layer; foot is non-zero only in its lower half and decays.
    double footEarly = 0;
    double footLate = 0;
    for (int i = 0; i < z.length; i++) {
      assertThat(z[i]).isBetween(0.0, mlht[i] + 0.05);
      if (z[i] < 0.5 * mlht[i] - 0.1) {
        assertThat(foot[i]).isPositive();
      } else if (z[i] > 0.5 * mlht[i] + 0.1) {
        assertThat(foot[i]).isZero();
      }
      if (time[i] > -30) {
        footEarly += foot[i];
      } else if (time[i] <= -150) {
        footLate += foot[i];
      }
    }
    assertThat(footEarly).isGreaterThan(2 * footLate);
  }

  private static double mean(double[] col, int step) {
    double s = 0;
    for (int p = 0; p < SyntheticPlume.PARTICLES; p++) {
      s += col[step * SyntheticPlume.PARTICLES + p];
    }
    return s / SyntheticPlume.PARTICLES;
  }

  private static double sd(double[] col, int step) {
    double m = mean(col, step);
    double s = 0;
    for (int p = 0; p < SyntheticPlume.PARTICLES; p++) {
      double d = col[step * SyntheticPlume.PARTICLES + p] - m;
      s += d * d;
    }
    return Math.sqrt(s / (SyntheticPlume.PARTICLES - 1));
  }
}
