package org.jstilt.core.footprint;

import java.util.List;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;

/** Builds small particle tables (time, indx, long, lati, foot) for tests. */
final class Table {
  private final ParticleEnsemble.Builder b = ParticleEnsemble.builder(ParticleColumns.FOOTPRINT_INPUT);

  Table add(double timeMin, double indx, double lonDeg, double latDeg, double foot) {
    b.addRow(timeMin, indx, lonDeg, latDeg, foot);
    return this;
  }

  ParticleEnsemble build() {
    return b.build();
  }

  static ParticleEnsemble empty() {
    return ParticleEnsemble.empty(List.copyOf(ParticleColumns.FOOTPRINT_INPUT));
  }
}
