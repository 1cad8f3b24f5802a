package org.jstilt.met.arl;

/**
 * The vertical coordinate of an ARL file's upper levels (index header {@code KFLAG}); level 0 is always
 * the surface.
 *
 * <p>How a level value becomes a pressure (TRANSPORT.md §1.8): sigma {@code p = top + (psfc - top)·σ};
 * pressure levels are the pressure itself (heights from {@code HGTS}); terrain-following levels are heights
 * above ground in metres; hybrid levels store {@code offset + σ} with the integer part an offset in hPa,
 * {@code p = psfc·σ + offset}; WRF-eta files carry their pressure in a {@code PRES} field.
 */
public enum VerticalCoordinate {
  /** Terrain-following sigma, {@code KFLAG = 1} (HRRR, NAM, WRF converted). */
  SIGMA(1),
  /** Absolute pressure levels in hPa, {@code KFLAG = 2} (GFS, GDAS, NARR). */
  PRESSURE(2),
  /** Terrain-following height in metres, {@code KFLAG = 3} (RAMS, sigma-z). */
  TERRAIN(3),
  /** Hybrid sigma-pressure, {@code KFLAG = 4} (ECMWF, GFS hybrid). */
  HYBRID(4),
  /** WRF mass (eta) coordinate, {@code KFLAG = 5} (newer HYSPLIT converters). */
  WRF_ETA(5);

  private final int flag;

  VerticalCoordinate(int flag) {
    this.flag = flag;
  }

  /** The {@code KFLAG} value written in the index record. */
  public int flag() {
    return flag;
  }

  /** The coordinate for a {@code KFLAG} value, or {@code null} if the flag is not one of 1..5. */
  public static VerticalCoordinate ofFlag(int flag) {
    for (VerticalCoordinate v : values()) {
      if (v.flag == flag) {
        return v;
      }
    }
    return null;
  }

  /**
   * Pressure (hPa) at an upper level of this coordinate, for the coordinates where it follows from the level
   * value and the surface pressure alone; NaN for {@link #TERRAIN} and {@link #WRF_ETA}, whose pressure comes
   * from data ({@code PRES}) or from hydrostatic integration.
   *
   * @param levelValue the level value from the index record
   * @param surfacePressureHPa {@code PRSS} at the column
   * @param topPressureHPa the sigma top offset (index header {@code DUMMY}; 0 for HRRR)
   */
  public double pressureHPa(double levelValue, double surfacePressureHPa, double topPressureHPa) {
    switch (this) {
      case SIGMA:
        return topPressureHPa + (surfacePressureHPa - topPressureHPa) * levelValue;
      case PRESSURE:
        return levelValue;
      case HYBRID:
        double offset = Math.floor(levelValue);
        return surfacePressureHPa * (levelValue - offset) + offset;
      default:
        return Double.NaN;
    }
  }
}
