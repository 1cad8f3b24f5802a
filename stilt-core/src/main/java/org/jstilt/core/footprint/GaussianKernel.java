package org.jstilt.core.footprint;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * R-STILT's smoothing kernel {@code make_gauss_kernel} for one bandwidth, held in separable form.
 *
 * <p>For {@code sigma > 0}: {@code d = fl(3·sigma)}, {@code nx = 1 + 2·floor(d/xres)},
 * {@code ny = 1 + 2·floor(d/yres)} (a full rectangle reaching at least 3σ), and the normalised weights
 * {@code exp(−((a·xres)² + (b·yres)²)/(2σ²))} over cell offsets {@code a ∈ [−hx, hx]}, {@code b ∈ [−hy, hy]}.
 * Because the exponent is a sum, the 2-D kernel is the outer product of {@link #weightX} and
 * {@link #weightY}, each normalised to 1; that equals R's jointly normalised matrix to about 1e-16
 * relative. {@code sigma == 0} and {@code 0 < 3σ < res} give the 1×1 kernel {@code [1]}.
 *
 * <p>Orientation: {@code weightX} runs along x (longitude, {@code xres}) and {@code weightY} along y. R's
 * Fortran {@code permute} swaps the two axes, which only matters when they differ (xres ≠ yres); this is
 * the mathematically correct orientation (FOOTPRINT.md §4.3).
 */
final class GaussianKernel {
  /** Largest half-width accepted, in cells: beyond this the bandwidth is certainly a data error. */
  static final int MAX_HALF_WIDTH = 1 << 20;

  static final GaussianKernel UNIT = new GaussianKernel(0.0, new double[] {1.0}, new double[] {1.0});

  final double sigma;
  final int hx;
  final int hy;
  final double[] weightX;
  final double[] weightY;

  private GaussianKernel(double sigma, double[] wx, double[] wy) {
    this.sigma = sigma;
    this.weightX = wx;
    this.weightY = wy;
    this.hx = (wx.length - 1) / 2;
    this.hy = (wy.length - 1) / 2;
  }

  /** Half-widths (cells) R gives a kernel of bandwidth {@code sigma}: {@code floor(fl(3σ)/res)}. */
  static long halfWidth(double sigma, double res) {
    if (sigma == 0) {
      return 0;
    }
    double d = 3 * sigma;
    return (long) Math.floor(d / res);
  }

  static GaussianKernel of(double sigma, double xres, double yres) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new StiltException(
          ErrorCode.FOOTPRINT, "footprint kernel bandwidth " + sigma + " is not a finite non-negative number");
    }
    long hx = halfWidth(sigma, xres);
    long hy = halfWidth(sigma, yres);
    if (hx > MAX_HALF_WIDTH || hy > MAX_HALF_WIDTH) {
      throw new StiltException(
          ErrorCode.FOOTPRINT,
          "footprint kernel bandwidth "
              + sigma
              + " needs a "
              + (2 * hx + 1)
              + " × "
              + (2 * hy + 1)
              + " cell kernel at xres = "
              + xres
              + ", yres = "
              + yres
              + "; the particle spread is implausibly large for this grid (check the particle coordinates,"
              + " or use a coarser grid or a smaller smooth_factor).");
    }
    if (hx == 0 && hy == 0) {
      return UNIT;
    }
    return new GaussianKernel(sigma, profile((int) hx, xres, sigma), profile((int) hy, yres, sigma));
  }

  private static double[] profile(int h, double res, double sigma) {
    double[] w = new double[2 * h + 1];
    double twoSigma2 = 2 * (sigma * sigma);
    double sum = 0;
    for (int a = -h; a <= h; a++) {
      double x = a * res;
      double v = StrictMath.exp(-(x * x) / twoSigma2);
      w[a + h] = v;
      sum += v;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  boolean isUnit() {
    return hx == 0 && hy == 0;
  }

  int nx() {
    return weightX.length;
  }

  int ny() {
    return weightY.length;
  }
}
