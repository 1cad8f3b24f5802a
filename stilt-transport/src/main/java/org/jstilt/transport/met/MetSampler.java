package org.jstilt.transport.met;

/**
 * Interpolation of {@link MetPeriod} fields at a particle: bilinear in grid coordinates, linear in the
 * fractional internal-level index (HYSPLIT ADV3NT), linear in time between two periods; nearest grid point
 * for the mixed-layer depth and the turbulence profiles (ADVPNT), with the turbulence profiles interpolated
 * in time in zi-scaled height (TRANSPORT.md §3.4).
 *
 * <p>Stateless static functions; positions are 1-based grid coordinates and σ.
 */
public final class MetSampler {
  private MetSampler() {}

  /** Bilinear value of a column field at (x, y), clamped to the grid. */
  public static double bilinear2d(double[] f, int nx, int ny, double x, double y) {
    int i = (int) Math.floor(x);
    int j = (int) Math.floor(y);
    i = Math.max(1, Math.min(nx - 1, i));
    j = Math.max(1, Math.min(ny - 1, j));
    double fx = x - i;
    double fy = y - j;
    int c = (j - 1) * nx + (i - 1);
    double a = f[c] + fx * (f[c + 1] - f[c]);
    double b = f[c + nx] + fx * (f[c + nx + 1] - f[c + nx]);
    return a + fy * (b - a);
  }

  /** Bilinear value of level k (1-based) of a level field at (x, y). */
  public static double bilinear3d(double[] f, int nx, int ny, int nl, int k, double x, double y) {
    int i = (int) Math.floor(x);
    int j = (int) Math.floor(y);
    i = Math.max(1, Math.min(nx - 1, i));
    j = Math.max(1, Math.min(ny - 1, j));
    double fx = x - i;
    double fy = y - j;
    int c = ((j - 1) * nx + (i - 1)) * nl + k - 1;
    int cx = c + nl;
    int cy = c + nx * nl;
    double a = f[c] + fx * (f[cx] - f[c]);
    double b = f[cy] + fx * (f[cy + nl] - f[cy]);
    return a + fy * (b - a);
  }

  /**
   * A level field at (x, y) and fractional level index zx, linear in the index between the bracketing
   * levels; below level 1 the level-1 value, above the top the top value.
   */
  public static double atIndex(double[] f, int nx, int ny, int nl, double x, double y, double zx) {
    if (zx <= 1.0) {
      return bilinear3d(f, nx, ny, nl, 1, x, y);
    }
    if (zx >= nl) {
      return bilinear3d(f, nx, ny, nl, nl, x, y);
    }
    int k = (int) zx;
    double fz = zx - k;
    double lo = bilinear3d(f, nx, ny, nl, k, x, y);
    double hi = bilinear3d(f, nx, ny, nl, k + 1, x, y);
    return lo + fz * (hi - lo);
  }

  /** Linear time interpolation of {@link #atIndex} between two periods. */
  public static double atIndex(MetPeriod a, MetPeriod b, double tf, double[] fa, double[] fb, double x, double y, double zx) {
    double va = atIndex(fa, a.nx, a.ny, a.nLevels, x, y, zx);
    if (tf == 0.0 || a == b) {
      return va;
    }
    double vb = atIndex(fb, b.nx, b.ny, b.nLevels, x, y, zx);
    return va + tf * (vb - va);
  }

  /** Mixed-layer depth at the grid point nearest (x, y), linear in time. */
  public static double zi(MetPeriod a, MetPeriod b, double tf, double x, double y) {
    int c = nearest(a, x, y);
    double za = a.zi[c];
    return tf == 0.0 ? za : za + tf * (b.zi[c] - za);
  }

  /** Column of the grid point nearest (x, y), clamped to the grid. */
  public static int nearest(MetPeriod a, double x, double y) {
    int i = (int) Math.floor(x + 0.5);
    int j = (int) Math.floor(y + 0.5);
    i = Math.max(1, Math.min(a.nx, i));
    j = Math.max(1, Math.min(a.ny, j));
    return (j - 1) * a.nx + i - 1;
  }

  /**
   * σw (into {@code out[0]}) and T_L ({@code out[1]}) of internal level k at the grid point nearest (x, y)
   * at time fraction tf: for period a the level whose z/zi(a) is nearest z(k)/zi(t), likewise for b, then
   * linear in time — so the boundary-layer shape follows a changing zi.
   *
   * @param ziT the time-interpolated mixed-layer depth at this column
   */
  public static void turbulence(
      MetPeriod a, MetPeriod b, double tf, int column, int k, double ziT, InternalLevels levels, double[] out) {
    int nl = a.nLevels;
    int base = column * nl;
    if (tf == 0.0 || a == b) {
      int ka = scaledLevel(levels, k, ziT, a.zi[column], nl);
      out[0] = a.sigw[base + ka - 1];
      out[1] = a.tl[base + ka - 1];
      return;
    }
    int ka = scaledLevel(levels, k, ziT, a.zi[column], nl);
    int kb = scaledLevel(levels, k, ziT, b.zi[column], nl);
    double swa = a.sigw[base + ka - 1];
    double tla = a.tl[base + ka - 1];
    out[0] = swa + tf * (b.sigw[base + kb - 1] - swa);
    out[1] = tla + tf * (b.tl[base + kb - 1] - tla);
  }

  /** The level whose height relative to {@code ziPeriod} is nearest level k's height relative to {@code ziT}. */
  static int scaledLevel(InternalLevels levels, int k, double ziT, double ziPeriod, int nl) {
    if (ziT == ziPeriod) {
      return k;
    }
    double target = levels.height(k) * ziPeriod / ziT;
    // fractional index of the target height (terrain factor cancels: same column, same ratio)
    double disc = levels.bb() * levels.bb() - 4.0 * levels.aa() * (levels.cc() - target);
    double zx = disc < 0 ? 1.0 : (-levels.bb() + Math.sqrt(disc)) / (2.0 * levels.aa());
    int lo = Math.max(1, Math.min(nl, (int) zx));
    int hi = Math.min(nl, lo + 1);
    double dlo = Math.abs(levels.height(lo) - target);
    double dhi = Math.abs(levels.height(hi) - target);
    return dhi < dlo ? hi : lo;
  }
}
