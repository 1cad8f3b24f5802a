package org.jstilt.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global latitude-longitude grid wraps in x, as HYSPLIT's: on horizontally uniform synthetic met a trajectory that
 * crosses the grid's seam (180°) moves exactly as one released in the middle of the grid, and no particle is lost.
 */
class CyclicGridTest {
  @TempDir Path dir;

  @Test
  void trajectoriesCrossTheSeamAsAnywhereElse() {
    Instant start = Instant.parse("2019-05-30T12:00:00Z");
    // 1° global grid, seam between 179°E and 180°W; wind from the east so backward trajectories move east
    SyntheticMetSpec spec = SyntheticMetSpec.builder().start(start).hours(6).fileHours(6).box(-180, -60, 179, 60)
        .resolutionDeg(1.0).wind(15.0, 90).build();
    List<Path> met = SyntheticMet.write(spec, dir);
    for (boolean turbulence : new boolean[] {false, true}) {
      TransportParams prm = turbulence ? TransportParams.defaults()
          : new TransportParams(150, 3, 0.5, 0.1, 10800, 1, false, 25000, 0, List.of(), null, null, 0);
      ParticleEnsemble seam = run(met, prm, 178.6, start.plusSeconds(6 * 3600));
      ParticleEnsemble middle = run(met, prm, 20.6, start.plusSeconds(6 * 3600));
      assertThat(seam.size()).as("rows: nothing is lost at the seam").isEqualTo(middle.size()).isEqualTo(100 * 360);
      double[] ls = seam.column("long");
      double[] lm = middle.column("long");
      double[] as = seam.column("lati");
      double[] am = middle.column("lati");
      double[] zs = seam.column("zagl");
      double[] zm = middle.column("zagl");
      double crossed = 0;
      for (int r = 0; r < ls.length; r++) {
        double ds = ((ls[r] - 178.6) % 360 + 540) % 360 - 180;
        double dm = lm[r] - 20.6;
        assertThat(ds).as("east-west displacement, row " + r).isCloseTo(dm, within(1e-6));
        assertThat(as[r]).as("latitude, row " + r).isCloseTo(am[r], within(1e-6));
        assertThat(zs[r]).as("height, row " + r).isCloseTo(zm[r], within(1e-3));
        crossed = Math.max(crossed, ds);
      }
      assertThat(crossed).as("the trajectories do cross 180°").isGreaterThan(1.4);
    }
  }

  private static ParticleEnsemble run(List<Path> met, TransportParams prm, double lon, Instant time) {
    PointReceptor rec = new PointReceptor(time, lon, 10.0, 50, AltitudeReference.AGL);
    return new NativeTransportEngine().runToEnsemble(new TransportRequest(rec, -6, 100,
        List.of("time", "indx", "long", "lati", "zagl"), prm, met, 3, 1));
  }
}
