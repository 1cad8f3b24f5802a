package org.jstilt.transport.physics;

/** Physical constants as HYSPLIT uses them (stbcon, prfsig), and small thermodynamic helpers. */
public final class Atmosphere {
  /** Gravity (m/s²), HYSPLIT's value. */
  public static final double G = 9.80616;
  /** Gas constant of dry air (J/(kg·K)). */
  public static final double RD = 287.04;
  /** Heat capacity of dry air at constant pressure (J/(kg·K)). */
  public static final double CP = 1005.0;
  /** Poisson exponent R/cp as HYSPLIT rounds it. */
  public static final double KAPPA = 0.286;
  /** von Kármán constant. */
  public static final double KARMAN = 0.4;
  /** Turbulent Prandtl number. */
  public static final double PRANDTL = 0.923;
  /** Molar mass of dry air (kg/mol) in the foot definition. */
  public static final double MOLAR_MASS_AIR = 0.02884;

  private Atmosphere() {}

  /** Potential temperature (K) of air at {@code tempK} and {@code presHPa}. */
  public static double theta(double tempK, double presHPa) {
    return tempK * Math.pow(1000.0 / presHPa, KAPPA);
  }

  /** Air density (kg/m³) from the ideal gas law with the dry-air constant, as HYSPLIT's PRFSIG. */
  public static double density(double tempK, double presHPa) {
    return 100.0 * presHPa / (RD * tempK);
  }

  /** Saturation vapour pressure (hPa) of HYSPLIT's humidity conversion ({@code exp(21.4 − 5351/T)}). */
  public static double saturationVapourHysplit(double tempK) {
    return Math.exp(21.4 - 5351.0 / tempK);
  }

  /** Relative humidity fraction from specific humidity, as PRFSIG converts SPHU. */
  public static double relativeHumidity(double sphu, double tempK, double presHPa) {
    double es = saturationVapourHysplit(tempK);
    return Math.max(0.0, sphu * presHPa / (0.622 * es));
  }

  /**
   * Saturation vapour pressure (hPa) over water (T ≥ 273.15 K) or ice, the Magnus/Tetens pair PARDSP uses for the
   * dry-air density (constants read from hycs_std v5.1.0).
   */
  public static double saturationVapourPardsp(double tempK) {
    if (tempK >= 273.15) {
      return 6.1078 * Math.exp(17.29694 * (tempK - 273.16) / (tempK - 35.86));
    }
    return Math.exp(23.33086 - 6111.72784 / tempK + 0.15215 * Math.log(tempK));
  }

  /**
   * Dry-air density (kg/m³) as hycs_std's PARDSP derives it for the foot integral: from the profile density
   * {@code densProfile} (p/(Rd·Tv)) and θ it recovers a pressure by Poisson's relation, the temperature from θ at
   * that pressure, e = RH·e_s (Magnus/Tetens), the mixing ratio r = 0.622·e/(p − e), and returns ρ·(1 − r).
   * Read from the binary's disassembly; it differs from (p − e)/(Rd·T) by a few 1e-4.
   */
  public static double dryDensityPardsp(double densProfile, double theta, double rhFraction) {
    double pHpa = Math.pow(densProfile * theta * Math.pow(0.001, KAPPA) * RD / 100.0, 1.0 / (1.0 - KAPPA));
    double tempK = theta * Math.pow(pHpa / 1000.0, KAPPA);
    double e = rhFraction * saturationVapourPardsp(tempK);
    double r = 0.622 * e / (pHpa - e);
    return densProfile * (1.0 - r);
  }
}
