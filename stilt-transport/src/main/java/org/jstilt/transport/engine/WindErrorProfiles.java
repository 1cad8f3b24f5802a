package org.jstilt.transport.engine;

import java.util.random.RandomGenerator;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.met.InternalLevels;

/**
 * STILT's WINDERR state (TRANSPORT.md §5.8): per particle a profile of normalised u and v errors on the internal
 * levels, correlated in the vertical by {@code exp(−Δz/ZCORLEN)} between neighbouring levels, in time by
 * {@code R_t = exp(−|Δt|/TLUVERR)} (the profile before advection) and along the path by
 * {@code R_h = exp(−distance/HORCORLEN)} (the profile after advection). Each stage keeps unit variance, so the error
 * at any level and time is N(0, σ²) with σ = SIGUVERR.
 *
 * <p>The state starts stationary (a full-variance profile at release), as the horizontal turbulence does, so the error
 * statistics do not depend on the time since release. Profiles are stored normalised, struct-of-arrays: particle p,
 * level k (1-based) at {@code p·nl + k − 1}.
 */
public final class WindErrorProfiles {
  private final int nl;
  private final double[] u;
  private final double[] v;
  /** Correlation between level k−1 and k (index k), for the nominal level heights. */
  private final double[] rz;

  /**
   * @param n number of particles
   * @param levels the internal levels
   * @param error WINDERR settings
   */
  public WindErrorProfiles(int n, InternalLevels levels, TransportParams.WindError error) {
    nl = levels.count();
    u = new double[n * nl];
    v = new double[n * nl];
    rz = new double[nl + 1];
    for (int k = 2; k <= nl; k++) {
      rz[k] = Math.exp(-(levels.height(k) - levels.height(k - 1)) / error.verticalScaleM());
    }
  }

  /** Number of internal levels of a profile. */
  public int levels() {
    return nl;
  }

  /** Draws particle p's first (stationary) profiles. */
  public void start(int p, RandomGenerator rng) {
    draw(rng, u, p * nl);
    draw(rng, v, p * nl);
  }

  /**
   * Advances particle p's profiles by one stage, {@code e ← r·e + sqrt(1 − r²)·ζ} with ζ a fresh vertically
   * correlated profile, and copies the result (times {@code scale}) into {@code outU[1..nl]}, {@code outV[1..nl]}.
   */
  public void advance(int p, double r, RandomGenerator rng, double scaleU, double scaleV, double[] outU,
      double[] outV) {
    double s = Math.sqrt(Math.max(0.0, 1.0 - r * r));
    int base = p * nl;
    double zu = 0;
    double zv = 0;
    for (int k = 1; k <= nl; k++) {
      // the fresh profile is a first-order Markov chain in the vertical: unit variance at every level
      double gu = rng.nextGaussian();
      double gv = rng.nextGaussian();
      if (k == 1) {
        zu = gu;
        zv = gv;
      } else {
        double c = Math.sqrt(1.0 - rz[k] * rz[k]);
        zu = rz[k] * zu + c * gu;
        zv = rz[k] * zv + c * gv;
      }
      int i = base + k - 1;
      u[i] = r * u[i] + s * zu;
      v[i] = r * v[i] + s * zv;
      outU[k] = scaleU * u[i];
      outV[k] = scaleV * v[i];
    }
  }

  private void draw(RandomGenerator rng, double[] a, int base) {
    double z = 0;
    for (int k = 1; k <= nl; k++) {
      double g = rng.nextGaussian();
      z = k == 1 ? g : rz[k] * z + Math.sqrt(1.0 - rz[k] * rz[k]) * g;
      a[base + k - 1] = z;
    }
  }

  /** Value of a 1-based level profile at fractional level index zx (linear; level 1 below it). */
  public static double at(double[] profile, double zx, int nl) {
    if (zx <= 1.0) {
      return profile[1];
    }
    if (zx >= nl) {
      return profile[nl];
    }
    int k = (int) zx;
    double f = zx - k;
    return profile[k] + f * (profile[k + 1] - profile[k]);
  }
}
