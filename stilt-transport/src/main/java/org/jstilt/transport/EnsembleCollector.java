package org.jstilt.transport;

import java.util.Arrays;
import java.util.List;
import org.jstilt.core.particle.ParticleEnsemble;

/** A sink that keeps every row and builds a {@link ParticleEnsemble} (for runs small enough to hold). */
public final class EnsembleCollector implements ParticleSink {
  private List<String> names;
  private double[][] cols;
  private int rows;

  @Override
  public void begin(List<String> columns) {
    names = List.copyOf(columns);
    cols = new double[columns.size()][4096];
    rows = 0;
  }

  @Override
  public void step(StepRows s) {
    int need = rows + s.rows();
    if (need > cols[0].length) {
      int n = Math.max(need, cols[0].length * 2);
      for (int c = 0; c < cols.length; c++) {
        cols[c] = Arrays.copyOf(cols[c], n);
      }
    }
    for (int c = 0; c < cols.length; c++) {
      System.arraycopy(s.columns()[c], 0, cols[c], rows, s.rows());
    }
    rows = need;
  }

  /** The rows collected so far as an ensemble. */
  public ParticleEnsemble ensemble() {
    if (names == null) {
      throw new IllegalStateException("no run has been collected");
    }
    java.util.LinkedHashMap<String, double[]> m = new java.util.LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      m.put(names.get(c), Arrays.copyOf(cols[c], rows));
    }
    return ParticleEnsemble.of(m);
  }
}
