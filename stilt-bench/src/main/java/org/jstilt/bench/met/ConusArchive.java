package org.jstilt.bench.met;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlGridDefinition;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.arl.ArlWriter;
import org.jstilt.met.arl.VerticalCoordinate;

/**
 * A CONUS-size HRRR-like ARL archive for benchmarks: 1799 x 1059 points (the HRRR 3 km grid), 20 levels
 * with the HRRR variable list, smooth analytic fields; one period is 325 MB, 31 periods about 10 GB.
 * Generated once and reused when the file already exists with the requested number of periods.
 */
public final class ConusArchive {
  public static final int NX = 1799;
  public static final int NY = 1059;

  private ConusArchive() {}

  /** The HRRR grid, map and levels at CONUS size. */
  public static ArlGrid grid() {
    List<ArlLevel> levels = new ArrayList<>();
    levels.add(new ArlLevel(0, 1.0, List.of("SHGT", "MSLP", "TPP1", "DIFR", "T02M", "RH2M", "U10M", "V10M", "PRSS", "LHTF",
        "SHTF", "USTR", "RGHS", "DSWF", "PBLH", "TCLD", "REFC", "CAPE")));
    double[] sigma = {0.999, 0.996, 0.9905, 0.981, 0.967, 0.949, 0.9275, 0.904, 0.8785, 0.85, 0.8185, 0.784, 0.7465, 0.706,
        0.6625, 0.616, 0.567, 0.5195, 0.47675};
    for (int l = 0; l < sigma.length; l++) {
      levels.add(new ArlLevel(l + 1, sigma[l], List.of("TEMP", "UWND", "VWND", "WWND", "DIFW", "SPHU", "TKEN", "PRES")));
    }
    return new ArlGrid("HRRR", NX, NY, new ArlGridDefinition(90, 0, 38.5, 262.5, 3, 0, 38.5, 1, 1, 21.138, -122.72, 0),
        VerticalCoordinate.SIGMA, levels);
  }

  /** Writes (or reuses) {@code path} with {@code periods} hourly periods. */
  public static Path ensure(Path path, int periods) {
    if (Files.exists(path)) {
      try (ArlFile f = ArlFile.open(path)) {
        if (f.periods().size() == periods && f.grid().nx() == NX) {
          return path;
        }
      } catch (RuntimeException e) {
        // regenerate below
      }
    }
    ArlGrid g = grid();
    double[][] fields = new double[4][NX * NY];
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < NY; j++) {
        for (int i = 0; i < NX; i++) {
          fields[k][j * NX + i] = 100 * k + 10 * Math.sin(0.01 * i * (k + 1)) + 5 * Math.cos(0.013 * j) + 0.5 * Math.sin(0.3 * i + 0.2 * j);
        }
      }
    }
    try (ArlWriter w = ArlWriter.create(path, g)) {
      for (int p = 0; p < periods; p++) {
        w.writePeriod(Instant.parse("2019-05-30T00:00:00Z").plusSeconds(3600L * p), 0,
            (level, var) -> fields[Math.floorMod(level + var.charAt(0) + var.charAt(3), 4)]);
      }
      w.commit();
    }
    return path;
  }
}
