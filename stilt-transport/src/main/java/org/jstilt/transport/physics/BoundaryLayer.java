package org.jstilt.transport.physics;

import static org.jstilt.transport.physics.Atmosphere.G;
import static org.jstilt.transport.physics.Atmosphere.KARMAN;

/**
 * Mixed-layer depth, surface stability and the turbulence profiles of one column (HYSPLIT STBANL/STBSND
 * in STILT mode: KMIXD=3, KBLS=1, KBLT=5). Works on the column's internal-level profiles, heights above
 * ground; see TRANSPORT.md §5.1–5.3 for the formulas and where they come from.
 *
 * <p>Stateless; the caller owns every array.
 */
public final class BoundaryLayer {
  /** Smallest friction velocity (m/s) used anywhere, as HYSPLIT floors u*. */
  public static final double USTAR_MIN = 1e-4;
  /** Smallest magnitude of the temperature scale θ* (K), as hycs_std floors it. */
  public static final double TSTAR_MIN = 1e-4;
  /** Critical bulk Richardson number of the KMIXD=3 mixed-layer depth. */
  public static final double RI_CRITICAL = 0.25;
  /** Bounds of the Richardson closure diffusivity above the mixed layer (m²/s). */
  public static final double K_MIN = 0.01;

  public static final double K_MAX = 200.0;
  /** Lagrangian time scale above the mixed layer (s). */
  public static final double TL_FREE = 100.0;

  private BoundaryLayer() {}

  /**
   * Surface-layer stability from fluxes (KBLS=1).
   *
   * @param ustar friction velocity (m/s), floored at {@link #USTAR_MIN}
   * @param tstar temperature scale θ* (K), negative when the surface heats the air
   * @param zOverL stability parameter z_s/L at the top of the surface layer, clamped to [−2, 15]
   * @param obukhovM Obukhov length (m)
   */
  public record Stability(double ustar, double tstar, double zOverL, double obukhovM) {
    /** True when the surface layer is convective (z/L < 0). */
    public boolean unstable() {
      return zOverL < 0;
    }
  }

  /**
   * Stability from u*, the sensible heat flux and the lowest-level state.
   *
   * @param ustarData friction velocity from the met data (m/s)
   * @param sensibleHeatWm2 upward sensible heat flux (W/m²)
   * @param densSl air density at the surface-layer top, internal level KSFC (kg/m³)
   * @param thetaSl potential temperature at the surface-layer top (K)
   * @param surfaceLayerTopM height above ground of the surface-layer top (internal level KSFC)
   */
  public static Stability stability(
      double ustarData, double sensibleHeatWm2, double densSl, double thetaSl, double surfaceLayerTopM) {
    double ustar = Math.max(USTAR_MIN, Double.isFinite(ustarData) ? ustarData : USTAR_MIN);
    double h = Math.max(-25.0, sensibleHeatWm2);
    // hycs_std (STBANL, read from the binary): |θ*| is floored at 1e-4 K and takes the sign of −H, so a zero
    // flux (−0.0) gives θ* = −1e-4: a weakly convective column (L ≈ −300 m), not a neutral one.
    double tstar = Math.copySign(Math.max(Math.abs(h / (densSl * Atmosphere.CP * ustar)), TSTAR_MIN), -h);
    double zol = surfaceLayerTopM * KARMAN * G * tstar / (ustar * ustar * thetaSl);
    zol = Math.max(-2.0, Math.min(15.0, zol));
    if (zol == 0.0) {
      zol = 0.001;
    }
    return new Stability(ustar, tstar, zol, surfaceLayerTopM / zol);
  }

  /**
   * Mixed-layer depth by the modified bulk Richardson number (KMIXD=3), before any floor or scaling.
   *
   * <p>Ri is taken from level 1 to each level k above it; zi is where Ri reaches {@link #RI_CRITICAL}, linear
   * between the two levels that bracket the crossing (from Ri = 0 at level 1 when level 2 already crosses). In a
   * convective column the surface θ gets the Holtslag–Boville excess temperature, with θ* carried from the
   * surface-layer top by the density ratio ρ(KSFC)/ρ(k) — STBANL's reference level is KSFC, not level 1 (hycs_std
   * v5.1.0, gdb: with ρ(1) here the 01 UTC depths above the floor were 0.1–0.3 % low).
   *
   * @param zAgl heights above ground of the internal levels (index 0 = level 1)
   * @param theta potential temperature at the levels (K)
   * @param uMs grid-relative u (m/s)
   * @param vMs grid-relative v (m/s)
   * @param dens air density (kg/m³)
   * @param st surface stability of the column
   * @param ksfc the surface-layer top level KSFC (1-based)
   * @param nLevels how many levels to scan (the levels with data)
   */
  public static double bulkRichardsonDepth(
      double[] zAgl,
      double[] theta,
      double[] uMs,
      double[] vMs,
      double[] dens,
      Stability st,
      int ksfc,
      int nLevels) {
    double thetaS = theta[0];
    double densSl = dens[ksfc - 1];
    double prevRi = 0.0;
    double prevZ = zAgl[0];
    for (int k = 1; k < nLevels; k++) {
      double ts = thetaS;
      if (st.unstable()) {
        double tstarK = st.tstar() * densSl / dens[k];
        double wstar = Math.cbrt(Math.abs(G * st.ustar() * tstarK * zAgl[k] / theta[0]));
        double u3 = st.ustar() * st.ustar() * st.ustar();
        double excess = Math.abs(8.5 * st.ustar() * tstarK / Math.cbrt(u3 + 0.6 * wstar * wstar * wstar));
        ts = thetaS + excess;
      }
      double du = uMs[k] - uMs[0];
      double dv = vMs[k] - vMs[0];
      double dv2 = Math.max(1e-4, du * du + dv * dv);
      double ri = G * (theta[k] - ts) * (zAgl[k] - zAgl[0]) / (ts * dv2);
      if (ri >= RI_CRITICAL) {
        double f = (RI_CRITICAL - prevRi) / (ri - prevRi);
        return prevZ + f * (zAgl[k] - prevZ);
      }
      prevRi = ri;
      prevZ = zAgl[k];
    }
    return zAgl[nLevels - 2];
  }

  /** Convective velocity scale w* (m/s) with θ at the surface-layer top (KSFC); 0 unless unstable. */
  public static double wstar(Stability st, double ziM, double thetaSl) {
    if (!st.unstable()) {
      return 0.0;
    }
    return Math.cbrt(Math.abs(G * st.ustar() * st.tstar() * ziM / thetaSl));
  }

  /**
   * σw (m/s) of the Hanna (1982) STILT parameterisation inside the mixed layer.
   *
   * @param zM height above ground
   * @param ziM mixed-layer depth
   */
  public static double sigmaWPbl(double zM, double ziM, Stability st, double wstar) {
    double h = zM / ziM;
    double s = Math.max(-2.0, Math.min(10.0, st.zOverL()));
    double sw;
    if (s >= 0) {
      sw = 1.3 * st.ustar() * (1.0 - h);
    } else {
      double lOverZi = st.obukhovM() / ziM;
      if (h < 0.03) {
        sw = 0.96 * wstar * Math.cbrt(3 * h - lOverZi);
      } else if (h < 0.4) {
        sw = wstar * Math.min(0.96 * Math.cbrt(3 * h - lOverZi), 0.763 * Math.pow(h, 0.175));
      } else if (h < 0.96) {
        sw = 0.722 * wstar * Math.pow(1 - h, 0.207);
      } else {
        sw = 0.37 * wstar;
      }
    }
    return Math.max(1e-5, sw);
  }

  /** Lagrangian time scale T_L (s) of the Hanna parameterisation inside the mixed layer. */
  public static double tlPbl(double zM, double ziM, double sigw, Stability st, double z0M) {
    double h = zM / ziM;
    if (st.zOverL() >= 0) {
      return 0.1 * (ziM / sigw) * Math.pow(h, 0.8);
    }
    double l = st.obukhovM();
    if (h < 0.1 && zM - z0M < Math.abs(l)) {
      return 0.1 * zM / (sigw * (0.55 + 0.38 * (zM - z0M) / l));
    }
    if (h < 0.1) {
      return 0.59 * zM / sigw;
    }
    return 0.15 * (ziM / sigw) * (1 - Math.exp(-5 * h));
  }

  /**
   * Vertical diffusivity (m²/s) of the local Richardson-number closure above the mixed layer (STBSND free
   * troposphere), from the layer between the level below and this level: {@code Ri = g·Δz·Δθ/(|ΔV|²·θ_below)}
   * with |ΔV|² ≥ 0.1 m²/s² and Ri in [0, 20]; ζ from Ri by the polynomial (linear below 0.001, at most 256);
   * Beljaars–Holtslag φh(ζ); mixing length {@code l = 1/(1/(κz) + 1/150)};
   * {@code K = l²·|ΔV|/Δz/φh}, clamped to [{@link #K_MIN}, {@link #K_MAX}].
   *
   * @param zM height of this level above ground
   * @param dzM height difference to the level below
   * @param thetaBelow potential temperature of the level below (K)
   * @param dTheta θ difference to the level below (K)
   * @param dv2 squared wind-vector difference to the level below (m²/s²)
   */
  public static double freeTroposphereK(double zM, double dzM, double thetaBelow, double dTheta, double dv2) {
    double delu = Math.max(dv2, 0.1);
    double ri = G * dzM * dTheta / delu / thetaBelow;
    ri = Math.max(0.0, Math.min(20.0, ri));
    double xl;
    if (ri <= 0.001) {
      xl = 1.0893 * ri;
    } else {
      xl = 2.828e-4 + ri * (0.8049 + ri * (1.6583 + ri * (5.090e-3 + ri * -1.0063e-3)));
    }
    xl = Math.min(256.0, xl);
    double a = 1.0;
    double b = 2.0 / 3.0;
    double c = 5.0;
    double d = 0.35;
    double etrm = b * Math.exp(-d * xl) * (1.0 + c - d * xl);
    double phiH = Atmosphere.PRANDTL * (1.0 + (a * Math.sqrt(1.0 + a * b * xl) + etrm) * xl);
    double l = 1.0 / (1.0 / (KARMAN * zM) + 1.0 / 150.0);
    double k = l * l * Math.abs(Math.sqrt(delu) / dzM) / phiH;
    return Math.max(K_MIN, Math.min(K_MAX, k));
  }
}
