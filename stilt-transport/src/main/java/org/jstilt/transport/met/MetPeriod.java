package org.jstilt.transport.met;

import java.time.Instant;

/**
 * Every column's profiles on the internal levels at one met time, plus the surface fields the engine
 * samples. Built once by {@link MetPeriodBuilder}; immutable afterwards (fields are exposed as arrays for
 * the hot loop, which must not write them).
 *
 * <p>Level arrays: {@code a[column * nLevels + k - 1]}, internal level k = 1..nLevels. Column arrays:
 * {@code a[column]}, column {@code (j-1)*nx + (i-1)}.
 */
public final class MetPeriod {
  public final Instant time;
  /** The part of the met grid this period was built for; nx, ny and every array are relative to it. */
  public final GridWindow window;
  public final int nx;
  public final int ny;
  public final int nLevels;
  /** Grid-relative wind components (grid units per minute). */
  public final double[] u;

  public final double[] v;
  /** Vertical velocity in σ per minute, positive downward (σ grows toward the ground). */
  public final double[] w;
  /** Potential temperature (K). */
  public final double[] theta;
  /** Temperature (K). */
  public final double[] temp;
  /** Pressure (hPa). */
  public final double[] pres;
  /** Dry-air density (kg/m³) as PARDSP derives it for the half-step before advection (and the dens column). */
  public final double[] dens;
  /**
   * Dry-air density (kg/m³) of the half-step after advection: hycs_std converts once more, from {@link #dens} with
   * the ambient temperature in place of θ (stilt-transport README).
   */
  public final double[] densNext;
  /** Relative humidity fraction. */
  public final double[] rhfr;
  /** Specific humidity (kg/kg). */
  public final double[] sphu;
  /** Vertical velocity standard deviation σw (m/s). */
  public final double[] sigw;
  /** Lagrangian time scale (s). */
  public final double[] tl;
  /**
   * Horizontal velocity variance u'² = v'² (m²/s²): hycs_std's UMIX/VMIX with KDEF=0, half the vertical
   * variance at every level.
   */
  public final double[] hvar;

  /** Terrain height (m). */
  public final double[] zsfc;
  /** Mixed-layer depth (m above ground) after scaling and the KMIX0 floor. */
  public final double[] zi;
  /** Friction velocity (m/s), z_s/L, w* (m/s). */
  public final double[] ustar;

  public final double[] zol;
  public final double[] wstar;
  /** Surface fields passed through for output: sensible and latent heat flux (W/m²), clouds (%), shortwave (W/m²), precipitation (m per minute). */
  public final double[] shtf;

  public final double[] lhtf;
  public final double[] tcld;
  public final double[] lcld;
  public final double[] dswf;
  public final double[] rain;

  MetPeriod(Instant time, GridWindow window, int nLevels) {
    this.time = time;
    this.window = window;
    this.nx = window.nx();
    this.ny = window.ny();
    this.nLevels = nLevels;
    int nc = this.nx * this.ny;
    int n3 = nc * nLevels;
    u = new double[n3];
    v = new double[n3];
    w = new double[n3];
    theta = new double[n3];
    temp = new double[n3];
    pres = new double[n3];
    dens = new double[n3];
    densNext = new double[n3];
    rhfr = new double[n3];
    sphu = new double[n3];
    sigw = new double[n3];
    tl = new double[n3];
    hvar = new double[n3];
    zsfc = new double[nc];
    zi = new double[nc];
    ustar = new double[nc];
    zol = new double[nc];
    wstar = new double[nc];
    shtf = new double[nc];
    lhtf = new double[nc];
    tcld = new double[nc];
    lcld = new double[nc];
    dswf = new double[nc];
    rain = new double[nc];
  }

  /** Index of internal level k (1-based) of grid point (i, j) (1-based) in the level arrays. */
  public int index(int i, int j, int k) {
    return ((j - 1) * nx + (i - 1)) * nLevels + k - 1;
  }

  /** Column index of grid point (i, j) (1-based). */
  public int column(int i, int j) {
    return (j - 1) * nx + (i - 1);
  }
}
