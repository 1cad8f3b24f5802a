package org.jstilt.cli.met;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.subset.BoundingBox;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stilt met synth --out DIR [options]}: idealized met for tests and the quick start. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write idealized ARL meteorology: flat terrain, horizontally uniform fields on a longitude-latitude grid,",
      "a prescribed wind profile, a diurnal boundary layer and hydrostatic temperature, pressure and humidity.",
      "With no options: 24 hours from 2019-05-30T00:00Z over northern Utah, one file.",
      "Find the files with file_format '%%Y%%m%%d_%%H' and file_tres = --file-hours."
    })
public final class MetSynthCommand implements Callable<Integer> {
  private static final SyntheticMetSpec D = SyntheticMetSpec.defaults();

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
  Path out;

  @Option(names = "--start", paramLabel = "TIME", description = "First period, UTC (2019-05-30T00:00:00Z or 2019-05-30T00:00). Default: ${DEFAULT-VALUE}.",
      defaultValue = "2019-05-30T00:00:00Z")
  String start;

  @Option(names = "--hours", description = "Length in hours; periods run from start to start+hours. Default: ${DEFAULT-VALUE}.", defaultValue = "24")
  int hours;

  @Option(names = "--interval", paramLabel = "MIN", description = "Minutes between periods. Default: ${DEFAULT-VALUE}.", defaultValue = "60")
  int intervalMin;

  @Option(names = "--file-hours", description = "Hours per output file. Default: ${DEFAULT-VALUE}.", defaultValue = "24")
  int fileHours;

  @Option(names = "--bbox", paramLabel = "W,S,E,N", description = "Grid box in degrees. Default: ${DEFAULT-VALUE}.",
      defaultValue = "-115,38,-108.5,43.5")
  String bbox;

  @Option(names = "--res", paramLabel = "DEG", description = "Grid spacing in degrees. Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
  double resolutionDeg;

  @Option(names = "--wind-speed", paramLabel = "M/S", description = "Wind speed at 10 m. Default: ${DEFAULT-VALUE}.", defaultValue = "5")
  double windSpeed;

  @Option(names = "--wind-dir", paramLabel = "DEG", description = "Direction the wind blows from (270 = westerly). Default: ${DEFAULT-VALUE}.",
      defaultValue = "270")
  double windDir;

  @Option(names = "--shear", paramLabel = "EXP", description = "Power-law exponent of speed with height above 10 m. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.14")
  double shear;

  @Option(names = "--pbl-max", paramLabel = "M", description = "Mixed-layer depth at local noon. Default: ${DEFAULT-VALUE}.", defaultValue = "1500")
  double pblMax;

  @Option(names = "--pbl-min", paramLabel = "M", description = "Mixed-layer depth at night. Default: ${DEFAULT-VALUE}.", defaultValue = "150")
  double pblMin;

  @Option(names = "--heat-flux", paramLabel = "W/M2", description = "Sensible heat flux at local noon. Default: ${DEFAULT-VALUE}.", defaultValue = "250")
  double heatFlux;

  @Option(names = "--temp", paramLabel = "K", description = "Daily mean mixed-layer potential temperature. Default: ${DEFAULT-VALUE}.",
      defaultValue = "293.15")
  double meanTemp;

  @Option(names = "--temp-amplitude", paramLabel = "K", description = "Half the daily temperature range. Default: ${DEFAULT-VALUE}.",
      defaultValue = "5")
  double tempAmplitude;

  @Option(names = "--surface-pressure", paramLabel = "HPA", description = "Surface pressure. Default: ${DEFAULT-VALUE}.", defaultValue = "1000")
  double surfacePressure;

  @Option(names = "--terrain", paramLabel = "M", description = "Terrain height, the same everywhere. Default: ${DEFAULT-VALUE}.", defaultValue = "0")
  double terrain;

  @Option(names = "--rh", paramLabel = "FRACTION", description = "Relative humidity near the ground (0-1). Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.5")
  double rh;

  @Option(names = "--roughness", paramLabel = "M", description = "Roughness length. Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
  double roughness;

  @Option(names = "--pressure-levels", paramLabel = "HPA,...", split = ",",
      description = "Write these absolute pressure levels (hPa, decreasing, below the surface pressure) with HGTS and "
          + "RELH, as GDAS/GFS ARL files, instead of HRRR's sigma levels.")
  List<Double> pressureLevels = List.of();

  @Option(names = "--relh", description = "On sigma levels, write relative humidity (RELH) instead of SPHU.")
  boolean relh;

  @Override
  public Integer call() {
    SyntheticMetSpec s;
    try {
      BoundingBox box = BoundingBox.parse(bbox);
      s = SyntheticMetSpec.builder()
          .start(parseStart(start))
          .hours(hours)
          .interval(Duration.ofMinutes(intervalMin))
          .fileHours(fileHours)
          .box(box.westDeg(), box.southDeg(), box.eastDeg(), box.northDeg())
          .resolutionDeg(resolutionDeg)
          .wind(windSpeed, windDir)
          .shearExponent(shear)
          .pbl(pblMin, pblMax)
          .heatFlux(heatFlux, D.nightCoolingWm2())
          .meanTempK(meanTemp)
          .diurnalAmplitudeK(tempAmplitude)
          .surfacePressureHPa(surfacePressure)
          .terrainM(terrain)
          .relativeHumidity(rh)
          .roughnessM(roughness)
          .pressureLevels(pressureLevels)
          .sigmaRelh(relh)
          .build();
    } catch (IllegalArgumentException e) {
      throw new StiltException(ErrorCode.USAGE, "Invalid synthetic met option: " + e.getMessage());
    }
    List<Path> written = SyntheticMet.write(s, out);
    PrintWriter pw = spec.commandLine().getOut();
    for (Path p : written) {
      try (ArlFile f = ArlFile.open(p)) {
        pw.printf("Wrote %s: %d x %d points, %d levels, %d periods %s to %s%n", p, f.grid().nx(), f.grid().ny(),
            f.grid().nz(), f.times().size(), f.times().get(0), f.times().get(f.times().size() - 1));
      }
    }
    pw.printf("Met settings: directory %s, file_format '%%Y%%m%%d_%%H', file_tres '%dh'%n", out.toAbsolutePath(), fileHours);
    pw.flush();
    return 0;
  }

  private static Instant parseStart(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("--start '" + text + "' is not a time like 2019-05-30T00:00:00Z or 2019-05-30T00:00");
      }
    }
  }
}
