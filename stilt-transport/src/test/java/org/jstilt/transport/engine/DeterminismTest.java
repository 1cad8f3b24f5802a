package org.jstilt.transport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed gives the same rows for any thread count; a column receptor releases along its line in index order. */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void sameSeedSameOutputWhateverTheThreads() {
    Instant start = Instant.parse("2019-06-01T16:00:00Z");
    List<Path> files = SyntheticMet.write(SyntheticMetSpec.builder().start(start).hours(2).fileHours(2).build(), dir);
    SyntheticMetSpec s = SyntheticMetSpec.defaults();
    double lat = (s.southDeg() + s.northDeg()) / 2;
    double lon = (s.westDeg() + s.eastDeg()) / 2;
    ColumnReceptor rec = new ColumnReceptor(start.plusSeconds(7200), lon, lat, 0, 1000, AltitudeReference.AGL);
    ParticleEnsemble one = run(rec, files, 1);
    ParticleEnsemble two = run(rec, files, 2);
    assertThat(two.size()).isEqualTo(one.size()).isGreaterThan(0);
    for (String c : one.columnNames()) {
      assertThat(two.column(c)).as(c).containsExactly(one.column(c));
    }
    ParticleEnsemble other = new NativeTransportEngine().runToEnsemble(request(rec, files, 1, 43));
    assertThat(other.column("zagl")).isNotEqualTo(one.column("zagl"));
    // first output step: heights close to the equally spaced line (indx − 0.5)·1000/numpar
    double[] t = one.column("time");
    double[] ix = one.column("indx");
    double[] z = one.column("zagl");
    double sum = 0;
    int n = 0;
    for (int r = 0; r < t.length; r++) {
      if (t[r] == -1) {
        sum += Math.abs(z[r] - (ix[r] - 0.5) * 1000.0 / 100);
        n++;
      }
    }
    assertThat(n).isEqualTo(100);
    assertThat(sum / n).as("mean displacement from the line after one minute (m)").isLessThan(60);
  }

  private static ParticleEnsemble run(ColumnReceptor rec, List<Path> files, int threads) {
    return new NativeTransportEngine().runToEnsemble(request(rec, files, threads, 42));
  }

  private static TransportRequest request(ColumnReceptor rec, List<Path> files, int threads, long seed) {
    return new TransportRequest(rec, -1, 100, TransportRequest.DEFAULT_VARSIWANT, TransportParams.defaults(), files, seed,
        threads);
  }
}
