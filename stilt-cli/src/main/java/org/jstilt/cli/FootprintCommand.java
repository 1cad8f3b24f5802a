package org.jstilt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintCalculator;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.FootprintOptions;
import org.jstilt.core.footprint.FootprintResult;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.io.csv.FootprintCellsCsvWriter;
import org.jstilt.io.netcdf.FootprintMetadata;
import org.jstilt.io.netcdf.FootprintNetcdfWriter;
import org.jstilt.io.netcdf.FootprintPrecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stilt footprint}: grids a particle table into a footprint NetCDF file, as R-STILT's
 * {@code calc_footprint}, without running any transport.
 */
@Command(
    name = "footprint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compute a footprint from a particle table (CSV, CSV.gz, trajectory Parquet or hycs_std's",
      "PARTICLE_STILT.DAT) and write it as CF-1.8 NetCDF.",
      "The table needs the columns time (min), indx, long, lati (deg) and foot."
    })
final class FootprintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--particles", required = true, paramLabel = "FILE", description = "Particle table.")
  Path particles;

  @Option(names = "--receptor-time", required = true, paramLabel = "TIME",
      description = "Receptor (release) time, UTC, e.g. 2019-05-30T11:00:00Z.")
  String receptorTime;

  @Option(names = "--xmin", required = true, description = "West edge of the domain (degrees east).")
  double xmin;

  @Option(names = "--xmax", required = true, description = "East edge (degrees east; less than --xmin crosses the antimeridian).")
  double xmax;

  @Option(names = "--ymin", required = true, description = "South edge (degrees north).")
  double ymin;

  @Option(names = "--ymax", required = true, description = "North edge (degrees north).")
  double ymax;

  @Option(names = "--xres", required = true, description = "Cell width (degrees; metres for a projected grid).")
  double xres;

  @Option(names = "--yres", description = "Cell height (default: --xres).")
  Double yres;

  @Option(names = "--projection", defaultValue = GridSpec.LONGLAT, description = "PROJ.4 string (default: ${DEFAULT-VALUE}).")
  String projection;

  @Option(names = "--smooth-factor", defaultValue = "1", description = "Kernel bandwidth multiplier; 0 = no smoothing (default: ${DEFAULT-VALUE}).")
  double smoothFactor;

  @Option(names = "--time-integrate", description = "One time-integrated layer instead of hourly layers.")
  boolean timeIntegrate;

  @Option(names = "--float64", description = "Store values as float64 (default float32, as R-STILT).")
  boolean float64;

  @Option(names = "--varsiwant", split = ",", paramLabel = "COL",
      description = "Column names of a PARTICLE_STILT.DAT input, in order (default: R-STILT's ${DEFAULT-VALUE}).",
      defaultValue = "time,indx,long,lati,zagl,foot,mlht,dens,samt,sigw,tlgr")
  List<String> varsiwant;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Footprint NetCDF file to write.")
  Path output;

  @Option(names = "--nonzero-csv", paramLabel = "FILE",
      description = "Also write the non-zero cells as CSV (lon,lat,time_epoch_s,value); .gz compresses.")
  Path nonzeroCsv;

  /** The clock for {@code time_created}; the CLI's only source of "now". */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant time = parseTime(receptorTime);
    GridSpec grid = grid();
    checkOutputs();

    ParticleInput.Loaded input = ParticleInput.read(particles, ParticleColumns.FOOTPRINT_INPUT, varsiwant);
    FootprintOptions options =
        FootprintOptions.of(grid).withSmoothFactor(smoothFactor).withTimeIntegrate(timeIntegrate);
    // Only R-STILT's five columns, as its simulation_step passes them (FOOTPRINT.md 4.1).
    FootprintResult result =
        FootprintCalculator.computeDetailed(input.particles().select(ParticleColumns.FOOTPRINT_INPUT), options, time);
    FootprintGrid footprint = result.grid();
    result.divergences().forEach(d -> err.println("Note: " + d.description() + "."));

    FootprintMetadata meta = FootprintMetadata.of(smoothFactor, timeIntegrate, clock.instant())
        .withReceptorJson(receptorJson(input.receptorJson(), time))
        .withSource(versionLine())
        .withPrecision(float64 ? FootprintPrecision.FLOAT64 : FootprintPrecision.FLOAT32);
    FootprintNetcdfWriter writer = FootprintNetcdfWriter.create(w -> err.println("Warning: " + w));
    writer.write(output, footprint, meta);
    long cells;
    try {
      cells = nonzeroCsv == null ? countNonzero(footprint) : FootprintCellsCsvWriter.write(nonzeroCsv, footprint);
    } catch (RuntimeException e) {
      deleteQuietly(output); // both outputs or neither
      throw e;
    }

    out.printf("Wrote %s: %d layer(s) of %d x %d cells, %d non-zero, total %s (%s, %s)%n", output,
        footprint.nt(), footprint.ny(), footprint.nx(), cells, footprint.total(),
        float64 ? "float64" : "float32", writer.description());
    footprint.emptyReason().ifPresent(r -> out.println("The footprint is empty (" + r.label() + "): "
        + (r.label().equals("no_particles") ? "the particle table has no rows."
            : "no particle with foot > 0 came near the domain.") + " The file is all zeros with is_empty = 1."));
    if (nonzeroCsv != null) {
      out.printf("Wrote %s: %d non-zero cell(s)%n", nonzeroCsv, cells);
    }
    return 0;
  }

  /** "JSTILT x.y.z" from the root command's version provider, for the file's {@code source} attribute. */
  private String versionLine() {
    try {
      String[] v = spec.root().versionProvider().getVersion();
      return v.length > 0 ? v[0] : "JSTILT";
    } catch (Exception e) {
      return "JSTILT";
    }
  }

  private GridSpec grid() {
    double yr = yres == null ? xres : yres;
    requireFinite("--xmin", xmin);
    requireFinite("--xmax", xmax);
    requireFinite("--ymin", ymin);
    requireFinite("--ymax", ymax);
    if (!(xres > 0) || Double.isInfinite(xres)) {
      throw usage("--xres must be a positive cell size, was " + xres);
    }
    if (!(yr > 0) || Double.isInfinite(yr)) {
      throw usage("--yres must be a positive cell size, was " + yr);
    }
    if (!(ymin < ymax)) {
      throw usage("--ymin (" + ymin + ") must be less than --ymax (" + ymax + ")");
    }
    if (projection.contains(GridSpec.LONGLAT)) {
      double width = xmax > xmin ? xmax - xmin : xmax + 360 - xmin;
      // R-STILT's grid is seq(xmin, xmax, by = xres): fewer than one whole cell leaves nothing to grid.
      if (xmax != xmin && width < xres * (1 - 1e-9)) {
        throw usage("the domain --xmin " + xmin + " .. --xmax " + xmax + " is " + width
            + " degrees wide, less than one cell (--xres " + xres + "); widen it or use a smaller --xres");
      }
      if (ymax - ymin < yr * (1 - 1e-9)) {
        throw usage("the domain --ymin " + ymin + " .. --ymax " + ymax + " is " + (ymax - ymin)
            + " degrees tall, less than one cell (--yres " + yr + "); widen it or use a smaller --yres");
      }
    }
    return new GridSpec(xmin, xmax, ymin, ymax, xres, yr, projection);
  }

  private void checkOutputs() {
    for (Path p : nonzeroCsv == null ? List.of(output) : List.of(output, nonzeroCsv)) {
      if (Files.isDirectory(p)) {
        throw usage(p + " is a directory; give a file name");
      }
      if (Files.exists(particles) && p.toAbsolutePath().normalize().equals(particles.toAbsolutePath().normalize())) {
        throw usage("the output " + p + " is the particle file itself; choose another name");
      }
    }
    if (nonzeroCsv != null && nonzeroCsv.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw usage("--nonzero-csv and --output are the same file");
    }
  }

  static Instant parseTime(String text) {
    String t = text.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw usage("--receptor-time '" + text + "' is not a time; use ISO-8601 UTC such as 2019-05-30T11:00:00Z");
      }
    }
  }

  private static String receptorJson(String fromFile, Instant time) {
    String t = "\"time\": \"" + time + "\"";
    if (fromFile == null) {
      return "{" + t + "}";
    }
    if (fromFile.contains("\"time\"")) {
      return fromFile;
    }
    String body = fromFile.trim();
    return "{" + t + (body.length() > 2 ? ", " + body.substring(1) : "}");
  }

  private static long countNonzero(FootprintGrid g) {
    long n = 0;
    for (int t = 0; t < g.nt(); t++) {
      for (double v : g.layer(t)) {
        if (v != 0) {
          n++;
        }
      }
    }
    return n;
  }

  private static void requireFinite(String option, double v) {
    if (!Double.isFinite(v)) {
      throw usage(option + " must be a finite number, was " + v);
    }
  }

  private static StiltException usage(String message) {
    return new StiltException(ErrorCode.INPUT, message + ".");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Reported failure is the one that matters.
    }
  }
}
