package org.jstilt.met.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlGridDefinition;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.arl.ArlWriter;
import org.jstilt.met.arl.VerticalCoordinate;

/**
 * Idealized, horizontally uniform meteorology on a latitude-longitude grid with sigma levels, written as ARL.
 *
 * <p>Physics, per period (one column, copied to every grid point):
 * <ul>
 *   <li>Time of day is the local solar hour at the grid's central longitude; daylight
 *       {@code d = max(0, sin(π(h−6)/12))} peaks at local noon.
 *   <li>Mixed-layer depth {@code PBLH = pblMin + (pblMax − pblMin)·d}; sensible heat flux
 *       {@code SHTF = heatFluxMax·d} by day and {@code −nightCooling} at night; latent heat flux by day from the
 *       Bowen ratio; downward shortwave {@code 900·d} W/m².
 *   <li>Potential temperature: by day well mixed ({@code θ = θm}) up to PBLH, an inversion of {@code inversionK}
 *       over the next 100 m, then the free-troposphere gradient; at night a surface-based stable layer
 *       {@code θm + nightInversion·(1 − e^{−z/150 m})} plus the free gradient (θ increases with height
 *       everywhere). Around sunrise and sunset the two profiles are blended. {@code θm} follows a sine with its
 *       maximum at 15 local.
 *   <li>Pressure by hydrostatic integration of {@code d ln p/dz = −g/(R_d T)}, {@code T = θ (p/1000)^κ}, from the
 *       surface pressure upward (RK4, 2 m steps); each sigma level's height is where {@code p = σ·PRSS}, and its
 *       temperature is {@code θ(z)(p/1000)^κ}. So the level temperatures and pressures satisfy the hypsometric
 *       equation the transport engine uses to rebuild heights.
 *   <li>Specific humidity: {@code relativeHumidity} at the surface, constant through the daytime mixed layer and
 *       halving across its top; decaying with a 2.5 km scale height above (and at night from the surface);
 *       never above 95 % of saturation (Bolton's saturation vapour pressure).
 *   <li>Wind from {@code windFromDeg} with speed {@code U10·(z/10)^α} above 10 m and the neutral log profile
 *       below; friction velocity {@code κ U10 / ln(10 m/z0)}; no vertical motion ({@code WWND = 0}).
 * </ul>
 */
public final class SyntheticMet {
  /** Gravity as in HYSPLIT (m/s²). */
  public static final double G = 9.80616;
  /** Gas constant of dry air as in HYSPLIT (J/kg/K). */
  public static final double RD = 287.04;
  /** Specific heat of dry air at constant pressure (J/kg/K). */
  public static final double CP = 1005.0;
  /** Poisson constant R_d/c_p. */
  public static final double KAPPA = RD / CP;
  /** Von Kármán constant. */
  public static final double KARMAN = 0.4;

  /** Model id written to the index header. */
  public static final String MODEL = "SYNT";

  private static final List<String> SURFACE_VARS =
      List.of("SHGT", "PRSS", "MSLP", "T02M", "RH2M", "U10M", "V10M", "SHTF", "LHTF", "USTR", "RGHS", "DSWF", "PBLH");
  private static final List<String> UPPER_VARS = List.of("TEMP", "UWND", "VWND", "WWND", "SPHU", "PRES");
  /** Upper variables of sigma files that carry relative humidity (as NAM ARL files). */
  private static final List<String> UPPER_VARS_RELH = List.of("TEMP", "UWND", "VWND", "WWND", "RELH", "PRES");
  /** Upper variables of pressure-level files, as GDAS/GFS ARL: geopotential height and relative humidity. */
  private static final List<String> PRESSURE_UPPER_VARS = List.of("HGTS", "TEMP", "UWND", "VWND", "WWND", "RELH");

  private SyntheticMet() {}

  /** The ARL grid of a spec: latitude-longitude, sigma levels, the variables above. */
  public static ArlGrid grid(SyntheticMetSpec s) {
    List<ArlLevel> levels = new ArrayList<>();
    if (s.pressureLevels()) {
      levels.add(new ArlLevel(0, 0.0, SURFACE_VARS));
      for (int k = 0; k < s.pressureLevelsHPa().size(); k++) {
        levels.add(new ArlLevel(k + 1, s.pressureLevelsHPa().get(k), PRESSURE_UPPER_VARS));
      }
    } else {
      levels.add(new ArlLevel(0, 1.0, SURFACE_VARS));
      for (int k = 0; k < s.sigmaLevels().size(); k++) {
        levels.add(new ArlLevel(k + 1, s.sigmaLevels().get(k), s.sigmaRelh() ? UPPER_VARS_RELH : UPPER_VARS));
      }
    }
    return new ArlGrid(MODEL, s.nx(), s.ny(),
        ArlGridDefinition.latLon(s.southDeg(), s.westDeg(), s.resolutionDeg(), s.resolutionDeg(), s.nx(), s.ny()),
        s.pressureLevels() ? VerticalCoordinate.PRESSURE : VerticalCoordinate.SIGMA, levels);
  }

  /**
   * The state of the column at one time.
   *
   * @param localSolarHour hour of the day at the grid's central longitude
   * @param daylight d in [0, 1]
   * @param convective weight of the daytime profile in [0, 1]
   * @param levelHeightM height above ground of each upper level
   */
  public record Column(
      double localSolarHour,
      double daylight,
      double convective,
      double pblM,
      double thetaMixedK,
      double shtf,
      double lhtf,
      double ustar,
      double dswf,
      double t2mK,
      double rh2mPercent,
      double u10,
      double v10,
      double[] levelHeightM,
      double[] levelPressureHPa,
      double[] levelTempK,
      double[] levelSphu,
      double[] levelU,
      double[] levelV) {}

  /** Computes the column at {@code time}. */
  public static Column column(SyntheticMetSpec s, Instant time) {
    double centreLon = (s.westDeg() + s.eastDeg()) / 2;
    double utcHours = (time.getEpochSecond() % 86_400L + 86_400L) % 86_400L / 3600.0;
    double h = ((utcHours + centreLon / 15.0) % 24 + 24) % 24;
    double d = Math.max(0, Math.sin(Math.PI * (h - 6) / 12));
    double w = Math.min(1.0, d / 0.25);
    double zi = s.pblMinM() + (s.pblMaxM() - s.pblMinM()) * d;
    double thetaM = s.meanTempK() + s.diurnalAmplitudeK() * Math.sin(2 * Math.PI * (h - 9) / 24);
    Profile prof = new Profile(s, zi, thetaM, w);

    // hydrostatic integration of ln p from the ground up
    double pTop = (s.pressureLevels() ? s.pressureLevelsHPa().get(s.pressureLevelsHPa().size() - 1)
        : s.surfacePressureHPa() * s.sigmaLevels().get(s.sigmaLevels().size() - 1)) * 0.98;
    List<double[]> zlnp = new ArrayList<>();
    double z = 0;
    double lnp = Math.log(s.surfacePressureHPa());
    double dz = 2.0;
    zlnp.add(new double[] {z, lnp});
    while (Math.exp(lnp) > pTop) {
      double k1 = prof.dlnpdz(z, lnp);
      double k2 = prof.dlnpdz(z + dz / 2, lnp + dz / 2 * k1);
      double k3 = prof.dlnpdz(z + dz / 2, lnp + dz / 2 * k2);
      double k4 = prof.dlnpdz(z + dz, lnp + dz * k3);
      lnp += dz / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
      z += dz;
      zlnp.add(new double[] {z, lnp});
    }
    int n = s.upperLevels();
    double[] zl = new double[n];
    double[] pl = new double[n];
    double[] tl = new double[n];
    double[] ql = new double[n];
    double[] ul = new double[n];
    double[] vl = new double[n];
    double qs = s.relativeHumidity() * saturationSphu(thetaM * Math.pow(s.surfacePressureHPa() / 1000, KAPPA), s.surfacePressureHPa());
    double dir = Math.toRadians(s.windFromDeg());
    double east = clean(-Math.sin(dir));
    double north = clean(-Math.cos(dir));
    for (int k = 0; k < n; k++) {
      pl[k] = s.pressureLevels() ? s.pressureLevelsHPa().get(k) : s.sigmaLevels().get(k) * s.surfacePressureHPa();
      zl[k] = heightOf(zlnp, Math.log(pl[k]));
      tl[k] = prof.theta(zl[k]) * Math.pow(pl[k] / 1000, KAPPA);
      ql[k] = Math.min(prof.sphu(zl[k], qs), 0.95 * saturationSphu(tl[k], pl[k]));
      double speed = windSpeed(s, zl[k]);
      ul[k] = speed * east;
      vl[k] = speed * north;
    }
    double p2 = Math.exp(lnpAt(zlnp, 2.0));
    double t2 = prof.theta(2.0) * Math.pow(p2 / 1000, KAPPA);
    double q2 = Math.min(prof.sphu(2.0, qs), 0.95 * saturationSphu(t2, p2));
    double rh2 = 100 * q2 / saturationSphu(t2, p2);
    double shtf = d > 0 ? s.heatFluxMaxWm2() * d : -s.nightCoolingWm2();
    double lhtf = d > 0 ? s.heatFluxMaxWm2() * d / s.bowenRatio() : 5.0;
    double ustar = KARMAN * s.windSpeed10M() / Math.log(10.0 / s.roughnessM());
    return new Column(h, d, w, zi, thetaM, shtf, lhtf, ustar, 900 * d, t2, rh2,
        s.windSpeed10M() * east, s.windSpeed10M() * north, zl, pl, tl, ql, ul, vl);
  }

  /** cos 90° is 6e-17, not 0: snap such round-off so a due-west wind has no north component at all. */
  private static double clean(double directionCosine) {
    return Math.abs(directionCosine) < 1e-12 ? 0.0 : directionCosine;
  }

  /** The prescribed wind speed at height {@code zM} above ground. */
  public static double windSpeed(SyntheticMetSpec s, double zM) {
    if (zM >= 10) {
      return s.windSpeed10M() * Math.pow(zM / 10.0, s.shearExponent());
    }
    if (zM <= s.roughnessM()) {
      return 0;
    }
    return s.windSpeed10M() * Math.log(zM / s.roughnessM()) / Math.log(10.0 / s.roughnessM());
  }

  /** Potential temperature (K) at height {@code zM} of the column at {@code time}. */
  public static double potentialTemperature(SyntheticMetSpec s, Instant time, double zM) {
    Column c = column(s, time);
    return new Profile(s, c.pblM(), c.thetaMixedK(), c.convective()).theta(zM);
  }

  /** Specific humidity at saturation (kg/kg), Bolton (1980) vapour pressure. */
  public static double saturationSphu(double tK, double pHPa) {
    double es = 6.112 * Math.exp(17.67 * (tK - 273.15) / (tK - 29.65));
    return 0.622 * es / (pHPa - 0.378 * es);
  }

  private static double heightOf(List<double[]> zlnp, double lnp) {
    for (int i = 1; i < zlnp.size(); i++) {
      double[] a = zlnp.get(i - 1);
      double[] b = zlnp.get(i);
      if (b[1] <= lnp) {
        return a[0] + (b[0] - a[0]) * (a[1] - lnp) / (a[1] - b[1]);
      }
    }
    throw new IllegalStateException("level above the integrated column");
  }

  private static double lnpAt(List<double[]> zlnp, double z) {
    for (int i = 1; i < zlnp.size(); i++) {
      double[] a = zlnp.get(i - 1);
      double[] b = zlnp.get(i);
      if (b[0] >= z) {
        return a[1] + (b[1] - a[1]) * (z - a[0]) / (b[0] - a[0]);
      }
    }
    throw new IllegalStateException("height above the integrated column");
  }

  /** The day/night potential temperature and humidity profiles of one period. */
  private static final class Profile {
    private final SyntheticMetSpec s;
    private final double zi;
    private final double thetaM;
    private final double w;

    Profile(SyntheticMetSpec s, double zi, double thetaM, double w) {
      this.s = s;
      this.zi = zi;
      this.thetaM = thetaM;
      this.w = w;
    }

    double theta(double z) {
      double gamma = s.freeLapseKPerKm() / 1000;
      double day;
      if (z <= zi) {
        day = thetaM;
      } else if (z <= zi + 100) {
        day = thetaM + s.inversionK() * (z - zi) / 100;
      } else {
        day = thetaM + s.inversionK() + gamma * (z - zi - 100);
      }
      double night = thetaM + s.nightInversionK() * (1 - Math.exp(-z / 150)) + gamma * z;
      return w * day + (1 - w) * night;
    }

    double sphu(double z, double qs) {
      double day = z <= zi ? qs : 0.5 * qs * Math.exp(-(z - zi) / 2500);
      double night = qs * Math.exp(-z / 2500);
      return w * day + (1 - w) * night;
    }

    double dlnpdz(double z, double lnp) {
      double t = theta(z) * Math.pow(Math.exp(lnp) / 1000, KAPPA);
      return -G / (RD * t);
    }
  }

  /** The period times of a spec, start to start + hours inclusive. */
  public static List<Instant> times(SyntheticMetSpec s) {
    long n = Duration.ofHours(s.hours()).toMinutes() / s.interval().toMinutes();
    List<Instant> ts = new ArrayList<>();
    for (long k = 0; k <= n; k++) {
      ts.add(s.start().plus(s.interval().multipliedBy(k)));
    }
    return ts;
  }

  /** File name of a file whose first period is {@code first}: {@code yyyyMMdd_HH_synth}. */
  public static String fileName(Instant first) {
    return DateTimeFormatter.ofPattern("yyyyMMdd_HH").withZone(ZoneOffset.UTC).format(first) + "_synth";
  }

  /**
   * Writes the set into {@code outDir}: one file per {@code fileHours}, named {@link #fileName}; find them with
   * {@code file_format: "%Y%m%d_%H"} and {@code file_tres} = fileHours.
   *
   * @return the files written, in time order
   */
  public static List<Path> write(SyntheticMetSpec s, Path outDir) {
    ArlGrid grid = grid(s);
    List<Instant> all = times(s);
    int perFile = (int) (Duration.ofHours(s.fileHours()).toMinutes() / s.interval().toMinutes());
    List<List<Instant>> groups = new ArrayList<>();
    for (int i = 0; i < all.size(); i += perFile) {
      groups.add(new ArrayList<>(all.subList(i, Math.min(all.size(), i + perFile))));
    }
    if (groups.size() > 1 && groups.get(groups.size() - 1).size() == 1) {
      // a lone period cannot show the file's interval; HYSPLIT warns about single-period files
      groups.get(groups.size() - 2).addAll(groups.remove(groups.size() - 1));
    }
    List<Path> written = new ArrayList<>();
    int points = grid.nx() * grid.ny();
    for (List<Instant> group : groups) {
      Path target = outDir.resolve(fileName(group.get(0)));
      try (ArlWriter w = ArlWriter.create(target, grid)) {
        for (Instant t : group) {
          Column c = column(s, t);
          w.writePeriod(t, 0, (level, var) -> uniform(points, value(s, c, level, var)));
        }
        w.commit();
      }
      written.add(target);
    }
    return written;
  }

  private static double[] uniform(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** The value of a variable at a level (0 = surface) of a column. */
  static double value(SyntheticMetSpec s, Column c, int level, String var) {
    if (level == 0) {
      switch (var) {
        case "SHGT": return s.terrainM();
        case "PRSS": return s.surfacePressureHPa();
        case "MSLP": return s.surfacePressureHPa() * Math.exp(G * s.terrainM() / (RD * c.t2mK()));
        case "T02M": return c.t2mK();
        case "RH2M": return c.rh2mPercent();
        case "U10M": return c.u10();
        case "V10M": return c.v10();
        case "SHTF": return c.shtf();
        case "LHTF": return c.lhtf();
        case "USTR": return c.ustar();
        case "RGHS": return s.roughnessM();
        case "DSWF": return c.dswf();
        case "PBLH": return c.pblM();
        default: break;
      }
    } else {
      int k = level - 1;
      switch (var) {
        case "TEMP": return c.levelTempK()[k];
        case "UWND": return c.levelU()[k];
        case "VWND": return c.levelV()[k];
        case "WWND": return 0.0;
        case "SPHU": return c.levelSphu()[k];
        case "PRES": return c.levelPressureHPa()[k];
        case "HGTS": return c.levelHeightM()[k] + s.terrainM();
        case "RELH": return 100 * c.levelSphu()[k] / saturationSphu(c.levelTempK()[k], c.levelPressureHPa()[k]);
        default: break;
      }
    }
    throw new IllegalArgumentException("no synthetic value for " + var + " at level " + level);
  }
}
