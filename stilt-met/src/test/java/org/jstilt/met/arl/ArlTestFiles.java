package org.jstilt.met.arl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small ARL files with analytic fields for tests. */
final class ArlTestFiles {
  private ArlTestFiles() {}

  static final Instant T0 = Instant.parse("2021-07-01T00:00:00Z");

  /** A lat-lon grid with {@code nUpper} sigma levels of TEMP/UWND/VWND and SHGT/PRSS/PBLH at the surface. */
  static ArlGrid latLonGrid(String model, int nx, int ny, int nUpper) {
    List<ArlLevel> levels = new ArrayList<>();
    levels.add(new ArlLevel(0, 1.0, List.of("SHGT", "PRSS", "PBLH")));
    for (int l = 1; l <= nUpper; l++) {
      levels.add(new ArlLevel(l, 1.0 - 0.9 * l / nUpper, List.of("TEMP", "UWND", "VWND")));
    }
    return new ArlGrid(model, nx, ny, ArlGridDefinition.latLon(35.0, -115.0, 0.25, 0.5, nx, ny), VerticalCoordinate.SIGMA, levels);
  }

  /** A smooth analytic value of (variable, level, period, i, j). */
  static double value(String var, int level, int period, int i, int j) {
    double x = i * 0.37 + j * 0.11;
    switch (var) {
      case "SHGT":
        return 1200 + 15 * i + 7 * j + 50 * Math.sin(x);
      case "PRSS":
        return 850 - 1.5 * j + period;
      case "PBLH":
        return Math.max(0, 400 * Math.sin(0.3 * i) + 20 * period); // has zeros and values below precision
      case "TEMP":
        return 290 - 6.5 * level + Math.cos(x) + 0.1 * period;
      case "UWND":
        return 3 * Math.sin(0.2 * i + 0.1 * j) + level - 0.5 * period;
      case "VWND":
        return -2 + 0.01 * i * j;
      default:
        return level + i + j;
    }
  }

  static double[] field(ArlGrid g, String var, int level, int period) {
    double[] f = new double[g.nx() * g.ny()];
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        f[j * g.nx() + i] = value(var, level, period, i, j);
      }
    }
    return f;
  }

  static void write(Path target, ArlGrid g, int periods, Duration step) {
    try (ArlWriter w = ArlWriter.create(target, g)) {
      for (int p = 0; p < periods; p++) {
        int period = p;
        w.writePeriod(T0.plus(step.multipliedBy(p)), 0, (level, var) -> field(g, var, level, period));
      }
      w.commit();
    }
  }

  /** Record length and records per period of the shared HRRR files (59 x 41, 18 + 19 x 8 variables). */
  static final int HRRR_LREC = 2469;
  static final int HRRR_REC_PER = 171;

  /** Record number (0-based, in the whole file) of (period, level, variable number) in the HRRR files. */
  static long hrrrRecord(int period, int level, int variableNumber) {
    int offset = level == 0 ? 1 : 1 + 18 + (level - 1) * 8;
    return (long) period * HRRR_REC_PER + offset + variableNumber;
  }

  /** Adds 1 to the byte at {@code position} of {@code file}: one packed difference changes, its checksum fails. */
  static void corruptByte(Path file, long position) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, position);
      b.put(0, (byte) (b.get(0) + 1));
      b.rewind();
      ch.write(b, position);
    }
  }
}
