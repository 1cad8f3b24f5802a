package org.jstilt.core.footprint;

import org.jstilt.core.particle.RowOrder;

/**
 * The working particle table of a footprint computation: the five columns that enter
 * {@code calc_footprint}, with {@code indx} replaced by a dense particle id. Mutable and private to one
 * computation.
 */
final class Rows {
  final int n;
  final double[] time;
  final int[] pid;
  final double[] x;
  final double[] y;
  final double[] foot;

  Rows(int n, double[] time, int[] pid, double[] x, double[] y, double[] foot) {
    this.n = n;
    this.time = time;
    this.pid = pid;
    this.x = x;
    this.y = y;
    this.foot = foot;
  }

  /**
   * Rows grouped by particle: particle {@code p}'s rows are {@code order[start[p] .. start[p+1])}, in
   * descending time (stable: rows with equal times keep their table order).
   */
  static final class ByParticle {
    final int[] start;
    final int[] order;

    private ByParticle(int[] start, int[] order) {
      this.start = start;
      this.order = order;
    }

    static ByParticle of(Rows rows, int np) {
      int[] start = new int[np + 1];
      for (int r = 0; r < rows.n; r++) {
        start[rows.pid[r] + 1]++;
      }
      for (int p = 0; p < np; p++) {
        start[p + 1] += start[p];
      }
      int[] fill = start.clone();
      int[] order = new int[rows.n];
      for (int r = 0; r < rows.n; r++) {
        order[fill[rows.pid[r]]++] = r;
      }
      for (int p = 0; p < np; p++) {
        RowOrder.sortDescending(rows.time, order, start[p], start[p + 1]);
      }
      return new ByParticle(start, order);
    }
  }
}
