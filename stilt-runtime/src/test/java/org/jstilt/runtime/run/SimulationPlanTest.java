package org.jstilt.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.config.ExecutionConfig;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.id.MetId;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {
  static ModelConfig config(String... mets) {
    Map<MetId, MetConfig> m = new LinkedHashMap<>();
    for (String name : mets) {
      m.put(new MetId(name), MetConfig.archive(Path.of("/met/" + name), "%Y%m%d_%H", Duration.ofHours(6)));
    }
    return new ModelConfig(StiltParams.DEFAULTS, m, Map.of(), Map.of(), ExecutionConfig.LOCAL, true,
        TransportConfig.DEFAULTS);
  }

  static Receptor point(String time, double lon, double lat, double alt) {
    return new PointReceptor(Instant.parse(time), lon, lat, alt, AltitudeReference.AGL);
  }

  @Test
  void everyReceptorOnEveryMetStreamWithPystiltIds() {
    List<Receptor> r = List.of(point("2023-01-01T12:00:00Z", -111.85, 40.77, 5),
        point("2019-05-30T11:00:00Z", -112, 40.5, 10.5));
    SimulationPlan plan = SimulationPlan.of(config("hrrr", "gfs"), r);
    assertThat(plan.simulations()).extracting(s -> s.id().toString()).containsExactly(
        "hrrr_202301011200_-111.85_40.77_5", "hrrr_201905301100_-112_40.5_10.5",
        "gfs_202301011200_-111.85_40.77_5", "gfs_201905301100_-112_40.5_10.5");
    assertThat(plan.simulations().get(3).receptor()).isEqualTo(r.get(1));
    assertThat(plan.duplicates()).isEmpty();
  }

  @Test
  void receptorsDifferingOnlyInSecondsRunOnceAndAreReported() {
    List<Receptor> r = List.of(point("2023-01-01T12:00:00Z", -111.85, 40.77, 5),
        point("2023-01-01T12:00:30Z", -111.85, 40.77, 5));
    SimulationPlan plan = SimulationPlan.of(config("hrrr", "gfs"), r);
    assertThat(plan.size()).isEqualTo(2);
    assertThat(plan.simulations().get(0).receptor()).isEqualTo(r.get(0));
    assertThat(plan.duplicates()).singleElement().asString()
        .contains("receptor 2", "hrrr_202301011200_-111.85_40.77_5");
  }
}
