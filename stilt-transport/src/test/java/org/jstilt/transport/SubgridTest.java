package org.jstilt.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The moving met window (HYSPLIT's subgrid) changes nothing but memory: forced onto the small HRRR test grid with a
 * 5-cell pad, so that it has to move many times, a run gives the same rows, bit for bit, as the whole-grid run.
 */
class SubgridTest {
  @Test
  void movingWindowGivesTheWholeGridResultBitForBit() {
    // evening_wbb's receptor; 3 h back carries the particles across many windows
    PointReceptor rec = new PointReceptor(java.time.Instant.parse("2019-05-30T03:00:00Z"), -111.85, 40.77, 5,
        AltitudeReference.AGL);
    List<String> cols = List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr");
    TransportRequest req = new TransportRequest(rec, -3, 300, cols, TransportParams.defaults(),
        List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr")), 42, 2);
    Collect whole = new Collect();
    NativeTransportEngine.RunSummary a = new NativeTransportEngine().run(req, whole);
    Collect windowed = new Collect();
    NativeTransportEngine.RunSummary b =
        new NativeTransportEngine(new NativeTransportEngine.Subgrid(0, 4, 3)).run(req, windowed);
    System.out.printf("subgrid: %d window placements, %d rows%n", b.metWindowMoves(), b.rows());
    assertThat(a.metWindowMoves()).as("the test grid is small: built whole").isZero();
    assertThat(b.metWindowMoves()).as("the forced window had to follow the particles").isGreaterThanOrEqualTo(3);
    assertThat(b.rows()).isEqualTo(a.rows()).isGreaterThan(10_000);
    assertThat(windowed.values).hasSameSizeAs(whole.values);
    for (int i = 0; i < whole.values.size(); i++) {
      assertThat(windowed.values.get(i)).as("step block " + i).containsExactly(whole.values.get(i));
    }
  }

  /** Every row of every step, flattened column by column. */
  private static final class Collect implements ParticleSink {
    final List<double[]> values = new ArrayList<>();

    @Override
    public void step(StepRows rows) {
      for (double[] c : rows.columns()) {
        values.add(java.util.Arrays.copyOf(c, rows.rows()));
      }
    }
  }
}
