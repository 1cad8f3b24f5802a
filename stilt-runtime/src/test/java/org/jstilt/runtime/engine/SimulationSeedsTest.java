package org.jstilt.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.jstilt.core.id.SimulationId;
import org.jstilt.core.transport.RunKind;
import org.junit.jupiter.api.Test;

class SimulationSeedsTest {
  private static final SimulationId A = SimulationId.parse("hrrr_201905301100_-111.85_40.77_5");

  /**
   * The documented rule, with Python as oracle:
   * {@code struct.unpack('>q', hashlib.sha256(b'42/hrrr_201905301100_-111.85_40.77_5/main').digest()[:8])}.
   */
  @Test
  void followsTheDocumentedRule() {
    assertThat(SimulationSeeds.derive(42, A, RunKind.MAIN)).isEqualTo(-9218650389965244819L);
    assertThat(SimulationSeeds.derive(42, A, RunKind.ERROR)).isEqualTo(-3405098299745016406L);
    assertThat(SimulationSeeds.derive(-7, SimulationId.parse("gfs_202301011200_-112_40.5_10"), RunKind.MAIN))
        .isEqualTo(6129202646220157786L);
  }

  @Test
  void differsBetweenSimulationsSeedsAndRuns() {
    SimulationId b = SimulationId.parse("hrrr_201905301100_-111.85_40.77_6");
    assertThat(SimulationSeeds.derive(42, A, RunKind.MAIN))
        .isNotEqualTo(SimulationSeeds.derive(42, b, RunKind.MAIN))
        .isNotEqualTo(SimulationSeeds.derive(43, A, RunKind.MAIN))
        .isNotEqualTo(SimulationSeeds.derive(42, A, RunKind.ERROR));
  }
}
