package org.jstilt.runtime.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.io.AtomicFile;
import org.jstilt.io.config.ReceptorsCsv;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;

/**
 * Writes the quick-start project into an empty directory: {@code met/} (a day of synthetic ARL
 * meteorology over northern Utah: flat terrain, a west-north-westerly wind, a diurnal boundary layer),
 * {@code config.yaml} (native engine, a small particle count, one footprint grid) and
 * {@code receptors.csv} (four towers at two inlet heights at three hours, and one column).
 *
 * <p>The sizes are chosen for a demonstration, not for science: 100 particles and 6 hours back per
 * receptor keep the whole quick start to about 26 s of CPU time (docs/BENCHMARKS.md), well within a minute
 * on two cores. The config is commented, so it doubles
 * as a starting point for a real project.
 */
public final class QuickstartProject {
  /** The day of the synthetic meteorology (the day of the shared R-STILT reference runs). */
  public static final Instant DAY = Instant.parse("2019-05-30T00:00:00Z");
  /** The met stream's name, the first part of every simulation id. */
  public static final String MET_NAME = "synth";
  public static final String MET_DIR = "met";
  public static final int NUMPAR = 100;
  public static final int N_HOURS = -6;

  /** A tower site. */
  public record Tower(String code, String place, double lonDeg, double latDeg) {}

  /** Four sites of the Salt Lake Valley CO2 network area, positions rounded to 0.001 degree. */
  public static final List<Tower> TOWERS = List.of(
      new Tower("wbb", "University of Utah", -111.848, 40.766),
      new Tower("rpk", "Rose Park", -111.935, 40.794),
      new Tower("dbk", "Daybreak", -112.012, 40.538),
      new Tower("sug", "Sugarhouse", -111.858, 40.740));
  /** Inlet heights above ground, metres. */
  public static final List<Double> INLET_HEIGHTS_M = List.of(10.0, 100.0);
  /** Receptor hours (UTC) on {@link #DAY}: early morning, midday and afternoon in Utah (UTC-6). */
  public static final List<Integer> HOURS_UTC = List.of(12, 18, 22);
  /** The column: a satellite-like sounding over the first tower, surface to 2000 m, at 20 UTC. */
  public static final double COLUMN_TOP_M = 2000;
  public static final int COLUMN_HOUR_UTC = 20;

  /** Footprint grid edges (degrees) and resolution: the towers and 6 hours upwind of them. */
  public static final double XMIN = -114.2;
  public static final double XMAX = -111.4;
  public static final double YMIN = 40.2;
  public static final double YMAX = 41.7;
  public static final double RES_DEG = 0.02;

  private QuickstartProject() {}

  /** What {@link #create} wrote. */
  public record Created(Path directory, Path configFile, Path receptorsFile, List<Path> metFiles, List<Receptor> receptors) {}

  /** The 25 receptors: every tower x inlet height x hour (24 points), then the column. */
  public static List<Receptor> receptors() {
    List<Receptor> out = new ArrayList<>();
    for (int hour : HOURS_UTC) {
      for (Tower t : TOWERS) {
        for (double h : INLET_HEIGHTS_M) {
          out.add(PointReceptor.agl(DAY.plusSeconds(3600L * hour), t.lonDeg(), t.latDeg(), h));
        }
      }
    }
    Tower first = TOWERS.get(0);
    out.add(new ColumnReceptor(DAY.plusSeconds(3600L * COLUMN_HOUR_UTC), first.lonDeg(), first.latDeg(), 0,
        COLUMN_TOP_M, AltitudeReference.AGL));
    return out;
  }

  /**
   * The synthetic meteorology: hourly, 0.1 degree over -115 .. -108.5, 38 .. 43.5, a 4 m/s wind at 10 m
   * from 290 degrees, the rest at the generator's defaults. Two daily files: {@link #DAY} and the first
   * hours of the next day, because met discovery (PYSTILT's rule) also asks for the file after a
   * simulation's window, and a missing one would be noted in every stilt.log.
   */
  public static SyntheticMetSpec met() {
    return SyntheticMetSpec.builder()
        .start(DAY)
        .hours(26)
        .fileHours(24)
        .box(-115, 38, -108.5, 43.5)
        .resolutionDeg(0.1)
        .wind(4, 290)
        .build();
  }

  /**
   * Writes the project into {@code dir}, which must not exist or be empty (the quick start never mixes
   * its files with someone else's).
   *
   * @throws StiltException {@link ErrorCode#USAGE} when {@code dir} is a file or not empty
   */
  public static Created create(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    requireEmpty(root);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot create " + root + ": " + e.getMessage(), e);
    }
    List<Path> met = SyntheticMet.write(met(), root.resolve(MET_DIR));
    List<Receptor> receptors = receptors();
    Path receptorsFile = root.resolve("receptors.csv");
    ReceptorsCsv.write(receptors, receptorsFile);
    Path configFile = root.resolve("config.yaml");
    String yaml = configYaml();
    AtomicFile.write(configFile, tmp -> Files.writeString(tmp, yaml, StandardCharsets.UTF_8));
    return new Created(root, configFile, receptorsFile, met, receptors);
  }

  /** The commented config.yaml. */
  public static String configYaml() {
    StringBuilder towers = new StringBuilder();
    for (Tower t : TOWERS) {
      towers.append(String.format(Locale.ROOT, "#   %s  %-20s %9.3f %8.3f%n", t.code(), t.place(), t.lonDeg(), t.latDeg()));
    }
    return String.format(Locale.ROOT, """
        # JSTILT quick start (written by 'stilt quickstart'): a small project on synthetic meteorology.
        # Every key below is the same as in a PYSTILT config.yaml. Change something, then re-run with
        #   stilt run .            (skips finished simulations; --no-skip runs them all again)
        # Receptors (receptors.csv): towers at %s m above ground at %s UTC, and one column
        # (0-%.0f m) over the first tower at %02d UTC:
        %s
        # ---- Run parameters --------------------------------------------------------------------------
        n_hours: %d            # 6 hours backward from each receptor
        numpar: %d             # particles per receptor (few, to be quick; real studies use 500-5000)
        hnf_plume: true         # hyper-near-field dilution of the footprint near the receptor
        varsiwant: [time, indx, long, lati, zagl, foot, mlht, pres, dens, samt, sigw, tlgr]
        skip_existing: true

        # ---- Meteorology: one day of idealized ARL data made by 'stilt met synth' -----------------------
        mets:
          %s:
            directory: %s                 # relative to this file
            file_format: "%%Y%%m%%d_%%H"
            file_tres: 24h

        # ---- Footprints: hourly layers on a 0.02 degree grid ------------------------------------------
        footprints:
          default:
            xmin: %s
            xmax: %s
            ymin: %s
            ymax: %s
            xres: %s
            yres: %s

        # ---- Transport: the native Java engine, seeded so every run gives the same particles ----------
        transport:
          engine: native
          threads: 1            # one thread per simulation: simulations run side by side instead
          seed: 42

        # ---- Execution ----------------------------------------------------------------------------------
        execution:
          backend: local
          n_workers: 2          # simulations at once (the quick start uses every core)
        """,
        join(INLET_HEIGHTS_M.stream().map(h -> String.format(Locale.ROOT, "%.0f", h)).toList()),
        join(HOURS_UTC.stream().map(h -> String.format(Locale.ROOT, "%02d:00", h)).toList()),
        COLUMN_TOP_M, COLUMN_HOUR_UTC, towers.toString().stripTrailing(), N_HOURS, NUMPAR, MET_NAME, MET_DIR,
        XMIN, XMAX, YMIN, YMAX, RES_DEG, RES_DEG);
  }

  private static String join(List<String> items) {
    return items.size() <= 1 ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static void requireEmpty(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new StiltException(ErrorCode.USAGE, root + " exists and is not a directory; give a new directory for the quick start.");
    }
    try (Stream<Path> s = Files.list(root)) {
      if (s.findAny().isPresent()) {
        String hint = Files.isRegularFile(root.resolve("config.yaml"))
            ? " It already holds a project: run it with 'stilt run " + root + "', or give a new directory."
            : " Give a new or empty directory.";
        throw new StiltException(ErrorCode.USAGE, root + " is not empty; the quick start writes only into a new or"
            + " empty directory." + hint);
      }
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}
