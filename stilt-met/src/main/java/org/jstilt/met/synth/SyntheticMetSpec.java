package org.jstilt.met.synth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a synthetic meteorology set. {@link #defaults()} is a 24-hour day over northern Utah
 * (the shared HRRR domain, widened) with a 1.5 km afternoon boundary layer and a 5 m/s westerly.
 *
 * @param start first period (UTC)
 * @param hours length of the set; periods run from {@code start} to {@code start + hours} inclusive
 * @param interval time between periods
 * @param fileHours hours per output file (a trailing lone period joins the previous file)
 * @param westDeg west edge (longitude of grid column 1)
 * @param southDeg south edge (latitude of grid row 1)
 * @param eastDeg east edge (the grid extends to the last whole step at or before it)
 * @param northDeg north edge
 * @param resolutionDeg grid increment in both directions
 * @param terrainM terrain height (SHGT), the same everywhere
 * @param surfacePressureHPa surface pressure (PRSS)
 * @param windSpeed10M wind speed at 10 m
 * @param windFromDeg meteorological wind direction (where the wind comes from, degrees clockwise from north)
 * @param shearExponent power-law exponent: speed(z) = windSpeed10M · (z/10 m)^exponent above 10 m
 * @param roughnessM aerodynamic roughness length (RGHS), also used for the friction velocity
 * @param pblMaxM mixed-layer depth at local noon
 * @param pblMinM mixed-layer depth at night
 * @param meanTempK daily mean of the mixed-layer potential temperature
 * @param diurnalAmplitudeK half the daily range of the mixed-layer potential temperature (maximum at 15 local)
 * @param freeLapseKPerKm potential-temperature gradient of the free troposphere
 * @param inversionK potential-temperature jump at the top of the daytime mixed layer
 * @param nightInversionK strength of the nocturnal surface inversion
 * @param heatFluxMaxWm2 sensible heat flux at local noon (SHTF); at night -{@code nightCoolingWm2}
 * @param nightCoolingWm2 magnitude of the (negative) nighttime sensible heat flux
 * @param bowenRatio sensible / latent heat flux by day
 * @param relativeHumidity relative humidity (0..1) at the surface and through the mixed layer
 * @param sigmaLevels sigma values of the upper levels, decreasing from just below 1
 * @param pressureLevelsHPa when not empty, write absolute pressure levels (hPa, decreasing, all below the surface
 *     pressure) with geopotential heights (HGTS) and relative humidity (RELH), as GDAS/GFS ARL files, instead of sigma
 * @param sigmaRelh on sigma levels, write relative humidity (RELH, %) instead of specific humidity (SPHU)
 */
public record SyntheticMetSpec(
    Instant start,
    int hours,
    Duration interval,
    int fileHours,
    double westDeg,
    double southDeg,
    double eastDeg,
    double northDeg,
    double resolutionDeg,
    double terrainM,
    double surfacePressureHPa,
    double windSpeed10M,
    double windFromDeg,
    double shearExponent,
    double roughnessM,
    double pblMaxM,
    double pblMinM,
    double meanTempK,
    double diurnalAmplitudeK,
    double freeLapseKPerKm,
    double inversionK,
    double nightInversionK,
    double heatFluxMaxWm2,
    double nightCoolingWm2,
    double bowenRatio,
    double relativeHumidity,
    List<Double> sigmaLevels,
    List<Double> pressureLevelsHPa,
    boolean sigmaRelh) {

  /** The sigma levels of the shared HRRR files (0.999 ... 0.47675), which hycs_std handles as HRRR. */
  public static final List<Double> HRRR_SIGMA = List.of(
      0.999, 0.996, 0.9905, 0.981, 0.967, 0.949, 0.9275, 0.904, 0.8785, 0.85, 0.8185, 0.784, 0.7465, 0.706,
      0.6625, 0.616, 0.567, 0.5195, 0.47675);

  public SyntheticMetSpec {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(interval, "interval");
    sigmaLevels = List.copyOf(sigmaLevels);
    pressureLevelsHPa = List.copyOf(pressureLevelsHPa);
    require(hours > 0, "hours must be > 0, got " + hours);
    require(!interval.isNegative() && !interval.isZero() && interval.toSeconds() % 60 == 0,
        "interval must be a positive whole number of minutes, got " + interval);
    require(Duration.ofHours(hours).toMinutes() % interval.toMinutes() == 0,
        "hours (" + hours + ") must be a whole number of intervals (" + interval.toMinutes() + " min)");
    require(fileHours > 0, "file hours must be > 0, got " + fileHours);
    require(Duration.ofHours(fileHours).toMinutes() % interval.toMinutes() == 0,
        "file hours (" + fileHours + ") must be a whole number of intervals (" + interval.toMinutes() + " min)");
    require(resolutionDeg > 0, "resolution must be > 0 degrees, got " + resolutionDeg);
    require(southDeg >= -90 && northDeg <= 90 && southDeg < northDeg, "need -90 <= south < north <= 90");
    require(westDeg < eastDeg && eastDeg - westDeg <= 360, "need west < east within 360 degrees");
    int nx = (int) Math.floor((eastDeg - westDeg) / resolutionDeg + 1e-9) + 1;
    int ny = (int) Math.floor((northDeg - southDeg) / resolutionDeg + 1e-9) + 1;
    require(nx >= 2 && ny >= 2 && nx * ny >= 108,
        "the box gives a " + nx + " x " + ny + " grid; ARL needs at least 2 x 2 and 108 points: widen the box or refine the resolution");
    require(surfacePressureHPa > 500 && surfacePressureHPa < 1100, "surface pressure must be 500..1100 hPa");
    require(windSpeed10M >= 0 && windSpeed10M < 100, "wind speed must be 0..100 m/s");
    require(Double.isFinite(windFromDeg), "wind direction must be a number");
    require(shearExponent >= 0 && shearExponent <= 1, "shear exponent must be 0..1");
    require(roughnessM > 0 && roughnessM < 10, "roughness must be 0..10 m");
    require(pblMinM > 0 && pblMaxM >= pblMinM && pblMaxM < 5000, "need 0 < pbl-min <= pbl-max < 5000 m");
    require(meanTempK > 200 && meanTempK < 340, "mean temperature must be 200..340 K");
    require(diurnalAmplitudeK >= 0 && diurnalAmplitudeK < 30, "diurnal amplitude must be 0..30 K");
    require(freeLapseKPerKm > 0 && freeLapseKPerKm < 20, "free-troposphere lapse must be 0..20 K/km of potential temperature");
    require(inversionK >= 0 && nightInversionK >= 0, "inversion strengths must be >= 0");
    require(heatFluxMaxWm2 >= 0 && nightCoolingWm2 >= 0, "heat fluxes must be given as magnitudes >= 0");
    require(bowenRatio > 0, "Bowen ratio must be > 0");
    require(relativeHumidity > 0 && relativeHumidity < 1, "relative humidity must be between 0 and 1");
    require(!sigmaLevels.isEmpty(), "at least one upper level");
    double previous = 1.0;
    for (double s : sigmaLevels) {
      require(s < previous && s > 0.05, "sigma levels must decrease from below 1 and stay above 0.05, got " + sigmaLevels);
      previous = s;
    }
    require(terrainM >= -400 && terrainM < 5000, "terrain must be -400..5000 m");
    double above = surfacePressureHPa;
    for (double p : pressureLevelsHPa) {
      require(p < above && p > 50, "pressure levels must decrease from below the surface pressure ("
          + surfacePressureHPa + " hPa) and stay above 50 hPa, got " + pressureLevelsHPa);
      above = p;
    }
  }

  /** True when the upper levels are absolute pressure levels. */
  public boolean pressureLevels() {
    return !pressureLevelsHPa.isEmpty();
  }

  /** Number of upper levels. */
  public int upperLevels() {
    return pressureLevels() ? pressureLevelsHPa.size() : sigmaLevels.size();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Points west to east. */
  public int nx() {
    return (int) Math.floor((eastDeg - westDeg) / resolutionDeg + 1e-9) + 1;
  }

  /** Points south to north. */
  public int ny() {
    return (int) Math.floor((northDeg - southDeg) / resolutionDeg + 1e-9) + 1;
  }

  /** The 24-hour default. */
  public static SyntheticMetSpec defaults() {
    return new Builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; every setter returns {@code this}. */
  public static final class Builder {
    Instant start = Instant.parse("2019-05-30T00:00:00Z");
    int hours = 24;
    Duration interval = Duration.ofHours(1);
    int fileHours = 24;
    double westDeg = -115.0;
    double southDeg = 38.0;
    double eastDeg = -108.5;
    double northDeg = 43.5;
    double resolutionDeg = 0.1;
    double terrainM = 0.0;
    double surfacePressureHPa = 1000.0;
    double windSpeed10M = 5.0;
    double windFromDeg = 270.0;
    double shearExponent = 0.14;
    double roughnessM = 0.1;
    double pblMaxM = 1500.0;
    double pblMinM = 150.0;
    double meanTempK = 293.15;
    double diurnalAmplitudeK = 5.0;
    double freeLapseKPerKm = 5.0;
    double inversionK = 2.0;
    double nightInversionK = 4.0;
    double heatFluxMaxWm2 = 250.0;
    double nightCoolingWm2 = 15.0;
    double bowenRatio = 0.5;
    double relativeHumidity = 0.5;
    List<Double> sigmaLevels = HRRR_SIGMA;
    List<Double> pressureLevelsHPa = List.of();
    boolean sigmaRelh;

    public Builder start(Instant v) { start = v; return this; }
    public Builder hours(int v) { hours = v; return this; }
    public Builder interval(Duration v) { interval = v; return this; }
    public Builder fileHours(int v) { fileHours = v; return this; }
    public Builder box(double west, double south, double east, double north) {
      westDeg = west; southDeg = south; eastDeg = east; northDeg = north; return this;
    }
    public Builder resolutionDeg(double v) { resolutionDeg = v; return this; }
    public Builder terrainM(double v) { terrainM = v; return this; }
    public Builder surfacePressureHPa(double v) { surfacePressureHPa = v; return this; }
    public Builder wind(double speed10M, double fromDeg) { windSpeed10M = speed10M; windFromDeg = fromDeg; return this; }
    public Builder shearExponent(double v) { shearExponent = v; return this; }
    public Builder roughnessM(double v) { roughnessM = v; return this; }
    public Builder pbl(double minM, double maxM) { pblMinM = minM; pblMaxM = maxM; return this; }
    public Builder meanTempK(double v) { meanTempK = v; return this; }
    public Builder diurnalAmplitudeK(double v) { diurnalAmplitudeK = v; return this; }
    public Builder freeLapseKPerKm(double v) { freeLapseKPerKm = v; return this; }
    public Builder inversionK(double v) { inversionK = v; return this; }
    public Builder nightInversionK(double v) { nightInversionK = v; return this; }
    public Builder heatFlux(double maxWm2, double nightCoolingWm2v) { heatFluxMaxWm2 = maxWm2; nightCoolingWm2 = nightCoolingWm2v; return this; }
    public Builder bowenRatio(double v) { bowenRatio = v; return this; }
    public Builder relativeHumidity(double v) { relativeHumidity = v; return this; }
    public Builder sigmaLevels(List<Double> v) { sigmaLevels = v; return this; }
    public Builder pressureLevels(List<Double> v) { pressureLevelsHPa = v; return this; }
    public Builder sigmaRelh(boolean v) { sigmaRelh = v; return this; }

    public SyntheticMetSpec build() {
      return new SyntheticMetSpec(start, hours, interval, fileHours, westDeg, southDeg, eastDeg, northDeg, resolutionDeg,
          terrainM, surfacePressureHPa, windSpeed10M, windFromDeg, shearExponent, roughnessM, pblMaxM, pblMinM, meanTempK,
          diurnalAmplitudeK, freeLapseKPerKm, inversionK, nightInversionK, heatFluxMaxWm2, nightCoolingWm2, bowenRatio,
          relativeHumidity, sigmaLevels, pressureLevelsHPa, sigmaRelh);
    }
  }
}
