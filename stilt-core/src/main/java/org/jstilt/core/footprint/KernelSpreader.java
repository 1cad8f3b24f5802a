package org.jstilt.core.footprint;

import java.util.Arrays;

/**
 * Spreads one step's particle masses over a layer with one kernel (the Fortran {@code permute} step),
 * choosing per step the cheaper of two exact methods:
 *
 * <ul>
 *   <li><b>direct</b>: every occupied cell adds {@code f · kx[a] · ky[b]} to each cell of its kernel
 *       rectangle — {@code cells · nx · ny} operations;
 *   <li><b>separable</b>: occupied cells of one grid row are first convolved along x into a row buffer
 *       (over the union of their kernel spans only), which is then added to the {@code ny} rows above and
 *       below weighted by {@code ky} — {@code cells · nx + span · ny} operations.
 * </ul>
 *
 * Both compute the same sums up to rounding order (all terms are non-negative, so the difference is a few
 * ulps). Contributions outside {@code [0, nLon) × [0, nLat)} are discarded, which is R's trimming of the
 * buffer. Nothing here is proportional to the grid size.
 */
final class KernelSpreader {
  private final int nLon;
  private final int nLat;
  private final int offX;
  private final int offY;
  private final long width;

  private long[] keys = new long[0];
  private int[] ui = new int[0];
  private int[] uj = new int[0];
  private double[] uf = new double[0];
  private double[] rowBuffer = new double[0];

  /**
   * @param bufX the largest distance (cells) a particle's cell can lie outside the grid in x
   * @param bufY the same in y
   */
  KernelSpreader(int nLon, int nLat, int bufX, int bufY) {
    this.nLon = nLon;
    this.nLat = nLat;
    this.offX = bufX + 1;
    this.offY = bufY + 1;
    this.width = (long) nLon + 2L * offX;
  }

  /**
   * Adds {@code f[r] · K} centred on cell {@code (ci[r], cj[r])} for {@code r} in {@code rows[from, to)}
   * to {@code layer} (row-major, {@code j · nLon + i}).
   */
  void spread(
      int[] ci, int[] cj, double[] f, int[] rows, int from, int to, GaussianKernel k, double[] layer) {
    int count = to - from;
    if (count <= 0) {
      return;
    }
    if (k.isUnit()) {
      for (int q = from; q < to; q++) {
        int r = rows[q];
        int i = ci[r];
        int j = cj[r];
        if (i >= 0 && i < nLon && j >= 0 && j < nLat) {
          layer[j * nLon + i] += f[r];
        }
      }
      return;
    }
    int unique = mergeCells(ci, cj, f, rows, from, to);
    if (unique < 0) {
      // Keys too wide to pack (astronomically large grid): scatter row by row.
      for (int q = from; q < to; q++) {
        int r = rows[q];
        direct(ci[r], cj[r], f[r], k, layer);
      }
      return;
    }
    long directCost = (long) unique * k.nx() * k.ny();
    long separableCost = (long) unique * k.nx() + spanOfRows(unique, k.hx, k.hy) * k.ny();
    if (directCost <= separableCost) {
      for (int u = 0; u < unique; u++) {
        direct(ui[u], uj[u], uf[u], k, layer);
      }
    } else {
      separable(unique, k, layer);
    }
  }

  private void direct(int i, int j, double f, GaussianKernel k, double[] layer) {
    int aLo = Math.max(-k.hx, -i);
    int aHi = Math.min(k.hx, nLon - 1 - i);
    if (aLo > aHi) {
      return;
    }
    double[] wx = k.weightX;
    for (int b = -k.hy; b <= k.hy; b++) {
      int jj = j + b;
      if (jj < 0 || jj >= nLat) {
        continue;
      }
      double fb = f * k.weightY[b + k.hy];
      int base = jj * nLon + i;
      for (int a = aLo; a <= aHi; a++) {
        layer[base + a] += fb * wx[a + k.hx];
      }
    }
  }

  /**
   * Sums the masses of rows that share a cell and leaves the occupied cells in {@code ui, uj, uf}, sorted
   * by row then column. Returns their number, or -1 when cell keys cannot be packed into a long.
   */
  private int mergeCells(int[] ci, int[] cj, double[] f, int[] rows, int from, int to) {
    int count = to - from;
    int idxBits = 32 - Integer.numberOfLeadingZeros(count);
    long height = (long) nLat + 2L * offY;
    if (63 - Long.numberOfLeadingZeros(width * height) + 1 + idxBits > 62) {
      return -1;
    }
    if (keys.length < count) {
      int cap = Math.max(count, keys.length * 2);
      keys = new long[cap];
      ui = new int[cap];
      uj = new int[cap];
      uf = new double[cap];
    }
    for (int q = 0; q < count; q++) {
      int r = rows[from + q];
      long cell = (long) (cj[r] + offY) * width + (ci[r] + offX);
      keys[q] = (cell << idxBits) | q;
    }
    Arrays.sort(keys, 0, count);
    long mask = (1L << idxBits) - 1;
    int unique = 0;
    long prevCell = -1;
    for (int q = 0; q < count; q++) {
      long cell = keys[q] >>> idxBits;
      int r = rows[from + (int) (keys[q] & mask)];
      if (cell == prevCell) {
        uf[unique - 1] += f[r];
      } else {
        ui[unique] = ci[r];
        uj[unique] = cj[r];
        uf[unique] = f[r];
        unique++;
        prevCell = cell;
      }
    }
    return unique;
  }

  /** Total length, clipped to the grid, of the union of kernel spans [i − hx, i + hx] per grid row. */
  private long spanOfRows(int unique, int hx, int hyOf) {
    long total = 0;
    int u = 0;
    while (u < unique) {
      int j = uj[u];
      int a = -1;
      int b = -2;
      boolean reaches = j + hyOf >= 0 && j - hyOf < nLat;
      for (; u < unique && uj[u] == j; u++) {
        if (!reaches) {
          continue;
        }
        int lo = Math.max(0, ui[u] - hx);
        int hi = Math.min(nLon - 1, ui[u] + hx);
        if (lo > hi) {
          continue;
        }
        if (lo <= b + 1) {
          b = Math.max(b, hi);
        } else {
          total += b - a + 1;
          a = lo;
          b = hi;
        }
      }
      total += b - a + 1;
    }
    return total;
  }

  private void separable(int unique, GaussianKernel k, double[] layer) {
    int hx = k.hx;
    double[] wx = k.weightX;
    int u = 0;
    while (u < unique) {
      int j = uj[u];
      int rowEnd = u;
      while (rowEnd < unique && uj[rowEnd] == j) {
        rowEnd++;
      }
      if (j + k.hy < 0 || j - k.hy >= nLat) {
        u = rowEnd; // no kernel row of these cells reaches the grid
        continue;
      }
      // Walk the row's cells (ascending i), cutting it into runs whose clipped kernel spans overlap.
      int v = u;
      while (v < rowEnd) {
        int lo = Math.max(0, ui[v] - hx);
        int hi = Math.min(nLon - 1, ui[v] + hx);
        if (lo > hi) {
          v++;
          continue;
        }
        int runEnd = v + 1;
        while (runEnd < rowEnd) {
          int lo2 = Math.max(0, ui[runEnd] - hx);
          int hi2 = Math.min(nLon - 1, ui[runEnd] + hx);
          if (lo2 > hi2) {
            runEnd++;
            continue;
          }
          if (lo2 > hi + 1) {
            break;
          }
          hi = Math.max(hi, hi2);
          runEnd++;
        }
        int len = hi - lo + 1;
        if (rowBuffer.length < len) {
          rowBuffer = new double[Math.max(len, rowBuffer.length * 2)];
        }
        double[] h = rowBuffer;
        Arrays.fill(h, 0, len, 0.0);
        for (int c = v; c < runEnd; c++) {
          int i = ui[c];
          double f = uf[c];
          int aLo = Math.max(-hx, lo - i);
          int aHi = Math.min(hx, hi - i);
          int off = i - lo;
          for (int a = aLo; a <= aHi; a++) {
            h[off + a] += f * wx[a + hx];
          }
        }
        for (int b = -k.hy; b <= k.hy; b++) {
          int jj = j + b;
          if (jj < 0 || jj >= nLat) {
            continue;
          }
          double wy = k.weightY[b + k.hy];
          int base = jj * nLon + lo;
          for (int t = 0; t < len; t++) {
            layer[base + t] += h[t] * wy;
          }
        }
        v = runEnd;
      }
      u = rowEnd;
    }
  }
}
