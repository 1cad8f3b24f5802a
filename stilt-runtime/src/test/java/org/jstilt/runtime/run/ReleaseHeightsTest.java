package org.jstilt.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.junit.jupiter.api.Test;

class ReleaseHeightsTest {
  static final Instant T = Instant.parse("2019-05-30T11:00:00Z");

  static ParticleEnsemble table(double[] time, double[] indx, double[] lon, double[] lat) {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("time", time);
    m.put("indx", indx);
    m.put("long", lon);
    m.put("lati", lat);
    return ParticleEnsemble.of(m);
  }

  @Test
  void pointReceptorsGetNoColumn() {
    ParticleEnsemble p = table(new double[] {-1}, new double[] {1}, new double[] {0}, new double[] {0});
    assertThat(ReleaseHeights.add(p, new PointReceptor(T, 0, 0, 5, AltitudeReference.AGL))).isSameAs(p);
  }

  /** R-STILT: (indx - 0.5) * (top - bottom) / max(indx) + bottom; 4 particles over 0..2000 m. */
  @Test
  void columnSpreadsParticlesEvenlyOverTheLine() {
    ParticleEnsemble p = table(new double[] {-1, -1, -2, -1}, new double[] {1, 2, 3, 4}, new double[4], new double[4]);
    ParticleEnsemble x = ReleaseHeights.add(p, new ColumnReceptor(T, 0, 0, 0, 2000, AltitudeReference.AGL));
    assertThat(x.column("xhgt")).containsExactly(250, 750, 1250, 1750);
  }

  /** Every particle present at the step nearest release: the nearest point's altitude. */
  @Test
  void multipointAssignsTheNearestReleasePoint() {
    MultiPointReceptor m = new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40, 10),
        new ReleasePoint(-111, 41, 100)), AltitudeReference.AGL);
    ParticleEnsemble p = table(new double[] {-1, -1, -1, -2}, new double[] {1, 2, 3, 1},
        new double[] {-111.1, -111.9, -111.2, -112}, new double[] {40.9, 40.1, 40.8, 40});
    assertThat(ReleaseHeights.add(p, m).column("xhgt")).containsExactly(100, 10, 100, 100);
  }

  /** A particle missing at that step: contiguous index blocks in receptor order, the first ones one longer. */
  @Test
  void multipointFallsBackToContiguousBlocks() {
    MultiPointReceptor m = new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40, 10),
        new ReleasePoint(-111, 41, 100), new ReleasePoint(-110, 42, 1000)), AltitudeReference.AGL);
    // numpar 7 (max indx) over 3 points: blocks 3, 2, 2; particle 5 has no row at the first step.
    double[] indx = {1, 2, 3, 4, 6, 7, 5};
    double[] time = {-1, -1, -1, -1, -1, -1, -2};
    ParticleEnsemble p = table(time, indx, new double[7], new double[7]);
    assertThat(ReleaseHeights.add(p, m).column("xhgt")).containsExactly(10, 10, 10, 100, 1000, 1000, 100);
    assertThat(ReleaseHeights.blockOf(0, 0, 2)).isZero();
    assertThat(ReleaseHeights.blockOf(1, 0, 2)).isEqualTo(1);
  }
}
