package org.jstilt.runtime.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReleasePoint;

/**
 * Each particle's release height ({@code xhgt}) for receptors with more than one height, added to the
 * particle table after transport and before hnf_plume (which starts each plume there).
 *
 * <ul>
 *   <li>Column (R-STILT {@code calc_trajectory}): particles are spread evenly over the line,
 *       {@code xhgt = (indx - 0.5) * (top - bottom) / numpar + bottom} with {@code numpar = max(indx)}.
 *   <li>Multipoint (PYSTILT §9.6): at the output step nearest the release, if every particle has a row,
 *       each gets the altitude of the release point nearest to it (squared lon/lat distance); otherwise
 *       particles are taken to be released in contiguous index blocks in receptor order ({@code numpar / n}
 *       each, the first {@code numpar % n} points one more), which is how hycs_std assigns them.
 *   <li>Point: no column (hnf_plume uses the receptor height).
 * </ul>
 */
public final class ReleaseHeights {
  private ReleaseHeights() {}

  /** The table with an {@code xhgt} column when the receptor needs one, else the table unchanged. */
  public static ParticleEnsemble add(ParticleEnsemble particles, Receptor receptor) {
    if (receptor instanceof ColumnReceptor c) {
      return particles.withColumn(ParticleColumns.XHGT, column(particles, c));
    }
    if (receptor instanceof MultiPointReceptor m) {
      return particles.withColumn(ParticleColumns.XHGT, multipoint(particles, m));
    }
    return particles;
  }

  private static double[] column(ParticleEnsemble particles, ColumnReceptor c) {
    double[] indx = particles.column(ParticleColumns.INDX);
    double numpar = max(indx);
    double step = (c.topM() - c.bottomM()) / numpar;
    double[] x = new double[indx.length];
    for (int r = 0; r < x.length; r++) {
      x[r] = (indx[r] - 0.5) * step + c.bottomM();
    }
    return x;
  }

  private static double[] multipoint(ParticleEnsemble particles, MultiPointReceptor m) {
    double[] indx = particles.column(ParticleColumns.INDX);
    double[] time = particles.column(ParticleColumns.TIME);
    double[] lon = particles.column(ParticleColumns.LONG);
    double[] lat = particles.column(ParticleColumns.LATI);
    List<ReleasePoint> pts = m.points();
    int numpar = (int) max(indx);
    double nearest = Double.POSITIVE_INFINITY;
    for (double t : time) {
      nearest = Math.min(nearest, Math.abs(t));
    }
    Map<Integer, Double> byParticle = new HashMap<>();
    for (int r = 0; r < indx.length; r++) {
      if (Math.abs(time[r]) != nearest || byParticle.containsKey((int) indx[r])) {
        continue;
      }
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int k = 0; k < pts.size(); k++) {
        double dx = lon[r] - pts.get(k).lonDeg();
        double dy = lat[r] - pts.get(k).latDeg();
        double d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      byParticle.put((int) indx[r], pts.get(best).altitudeM());
    }
    boolean complete = byParticle.size() == numpar;
    double[] x = new double[indx.length];
    int n = pts.size();
    int base = numpar / n;
    int extra = numpar % n;
    for (int r = 0; r < x.length; r++) {
      int p = (int) indx[r];
      if (complete) {
        x[r] = byParticle.get(p);
      } else {
        x[r] = pts.get(blockOf(p - 1, base, extra)).altitudeM();
      }
    }
    return x;
  }

  /** The point whose contiguous block holds 0-based particle {@code i}. */
  static int blockOf(int i, int base, int extra) {
    int bigBlocks = extra * (base + 1);
    if (i < bigBlocks) {
      return i / (base + 1);
    }
    return base == 0 ? extra - 1 : extra + (i - bigBlocks) / base;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
