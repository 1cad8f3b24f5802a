package org.jstilt.transport.met;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * HYSPLIT's internal vertical grid: levels at {@code z(k) = aa·k² + bb·k + cc} metres (for zero terrain),
 * terrain-following through {@code σ(k) = 1 − z(k)/zTop}; a particle's height above ground is
 * {@code (1 − σ)(zTop − zsfc)}.
 *
 * <p>hycs_std v5.1.0 reports 30 levels with (30, −25, 5) for zTop = 25 km on the HRRR files: the count is
 * the first level reaching zTop (TRANSPORT.md §12), which {@link #standard} reproduces.
 *
 * @param aa quadratic coefficient (m)
 * @param bb linear coefficient (m)
 * @param cc constant (m)
 * @param zTopM top of the model domain ({@code z_top}, HYSPLIT ZMDL)
 * @param count number of levels
 */
public record InternalLevels(double aa, double bb, double cc, double zTopM, int count) {
  public InternalLevels {
    if (!(zTopM > 0) || !Double.isFinite(zTopM)) {
      throw new StiltException(ErrorCode.CONFIG, "transport z_top must be a positive height in metres, got " + zTopM);
    }
    if (count < 3) {
      throw new StiltException(ErrorCode.CONFIG,
          "z_top = " + zTopM + " m leaves only " + count + " internal levels; use z_top of at least a few km (default 25000)");
    }
    if (!(aa > 0)) {
      throw new IllegalArgumentException("aa must be > 0");
    }
  }

  /** The default quadratic (30, −25, 5) with as many levels as reach {@code zTopM}. */
  public static InternalLevels standard(double zTopM) {
    double aa = 30;
    double bb = -25;
    double cc = 5;
    int n = 1;
    while (aa * n * n + bb * n + cc < zTopM && n < 1000) {
      n++;
    }
    return new InternalLevels(aa, bb, cc, zTopM, n);
  }

  /** Height (m) of level k (1-based) over zero terrain. */
  public double height(int k) {
    return aa * k * k + bb * k + cc;
  }

  /** σ of level k (1-based). */
  public double sigma(int k) {
    return 1.0 - height(k) / zTopM;
  }

  /** Height above ground (m) of level k over terrain {@code zsfcM}. */
  public double heightAgl(int k, double zsfcM) {
    return height(k) * (zTopM - zsfcM) / zTopM;
  }

  /**
   * Fractional level index of a particle σ (HYSPLIT's ZX from the quadratic); values below level 1 give
   * fractions in [0, 1), and the result is not clipped.
   */
  public double fractionalIndex(double sigma) {
    double zz = zTopM * (1.0 - Math.min(1.0, sigma));
    double disc = bb * bb - 4.0 * aa * (cc - zz);
    if (disc < 0) {
      return 0.0;
    }
    return (-bb + Math.sqrt(disc)) / (2.0 * aa);
  }

  /** The surface-layer top level KSFC: the integer part of the level index at 75 m. */
  public int surfaceLayerTop() {
    double disc = bb * bb - 4.0 * aa * (cc - 75.0);
    return Math.max(1, (int) ((-bb + Math.sqrt(disc)) / (2.0 * aa) + 1e-9));
  }
}
