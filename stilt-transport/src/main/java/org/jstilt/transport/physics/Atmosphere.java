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
}
