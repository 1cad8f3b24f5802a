package org.jstilt.transport.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;

/**
 * The synthetic met the engine's invariant tests share: four hours from 16 UTC on 2019-06-01 over the default box,
 * a convective afternoon (250 W/m² at noon, mixed layer 1400–1500 m) under a 2 m/s westerly.
 *
 * @param start first period
 * @param spec the met's specification
 * @param files the ARL files written
 * @param lat centre latitude of the grid
 * @param lon centre longitude of the grid
 */
record ConvectiveAfternoon(Instant start, SyntheticMetSpec spec, List<Path> files, double lat, double lon) {
  static ConvectiveAfternoon write(Path dir) {
    Instant start = Instant.parse("2019-06-01T16:00:00Z");
    SyntheticMetSpec spec = SyntheticMetSpec.builder().start(start).hours(4).fileHours(4).heatFlux(250, 30)
        .pbl(1400, 1500).wind(2.0, 270).build();
    return new ConvectiveAfternoon(start, spec, SyntheticMet.write(spec, dir), (spec.southDeg() + spec.northDeg()) / 2,
        (spec.westDeg() + spec.eastDeg()) / 2);
  }
}
